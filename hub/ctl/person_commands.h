#pragma once
// The rollcallctl commands that change who belongs where over time
// (docs/semantics.md §10): person add|move|leave. Each is dated, and each is
// refused if it would change the roster of a finalized meeting (§12).
#include "hub/core/record.h"
#include "hub/ctl/report_commands.h"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `person` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addPersonCommands(CLI::App& app);

/// Runs `change` (inside the caller's transaction) and throws InputError,
/// naming the meeting, if it changed who is on the roster of a finalized
/// meeting starting at or after `from`, or under which unit.
void guardFinalizedRosters(core::Record& record, common::TimePoint from, const core::Zone& zone,
                           const std::function<void()>& change);

/// A date option ("YYYY-MM-DD", local midnight in `zone`), or today's local
/// midnight when `text` is empty. Throws InputError naming `option`.
[[nodiscard]] common::TimePoint dateOption(const std::string& text, std::string_view option, const core::Zone& zone,
                                           common::TimePoint now);

} // namespace rollcall::ctl
