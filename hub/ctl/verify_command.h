#pragma once
// rollcallctl verify [--head H]: walks the record's hash chain and names the
// first row that was altered, inserted or deleted; and what `init` does about
// missing append-only triggers (restores them only after a verify passes).
#include "common/database.h"
#include "hub/ctl/report_commands.h"

#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `verify` to `app`; returns the leaf with its action. A failed verify
/// throws core::RecordIntegrityError (exit code 4).
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addVerifyCommands(CLI::App& app);

/// For `init`: if triggers of the schema are missing or changed, verifies the
/// whole chain and, only if it passes, creates them again (one transaction),
/// saying so on `out`. Throws core::RecordIntegrityError if it does not pass.
void restoreRecordGuards(common::Database& db, std::ostream& out);

} // namespace rollcall::ctl
