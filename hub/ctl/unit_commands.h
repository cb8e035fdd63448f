#pragma once
// `rollcallctl unit set PATH --order N --official-name NAME`: a unit's official
// order and name (schema 9), for units the roster file has no row of their
// own for (州直机关 above its departments). docs/cli.md.
#include "hub/ctl/report_commands.h"

#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `unit set` to `app` (under the `unit` command if it exists already).
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addUnitCommands(CLI::App& app);

} // namespace rollcall::ctl
