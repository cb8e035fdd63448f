#include "hub/core/record.h"

#include "common/clock.h"
#include "hub/core/hash_chain.h"

#include <algorithm>
#include <array>
#include <set>
#include <sstream>

namespace rollcall::core {
namespace {

constexpr std::array<std::string_view, 8> kAmendmentKinds{
    "leave",  "substitute", "manual_tap",        "status_override",
    "revoke", "appeal",     "appeal_resolution", "absence_confirmation"};

AmendmentKind amendmentKindFrom(std::string_view s)
{
    for (std::size_t i = 0; i < kAmendmentKinds.size(); ++i) {
        if (kAmendmentKinds[i] == s) return static_cast<AmendmentKind>(i);
    }
    throw std::runtime_error("unknown amendment kind in the record: " + std::string(s));
}

std::vector<std::string> splitUnitPath(const std::string& path)
{
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '/')) {
        // Trim ASCII spaces only: names in any script must survive unchanged.
        const auto b = part.find_first_not_of(' ');
        const auto e = part.find_last_not_of(' ');
        if (b == std::string::npos) throw common::InputError("unit path \"" + path + "\" has an empty part");
        parts.push_back(part.substr(b, e - b + 1));
    }
    if (parts.empty()) throw common::InputError("unit path is empty");
    return parts;
}

Meeting readMeeting(common::Database& db, common::Statement& s)
{
    Meeting m;
    m.id = s.getText(0);
    m.title = s.getText(1);
    m.times.start = common::fromMillis(s.getInt(2));
    m.times.end = common::fromMillis(s.getInt(3));
    m.times.opening = common::fromMillis(s.getInt(4));
    m.times.lateGrace = std::chrono::seconds(s.getInt(5));
    m.times.earlyGrace = std::chrono::seconds(s.getInt(6));
    m.times.midThreshold = std::chrono::seconds(s.getInt(7));
    m.times.checkoutRequired = s.getInt(8) != 0;
    if (auto f = s.getOptionalInt(9)) m.finalizedAt = common::fromMillis(*f);
    m.seriesId = s.getOptionalText(10);
    if (auto c = s.getOptionalInt(11)) m.cancelledAt = common::fromMillis(*c);
    if (auto f = s.getOptionalInt(12)) m.frozenAt = common::fromMillis(*f);
    auto v = db.prepare("SELECT mv.venue_id, v.name FROM meeting_venues mv JOIN venues v ON v.id = mv.venue_id "
                        "WHERE mv.meeting_id = ? ORDER BY mv.is_main DESC, mv.venue_id");
    v.bind(1, m.id);
    while (v.step()) {
        m.venues.push_back(v.getText(0));
        m.venueNames.push_back(v.getText(1));
    }
    return m;
}

constexpr const char* kMeetingColumns =
    "SELECT id, title, start_ms, end_ms, opening_ms, late_grace_s, early_grace_s, mid_threshold_s, "
    "checkout_required, finalized_ms, series_id, cancelled_ms, frozen_ms FROM meetings ";

} // namespace

std::string_view toString(AmendmentKind k) { return kAmendmentKinds.at(static_cast<std::size_t>(k)); }

Record::Record(common::Database& db) : db_(db) { registerChainFunctions(db_); }

std::int64_t Record::ensureUnitPath(const std::string& path)
{
    const auto parts = splitUnitPath(path);
    std::optional<std::int64_t> parent;
    std::string prefix;
    for (const auto& part : parts) {
        prefix += prefix.empty() ? part : "/" + part;
        if (auto existing = findUnit(prefix)) {
            parent = existing;
            continue;
        }
        auto ins = db_.prepare("INSERT INTO units(parent_id, name, path) VALUES (?, ?, ?)");
        ins.bind(1, parent).bind(2, part).bind(3, prefix).run();
        parent = db_.lastInsertRowId();
    }
    return *parent;
}

std::optional<std::int64_t> Record::findUnit(const std::string& path)
{
    std::string normalized;
    for (const auto& part : splitUnitPath(path)) normalized += normalized.empty() ? part : "/" + part;
    auto s = db_.prepare("SELECT id FROM units WHERE path = ?");
    s.bind(1, normalized);
    if (s.step()) return s.getInt(0);
    return std::nullopt;
}

