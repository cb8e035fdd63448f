#pragma once
// `walkin add`: registers at the door a walk-in (列席, docs/semantics.md §7)
// who attends a meeting for a unit — a manual check-in of a person not on the
// roster, attached to the unit (hub/core/walk_in_units.h); `amendment revoke`
// withdraws it.
#include "hub/ctl/report_commands.h"

#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `walkin` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addWalkInCommands(CLI::App& app);

} // namespace rollcall::ctl
