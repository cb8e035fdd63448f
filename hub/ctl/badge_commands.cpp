#include "hub/ctl/badge_commands.h"

#include "hub/ctl/database_file.h"
#include "hub/ctl/wire_fields.h"
#include "protocol/badge_uid.h"

#include <CLI/CLI.hpp>
#include <memory>

namespace rollcall::ctl {
namespace {

struct BadgeCommandOptions {
    std::string uid, person, by, reason, on;
};

void cmdBadgeIssue(const BadgeCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    requireWireId(o.person, "--person");
    const auto uid = badgeUidOption(o.uid, "--uid");
    const auto on = momentOption(o.on, "--on", zone, c.clock.now());
    common::Transaction tx(db);
    guardFinalizedTaps(record, uid, on, zone);
    record.addBadge(uid, o.person, on);
    tx.commit();
    c.out << "badge " << uid << " issued to " << o.person << " from " << zone.format(on) << "\n";
}

void cmdBadgeRevoke(const BadgeCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto uid = badgeUidOption(o.uid, "badge");
    const auto on = momentOption(o.on, "--on", zone, c.clock.now());
    common::Transaction tx(db);
    const auto holder = record.badgeHolder(uid, on);
    guardFinalizedTaps(record, uid, on, zone);
    record.revokeBadge(uid, on, o.reason);
    tx.commit();
    c.out << "badge " << uid << (holder ? " of " + *holder : std::string()) << " revoked (" << o.reason << ") from "
          << zone.format(on) << "; a tap of it now gets revoked_badge\n";
}

void cmdBadgeReplace(const BadgeCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    const auto uid = badgeUidOption(o.uid, "badge");
    const auto by = badgeUidOption(o.by, "--by");
    const auto on = momentOption(o.on, "--on", zone, c.clock.now());
    if (uid == by) throw common::InputError("--by: badge " + by + " cannot replace itself");
    common::Transaction tx(db);
    const auto holdings = record.badgeHoldings(uid);
    if (holdings.empty() || holdings.back().revoked)
        throw common::InputError("badge " + uid + (holdings.empty() ? " was never issued" : " is already revoked"));
    const auto person = holdings.back().personId;
    guardFinalizedTaps(record, uid, on, zone);
    guardFinalizedTaps(record, by, on, zone);
    record.revokeBadge(uid, on, o.reason);
    record.addBadge(by, person, on);
    tx.commit();
    c.out << "badge " << uid << " of " << person << " replaced by " << by << " from " << zone.format(on) << " ("
          << o.reason << ")\n";
}

} // namespace

common::TimePoint momentOption(const std::string& text, std::string_view option, const core::Zone& zone,
                               common::TimePoint now)
{
    if (text.empty()) return now;
    try {
        if (text.size() == 10) return zone.startOfDay(text);
        return core::parseTime(text, option, &zone);
    } catch (const common::InputError& e) {
        const std::string what = e.what();
        if (what.rfind(option, 0) == 0) throw;
        throw common::InputError(std::string(option) + ": " + what);
    }
}

std::string badgeUidOption(const std::string& raw, std::string_view option)
{
    const auto uid = protocol::normalizeBadgeUid(raw);
    if (!uid)
        throw common::InputError(std::string(option) + ": \"" + raw
                                 + "\" is not a badge UID (4, 7 or 10 bytes of hex, ':' allowed)");
    return *uid;
}

void guardFinalizedTaps(core::Record& record, const std::string& uid, common::TimePoint from, const core::Zone& zone)
{
    auto s = record.database().prepare(
        "SELECT m.id FROM taps t JOIN meeting_venues mv ON mv.venue_id = t.venue_id JOIN meetings m ON m.id = "
        "mv.meeting_id WHERE t.badge_uid = ? AND t.at_ms >= ? AND m.finalized_ms IS NOT NULL "
        "AND t.at_ms BETWEEN m.opening_ms AND m.end_ms + 1800000 ORDER BY m.start_ms LIMIT 1");
    s.bind(1, uid).bind(2, common::toMillis(from));
    if (!s.step()) return;
    const auto m = record.findMeeting(s.getText(0));
    throw common::InputError("badge " + uid + " was tapped at meeting \"" + m->id + "\" (" + m->title + ", "
                             + zone.format(m->times.start)
                             + "), which is finalized; date the change after it, or correct that meeting by amendment");
}

std::vector<std::pair<CLI::App*, ReportCommand>> addBadgeCommands(CLI::App& app)
{
    auto o = std::make_shared<BadgeCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto bind = [o](void (*f)(const BadgeCommandOptions&, const CommandContext&)) {
        return [o, f](const CommandContext& c) { f(*o, c); };
    };
    auto* badge = app.add_subcommand("badge", "badges over time: issue, revoke, replace")->require_subcommand(1);
    const std::string onHelp = "YYYY-MM-DD (local midnight in --zone) or an ISO 8601 time (default now)";

    auto* issue = badge->add_subcommand("issue", "give a badge to a person from --on");
    issue->add_option("--person", o->person, "person id")->required();
    issue->add_option("--uid", o->uid, "badge UID")->required();
    issue->add_option("--on", o->on, onHelp);
    out.emplace_back(issue, bind(cmdBadgeIssue));

    auto* revoke = badge->add_subcommand("revoke", "take a badge out of use from --on (lost, broken, holder left)");
    revoke->add_option("uid", o->uid, "badge UID")->required();
    revoke->add_option("--reason", o->reason, "lost, broken or left")
        ->required()
        ->check(CLI::IsMember({"lost", "broken", "left"}));
    revoke->add_option("--on", o->on, onHelp);
    out.emplace_back(revoke, bind(cmdBadgeRevoke));

    auto* replace = badge->add_subcommand("replace", "revoke a badge and give its holder --by instead, from --on");
    replace->add_option("uid", o->uid, "the badge replaced")->required();
    replace->add_option("--by", o->by, "the new badge UID")->required();
    replace->add_option("--reason", o->reason, "lost, broken or left")
        ->required()
        ->check(CLI::IsMember({"lost", "broken", "left"}));
    replace->add_option("--on", o->on, onHelp);
    out.emplace_back(replace, bind(cmdBadgeReplace));
    return out;
}

} // namespace rollcall::ctl
