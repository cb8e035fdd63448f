#include "hub/core/schedule.h"

#include <algorithm>

namespace rollcall::core {
namespace {

std::string describe(const Meeting& m, const Zone& zone)
{
    return "meeting \"" + m.id + "\" (" + m.title + ", " + zone.format(m.times.start) + ")";
}

} // namespace

void Schedule::addGroup(const std::string& id, const std::string& name, common::TimePoint now)
{
    if (id.empty()) throw common::InputError("group id must not be empty");
    if (name.empty()) throw common::InputError("group \"" + id + "\": --name must not be empty");
    if (groupName(id)) throw common::InputError("group \"" + id + "\" already exists");
    auto s = db_.prepare("INSERT INTO invitation_groups(id, name, created_ms) VALUES (?, ?, ?)");
    s.bind(1, id).bind(2, name).bind(3, common::toMillis(now)).run();
}

std::optional<std::string> Schedule::groupName(const std::string& id)
{
    auto s = db_.prepare("SELECT name FROM invitation_groups WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return s.getText(0);
}

void Schedule::addGroupMember(const std::string& groupId, const std::string& personId, common::TimePoint on)
{
    if (!groupName(groupId)) throw common::InputError("group \"" + groupId + "\" does not exist");
    if (!record_.findPerson(personId)) throw common::InputError("person \"" + personId + "\" does not exist");
    auto open = db_.prepare("SELECT from_ms FROM group_members WHERE group_id = ? AND person_id = ? AND to_ms IS NULL");
    open.bind(1, groupId).bind(2, personId);
    if (open.step())
        throw common::InputError("person \"" + personId + "\" is already a member of group \"" + groupId + "\"");
    auto later = db_.prepare("SELECT count(*) FROM group_members WHERE group_id = ? AND person_id = ? AND to_ms > ?");
    later.bind(1, groupId).bind(2, personId).bind(3, common::toMillis(on));
    (void)later.step();
    if (later.getInt(0) > 0) {
        throw common::InputError("person \"" + personId + "\" was a member of group \"" + groupId
                                 + "\" until after that date; add them again from the day they left or later");
    }
    auto s = db_.prepare("INSERT INTO group_members(group_id, person_id, from_ms) VALUES (?, ?, ?)");
    s.bind(1, groupId).bind(2, personId).bind(3, common::toMillis(on)).run();
}

void Schedule::removeGroupMember(const std::string& groupId, const std::string& personId, common::TimePoint on)
{
    if (!groupName(groupId)) throw common::InputError("group \"" + groupId + "\" does not exist");
    auto open = db_.prepare("SELECT from_ms FROM group_members WHERE group_id = ? AND person_id = ? AND to_ms IS NULL");
    open.bind(1, groupId).bind(2, personId);
    if (!open.step())
        throw common::InputError("person \"" + personId + "\" is not a member of group \"" + groupId + "\"");
    if (common::toMillis(on) <= open.getInt(0)) {
        throw common::InputError("person \"" + personId + "\" joined group \"" + groupId
                                 + "\" on or after that date; they can leave it only later");
    }
    auto s = db_.prepare("UPDATE group_members SET to_ms = ? WHERE group_id = ? AND person_id = ? AND to_ms IS NULL");
    s.bind(1, common::toMillis(on)).bind(2, groupId).bind(3, personId).run();
}

std::vector<std::string> Schedule::groupMembersAt(const std::string& groupId, common::TimePoint at)
{
    auto s = db_.prepare("SELECT person_id FROM group_members WHERE group_id = ?1 AND from_ms <= ?2 "
                         "AND (to_ms IS NULL OR to_ms > ?2) ORDER BY person_id");
    s.bind(1, groupId).bind(2, common::toMillis(at));
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.getText(0));
    return out;
}

void Schedule::inviteGroup(const std::string& meetingId, const std::string& groupId)
{
    if (!groupName(groupId)) throw common::InputError("--invite-group: group \"" + groupId + "\" does not exist");
    auto s = db_.prepare("INSERT OR IGNORE INTO meeting_group_invites(meeting_id, group_id) VALUES (?, ?)");
    s.bind(1, meetingId).bind(2, groupId).run();
}

std::vector<std::string> Schedule::invitedGroups(const std::string& meetingId)
{
    auto s = db_.prepare("SELECT group_id FROM meeting_group_invites WHERE meeting_id = ? ORDER BY group_id");
    s.bind(1, meetingId);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.getText(0));
    return out;
}

