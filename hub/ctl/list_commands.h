#pragma once
// The rollcallctl commands that show what the record holds, as at a date:
// person list|show, unit list, reader list, each with --json
// (docs/cli.md). They change nothing.
#include "hub/ctl/report_commands.h"

#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds the list commands to `app` (under the `person` and `reader` commands
/// if they exist already); returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addListCommands(CLI::App& app);

} // namespace rollcall::ctl
