#pragma once
// rollcallctl backup --to FILE | --to-dir DIR [--keep N], and restore --from
// FILE [--check-only]: consistent, checked copies of the record while the hub
// runs, and putting one back while it is stopped (hub/core/record_backup.h;
// the drill is in docs/operations.md).
#include "hub/ctl/report_commands.h"

#include <utility>
#include <vector>

namespace rollcall::ctl {

[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addBackupCommands(CLI::App& app);

} // namespace rollcall::ctl
