#pragma once
// `rollcallctl --hub ENDPOINT --key FILE --server-key HUB.key COMMAND …`
// (issue 16): sends the command as an admin_request over the hub's query
// socket (CURVE, the key's role decides what it may run), uploads the input
// files its options name, writes the files that come back where the command
// line said, prints what the command printed at the hub and exits with its
// exit code. `--db FILE` stays for the hub's own machine.
#include <optional>
#include <ostream>

namespace rollcall::ctl {

/// Exit code when the hub could not be asked: not reached, no reply, or the key refused at the door.
inline constexpr int kExitNoHub = 6;

/// If the global options before the command include --hub, runs the command
/// at the hub and returns its exit code; otherwise nullopt (run it locally).
[[nodiscard]] std::optional<int> runIfRemote(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace rollcall::ctl
