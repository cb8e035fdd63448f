#include "hub/ctl/group_commands.h"

#include "hub/core/schedule.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/person_commands.h"
#include "hub/ctl/wire_fields.h"

#include <CLI/CLI.hpp>
#include <memory>

namespace rollcall::ctl {
namespace {

struct GroupCommandOptions {
    std::string group, name, person, on;
};

void cmdGroupAdd(const GroupCommandOptions& o, const CommandContext& c)
{
    // Group ids and names are not sent today, but they name meetings' rosters
    // on paper and may be; the same rules as every other id and name.
    requireWireId(o.group, "group");
    if (!o.name.empty()) requireWireName(o.name, "--name");
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    common::Transaction tx(db);
    core::Schedule(record).addGroup(o.group, o.name, c.clock.now());
    tx.commit();
    c.out << "group " << o.group << " (" << o.name << ") added\n";
}

void cmdGroupMemberAdd(const GroupCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto on = dateOption(o.on, "--on", zone, c.clock.now());
    common::Transaction tx(db);
    core::Schedule(record).addGroupMember(o.group, o.person, on);
    tx.commit();
    c.out << "person " << o.person << " is a member of group " << o.group << " from " << zone.formatDate(on)
          << "; meetings inviting the group from then on expect them\n";
}

void cmdGroupMemberRemove(const GroupCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto on = dateOption(o.on, "--on", zone, c.clock.now());
    common::Transaction tx(db);
    core::Schedule(record).removeGroupMember(o.group, o.person, on);
    tx.commit();
    c.out << "person " << o.person << " leaves group " << o.group << " on " << zone.formatDate(on)
          << "; meetings before then keep them\n";
}

} // namespace

void addLeaveRange(const std::string& personId, const std::string& from, const std::string& to,
                   const std::string& reason, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    if (from.empty() || to.empty()) throw common::InputError("--from and --to go together");
    const auto first = dateOption(from, "--from", zone, c.clock.now());
    const auto last = dateOption(to, "--to", zone, c.clock.now());
    if (last < first) throw common::InputError("--to (" + to + ") is before --from (" + from + ")");
    // Both days inclusive: the range ends at the midnight after --to.
    const auto end = zone.startOfDay(zone.formatDate(last + std::chrono::hours(36)));
    common::Transaction tx(db);
    const auto id = core::Schedule(record).addLeaveRange(personId, first, end, c.author, reason, c.clock.now());
    auto n = db.prepare("SELECT count(*) FROM meetings WHERE start_ms >= ? AND start_ms < ?");
    n.bind(1, common::toMillis(first)).bind(2, common::toMillis(end));
    (void)n.step();
    const auto meetings = n.getInt(0);
    tx.commit();
    c.out << "leave recorded for " << personId << " from " << from << " to " << to << " (amendment " << id
          << "): every meeting of theirs in it is excused, " << meetings << " scheduled so far and any added later\n";
}

void addUnitLeave(const std::string& meetingId, const std::string& unitPath, const std::string& reason,
                  const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    common::Transaction tx(db);
    core::Schedule(record).excuseUnit(meetingId, unitPath, c.author, reason, c.clock.now());
    tx.commit();
    c.out << "unit " << unitPath << " excused from its delegation to meeting " << meetingId << "\n";
}

std::vector<std::pair<CLI::App*, ReportCommand>> addGroupCommands(CLI::App& app)
{
    auto o = std::make_shared<GroupCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto bind = [o](void (*f)(const GroupCommandOptions&, const CommandContext&)) {
        return [o, f](const CommandContext& c) { f(*o, c); };
    };
    auto* group =
        app.add_subcommand("group", "invitation groups whose members change over time")->require_subcommand(1);
    auto* add = group->add_subcommand("add", "add a named invitation group");
    add->add_option("group", o->group, "group id")->required();
    add->add_option("--name", o->name, "what the group is called on paper")->required();
    out.emplace_back(add, bind(cmdGroupAdd));

    auto* member = group->add_subcommand("member", "who belongs to a group, and from when")->require_subcommand(1);
    auto* memberAdd = member->add_subcommand("add", "a person joins the group from --on");
    memberAdd->add_option("group", o->group, "group id")->required();
    memberAdd->add_option("person", o->person, "person id")->required();
    memberAdd->add_option("--on", o->on, "YYYY-MM-DD in --zone (default today)");
    out.emplace_back(memberAdd, bind(cmdGroupMemberAdd));
    auto* memberRemove = member->add_subcommand("remove", "a person leaves the group from --on");
    memberRemove->add_option("group", o->group, "group id")->required();
    memberRemove->add_option("person", o->person, "person id")->required();
    memberRemove->add_option("--on", o->on, "YYYY-MM-DD in --zone (default today)");
    out.emplace_back(memberRemove, bind(cmdGroupMemberRemove));
    return out;
}

} // namespace rollcall::ctl
