#include "hub/ctl/meeting_commands.h"

#include "hub/core/finality.h"
#include "hub/core/schedule.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/person_commands.h"
#include "hub/ctl/recurrence.h"
#include "hub/ctl/schedule_import.h"
#include "hub/ctl/wire_fields.h"
#include "hub/reports/attendance_ledger.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

namespace rollcall::ctl {
namespace {

struct MeetingCommandOptions {
    std::string id, title, start, end, repeat, until, reason, from, to, file;
    std::string lateGrace = "5m", earlyGrace = "5m", midThreshold = "15m", opensBefore = "60m";
    std::vector<std::string> venues, inviteUnits, invitePersons, inviteGroups, quotas;
    bool checkoutRequired = false;
    bool json = false;
};

std::string describe(const core::Meeting& m, const core::Zone& zone)
{
    return "meeting \"" + m.id + "\" (" + m.title + ", " + zone.format(m.times.start) + ")";
}

std::vector<std::string> overlapWarnings(const core::Competitors& c, const core::Meeting& m, const core::Zone& zone)
{
    std::vector<std::string> out;
    for (const auto& other : c.open) {
        out.push_back("warning: meeting \"" + m.id + "\" shares check-in time at a venue with " + describe(other, zone)
                      + ", not finalized: a tap in the overlap goes to one of them (docs/semantics.md §2)");
    }
    return out;
}

std::string state(const core::Meeting& m, common::TimePoint now)
{
    if (m.cancelledAt) return "cancelled";
    if (m.finalizedAt) return "finalized";
    if (now < m.times.opening) return "scheduled";
    if (now <= m.times.windowEnd()) return "open";
    return "over";
}

core::Meeting meetingFrom(const MeetingCommandOptions& o, const core::Zone& zone)
{
    // A meeting's id, title and venues are in every snapshot of its board.
    requireWireId(o.id, "--id");
    requireWireName(o.title, "--title");
    for (const auto& v : o.venues) requireWireId(v, "--venue");
    for (const auto& p : o.invitePersons) requireWireId(p, "--invite-person");
    for (const auto& g : o.inviteGroups) requireWireId(g, "--invite-group");
    core::Meeting m;
    m.id = o.id;
    m.title = o.title;
    m.venues = o.venues;
    m.times.start = core::parseTime(o.start, "--start", &zone);
    m.times.end = core::parseTime(o.end, "--end", &zone);
    m.times.lateGrace = common::parseDuration(o.lateGrace, "--late-grace");
    m.times.earlyGrace = common::parseDuration(o.earlyGrace, "--early-grace");
    m.times.midThreshold = common::parseDuration(o.midThreshold, "--mid-meeting-threshold");
    if (m.times.midThreshold.count() <= 0) throw common::InputError("--mid-meeting-threshold must be more than 0");
    m.times.opening = m.times.start - common::parseDuration(o.opensBefore, "--opens-before");
    m.times.checkoutRequired = o.checkoutRequired;
    if (m.times.end <= m.times.start)
        throw common::InputError("--end (" + o.end + ") must be after --start (" + o.start + ")");
    return m;
}

void cmdMeetingAdd(const MeetingCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    MeetingSpec spec;
    spec.meeting = meetingFrom(o, zone);
    spec.inviteUnits = o.inviteUnits;
    spec.invitePersons = o.invitePersons;
    spec.inviteGroups = o.inviteGroups;
    for (const auto& q : o.quotas) spec.quotas.push_back(parseQuota(q, "--invite-unit-quota"));

    // One meeting, or one per date of the rule, each with its own id.
    std::vector<MeetingSpec> meetings;
    if (o.repeat.empty() != o.until.empty()) throw common::InputError("--repeat and --until go together");
    if (o.repeat.empty()) {
        meetings.push_back(spec);
    } else {
        const auto firstDate = zone.formatDate(spec.meeting.times.start);
        const auto offset = spec.meeting.times.start - zone.startOfDay(firstDate);
        const auto length = spec.meeting.times.end - spec.meeting.times.start;
        const auto opensBefore = spec.meeting.times.start - spec.meeting.times.opening;
        for (const auto& date : recurrenceDates(o.repeat, firstDate, o.until)) {
            MeetingSpec one = spec;
            one.meeting.id = occurrenceId(o.id, date);
            requireWireId(one.meeting.id, "--id (with --repeat, the id of the meeting on " + date + ")");
            one.meeting.seriesId = o.id;
            one.meeting.times.start = zone.startOfDay(date) + offset;
            one.meeting.times.end = one.meeting.times.start + length;
            one.meeting.times.opening = one.meeting.times.start - opensBefore;
            meetings.push_back(std::move(one));
        }
    }
    common::Transaction tx(db);
    std::vector<std::string> lines, warnings;
    for (const auto& m : meetings) {
        const auto added = addScheduledMeeting(record, m, zone, c.clock.now());
        warnings.insert(warnings.end(), added.warnings.begin(), added.warnings.end());
        lines.push_back("meeting " + m.meeting.id + " added: " + zone.format(m.meeting.times.start) + " – "
                        + zone.format(m.meeting.times.end) + " (" + zone.name() + "), " + std::to_string(added.expected)
                        + " expected"
                        + (m.quotas.empty() ? "" : ", " + std::to_string(m.quotas.size()) + " unit delegation(s)")
                        + "\n");
    }
    tx.commit();
    for (const auto& l : lines) c.out << l;
    if (meetings.size() > 1) c.out << meetings.size() << " meetings of series " << o.id << " added\n";
    for (const auto& w : warnings) c.err << w << "\n";
}

void cmdMeetingList(const MeetingCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    core::Schedule schedule(record);
    const core::Zone zone(c.zone);
    const auto now = c.clock.now();
    const auto from = o.from.empty() ? common::TimePoint::min() : dateOption(o.from, "--from", zone, now);
    // --to is inclusive: meetings starting on that date are listed.
    auto to = common::TimePoint::max();
    if (!o.to.empty())
        to = zone.startOfDay(zone.formatDate(dateOption(o.to, "--to", zone, now) + std::chrono::hours(36)));
    if (to <= from) throw common::InputError("--to (" + o.to + ") is before --from (" + o.from + ")");
    const auto meetings = record.meetingsStartingIn(from, to);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& m : meetings) {
        const auto expected = record.roster(m.id).size();
        const auto delegations = schedule.delegations(m.id);
        if (o.json) {
            nlohmann::ordered_json d = nlohmann::ordered_json::array();
            for (const auto& x : delegations) d.push_back({{"unit", x.unitPath}, {"quota", x.quota}});
            list.push_back({{"id", m.id},
                            {"title", m.title},
                            {"series", m.seriesId ? nlohmann::ordered_json(*m.seriesId) : nullptr},
                            {"venues", m.venues},
                            {"start", zone.formatIso(m.times.start)},
                            {"end", zone.formatIso(m.times.end)},
                            {"state", state(m, now)},
                            {"expected", expected},
                            {"groups", schedule.invitedGroups(m.id)},
                            {"delegations", d},
                            {"changes", schedule.changes(m.id).size()}});
            continue;
        }
        std::string venues;
        for (const auto& v : m.venues) venues += (venues.empty() ? "" : ",") + v;
        c.out << m.id << "  " << zone.format(m.times.start).substr(0, 16) << " – "
              << zone.format(m.times.end).substr(11, 5) << "  " << m.title << "  [" << venues << "]  " << state(m, now)
              << ", " << expected << " expected";
        for (const auto& d : delegations) c.out << ", " << d.unitPath << " sends " << d.quota;
        c.out << "\n";
    }
    if (o.json)
        c.out << list.dump(2) << "\n";
    else
        c.out << meetings.size() << " meeting(s)\n";
}

void cmdMeetingCancel(const MeetingCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    common::Transaction tx(db);
    core::Schedule(record).cancelMeeting(o.id, c.author, o.reason, c.clock.now());
    tx.commit();
    c.out << "meeting " << o.id << " cancelled by " << c.author << ": " << o.reason
          << "; it expects nobody and takes no tap\n";
}

void cmdMeetingMove(const MeetingCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    core::Schedule schedule(record);
    const core::Zone zone(c.zone);
    const auto start = core::parseTime(o.start, "--start", &zone);
    const auto end = core::parseTime(o.end, "--end", &zone);
    if (end <= start) throw common::InputError("--end (" + o.end + ") must be after --start (" + o.start + ")");
    common::Transaction tx(db);
    schedule.moveMeeting(o.id, start, end, c.author, o.reason, c.clock.now());
    const auto moved = record.findMeeting(o.id);
    schedule.refuseTakingFinalizedTaps(*moved, zone);
    const auto warnings = overlapWarnings(
        schedule.competitors(moved->venues, moved->times.opening, moved->times.windowEnd(), moved->id), *moved, zone);
    const auto expected = record.roster(o.id).size();
    tx.commit();
    c.out << "meeting " << o.id << " moved to " << zone.format(start) << " – " << zone.format(end) << " ("
          << zone.name() << ") by " << c.author << ": " << o.reason << "; " << expected << " expected\n";
    for (const auto& w : warnings) c.err << w << "\n";
}

void cmdMeetingFinalize(const MeetingCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    common::Transaction tx(db);
    core::finalizeMeeting(record, o.id, c.clock.now());
    tx.commit();
    c.out << "meeting " << o.id << " finalized; its roster, taps and results are stored and now change only by "
          << "amendment\n";
    // Its results go into the reports' cache now, so period reports over
    // finalized meetings never have to evaluate them again.
    const auto meeting = record.findMeeting(o.id);
    try {
        reports::AttendanceLedger(record).fillCache(meeting->times.start, meeting->times.start + common::Millis(1),
                                                    c.clock.now());
    } catch (const std::exception& e) {
        c.out << "(results not cached: " << e.what() << "; reports will evaluate the meeting from its stored rows)\n";
    }
}

void cmdMeetingImport(const MeetingCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    common::Transaction tx(db);
    const auto r = importSchedule(record, o.file, zone, c.clock.now());
    tx.commit();
    c.out << "imported " << r.meetings << " meeting(s) from " << o.file << "\n";
    for (const auto& w : r.warnings) c.err << w << "\n";
}

} // namespace

