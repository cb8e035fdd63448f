#pragma once
// The rollcallctl meeting commands (docs/cli.md, docs/semantics.md §1, §11,
// §12): meeting add (recurring, invitation groups, unit delegations), list,
// cancel, move, finalize and import. A meeting whose window would take taps
// from a finalized meeting is refused; an overlap with one not yet finalized
// is allowed with a warning naming it.
#include "hub/core/record.h"
#include "hub/ctl/report_commands.h"

#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// A meeting to add with its invitations, as given on the command line or in a schedule file.
struct MeetingSpec {
    core::Meeting meeting;
    std::vector<std::string> inviteUnits, invitePersons, inviteGroups;
    std::vector<std::pair<std::string, int>> quotas; // unit path, N
};

/// "UNIT:N" (the last ':' separates N); throws InputError prefixed by `where`.
[[nodiscard]] std::pair<std::string, int> parseQuota(const std::string& text, const std::string& where);

struct AddedMeeting {
    std::size_t expected = 0;          // roster size
    std::vector<std::string> warnings; // open meetings whose windows it shares
};

/// Adds the meeting and its invitations inside the caller's transaction;
/// refuses (InputError) a window that would take taps from a finalized
/// meeting. A person's leave over a range covers it by itself.
AddedMeeting addScheduledMeeting(core::Record& record, const MeetingSpec& spec, const core::Zone& zone,
                                 common::TimePoint now);

/// Adds `meeting` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addMeetingCommands(CLI::App& app);

} // namespace rollcall::ctl
