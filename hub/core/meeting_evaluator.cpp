#include "meeting_evaluator.h"

#include <algorithm>
#include <set>
#include <unordered_map>

namespace rollcall {
namespace {

using rules::Direction;
using rules::Disposition;
using rules::Status;

struct PendingTap {
    rules::TapInput input;
    TapEvidence evidence;
};

} // namespace

std::optional<double> Summary::attendanceRate() const
{
    const int denominator = expected - excused;
    if (denominator <= 0) return std::nullopt;
    return static_cast<double>(present + late + substituted) / denominator;
}

void countInto(Summary& s, const rules::MemberOutcome& o)
{
    ++s.expected;
    switch (o.status) {
    case Status::Present: ++s.present; break;
    case Status::Late: ++s.late; break;
    case Status::Absent: ++s.absent; break;
    case Status::Excused: ++s.excused; break;
    case Status::Substituted: ++s.substituted; break;
    case Status::NotArrived: ++s.notArrived; break;
    case Status::Overdue: ++s.overdue; break;
    }
    if (o.has(rules::LeftEarly)) ++s.leftEarly;
    if (o.has(rules::LeftMidMeeting)) ++s.leftMidMeeting;
    if (o.has(rules::NoCheckout)) ++s.noCheckout;
}

MeetingResult MeetingEvaluator::evaluate(const std::string& meetingId, TimePoint now)
{
    auto meeting = record_.findMeeting(meetingId);
    if (!meeting) throw InputError("meeting \"" + meetingId + "\" does not exist");

    MeetingResult result;
    result.meeting = *meeting;
    result.evaluatedAt = now;

    // Every meeting whose window overlaps this one's at its venues competes for
    // the same taps, so all of them go through the assigner together.
    const auto cluster = record_.meetingsAt(meeting->venues, meeting->times.opening, meeting->times.windowEnd());
    std::vector<rules::MeetingWindow> windows;
    std::set<std::string> venues;
    TimePoint from = meeting->times.opening;
    TimePoint to = meeting->times.windowEnd();
    for (const auto& m : cluster) {
        windows.push_back({m.id, m.venues, m.times.opening, m.times.start, m.times.end});
        venues.insert(m.venues.begin(), m.venues.end());
        from = std::min(from, m.times.opening);
        to = std::max(to, m.times.windowEnd());
    }

    std::unordered_map<std::string, std::optional<std::string>> holderCache;
    auto holder = [&](const std::string& uid, TimePoint at) -> std::optional<std::string> {
        // The holder depends on the time (a badge revoked mid-meeting has none
        // after that), so the time is part of the key.
        const auto key = uid + '@' + std::to_string(toMillis(at));
        if (auto it = holderCache.find(key); it != holderCache.end()) return it->second;
        auto h = record_.badgeHolder(uid, at);
        holderCache.emplace(key, h);
        return h;
    };

    std::unordered_map<std::string, rules::ReaderDirection> readerDirections;
    std::vector<PendingTap> pending;
    // Start a debounce window early so the first tap in range is debounced against its predecessor.
    for (auto& t : record_.tapsAt({venues.begin(), venues.end()}, from - debounce_, to)) {
        if (meeting->finalizedAt && t.receivedAt > *meeting->finalizedAt) {
            ++result.tapsIgnoredAfterFinalize; // after finalization only amendments change statuses
            continue;
        }
        auto rd = readerDirections.find(t.readerId);
        if (rd == readerDirections.end()) {
            const auto reader = record_.findReader(t.readerId);
            rd = readerDirections.emplace(t.readerId, reader ? reader->direction : rules::ReaderDirection::Both).first;
        }
        PendingTap p;
        p.input.ref = t.id;
        p.input.readerId = t.readerId;
        p.input.venueId = t.venueId;
        p.input.badgeUid = t.badgeUid;
        p.input.personId = holder(t.badgeUid, t.at);
        p.input.at = t.at;
        p.input.readerDirection = rd->second;
        p.input.explicitDirection = t.direction;
        p.evidence = TapEvidence{t.id, t.at, Direction::In, t.readerId, t.badgeUid};
        pending.push_back(std::move(p));
    }

    // Amendments: leave, substitutes, overrides for this meeting; manual taps of
    // every meeting in the cluster (they change who is inside where).
    std::map<std::string, std::string> leaveReason;
    std::map<std::string, std::string> substituteOf; // principal -> substitute
    std::map<std::string, std::pair<std::string, Amendment>> overrides;
    std::map<std::string, std::vector<Amendment>> amendmentsByPerson;
    for (const auto& m : cluster) {
        for (auto& a : record_.amendments(m.id)) {
            if (a.kind == AmendmentKind::ManualTap && a.personId && a.at) {
                PendingTap p;
                p.input.ref = -a.id;
                p.input.personId = a.personId;
                p.input.at = *a.at;
                p.input.explicitDirection = a.direction.value_or(Direction::In);
                p.input.forcedMeeting = m.id;
                p.evidence = TapEvidence{-a.id, *a.at, p.input.explicitDirection.value_or(Direction::In), "", ""};
                pending.push_back(std::move(p));
            }
            if (m.id != meetingId || !a.personId) continue;
            amendmentsByPerson[*a.personId].push_back(a);
            if (a.kind == AmendmentKind::Leave) leaveReason[*a.personId] = a.reason;
            if (a.kind == AmendmentKind::Substitute && a.otherPersonId) {
                substituteOf[*a.personId] = *a.otherPersonId;
                amendmentsByPerson[*a.otherPersonId].push_back(a);
            }
            if (a.kind == AmendmentKind::StatusOverride && a.status) overrides[*a.personId] = {*a.status, a};
        }
    }
    std::stable_sort(pending.begin(), pending.end(), [](const PendingTap& a, const PendingTap& b) {
        if (a.input.at != b.input.at) return a.input.at < b.input.at;
        return a.input.ref < b.input.ref;
    });

    rules::TapAssigner assigner(std::move(windows), debounce_);
    std::map<std::string, std::vector<rules::AppliedTap>> applied;     // person -> taps in this meeting
    std::map<std::string, std::vector<TapEvidence>> evidence;          // person -> evidence
    std::map<std::string, UnknownBadge> unknown;
    for (auto& p : pending) {
        const auto outcome = assigner.assign(p.input);
        if (p.input.at < meeting->times.opening - debounce_) continue;
        if (outcome.disposition == Disposition::Duplicate) {
            ++result.tapsDuplicate;
            continue;
        }
        if (outcome.disposition != Disposition::Applied || outcome.meetingId != meetingId) continue;
        ++result.tapsApplied;
        p.evidence.direction = outcome.direction;
        if (!p.input.personId) {
            auto& u = unknown[p.input.badgeUid];
            if (u.taps++ == 0) {
                u.uid = p.input.badgeUid;
                u.firstAt = p.input.at;
            }
            continue;
        }
        applied[*p.input.personId].push_back({p.input.at, outcome.direction, p.input.ref});
        evidence[*p.input.personId].push_back(p.evidence);
    }

    const auto roster = record_.roster(meetingId);
    std::set<std::string> rosterIds;
    std::set<std::string> substituteIds;
    for (const auto& p : roster) rosterIds.insert(p.id);
    for (const auto& [principal, sub] : substituteOf) {
        if (rosterIds.count(principal)) substituteIds.insert(sub);
    }

    for (const auto& person : roster) {
        AttendeeResult a;
        a.person = person;
        rules::MemberFacts facts;
        const auto own = applied.find(person.id);
        if (own != applied.end()) facts.taps = own->second;
        if (auto l = leaveReason.find(person.id); l != leaveReason.end()) {
            facts.onLeave = true;
            a.leaveReason = l->second;
        }
        if (auto s = substituteOf.find(person.id); s != substituteOf.end()) {
            a.substitute = record_.findPerson(s->second);
            if (auto st = applied.find(s->second); st != applied.end()) {
                a.substituteFirstIn = rules::firstCheckInBeforeEnd(meeting->times, st->second);
                facts.substituteFirstIn = a.substituteFirstIn;
                const auto& subEvidence = evidence[s->second];
                a.taps.insert(a.taps.end(), subEvidence.begin(), subEvidence.end());
            }
        }
        a.outcome = rules::evaluateMember(meeting->times, facts, now);
        if (auto o = overrides.find(person.id); o != overrides.end()) {
            if (auto status = rules::statusFromString(o->second.first)) {
                a.overriddenFrom = std::string(rules::toString(a.outcome.status));
                a.outcome.status = *status;
                if (!a.outcome.attended()) {
                    a.outcome.flags = 0;
                    a.outcome.lateMinutes = 0;
                    a.outcome.earlyMinutes = 0;
                }
                if (a.outcome.status == Status::Present) a.outcome.lateMinutes = 0;
            }
        }
        if (auto e = evidence.find(person.id); e != evidence.end()) {
            a.taps.insert(a.taps.begin(), e->second.begin(), e->second.end());
        }
        std::stable_sort(a.taps.begin(), a.taps.end(), [](const TapEvidence& x, const TapEvidence& y) { return x.at < y.at; });
        if (auto am = amendmentsByPerson.find(person.id); am != amendmentsByPerson.end()) a.amendments = am->second;
        countInto(result.summary, a.outcome);
        result.attendees.push_back(std::move(a));
    }

    for (const auto& [personId, taps] : applied) {
        if (rosterIds.count(personId) || substituteIds.count(personId)) continue;
        const auto first = std::find_if(taps.begin(), taps.end(), [](const auto& t) { return t.direction == Direction::In; });
        if (first == taps.end()) continue; // a check-out alone is no attendance
        if (auto person = record_.findPerson(personId)) result.walkIns.push_back({*person, first->at});
    }
    for (auto& [uid, u] : unknown) result.unknownBadges.push_back(u);
    result.summary.walkIns = static_cast<int>(result.walkIns.size());
    result.summary.unknownBadges = static_cast<int>(result.unknownBadges.size());
    return result;
}

} // namespace rollcall
