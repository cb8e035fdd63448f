#pragma once
// Decides, for each tap in time order, whether it is a duplicate (debounce),
// which meeting's window it falls in, and whether it is a check-in or a
// check-out (docs/semantics.md §2 and §3).
// Stateful so the hub can feed taps one at a time as they arrive; a batch is
// the same calls in a loop. Pure logic, no I/O.

#include "hub/core/attendance_rules.h"

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rollcall::core {

struct MeetingWindow {
    std::string id;
    std::vector<std::string> venues;
    common::TimePoint opening;
    common::TimePoint start;
    common::TimePoint end;
    [[nodiscard]] common::TimePoint windowEnd() const { return end + MeetingTimes::kWindowAfterEnd; }
};

/// A tap as the assigner needs it. Manual taps (amendments) name their
/// meeting and direction and skip debounce and window assignment.
struct TapInput {
    std::int64_t ref = 0; // tap id (> 0) or −amendment id for manual taps
    std::string readerId; // empty for manual taps
    std::string venueId;
    std::string badgeUid;
    std::optional<std::string> personId;      // badge holder at tap time; nullopt = unknown badge
    std::optional<std::string> revokedReason; // no holder because the badge was revoked: why (BadgeAt)
    common::TimePoint at;
    ReaderDirection readerDirection = ReaderDirection::Both;
    std::optional<Direction> explicitDirection; // imported or manual taps
    std::optional<std::string> forcedMeeting;   // manual taps
};

enum class Disposition { Applied, Duplicate, NotInWindow };

struct TapOutcome {
    Disposition disposition = Disposition::NotInWindow;
    std::optional<std::string> meetingId;
    Direction direction = Direction::In;
};

class TapAssigner {
public:
    static constexpr common::Millis kDefaultDebounce = std::chrono::seconds(10);

    explicit TapAssigner(std::vector<MeetingWindow> meetings, common::Millis debounce = kDefaultDebounce);

    /// Taps must come in time order (ties in any fixed order).
    [[nodiscard]] TapOutcome assign(const TapInput& tap);

    /// Whether a person is checked in to a meeting, given what was assigned so far.
    [[nodiscard]] bool isInside(const std::string& meetingId, const std::string& personId) const;

    [[nodiscard]] const std::vector<MeetingWindow>& meetings() const noexcept { return meetings_; }

private:
    [[nodiscard]] std::vector<const MeetingWindow*> candidates(const std::string& venueId, common::TimePoint at) const;
    [[nodiscard]] static const MeetingWindow* checkInTarget(const std::vector<const MeetingWindow*>& c,
                                                            common::TimePoint at);
    [[nodiscard]] static const MeetingWindow* checkOutTarget(const std::vector<const MeetingWindow*>& c,
                                                             common::TimePoint at);

    std::vector<MeetingWindow> meetings_;
    // venue -> its meetings: a tap looks only at its own venue's windows (the
    // hub tracks a whole prefecture's day).
    std::unordered_map<std::string, std::vector<std::size_t>> byVenue_; // indexes into meetings_ (copy-safe)
    common::Millis debounce_;
    // reader -> badge -> time of the last kept tap.
    std::unordered_map<std::string, std::unordered_map<std::string, common::TimePoint>> lastKept_;
    // meeting -> person -> inside?
    std::map<std::string, std::unordered_map<std::string, bool>> inside_;
};

} // namespace rollcall::core
