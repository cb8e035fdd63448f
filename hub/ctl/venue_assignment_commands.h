#pragma once
// The rollcallctl commands for venue assignments at a plenary with branch
// venues (分会场, docs/semantics.md §10): meeting assign-venue (one unit or
// person on the command line, or a CSV file, all or nothing) and meeting
// venues (the assignments in force and how many are expected where).
#include "hub/ctl/report_commands.h"

namespace rollcall::ctl {

/// Adds `assign-venue` and `venues` under the `meeting` command already in
/// `app` (addMeetingCommands); returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addVenueAssignmentCommands(CLI::App& app);

} // namespace rollcall::ctl
