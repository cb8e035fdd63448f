#pragma once
// Report periods: a calendar month ("2026-11"), quarter ("2026-Q4"), year
// ("2026") or an explicit range of local dates, as a half-open UTC interval.
// Parsing errors throw InputError naming the option and the text.

#include "hub/core/time_util.h"

#include <string>
#include <vector>

namespace rollcall::reports {

enum class PeriodKind { Month, Quarter, Year, Range };

struct Period {
    PeriodKind kind = PeriodKind::Range;
    std::string label;                    // "2026-11", "2026-Q4", "2026", "2026-11-01 – 2026-11-30"
    std::string labelZh;                  // "2026年11月", "2026年第四季度", "2026年度"
    int year = 0, month = 0, quarter = 0; // as far as they apply
    std::string firstDate;                // local dates, inclusive: "2026-11-01"
    std::string lastDate;                 // "2026-11-30"
    common::TimePoint from;               // local midnight starting firstDate
    common::TimePoint to;                 // local midnight after lastDate (exclusive)
};

/// "2026-11", "2026-Q4" (or q4) or "2026". Throws InputError naming `what`.
[[nodiscard]] Period parsePeriod(std::string_view text, const core::Zone& zone, std::string_view what = "--period");
/// A month only, for `disclosure --month`.
[[nodiscard]] Period parseMonth(std::string_view text, const core::Zone& zone, std::string_view what = "--month");
/// Inclusive local dates YYYY-MM-DD; throws if malformed or to < from.
[[nodiscard]] Period dateRange(std::string_view fromDate, std::string_view toDate, const core::Zone& zone);

/// The calendar quarter containing a month of `period`'s year.
[[nodiscard]] Period quarterOf(int year, int month, const core::Zone& zone);
/// The calendar months a period covers (for a range: every month it touches).
[[nodiscard]] std::vector<Period> monthsOf(const Period& period, const core::Zone& zone);
/// The calendar quarters a period touches.
[[nodiscard]] std::vector<Period> quartersOf(const Period& period, const core::Zone& zone);

} // namespace rollcall::reports
