#pragma once
// SkewedClock: the system clock shifted by an offset, for tests of agents
// whose clock is wrong (tests/fault, tests/agent). rollcall-agent uses it only
// when ROLLCALL_AGENT_CLOCK_SKEW_MS or ROLLCALL_AGENT_CLOCK_SKEW_FILE is set
// (docs/agent.md, "Test hooks"): the first is a fixed offset in ms; the second
// names a file holding the offset, re-read every 100 ms, so a test can make
// the clock jump while the agent runs. Never throws: an unreadable file means
// the last offset read (0 at first).

#include "common/clock.h"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

namespace rollcall::agent {

class SkewedClock final : public common::Clock {
public:
    SkewedClock(std::int64_t fixedMs, std::string file) : fixedMs_(fixedMs), file_(std::move(file)) {}

    [[nodiscard]] common::TimePoint now() const override
    {
        const auto real = system_.now();
        std::int64_t skew = fixedMs_;
        if (!file_.empty()) {
            const auto steady = std::chrono::steady_clock::now().time_since_epoch().count();
            if (steady - lastRead_.load() > 100'000'000) { // 100 ms in steady_clock ticks (ns)
                lastRead_.store(steady);
                std::ifstream in(file_);
                std::int64_t v = 0;
                if (in >> v) fileMs_.store(v);
            }
            skew += fileMs_.load();
        }
        return real + common::Millis(skew);
    }

    /// The clock rollcall-agent runs on: skewed if the test variables say so, else nullptr.
    static std::unique_ptr<SkewedClock> fromEnvironment()
    {
        const char* fixed = std::getenv("ROLLCALL_AGENT_CLOCK_SKEW_MS");
        const char* file = std::getenv("ROLLCALL_AGENT_CLOCK_SKEW_FILE");
        if (!(fixed && *fixed) && !(file && *file)) return nullptr;
        return std::make_unique<SkewedClock>(fixed && *fixed ? std::stoll(fixed) : 0, file ? file : "");
    }

private:
    common::SystemClock system_;
    std::int64_t fixedMs_;
    std::string file_;
    mutable std::atomic<std::int64_t> lastRead_{0};
    mutable std::atomic<std::int64_t> fileMs_{0};
};

} // namespace rollcall::agent
