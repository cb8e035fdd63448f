#pragma once
// Durations as people type them in configs and on the command line.

#include "common/clock.h"

#include <string_view>

namespace rollcall::common {

/// Parses "5m", "90s", "250ms", "1h", "1h30m" or a bare number of minutes.
/// Throws InputError naming `what`.
[[nodiscard]] Millis parseDuration(std::string_view text, std::string_view what);

} // namespace rollcall::common
