#pragma once
// LiveTracker: the meetings the hub follows live — those whose window touches
// [now − 12 h, now + 24 h] — replayed from the record into a tracker that each
// new tap then advances, the latest taps on each board, and the live updates
// that say what changed (a meeting's definition or roster, an attendee, its
// summary). Part of the hub's live state; single-threaded (the writer thread).
#include "hub/core/attendance_tracker.h"
#include "hub/core/record.h"
#include "hub/service/hub_config.h"
#include "hub/service/live_directory.h"
#include "hub/service/live_publisher.h"
#include "hub/service/lost_card_alarms.h"
#include "protocol/messages.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::service {

/// The reader_id of an alarm about the hub itself (docs/protocol.md §5.9).
inline constexpr std::string_view kHubAlarmSource = "hub";

class LiveTracker {
public:
    LiveTracker(common::Database& db, const HubConfig& config, LivePublisher& publisher,
                const LiveDirectory& directory);
    ~LiveTracker();

    /// Replays the meetings around `now` from the record (names from the
    /// directory, which the caller loaded first) and publishes whatever
    /// changed since the last load.
    void reload(common::TimePoint now);
    /// False before the first reload and after forget().
    [[nodiscard]] bool loaded() const noexcept { return tracker_ != nullptr; }
    /// Drops what is tracked (it may hold taps a failed batch rolled back); the next reload starts afresh.
    void forget() noexcept { tracker_.reset(); }

    /// The tracker itself, for the taps recorded in order. Only while loaded().
    [[nodiscard]] core::AttendanceTracker& tracker() { return *tracker_; }
    /// Whether a tap at `at` falls in the tracked horizon (outside it, the record replays it).
    [[nodiscard]] bool inHorizon(common::TimePoint at) const noexcept { return at >= horizonFrom_ && at <= horizonTo_; }
    /// Shows a recorded tap on its meeting's board (the latest kRecentTaps);
    /// a lost card's (revoked_badge) also raises its standing alarm, published at the tap's venue.
    void rememberTap(const std::string& meetingId, const protocol::TapEvent& event);
    /// The meeting's summary as a live update, counted as sent now (the periodic summary waits again).
    [[nodiscard]] protocol::UpdatePayload summaryUpdate(const std::string& meetingId, common::TimePoint now);

    /// Clock-driven changes: statuses at S + Gl, E and the end of the
    /// check-out window, and each meeting's periodic summary.
    void advance(common::TimePoint now);

    /// A tracked meeting's result as of `now` (its members advanced to now and
    /// the changes published first, so a snapshot and its seq agree); nullopt
    /// if the meeting is not tracked. Only while loaded().
    [[nodiscard]] std::optional<core::MeetingResult> trackedResult(const std::string& meetingId, common::TimePoint now);
    /// The latest taps shown on a tracked meeting's board, newest first.
    [[nodiscard]] std::vector<protocol::TapEvent> recentTaps(const std::string& meetingId) const;
    /// The latest taps of a meeting the hub no longer tracks (one that ended),
    /// newest first, at most kMaxRecentTaps: a past meeting's board shows its taps too.
    [[nodiscard]] std::vector<protocol::TapEvent> pastTaps(const core::Meeting& meeting, common::TimePoint now);
    [[nodiscard]] std::size_t trackedMeetings() const;
    /// Whether a tracked meeting at the venue is open now (between its opening and its end).
    [[nodiscard]] bool meetingOpenAtVenue(const std::string& venueId, common::TimePoint now) const;

    /// On the hub stream and the stream of every tracked meeting at the venue.
    void publishAtVenue(const std::string& venueId, const protocol::UpdatePayload& payload);
    /// A hub-wide alarm (reader_id "hub", e.g. the record cannot be written):
    /// on the hub stream and on the stream of every tracked meeting. `code` and
    /// `params` let a board word it in its own language (docs/protocol.md §5.9).
    void publishHubAlarm(const std::string& message, bool active, const std::string& code = {},
                         const std::vector<std::string>& params = {});
    /// Whether the hub-wide alarm is raised now (the last publishHubAlarm's state).
    [[nodiscard]] bool hubAlarmActive() const noexcept { return hubAlarm_.has_value(); }
    /// The hub-wide alarm as last published while it is raised: a board that
    /// joins later gets it in its snapshot.
    [[nodiscard]] const std::optional<protocol::Alarm>& hubAlarm() const noexcept { return hubAlarm_; }
    /// On the hub stream and the stream of every tracked meeting.
    void publishEverywhere(const protocol::UpdatePayload& payload);
    /// Whether the badge's lost-card alarm is raised now (a revoked_badge tap today).
    [[nodiscard]] bool lostCardRaised(const std::string& uid) const { return lostCards_.raised(uid); }
    /// The lost-card alarms raised by taps at any of these venues at or after
    /// `since`: a board that joins now gets them in its snapshot.
    [[nodiscard]] std::vector<protocol::Alarm> lostCardsAt(const std::vector<std::string>& venues,
                                                           common::TimePoint since) const
    {
        return lostCards_.at(venues, since);
    }

private:
    /// A replayed tap as the live feed shows it; nullopt for manual taps and taps of no meeting.
    [[nodiscard]] std::optional<protocol::TapEvent> tapEventOf(const core::TapInput& in, const core::TapEvidence& ev,
                                                               const core::TapResult& r) const;
    static void markEarlyCheckOuts(std::deque<protocol::TapEvent>& taps, const core::AttendanceTracker& tracker,
                                   const std::string& meetingId);
    void publishMeetingDiff(const std::string& meetingId, const core::MeetingResult* before,
                            const core::MeetingResult& after);
    void publishChanged(const std::string& meetingId, const std::vector<std::string>& personIds);
    /// rememberTap's work; a replayed tap raises its lost-card alarm without publishing it (reload compares).
    void keepTap(const std::string& meetingId, const protocol::TapEvent& event, bool publish);
    /// Publishes the lost-card alarms that differ from `before` (raised, moved on, or ended).
    void publishLostCardChanges(const std::map<std::string, std::pair<std::string, protocol::Alarm>>& before);

    core::Record record_;
    const HubConfig& config_;
    LivePublisher& publisher_;
    const LiveDirectory& directory_;
    std::unique_ptr<core::AttendanceTracker> tracker_;
    std::optional<protocol::Alarm> hubAlarm_; // the hub-wide alarm (record not written) while raised
    LostCardAlarms lostCards_;                // lost cards used at a door, until their day ends
    common::TimePoint horizonFrom_{};
    common::TimePoint horizonTo_{};
    // Per meeting, how many of the instants at which statuses change with no
    // tap (S + Gl, E, end of the check-out window) had passed at the last advance.
    std::map<std::string, int> phase_;
    std::map<std::string, std::deque<protocol::TapEvent>> recentTaps_;
    std::map<std::string, common::TimePoint> lastSummary_;
};

} // namespace rollcall::service
