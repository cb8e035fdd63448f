#include "hub/service/live_tracker.h"

#include "hub/core/meeting_evaluator.h"
#include "hub/service/hub_log.h"
#include "hub/service/wire_mapping.h"

#include <algorithm>
#include <set>
#include <spdlog/spdlog.h>

namespace rollcall::service {
namespace {

using namespace std::chrono_literals;
using protocol::Verdict;

// Meetings tracked live: those whose tap window touches [now − 12 h, now + 24 h].
constexpr auto kHorizonBack = 12h;
constexpr auto kHorizonAhead = 24h;
constexpr auto kSummaryEvery = 10s; // protocol.md: a silent feed for 30 s means the hub is gone
constexpr std::size_t kRecentTaps = 50;

} // namespace

LiveTracker::LiveTracker(common::Database& db, const HubConfig& config, LivePublisher& publisher,
                         const LiveDirectory& directory)
    : record_(db), config_(config), publisher_(publisher), directory_(directory), lostCards_(config.zone)
{}

LiveTracker::~LiveTracker() = default;

std::size_t LiveTracker::trackedMeetings() const { return tracker_ ? tracker_->meetingIds().size() : 0; }

void LiveTracker::rememberTap(const std::string& meetingId, const protocol::TapEvent& event)
{
    keepTap(meetingId, event, true);
}

void LiveTracker::keepTap(const std::string& meetingId, const protocol::TapEvent& event, bool publish)
{
    auto& q = recentTaps_[meetingId];
    q.push_front(event);
    while (q.size() > kRecentTaps) q.pop_back();
    if (event.verdict != Verdict::RevokedBadge) return;
    // The feed keeps 50 taps; the alarm stays until the day ends, with whose card it was and why it was revoked.
    const auto at = common::fromMillis(event.at_ms);
    // From the directory, not the record: this runs while the committer may be using the record connection.
    const auto badge = directory_.badgeAt(event.badge_uid, at);
    const auto alarm =
        lostCards_.raise(event, directory_.nameOf(badge.revokedHolder), badge.revokedReason.value_or(""));
    if (alarm && publish) publishAtVenue(event.venue_id, *alarm);
}

void LiveTracker::publishLostCardChanges(const std::map<std::string, std::pair<std::string, protocol::Alarm>>& before)
{
    const auto after = lostCards_.all();
    for (const auto& [uid, now] : after) {
        const auto was = before.find(uid);
        if (was == before.end() || !(was->second.second == now.second)) publishAtVenue(now.first, now.second);
    }
    for (const auto& [uid, was] : before) {
        if (after.count(uid) != 0) continue;
        auto cleared = was.second;
        cleared.active = false;
        publishAtVenue(was.first, cleared);
    }
}

protocol::UpdatePayload LiveTracker::summaryUpdate(const std::string& meetingId, common::TimePoint now)
{
    lastSummary_[meetingId] = now;
    return toWire(tracker_->summary(meetingId));
}

void LiveTracker::reload(common::TimePoint now)
{
    std::map<std::string, core::MeetingResult> before;
    if (tracker_) {
        for (const auto& id : tracker_->meetingIds()) before.emplace(id, tracker_->result(id));
    }
    horizonFrom_ = now - kHorizonBack;
    horizonTo_ = now + kHorizonAhead;
    const auto meetings = record_.meetingsOverlapping(horizonFrom_, horizonTo_);
    recentTaps_.clear();
    const auto lostCardsBefore = lostCards_.all();
    lostCards_.clear(); // raised again from the record: the day's revoked_badge taps
    auto observer = [this](const core::TapInput& in, const core::TapEvidence& ev, const core::TapResult& r) {
        if (auto e = tapEventOf(in, ev, r)) keepTap(*r.assignment.meetingId, *e, false);
    };
    tracker_ = std::make_unique<core::AttendanceTracker>(
        core::replayRecord(record_, meetings, now, config_.debounce, observer));
    for (auto& [meetingId, taps] : recentTaps_) markEarlyCheckOuts(taps, *tracker_, meetingId);
    phase_.clear();
    for (const auto& id : tracker_->meetingIds()) {
        const auto it = before.find(id);
        publishMeetingDiff(id, it == before.end() ? nullptr : &it->second, tracker_->result(id));
    }
    (void)lostCards_.expire(now); // a past day's: over
    publishLostCardChanges(lostCardsBefore);
    hubLog()->info("loaded {} meeting(s), {} reader(s), {} badge(s)", meetings.size(), directory_.readers().size(),
                   directory_.badges().size());
}

void LiveTracker::publishMeetingDiff(const std::string& meetingId, const core::MeetingResult* before,
                                     const core::MeetingResult& after)
{
    // A new meeting, or a changed definition or roster: dashboards re-snapshot on a "meeting" update.
    bool rosterChanged = !before || before->attendees.size() != after.attendees.size();
    if (before && !rosterChanged) {
        for (std::size_t i = 0; i < after.attendees.size(); ++i) {
            if (before->attendees[i].person.id != after.attendees[i].person.id) rosterChanged = true;
        }
    }
    const auto info = toWire(after.meeting);
    if (rosterChanged || !before || !(toWire(before->meeting) == info)) {
        publisher_.publish(meetingId, info);
    } else {
        for (std::size_t i = 0; i < after.attendees.size(); ++i) {
            const auto now = toWire(after.attendees[i]);
            if (!(toWire(before->attendees[i]) == now)) publisher_.publish(meetingId, now);
        }
    }
    if (!before || !(toWire(before->summary) == toWire(after.summary)))
        publisher_.publish(meetingId, toWire(after.summary));
}

void LiveTracker::publishChanged(const std::string& meetingId, const std::vector<std::string>& personIds)
{
    if (personIds.empty()) return;
    for (const auto& id : personIds) {
        if (const auto* a = tracker_->attendee(meetingId, id)) publisher_.publish(meetingId, toWire(*a));
    }
    publisher_.publish(meetingId, toWire(tracker_->summary(meetingId)));
}

void LiveTracker::advance(common::TimePoint now)
{
    for (const auto& [venue, cleared] : lostCards_.expire(now)) publishAtVenue(venue, cleared);
    for (const auto& id : tracker_->meetingIds()) {
        const auto& t = tracker_->meeting(id).times;
        const int phase = (now > t.start + t.lateGrace) + (now >= t.end) + (now > t.windowEnd());
        auto [known, fresh] = phase_.try_emplace(id, -1);
        if (known->second != phase) {
            publishChanged(id, tracker_->advanceTo(id, now));
            known->second = phase;
        }
        auto& last = lastSummary_[id];
        if (now - last >= kSummaryEvery) {
            publisher_.publish(id, toWire(tracker_->summary(id)));
            last = now;
        }
    }
}

void LiveTracker::publishAtVenue(const std::string& venueId, const protocol::UpdatePayload& payload)
{
    publisher_.publish("", payload);
    if (!tracker_) return;
    for (const auto& id : tracker_->meetingIds()) {
        const auto& venues = tracker_->meeting(id).venues;
        if (std::find(venues.begin(), venues.end(), venueId) != venues.end()) publisher_.publish(id, payload);
    }
}

void LiveTracker::publishHubAlarm(const std::string& message, bool active, const std::string& code,
                                  const std::vector<std::string>& params)
{
    protocol::Alarm alarm{std::string(kHubAlarmSource), message, active, code, params};
    hubAlarm_.reset();
    if (active) hubAlarm_ = alarm;
    publishEverywhere(alarm);
}

void LiveTracker::publishEverywhere(const protocol::UpdatePayload& payload)
{
    publisher_.publish("", payload);
    if (!tracker_) return;
    for (const auto& id : tracker_->meetingIds()) publisher_.publish(id, payload);
}

bool LiveTracker::meetingOpenAtVenue(const std::string& venueId, common::TimePoint now) const
{
    if (!tracker_) return false;
    for (const auto& id : tracker_->meetingIds()) {
        const auto& m = tracker_->meeting(id);
        if (now < m.times.opening || now > m.times.end) continue;
        if (std::find(m.venues.begin(), m.venues.end(), venueId) != m.venues.end()) return true;
    }
    return false;
}

std::optional<core::MeetingResult> LiveTracker::trackedResult(const std::string& meetingId, common::TimePoint now)
{
    if (!tracker_->hasMeeting(meetingId)) return std::nullopt;
    publishChanged(meetingId, tracker_->advanceTo(meetingId, now)); // so the snapshot and its seq agree
    return tracker_->result(meetingId);
}

/// A replay knows a check-out's verdict when it reaches it, but not yet that
/// the person left for good: once replayed, the person's latest check-out,
/// when their outcome is "left early" and they are not inside again, gets its
/// minutes, as the live tap did (the board shows 早退, not 签退). `taps` is
/// newest first.
void LiveTracker::markEarlyCheckOuts(std::deque<protocol::TapEvent>& taps, const core::AttendanceTracker& tracker,
                                     const std::string& meetingId)
{
    if (!tracker.hasMeeting(meetingId)) return;
    std::set<std::string> seen;
    auto latestFirst = [&](protocol::TapEvent& e) {
        if (e.verdict != Verdict::CheckedOut || !e.person_id || !seen.insert(*e.person_id).second) return;
        const auto* a = tracker.attendee(meetingId, *e.person_id);
        if (a && a->outcome.has(core::LeftEarly) && !a->outcome.inside && a->outcome.earlyMinutes > 0)
            e.early_minutes = static_cast<std::int32_t>(a->outcome.earlyMinutes);
    };
    for (auto& e : taps) latestFirst(e); // newest first, as both callers keep them
}

std::optional<protocol::TapEvent> LiveTracker::tapEventOf(const core::TapInput& in, const core::TapEvidence& ev,
                                                          const core::TapResult& r) const
{
    if (ev.manual() || !r.assignment.meetingId) return std::nullopt;
    protocol::TapEvent e;
    e.tap_id = static_cast<std::uint64_t>(ev.ref);
    e.reader_id = in.readerId;
    e.venue_id = in.venueId;
    e.badge_uid = in.badgeUid;
    e.person_id = in.personId;
    if (auto name = directory_.nameOf(in.personId); !name.empty()) e.name = std::move(name);
    e.at_ms = common::toMillis(in.at);
    e.direction = r.assignment.direction == core::Direction::In ? protocol::Direction::In : protocol::Direction::Out;
    e.verdict = toWire(r.verdict);
    e.expected_venue_id = r.expectedVenue;
    return e;
}

std::vector<protocol::TapEvent> LiveTracker::pastTaps(const core::Meeting& meeting, common::TimePoint now)
{
    // A replay of the meetings at its venues around its window, as reload() does
    // for the tracked ones; the latest taps it assigned to this meeting.
    std::deque<protocol::TapEvent> taps;
    auto observer = [&](const core::TapInput& in, const core::TapEvidence& ev, const core::TapResult& r) {
        if (!r.assignment.meetingId || *r.assignment.meetingId != meeting.id) return;
        if (auto e = tapEventOf(in, ev, r)) {
            taps.push_front(*e);
            if (taps.size() > protocol::kMaxRecentTaps) taps.pop_back();
        }
    };
    const auto replayed =
        core::replayRecord(record_, record_.meetingsAt(meeting.venues, meeting.times.opening, meeting.times.end), now,
                           config_.debounce, observer);
    markEarlyCheckOuts(taps, replayed, meeting.id);
    std::vector<protocol::TapEvent> out(taps.begin(), taps.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at_ms != b.at_ms ? a.at_ms > b.at_ms : a.tap_id > b.tap_id;
    });
    return out;
}

std::vector<protocol::TapEvent> LiveTracker::recentTaps(const std::string& meetingId) const
{
    const auto it = recentTaps_.find(meetingId);
    if (it == recentTaps_.end()) return {};
    return {it->second.begin(), it->second.end()};
}

} // namespace rollcall::service
