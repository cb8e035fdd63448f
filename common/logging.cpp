#include "common/logging.h"

#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace rollcall::common {

std::shared_ptr<spdlog::logger> namedLogger(const std::string& name)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    if (auto existing = spdlog::get(name)) return existing;
    // Colours only on a terminal: journald and tests read plain lines.
    auto logger = spdlog::stderr_color_mt(name);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
    logger->set_level(spdlog::get_level());
    logger->flush_on(spdlog::level::trace); // every line at once: tests and journald read them live
    return logger;
}

} // namespace rollcall::common