std::pair<std::string, int> parseQuota(const std::string& text, const std::string& where)
{
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        throw common::InputError(where + ": \"" + text + "\" is not UNIT:N");
    const auto n = text.substr(colon + 1);
    if (n.size() > 4 || n.find_first_not_of("0123456789") != std::string::npos || std::stoi(n) < 1)
        throw common::InputError(where + ": \"" + text + "\": N must be a whole number from 1");
    return {text.substr(0, colon), std::stoi(n)};
}

AddedMeeting addScheduledMeeting(core::Record& record, const MeetingSpec& spec, const core::Zone& zone,
                                 common::TimePoint now)
{
    core::Schedule schedule(record);
    const auto& m = spec.meeting;
    record.addMeeting(m, now);
    schedule.refuseTakingFinalizedTaps(m, zone);
    for (const auto& u : spec.inviteUnits) record.addInvite(m.id, core::RosterInvite{u, std::nullopt});
    for (const auto& p : spec.invitePersons) record.addInvite(m.id, core::RosterInvite{std::nullopt, p});
    for (const auto& g : spec.inviteGroups) schedule.inviteGroup(m.id, g);
    for (const auto& [unit, n] : spec.quotas) schedule.addDelegation(m.id, unit, n);
    AddedMeeting out;
    out.expected = record.roster(m.id).size();
    out.warnings = overlapWarnings(schedule.competitors(m.venues, m.times.opening, m.times.windowEnd(), m.id), m, zone);
    return out;
}

