#include "common/attendance_rate.h"

namespace rollcall::common {
namespace {

/// Who should have attended: the rate's denominator.
long denominatorOf(long expected, long excused) { return expected - excused; }

} // namespace

std::optional<double> attendanceRate(long attended, long expected, long excused)
{
    const long denominator = denominatorOf(expected, excused);
    if (denominator <= 0) return std::nullopt;
    return static_cast<double>(attended) / static_cast<double>(denominator);
}

std::optional<double> attendancePercent(long attended, long expected, long excused)
{
    const long denominator = denominatorOf(expected, excused);
    if (denominator <= 0) return std::nullopt;
    return 100.0 * static_cast<double>(attended) / static_cast<double>(denominator);
}

} // namespace rollcall::common