void Schedule::addDelegation(const std::string& meetingId, const std::string& unitPath, int quota)
{
    const auto unit = record_.findUnit(unitPath);
    if (!unit) throw common::InputError("--invite-unit-quota: unit \"" + unitPath + "\" does not exist");
    if (quota < 1) throw common::InputError("--invite-unit-quota: " + unitPath + " needs a quota of at least 1");
    auto s = db_.prepare("INSERT INTO meeting_unit_quotas(meeting_id, unit_id, quota) VALUES (?, ?, ?) "
                         "ON CONFLICT(meeting_id, unit_id) DO NOTHING");
    s.bind(1, meetingId).bind(2, *unit).bind(3, static_cast<std::int64_t>(quota)).run();
    if (db_.changes() == 0) throw common::InputError("--invite-unit-quota: unit \"" + unitPath + "\" is given twice");
}

std::vector<Delegation> Schedule::delegations(const std::string& meetingId)
{
    std::vector<Delegation> out;
    auto s = db_.prepare(
        "SELECT q.unit_id, u.path, q.quota, m.start_ms, "
        "(SELECT reason FROM unit_leaves l WHERE l.meeting_id = q.meeting_id AND l.unit_id = q.unit_id "
        " ORDER BY l.id LIMIT 1) "
        "FROM meeting_unit_quotas q JOIN units u ON u.id = q.unit_id JOIN meetings m ON m.id = q.meeting_id "
        "WHERE q.meeting_id = ? AND m.cancelled_ms IS NULL ORDER BY u.path");
    s.bind(1, meetingId);
    while (s.step()) {
        Delegation d;
        d.unitId = s.getInt(0);
        d.unitPath = s.getText(1);
        d.quota = static_cast<int>(s.getInt(2));
        const auto start = s.getInt(3);
        d.leaveReason = s.getOptionalText(4);
        auto m = db_.prepare("WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT u.id FROM units u JOIN sub ON "
                             "u.parent_id = sub.id) SELECT DISTINCT person_id FROM memberships WHERE unit_id IN "
                             "(SELECT id FROM sub) AND from_ms <= ?2 AND (to_ms IS NULL OR to_ms > ?2) ORDER BY 1");
        m.bind(1, d.unitId).bind(2, start);
        while (m.step()) d.memberIds.push_back(m.getText(0));
        out.push_back(std::move(d));
    }
    return out;
}

