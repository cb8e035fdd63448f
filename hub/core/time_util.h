#pragma once
// Time values of the record: UTC milliseconds since the epoch. Parsing of the
// ISO 8601 and duration strings people type, and display in a time zone.
// Parsing errors throw InputError with a message naming what was wrong.

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rollcall {

using Millis = std::chrono::milliseconds;
using TimePoint = std::chrono::sys_time<Millis>;

/// Bad input from outside (CLI, CSV, config): the message names the input and the problem.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

[[nodiscard]] inline std::int64_t toMillis(TimePoint t) { return t.time_since_epoch().count(); }
[[nodiscard]] inline TimePoint fromMillis(std::int64_t ms) { return TimePoint(Millis(ms)); }

/// The display/default zone, e.g. "Asia/Shanghai". Throws InputError if unknown.
class Zone {
public:
    explicit Zone(const std::string& name = "Asia/Shanghai");
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// "2026-11-28 09:05:30" in this zone (no offset; the zone is printed elsewhere).
    [[nodiscard]] std::string format(TimePoint t) const;
    /// "2026-11-28T09:05:30+08:00": unambiguous, for JSON.
    [[nodiscard]] std::string formatIso(TimePoint t) const;
    /// "09:05".
    [[nodiscard]] std::string formatClock(TimePoint t) const;
    /// Local calendar date "2026-11-28".
    [[nodiscard]] std::string formatDate(TimePoint t) const;
    /// Local midnight starting a date given as YYYY-MM-DD.
    [[nodiscard]] TimePoint startOfDay(std::string_view date) const;
    /// Converts a local wall time to UTC (earliest if ambiguous).
    [[nodiscard]] TimePoint fromLocal(std::chrono::local_time<Millis> local) const;

private:
    std::string name_;
    const void* zone_; // const date::time_zone*; kept opaque so date/tz.h stays out of this header
};

/// Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM"
/// (a space may replace the T). Without an offset the time is read in `localZone`
/// if given, else it is an error. Throws InputError naming `what`.
[[nodiscard]] TimePoint parseTime(std::string_view text, std::string_view what, const Zone* localZone = nullptr);

/// Parses "5m", "90s", "250ms", "1h", "1h30m" or a bare number of minutes. Throws InputError.
[[nodiscard]] Millis parseDuration(std::string_view text, std::string_view what);

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

} // namespace rollcall
