#pragma once
// rollcallctl: the admin CLI over a database file. Each command runs in one
// transaction: it changes everything it says or nothing.
#include "hub/core/time_util.h"

#include <ostream>

namespace rollcall::ctl {

/// Runs rollcallctl with argv; writes results to `out` and messages to `err`.
/// Returns the exit code: 0 ok, 1 bad input (named in the message),
/// 2 bad usage, 3 database failure, 4 the record fails verification.
int runCtl(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const common::Clock& clock);

} // namespace rollcall::ctl
