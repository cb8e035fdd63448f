#include "hub/ctl/report_commands.h"

#include "hub/core/meeting_evaluator.h"
#include "hub/ctl/amendment_options.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/health_command.h"
#include "hub/ctl/notice_commands.h"
#include "hub/ctl/person_commands.h"
#include "hub/ctl/report_json.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/discipline_findings.h"
#include "hub/reports/disclosure_list.h"
#include "hub/reports/meeting_sheet.h"
#include "hub/reports/notice_documents.h"
#include "hub/reports/performance_report.h"
#include "hub/reports/period_report.h"
#include "hub/reports/progress.h"
#include "hub/reports/record_anchor.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <memory>

namespace rollcall::ctl {
namespace {

struct ReportCommandOptions {
    std::string meeting, person, format, output, from, to, by = "unit", period, month, policy, personTemplate,
                                                           unitTemplate, reason, status = "excused", appellant,
                                                           received, newEvidence;
    bool upheld = false, rejected = false;
    bool json = false;        // report period --json: the rows on stdout instead of a file
    std::optional<int> level; // --level: rank units at this level of the tree
    std::string group;        // --group: only units under this unit
};

reports::UnitScope scopeFor(const ReportCommandOptions& o)
{
    reports::UnitScope scope;
    scope.level = o.level;
    if (!o.group.empty()) scope.group = o.group;
    return scope;
}

common::Database openExisting(const CommandContext& c) { return openDatabaseFile(c.db, false); }

reports::Format formatFor(const ReportCommandOptions& o)
{
    if (!o.format.empty()) return reports::parseFormat(o.format);
    if (auto f = reports::formatFromPath(o.output)) return *f;
    throw common::InputError("--format: give csv, xlsx or pdf (the --output name " + o.output + " does not say)");
}

reports::Policy policyFor(const ReportCommandOptions& o)
{
    return o.policy.empty() ? reports::defaultPolicy() : reports::loadPolicy(o.policy);
}

void requireRosterMember(core::Record& record, const std::string& meeting, const std::string& person)
{
    if (!record.findMeeting(meeting)) throw common::InputError("--meeting: meeting \"" + meeting + "\" does not exist");
    if (!record.findPerson(person)) throw common::InputError("--person: person \"" + person + "\" does not exist");
    const auto roster = record.roster(meeting);
    if (std::none_of(roster.begin(), roster.end(), [&](const core::Person& p) { return p.id == person; })) {
        throw common::InputError("--person: \"" + person + "\" is not on the roster of meeting \"" + meeting + "\"");
    }
}

core::Amendment amendment(core::AmendmentKind kind, const ReportCommandOptions& o, const CommandContext& c)
{
    return newAmendment(kind, AmendmentOptions{o.meeting, o.person, o.reason, c.author}, c.clock.now());
}

void reportMeeting(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto format = formatFor(o);
    reports::checkWritable(o.output, "--output");
    auto db = openExisting(c);
    core::Record record(db);
    if (!record.findMeeting(o.meeting)) throw common::InputError("meeting \"" + o.meeting + "\" does not exist");
    const auto now = c.clock.now();
    core::MeetingEvaluator evaluator(record);
    const auto result = evaluator.evaluate(o.meeting, now);
    reports::ReaderCoverage coverage(db);
    const auto offline = now >= result.meeting.times.opening ? coverage.offlineDuring(result.meeting)
                                                             : std::vector<reports::OfflineReader>{};
    auto sheet = reports::meetingSheet(result, offline, zone, now, core::Schedule(record).changes(o.meeting),
                                       reports::loadSheetPlaces(db));
    sheet.subtitle.push_back(reports::recordAnchorLine(db));
    reports::writeDocument(sheet, format, o.output);
    c.out << "sign-in sheet of meeting " << o.meeting << " (" << result.attendees.size()
          << " on the roster) written to " << o.output << "\n";
}

void reportPeriod(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto period = reports::dateRange(o.from, o.to, zone);
    if (o.by != "person" && o.by != "unit") throw common::InputError("--by: \"" + o.by + "\" is not person or unit");
    if (o.by == "person" && (o.level || !o.group.empty()))
        throw common::InputError("--level and --group rank units: give them with --by unit");
    if (o.json != o.output.empty()) {
        c.err << (o.json ? "--json writes to stdout: give no --output\n" : "--output is required (or --json)\n")
              << "Run with --help for more information.\n";
        throw CommandExit{2};
    }
    const auto format = o.json ? reports::Format::Csv : formatFor(o);
    if (!o.json) reports::checkWritable(o.output, "--output");
    auto db = openExisting(c);
    core::Record record(db);
    reports::AttendanceLedger ledger(record);
    auto progress = commandProgress(c);
    const auto now = c.clock.now();
    const auto figures = reports::periodFigures(ledger, period, now, &progress);
    if (o.json) {
        const auto rows = o.by == "unit" ? unitRowsJson(figures, scopeFor(o))
                                         : personRowsJson(figures, reports::NoticeRegister(db).entries(), zone);
        c.out << rows.dump(2) << "\n";
        return;
    }
    const auto by = o.by == "unit" ? reports::PeriodBy::Unit : reports::PeriodBy::Person;
    auto report = reports::periodReport(figures, by, figures.persons, zone, now, scopeFor(o));
    report.subtitle.push_back(reports::recordAnchorLine(db));
    reports::writeDocument(report, format, o.output);
    std::size_t rows = 0;
    for (const auto& section : report.sections) rows += section.rows.size();
    c.out << "period report " << period.firstDate << " – " << period.lastDate << " by " << o.by << ": "
          << figures.meetings << " meeting(s), " << rows << " row(s) written to " << o.output << "\n";
}

void reportPerformance(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto period = reports::parsePeriod(o.period, zone);
    const auto policy = policyFor(o);
    const auto format = formatFor(o);
    reports::checkWritable(o.output, "--output");
    auto db = openExisting(c);
    core::Record record(db);
    reports::AttendanceLedger ledger(record);
    auto progress = commandProgress(c);
    const auto now = c.clock.now();
    const auto figures = reports::periodFigures(ledger, period, now, &progress);
    auto report = reports::performanceReport(figures, policy.performance, scopeFor(o), zone, now);
    report.subtitle.push_back(reports::recordAnchorLine(db));
    reports::writeDocument(report, format, o.output);
    std::size_t rows = 0;
    for (const auto& section : report.sections) rows += section.rows.size();
    c.out << "performance " << period.label << ": " << figures.meetings << " meeting(s), " << rows << " unit(s) in "
          << report.sections.size() << " group(s) written to " << o.output << "\n";
}

void notices(const ReportCommandOptions& o, const CommandContext& c)
{
    // Not required by the parser: `notices issue|list|show|withdraw` need neither.
    if (o.period.empty())
        throw common::InputError("notices: --period is required (or use notices issue|list|show|withdraw)");
    const core::Zone zone(c.zone);
    const auto period = reports::parsePeriod(o.period, zone);
    const auto policy = policyFor(o);
    reports::NoticeTemplates templates{reports::defaultPersonTemplate(), "notice_person.txt",
                                       reports::defaultUnitTemplate(), "notice_unit.txt"};
    if (!o.personTemplate.empty()) {
        templates.person = reports::readTextFile(o.personTemplate, "--template");
        templates.personSource = o.personTemplate;
    }
    if (!o.unitTemplate.empty()) {
        templates.unit = reports::readTextFile(o.unitTemplate, "--unit-template");
        templates.unitSource = o.unitTemplate;
    }
    if (o.output.empty()) throw common::InputError("--output must name a directory");
    if (std::filesystem::exists(o.output) && !std::filesystem::is_directory(o.output)) {
        throw common::InputError("--output: " + o.output + " exists and is not a directory");
    }
    auto db = openExisting(c);
    core::Record record(db);
    reports::AttendanceLedger ledger(record);
    auto progress = commandProgress(c);
    const auto now = c.clock.now();
    auto findings = reports::findDiscipline(ledger, policy, period, zone, now, &progress);
    findings.recordAnchor = reports::recordAnchorLine(db);
    const auto written = reports::writeNotices(findings, templates, o.output, zone, now);
    c.out << "notices for " << period.label << ": " << written.personNotices << " person notice(s), "
          << written.unitNotices << " unit notice(s), " << written.held << " held item(s); index " << written.indexPath
          << "\n";
}

void disclosure(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto month = reports::parseMonth(o.month, zone);
    const auto policy = policyFor(o);
    const auto format = formatFor(o);
    reports::checkWritable(o.output, "--output");
    auto db = openExisting(c);
    core::Record record(db);
    reports::AttendanceLedger ledger(record);
    auto progress = commandProgress(c);
    const auto now = c.clock.now();
    const auto findings = reports::findDiscipline(ledger, policy, month, zone, now, &progress);
    auto list = reports::disclosureList(findings, zone, now);
    list.subtitle.push_back(reports::recordAnchorLine(db));
    reports::writeDocument(list, format, o.output);
    long persons = 0;
    for (const auto& p : findings.persons) persons += static_cast<long>(p.absences.size());
    c.out << "disclosure " << month.label << ": " << findings.units.size() << " unit(s) below the rate, " << persons
          << " unexcused absence(s) listed; written to " << o.output << "\n";
}

std::optional<core::Amendment> openAppealOf(core::Record& record, const std::string& meeting, const std::string& person)
{
    std::optional<core::Amendment> open;
    for (const auto& a : record.amendments(meeting)) {
        if (a.personId != person) continue;
        if (a.kind == core::AmendmentKind::Appeal) open = a;
        if (a.kind == core::AmendmentKind::AppealResolution && open && a.refId == open->id) open.reset();
    }
    return open;
}

/// The last appeal of `person` at `meeting` and whether it was rejected.
std::optional<std::pair<core::Amendment, bool>> lastAppealOf(core::Record& record, const std::string& meeting,
                                                             const std::string& person)
{
    std::optional<std::pair<core::Amendment, bool>> last;
    for (const auto& a : record.amendments(meeting)) {
        if (a.personId != person) continue;
        if (a.kind == core::AmendmentKind::Appeal) last = std::pair{a, false};
        if (a.kind == core::AmendmentKind::AppealResolution && last && a.refId == last->first.id)
            last->second = a.status == "rejected";
    }
    return last;
}

void appealAdd(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto now = c.clock.now();
    const auto received = dateOption(o.received, "--received", zone, now);
    if (received > now) throw common::InputError("--received: " + o.received + " is in the future");
    auto db = openExisting(c);
    core::Record record(db);
    requireRosterMember(record, o.meeting, o.person);
    // The appellant is who appeals (the person, or someone for them); the
    // clerk who records it is --operator, stored with the filing.
    const std::string appellant = o.appellant.empty() ? o.person : o.appellant;
    if (!record.findPerson(appellant)) throw common::InputError("--by: person \"" + appellant + "\" does not exist");
    if (auto open = openAppealOf(record, o.meeting, o.person)) {
        throw common::InputError("appeal #" + std::to_string(open->id) + " of " + o.person + " at meeting " + o.meeting
                                 + " is still open; resolve it first");
    }
    const auto last = lastAppealOf(record, o.meeting, o.person);
    const bool blank = o.newEvidence.find_first_not_of(" \t") == std::string::npos;
    if (last && last->second && blank) {
        throw common::InputError("appeal #" + std::to_string(last->first.id) + " of " + o.person + " at meeting "
                                 + o.meeting
                                 + " was rejected; it reopens only with --new-evidence (what is new) and --reason");
    }
    if (!o.newEvidence.empty() && blank) throw common::InputError("--new-evidence: say what the new evidence is");
    const auto policy = policyFor(o);
    if (const auto notice = noticeCiting(db, o.person, o.meeting); notice && policy.appealDeadlineDays > 0) {
        const auto deadline =
            zone.startOfDay(zone.formatDate(notice->second)) + std::chrono::hours(24) * (policy.appealDeadlineDays + 1);
        if (received >= deadline) {
            throw common::InputError("--received: " + zone.formatDate(received) + " is after the deadline "
                                     + zone.formatDate(deadline - std::chrono::hours(24)) + " ("
                                     + std::to_string(policy.appealDeadlineDays) + " days after notice " + notice->first
                                     + " was issued on " + zone.formatDate(notice->second) + ")");
        }
    }
    auto a = amendment(core::AmendmentKind::Appeal, o, c);
    a.author = appellant;
    common::Transaction tx(db);
    record.addAmendment(a);
    auto filing =
        db.prepare("INSERT INTO appeal_filings(amendment_id, clerk, received_ms, new_evidence) VALUES (?, ?, ?, ?)");
    filing.bind(1, a.id).bind(2, c.author).bind(3, common::toMillis(received));
    if (blank)
        filing.bindNull(4);
    else
        filing.bind(4, o.newEvidence);
    filing.run();
    tx.commit();
    c.out << "appeal #" << a.id << " of " << o.person << " at meeting " << o.meeting << " by " << appellant
          << ", received " << zone.formatDate(received) << ", recorded by " << c.author
          << "; related notices are held until it is resolved\n";
}

void appealList(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    auto db = openExisting(c);
    // Open: an appeal no appeal_resolution names. The filing says who received it and when.
    auto q = db.prepare(
        "SELECT a.id, a.meeting_id, m.title, a.person_id, p.name, a.author, a.reason, f.clerk, f.received_ms, "
        "f.new_evidence, a.created_ms FROM amendments a JOIN meetings m ON m.id = a.meeting_id "
        "JOIN persons p ON p.id = a.person_id LEFT JOIN appeal_filings f ON f.amendment_id = a.id "
        "WHERE a.kind = 'appeal' AND NOT EXISTS (SELECT 1 FROM amendments r WHERE r.kind = 'appeal_resolution' "
        "AND r.ref_id = a.id) ORDER BY a.id");
    auto rows = nlohmann::ordered_json::array();
    const auto optional = [&q](int column) {
        const auto text = q.getOptionalText(column);
        return text ? nlohmann::ordered_json(*text) : nlohmann::ordered_json(nullptr);
    };
    while (q.step()) {
        const auto received = common::fromMillis(q.isNull(8) ? q.getInt(10) : q.getInt(8));
        nlohmann::ordered_json row{
            {"id", q.getInt(0)},          {"meeting", q.getText(1)}, {"title", q.getText(2)},
            {"person_id", q.getText(3)},  {"name", q.getText(4)},    {"by", q.getText(5)},
            {"reason", q.getText(6)},     {"clerk", optional(7)},    {"received", zone.formatDate(received)},
            {"new_evidence", optional(9)}};
        if (!o.json) {
            c.out << "#" << q.getInt(0) << "  " << zone.formatDate(received) << "  " << q.getText(1) << "  "
                  << q.getText(3) << " " << q.getText(4) << "  " << q.getText(6) << "\n";
        }
        rows.push_back(std::move(row));
    }
    if (o.json) c.out << rows.dump(2) << "\n";
    if (!o.json && rows.empty()) c.out << "no open appeals\n";
}

void appealResolve(const ReportCommandOptions& o, const CommandContext& c)
{
    if (o.upheld == o.rejected) throw common::InputError("give exactly one of --upheld or --rejected");
    const auto status = core::statusFromString(o.status);
    if (o.upheld && (!status || *status == core::Status::NotArrived || *status == core::Status::Overdue)) {
        throw common::InputError("--status: \"" + o.status + "\" is not present, late, absent, excused or substituted");
    }
    auto db = openExisting(c);
    core::Record record(db);
    requireRosterMember(record, o.meeting, o.person);
    const auto open = openAppealOf(record, o.meeting, o.person);
    if (!open) throw common::InputError("no open appeal of " + o.person + " at meeting " + o.meeting);
    auto resolution = amendment(core::AmendmentKind::AppealResolution, o, c);
    resolution.refId = open->id;
    resolution.status = o.upheld ? "upheld" : "rejected";
    common::Transaction tx(db);
    record.addAmendment(resolution);
    std::string extra;
    if (o.upheld) {
        // The upheld appeal changes the status the only way a status changes: by amendment.
        auto change = amendment(core::AmendmentKind::StatusOverride, o, c);
        change.status = o.status;
        change.refId = resolution.id;
        change.reason = "申诉 #" + std::to_string(open->id) + " 成立：" + o.reason;
        record.addAmendment(change);
        extra = "; status set to " + o.status + " (amendment " + std::to_string(change.id) + ")";
        // An upheld appeal withdraws its notice: a register entry of its own.
        for (const auto& line : withdrawForAppeal(db, policyFor(o).numberFormat, o.person, o.meeting, open->id,
                                                  "申诉 #" + std::to_string(open->id) + " 成立：" + o.reason, c))
            extra += "; " + line;
    }
    tx.commit();
    c.out << "appeal #" << open->id << " " << (o.upheld ? "upheld" : "rejected") << " (amendment " << resolution.id
          << ")" << extra << "\n";
}

void absenceConfirm(const ReportCommandOptions& o, const CommandContext& c)
{
    auto db = openExisting(c);
    core::Record record(db);
    requireRosterMember(record, o.meeting, o.person);
    const auto now = c.clock.now();
    core::MeetingEvaluator evaluator(record);
    const auto result = evaluator.evaluate(o.meeting, now);
    const auto it = std::find_if(result.attendees.begin(), result.attendees.end(),
                                 [&](const core::AttendeeResult& a) { return a.person.id == o.person; });
    if (it == result.attendees.end() || it->outcome.status != core::Status::Absent) {
        throw common::InputError(o.person + " is not absent at meeting " + o.meeting + ": nothing to confirm");
    }
    reports::ReaderCoverage coverage(db);
    if (coverage.offlineDuring(result.meeting).empty()) {
        throw common::InputError("no reader of meeting " + o.meeting
                                 + " was offline: the absence needs no confirmation");
    }
    if (reports::absenceConfirmed(it->amendments, o.person)) {
        throw common::InputError("the absence of " + o.person + " at meeting " + o.meeting + " is already confirmed");
    }
    auto a = amendment(core::AmendmentKind::AbsenceConfirmation, o, c);
    common::Transaction tx(db);
    record.addAmendment(a);
    tx.commit();
    c.out << "absence of " << o.person << " at meeting " << o.meeting << " confirmed (amendment " << a.id
          << "); it now counts toward notices\n";
}

void cacheFill(const ReportCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto period = reports::dateRange(o.from, o.to, zone);
    auto db = openExisting(c);
    core::Record record(db);
    reports::AttendanceLedger ledger(record);
    auto progress = commandProgress(c);
    const int n = ledger.fillCache(period.from, period.to, c.clock.now(), &progress);
    c.out << "cached the results of " << n << " finalized meeting(s)\n";
}

} // namespace

reports::Progress commandProgress(const CommandContext& c)
{
    const bool drawn = !c.progress && (c.showProgress || reports::Progress::stderrIsTerminal());
    return reports::Progress(drawn, c.cancel, c.progress);
}

std::vector<std::pair<CLI::App*, ReportCommand>> addReportCommands(CLI::App& app)
{
    auto o = std::make_shared<ReportCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto leaf = [&](CLI::App* parent, const std::string& name, const std::string& help,
                    void (*fn)(const ReportCommandOptions&, const CommandContext&)) {
        auto* sub = parent->add_subcommand(name, help);
        out.emplace_back(sub, [o, fn](const CommandContext& c) { fn(*o, c); });
        return sub;
    };

    auto* report =
        app.add_subcommand("report", "meeting sheets and period reports (csv, xlsx, pdf)")->require_subcommand(1);
    auto* meeting = leaf(report, "meeting", "the sign-in sheet of one meeting, by unit", reportMeeting);
    meeting->add_option("meeting", o->meeting, "meeting id")->required();
    meeting->add_option("--format", o->format, "csv, xlsx or pdf (default: from --output's extension)");
    meeting->add_option("--output", o->output, "file to write")->required();
    auto* period = leaf(report, "period", "figures per person or unit over dates, units ranked by rate", reportPeriod);
    period->add_option("--from", o->from, "first date, YYYY-MM-DD (local)")->required();
    period->add_option("--to", o->to, "last date, inclusive")->required();
    period->add_option("--by", o->by, "person or unit")->capture_default_str();
    period->add_option("--level", o->level, "rank the units at this level of the unit tree (1 = top level)");
    period->add_option("--group", o->group, "rank only the units under this unit (a path)");
    period->add_option("--format", o->format, "csv, xlsx or pdf (default: from --output's extension)");
    period->add_option("--output", o->output, "file to write (unless --json)");
    period->add_flag("--json", o->json, "the rows as JSON on stdout instead of a file");
    auto* performance =
        leaf(report, "performance", "绩效考评: each unit scored by the policy's weights, ranked", reportPerformance);
    performance->add_option("--period", o->period, "2026-11, 2026-Q4 or 2026")->required();
    performance->add_option("--level", o->level, "score the units at this level of the unit tree (1 = top level)");
    performance->add_option("--group", o->group, "score only the units under this unit (a path)");
    performance->add_option("--policy", o->policy, "policy TOML (default: the built-in policy.default.toml)");
    performance->add_option("--format", o->format, "csv, xlsx or pdf (default: from --output's extension)");
    performance->add_option("--output", o->output, "file to write")->required();
    auto* cache = leaf(report, "cache", "evaluate finalized meetings into the results cache", cacheFill);
    cache->add_option("--from", o->from)->required();
    cache->add_option("--to", o->to)->required();

    auto* notice = leaf(&app, "notices",
                        "the notice register (issue, list, show, withdraw); alone: a draft of a period's notices "
                        "with an index CSV, outside the register",
                        notices);
    notice->require_subcommand(0, 1);
    notice->add_option("--period", o->period, "2026-11, 2026-Q4 or 2026");
    notice->add_option("--policy", o->policy, "policy TOML (default: the built-in policy.default.toml)");
    notice->add_option("--template", o->personTemplate, "person notice template (default: notice_person.txt)");
    notice->add_option("--unit-template", o->unitTemplate, "unit notice template (default: notice_unit.txt)");
    notice->add_option("--output", o->output, "directory for the notices and index.csv");

    auto* disc = leaf(&app, "disclosure", "the monthly disclosure list (每月公示)", disclosure);
    disc->add_option("--month", o->month, "2026-11")->required();
    disc->add_option("--policy", o->policy, "policy TOML");
    disc->add_option("--format", o->format, "csv, xlsx or pdf (default: from --output's extension)");
    disc->add_option("--output", o->output, "file to write")->required();

    auto* appeal = app.add_subcommand("appeal", "appeals against a recorded status (申诉)")->require_subcommand(1);
    auto* appealAddCmd = leaf(appeal, "add", "record an appeal; related notices are held", appealAdd);
    appealAddCmd->add_option("--meeting", o->meeting)->required();
    appealAddCmd->add_option("--person", o->person)->required();
    appealAddCmd->add_option("--reason", o->reason)->required();
    appealAddCmd->add_option("--by", o->appellant, "person id of the appellant (default: --person)");
    appealAddCmd->add_option("--received", o->received, "YYYY-MM-DD the office received it (default today)");
    appealAddCmd->add_option("--new-evidence", o->newEvidence, "what is new: required after a rejected appeal");
    appealAddCmd->add_option("--policy", o->policy, "policy TOML (the appeal deadline)");
    auto* appealListCmd = leaf(appeal, "list", "the open appeals, oldest first", appealList);
    appealListCmd->add_flag("--json", o->json, "as JSON");
    auto* resolve =
        leaf(appeal, "resolve", "uphold (status changes by amendment) or reject an open appeal", appealResolve);
    resolve->add_option("--meeting", o->meeting)->required();
    resolve->add_option("--person", o->person)->required();
    resolve->add_flag("--upheld", o->upheld);
    resolve->add_flag("--rejected", o->rejected);
    resolve->add_option("--status", o->status, "status an upheld appeal gives")->capture_default_str();
    resolve->add_option("--reason", o->reason)->required();
    resolve->add_option("--policy", o->policy, "policy TOML (the number format of a withdrawal)");

    auto* absence =
        app.add_subcommand("absence", "absences at meetings whose reader was offline")->require_subcommand(1);
    auto* confirm = leaf(absence, "confirm", "confirm an absence marked \"reader offline — verify\"", absenceConfirm);
    confirm->add_option("--meeting", o->meeting)->required();
    confirm->add_option("--person", o->person)->required();
    confirm->add_option("--reason", o->reason)->required();
    return out;
}

} // namespace rollcall::ctl
