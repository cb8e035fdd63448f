#include "hub/core/meeting_evaluator.h"

#include "hub/core/finality.h"
#include "hub/core/schedule.h"
#include "hub/core/venue_assignments.h"
#include "hub/core/walk_in_units.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace rollcall::core {
std::optional<PendingTap> manualTapOf(const Amendment& a, const std::string& meetingId)
{
    if (a.kind != AmendmentKind::ManualTap || !a.personId || !a.at) return std::nullopt;
    PendingTap p;
    p.input.ref = -a.id;
    p.input.personId = a.personId;
    p.input.at = *a.at;
    p.input.explicitDirection = a.direction.value_or(Direction::In);
    p.input.forcedMeeting = meetingId;
    p.evidence = TapEvidence{-a.id, *a.at, *p.input.explicitDirection, "", "", std::nullopt};
    return p;
}

void sortForReplay(std::vector<PendingTap>& taps)
{
    std::stable_sort(taps.begin(), taps.end(), [](const PendingTap& a, const PendingTap& b) {
        if (a.input.at != b.input.at) return a.input.at < b.input.at;
        return a.input.ref < b.input.ref;
    });
}

AttendanceTracker replayRecord(Record& record, const std::vector<Meeting>& meetings, common::TimePoint now,
                               common::Millis debounce, const TapObserver& observer)
{
    std::vector<MeetingSetup> setups;
    std::set<std::string> venues;
    std::optional<common::TimePoint> from, to;
    std::vector<PendingTap> pending;
    for (const auto& m : meetings) {
        MeetingSetup s;
        s.meeting = m;
        s.roster = record.roster(m.id);
        s.expectedVenues = VenueAssignments(record.database()).expectedVenues(m, s.roster);
        s.delegations = Schedule(record).delegations(m.id);
        s.walkInUnits = walkInUnits(record.database(), m.id);
        for (auto& a : record.amendments(m.id)) {
            if (auto p = manualTapOf(a, m.id)) pending.push_back(std::move(*p));
            s.amendments.push_back(std::move(a));
        }
        s.withdrawn = record.withdrawnAmendments({m.id});
        venues.insert(m.venues.begin(), m.venues.end());
        from = from ? std::min(*from, m.times.opening) : m.times.opening;
        to = to ? std::max(*to, m.times.windowEnd()) : m.times.windowEnd();
        setups.push_back(std::move(s));
    }

    std::unordered_map<std::string, std::optional<Person>> people;
    auto lookup = [&record, people](const std::string& id) mutable -> std::optional<Person> {
        if (auto it = people.find(id); it != people.end()) return it->second;
        auto p = record.findPerson(id);
        people.emplace(id, p);
        return p;
    };
    AttendanceTracker tracker(std::move(setups), lookup, debounce);
    if (!from) return tracker;

    // Badge holdings of the UIDs tapped; who held one depends on the tap's time.
    BadgeHoldings badges;
    std::unordered_set<std::string> badgesLoaded;
    std::unordered_map<std::string, ReaderDirection> readerDirections;
    // Start one debounce interval early so the first tap in range is debounced against its predecessor.
    const auto taps = record.tapsAt({venues.begin(), venues.end()}, *from - debounce, *to);
    for (const auto& t : taps) {
        auto rd = readerDirections.find(t.readerId);
        if (rd == readerDirections.end()) {
            const auto reader = record.findReader(t.readerId);
            rd = readerDirections.emplace(t.readerId, reader ? reader->direction : ReaderDirection::Both).first;
        }
        if (badgesLoaded.insert(t.badgeUid).second) {
            for (auto& h : record.badgeHoldings(t.badgeUid)) badges.add(std::move(h));
        }
        PendingTap p;
        p.input.ref = t.id;
        p.input.readerId = t.readerId;
        p.input.venueId = t.venueId;
        p.input.badgeUid = t.badgeUid;
        auto holder = badges.at(t.badgeUid, t.at);
        p.input.personId = std::move(holder.personId);
        p.input.revokedReason = std::move(holder.revokedReason);
        p.input.at = t.at;
        p.input.readerDirection = rd->second;
        p.input.explicitDirection = t.direction;
        p.evidence = TapEvidence{t.id, t.at, Direction::In, t.readerId, t.badgeUid, t.receivedAt};
        pending.push_back(std::move(p));
    }
    sortForReplay(pending);
    for (const auto& p : pending) {
        const auto r = tracker.addTap(p.input, p.evidence, now);
        if (observer) observer(p.input, p.evidence, r);
    }
    for (const auto& m : meetings) (void)tracker.advanceTo(m.id, now);
    return tracker;
}

MeetingResult MeetingEvaluator::evaluate(const std::string& meetingId, common::TimePoint now)
{
    const auto meeting = record_.findMeeting(meetingId);
    if (!meeting) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    // A finalized meeting's roster and taps are stored: they, not today's record, decide.
    if (meeting->frozenAt) return evaluateFrozen(record_, *meeting, now);

    // Every meeting whose window overlaps this one's at its venues competes for
    // the same taps, so all of them go through the tracker together.
    const auto cluster = record_.meetingsAt(meeting->venues, meeting->times.opening, meeting->times.windowEnd());
    int duplicates = 0;
    int ignored = 0;
    const auto& venues = meeting->venues;
    auto observer = [&](const TapInput& in, const TapEvidence& ev, const TapResult& r) {
        const bool inWindow = in.at >= meeting->times.opening && in.at <= meeting->times.windowEnd()
                              && std::find(venues.begin(), venues.end(), in.venueId) != venues.end();
        if (r.verdict == TapVerdict::Duplicate && inWindow) ++duplicates;
        if (meeting->finalizedAt && ev.receivedAt && *ev.receivedAt > *meeting->finalizedAt && inWindow) ++ignored;
    };
    const auto tracker = replayRecord(record_, cluster, now, debounce_, observer);
    auto result = tracker.result(meetingId);
    result.evaluatedAt = now;
    result.tapsDuplicate = duplicates;
    result.tapsIgnoredAfterFinalize = ignored;
    return result;
}

} // namespace rollcall::core
