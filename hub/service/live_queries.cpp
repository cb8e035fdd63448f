#include "hub/service/live_queries.h"

#include "hub/core/meeting_evaluator.h"
#include "hub/core/person_photos.h"
#include "hub/service/wire_mapping.h"
#include "protocol/base64.h"

#include <algorithm>

namespace rollcall::service {

using namespace std::chrono_literals;

LiveQueries::LiveQueries(common::Database& db, const HubConfig& config, LiveState& state,
                         const LivePublisher& publisher)
    : db_(db), record_(db), config_(config), state_(state), publisher_(publisher)
{}

protocol::QueryReply LiveQueries::snapshot(const std::string& meetingId, common::TimePoint now)
{
    protocol::Snapshot s;
    core::MeetingResult result;
    const auto live = state_.trackedResult(meetingId, now);
    if (live) {
        result = *live;
    } else {
        if (!record_.findMeeting(meetingId))
            return protocol::Error{"unknown_meeting", "meeting \"" + meetingId + "\" does not exist"};
        result = core::MeetingEvaluator(record_, config_.debounce).evaluate(meetingId, now);
    }
    s.meeting = toWire(result.meeting);
    s.seq = publisher_.lastSeq(meetingId);
    s.hub_clock_ms = common::toMillis(now);
    s.summary = toWire(result.summary);
    for (const auto& a : result.attendees) s.attendees.push_back(toWire(a));
    for (const auto& w : result.walkIns) s.walk_ins.push_back(toWire(w));
    for (const auto& u : result.unknownBadges) s.unknown_badges.push_back(u.uid);
    // A meeting that ended is no longer tracked live; its board shows its taps all the same.
    s.recent_taps = live ? state_.recentTaps(meetingId) : state_.pastTaps(result.meeting, now);
    s.readers = state_.readersAt(result.meeting.venues);
    // What was acknowledged since the meeting's day began (a lost card at the door before check-in opened too),
    // or since its check-in opened the evening before, for a meeting just after midnight.
    const core::Zone zone(config_.zone);
    const auto dayStart = zone.startOfDay(zone.formatDate(result.meeting.times.start));
    s.alarms =
        state_.standingAlarms(s.readers, std::min(dayStart, result.meeting.times.opening), result.meeting.venues);
    return s;
}

protocol::MeetingList LiveQueries::meetingList(const std::optional<std::string>& day, common::TimePoint now)
{
    const core::Zone zone(config_.zone);
    const common::TimePoint from = zone.startOfDay(day.value_or(zone.formatDate(now)));
    protocol::MeetingList list;
    for (const auto& m : record_.meetingsStartingIn(from, from + 24h)) {
        list.meetings.push_back({m.id, m.title, m.venues, common::toMillis(m.times.start),
                                 common::toMillis(m.times.end), meetingState(m, now), m.venueNames});
    }
    return list;
}

protocol::QueryReply LiveQueries::photo(const std::string& personId)
{
    const auto p = core::personPhoto(db_, personId);
    if (!p) return protocol::Error{"no_photo", "no photo of person \"" + personId + "\""};
    return protocol::Photo{personId, p->mime, protocol::toBase64(p->data)};
}

} // namespace rollcall::service
