#pragma once
// The emulator's log category.

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>

namespace rollcall::emulator {

/// The emulator's log category ("pn532-emulator"), on stderr so stdout stays
/// free for the ready line scripts wait for.
inline std::shared_ptr<spdlog::logger> pn532Logger()
{
    static const std::shared_ptr<spdlog::logger> logger = [] {
        if (auto existing = spdlog::get("pn532-emulator")) {
            return existing;
        }
        return spdlog::stderr_color_mt("pn532-emulator");
    }();
    return logger;
}

} // namespace rollcall::emulator