std::vector<std::pair<CLI::App*, ReportCommand>> addMeetingCommands(CLI::App& app)
{
    auto o = std::make_shared<MeetingCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto bind = [o](void (*f)(const MeetingCommandOptions&, const CommandContext&)) {
        return [o, f](const CommandContext& c) { f(*o, c); };
    };
    auto* meeting = app.add_subcommand("meeting", "meetings")->require_subcommand(1);

    auto* add = meeting->add_subcommand("add", "define a meeting (or a recurring series) and its roster");
    add->add_option("--id", o->id, "meeting id; with --repeat, each occurrence is ID-YYYY-MM-DD")->required();
    add->add_option("--title", o->title)->required();
    add->add_option("--venue", o->venues, "venue id; the first is the main venue")->required();
    add->add_option("--start", o->start, "ISO 8601; without an offset, in --zone")->required();
    add->add_option("--end", o->end)->required();
    add->add_option("--late-grace", o->lateGrace);
    add->add_option("--early-grace", o->earlyGrace);
    add->add_option("--mid-meeting-threshold", o->midThreshold, "time out that flags left mid-meeting");
    add->add_option("--opens-before", o->opensBefore, "check-in opens this long before the start");
    add->add_flag("--checkout-required", o->checkoutRequired);
    add->add_option("--invite-unit", o->inviteUnits, "unit path; sub-units included");
    add->add_option("--invite-person", o->invitePersons, "person id");
    add->add_option("--invite-group", o->inviteGroups, "invitation group id: its members at the start");
    add->add_option("--invite-unit-quota", o->quotas, "UNIT:N — the unit sends N of its people (a delegation)");
    add->add_option("--repeat", o->repeat, "daily, weekly:MON[,WED…] or monthly:DAY (with --until)");
    add->add_option("--until", o->until, "YYYY-MM-DD, the last date of a recurring series (inclusive)");
    out.emplace_back(add, bind(cmdMeetingAdd));

    auto* list = meeting->add_subcommand("list", "meetings starting in a range of dates, by start");
    list->add_option("--from", o->from, "YYYY-MM-DD in --zone (default: the first meeting)");
    list->add_option("--to", o->to, "YYYY-MM-DD in --zone, inclusive (default: the last meeting)");
    list->add_flag("--json", o->json);
    out.emplace_back(list, bind(cmdMeetingList));

    auto* cancel = meeting->add_subcommand("cancel", "cancel a meeting (an amendment: who, when, why)");
    cancel->add_option("meeting", o->id, "meeting id")->required();
    cancel->add_option("--reason", o->reason)->required();
    out.emplace_back(cancel, bind(cmdMeetingCancel));

    auto* move = meeting->add_subcommand("move", "move a meeting to other times (an amendment: who, when, why)");
    move->add_option("meeting", o->id, "meeting id")->required();
    move->add_option("--start", o->start, "ISO 8601; without an offset, in --zone")->required();
    move->add_option("--end", o->end)->required();
    move->add_option("--reason", o->reason)->required();
    out.emplace_back(move, bind(cmdMeetingMove));

    auto* finalize = meeting->add_subcommand("finalize", "freeze roster, taps and statuses; later only amendments");
    finalize->add_option("--id", o->id)->required();
    out.emplace_back(finalize, bind(cmdMeetingFinalize));

    auto* import = meeting->add_subcommand("import", "import a schedule from CSV, one meeting per row, all or nothing");
    import->add_option("file", o->file, "CSV file (see docs/cli.md)")->required();
    out.emplace_back(import, bind(cmdMeetingImport));
    return out;
}

} // namespace rollcall::ctl
