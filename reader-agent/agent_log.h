#pragma once
// One named log category per component, so each line says who wrote it: "agent", "reader",
// "hub", all to stderr with one pattern. Tests synchronise on these lines.

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <mutex>
#include <string>

namespace rollcall::agent {

/// The logger named `name`, created on first use (thread-safe).
inline std::shared_ptr<spdlog::logger> agentLogger(const std::string& name)
{
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    if (auto existing = spdlog::get(name)) return existing;
    auto logger = spdlog::stderr_logger_mt(name);
    logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l [%n] %v");
    logger->set_level(spdlog::get_level());
    logger->flush_on(spdlog::level::trace); // every line at once: tests and journald read them live
    return logger;
}

} // namespace rollcall::agent
