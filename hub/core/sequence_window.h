#pragma once
// How far a reader's sequence may jump (issue 12, "Hostile input"): a reader
// numbers its taps 1, 2, 3 … and a real one only skips ahead after losing its
// outbox (it continues after the hub's last_seq) or while taps are in flight,
// so a tap whose seq lies more than `window` beyond the highest seq recorded
// for that reader is refused instead of recorded. Without this, one forged tap
// at seq 1000 or 2^63 − 1 would move the reader's last_seq for good and make
// its real taps conflicts.
//
// The rule lives here so that every writer applies the same one; the hub's
// ingest asks it before inserting a reader tap (docs/protocol.md §6).

#include <cstdint>
#include <optional>
#include <string>

namespace rollcall::core {

class SequenceWindow {
public:
    /// Enough for a day of taps buffered by an offline reader at a busy door.
    static constexpr std::uint64_t kDefaultWindow = 100'000;

    explicit SequenceWindow(std::uint64_t window = kDefaultWindow) : window_(window) {}

    /// Why a tap with `seq` from a reader whose highest recorded seq is
    /// `highestRecorded` (none yet: nullopt) is refused, or nullopt if it is
    /// admitted. A seq at or below the highest is always admitted (a re-send,
    /// or a tap that overtook others).
    [[nodiscard]] std::optional<std::string> refusal(std::optional<std::uint64_t> highestRecorded,
                                                     std::uint64_t seq) const;

    [[nodiscard]] std::uint64_t window() const noexcept { return window_; }

private:
    std::uint64_t window_;
};

} // namespace rollcall::core
