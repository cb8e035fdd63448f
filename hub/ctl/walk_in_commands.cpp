#include "hub/ctl/walk_in_commands.h"

#include "hub/core/record.h"
#include "hub/core/walk_in_units.h"
#include "hub/ctl/amendment_commands.h"
#include "hub/ctl/amendment_options.h"
#include "hub/ctl/database_file.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>

namespace rollcall::ctl {
namespace {

struct WalkInCommandOptions {
    std::string meeting, person, unit, at, reason;
};

/// Refuses a person who is not a walk-in at the meeting: one on its roster,
/// or the approved substitute of someone on it (their check-in counts for them).
void requireWalkIn(core::Record& record, const core::Meeting& meeting, const std::string& personId)
{
    const auto roster = record.roster(meeting.id);
    const auto member =
        std::find_if(roster.begin(), roster.end(), [&](const core::Person& p) { return p.id == personId; });
    if (member != roster.end()) {
        throw common::InputError("--person: " + member->name + " (" + personId + ", " + member->unitPath
                                 + ") is on the roster of meeting \"" + meeting.id
                                 + "\": check them in with `checkin`; a walk-in is someone not on it");
    }
    for (const auto& a : record.amendments(meeting.id)) {
        if (a.kind == core::AmendmentKind::Substitute && a.otherPersonId == personId) {
            throw common::InputError("--person: \"" + personId + "\" is the approved substitute of \""
                                     + a.personId.value_or("") + "\" at meeting \"" + meeting.id + "\" (amendment #"
                                     + std::to_string(a.id) + "): their check-in counts for them, not as a walk-in");
        }
    }
}

void cmdWalkInAdd(const WalkInCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto meeting = record.findMeeting(o.meeting);
    if (!meeting) throw common::InputError("--meeting: meeting \"" + o.meeting + "\" does not exist");
    if (meeting->cancelledAt)
        throw common::InputError("--meeting: meeting \"" + o.meeting + "\" was cancelled; it takes no check-in");
    const auto person = record.findPerson(o.person);
    if (!person) throw common::InputError("--person: person \"" + o.person + "\" does not exist");
    const auto unitId = record.findUnit(o.unit);
    if (!unitId) {
        throw common::InputError("--unit: unit \"" + o.unit
                                 + "\" does not exist (give its path, as `unit list` shows it)");
    }
    requireWalkIn(record, *meeting, o.person);
    if (const auto earlier = core::walkInUnitOf(db, o.meeting, o.person)) {
        throw common::InputError("--person: \"" + o.person + "\" is already registered at meeting \"" + o.meeting
                                 + "\" for unit " + earlier->unitPath + " (amendment #"
                                 + std::to_string(earlier->amendmentId) + "); revoke that first to change it");
    }
    auto a = newAmendment(core::AmendmentKind::ManualTap, AmendmentOptions{o.meeting, o.person, o.reason, c.author},
                          c.clock.now());
    a.at = o.at.empty() ? c.clock.now() : core::parseTime(o.at, "--at", &zone);
    requireInsideWindow(record, o.meeting, *a.at, zone, "--at");
    a.direction = core::Direction::In;
    common::Transaction tx(db);
    record.addAmendment(a);
    core::attachWalkIn(db, a.id, *unitId);
    tx.commit();
    c.out << "walk-in " << person->name << " (" << o.person << ", " << person->unitPath << ") registered at meeting "
          << o.meeting << " for unit " << o.unit << ", checked in at " << zone.format(*a.at) << " (amendment " << a.id
          << ")\n";
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addWalkInCommands(CLI::App& app)
{
    auto o = std::make_shared<WalkInCommandOptions>();
    auto* walkin = app.add_subcommand("walkin", "walk-ins (列席) registered at the door")->require_subcommand(1);
    auto* add = walkin->add_subcommand(
        "add", "check in a person not on the roster by hand, attending for a unit (amendment revoke undoes it)");
    add->add_option("--meeting", o->meeting)->required();
    add->add_option("--person", o->person, "the walk-in's person id")->required();
    add->add_option("--unit", o->unit, "the unit path they attend for")->required();
    add->add_option("--at", o->at, "when they checked in (default now); inside the meeting's window");
    add->add_option("--reason", o->reason)->required();
    return {{add, [o](const CommandContext& c) { cmdWalkInAdd(*o, c); }}};
}

} // namespace rollcall::ctl
