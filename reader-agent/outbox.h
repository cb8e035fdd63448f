#pragma once
// Outbox: the agent's durable store of taps not yet acknowledged by the hub.
//
// Guarantees (docs/agent.md "Outbox"): a tap is committed (WAL,
// synchronous=FULL) with its sequence number before anything is sent; the
// next sequence number is stored in the same transaction, so a crash or
// power loss at any instant neither loses a stored tap nor reuses a seq, even
// after every row has been deleted; a row stops being pending only by remove()
// (on the hub's ack), and is deleted by prune() once its retention window is
// over. One outbox belongs to one reader id.
//
// Error policy: SQLite failures throw db::DatabaseError; an outbox that
// belongs to another reader or has a newer schema throws OutboxError.

#include "common/database.h"
#include "protocol/messages.h"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace rollcall::agent {

class OutboxError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where a tap lies on the machine's monotonic clock (CLOCK_MONOTONIC, ms):
/// comparable across agent runs as long as the machine has not rebooted,
/// which `bootId` (/proc/sys/kernel/random/boot_id) tells.
struct SteadyStamp {
    std::string bootId;
    std::int64_t steadyMs = 0;
};

/// A stored tap; `offsetKnown` says whether the clock offset was estimated at tap time.
struct StoredTap {
    protocol::Tap tap;
    bool offsetKnown = false;
    std::optional<SteadyStamp> steady; ///< stored with the tap (schema 3); none in older rows
};

class Outbox {
public:
    /// The largest seq an outbox numbers up to (2^53: a tap a millisecond for
    /// 285,000 years). A hub that claims more is not believed: its number is
    /// data, and never moves the counter past what SQLite and the wire hold.
    static constexpr std::uint64_t kMaxSeq = 1ULL << 53;

    /// Opens (creating if needed) the outbox at `path` for `readerId`.
    /// Throws OutboxError if the file belongs to another reader id.
    Outbox(const std::string& path, std::string readerId);
    Outbox(const Outbox&) = delete;
    Outbox& operator=(const Outbox&) = delete;

    /// Stores a new tap and returns it with its sequence number (durable on return).
    /// `clockOffsetMs` is the offset estimate at tap time, if any; `steady`
    /// places the tap on the monotonic clock, so that a later run of the agent
    /// can still give it hub time once an offset is known.
    protocol::Tap add(const std::string& badgeUid, std::optional<protocol::Direction> direction, std::int64_t atMs,
                      std::optional<std::int64_t> clockOffsetMs, std::optional<SteadyStamp> steady = std::nullopt);

    /// Marks the tap with this seq acknowledged at `ackedMs` (agent clock): it is
    /// no longer pending, and is kept until prune() so that a hub restored from
    /// a backup can be refilled. Returns false if there was no pending tap with
    /// this seq (a repeated ack).
    bool remove(std::uint64_t seq, std::int64_t ackedMs = 0);
    /// Deletes acknowledged taps acknowledged before `ackedBeforeMs`; returns how many.
    std::uint64_t prune(std::int64_t ackedBeforeMs);
    /// The highest acknowledged seq still kept, if any.
    [[nodiscard]] std::optional<std::uint64_t> highestAcknowledged() const;
    /// Makes acknowledged taps with a seq above `seq` pending again (the hub no
    /// longer has them); returns how many.
    std::uint64_t reopenAfter(std::uint64_t seq);

    /// Taps not yet acknowledged, oldest first, at most `limit`.
    /// A tap stored without an offset has clock_offset_ms = 0 and offsetKnown false.
    [[nodiscard]] std::vector<StoredTap> pending(std::size_t limit) const;
    [[nodiscard]] std::optional<StoredTap> find(std::uint64_t seq) const;

    /// Number of taps stored and not acknowledged.
    [[nodiscard]] std::uint64_t depth() const;
    /// The seq the next add() will use (>= 1).
    [[nodiscard]] std::uint64_t nextSeq() const;
    /// Moves the counter forward to `seq` if it is behind (never back) and
    /// `seq` <= kMaxSeq. True if it moved.
    bool advanceTo(std::uint64_t seq);
    [[nodiscard]] const std::string& readerId() const noexcept { return readerId_; }
    [[nodiscard]] const std::string& path() const noexcept { return db_.path(); }

private:
    /// Puts a next_seq that is not a usable number right (see the .cpp).
    void repairNextSeq();

    mutable common::Database db_;
    std::string readerId_;
};

} // namespace rollcall::agent
