#pragma once
// The rollcallctl commands that give and take badges over time
// (docs/semantics.md §10): badge issue|revoke|replace. Each is dated (--on,
// default now) and refused if it would change who tapped at a finalized
// meeting (§12).
#include "hub/core/record.h"
#include "hub/ctl/report_commands.h"

#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `badge` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addBadgeCommands(CLI::App& app);

/// A moment option: empty is `now`, "YYYY-MM-DD" the local midnight starting
/// that date in `zone`, anything else an ISO 8601 time. Throws InputError
/// naming `option`.
[[nodiscard]] common::TimePoint momentOption(const std::string& text, std::string_view option, const core::Zone& zone,
                                             common::TimePoint now);

/// Throws InputError, naming the meeting, if a tap of `uid` at or after
/// `from` lies in the window of a finalized meeting at its venue: changing
/// who held the badge then would change that meeting's results.
void guardFinalizedTaps(core::Record& record, const std::string& uid, common::TimePoint from, const core::Zone& zone);

/// A badge UID option, normalized (upper-case hex, no ':'); throws InputError naming `option`.
[[nodiscard]] std::string badgeUidOption(const std::string& raw, std::string_view option);

} // namespace rollcall::ctl
