#pragma once
// The attendance rate of docs/semantics.md §9, the one formula behind the live
// summary, the sheets, the period reports and the dashboard's board and units:
//
//     rate = (present + late + substituted) ÷ (expected − excused)
//
// and "n/a" (nullopt) when the denominator is not positive.

#include <optional>

namespace rollcall::common {

/// attended ÷ (expected − excused), where attended = present + late + substituted;
/// nullopt when expected − excused ≤ 0.
[[nodiscard]] std::optional<double> attendanceRate(long attended, long expected, long excused);

/// The same rate in percent, computed as 100 × attended ÷ (expected − excused) in
/// that order (the order boards print it in, so a shown "28.8%" stays what it was);
/// nullopt when expected − excused ≤ 0.
[[nodiscard]] std::optional<double> attendancePercent(long attended, long expected, long excused);

} // namespace rollcall::common
