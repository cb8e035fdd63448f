#include "hub/core/attendance_tracker.h"

#include <algorithm>
#include <array>
#include <stdexcept>

namespace rollcall::core {
namespace {

constexpr std::array<std::string_view, 8> kVerdictNames{"present",       "late",      "checked_out",   "walk_in",
                                                        "unknown_badge", "duplicate", "not_in_window", "revoked_badge"};

bool sameOutcome(const MemberOutcome& a, const MemberOutcome& b)
{
    return a.status == b.status && a.flags == b.flags && a.firstIn == b.firstIn && a.lastOut == b.lastOut
           && a.lateMinutes == b.lateMinutes && a.earlyMinutes == b.earlyMinutes && a.inside == b.inside;
}

void insertSorted(std::vector<AppliedTap>& taps, const AppliedTap& tap)
{
    auto pos =
        std::upper_bound(taps.begin(), taps.end(), tap, [](const auto& a, const auto& b) { return a.at < b.at; });
    taps.insert(pos, tap);
}

void insertSorted(std::vector<TapEvidence>& taps, const TapEvidence& tap)
{
    auto pos =
        std::upper_bound(taps.begin(), taps.end(), tap, [](const auto& a, const auto& b) { return a.at < b.at; });
    taps.insert(pos, tap);
}

} // namespace

std::string_view toString(TapVerdict v) { return kVerdictNames.at(static_cast<std::size_t>(v)); }

AttendanceTracker::AttendanceTracker(std::vector<MeetingSetup> setups, PersonLookup lookup, common::Millis debounce)
    : assigner_(
        [&] {
            std::vector<MeetingWindow> windows;
            for (const auto& s : setups) {
                if (s.meeting.cancelledAt) continue; // a cancelled meeting takes no tap
                windows.push_back({s.meeting.id, s.meeting.venues, s.meeting.times.opening, s.meeting.times.start,
                                   s.meeting.times.end});
            }
            return windows;
        }(),
        debounce),
      lookup_(std::move(lookup))
{
    for (auto& setup : setups) {
        Tracked t;
        t.meeting = setup.meeting;
        if (t.meeting.cancelledAt) setup.roster.clear(); // a cancelled meeting expects nobody
        t.delegations = std::move(setup.delegations);
        t.walkInUnits = std::move(setup.walkInUnits);
        for (auto& person : setup.roster) {
            if (t.index.count(person.id)) continue;
            t.index.emplace(person.id, t.members.size());
            Member m;
            m.result.person = std::move(person);
            t.members.push_back(std::move(m));
        }
        for (const auto& a : setup.amendments) {
            if (!a.personId) continue;
            const auto it = t.index.find(*a.personId);
            if (it == t.index.end()) continue; // a correction for someone not on the roster changes no status
            Member& m = t.members[it->second];
            m.result.amendments.push_back(a);
            switch (a.kind) {
            case AmendmentKind::Leave:
                m.onLeave = true;
                m.result.leaveReason = a.reason;
                break;
            case AmendmentKind::Substitute:
                if (a.otherPersonId) {
                    m.substituteId = a.otherPersonId;
                    t.principalOf[*a.otherPersonId] = *a.personId;
                    m.result.substitute = lookup_(*a.otherPersonId);
                }
                break;
            case AmendmentKind::StatusOverride: m.overrideStatus = a.status; break;
            case AmendmentKind::ManualTap:
            case AmendmentKind::Revoke:
            case AmendmentKind::Appeal:
            case AmendmentKind::AppealResolution:
            case AmendmentKind::AbsenceConfirmation: break;
            }
        }
        for (const auto& a : setup.withdrawn) {
            if (!a.personId) continue;
            if (const auto it = t.index.find(*a.personId); it != t.index.end())
                t.members[it->second].result.withdrawn.push_back(a);
        }
        if (t.meeting.venues.size() > 1) {
            for (const auto& v : t.meeting.venues) t.summary.byVenue.push_back({v, {}});
            for (auto& m : t.members) {
                const auto it = setup.expectedVenues.find(m.result.person.id);
                m.result.expectedVenue = it != setup.expectedVenues.end() ? it->second : t.meeting.venues.front();
            }
        }
        const common::TimePoint never = t.meeting.times.opening - std::chrono::hours(24 * 365);
        for (auto& m : t.members) {
            (void)evaluate(t, m, never);
            count(t, m, +1);
        }
        const auto id = t.meeting.id;
        meetings_.emplace(id, std::move(t));
    }
}

std::vector<std::string> AttendanceTracker::meetingIds() const
{
    std::vector<std::string> ids;
    for (const auto& [id, t] : meetings_) ids.push_back(id);
    return ids;
}

const Meeting& AttendanceTracker::meeting(const std::string& meetingId) const
{
    return meetings_.at(meetingId).meeting;
}

bool AttendanceTracker::evaluate(Tracked& t, Member& m, common::TimePoint now)
{
    MemberFacts facts;
    facts.taps = m.own;
    facts.onLeave = m.onLeave;
    m.result.substituteFirstIn.reset();
    if (m.substituteId) {
        if (auto it = t.otherTaps.find(*m.substituteId); it != t.otherTaps.end()) {
            m.result.substituteFirstIn = firstCheckInBeforeEnd(t.meeting.times, it->second);
        }
    }
    facts.substituteFirstIn = m.result.substituteFirstIn;
    auto outcome = evaluateMember(t.meeting.times, facts, now);
    m.result.overriddenFrom.reset();
    if (m.overrideStatus) {
        if (auto status = statusFromString(*m.overrideStatus)) {
            m.result.overriddenFrom = std::string(toString(outcome.status));
            outcome.status = *status;
            if (!outcome.attended()) {
                outcome.flags = 0;
                outcome.lateMinutes = 0;
                outcome.earlyMinutes = 0;
            }
            if (outcome.status == Status::Present) outcome.lateMinutes = 0;
        }
    }
    // The venue of the reader check-in that made the first check-in (the member's or the substitute's).
    std::string checkInVenue;
    if (!m.result.expectedVenue.empty() && outcome.firstIn) {
        for (const auto& ev : m.result.taps) {
            // The rules compare whole seconds (semantics.md §1): firstIn may be the tap's time truncated.
            const auto second = [](common::TimePoint t) { return std::chrono::floor<std::chrono::seconds>(t); };
            if (second(ev.at) == second(*outcome.firstIn) && ev.direction == Direction::In && !ev.manual()) {
                checkInVenue = ev.venueId;
                break;
            }
        }
    }
    const bool changed = !sameOutcome(outcome, m.result.outcome) || checkInVenue != m.result.checkInVenue;
    m.result.outcome = outcome;
    m.result.checkInVenue = std::move(checkInVenue);
    return changed;
}

void AttendanceTracker::count(Tracked& t, const Member& m, int sign)
{
    t.summary.add(m.result.outcome.status, m.result.outcome.flags, sign);
    for (auto& v : t.summary.byVenue) {
        if (v.venueId == m.result.expectedVenue) v.tally.add(m.result.outcome.status, m.result.outcome.flags, sign);
    }
}

TapResult AttendanceTracker::addTap(const TapInput& tap, const TapEvidence& evidence, common::TimePoint now)
{
    TapResult r;
    r.personId = tap.personId;
    r.assignment = assigner_.assign(tap);
    if (tap.personId) {
        auto& last = lastTap_[*tap.personId];
        last = std::max(last, tap.at);
    }
    if (r.assignment.disposition == Disposition::Duplicate) {
        r.verdict = TapVerdict::Duplicate;
        // Count it against the meeting whose window holds it, if any.
        return r;
    }
    // A revoked badge is refused wherever it is tapped: someone is carrying a card reported lost.
    const auto notApplied = tap.revokedReason ? TapVerdict::RevokedBadge : TapVerdict::NotInWindow;
    if (r.assignment.disposition == Disposition::NotInWindow) {
        r.verdict = notApplied;
        return r;
    }
    Tracked& t = meetings_.at(*r.assignment.meetingId);
    if (t.meeting.finalizedAt && evidence.receivedAt && *evidence.receivedAt > *t.meeting.finalizedAt) {
        r.verdict = notApplied; // the meeting is closed; only amendments change it now
        return r;
    }
    ++t.tapsApplied;
    TapEvidence ev = evidence;
    ev.direction = r.assignment.direction;
    ev.venueId = tap.venueId;
    const AppliedTap applied{tap.at, r.assignment.direction, tap.ref};
    const bool checkIn = r.assignment.direction == Direction::In;
    r.afterEnd = checkIn && tap.at >= t.meeting.times.end;

    if (!tap.personId) {
        auto& u = t.unknown[tap.badgeUid];
        if (u.taps++ == 0) {
            u.uid = tap.badgeUid;
            u.firstAt = tap.at;
            t.summary.unknownBadges = static_cast<int>(t.unknown.size());
        }
        r.unknownBadgesChanged = true;
        r.verdict = tap.revokedReason ? TapVerdict::RevokedBadge : TapVerdict::UnknownBadge;
        return r;
    }
    const std::string& person = *tap.personId;
    t.evaluatedAt = std::max(t.evaluatedAt, now);

    auto update = [&](Member& m) {
        count(t, m, -1);
        if (evaluate(t, m, now)) r.changedAttendees.push_back(m.result.person.id);
        count(t, m, +1);
        if (!m.result.expectedVenue.empty() && tap.venueId != m.result.expectedVenue && !tap.venueId.empty())
            r.expectedVenue = m.result.expectedVenue;
    };

    if (const auto it = t.index.find(person); it != t.index.end()) {
        Member& m = t.members[it->second];
        insertSorted(m.own, applied);
        insertSorted(m.result.taps, ev);
        update(m);
        if (!checkIn)
            r.verdict = TapVerdict::CheckedOut;
        else
            r.verdict = m.result.outcome.status == Status::Present ? TapVerdict::Present : TapVerdict::Late;
        r.lateMinutes = m.result.outcome.lateMinutes;
        return r;
    }

    insertSorted(t.otherTaps[person], applied);
    insertSorted(t.otherEvidence[person], ev);
    if (const auto p = t.principalOf.find(person); p != t.principalOf.end()) {
        r.substituteFor = p->second;
        Member& principal = t.members[t.index.at(p->second)];
        insertSorted(principal.result.taps, ev);
        update(principal);
        if (!checkIn)
            r.verdict = TapVerdict::CheckedOut;
        else {
            // The substitute is judged by the same clock as the principal would be.
            const auto in = firstCheckInBeforeEnd(t.meeting.times, t.otherTaps[person]);
            const auto s = std::chrono::floor<std::chrono::seconds>(t.meeting.times.start);
            const common::TimePoint start(s.time_since_epoch());
            r.verdict = in && *in <= start + t.meeting.times.lateGrace ? TapVerdict::Present : TapVerdict::Late;
            if (in && r.verdict == TapVerdict::Late)
                r.lateMinutes = std::chrono::floor<std::chrono::minutes>(*in - start).count();
        }
        return r;
    }
    // Not on the roster and no approved substitute: a walk-in (once they check in).
    if (checkIn && !t.walkIns.count(person)) {
        if (auto who = lookup_(person)) {
            const auto unit = t.walkInUnits.find(person);
            t.walkIns.emplace(person, WalkIn{*who, tap.at, unit == t.walkInUnits.end() ? "" : unit->second});
            t.summary.walkIns = static_cast<int>(t.walkIns.size());
            r.walkInsChanged = true;
        }
    } else if (checkIn) {
        auto& w = t.walkIns.at(person);
        if (tap.at < w.firstIn) {
            w.firstIn = tap.at;
            r.walkInsChanged = true;
        }
    }
    r.verdict = checkIn ? TapVerdict::WalkIn : TapVerdict::CheckedOut;
    return r;
}

std::vector<std::string> AttendanceTracker::advanceTo(const std::string& meetingId, common::TimePoint now)
{
    Tracked& t = meetings_.at(meetingId);
    t.evaluatedAt = now;
    std::vector<std::string> changed;
    for (auto& m : t.members) {
        count(t, m, -1);
        if (evaluate(t, m, now)) changed.push_back(m.result.person.id);
        count(t, m, +1);
    }
    return changed;
}

MeetingResult AttendanceTracker::result(const std::string& meetingId) const
{
    const Tracked& t = meetings_.at(meetingId);
    MeetingResult r;
    r.meeting = t.meeting;
    r.evaluatedAt = t.evaluatedAt;
    for (const auto& m : t.members) r.attendees.push_back(m.result);
    std::stable_sort(r.attendees.begin(), r.attendees.end(), [](const AttendeeResult& a, const AttendeeResult& b) {
        return std::tie(a.person.unitPath, a.person.id) < std::tie(b.person.unitPath, b.person.id);
    });
    for (const auto& [id, w] : t.walkIns) r.walkIns.push_back(w);
    for (const auto& [uid, u] : t.unknown) r.unknownBadges.push_back(u);
    r.delegations = delegations(t);
    r.summary = t.summary;
    r.tapsApplied = t.tapsApplied;
    r.tapsDuplicate = t.tapsDuplicate;
    return r;
}

std::vector<DelegationResult> AttendanceTracker::delegations(const Tracked& t) const
{
    std::vector<DelegationResult> out;
    if (t.meeting.cancelledAt) return out;
    for (const auto& d : t.delegations) {
        DelegationResult r;
        r.delegation = d;
        std::vector<common::TimePoint> ins;
        for (const auto& id : d.memberIds) {
            // A member's own check-ins count, on the roster or not; substitutes do not apply.
            std::optional<common::TimePoint> in;
            if (const auto m = t.index.find(id); m != t.index.end())
                in = firstCheckInBeforeEnd(t.meeting.times, t.members[m->second].own);
            else if (const auto o = t.otherTaps.find(id); o != t.otherTaps.end())
                in = firstCheckInBeforeEnd(t.meeting.times, o->second);
            if (!in) continue;
            ins.push_back(*in);
            if (auto who = lookup_(id)) r.delegates.push_back(Delegate{*who, *in});
        }
        std::sort(r.delegates.begin(), r.delegates.end(), [](const Delegate& a, const Delegate& b) {
            return std::tie(a.firstIn, a.person.id) < std::tie(b.firstIn, b.person.id);
        });
        r.status = evaluateDelegation(t.meeting.times, DelegationFacts{d.quota, ins, d.leaveReason.has_value()},
                                      t.evaluatedAt);
        out.push_back(std::move(r));
    }
    std::sort(out.begin(), out.end(), [](const DelegationResult& a, const DelegationResult& b) {
        return a.delegation.unitPath < b.delegation.unitPath;
    });
    return out;
}

const AttendeeResult* AttendanceTracker::attendee(const std::string& meetingId, const std::string& personId) const
{
    const auto mt = meetings_.find(meetingId);
    if (mt == meetings_.end()) return nullptr;
    const auto it = mt->second.index.find(personId);
    return it == mt->second.index.end() ? nullptr : &mt->second.members[it->second].result;
}

const Summary& AttendanceTracker::summary(const std::string& meetingId) const
{
    return meetings_.at(meetingId).summary;
}

std::optional<common::TimePoint> AttendanceTracker::lastTapOf(const std::string& personId) const
{
    const auto it = lastTap_.find(personId);
    if (it == lastTap_.end()) return std::nullopt;
    return it->second;
}

} // namespace rollcall::core
