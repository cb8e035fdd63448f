#pragma once
// `alarm ack`: records that an alarm (a dead reader, a lost card used, the
// record not written) was seen and handled, with a note, by the caller (the
// key's name over the wire). The hub shows it on every board (hub/core/alarm_acks.h).
#include "hub/ctl/report_commands.h"

#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `alarm` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addAlarmCommands(CLI::App& app);

} // namespace rollcall::ctl
