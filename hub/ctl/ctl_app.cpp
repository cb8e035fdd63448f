#include "hub/ctl/ctl_app.h"

#include "common/database.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/core/record.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "hub/ctl/alarm_commands.h"
#include "hub/ctl/amendment_commands.h"
#include "hub/ctl/amendment_options.h"
#include "hub/ctl/backup_commands.h"
#include "hub/ctl/badge_commands.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/group_commands.h"
#include "hub/ctl/health_command.h"
#include "hub/ctl/key_commands.h"
#include "hub/ctl/list_commands.h"
#include "hub/ctl/meeting_commands.h"
#include "hub/ctl/notice_commands.h"
#include "hub/ctl/person_commands.h"
#include "hub/ctl/photo_import.h"
#include "hub/ctl/report_commands.h"
#include "hub/ctl/roster_import.h"
#include "hub/ctl/status_view.h"
#include "hub/ctl/taps_import.h"
#include "hub/ctl/unit_commands.h"
#include "hub/ctl/venue_assignment_commands.h"
#include "hub/ctl/verify_command.h"
#include "hub/ctl/walk_in_commands.h"
#include "hub/ctl/wire_fields.h"
#include "hub/reports/attendance_ledger.h"
#include "protocol/badge_uid.h"

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <functional>
#include <set>

