#include "hub/reports/attendance_ledger.h"

#include "hub/core/finality.h"
#include "hub/core/schedule.h"
#include "hub/reports/progress.h"

#include <algorithm>
#include <set>
#include <unordered_set>

namespace rollcall::reports {
namespace {

// Meetings are evaluated in stretches of time holding at least this many of
// the wanted meetings: few enough that the tap assigner's scan of candidate
// windows stays short, enough that per-stretch queries stay few.
constexpr std::size_t kChunkMeetings = 24;

} // namespace

AttendanceLedger::AttendanceLedger(core::Record& record, Options options)
    : record_(record), options_(options), coverage_(record.database()), cache_(record.database())
{}

void AttendanceLedger::loadStatic()
{
    if (staticLoaded_) return;
    auto& db = record_.database();
    auto p =
        db.prepare("SELECT p.id, p.name, p.unit_id, u.path, p.title FROM persons p JOIN units u ON u.id = p.unit_id");
    while (p.step()) {
        core::Person person{p.getText(0), p.getText(1), p.getInt(2), p.getText(3), p.getOptionalText(4)};
        persons_.emplace(person.id, std::move(person));
    }
    auto ms = db.prepare("SELECT person_id, unit_id, from_ms, to_ms FROM memberships ORDER BY from_ms, id");
    while (ms.step()) {
        Member m{ms.getText(0), ms.getInt(1), ms.getInt(2), ms.getOptionalInt(3)};
        membersByUnit_[m.unitId].push_back(m);
        membershipsOf_[m.personId].push_back(std::move(m));
    }
    units_ = loadUnits(db);
    for (const auto& [id, unit] : units_) {
        if (unit.parent) childUnits_[*unit.parent].push_back(id);
    }
    badges_ = core::BadgeHoldings::load(db);
    auto r = db.prepare("SELECT id, direction FROM readers");
    while (r.step()) readerDirections_.emplace(r.getText(0), *core::readerDirectionFromString(r.getText(1)));
    staticLoaded_ = true;
}

const std::unordered_map<std::string, core::Person>& AttendanceLedger::persons()
{
    loadStatic();
    return persons_;
}

std::optional<core::Person> AttendanceLedger::personAt(const std::string& id, std::int64_t atMs) const
{
    const auto p = persons_.find(id);
    const auto ms = membershipsOf_.find(id);
    if (p == persons_.end() || ms == membershipsOf_.end()) return std::nullopt;
    for (const auto& m : ms->second) {
        if (!m.coversMs(atMs)) continue;
        core::Person person = p->second;
        person.unitId = m.unitId;
        if (const auto u = units_.find(m.unitId); u != units_.end()) person.unitPath = u->second.path;
        return person;
    }
    return std::nullopt;
}

std::optional<std::int64_t> AttendanceLedger::unitAt(const std::string& personId, common::TimePoint at)
{
    loadStatic();
    const auto ms = membershipsOf_.find(personId);
    if (ms == membershipsOf_.end()) return std::nullopt;
    for (const auto& m : ms->second) {
        if (m.coversMs(common::toMillis(at))) return m.unitId;
    }
    return std::nullopt;
}

const std::map<std::int64_t, UnitInfo>& AttendanceLedger::units()
{
    loadStatic();
    return units_;
}

std::vector<core::Meeting> AttendanceLedger::meetingsOver(common::TimePoint from, common::TimePoint to,
                                                          common::TimePoint now)
{
    auto all = record_.meetingsStartingIn(from, to);
    // A cancelled meeting expects nobody: it is no meeting of the period.
    std::erase_if(all, [now](const core::Meeting& m) { return m.cancelledAt || m.times.windowEnd() > now; });
    return all;
}

int AttendanceLedger::meetingsNotOver(common::TimePoint from, common::TimePoint to, common::TimePoint now)
{
    auto s = record_.database().prepare(
        "SELECT count(*) FROM meetings WHERE start_ms >= ? AND start_ms < ? AND end_ms + ? > ? "
        "AND cancelled_ms IS NULL");
    s.bind(1, common::toMillis(from)).bind(2, common::toMillis(to));
    s.bind(3, static_cast<std::int64_t>(core::MeetingTimes::kWindowAfterEnd.count())).bind(4, common::toMillis(now));
    (void)s.step();
    return static_cast<int>(s.getInt(0));
}

void AttendanceLedger::evaluateChunk(const std::vector<core::Meeting>& chunk, const std::vector<std::string>& wanted,
                                     common::TimePoint now, const std::function<void(core::MeetingResult&&)>& sink)
{
    auto& db = record_.database();
    std::set<std::string> chunkVenues;
    common::TimePoint lo = chunk.front().times.opening, hi = chunk.front().times.windowEnd();
    for (const auto& m : chunk) {
        chunkVenues.insert(m.venues.begin(), m.venues.end());
        lo = std::min(lo, m.times.opening);
        hi = std::max(hi, m.times.windowEnd());
    }
    // Every meeting whose window overlaps the wanted ones at their venues
    // competes for the same taps (as in MeetingEvaluator).
    const auto cluster = record_.meetingsAt({chunkVenues.begin(), chunkVenues.end()}, lo, hi);
    std::set<std::string> venues;
    std::vector<std::string> ids;
    common::TimePoint from = lo, to = hi;
    for (const auto& m : cluster) {
        venues.insert(m.venues.begin(), m.venues.end());
        ids.push_back(m.id);
        from = std::min(from, m.times.opening);
        to = std::max(to, m.times.windowEnd());
    }

    // Rosters fixed at each meeting's start: persons invited by name who are in
    // service then, and every member then of invited units and their sub-units.
    std::unordered_map<std::string, std::vector<core::Person>> rosters;
    {
        std::unordered_map<std::string, std::int64_t> startOf;
        for (const auto& m : cluster) startOf.emplace(m.id, common::toMillis(m.times.start));
        std::unordered_map<std::string, std::set<std::string>> invitedPersons;
        auto s = db.prepare("SELECT meeting_id, unit_id, person_id FROM meeting_invites WHERE meeting_id IN ("
                            + common::placeholders(ids.size()) + ")");
        for (std::size_t i = 0; i < ids.size(); ++i) s.bind(static_cast<int>(i + 1), ids[i]);
        while (s.step()) {
            const auto meetingId = s.getText(0);
            const auto start = startOf.at(meetingId);
            auto& set = invitedPersons[meetingId];
            if (auto pid = s.getOptionalText(2)) {
                set.insert(*pid);
                continue;
            }
            std::vector<std::int64_t> stack{s.getInt(1)};
            while (!stack.empty()) {
                const auto unit = stack.back();
                stack.pop_back();
                if (auto mu = membersByUnit_.find(unit); mu != membersByUnit_.end()) {
                    for (const auto& m : mu->second) {
                        if (m.coversMs(start)) set.insert(m.personId);
                    }
                }
                if (auto cu = childUnits_.find(unit); cu != childUnits_.end())
                    stack.insert(stack.end(), cu->second.begin(), cu->second.end());
            }
        }
        // Members at S of invited groups.
        auto g = db.prepare("SELECT mg.meeting_id, gm.person_id, gm.from_ms, gm.to_ms FROM meeting_group_invites mg "
                            "JOIN group_members gm ON gm.group_id = mg.group_id WHERE mg.meeting_id IN ("
                            + common::placeholders(ids.size()) + ")");
        for (std::size_t i = 0; i < ids.size(); ++i) g.bind(static_cast<int>(i + 1), ids[i]);
        while (g.step()) {
            const auto meetingId = g.getText(0);
            const Member member{g.getText(1), 0, g.getInt(2), g.getOptionalInt(3)};
            if (member.coversMs(startOf.at(meetingId))) invitedPersons[meetingId].insert(member.personId);
        }
        for (auto& [meetingId, set] : invitedPersons) {
            auto& roster = rosters[meetingId];
            for (const auto& pid : set) {
                if (auto p = personAt(pid, startOf.at(meetingId))) roster.push_back(std::move(*p));
            }
            std::sort(roster.begin(), roster.end(), [](const core::Person& a, const core::Person& b) {
                return std::tie(a.unitPath, a.id) < std::tie(b.unitPath, b.id);
            });
        }
    }

    std::unordered_map<std::string, std::vector<core::Amendment>> amendments;
    for (auto& a : record_.amendments(ids)) amendments[*a.meetingId].push_back(std::move(a));
    std::unordered_map<std::string, std::vector<core::Amendment>> withdrawn;
    for (auto& a : record_.withdrawnAmendments(ids)) withdrawn[*a.meetingId].push_back(std::move(a));

    std::vector<core::MeetingSetup> setups;
    std::vector<core::PendingTap> pending;
    for (const auto& m : cluster) {
        core::MeetingSetup setup;
        setup.meeting = m;
        setup.roster = std::move(rosters[m.id]);
        setup.delegations = core::Schedule(record_).delegations(m.id);
        for (auto& a : amendments[m.id]) {
            if (auto p = core::manualTapOf(a, m.id)) pending.push_back(std::move(*p));
            setup.amendments.push_back(std::move(a));
        }
        setup.withdrawn = std::move(withdrawn[m.id]);
        setups.push_back(std::move(setup));
    }
    const auto& persons = persons_;
    core::AttendanceTracker tracker(
        std::move(setups),
        [&persons](const std::string& id) -> std::optional<core::Person> {
            if (auto it = persons.find(id); it != persons.end()) return it->second;
            return std::nullopt;
        },
        options_.debounce);

    {
        const std::vector<std::string> venueList(venues.begin(), venues.end());
        auto s = db.prepare("SELECT id, reader_id, badge_uid, at_ms, direction, venue_id, received_ms FROM taps "
                            "WHERE at_ms BETWEEN ? AND ? AND venue_id IN ("
                            + common::placeholders(venueList.size()) + ") ORDER BY at_ms, id");
        // One debounce interval early, so the first tap is debounced against its predecessor.
        s.bind(1, common::toMillis(from - options_.debounce)).bind(2, common::toMillis(to));
        for (std::size_t i = 0; i < venueList.size(); ++i) s.bind(static_cast<int>(i + 3), venueList[i]);
        while (s.step()) {
            core::PendingTap p;
            p.input.ref = s.getInt(0);
            p.input.readerId = s.getText(1);
            p.input.badgeUid = s.getText(2);
            p.input.at = common::fromMillis(s.getInt(3));
            if (auto d = s.getOptionalText(4)) p.input.explicitDirection = core::directionFromString(*d);
            p.input.venueId = s.getText(5);
            const auto rd = readerDirections_.find(p.input.readerId);
            p.input.readerDirection = rd == readerDirections_.end() ? core::ReaderDirection::Both : rd->second;
            auto holder = badges_.at(p.input.badgeUid, p.input.at);
            p.input.personId = std::move(holder.personId);
            p.input.revokedReason = std::move(holder.revokedReason);
            p.evidence = core::TapEvidence{p.input.ref,      p.input.at,       core::Direction::In,
                                           p.input.readerId, p.input.badgeUid, common::fromMillis(s.getInt(6))};
            pending.push_back(std::move(p));
        }
    }
    core::sortForReplay(pending);
    for (const auto& p : pending) (void)tracker.addTap(p.input, p.evidence, now);
    for (const auto& id : wanted) {
        (void)tracker.advanceTo(id, now);
        auto r = tracker.result(id);
        r.evaluatedAt = now;
        sink(std::move(r));
    }
}

std::vector<core::MeetingResult> AttendanceLedger::evaluate(const std::vector<core::Meeting>& meetingsIn,
                                                            common::TimePoint now, Progress* progress)
{
    loadStatic();
    std::vector<core::Meeting> meetings = meetingsIn;
    std::sort(meetings.begin(), meetings.end(), [](const core::Meeting& a, const core::Meeting& b) {
        return std::tie(a.times.opening, a.id) < std::tie(b.times.opening, b.id);
    });
    std::unordered_map<std::string, core::MeetingResult> results;
    // Finalized meetings are evaluated from their stored roster and taps (§12).
    for (const auto& m : meetings) {
        if (m.frozenAt) results.insert_or_assign(m.id, core::evaluateFrozen(record_, m, now));
    }
    std::erase_if(meetings, [](const core::Meeting& m) { return m.frozenAt.has_value(); });
    if (progress) progress->begin("评估会议", static_cast<long>(meetings.size()));
    std::size_t i = 0;
    while (i < meetings.size()) {
        // A chunk ends only where no window reaches into the next meeting's.
        std::vector<core::Meeting> chunk;
        common::TimePoint reach = meetings[i].times.windowEnd();
        while (i < meetings.size()
               && (chunk.size() < kChunkMeetings || meetings[i].times.opening - options_.debounce <= reach)) {
            reach = std::max(reach, meetings[i].times.windowEnd());
            chunk.push_back(meetings[i++]);
        }
        std::vector<std::string> wanted;
        for (const auto& m : chunk) wanted.push_back(m.id);
        evaluateChunk(chunk, wanted, now, [&](core::MeetingResult&& r) {
            const auto id = r.meeting.id;
            results.insert_or_assign(id, std::move(r));
        });
        if (progress) progress->update(static_cast<long>(i));
    }
    if (progress) progress->finish();
    std::vector<core::MeetingResult> out;
    out.reserve(meetingsIn.size());
    for (const auto& m : meetingsIn) out.push_back(std::move(results.at(m.id)));
    return out;
}

MeetingLines AttendanceLedger::toLines(const core::MeetingResult& r)
{
    MeetingLines lines;
    lines.meeting = r.meeting;
    bool offlineKnown = false, offline = false;
    for (const auto& a : r.attendees) {
        MemberLine line;
        line.personId = a.person.id;
        line.status = a.outcome.status;
        line.flags = a.outcome.flags;
        line.lateMinutes = a.outcome.lateMinutes;
        line.earlyMinutes = a.outcome.earlyMinutes;
        line.unitId = a.person.unitId;
        if (line.status == core::Status::Absent) {
            if (!offlineKnown) {
                offline = !coverage_.offlineDuring(r.meeting).empty();
                offlineKnown = true;
            }
            line.verify = offline && !absenceConfirmed(a.amendments, a.person.id);
        }
        lines.members.push_back(std::move(line));
    }
    for (const auto& d : r.delegations) lines.delegations.push_back(DelegationLine{d.delegation.unitId, d.status});
    return lines;
}

std::vector<MeetingLines> AttendanceLedger::lines(common::TimePoint from, common::TimePoint to, common::TimePoint now,
                                                  Progress* progress)
{
    auto& db = record_.database();
    // One read snapshot for everything; cache rows are written in the same
    // transaction, so a writer that changed the record meanwhile makes the
    // write fail (SQLITE_BUSY_SNAPSHOT) instead of caching stale results.
    common::Transaction tx(db, common::Transaction::Kind::Deferred);
    loadStatic();
    const auto meetings = meetingsOver(from, to, now);
    std::unordered_map<std::string, MeetingLines> byId;
    if (options_.useCache) {
        for (auto& [id, members] : cache_.read(from, to)) {
            auto& l = byId[id];
            l.members = std::move(members);
            l.fromCache = true;
        }
        for (auto& [id, delegations] : cache_.readDelegations(from, to)) {
            if (auto l = byId.find(id); l != byId.end()) l->second.delegations = std::move(delegations);
        }
    }
    std::vector<core::Meeting> missing;
    for (const auto& m : meetings) {
        if (!byId.count(m.id)) missing.push_back(m);
    }
    std::vector<std::string> toStore;
    if (!missing.empty()) {
        auto results = evaluate(missing, now, progress);
        for (auto& r : results) {
            auto l = toLines(r);
            if (r.meeting.finalizedAt) toStore.push_back(r.meeting.id);
            byId.insert_or_assign(r.meeting.id, std::move(l));
        }
    }
    std::vector<MeetingLines> out;
    out.reserve(meetings.size());
    for (const auto& m : meetings) {
        auto& l = byId.at(m.id);
        l.meeting = m;
        for (auto& member : l.members) member.unitId = unitAt(member.personId, m.times.start).value_or(0);
        out.push_back(std::move(l));
    }
    if (options_.fillCache && !toStore.empty()) {
        try {
            for (const auto& l : out) {
                if (!l.fromCache && l.meeting.finalizedAt) cache_.store(l, now);
            }
            tx.commit();
        } catch (const common::DatabaseError&) {
            // The cache is an optimisation: a read-only file or a record that
            // changed meanwhile leaves it as it was (the transaction rolls back).
        }
    }
    return out;
}

int AttendanceLedger::fillCache(common::TimePoint from, common::TimePoint to, common::TimePoint now, Progress* progress)
{
    const auto n0 = cache_.size();
    (void)lines(from, to, now, progress);
    return static_cast<int>(cache_.size() - n0);
}

} // namespace rollcall::reports
