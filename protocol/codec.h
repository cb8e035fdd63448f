#pragma once
// Encoding and decoding of Rollcall protocol frames (docs/protocol.md).
//
// Error policy: decoders never throw and never guess; any bad input comes back
// as a DecodeError value naming the field and the problem, and the caller
// counts it (DecodeErrorCounters) and logs it. Encoders do not validate (the
// receiving decoder does) and do not throw except std::bad_alloc; invalid
// UTF-8 in a string is replaced by U+FFFD.

#include "protocol/messages.h"

#include <array>
#include <atomic>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace rollcall::protocol {

enum class DecodeErrorKind {
    Oversized,          ///< frame larger than the channel's limit (checked before parsing)
    Malformed,          ///< not JSON, not an object, too deeply nested, duplicate key
    UnsupportedVersion, ///< "v" is an integer other than kProtocolVersion
    UnknownType,        ///< "type" (or an update's "kind") not valid on this channel
    MissingField,       ///< a required field is absent or null
    BadField,           ///< a field has the wrong JSON type, range, format or enum value
};
inline constexpr std::size_t kDecodeErrorKindCount = 6;

/// "oversized", "malformed", "unsupported_version", "unknown_type", "missing_field", "bad_field".
[[nodiscard]] std::string_view toString(DecodeErrorKind kind) noexcept;

struct DecodeError {
    DecodeErrorKind kind = DecodeErrorKind::Malformed;
    std::string detail; ///< e.g. "seq: must be >= 1, got 0"; input bytes are escaped, never raw
    bool operator==(const DecodeError&) const = default;
};

/// The Error message a server sends back for a rejected request
/// (code = toString(kind), message = detail).
[[nodiscard]] Error toErrorMessage(const DecodeError& error);

/// Either a decoded message or a DecodeError. Check ok() before value().
template <class T>
class DecodeResult {
public:
    DecodeResult(std::in_place_index_t<0>, T value) : state_(std::in_place_index<0>, std::move(value)) {}
    DecodeResult(DecodeError error) : state_(std::in_place_index<1>, std::move(error)) {} // NOLINT(implicit)

    [[nodiscard]] bool ok() const noexcept { return state_.index() == 0; }
    explicit operator bool() const noexcept { return ok(); }

    /// Throws std::bad_variant_access if this holds an error.
    [[nodiscard]] T& value() & { return std::get<0>(state_); }
    [[nodiscard]] const T& value() const& { return std::get<0>(state_); }
    [[nodiscard]] T&& value() && { return std::get<0>(std::move(state_)); }
    /// Throws std::bad_variant_access if this holds a value.
    [[nodiscard]] const DecodeError& error() const& { return std::get<1>(state_); }

private:
    std::variant<T, DecodeError> state_;
};

/// Decode one frame arriving on Channel (AgentToHub, HubToAgent, QueryToHub,
/// HubToQuery, LiveFeed). The size limit is enforced before parsing; nesting
/// deeper than kMaxNestingDepth is rejected without recursion. Unknown fields
/// are ignored. The returned message owns its data (no views into bytes).
template <class Channel>
[[nodiscard]] DecodeResult<typename Channel::Message> decode(std::string_view bytes) noexcept;

template <>
DecodeResult<AgentMessage> decode<AgentToHub>(std::string_view bytes) noexcept;
template <>
DecodeResult<HubMessage> decode<HubToAgent>(std::string_view bytes) noexcept;
template <>
DecodeResult<QueryRequest> decode<QueryToHub>(std::string_view bytes) noexcept;
template <>
DecodeResult<QueryReply> decode<HubToQuery>(std::string_view bytes) noexcept;
template <>
DecodeResult<Update> decode<LiveFeed>(std::string_view bytes) noexcept;

/// One JSON object per frame, with "v" and "type" first. Compact, UTF-8 unescaped.
[[nodiscard]] std::string encode(const Hello& m);
[[nodiscard]] std::string encode(const Tap& m);
[[nodiscard]] std::string encode(const Heartbeat& m);
[[nodiscard]] std::string encode(const Welcome& m);
[[nodiscard]] std::string encode(const Ack& m);
[[nodiscard]] std::string encode(const Error& m);
[[nodiscard]] std::string encode(const SnapshotRequest& m);
[[nodiscard]] std::string encode(const Snapshot& m);
[[nodiscard]] std::string encode(const MeetingListRequest& m);
[[nodiscard]] std::string encode(const PhotoRequest& m);
[[nodiscard]] std::string encode(const Photo& m);
[[nodiscard]] std::string encode(const MeetingList& m);
[[nodiscard]] std::string encode(const StatusRequest& m);
[[nodiscard]] std::string encode(const Status& m);
[[nodiscard]] std::string encode(const AdminRequest& m);
[[nodiscard]] std::string encode(const AdminReply& m);
[[nodiscard]] std::string encode(const AdminCancel& m);
[[nodiscard]] std::string encode(const AdminProgress& m);
[[nodiscard]] std::string encode(const Update& m);
[[nodiscard]] std::string encode(const AgentMessage& m);
[[nodiscard]] std::string encode(const HubMessage& m);
[[nodiscard]] std::string encode(const QueryRequest& m);
[[nodiscard]] std::string encode(const QueryReply& m);

/// Rejection counters per DecodeErrorKind; thread-safe (relaxed atomics).
class DecodeErrorCounters {
public:
    void bump(DecodeErrorKind kind) noexcept
    {
        counts_[static_cast<std::size_t>(kind)].fetch_add(1, std::memory_order_relaxed);
    }
    void bump(const DecodeError& error) noexcept { bump(error.kind); }
    [[nodiscard]] std::uint64_t count(DecodeErrorKind kind) const noexcept
    {
        return counts_[static_cast<std::size_t>(kind)].load(std::memory_order_relaxed);
    }
    [[nodiscard]] std::uint64_t total() const noexcept
    {
        std::uint64_t sum = 0;
        for (const auto& c : counts_) sum += c.load(std::memory_order_relaxed);
        return sum;
    }

private:
    std::array<std::atomic<std::uint64_t>, kDecodeErrorKindCount> counts_{};
};

} // namespace rollcall::protocol
