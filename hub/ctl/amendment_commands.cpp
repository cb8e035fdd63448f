#include "hub/ctl/amendment_commands.h"

#include "hub/core/walk_in_units.h"
#include "hub/ctl/amendment_options.h"
#include "hub/ctl/database_file.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace rollcall::ctl {
namespace {

struct AmendmentCommandOptions {
    std::string id, reason, meeting;
    bool json = false;
};

std::int64_t amendmentId(const std::string& text)
{
    std::size_t used = 0;
    long long id = 0;
    try {
        id = std::stoll(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != text.size() || id <= 0 || text.empty())
        throw common::InputError("amendment id \"" + text + "\" is not a positive whole number");
    return id;
}

void cmdAmendmentRevoke(const AmendmentCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const auto id = amendmentId(o.id);
    common::Transaction tx(db);
    const auto target = record.findAmendment(id);
    if (!target) throw common::InputError("amendment #" + o.id + " does not exist");
    const auto kind = std::string(core::toString(target->kind));
    switch (target->kind) {
    case core::AmendmentKind::Revoke:
        throw common::InputError("amendment #" + o.id + " is itself a revocation; it cannot be revoked");
    case core::AmendmentKind::Appeal:
    case core::AmendmentKind::AppealResolution:
        // An appeal is closed by its resolution, which keeps the notices' holds consistent.
        throw common::InputError("amendment #" + o.id + " is an " + kind
                                 + "; appeals are closed with `appeal resolve`, not revoked");
    default: break;
    }
    if (const auto earlier = record.revocationOf(id))
        throw common::InputError("amendment #" + o.id + " was already revoked by amendment #"
                                 + std::to_string(earlier->id));
    auto a = newAmendment(
        core::AmendmentKind::Revoke,
        AmendmentOptions{target->meetingId.value_or(""), target->personId.value_or(""), o.reason, c.author},
        c.clock.now());
    a.meetingId = target->meetingId;
    a.personId = target->personId;
    a.refId = id;
    record.addAmendment(a);
    tx.commit();
    c.out << "amendment #" << id << " (" << kind << " of " << target->personId.value_or("?") << " at meeting "
          << target->meetingId.value_or("?") << ") revoked by amendment #" << a.id
          << "; both stay on the record, and the earlier status applies again\n";
}

/// Every amendment of a meeting, revoked ones and revocations included, in
/// order: what the organizers' desks list, whoever made them (issue 16).
void cmdAmendmentList(const AmendmentCommandOptions& o, const CommandContext& c)
{
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const core::Zone zone(c.zone);
    if (!record.findMeeting(o.meeting))
        throw common::InputError("--meeting: meeting \"" + o.meeting + "\" does not exist");
    auto all = record.amendments(o.meeting);
    for (auto& a : record.withdrawnAmendments({o.meeting})) all.push_back(std::move(a));
    std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::map<std::int64_t, std::int64_t> revokedBy;
    for (const auto& a : all) {
        if (a.kind == core::AmendmentKind::Revoke && a.refId) revokedBy[*a.refId] = a.id;
    }
    // Units of walk-ins, revoked ones too: what was registered stays readable.
    std::map<std::int64_t, std::string> forUnit;
    auto s = db.prepare("SELECT w.amendment_id, u.path FROM walk_in_units w JOIN units u ON u.id = w.unit_id "
                        "JOIN amendments a ON a.id = w.amendment_id WHERE a.meeting_id = ?");
    s.bind(1, o.meeting);
    while (s.step()) forUnit[s.getInt(0)] = s.getText(1);

    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& a : all) {
        nlohmann::ordered_json row{{"id", a.id}, {"kind", std::string(core::toString(a.kind))}};
        if (a.personId) row["person_id"] = *a.personId;
        if (a.otherPersonId) row["other_person_id"] = *a.otherPersonId;
        if (a.at) row["at"] = zone.formatIso(*a.at);
        if (a.direction) row["direction"] = *a.direction == core::Direction::In ? "in" : "out";
        if (a.status) row["status"] = *a.status;
        if (a.refId) row["ref_id"] = *a.refId;
        if (const auto u = forUnit.find(a.id); u != forUnit.end()) row["for_unit"] = u->second;
        row["author"] = a.author;
        row["created"] = zone.formatIso(a.createdAt);
        row["reason"] = a.reason;
        if (const auto r = revokedBy.find(a.id); r != revokedBy.end()) row["revoked_by"] = r->second;
        rows.push_back(std::move(row));
    }
    if (o.json) {
        c.out << rows.dump(2) << "\n";
        return;
    }
    for (const auto& row : rows) {
        c.out << "#" << row["id"].get<std::int64_t>() << " " << row["kind"].get<std::string>() << " "
              << row.value("person_id", std::string("-")) << " (" << row["author"].get<std::string>() << ", "
              << row["created"].get<std::string>() << "): " << row["reason"].get<std::string>();
        if (row.contains("revoked_by")) c.out << " [revoked by #" << row["revoked_by"].get<std::int64_t>() << "]";
        c.out << "\n";
    }
}

} // namespace

