#pragma once
// Amendments that undo or must not repeat others (docs/semantics.md §8, §12):
// `amendment revoke ID --reason`, and the checks the correction commands make
// before they record one (a manual tap inside its meeting's window, the same
// leave or substitute not twice).
#include "hub/core/record.h"
#include "hub/ctl/report_commands.h"

#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `amendment` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addAmendmentCommands(CLI::App& app);

/// Throws InputError naming `option`, the meeting and its window unless `at`
/// lies in the meeting's tap window [opening, E + 30 min].
void requireInsideWindow(core::Record& record, const std::string& meetingId, common::TimePoint at,
                         const core::Zone& zone, std::string_view option);

/// Throws InputError if `a` (a leave, or a substitute by the same person)
/// repeats one in force for the same person and meeting.
void refuseRepeatedAmendment(core::Record& record, const core::Amendment& a);

} // namespace rollcall::ctl
