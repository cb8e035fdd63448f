#pragma once
// Times of the record in a time zone: parsing of the ISO 8601 strings people
// type, and display in the configured zone (default Asia/Shanghai). Parsing
// errors throw common::InputError with a message naming what was wrong.

#include "common/clock.h"
#include "common/duration.h"
#include "common/input_error.h"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::core {

/// The display/default zone, e.g. "Asia/Shanghai". Throws InputError if unknown.
class Zone {
public:
    explicit Zone(const std::string& name = "Asia/Shanghai");
    [[nodiscard]] const std::string& name() const noexcept { return name_; }
    /// "2026-11-28 09:05:30" in this zone (no offset; the zone is printed elsewhere).
    [[nodiscard]] std::string format(common::TimePoint t) const;
    /// "2026-11-28T09:05:30+08:00": unambiguous, for JSON.
    [[nodiscard]] std::string formatIso(common::TimePoint t) const;
    /// "09:05".
    [[nodiscard]] std::string formatClock(common::TimePoint t) const;
    /// Local calendar date "2026-11-28".
    [[nodiscard]] std::string formatDate(common::TimePoint t) const;
    /// Local midnight starting a date given as YYYY-MM-DD.
    [[nodiscard]] common::TimePoint startOfDay(std::string_view date) const;
    /// Converts a local wall time to UTC (earliest if ambiguous).
    [[nodiscard]] common::TimePoint fromLocal(std::chrono::local_time<common::Millis> local) const;

private:
    std::string name_;
    const void* zone_; // const date::time_zone*; kept opaque so date/tz.h stays out of this header
};

/// Parses ISO 8601 "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or "+HH:MM"/"-HH:MM"
/// (a space may replace the T). Without an offset the time is read in `localZone`
/// if given, else it is an error. Throws InputError naming `what`.
[[nodiscard]] common::TimePoint parseTime(std::string_view text, std::string_view what,
                                          const Zone* localZone = nullptr);

} // namespace rollcall::core