std::vector<std::int64_t> Record::unitSubtree(std::int64_t unitId)
{
    auto s = db_.prepare(
        "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT u.id FROM units u JOIN sub ON u.parent_id = sub.id) "
        "SELECT id FROM sub");
    s.bind(1, unitId);
    std::vector<std::int64_t> ids;
    while (s.step()) ids.push_back(s.getInt(0));
    return ids;
}

void Record::addPerson(const Person& p, common::TimePoint joined)
{
    if (findPerson(p.id)) throw common::InputError("person_id \"" + p.id + "\" already exists");
    auto s = db_.prepare("INSERT INTO persons(id, name, unit_id, title) VALUES (?, ?, ?, ?)");
    s.bind(1, p.id).bind(2, p.name).bind(3, p.unitId).bind(4, p.title).run();
    auto m = db_.prepare("INSERT INTO memberships(person_id, unit_id, from_ms) VALUES (?, ?, ?)");
    m.bind(1, p.id).bind(2, p.unitId).bind(3, common::toMillis(joined)).run();
}

std::optional<Person> Record::findPerson(const std::string& id)
{
    auto s = db_.prepare(
        "SELECT p.id, p.name, p.unit_id, u.path, p.title FROM persons p JOIN units u ON u.id = p.unit_id WHERE p.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return Person{s.getText(0), s.getText(1), s.getInt(2), s.getText(3), s.getOptionalText(4)};
}

std::optional<Person> Record::personAt(const std::string& id, common::TimePoint at)
{
    auto s = db_.prepare(
        "SELECT p.id, p.name, m.unit_id, u.path, p.title FROM persons p JOIN memberships m ON m.person_id = p.id "
        "JOIN units u ON u.id = m.unit_id WHERE p.id = ?1 AND m.from_ms <= ?2 AND (m.to_ms IS NULL OR m.to_ms > ?2)");
    s.bind(1, id).bind(2, common::toMillis(at));
    if (!s.step()) return std::nullopt;
    return Person{s.getText(0), s.getText(1), s.getInt(2), s.getText(3), s.getOptionalText(4)};
}

std::vector<Membership> Record::memberships(const std::string& personId)
{
    auto s =
        db_.prepare("SELECT m.unit_id, u.path, m.from_ms, m.to_ms FROM memberships m JOIN units u ON u.id = m.unit_id "
                    "WHERE m.person_id = ? ORDER BY m.from_ms, m.id");
    s.bind(1, personId);
    std::vector<Membership> out;
    while (s.step()) {
        Membership m{s.getInt(0), s.getText(1), common::fromMillis(s.getInt(2)), std::nullopt};
        if (auto to = s.getOptionalInt(3)) m.to = common::fromMillis(*to);
        out.push_back(std::move(m));
    }
    return out;
}

namespace {

/// The membership a move or a leave ends: the open one, which must have begun before `on`.
Membership openMembership(Record& record, const std::string& personId, common::TimePoint on, std::string_view what)
{
    if (!record.findPerson(personId)) throw common::InputError("person \"" + personId + "\" does not exist");
    const auto all = record.memberships(personId);
    if (all.empty() || all.back().to)
        throw common::InputError("person \"" + personId + "\" is not in service: they have left");
    if (on <= all.back().from) {
        throw common::InputError(std::string(what) + " of person \"" + personId + "\": their membership of "
                                 + all.back().unitPath + " began on or after that date");
    }
    return all.back();
}

} // namespace

void Record::movePerson(const std::string& personId, std::int64_t unitId, common::TimePoint on)
{
    const auto current = openMembership(*this, personId, on, "move");
    if (current.unitId == unitId)
        throw common::InputError("person \"" + personId + "\" is already in " + current.unitPath);
    auto end = db_.prepare("UPDATE memberships SET to_ms = ? WHERE person_id = ? AND to_ms IS NULL");
    end.bind(1, common::toMillis(on)).bind(2, personId).run();
    auto next = db_.prepare("INSERT INTO memberships(person_id, unit_id, from_ms) VALUES (?, ?, ?)");
    next.bind(1, personId).bind(2, unitId).bind(3, common::toMillis(on)).run();
    auto p = db_.prepare("UPDATE persons SET unit_id = ? WHERE id = ?");
    p.bind(1, unitId).bind(2, personId).run();
}

void Record::personLeaves(const std::string& personId, common::TimePoint on)
{
    (void)openMembership(*this, personId, on, "leave");
    auto end = db_.prepare("UPDATE memberships SET to_ms = ? WHERE person_id = ? AND to_ms IS NULL");
    end.bind(1, common::toMillis(on)).bind(2, personId).run();
}

void Record::addBadge(const std::string& uid, const std::string& personId, common::TimePoint issued)
{
    if (!findPerson(personId)) throw common::InputError("person \"" + personId + "\" does not exist");
    for (const auto& h : badgeHoldings(uid)) {
        if (!h.revoked) {
            if (h.personId == personId) return; // the same badge listed again is no change
            throw common::InputError("badge " + uid + " is already held by person " + h.personId);
        }
        if (*h.revoked > issued) {
            throw common::InputError("badge " + uid + " was held by person " + h.personId
                                     + " after that date; it can be issued again only from its revocation on");
        }
    }
    auto s = db_.prepare("INSERT INTO badges(uid, person_id, issued_ms, recorded_ms) VALUES (?, ?, ?, ?)");
    s.bind(1, uid)
        .bind(2, personId)
        .bind(3, common::toMillis(issued))
        .bind(4, common::toMillis(common::SystemClock().now()))
        .run();
}

void Record::revokeBadge(const std::string& uid, common::TimePoint on, const std::string& reason)
{
    if (reason != "lost" && reason != "broken" && reason != "left")
        throw common::InputError("revocation reason \"" + reason + "\" is not lost, broken or left");
    const auto holdings = badgeHoldings(uid);
    const auto open = std::find_if(holdings.begin(), holdings.end(), [](const auto& h) { return !h.revoked; });
    if (open == holdings.end()) {
        throw common::InputError("badge " + uid
                                 + (holdings.empty() ? " was never issued" : " is held by nobody: it is revoked"));
    }
    if (on <= open->issued) {
        throw common::InputError("badge " + uid + " of person " + open->personId
                                 + " was issued on or after that date; revoke it after its issue");
    }
    auto s = db_.prepare("UPDATE badges SET revoked_ms = ?, revoke_reason = ? WHERE uid = ? AND revoked_ms IS NULL");
    s.bind(1, common::toMillis(on)).bind(2, reason).bind(3, uid).run();
}

std::vector<BadgeHolding> Record::badgeHoldings(const std::string& uid) { return BadgeHoldings::loadUid(db_, uid); }

std::vector<BadgeHolding> Record::badgesOf(const std::string& personId)
{
    auto s = db_.prepare("SELECT uid, person_id, issued_ms, revoked_ms, revoke_reason FROM badges WHERE person_id = ? "
                         "ORDER BY issued_ms, id");
    s.bind(1, personId);
    std::vector<BadgeHolding> out;
    while (s.step()) {
        BadgeHolding h{s.getText(0), s.getText(1), common::fromMillis(s.getInt(2)), std::nullopt, s.getOptionalText(4)};
        if (auto r = s.getOptionalInt(3)) h.revoked = common::fromMillis(*r);
        out.push_back(std::move(h));
    }
    return out;
}

std::optional<Record::Badge> Record::findBadge(const std::string& uid)
{
    const auto holdings = badgeHoldings(uid);
    if (holdings.empty()) return std::nullopt;
    const auto& h = holdings.back();
    return Badge{h.personId, h.revoked, h.issued};
}

std::optional<std::string> Record::badgeHolder(const std::string& uid, common::TimePoint at)
{
    BadgeHoldings holdings;
    for (auto& h : badgeHoldings(uid)) holdings.add(std::move(h));
    return holdings.at(uid, at).personId;
}

void Record::addVenue(const std::string& id, const std::string& name)
{
    if (venueExists(id)) throw common::InputError("venue \"" + id + "\" already exists");
    auto s = db_.prepare("INSERT INTO venues(id, name) VALUES (?, ?)");
    s.bind(1, id).bind(2, name).run();
}

bool Record::venueExists(const std::string& id)
{
    auto s = db_.prepare("SELECT 1 FROM venues WHERE id = ?");
    s.bind(1, id);
    return s.step();
}

void Record::addReader(const Reader& r, common::TimePoint now)
{
    if (!venueExists(r.venueId)) throw common::InputError("venue \"" + r.venueId + "\" does not exist");
    if (findReader(r.id)) throw common::InputError("reader \"" + r.id + "\" already exists");
    auto s = db_.prepare("INSERT INTO readers(id, venue_id, direction, created_ms) VALUES (?, ?, ?, ?)");
    s.bind(1, r.id).bind(2, r.venueId).bind(3, toString(r.direction)).bind(4, common::toMillis(now)).run();
}

std::optional<Reader> Record::findReader(const std::string& id)
{
    auto s = db_.prepare("SELECT id, venue_id, direction FROM readers WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return Reader{s.getText(0), s.getText(1), *readerDirectionFromString(s.getText(2))};
}

std::vector<Reader> Record::readers()
{
    auto s = db_.prepare("SELECT id, venue_id, direction FROM readers ORDER BY id");
    std::vector<Reader> out;
    while (s.step()) out.push_back(Reader{s.getText(0), s.getText(1), *readerDirectionFromString(s.getText(2))});
    return out;
}

void Record::addMeeting(const Meeting& m, common::TimePoint now)
{
    if (findMeeting(m.id)) throw common::InputError("meeting \"" + m.id + "\" already exists");
    if (m.venues.empty()) throw common::InputError("meeting \"" + m.id + "\" needs at least one venue");
    if (m.times.end <= m.times.start) throw common::InputError("meeting \"" + m.id + "\": end must be after start");
    if (m.times.opening > m.times.start)
        throw common::InputError("meeting \"" + m.id + "\": check-in cannot open after the start");
    auto s = db_.prepare(
        "INSERT INTO meetings(id, title, start_ms, end_ms, opening_ms, late_grace_s, early_grace_s, mid_threshold_s, "
        "checkout_required, created_ms, series_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    s.bind(1, m.id)
        .bind(2, m.title)
        .bind(3, common::toMillis(m.times.start))
        .bind(4, common::toMillis(m.times.end))
        .bind(5, common::toMillis(m.times.opening))
        .bind(6, static_cast<std::int64_t>(duration_cast<seconds>(m.times.lateGrace).count()))
        .bind(7, static_cast<std::int64_t>(duration_cast<seconds>(m.times.earlyGrace).count()))
        .bind(8, static_cast<std::int64_t>(duration_cast<seconds>(m.times.midThreshold).count()))
        .bind(9, m.times.checkoutRequired ? 1 : 0)
        .bind(10, common::toMillis(now))
        .bind(11, m.seriesId)
        .run();
    std::set<std::string> seen;
    for (std::size_t i = 0; i < m.venues.size(); ++i) {
        const auto& v = m.venues[i];
        if (!venueExists(v)) throw common::InputError("venue \"" + v + "\" does not exist");
        if (!seen.insert(v).second) throw common::InputError("venue \"" + v + "\" is listed twice");
        auto mv = db_.prepare("INSERT INTO meeting_venues(meeting_id, venue_id, is_main) VALUES (?, ?, ?)");
        mv.bind(1, m.id).bind(2, v).bind(3, i == 0 ? 1 : 0).run();
    }
}

void Record::addInvite(const std::string& meetingId, const RosterInvite& invite)
{
    auto s = db_.prepare("INSERT INTO meeting_invites(meeting_id, unit_id, person_id) VALUES (?, ?, ?)");
    s.bind(1, meetingId);
    if (invite.unitPath) {
        const auto unit = findUnit(*invite.unitPath);
        if (!unit) throw common::InputError("unit \"" + *invite.unitPath + "\" does not exist");
        s.bind(2, *unit).bindNull(3);
    } else {
        if (!invite.personId || !findPerson(*invite.personId)) {
            throw common::InputError("person \"" + invite.personId.value_or("") + "\" does not exist");
        }
        s.bindNull(2).bind(3, *invite.personId);
    }
    s.run();
}

std::optional<Meeting> Record::findMeeting(const std::string& id)
{
    auto s = db_.prepare(std::string(kMeetingColumns) + "WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readMeeting(db_, s);
}

std::vector<Meeting> Record::meetingsAt(const std::vector<std::string>& venues, common::TimePoint from,
                                        common::TimePoint to)
{
    std::vector<Meeting> out;
    if (venues.empty()) return out;
    auto s = db_.prepare(std::string(kMeetingColumns)
                         + "WHERE opening_ms <= ? AND end_ms + ? >= ? AND id IN "
                           "(SELECT meeting_id FROM meeting_venues WHERE venue_id IN ("
                         + common::placeholders(venues.size()) + ")) ORDER BY start_ms, id");
    s.bind(1, common::toMillis(to))
        .bind(2, static_cast<std::int64_t>(MeetingTimes::kWindowAfterEnd.count()))
        .bind(3, common::toMillis(from));
    for (std::size_t i = 0; i < venues.size(); ++i) s.bind(static_cast<int>(i + 4), venues[i]);
    while (s.step()) out.push_back(readMeeting(db_, s));
    return out;
}

std::vector<Meeting> Record::meetingsOverlapping(common::TimePoint from, common::TimePoint to)
{
    std::vector<Meeting> out;
    auto s =
        db_.prepare(std::string(kMeetingColumns) + "WHERE opening_ms <= ? AND end_ms + ? >= ? ORDER BY start_ms, id");
    s.bind(1, common::toMillis(to))
        .bind(2, static_cast<std::int64_t>(MeetingTimes::kWindowAfterEnd.count()))
        .bind(3, common::toMillis(from));
    while (s.step()) out.push_back(readMeeting(db_, s));
    return out;
}

std::vector<Meeting> Record::meetingsStartingIn(common::TimePoint from, common::TimePoint to)
{
    std::vector<Meeting> out;
    auto s = db_.prepare(std::string(kMeetingColumns) + "WHERE start_ms >= ? AND start_ms < ? ORDER BY start_ms, id");
    s.bind(1, common::toMillis(from)).bind(2, common::toMillis(to));
    while (s.step()) out.push_back(readMeeting(db_, s));
    return out;
}

std::vector<Person> Record::roster(const std::string& meetingId, bool stored)
{
    // Frozen at finalization: the stored roster, whatever happened since.
    auto s = db_.prepare(
        "WITH RECURSIVE invited_units(id) AS ("
        "  SELECT unit_id FROM meeting_invites WHERE meeting_id = ?1 AND unit_id IS NOT NULL"
        "  UNION SELECT u.id FROM units u JOIN invited_units iu ON u.parent_id = iu.id), "
        "at_start(s, frozen, cancelled) AS (SELECT start_ms, frozen_ms IS NOT NULL, cancelled_ms IS NOT NULL "
        "  FROM meetings WHERE id = ?1) "
        "SELECT p.id, p.name, m.unit_id, u.path, p.title FROM at_start, memberships m "
        "JOIN persons p ON p.id = m.person_id JOIN units u ON u.id = m.unit_id "
        "WHERE NOT (at_start.frozen AND ?2) AND NOT at_start.cancelled "
        "  AND m.from_ms <= at_start.s AND (m.to_ms IS NULL OR m.to_ms > at_start.s) "
        "  AND (m.unit_id IN (SELECT id FROM invited_units) "
        "   OR p.id IN (SELECT person_id FROM meeting_invites WHERE meeting_id = ?1 AND person_id IS NOT NULL) "
        "   OR p.id IN (SELECT g.person_id FROM meeting_group_invites mg JOIN group_members g "
        "      ON g.group_id = mg.group_id WHERE mg.meeting_id = ?1 AND g.from_ms <= at_start.s "
        "      AND (g.to_ms IS NULL OR g.to_ms > at_start.s))) "
        "UNION ALL "
        "SELECT p.id, p.name, f.unit_id, u.path, p.title FROM at_start, final_rosters f "
        "JOIN persons p ON p.id = f.person_id JOIN units u ON u.id = f.unit_id "
        "WHERE at_start.frozen AND ?2 AND f.meeting_id = ?1 "
        "ORDER BY 4, 1");
    s.bind(1, meetingId).bind(2, stored ? 1 : 0);
    std::vector<Person> people;
    while (s.step())
        people.push_back(Person{s.getText(0), s.getText(1), s.getInt(2), s.getText(3), s.getOptionalText(4)});
    return people;
}

InsertOutcome Record::insertTap(TapRecord& t)
{
    auto s = db_.prepare(
        "INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms, agent_at_ms, "
        "clock_offset_ms) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(reader_id, seq) DO NOTHING");
    std::optional<std::string> dir;
    if (t.direction) dir = std::string(toString(*t.direction));
    s.bind(1, t.readerId)
        .bind(2, t.seq)
        .bind(3, t.badgeUid)
        .bind(4, common::toMillis(t.at))
        .bind(5, dir)
        .bind(6, t.venueId)
        .bind(7, t.source)
        .bind(8, common::toMillis(t.receivedAt))
        .bind(9, t.agentAtMs)
        .bind(10, t.clockOffsetMs);
    (void)s.step();
    if (db_.changes() == 0) return InsertOutcome::AlreadyRecorded;
    t.id = db_.lastInsertRowId();
    return InsertOutcome::Inserted;
}

namespace {

constexpr const char* kTapColumns =
    "SELECT id, reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms, agent_at_ms, "
    "clock_offset_ms FROM taps ";

TapRecord readTap(const common::Statement& s)
{
    TapRecord t;
    t.id = s.getInt(0);
    t.readerId = s.getText(1);
    t.seq = s.getInt(2);
    t.badgeUid = s.getText(3);
    t.at = common::fromMillis(s.getInt(4));
    if (auto d = s.getOptionalText(5)) t.direction = directionFromString(*d);
    t.venueId = s.getText(6);
    t.source = s.getText(7);
    t.receivedAt = common::fromMillis(s.getInt(8));
    t.agentAtMs = s.getOptionalInt(9);
    t.clockOffsetMs = s.getOptionalInt(10);
    return t;
}

} // namespace

std::optional<TapRecord> Record::findTap(const std::string& readerId, std::int64_t seq)
{
    auto s = db_.prepare(std::string(kTapColumns) + "WHERE reader_id = ? AND seq = ?");
    s.bind(1, readerId).bind(2, seq);
    if (!s.step()) return std::nullopt;
    return readTap(s);
}

std::vector<TapRecord> Record::tapsAt(const std::vector<std::string>& venues, common::TimePoint from,
                                      common::TimePoint to)
{
    std::vector<TapRecord> out;
    if (venues.empty()) return out;
    auto s = db_.prepare(std::string(kTapColumns) + "WHERE at_ms BETWEEN ? AND ? AND venue_id IN ("
                         + common::placeholders(venues.size()) + ") ORDER BY at_ms, id");
    s.bind(1, common::toMillis(from)).bind(2, common::toMillis(to));
    for (std::size_t i = 0; i < venues.size(); ++i) s.bind(static_cast<int>(i + 3), venues[i]);
    while (s.step()) out.push_back(readTap(s));
    return out;
}

std::int64_t Record::addAmendment(Amendment& a)
{
    auto s = db_.prepare(
        "INSERT INTO amendments(kind, meeting_id, person_id, other_person_id, at_ms, direction, status, ref_id, author, "
        "reason, created_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    std::optional<std::int64_t> at;
    if (a.at) at = common::toMillis(*a.at);
    std::optional<std::string> dir;
    if (a.direction) dir = std::string(toString(*a.direction));
    s.bind(1, toString(a.kind))
        .bind(2, a.meetingId)
        .bind(3, a.personId)
        .bind(4, a.otherPersonId)
        .bind(5, at)
        .bind(6, dir)
        .bind(7, a.status)
        .bind(8, a.refId)
        .bind(9, a.author)
        .bind(10, a.reason)
        .bind(11, common::toMillis(a.createdAt))
        .run();
    a.id = db_.lastInsertRowId();
    return a.id;
}

std::vector<Amendment> Record::amendments(const std::string& meetingId)
{
    return amendments(std::vector<std::string>{meetingId});
}

namespace {

constexpr const char* kAmendmentColumns =
    "SELECT id, kind, meeting_id, person_id, other_person_id, at_ms, direction, status, ref_id, author, reason, "
    "created_ms FROM amendments a ";

Amendment readAmendment(common::Statement& s)
{
    Amendment a;
    a.id = s.getInt(0);
    a.kind = amendmentKindFrom(s.getText(1));
    a.meetingId = s.getOptionalText(2);
    a.personId = s.getOptionalText(3);
    a.otherPersonId = s.getOptionalText(4);
    if (auto at = s.getOptionalInt(5)) a.at = common::fromMillis(*at);
    if (auto d = s.getOptionalText(6)) a.direction = directionFromString(*d);
    a.status = s.getOptionalText(7);
    a.refId = s.getOptionalInt(8);
    a.author = s.getText(9);
    a.reason = s.getText(10);
    a.createdAt = common::fromMillis(s.getInt(11));
    return a;
}

std::vector<Amendment> amendmentsWhere(common::Database& db, const std::vector<std::string>& meetingIds,
                                       const std::string& condition)
{
    std::vector<Amendment> out;
    if (meetingIds.empty()) return out;
    // A leave over a range is one amendment without a meeting; it is given to
    // every meeting starting in its range, present or added later.
    const auto ids = common::placeholders(meetingIds.size());
    auto s = db.prepare(
        "SELECT a.id, a.kind, a.meeting_id, a.person_id, a.other_person_id, a.at_ms, a.direction, a.status, a.ref_id, "
        "a.author, a.reason, a.created_ms, a.meeting_id AS for_meeting FROM amendments a WHERE a.meeting_id IN ("
        + ids + ") AND " + condition
        + " UNION ALL "
          "SELECT a.id, a.kind, a.meeting_id, a.person_id, a.other_person_id, a.at_ms, a.direction, a.status, "
          "a.ref_id, a.author, a.reason, a.created_ms, m.id FROM amendments a JOIN leave_ranges lr "
          "ON lr.amendment_id = a.id JOIN meetings m ON m.start_ms >= lr.from_ms AND m.start_ms < lr.to_ms "
          "WHERE m.id IN ("
        + ids + ") AND " + condition + " ORDER BY 1, 13");
    for (std::size_t i = 0; i < meetingIds.size(); ++i) {
        s.bind(static_cast<int>(i + 1), meetingIds[i]);
        s.bind(static_cast<int>(i + 1 + meetingIds.size()), meetingIds[i]);
    }
    while (s.step()) {
        auto a = readAmendment(s);
        a.meetingId = s.getOptionalText(12); // the meeting it applies to (a leave range's too)
        out.push_back(std::move(a));
    }
    return out;
}

} // namespace

std::vector<Amendment> Record::amendments(const std::vector<std::string>& meetingIds)
{
    return amendmentsWhere(
        db_, meetingIds,
        "a.kind <> 'revoke' AND NOT EXISTS (SELECT 1 FROM amendments r WHERE r.kind = 'revoke' AND r.ref_id = a.id)");
}

std::vector<Amendment> Record::withdrawnAmendments(const std::vector<std::string>& meetingIds)
{
    return amendmentsWhere(
        db_, meetingIds,
        "(a.kind = 'revoke' OR EXISTS (SELECT 1 FROM amendments r WHERE r.kind = 'revoke' AND r.ref_id = a.id))");
}

std::optional<Amendment> Record::findAmendment(std::int64_t id)
{
    auto s = db_.prepare(std::string(kAmendmentColumns) + "WHERE id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readAmendment(s);
}

std::optional<Amendment> Record::revocationOf(std::int64_t id)
{
    auto s = db_.prepare(std::string(kAmendmentColumns) + "WHERE kind = 'revoke' AND ref_id = ? ORDER BY id LIMIT 1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readAmendment(s);
}

} // namespace rollcall::core
