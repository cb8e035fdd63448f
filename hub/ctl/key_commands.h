#pragma once
// rollcallctl key generate|allow|revoke|list: CURVE key pairs in ZeroMQ's
// certificate files and the hub's allowed-keys directory ([security]
// keys_dir), which the hub reads again when it changes (docs/cli.md, "Keys").
// They need no record, so they run without --db.
#include "hub/ctl/report_commands.h"

#include <string>
#include <utility>
#include <vector>

namespace rollcall::ctl {

/// Adds `key` and its subcommands to `app`; returns each leaf with its action.
[[nodiscard]] std::vector<std::pair<CLI::App*, ReportCommand>> addKeyCommands(CLI::App& app);

/// For `reader add --key-out DIR`: writes DIR/READER.key and .key_secret
/// (role reader, bound to `readerId`), and DIR/READER-agent.toml pointing the
/// agent at them and at the hub's public key `hubPublicKeyFile`. If `keysDir`
/// is set, also allows the key there. Returns what it wrote, one line each.
std::vector<std::string> writeReaderKit(const std::string& readerId, const std::string& dir,
                                        const std::string& hubPublicKeyFile, const std::string& hubEndpoint,
                                        const std::string& keysDir);

} // namespace rollcall::ctl