void requireInsideWindow(core::Record& record, const std::string& meetingId, common::TimePoint at,
                         const core::Zone& zone, std::string_view option)
{
    const auto m = record.findMeeting(meetingId);
    if (!m) throw common::InputError("meeting \"" + meetingId + "\" does not exist");
    if (at >= m->times.opening && at <= m->times.windowEnd()) return;
    throw common::InputError(std::string(option) + ": " + zone.format(at) + " is outside the window of meeting \""
                             + m->id + "\" (" + m->title + "), " + zone.format(m->times.opening) + " – "
                             + zone.format(m->times.windowEnd())
                             + "; a manual check-in or check-out must lie inside it");
}

void refuseRepeatedAmendment(core::Record& record, const core::Amendment& a)
{
    if (a.kind != core::AmendmentKind::Leave && a.kind != core::AmendmentKind::Substitute) return;
    if (!a.meetingId || !a.personId) return;
    for (const auto& e : record.amendments(*a.meetingId)) {
        if (e.kind != a.kind || e.personId != a.personId) continue;
        if (a.kind == core::AmendmentKind::Leave) {
            throw common::InputError("person \"" + *a.personId + "\" already has leave for meeting \"" + *a.meetingId
                                     + "\" (amendment #" + std::to_string(e.id) + ")");
        }
        if (e.otherPersonId == a.otherPersonId) {
            throw common::InputError("\"" + a.otherPersonId.value_or("") + "\" is already the substitute of \""
                                     + *a.personId + "\" at meeting \"" + *a.meetingId + "\" (amendment #"
                                     + std::to_string(e.id) + ")");
        }
    }
}

std::vector<std::pair<CLI::App*, ReportCommand>> addAmendmentCommands(CLI::App& app)
{
    auto o = std::make_shared<AmendmentCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto* amendment = app.add_subcommand("amendment", "corrections on the record")->require_subcommand(1);
    auto* revoke = amendment->add_subcommand(
        "revoke", "cancel a mistaken amendment by another that names it (both are kept and shown)");
    revoke->add_option("id", o->id, "the amendment's number (#N on sheets)")->required();
    revoke->add_option("--reason", o->reason)->required();
    out.emplace_back(revoke, [o](const CommandContext& c) { cmdAmendmentRevoke(*o, c); });
    auto* list = amendment->add_subcommand(
        "list", "a meeting's amendments in order, by anyone, revoked ones and revocations included");
    list->add_option("--meeting", o->meeting)->required();
    list->add_flag("--json", o->json);
    out.emplace_back(list, [o](const CommandContext& c) { cmdAmendmentList(*o, c); });
    return out;
}

} // namespace rollcall::ctl
