#pragma once
// Wire names of the protocol enums, in declaration order (internal to protocol/):
// shared by toString()/…FromString() and by the codec's field reader and writer.

#include "protocol/codec.h"
#include "protocol/messages.h"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::protocol::wire {

/// kNames<E>[i] is the wire name of static_cast<E>(i).
template <class E>
inline constexpr std::array<std::string_view, 0> kNames{};
template <>
inline constexpr std::array<std::string_view, 2> kNames<Direction>{"in", "out"};
template <>
inline constexpr std::array<std::string_view, 9> kNames<Verdict>{"present",       "late",           "checked_out",
                                                                 "walk_in",       "unknown_badge",  "duplicate",
                                                                 "not_in_window", "unknown_reader", "revoked_badge"};
template <>
inline constexpr std::array<std::string_view, 3> kNames<ReaderState>{"ok", "no_reader", "error"};
template <>
inline constexpr std::array<std::string_view, 7> kNames<AttendanceStatus>{
    "present", "late", "absent", "excused", "substituted", "not_arrived", "overdue"};
template <>
inline constexpr std::array<std::string_view, 3> kNames<AttendanceFlag>{"left_early", "left_mid_meeting",
                                                                        "no_checkout"};
template <>
inline constexpr std::array<std::string_view, 5> kNames<MeetingState>{"scheduled", "open", "in_progress", "ended",
                                                                      "finalized"};
template <>
inline constexpr std::array<std::string_view, kDecodeErrorKindCount> kNames<DecodeErrorKind>{
    "oversized", "malformed", "unsupported_version", "unknown_type", "missing_field", "bad_field"};

/// Wire "kind" of each UpdatePayload alternative, in variant order.
inline constexpr std::array<std::string_view, 6> kUpdateKinds{"attendee", "summary", "tap",
                                                              "reader",   "alarm",   "meeting"};
static_assert(std::variant_size_v<UpdatePayload> == kUpdateKinds.size());

/// The wire name of value; empty for a value outside the enum.
template <class E>
constexpr std::string_view nameOf(E value) noexcept
{
    const auto i = static_cast<std::size_t>(value);
    return i < kNames<E>.size() ? kNames<E>[i] : std::string_view{};
}

/// Exact, case-sensitive lookup of a wire name.
template <class E>
constexpr std::optional<E> fromName(std::string_view name) noexcept
{
    for (std::size_t i = 0; i < kNames<E>.size(); ++i) {
        if (kNames<E>[i] == name) return static_cast<E>(i);
    }
    return std::nullopt;
}

/// "a|b|c", for error details.
template <std::size_t N>
std::string joinNames(const std::array<std::string_view, N>& names)
{
    std::string joined;
    for (const auto name : names) {
        if (!joined.empty()) joined += '|';
        joined += name;
    }
    return joined;
}

} // namespace rollcall::protocol::wire