namespace rollcall::ctl {
namespace {

struct CtlOptions {
    std::string db;
    // reader add --key-out: the reader's keys and agent config in one step
    std::string keyOut;
    std::string serverKey;
    std::string hubEndpoint = "tcp://127.0.0.1:7700";
    std::string keysDir;
    std::string zone = "Asia/Shanghai";
    std::string author;
    bool progress = false; // --progress: long reports' progress on stderr, terminal or not
    // shared by several commands
    std::string effective;
    std::string file, id, name, venue, direction, meeting, person, by, reason, at;
    std::string status;
    std::string leaveFrom, leaveTo, unit;
    bool json = false;
    std::string missing = "keep", badgeReason = "broken";
    bool dryRun = false;
    std::string photos; // roster import --photos DIR
};

std::string defaultAuthor()
{
    if (const char* u = std::getenv("ROLLCALL_OPERATOR")) return u;
    if (const char* u = std::getenv("USER")) return u;
    return "operator";
}

/// Opens (and migrates) the database; only `init` may create it.
common::Database openDatabase(const CtlOptions& o, bool create) { return openDatabaseFile(o.db, create); }

using Command = std::function<void(const CtlOptions&, std::ostream&, const common::Clock&)>;

void requireMeeting(core::Record& record, const std::string& id)
{
    if (!record.findMeeting(id)) throw common::InputError("meeting \"" + id + "\" does not exist");
}

void requirePerson(core::Record& record, const std::string& id, std::string_view option)
{
    if (!record.findPerson(id))
        throw common::InputError(std::string(option) + ": person \"" + id + "\" does not exist");
}

void cmdInit(const CtlOptions& o, std::ostream& out, const common::Clock&)
{
    auto db = openDatabase(o, true);
    restoreRecordGuards(db, out);
    out << "database " << o.db << " ready at schema version " << core::schemaVersion(db) << "\n";
}

void cmdRosterImport(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    auto db = openDatabase(o, false);
    core::Record record(db);
    const core::Zone zone(o.zone);
    const auto effective = dateOption(o.effective, "--effective", zone, clock.now());
    common::Transaction tx(db);
    RosterImportResult r;
    const RosterImportOptions options{effective, o.missing == "leave", o.badgeReason, zone};
    guardFinalizedRosters(record, effective, zone, [&] { r = importRoster(record, o.file, options); });
    // Photos after the rows, so a person the file adds can have one; all in the one transaction.
    PhotoImportResult photos;
    if (!o.photos.empty()) photos = importPhotos(db, o.photos, o.author, clock.now());
    const std::string photoText = o.photos.empty() ? std::string()
                                                   : ", " + std::to_string(photos.photos) + " photo(s) ("
                                                         + std::to_string(photos.replaced) + " replaced)";
    if (o.dryRun) {
        for (const auto& change : r.changes) out << change << "\n";
        out << "dry run: " << r.persons << " join(s), " << r.moves << " move(s), " << r.leaves << " leave(s), "
            << r.badges << " badge(s) issued, " << r.badgesRevoked << " revoked" << photoText << ", effective "
            << zone.formatDate(effective) << "; nothing was changed\n";
        return; // the transaction rolls back
    }
    tx.commit();
    out << "imported " << r.persons << " person(s), " << r.badges << " badge(s), created " << r.unitsCreated
        << " unit(s) from " << o.file << ", effective " << zone.formatDate(effective) << "; " << r.moves << " move(s), "
        << r.leaves << " leave(s), " << r.badgesRevoked << " badge(s) revoked" << photoText << "\n";
}

void cmdVenueAdd(const CtlOptions& o, std::ostream& out, const common::Clock&)
{
    requireWireId(o.id, "--id");
    if (!o.name.empty()) requireWireName(o.name, "--name");
    auto db = openDatabase(o, false);
    core::Record record(db);
    common::Transaction tx(db);
    record.addVenue(o.id, o.name.empty() ? o.id : o.name);
    tx.commit();
    out << "venue " << o.id << " added\n";
}

void cmdReaderAdd(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    auto db = openDatabase(o, false);
    core::Record record(db);
    const auto dir = core::readerDirectionFromString(o.direction);
    if (!dir) throw common::InputError("--direction: \"" + o.direction + "\" is not in, out or both");
    requireWireId(o.id, "--id");
    requireWireId(o.venue, "--venue");
    common::Transaction tx(db);
    if (!o.keyOut.empty() && o.serverKey.empty()) {
        throw common::InputError("--key-out needs --server-key (the hub's public key file, hub.key)");
    }
    record.addReader({o.id, o.venue, *dir}, clock.now());
    // Keys are written before the commit: if writing them fails, the reader is not added either.
    std::vector<std::string> wrote;
    if (!o.keyOut.empty()) wrote = writeReaderKit(o.id, o.keyOut, o.serverKey, o.hubEndpoint, o.keysDir);
    tx.commit();
    out << "reader " << o.id << " added at venue " << o.venue << " (" << o.direction << ")\n";
    for (const auto& w : wrote) out << "wrote " << w << "\n";
}

/// Records one amendment about --person at --meeting: checks both exist,
/// lets `complete` validate and fill the kind's own fields, then writes it in
/// one transaction. Returns the amendment.
core::Amendment saveAmendment(const CtlOptions& o, const common::Clock& clock, core::AmendmentKind kind,
                              const std::function<void(core::Record&, core::Amendment&)>& complete = {})
{
    auto db = openDatabase(o, false);
    core::Record record(db);
    requireMeeting(record, o.meeting);
    requirePerson(record, o.person, "--person");
    auto a = newAmendment(kind, AmendmentOptions{o.meeting, o.person, o.reason, o.author}, clock.now());
    if (complete) complete(record, a);
    refuseRepeatedAmendment(record, a);
    common::Transaction tx(db);
    record.addAmendment(a);
    tx.commit();
    return a;
}

void cmdLeaveAdd(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    // Over a range of days, or a unit's leave from a delegation (group_commands.cpp).
    const CommandContext context{o.db, o.zone, o.author, out, out, clock};
    if (!o.leaveFrom.empty() || !o.leaveTo.empty()) {
        if (!o.meeting.empty()) throw common::InputError("--meeting and --from/--to: give one or the other");
        return addLeaveRange(o.person, o.leaveFrom, o.leaveTo, o.reason, context);
    }
    if (!o.unit.empty()) {
        if (!o.person.empty()) throw common::InputError("--person and --unit: give one or the other");
        return addUnitLeave(o.meeting, o.unit, o.reason, context);
    }
    if (o.meeting.empty()) throw common::InputError("leave add needs --meeting, or --from and --to");
    if (o.person.empty()) throw common::InputError("leave add needs --person (or --unit for a delegation)");
    const auto a = saveAmendment(o, clock, core::AmendmentKind::Leave);
    out << "leave recorded for " << o.person << " at meeting " << o.meeting << " (amendment " << a.id << ")\n";
}

void cmdSubstituteAdd(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    CtlOptions withReason = o;
    if (withReason.reason.empty()) withReason.reason = "substitute approved";
    const auto a = saveAmendment(withReason, clock, core::AmendmentKind::Substitute,
                                 [&](core::Record& record, core::Amendment& a) {
                                     requirePerson(record, o.by, "--by");
                                     if (o.person == o.by)
                                         throw common::InputError("--by: a person cannot substitute for themselves");
                                     a.otherPersonId = o.by;
                                 });
    out << o.by << " substitutes for " << o.person << " at meeting " << o.meeting << " (amendment " << a.id << ")\n";
}

void cmdCheckin(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    const core::Zone zone(o.zone);
    const auto a = saveAmendment(o, clock, core::AmendmentKind::ManualTap, [&](core::Record& r, core::Amendment& a) {
        a.at = core::parseTime(o.at, "--at", &zone);
        requireInsideWindow(r, o.meeting, *a.at, zone, "--at");
        a.direction = core::directionFromString(o.direction);
        if (!a.direction) throw common::InputError("--direction: \"" + o.direction + "\" is not in or out");
    });
    out << "manual check-" << o.direction << " of " << o.person << " at " << zone.format(*a.at)
        << " recorded (amendment " << a.id << ")\n";
}

void cmdOverride(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    const auto a = saveAmendment(o, clock, core::AmendmentKind::StatusOverride, [&](core::Record&, core::Amendment& a) {
        const auto status = core::statusFromString(o.status);
        if (!status || *status == core::Status::NotArrived || *status == core::Status::Overdue) {
            throw common::InputError("--status: \"" + o.status
                                     + "\" is not present, late, absent, excused or substituted");
        }
        a.status = o.status;
    });
    out << "status of " << o.person << " at meeting " << o.meeting << " set to " << o.status << " (amendment " << a.id
        << ")\n";
}

void cmdTapsImport(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    auto db = openDatabase(o, false);
    core::Record record(db);
    common::Transaction tx(db);
    const auto r = importTaps(record, o.file, clock.now());
    tx.commit();
    out << "imported " << r.inserted << " tap(s) from " << o.file << "; " << r.alreadyRecorded << " already recorded\n";
}

void cmdStatus(const CtlOptions& o, std::ostream& out, const common::Clock& clock)
{
    auto db = openDatabase(o, false);
    core::Record record(db);
    const core::Zone zone(o.zone);
    core::MeetingEvaluator evaluator(record);
    const auto result = evaluator.evaluate(o.meeting, clock.now());
    if (o.json)
        out << statusJson(result, zone).dump(2) << "\n";
    else
        printStatusTable(out, result, zone);
}

} // namespace

int runCtl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const common::Clock& clock,
           const CommandGate& gate, const common::CancelToken& cancel, const common::ProgressListener& progress)
{
    CtlOptions o;
    o.author = defaultAuthor();
    CLI::App app{"rollcallctl — administer a Rollcall attendance record", "rollcallctl"};
    app.option_defaults()->always_capture_default();
    // Required by every command but `key …`, which needs no record (checked after parsing).
    app.add_option("--db", o.db, "SQLite database file");
    app.add_option("--zone", o.zone, "time zone for input without an offset and for display");
    app.add_option("--operator", o.author, "who makes a correction (default $ROLLCALL_OPERATOR or $USER)");
    app.add_flag("--progress", o.progress,
                 "show a long report's progress on stderr even when it is not a terminal (a line a second)");
    app.require_subcommand(1);

    std::map<CLI::App*, Command> commands;
    auto leaf = [&](CLI::App* parent, const std::string& name, const std::string& help, Command cmd) {
        auto* sub = parent->add_subcommand(name, help);
        commands[sub] = std::move(cmd);
        return sub;
    };

    leaf(&app, "init", "create or migrate the database", cmdInit);

    auto* roster = app.add_subcommand("roster", "persons, units and badges")->require_subcommand(1);
    auto* rosterImport =
        leaf(roster, "import", "reconcile persons with a CSV roster (person_id,name,unit,badge_uid[,title])",
             cmdRosterImport);
    rosterImport->add_option("file", o.file, "CSV file")->required();
    rosterImport->add_option("--effective", o.effective,
                             "YYYY-MM-DD in --zone: joins, moves, leaves and badge changes date from then "
                             "(default today)");
    rosterImport->add_option("--missing", o.missing, "persons in service not in the file: keep (default) or leave")
        ->check(CLI::IsMember({"keep", "leave"}));
    rosterImport->add_option("--badge-reason", o.badgeReason, "why badges the file no longer lists are revoked")
        ->check(CLI::IsMember({"lost", "broken", "left"}));
    rosterImport->add_flag("--dry-run", o.dryRun, "print the changes (joins, moves, leaves, badges), change nothing");
    rosterImport->add_option("--photos", o.photos,
                             "folder of photos named by person id (p001.jpg, p002.png; JPEG or PNG, at most 256 KiB "
                             "each), shown on the venue screen as the person taps");

    auto* venue = app.add_subcommand("venue", "venues")->require_subcommand(1);
    auto* venueAdd = leaf(venue, "add", "add a venue", cmdVenueAdd);
    venueAdd->add_option("--id", o.id)->required();
    venueAdd->add_option("--name", o.name);

    auto* reader = app.add_subcommand("reader", "badge readers")->require_subcommand(1);
    auto* readerAdd = leaf(reader, "add", "register a reader at a venue", cmdReaderAdd);
    readerAdd->add_option("--id", o.id)->required();
    readerAdd->add_option("--venue", o.venue)->required();
    readerAdd->add_option("--direction", o.direction, "in, out or both")->required();
    readerAdd->add_option("--key-out", o.keyOut,
                          "also write the reader's key pair and its agent config (READER-agent.toml) here");
    readerAdd->add_option("--server-key", o.serverKey, "with --key-out: the hub's public key file (hub.key)");
    readerAdd->add_option("--hub", o.hubEndpoint, "with --key-out: the hub's taps endpoint for the agent config");
    readerAdd->add_option("--keys-dir", o.keysDir, "with --key-out: also allow the key in the hub's keys directory");

    auto* leave = app.add_subcommand("leave", "approved leave")->require_subcommand(1);
    auto* leaveAdd = leaf(leave, "add", "excuse a person from a meeting", cmdLeaveAdd);
    leaveAdd->add_option("--meeting", o.meeting);
    leaveAdd->add_option("--person", o.person);
    leaveAdd->add_option("--reason", o.reason)->required();
    leaveAdd->add_option("--from", o.leaveFrom, "YYYY-MM-DD: leave over a range excuses every meeting in it");
    leaveAdd->add_option("--to", o.leaveTo, "YYYY-MM-DD, inclusive");
    leaveAdd->add_option("--unit", o.unit, "unit path: excuse the unit from the meeting's delegation");

    auto* sub = app.add_subcommand("substitute", "approved substitutes")->require_subcommand(1);
    auto* subAdd = leaf(sub, "add", "let --by attend for --person", cmdSubstituteAdd);
    subAdd->add_option("--meeting", o.meeting)->required();
    subAdd->add_option("--person", o.person)->required();
    subAdd->add_option("--by", o.by)->required();
    subAdd->add_option("--reason", o.reason);

    auto* checkin =
        leaf(&app, "checkin", "manual check-in/out (a forgotten badge), stored as an amendment", cmdCheckin);
    checkin->add_option("--meeting", o.meeting)->required();
    checkin->add_option("--person", o.person)->required();
    checkin->add_option("--at", o.at)->required();
    checkin->add_option("--direction", o.direction, "in or out")->required();
    checkin->add_option("--reason", o.reason)->required();

    auto* override_ = leaf(&app, "override", "set a member's status by amendment", cmdOverride);
    override_->add_option("--meeting", o.meeting)->required();
    override_->add_option("--person", o.person)->required();
    override_->add_option("--status", o.status)->required();
    override_->add_option("--reason", o.reason)->required();

    auto* taps = app.add_subcommand("taps", "raw taps")->require_subcommand(1);
    leaf(taps, "import", "import taps from CSV (reader_id,seq,badge_uid,time[,direction])", cmdTapsImport)
        ->add_option("file", o.file)
        ->required();

    auto* status = leaf(&app, "status", "who is present, late, absent … at a meeting", cmdStatus);
    status->add_option("--meeting", o.meeting)->required();
    status->add_flag("--json", o.json);

    auto extra = addReportCommands(app);
    for (auto& command : addPersonCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addNoticeCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addMeetingCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addVenueAssignmentCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addGroupCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addBadgeCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addAmendmentCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addWalkInCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addAlarmCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addListCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addUnitCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addVerifyCommands(app)) extra.push_back(std::move(command));
    for (auto& command : addBackupCommands(app)) extra.push_back(std::move(command));
    std::set<CLI::App*> withoutDb;
    // health asks the hub (--hub), reads a record (--db) or both; it says which it needs.
    auto healthCommands = addHealthCommands(app);
    CLI::App* health = healthCommands.front().first;
    for (auto& command : healthCommands) {
        withoutDb.insert(command.first);
        extra.push_back(std::move(command));
    }
    for (auto& command : addKeyCommands(app)) {
        withoutDb.insert(command.first);
        extra.push_back(std::move(command));
    }
    for (auto& [sub, action] : extra) {
        commands[sub] = [action = std::move(action), &err, &cancel, &progress](const CtlOptions& opt, std::ostream& o,
                                                                               const common::Clock& c) {
            action(CommandContext{opt.db, opt.zone, opt.author, o, err, c, cancel, progress, opt.progress});
        };
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e, out, err) == 0 ? 0 : 2;
        // A monitoring system reads 2 from health as "critical": a bad option is "unknown" (3).
        return code != 0 && health->parsed() ? 3 : code;
    }

    // The command is the deepest parsed subcommand.
    CLI::App* chosen = &app;
    while (!chosen->get_subcommands().empty()) chosen = chosen->get_subcommands().front();
    const auto it = commands.find(chosen);
    if (it == commands.end()) {
        err << "rollcallctl: choose a command (see --help)\n";
        return 2;
    }
    if (gate) {
        std::vector<std::string> words;
        for (const CLI::App* at = chosen; at != &app; at = at->get_parent())
            words.insert(words.begin(), at->get_name());
        if (const auto refusal = gate(words)) {
            err << "rollcallctl: " << *refusal << "\nnothing was changed\n";
            return kExitRefused;
        }
    }
    if (o.db.empty() && !withoutDb.contains(chosen)) {
        err << "--db is required\nRun with --help for more information.\n";
        return 2;
    }
    try {
        it->second(o, out, clock);
        return 0;
    } catch (const CommandExit& e) {
        return e.code;
    } catch (const common::Cancelled&) {
        err << "rollcallctl: cancelled at the caller's request before it finished\nnothing was changed\n";
        return kExitCancelled;
    } catch (const common::InputError& e) {
        err << "rollcallctl: " << e.what() << "\nnothing was changed\n";
        return 1;
    } catch (const core::RecordIntegrityError& e) {
        err << "rollcallctl: " << e.what() << "\n";
        return 4;
    } catch (const common::DatabaseError& e) {
        err << "rollcallctl: database " << o.db << ": " << e.what() << "\nnothing was changed\n";
        return 3;
    } catch (const std::exception& e) {
        err << "rollcallctl: " << e.what() << "\n";
        return 3;
    }
}

} // namespace rollcall::ctl
