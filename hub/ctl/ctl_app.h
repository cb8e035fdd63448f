#pragma once
// rollcallctl: the admin CLI over a database file. Each command runs in one
// transaction: it changes everything it says or nothing.
#include "common/cancel_token.h"
#include "common/progress_listener.h"
#include "hub/core/time_util.h"

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace rollcall::ctl {

/// Exit code of a command the caller's key may not run (over the wire, admin_commands.h).
inline constexpr int kExitRefused = 5;
/// Exit code of a command stopped at its caller's request before it finished (over the wire, admin_cancel).
inline constexpr int kExitCancelled = 7;

/// Asked after parsing, before anything runs, with the words of the parsed
/// command (`{"leave", "add"}`): nullopt lets it run, a message refuses it
/// (exit kExitRefused). The hub's admin API checks the caller's role so, on
/// what the parser understood rather than on a guess from the raw words.
using CommandGate = std::function<std::optional<std::string>(const std::vector<std::string>& command)>;

/// Runs rollcallctl with argv; writes results to `out` and messages to `err`.
/// Returns the exit code: 0 ok, 1 bad input (named in the message),
/// 2 bad usage, 3 database failure, 4 the record fails verification,
/// 5 refused by `gate`, 7 stopped through `cancel` (long reports check it
/// between meetings; what the command had begun is rolled back). `progress`
/// hears long reports' figures (the hub passes them over the wire).
int runCtl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const common::Clock& clock,
           const CommandGate& gate = {}, const common::CancelToken& cancel = {},
           const common::ProgressListener& progress = {});

} // namespace rollcall::ctl
