#include "hub/ctl/amendment_commands.h"

#include "hub/ctl/amendment_options.h"
#include "hub/ctl/database_file.h"

#include <CLI/CLI.hpp>
#include <memory>

namespace rollcall::ctl {
namespace {

struct Options {
    std::string id, reason;
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

void cmdAmendmentRevoke(const Options& o, const CommandContext& c)
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
    auto o = std::make_shared<Options>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto* amendment = app.add_subcommand("amendment", "corrections on the record")->require_subcommand(1);
    auto* revoke = amendment->add_subcommand(
        "revoke", "cancel a mistaken amendment by another that names it (both are kept and shown)");
    revoke->add_option("id", o->id, "the amendment's number (#N on sheets)")->required();
    revoke->add_option("--reason", o->reason)->required();
    out.emplace_back(revoke, [o](const CommandContext& c) { cmdAmendmentRevoke(*o, c); });
    return out;
}

} // namespace rollcall::ctl
