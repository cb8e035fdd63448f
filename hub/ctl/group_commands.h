#pragma once
// The rollcallctl group commands: named invitation groups whose members change
// over time (e.g. 州直各部门主要负责同志). A meeting inviting a group
// (`meeting add … --invite-group G`) expects its members at the start
// (docs/semantics.md §10). Also the leave commands that are not about one
// meeting: leave over a date range and a unit's leave from a delegation.
#include "hub/ctl/report_commands.h"

#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `group` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addGroupCommands(CLI::App& app);

/// `leave add --person P --from DATE --to DATE --reason`: excuses P from every
/// meeting starting on those local days (both inclusive), present and future.
void addLeaveRange(const std::string& personId, const std::string& from, const std::string& to,
                   const std::string& reason, const CommandContext& c);

/// `leave add --meeting M --unit U --reason`: the unit is excused from the meeting's delegation.
void addUnitLeave(const std::string& meetingId, const std::string& unitPath, const std::string& reason,
                  const CommandContext& c);

} // namespace rollcall::ctl
