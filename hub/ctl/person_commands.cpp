#include "hub/ctl/person_commands.h"

#include "hub/ctl/database_file.h"
#include "hub/ctl/wire_fields.h"
#include "protocol/badge_uid.h"

#include <CLI/CLI.hpp>
#include <map>
#include <memory>

namespace rollcall::ctl {
namespace {

struct PersonCommandOptions {
    std::string id, name, unit, title, joined, to, on;
    std::vector<std::string> badges;
};

using RosterOfFinalized = std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::int64_t>>>>;

RosterOfFinalized finalizedRosters(core::Record& record, common::TimePoint from)
{
    RosterOfFinalized out;
    auto s = record.database().prepare(
        "SELECT id FROM meetings WHERE finalized_ms IS NOT NULL AND start_ms >= ? ORDER BY start_ms, id");
    s.bind(1, common::toMillis(from));
    while (s.step()) {
        const auto id = s.getText(0);
        std::vector<std::pair<std::string, std::int64_t>> members;
        for (const auto& p : record.roster(id, false)) members.emplace_back(p.id, p.unitId);
        out.emplace_back(id, std::move(members));
    }
    return out;
}

void cmdPersonAdd(const PersonCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto joined = dateOption(o.joined, "--joined", zone, c.clock.now());
    if (o.id.empty()) throw common::InputError("--id must not be empty");
    if (o.name.empty()) throw common::InputError("--name must not be empty");
    requireWireId(o.id, "--id");
    requireWireName(o.name, "--name");
    requireWireName(o.unit, "--unit");
    requireWireName(o.title, "--title");
    common::Transaction tx(db);
    guardFinalizedRosters(record, joined, zone, [&] {
        core::Person p;
        p.id = o.id;
        p.name = o.name;
        p.unitId = record.ensureUnitPath(o.unit);
        if (!o.title.empty()) p.title = o.title;
        record.addPerson(p, joined);
        for (const auto& raw : o.badges) {
            const auto uid = protocol::normalizeBadgeUid(raw);
            if (!uid)
                throw common::InputError("--badge: \"" + raw
                                         + "\" is not a badge UID (4, 7 or 10 bytes of hex, ':' allowed)");
            record.addBadge(*uid, o.id, joined);
        }
    });
    tx.commit();
    c.out << "person " << o.id << " added to " << o.unit << " from " << zone.formatDate(joined) << "\n";
}

std::int64_t existingUnit(core::Record& record, const std::string& path)
{
    const auto unit = record.findUnit(path);
    if (!unit) throw common::InputError("--to: unit \"" + path + "\" does not exist");
    return *unit;
}

void cmdPersonMove(const PersonCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto on = dateOption(o.on, "--on", zone, c.clock.now());
    const auto unit = existingUnit(record, o.to);
    common::Transaction tx(db);
    const auto before = record.findPerson(o.id);
    guardFinalizedRosters(record, on, zone, [&] { record.movePerson(o.id, unit, on); });
    tx.commit();
    c.out << "person " << o.id << " moves from " << before->unitPath << " to " << o.to << " on " << zone.formatDate(on)
          << "; meetings before then stay with " << before->unitPath << "\n";
}

void cmdPersonLeave(const PersonCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto on = dateOption(o.on, "--on", zone, c.clock.now());
    common::Transaction tx(db);
    guardFinalizedRosters(record, on, zone, [&] { record.personLeaves(o.id, on); });
    tx.commit();
    c.out << "person " << o.id << " leaves on " << zone.formatDate(on) << "; expected at no meeting from then on\n";
}

} // namespace

common::TimePoint dateOption(const std::string& text, std::string_view option, const core::Zone& zone,
                             common::TimePoint now)
{
    if (text.empty()) return zone.startOfDay(zone.formatDate(now));
    try {
        return zone.startOfDay(text);
    } catch (const common::InputError& e) {
        throw common::InputError(std::string(option) + ": " + e.what());
    }
}

void guardFinalizedRosters(core::Record& record, common::TimePoint from, const core::Zone& zone,
                           const std::function<void()>& change)
{
    const auto before = finalizedRosters(record, from);
    change();
    const auto after = finalizedRosters(record, from);
    for (std::size_t i = 0; i < before.size(); ++i) {
        if (before[i].second == after[i].second) continue;
        const auto m = record.findMeeting(before[i].first);
        throw common::InputError(
            "this would change the roster of meeting \"" + m->id + "\" (" + m->title + ", "
            + zone.format(m->times.start)
            + "), which is finalized; date the change after it, or correct that meeting by amendment");
    }
}

std::vector<std::pair<CLI::App*, ReportCommand>> addPersonCommands(CLI::App& app)
{
    auto o = std::make_shared<PersonCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto bind = [o](void (*f)(const PersonCommandOptions&, const CommandContext&)) {
        return [o, f](const CommandContext& c) { f(*o, c); };
    };
    auto* person = app.add_subcommand("person", "persons over time: join, move, leave")->require_subcommand(1);

    auto* add = person->add_subcommand("add", "add a person, a member of --unit from --joined (default today)");
    add->add_option("--id", o->id)->required();
    add->add_option("--name", o->name)->required();
    add->add_option("--unit", o->unit, "unit path; missing units are created")->required();
    add->add_option("--title", o->title);
    add->add_option("--joined", o->joined, "YYYY-MM-DD in --zone (default today)");
    add->add_option("--badge", o->badges, "badge UID, issued on the joining date");
    out.emplace_back(add, bind(cmdPersonAdd));

    auto* move = person->add_subcommand("move", "move a person to another unit from --on");
    move->add_option("person", o->id, "person id")->required();
    move->add_option("--to", o->to, "unit path (must exist)")->required();
    move->add_option("--on", o->on, "YYYY-MM-DD in --zone")->required();
    out.emplace_back(move, bind(cmdPersonMove));

    auto* leave = person->add_subcommand("leave", "end a person's service (retired, transferred out) from --on");
    leave->add_option("person", o->id, "person id")->required();
    leave->add_option("--on", o->on, "YYYY-MM-DD in --zone")->required();
    out.emplace_back(leave, bind(cmdPersonLeave));
    return out;
}

} // namespace rollcall::ctl
