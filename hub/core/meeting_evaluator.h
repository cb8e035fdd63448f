#pragma once
// Works out every roster member's status for one meeting from the record:
// loads the meeting, its roster, amendments and the taps at its venues, runs
// the TapAssigner over all meetings whose windows overlap it, then the
// per-member rules. Deterministic: the same record and "now" give the same result.

#include "hub/core/attendance_tracker.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::core {

/// A tap waiting to be replayed: what the tracker needs, and the evidence to cite.
struct PendingTap {
    TapInput input;
    TapEvidence evidence;
};

/// A manual check-in/out amendment as a tap of its meeting; nullopt for other kinds.
[[nodiscard]] std::optional<PendingTap> manualTapOf(const Amendment& a, const std::string& meetingId);

/// Replay order: by time, then by reference (taps before later taps, manual ones first at a tie).
void sortForReplay(std::vector<PendingTap>& taps);

/// Called for each replayed tap with its outcome (for counters and live feeds).
using TapObserver = std::function<void(const TapInput&, const TapEvidence&, const TapResult&)>;

/// Builds a tracker for `meetings` (rosters and amendments from the record)
/// and replays their recorded taps and manual check-ins in time order.
[[nodiscard]] AttendanceTracker replayRecord(Record& record, const std::vector<Meeting>& meetings,
                                             common::TimePoint now,
                                             common::Millis debounce = TapAssigner::kDefaultDebounce,
                                             const TapObserver& observer = {});

class MeetingEvaluator {
public:
    explicit MeetingEvaluator(Record& record, std::chrono::milliseconds debounce = TapAssigner::kDefaultDebounce)
        : record_(record), debounce_(debounce)
    {}

    /// Throws InputError if the meeting does not exist.
    [[nodiscard]] MeetingResult evaluate(const std::string& meetingId, common::TimePoint now);

private:
    Record& record_;
    std::chrono::milliseconds debounce_;
};

} // namespace rollcall::core
