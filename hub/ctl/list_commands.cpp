#include "hub/ctl/list_commands.h"

#include "hub/core/record.h"
#include "hub/ctl/command_group.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/person_commands.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/labels.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace rollcall::ctl {
namespace {

using json = nlohmann::ordered_json;

struct ListCommandOptions {
    std::string person, unit, at;
    bool json = false;
};

json badgeJson(const core::BadgeHolding& b, const core::Zone& zone)
{
    json j{{"uid", b.uid}, {"issued", zone.formatIso(b.issued)}, {"revoked", nullptr}, {"revoke_reason", nullptr}};
    if (b.revoked) j["revoked"] = zone.formatIso(*b.revoked);
    if (b.revokeReason) j["revoke_reason"] = *b.revokeReason;
    return j;
}

/// "YYYY-MM-DD" or now.
std::string dateOf(const std::optional<common::TimePoint>& t, const core::Zone& zone)
{
    return t ? zone.formatDate(*t) : "…";
}

void cmdPersonList(const ListCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto at = o.at.empty() ? c.clock.now() : dateOption(o.at, "--at", zone, c.clock.now());
    std::vector<std::int64_t> units;
    if (!o.unit.empty()) {
        const auto u = record.findUnit(o.unit);
        if (!u) throw common::InputError("--unit: unit \"" + o.unit + "\" does not exist");
        units = record.unitSubtree(*u);
    }
    auto s = db.prepare("SELECT id FROM persons ORDER BY id");
    json list = json::array();
    while (s.step()) {
        const auto p = record.personAt(s.getText(0), at);
        if (!p) continue; // not in service then
        if (!o.unit.empty() && std::find(units.begin(), units.end(), p->unitId) == units.end()) continue;
        json badges = json::array();
        for (const auto& b : record.badgesOf(p->id)) {
            if (b.coversTime(at)) badges.push_back(b.uid);
        }
        list.push_back({{"person_id", p->id},
                        {"name", p->name},
                        {"unit", p->unitPath},
                        {"title", p->title ? json(*p->title) : json(nullptr)},
                        {"badges", badges}});
    }
    if (o.json) {
        c.out << list.dump(2) << "\n";
        return;
    }
    for (const auto& p : list) {
        std::string badges;
        for (const auto& b : p.at("badges")) badges += (badges.empty() ? "" : ";") + b.get<std::string>();
        c.out << p.at("person_id").get<std::string>() << "  " << p.at("name").get<std::string>() << "  "
              << p.at("unit").get<std::string>() << "  " << badges << "\n";
    }
    c.out << list.size() << " person(s) in service on " << zone.formatDate(at) << "\n";
}

void cmdPersonShow(const ListCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto person = record.findPerson(o.person);
    if (!person) throw common::InputError("person \"" + o.person + "\" does not exist");

    json units = json::array();
    for (const auto& m : record.memberships(o.person)) {
        units.push_back({{"unit", m.unitPath},
                         {"from", zone.formatIso(m.from)},
                         {"to", m.to ? json(zone.formatIso(*m.to)) : json(nullptr)}});
    }
    json badges = json::array();
    for (const auto& b : record.badgesOf(o.person)) badges.push_back(badgeJson(b, zone));

    // Meetings whose roster (fixed at S) held the person, with the status they got.
    std::vector<core::Meeting> theirs;
    auto ms = db.prepare("SELECT id FROM meetings ORDER BY start_ms, id");
    std::vector<std::string> ids;
    while (ms.step()) ids.push_back(ms.getText(0));
    for (const auto& id : ids) {
        const auto roster = record.roster(id);
        if (std::any_of(roster.begin(), roster.end(), [&](const core::Person& p) { return p.id == o.person; }))
            theirs.push_back(*record.findMeeting(id));
    }
    json meetings = json::array();
    reports::AttendanceLedger ledger(record, reports::AttendanceLedger::Options{.fillCache = false});
    for (const auto& r : ledger.evaluate(theirs, c.clock.now())) {
        for (const auto& a : r.attendees) {
            if (a.person.id != o.person) continue;
            meetings.push_back({{"meeting", r.meeting.id},
                                {"title", r.meeting.title},
                                {"start", zone.formatIso(r.meeting.times.start)},
                                {"unit", a.person.unitPath},
                                {"status", std::string(core::toString(a.outcome.status))}});
        }
    }
    json amendments = json::array();
    auto am = db.prepare("SELECT id FROM amendments WHERE person_id = ?1 OR other_person_id = ?1 ORDER BY id");
    am.bind(1, o.person);
    std::vector<std::int64_t> amendmentIds;
    while (am.step()) amendmentIds.push_back(am.getInt(0));
    for (const auto id : amendmentIds) {
        const auto a = record.findAmendment(id);
        const auto revocation = record.revocationOf(id);
        amendments.push_back({{"id", a->id},
                              {"kind", std::string(core::toString(a->kind))},
                              {"meeting", a->meetingId ? json(*a->meetingId) : json(nullptr)},
                              {"by", a->author},
                              {"at", zone.formatIso(a->createdAt)},
                              {"reason", a->reason},
                              {"revoked_by", revocation ? json(revocation->id) : json(nullptr)},
                              {"text", reports::describeAmendment(*a, zone)}});
    }
    const json j{{"person_id", person->id},
                 {"name", person->name},
                 {"title", person->title ? json(*person->title) : json(nullptr)},
                 {"units", units},
                 {"badges", badges},
                 {"meetings", meetings},
                 {"amendments", amendments}};
    if (o.json) {
        c.out << j.dump(2) << "\n";
        return;
    }
    c.out << person->id << "  " << person->name << (person->title ? "  " + *person->title : "") << "\n  units:\n";
    for (const auto& m : record.memberships(o.person))
        c.out << "    " << zone.formatDate(m.from) << " – " << dateOf(m.to, zone) << "  " << m.unitPath << "\n";
    c.out << "  badges:\n";
    for (const auto& b : record.badgesOf(o.person)) {
        c.out << "    " << b.uid << "  " << zone.formatDate(b.issued) << " – " << dateOf(b.revoked, zone)
              << (b.revokeReason ? "  (" + *b.revokeReason + ")" : "") << "\n";
    }
    c.out << "  meetings:\n";
    for (const auto& m : meetings) {
        c.out << "    " << m.at("start").get<std::string>().substr(0, 10) << "  " << m.at("meeting").get<std::string>()
              << "  " << m.at("title").get<std::string>() << "  " << m.at("unit").get<std::string>() << "  "
              << m.at("status").get<std::string>() << "\n";
    }
    c.out << "  amendments:\n";
    for (const auto& a : amendments) c.out << "    " << a.at("text").get<std::string>() << "\n";
}

void cmdUnitList(const ListCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    const core::Zone zone(c.zone);
    const auto now = common::toMillis(c.clock.now());
    auto s = db.prepare("SELECT u.path, (SELECT count(*) FROM memberships m WHERE m.unit_id = u.id AND m.from_ms <= ?1 "
                        "AND (m.to_ms IS NULL OR m.to_ms > ?1)) FROM units u ORDER BY u.path");
    s.bind(1, now);
    json list = json::array();
    while (s.step()) list.push_back({{"unit", s.getText(0)}, {"members", s.getInt(1)}});
    if (o.json) {
        c.out << list.dump(2) << "\n";
        return;
    }
    for (const auto& u : list)
        c.out << u.at("unit").get<std::string>() << "  " << u.at("members").get<std::int64_t>() << " member(s)\n";
}

void cmdReaderList(const ListCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    const core::Zone zone(c.zone);
    auto s = db.prepare(
        "SELECT r.id, r.venue_id, v.name, r.direction, h.last_seen_ms, h.reader_state, h.agent_version FROM readers r "
        "JOIN venues v ON v.id = r.venue_id LEFT JOIN reader_health h ON h.reader_id = r.id ORDER BY r.id");
    json list = json::array();
    while (s.step()) {
        const auto seen = s.getOptionalInt(4);
        list.push_back({{"reader_id", s.getText(0)},
                        {"venue", s.getText(1)},
                        {"venue_name", s.getText(2)},
                        {"direction", s.getText(3)},
                        {"last_seen", seen ? json(zone.formatIso(common::fromMillis(*seen))) : json(nullptr)},
                        {"reader_state", s.getOptionalText(5).value_or("")},
                        {"agent_version", s.getOptionalText(6).value_or("")}});
    }
    if (o.json) {
        c.out << list.dump(2) << "\n";
        return;
    }
    for (const auto& r : list) {
        c.out << r.at("reader_id").get<std::string>() << "  " << r.at("venue").get<std::string>() << "  "
              << r.at("direction").get<std::string>() << "  last seen "
              << (r.at("last_seen").is_null() ? "never" : r.at("last_seen").get<std::string>()) << "\n";
    }
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addListCommands(CLI::App& app)
{
    auto o = std::make_shared<ListCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto bind = [o](void (*f)(const ListCommandOptions&, const CommandContext&)) {
        return [o, f](const CommandContext& c) { f(*o, c); };
    };
    auto* person = commandGroup(app, "person", "persons over time");
    auto* list = person->add_subcommand("list", "persons in service at --at (default now), with unit and badges");
    list->add_option("--unit", o->unit, "only members of this unit (sub-units included)");
    list->add_option("--at", o->at, "YYYY-MM-DD in --zone");
    list->add_flag("--json", o->json);
    out.emplace_back(list, bind(cmdPersonList));

    auto* show = person->add_subcommand("show", "a person over time: units, badges, meetings, amendments");
    show->add_option("person", o->person, "person id")->required();
    show->add_flag("--json", o->json);
    out.emplace_back(show, bind(cmdPersonShow));

    auto* units = commandGroup(app, "unit", "units")->add_subcommand("list", "units with their members today");
    units->add_flag("--json", o->json);
    out.emplace_back(units, bind(cmdUnitList));

    auto* readers = commandGroup(app, "reader", "badge readers")->add_subcommand("list", "readers, venues, health");
    readers->add_flag("--json", o->json);
    out.emplace_back(readers, bind(cmdReaderList));
    return out;
}

} // namespace rollcall::ctl
