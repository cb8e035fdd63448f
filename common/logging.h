#pragma once
// One named log category per component, so each line says who wrote it
// ("hub", "agent", "reader", "pn532-emulator"), all on stderr with one
// pattern: "2026-11-03T09:00:00.123 info [hub] message". Tests synchronise on
// these lines, so every line is flushed at once.

#include <memory>
#include <spdlog/spdlog.h>
#include <string>

namespace rollcall::common {

/// The stderr logger named `name`, created on first use (thread-safe) at
/// spdlog's global level; later calls return the same logger.
[[nodiscard]] std::shared_ptr<spdlog::logger> namedLogger(const std::string& name);

} // namespace rollcall::common
