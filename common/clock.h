#pragma once
// Time values shared by every program: UTC milliseconds since the epoch, and
// the wall clock as an injectable dependency so rules and services can be
// tested at any "now" (docs/style.md, "Errors and comments").

#include <chrono>
#include <cstdint>

namespace rollcall::common {

using Millis = std::chrono::milliseconds;
using TimePoint = std::chrono::sys_time<Millis>;

[[nodiscard]] inline std::int64_t toMillis(TimePoint t) { return t.time_since_epoch().count(); }
[[nodiscard]] inline TimePoint fromMillis(std::int64_t ms) { return TimePoint(Millis(ms)); }

/// The wall-clock source, injectable so rules and services can be tested at any "now".
class Clock {
public:
    virtual ~Clock() = default;
    [[nodiscard]] virtual TimePoint now() const = 0;
};

class SystemClock final : public Clock {
public:
    [[nodiscard]] TimePoint now() const override
    {
        return std::chrono::time_point_cast<Millis>(std::chrono::system_clock::now());
    }
};

class FixedClock final : public Clock {
public:
    explicit FixedClock(TimePoint t) : t_(t) {}
    [[nodiscard]] TimePoint now() const override { return t_; }
    void set(TimePoint t) { t_ = t; }

private:
    TimePoint t_;
};

} // namespace rollcall::common
