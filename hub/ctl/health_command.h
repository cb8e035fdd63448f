#pragma once
// rollcallctl health [--json] [--hub ENDPOINT (--key FILE --server-key FILE |
// --insecure)] [--db FILE] [--backup-dir DIR] [...]: a check for monitoring
// systems. It gathers the hub's status (hub_status_client.h), what the record
// file and the backup directory say, judges them (health_rules.h) and exits
// 0 ok, 1 warning, 2 critical, 3 unknown (it could not check: bad options),
// as Nagios and Zabbix read an exit status.
#include "hub/ctl/report_commands.h"

#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Thrown by a command that answers with its exit status (health) after it printed its findings.
struct CommandExit {
    int code = 0;
};

/// The health command; its exit status is CommandExit's. Parse errors of it exit 3, not 2.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addHealthCommands(CLI::App& app);

} // namespace rollcall::ctl