void Schedule::excuseUnit(const std::string& meetingId, const std::string& unitPath, const std::string& author,
                          const std::string& reason, common::TimePoint now)
{
    if (!record_.findMeeting(meetingId)) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    const auto unit = record_.findUnit(unitPath);
    if (!unit) throw common::InputError("--unit: unit \"" + unitPath + "\" does not exist");
    auto q = db_.prepare("SELECT 1 FROM meeting_unit_quotas WHERE meeting_id = ? AND unit_id = ?");
    q.bind(1, meetingId).bind(2, *unit);
    if (!q.step()) {
        throw common::InputError("--unit: meeting \"" + meetingId + "\" asks no delegation of unit \"" + unitPath
                                 + "\" (excuse its people one by one with --person)");
    }
    if (reason.empty()) throw common::InputError("--reason must not be empty");
    auto s =
        db_.prepare("INSERT INTO unit_leaves(meeting_id, unit_id, author, reason, created_ms) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, meetingId).bind(2, *unit).bind(3, author).bind(4, reason).bind(5, common::toMillis(now)).run();
}

std::int64_t Schedule::addLeaveRange(const std::string& personId, common::TimePoint from, common::TimePoint to,
                                     const std::string& author, const std::string& reason, common::TimePoint now)
{
    if (!record_.findPerson(personId)) throw common::InputError("--person: person \"" + personId + "\" does not exist");
    if (to <= from) throw common::InputError("--to must not be before --from");
    if (reason.empty()) throw common::InputError("--reason must not be empty");
    Amendment a;
    a.kind = AmendmentKind::Leave;
    a.personId = personId;
    a.at = from;
    a.author = author;
    a.reason = reason;
    a.createdAt = now;
    const auto id = record_.addAmendment(a);
    auto s = db_.prepare("INSERT INTO leave_ranges(amendment_id, from_ms, to_ms) VALUES (?, ?, ?)");
    s.bind(1, id).bind(2, common::toMillis(from)).bind(3, common::toMillis(to)).run();
    return id;
}

void Schedule::cancelMeeting(const std::string& meetingId, const std::string& author, const std::string& reason,
                             common::TimePoint now)
{
    const auto m = record_.findMeeting(meetingId);
    if (!m) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    if (m->finalizedAt)
        throw common::InputError("meeting \"" + meetingId
                                 + "\" is finalized: correct it by amendment, not by cancelling");
    if (m->cancelledAt) throw common::InputError("meeting \"" + meetingId + "\" is already cancelled");
    if (reason.empty()) throw common::InputError("--reason must not be empty");
    auto c = db_.prepare("INSERT INTO meeting_changes(meeting_id, kind, old_start_ms, old_end_ms, author, reason, "
                         "created_ms) VALUES (?, 'cancel', ?, ?, ?, ?, ?)");
    c.bind(1, meetingId)
        .bind(2, common::toMillis(m->times.start))
        .bind(3, common::toMillis(m->times.end))
        .bind(4, author)
        .bind(5, reason)
        .bind(6, common::toMillis(now))
        .run();
    auto u = db_.prepare("UPDATE meetings SET cancelled_ms = ? WHERE id = ?");
    u.bind(1, common::toMillis(now)).bind(2, meetingId).run();
}

void Schedule::moveMeeting(const std::string& meetingId, common::TimePoint start, common::TimePoint end,
                           const std::string& author, const std::string& reason, common::TimePoint now)
{
    const auto m = record_.findMeeting(meetingId);
    if (!m) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    if (m->finalizedAt) throw common::InputError("meeting \"" + meetingId + "\" is finalized and cannot be moved");
    if (m->cancelledAt) throw common::InputError("meeting \"" + meetingId + "\" is cancelled and cannot be moved");
    if (end <= start) throw common::InputError("--end must be after --start");
    if (reason.empty()) throw common::InputError("--reason must not be empty");
    const auto opening = start - (m->times.start - m->times.opening);
    auto c = db_.prepare("INSERT INTO meeting_changes(meeting_id, kind, old_start_ms, old_end_ms, new_start_ms, "
                         "new_end_ms, author, reason, created_ms) VALUES (?, 'move', ?, ?, ?, ?, ?, ?, ?)");
    c.bind(1, meetingId)
        .bind(2, common::toMillis(m->times.start))
        .bind(3, common::toMillis(m->times.end))
        .bind(4, common::toMillis(start))
        .bind(5, common::toMillis(end))
        .bind(6, author)
        .bind(7, reason)
        .bind(8, common::toMillis(now))
        .run();
    auto u = db_.prepare("UPDATE meetings SET start_ms = ?, end_ms = ?, opening_ms = ? WHERE id = ?");
    u.bind(1, common::toMillis(start))
        .bind(2, common::toMillis(end))
        .bind(3, common::toMillis(opening))
        .bind(4, meetingId)
        .run();
}

std::vector<MeetingChange> Schedule::changes(const std::string& meetingId)
{
    auto s = db_.prepare("SELECT id, meeting_id, kind, old_start_ms, old_end_ms, new_start_ms, new_end_ms, author, "
                         "reason, created_ms FROM meeting_changes WHERE meeting_id = ? ORDER BY id");
    s.bind(1, meetingId);
    std::vector<MeetingChange> out;
    while (s.step()) {
        MeetingChange c;
        c.id = s.getInt(0);
        c.meetingId = s.getText(1);
        c.kind = s.getText(2);
        c.oldStart = common::fromMillis(s.getInt(3));
        c.oldEnd = common::fromMillis(s.getInt(4));
        if (auto v = s.getOptionalInt(5)) c.newStart = common::fromMillis(*v);
        if (auto v = s.getOptionalInt(6)) c.newEnd = common::fromMillis(*v);
        c.author = s.getText(7);
        c.reason = s.getText(8);
        c.createdAt = common::fromMillis(s.getInt(9));
        out.push_back(std::move(c));
    }
    return out;
}

Competitors Schedule::competitors(const std::vector<std::string>& venues, common::TimePoint opening,
                                  common::TimePoint windowEnd, const std::string& except)
{
    Competitors out;
    for (auto& m : record_.meetingsAt(venues, opening, windowEnd)) {
        if (m.id == except || m.cancelledAt) continue;
        (m.finalizedAt ? out.finalized : out.open).push_back(std::move(m));
    }
    return out;
}

void Schedule::refuseTakingFinalizedTaps(const Meeting& m, const Zone& zone)
{
    const auto c = competitors(m.venues, m.times.opening, m.times.windowEnd(), m.id);
    if (c.finalized.empty()) return;
    throw common::InputError("meeting \"" + m.id + "\": its check-in window would take taps from finalized "
                             + describe(c.finalized.front(), zone)
                             + " at the same venue; choose other times or another venue");
}

} // namespace rollcall::core
