#include "hub/ctl/notice_commands.h"

#include "hub/core/record.h"
#include "hub/ctl/database_file.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/discipline_findings.h"
#include "hub/reports/document.h"
#include "hub/reports/notice_issuer.h"
#include "hub/reports/notice_register.h"
#include "hub/reports/official_pdf.h"
#include "hub/reports/progress.h"
#include "hub/reports/unit_tree.h"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace rollcall::ctl {
namespace fs = std::filesystem;
namespace {

struct NoticeCommandOptions {
    std::string period, policy, personTemplate, unitTemplate, output, number, reason, person;
    int year = 0;
    bool json = false;
};

reports::Policy policyFor(const NoticeCommandOptions& o)
{
    return o.policy.empty() ? reports::defaultPolicy() : reports::loadPolicy(o.policy);
}

/// Who an entry is about, as a list shows it.
std::string subjectOf(core::Record& record, const reports::RegisterEntry& e,
                      const std::map<std::int64_t, std::string>& units)
{
    if (e.personId) {
        const auto p = record.findPerson(*e.personId);
        return *e.personId + " " + (p ? p->name : "");
    }
    if (e.unitId) {
        const auto it = units.find(*e.unitId);
        return "单位 " + (it == units.end() ? std::to_string(*e.unitId) : it->second);
    }
    return "";
}

/// Whom an entry is about by name (the person's, or the name a document addresses the unit by), for a desk's list.
std::string nameOf(core::Record& record, const reports::RegisterEntry& e, const reports::UnitMap& units)
{
    if (e.personId) {
        const auto p = record.findPerson(*e.personId);
        return p ? p->name : *e.personId;
    }
    if (e.unitId) {
        const auto it = units.find(*e.unitId);
        return it == units.end() ? std::to_string(*e.unitId) : reports::officialUnitName(it->second);
    }
    return "";
}

std::map<std::int64_t, std::string> unitPaths(common::Database& db)
{
    std::map<std::int64_t, std::string> out;
    auto s = db.prepare("SELECT id, path FROM units");
    while (s.step()) out.emplace(s.getInt(0), s.getText(1));
    return out;
}

/// Writes the entry's PDF and text into `dir`: notice-YEAR-N.pdf / .txt.
void writeDocuments(const reports::RegisterEntry& e, const std::string& dir, const core::Zone& zone)
{
    const auto stem = (fs::path(dir) / ("notice-" + std::to_string(e.year) + "-" + std::to_string(e.n))).string();
    reports::writeNoticePdf(e, zone, stem + ".pdf");
    reports::writeTextFile(stem + ".txt", reports::noticePlainText(e, zone));
}

void prepareDirectory(const std::string& dir)
{
    if (dir.empty()) return;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw common::InputError("--output: cannot create directory " + dir + (ec ? ": " + ec.message() : ""));
    reports::checkWritable((fs::path(dir) / "index.csv").string(), "--output");
}

void issue(const NoticeCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto period = reports::parsePeriod(o.period, zone);
    const auto policy = policyFor(o);
    auto templates = reports::defaultOfficialTemplates();
    if (!o.personTemplate.empty()) {
        templates.person = reports::readTextFile(o.personTemplate, "--template");
        templates.personSource = o.personTemplate;
    }
    if (!o.unitTemplate.empty()) {
        templates.unit = reports::readTextFile(o.unitTemplate, "--unit-template");
        templates.unitSource = o.unitTemplate;
    }
    prepareDirectory(o.output);
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    reports::AttendanceLedger ledger(record);
    auto progress = commandProgress(c);
    const auto now = c.clock.now();
    const auto findings = reports::findDiscipline(ledger, policy, period, zone, now, &progress);

    reports::IssueContext context{zone, now, c.author, {}, {}, {}};
    // 主送 by the unit's official name (roster column or `unit set`), else its display name.
    for (const auto& [id, unit] : reports::loadUnits(db))
        context.unitNames.emplace(id, reports::officialUnitName(unit));
    auto venues = db.prepare("SELECT id, name FROM venues");
    while (venues.step()) context.venueNames.emplace(venues.getText(0), venues.getText(1));
    auto readers = db.prepare("SELECT id, venue_id FROM readers");
    while (readers.step()) context.readerVenues.emplace(readers.getText(0), readers.getText(1));

    reports::NoticeRegister reg(db);
    auto planned = reports::planNotices(findings, reg.entries(), templates, context);
    common::Transaction tx(db);
    for (auto& e : planned) reg.add(e, policy.numberFormat, zone);
    // Documents are written before the commit: a file that cannot be
    // written leaves the register as it was.
    if (!o.output.empty()) {
        for (const auto& e : planned) writeDocuments(e, o.output, zone);
    }
    tx.commit();
    const auto paths = unitPaths(db);
    c.out << "notices for " << period.label << ": " << planned.size() << " issued";
    int held = 0;
    for (const auto& pf : findings.persons) held += static_cast<int>(pf.held.size());
    c.out << ", " << held << " held item(s)\n";
    for (const auto& e : planned) {
        c.out << e.number << " " << subjectOf(record, e, paths) << " " << e.measure << "\n";
    }
}

void list(const NoticeCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const auto paths = unitPaths(db);
    const auto entries = reports::NoticeRegister(db).entries();
    const auto units = reports::loadUnits(db);
    std::map<std::int64_t, std::string> numbers;
    for (const auto& e : entries) numbers.emplace(e.id, e.number);
    auto j = nlohmann::ordered_json::array();
    for (const auto& e : entries) {
        if (o.year != 0 && e.year != o.year) continue;
        const bool notice = e.kind == reports::RegisterEntry::Kind::Notice;
        std::string state = notice ? (e.withdrawnBy ? "withdrawn by " + numbers[*e.withdrawnBy] : "in force")
                                   : "withdraws " + numbers[*e.refId];
        if (o.json) {
            j.push_back({{"number", e.number},
                         {"year", e.year},
                         {"n", e.n},
                         {"kind", notice ? "notice" : "withdrawal"},
                         {"person_id", e.personId ? nlohmann::ordered_json(*e.personId) : nullptr},
                         {"unit", e.unitId ? nlohmann::ordered_json(paths.at(*e.unitId)) : nullptr},
                         {"name", nameOf(record, e, units)},
                         {"measure", e.measure},
                         {"period", e.period},
                         {"issued", zone.formatDate(e.issued)},
                         {"issued_by", e.issuedBy},
                         {"state", state}});
            continue;
        }
        c.out << e.number << "  " << zone.formatDate(e.issued) << "  " << e.period << "  "
              << subjectOf(record, e, paths) << "  " << e.measure << "  " << state << "\n";
    }
    if (o.json) c.out << j.dump(2) << "\n";
}

void show(const NoticeCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    auto db = openDatabaseFile(c.db, false);
    const auto e = reports::NoticeRegister(db).find(o.number, "notices show");
    if (o.output.empty()) {
        c.out << reports::noticePlainText(e, zone);
        return;
    }
    const auto format = reports::formatFromPath(o.output);
    reports::checkWritable(o.output, "--output");
    if (format == reports::Format::Pdf)
        reports::writeNoticePdf(e, zone, o.output);
    else if (o.output.size() > 4 && o.output.substr(o.output.size() - 4) == ".txt")
        reports::writeTextFile(o.output, reports::noticePlainText(e, zone));
    else
        throw common::InputError("--output: " + o.output + " must end in .pdf or .txt");
    c.out << e.number << " written to " << o.output << "\n";
}

void withdraw(const NoticeCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    const auto policy = policyFor(o);
    if (o.reason.find_first_not_of(" \t") == std::string::npos)
        throw common::InputError("--reason: say why the notice is withdrawn");
    auto db = openDatabaseFile(c.db, false);
    reports::NoticeRegister reg(db);
    const auto notice = reg.find(o.number, "notices withdraw");
    if (notice.kind != reports::RegisterEntry::Kind::Notice)
        throw common::InputError("notices withdraw: " + notice.number + " is a withdrawal, not a notice");
    if (notice.withdrawnBy) {
        throw common::InputError("notices withdraw: " + notice.number + " is already withdrawn (`notices show "
                                 + notice.number + "`)");
    }
    auto w = reports::withdrawalOf(notice, o.reason, std::nullopt, zone, c.clock.now(), c.author);
    prepareDirectory(o.output);
    common::Transaction tx(db);
    reg.add(w, policy.numberFormat, zone);
    if (!o.output.empty()) writeDocuments(w, o.output, zone);
    tx.commit();
    c.out << notice.number << " withdrawn by " << w.number << "\n";
}

void history(const NoticeCommandOptions& o, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    if (!record.findPerson(o.person)) throw common::InputError("person \"" + o.person + "\" does not exist");
    const auto entries = reports::NoticeRegister(db).entries();
    const auto units = reports::loadUnits(db);
    std::map<std::int64_t, std::string> numbers;
    for (const auto& e : entries) numbers.emplace(e.id, e.number);
    int n = 0;
    for (const auto& e : entries) {
        if (e.personId != o.person) continue;
        ++n;
        c.out << zone.formatDate(e.issued) << "  " << e.number << "  ";
        if (e.kind == reports::RegisterEntry::Kind::Notice) {
            c.out << e.measure << "  " << e.period << "  " << e.text.title
                  << (e.withdrawnBy ? "  (withdrawn by " + numbers[*e.withdrawnBy] + ")" : "") << "\n";
        } else {
            c.out << "撤销 " << numbers[*e.refId] << "：" << e.reason << "\n";
        }
    }
    if (n == 0) c.out << o.person << " has no notices\n";
}

} // namespace

