#pragma once
// The Clone pattern's client-side bookkeeping for one meeting stream: buffer
// updates until a snapshot arrives, then accept only consecutive numbers.
// Pure logic (no sockets, no Qt), so every rule is unit-tested.

#include "protocol/messages.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace rollcall::dashboard {

class UpdateSequencer {
public:
    enum class Decision {
        Apply,    ///< seq == last + 1: apply it now
        Buffered, ///< waiting for a snapshot: kept for later
        Gap,      ///< seq != last + 1: state is stale, take a new snapshot (the update is kept)
    };

    /// What to do after a snapshot: apply `updates` (in order) on top of it.
    /// If `gap` is set, the buffered updates do not continue the snapshot:
    /// apply the snapshot alone and request another one.
    struct SnapshotOutcome {
        std::vector<protocol::Update> updates;
        bool gap = false;
    };

    /// `maxBuffered` bounds memory while a snapshot is slow; the oldest
    /// updates are dropped first (which the next snapshot detects as a gap).
    explicit UpdateSequencer(std::size_t maxBuffered = 100'000);

    /// Forget everything and wait for a snapshot (new meeting, or resync).
    void reset();
    /// Offers one live update of this stream.
    [[nodiscard]] Decision offer(protocol::Update update);
    /// A snapshot whose last included update is `snapshotSeq` arrived.
    [[nodiscard]] SnapshotOutcome acceptSnapshot(std::uint64_t snapshotSeq);

    [[nodiscard]] bool live() const noexcept { return live_; }
    [[nodiscard]] std::uint64_t lastSeq() const noexcept { return last_; }
    [[nodiscard]] std::size_t buffered() const noexcept { return buffer_.size(); }

private:
    void buffer(protocol::Update update);

    std::size_t maxBuffered_;
    bool live_ = false;
    std::uint64_t last_ = 0;
    std::deque<protocol::Update> buffer_;
};

} // namespace rollcall::dashboard
