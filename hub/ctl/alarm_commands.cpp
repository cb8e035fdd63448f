#include "hub/ctl/alarm_commands.h"

#include "hub/core/alarm_acks.h"
#include "hub/core/record.h"
#include "hub/ctl/database_file.h"
#include "protocol/badge_uid.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <memory>

namespace rollcall::ctl {
namespace {

struct AlarmCommandOptions {
    std::string source, code, note;
};

std::string trimmed(const std::string& s)
{
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

/// The source as recorded: a registered reader, an issued badge (normalized) or "hub".
std::string checkedSource(core::Record& record, const core::AlarmCode& code, const std::string& source)
{
    if (code.source == "reader") {
        if (!record.findReader(source))
            throw common::InputError("--source: reader \"" + source + "\" is not registered (" + code.code + ")");
        return source;
    }
    if (code.source == "badge") {
        const auto uid = protocol::normalizeBadgeUid(source);
        if (!uid) throw common::InputError("--source: \"" + source + "\" is not a badge UID (" + code.code + ")");
        if (!record.findBadge(*uid))
            throw common::InputError("--source: badge " + *uid + " was never issued (" + code.code + ")");
        return *uid;
    }
    if (source != "hub") throw common::InputError("--source: " + code.code + " is the hub's alarm: give --source hub");
    return source;
}

void cmdAlarmAck(const AlarmCommandOptions& o, const CommandContext& c)
{
    const auto& codes = core::acknowledgeableAlarms();
    const auto code =
        std::find_if(codes.begin(), codes.end(), [&](const core::AlarmCode& a) { return a.code == o.code; });
    if (code == codes.end()) {
        std::string known;
        for (const auto& a : codes) known += (known.empty() ? "" : ", ") + a.code;
        throw common::InputError("--code: \"" + o.code + "\" is not an alarm a desk acknowledges (" + known + ")");
    }
    const auto note = trimmed(o.note);
    if (note.empty()) throw common::InputError("--note must not be empty: say what was seen or done");
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    core::AlarmAck ack{0, checkedSource(record, *code, o.source), o.code, note, c.clock.now(), c.author};
    common::Transaction tx(db);
    core::addAlarmAck(db, ack);
    tx.commit();
    c.out << "alarm " << ack.code << " of " << ack.source << " acknowledged by " << ack.by << " at "
          << core::Zone(c.zone).format(ack.at) << " (acknowledgement " << ack.id << "): " << ack.note << "\n";
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addAlarmCommands(CLI::App& app)
{
    auto o = std::make_shared<AlarmCommandOptions>();
    auto* alarm = app.add_subcommand("alarm", "the boards' alarms")->require_subcommand(1);
    auto* ack = alarm->add_subcommand("ack", "acknowledge an alarm with a note; every board shows it");
    ack->add_option("--source", o->source, "what it is about: a reader id, a badge UID (revoked_badge) or hub")
        ->required();
    ack->add_option("--code", o->code, "reader_offline, reader_fault, revoked_badge or record_write_failed")
        ->required();
    ack->add_option("--note", o->note, "what was seen or done")->required();
    return {{ack, [o](const CommandContext& c) { cmdAlarmAck(*o, c); }}};
}

} // namespace rollcall::ctl