std::optional<std::pair<std::string, common::TimePoint>> noticeCiting(common::Database& db, const std::string& person,
                                                                      const std::string& meeting)
{
    for (const auto& e : reports::NoticeRegister(db).entries()) {
        if (e.kind == reports::RegisterEntry::Kind::Notice && !e.withdrawnBy && e.personId == person
            && e.citesMeeting(meeting))
            return std::pair{e.number, e.issued};
    }
    return std::nullopt;
}

std::vector<std::string> withdrawForAppeal(common::Database& db, const std::string& numberFormat,
                                           const std::string& person, const std::string& meeting, std::int64_t appealId,
                                           const std::string& reason, const CommandContext& c)
{
    const core::Zone zone(c.zone);
    reports::NoticeRegister reg(db);
    std::vector<std::string> lines;
    for (const auto& e : reg.entries()) {
        if (e.kind != reports::RegisterEntry::Kind::Notice || e.withdrawnBy || e.personId != person
            || !e.citesMeeting(meeting))
            continue;
        auto w = reports::withdrawalOf(e, reason, appealId, zone, c.clock.now(), c.author);
        reg.add(w, numberFormat, zone);
        lines.push_back(e.number + " withdrawn by " + w.number);
    }
    return lines;
}

std::vector<std::pair<CLI::App*, ReportCommand>> addNoticeCommands(CLI::App& app)
{
    auto o = std::make_shared<NoticeCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto leaf = [&](CLI::App* parent, const std::string& name, const std::string& help,
                    void (*fn)(const NoticeCommandOptions&, const CommandContext&)) {
        auto* sub = parent->add_subcommand(name, help);
        out.emplace_back(sub, [o, fn](const CommandContext& c) { fn(*o, c); });
        return sub;
    };
    auto* notices = app.get_subcommand("notices");
    auto* issueCmd = leaf(notices, "issue", "issue what the policy finds that the register does not hold yet", issue);
    issueCmd->add_option("--period", o->period, "2026-11, 2026-Q4 or 2026")->required();
    issueCmd->add_option("--policy", o->policy, "policy TOML (default: the built-in policy.default.toml)");
    issueCmd->add_option("--template", o->personTemplate, "person notice text (default: official_person.txt)");
    issueCmd->add_option("--unit-template", o->unitTemplate, "unit notice text (default: official_unit.txt)");
    issueCmd->add_option("--output", o->output, "directory for the new notices (PDF and text)");
    auto* listCmd = leaf(notices, "list", "the register: notices and withdrawals in order", list);
    listCmd->add_option("--year", o->year, "only entries numbered in this year");
    listCmd->add_flag("--json", o->json);
    auto* showCmd = leaf(notices, "show", "one entry as issued (text; --output FILE.pdf for the 公文)", show);
    showCmd->add_option("number", o->number, "as printed, or YEAR-N")->required();
    showCmd->add_option("--output", o->output, "FILE.pdf or FILE.txt");
    auto* withdrawCmd = leaf(notices, "withdraw", "withdraw a notice (a numbered entry of its own)", withdraw);
    withdrawCmd->add_option("number", o->number, "as printed, or YEAR-N")->required();
    withdrawCmd->add_option("--reason", o->reason)->required();
    withdrawCmd->add_option("--policy", o->policy, "policy TOML (the number format)");
    withdrawCmd->add_option("--output", o->output, "directory for the withdrawal (PDF and text)");

    auto* historyCmd = leaf(app.get_subcommand("person"), "history", "a person's notices and withdrawals", history);
    historyCmd->add_option("person", o->person, "person id")->required();
    return out;
}

} // namespace rollcall::ctl
