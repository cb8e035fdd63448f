#include "hub/core/finality.h"

#include "hub/core/meeting_evaluator.h"
#include "hub/core/schedule.h"
#include "hub/core/venue_assignments.h"
#include "hub/core/walk_in_units.h"

#include <algorithm>

namespace rollcall::core {
namespace {

// At most this many meetings per call, so a hub tick stays short when a large
// record is first opened with many finalized meetings to freeze; the rest
// follow on the next ticks.
constexpr std::size_t kMaxPerCall = 16;

struct FrozenTap {
    std::int64_t tapId = 0;
    std::optional<std::string> personId;
    Direction direction = Direction::In;
};

} // namespace

void freezeMeeting(Record& record, const std::string& meetingId, common::TimePoint now, common::Millis debounce)
{
    const auto meeting = record.findMeeting(meetingId);
    if (!meeting) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    if (meeting->frozenAt || !meeting->finalizedAt) return;
    auto& db = record.database();
    // Replay the meeting with every meeting competing for its taps, keeping
    // what was applied to it (taps received after finalization are not).
    std::vector<FrozenTap> taps;
    int duplicates = 0;
    const auto& times = meeting->times;
    const auto& venues = meeting->venues;
    auto observer = [&](const TapInput& in, const TapEvidence& ev, const TapResult& r) {
        const bool inWindow = in.at >= times.opening && in.at <= times.windowEnd()
                              && std::find(venues.begin(), venues.end(), in.venueId) != venues.end();
        if (r.verdict == TapVerdict::Duplicate && inWindow) ++duplicates;
        if (in.ref <= 0 || r.assignment.disposition != Disposition::Applied || r.assignment.meetingId != meetingId)
            return;
        if (ev.receivedAt && *ev.receivedAt > *meeting->finalizedAt) return;
        taps.push_back(FrozenTap{in.ref, in.personId, r.assignment.direction});
    };
    const auto cluster = record.meetingsAt(venues, times.opening, times.windowEnd());
    const auto tracker = replayRecord(record, cluster, now, debounce, observer);
    const auto result = tracker.result(meetingId);

    auto roster = db.prepare("INSERT INTO final_rosters(meeting_id, person_id, unit_id) VALUES (?, ?, ?)");
    auto outcome = db.prepare("INSERT INTO final_results(meeting_id, person_id, status, flags, late_minutes, "
                              "early_minutes) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& a : result.attendees) {
        roster.reset();
        roster.bind(1, meetingId).bind(2, a.person.id).bind(3, a.person.unitId).run();
        outcome.reset();
        outcome.bind(1, meetingId)
            .bind(2, a.person.id)
            .bind(3, std::string(toString(a.outcome.status)))
            .bind(4, static_cast<std::int64_t>(a.outcome.flags))
            .bind(5, a.outcome.lateMinutes)
            .bind(6, a.outcome.earlyMinutes)
            .run();
    }
    auto tap = db.prepare("INSERT INTO final_taps(meeting_id, tap_id, person_id, direction) VALUES (?, ?, ?, ?)");
    for (const auto& t : taps) {
        tap.reset();
        tap.bind(1, meetingId).bind(2, t.tapId).bind(3, t.personId).bind(4, std::string(toString(t.direction))).run();
    }
    auto mark = db.prepare("UPDATE meetings SET frozen_ms = ?, frozen_duplicates = ? WHERE id = ?");
    mark.bind(1, common::toMillis(now)).bind(2, static_cast<std::int64_t>(duplicates)).bind(3, meetingId).run();
}

void finalizeMeeting(Record& record, const std::string& meetingId, common::TimePoint now, common::Millis debounce)
{
    const auto meeting = record.findMeeting(meetingId);
    if (!meeting) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    if (meeting->finalizedAt) throw common::InputError("meeting \"" + meetingId + "\" is already finalized");
    if (now <= meeting->times.windowEnd()) {
        throw common::InputError("meeting \"" + meetingId
                                 + "\" cannot be finalized before its check-out window closes");
    }
    auto s = record.database().prepare("UPDATE meetings SET finalized_ms = ? WHERE id = ? AND finalized_ms IS NULL");
    s.bind(1, common::toMillis(now)).bind(2, meetingId).run();
    freezeMeeting(record, meetingId, now, debounce);
}

std::vector<std::string> finalizeDue(Record& record, common::TimePoint now, common::Millis after,
                                     common::Millis debounce)
{
    auto& db = record.database();
    // Meetings not frozen whose window has closed: the finalized ones need
    // freezing, the others finalizing once `after` has passed too.
    std::vector<std::pair<std::string, bool>> due;
    {
        auto s = db.prepare("SELECT id, finalized_ms IS NOT NULL, end_ms FROM meetings "
                            "WHERE frozen_ms IS NULL AND end_ms < ? ORDER BY end_ms, id");
        s.bind(1, common::toMillis(now - MeetingTimes::kWindowAfterEnd));
        while (s.step()) {
            const bool finalized = s.getInt(1) != 0;
            const auto windowEnd = common::fromMillis(s.getInt(2)) + MeetingTimes::kWindowAfterEnd;
            if (finalized || now - windowEnd >= after) due.emplace_back(s.getText(0), finalized);
            if (due.size() == kMaxPerCall) break;
        }
    }
    std::vector<std::string> done;
    for (const auto& [id, finalized] : due) {
        common::Transaction tx(db);
        if (finalized)
            freezeMeeting(record, id, now, debounce);
        else
            finalizeMeeting(record, id, now, debounce);
        tx.commit();
        done.push_back(id);
    }
    return done;
}

MeetingResult evaluateFrozen(Record& record, const Meeting& meeting, common::TimePoint now)
{
    auto& db = record.database();
    MeetingSetup setup;
    setup.meeting = meeting;
    setup.roster = record.roster(meeting.id); // the stored one
    // Assignments cannot change once the meeting is finalized (VenueAssignments::assign).
    setup.expectedVenues = VenueAssignments(db).expectedVenues(meeting, setup.roster);
    std::vector<PendingTap> pending;
    for (auto& a : record.amendments(meeting.id)) {
        if (auto p = manualTapOf(a, meeting.id)) pending.push_back(std::move(*p));
        setup.amendments.push_back(std::move(a));
    }
    setup.delegations = Schedule(record).delegations(meeting.id);
    setup.walkInUnits = walkInUnits(db, meeting.id);
    // The stored assignment: each tap with its holder and direction as decided then.
    auto s = db.prepare("SELECT f.tap_id, f.person_id, f.direction, t.at_ms, t.reader_id, t.badge_uid, t.received_ms, "
                        "t.venue_id FROM final_taps f JOIN taps t ON t.id = f.tap_id WHERE f.meeting_id = ?");
    s.bind(1, meeting.id);
    while (s.step()) {
        PendingTap p;
        p.input.ref = s.getInt(0);
        p.input.personId = s.getOptionalText(1);
        p.input.explicitDirection = directionFromString(s.getText(2));
        p.input.at = common::fromMillis(s.getInt(3));
        p.input.readerId = s.getText(4);
        p.input.badgeUid = s.getText(5);
        p.input.venueId = s.getText(7);
        p.input.forcedMeeting = meeting.id;
        p.evidence = TapEvidence{p.input.ref,      p.input.at,       *p.input.explicitDirection,
                                 p.input.readerId, p.input.badgeUid, common::fromMillis(s.getInt(6))};
        pending.push_back(std::move(p));
    }
    sortForReplay(pending);
    std::vector<MeetingSetup> setups;
    setups.push_back(std::move(setup));
    AttendanceTracker tracker(std::move(setups), [&record](const std::string& id) { return record.findPerson(id); });
    for (const auto& p : pending) (void)tracker.addTap(p.input, p.evidence, now);
    (void)tracker.advanceTo(meeting.id, now);
    auto result = tracker.result(meeting.id);
    result.evaluatedAt = now;
    auto d = db.prepare("SELECT frozen_duplicates FROM meetings WHERE id = ?");
    d.bind(1, meeting.id);
    if (d.step()) result.tapsDuplicate = static_cast<int>(d.getOptionalInt(0).value_or(0));
    // Taps recorded after finalization at its venues in its window: kept, not applied.
    if (meeting.finalizedAt && !meeting.venues.empty()) {
        auto ig =
            db.prepare("SELECT count(*) FROM taps WHERE at_ms BETWEEN ? AND ? AND received_ms > ? AND venue_id IN ("
                       + common::placeholders(meeting.venues.size()) + ")");
        ig.bind(1, common::toMillis(meeting.times.opening))
            .bind(2, common::toMillis(meeting.times.windowEnd()))
            .bind(3, common::toMillis(*meeting.finalizedAt));
        for (std::size_t i = 0; i < meeting.venues.size(); ++i) ig.bind(static_cast<int>(i + 4), meeting.venues[i]);
        (void)ig.step();
        result.tapsIgnoredAfterFinalize = static_cast<int>(ig.getInt(0));
    }
    return result;
}

} // namespace rollcall::core
