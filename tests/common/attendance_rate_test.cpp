// common::attendanceRate and common::attendancePercent: the rate of
// docs/semantics.md §9, (present + late + substituted) ÷ (expected − excused),
// n/a when the denominator is zero.
#include "common/attendance_rate.h"

#include <gtest/gtest.h>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::test {
namespace {

struct RateCase {
    std::string name;
    long attended, expected, excused;
    std::optional<double> rate;
};

const std::vector<RateCase> kRateCases = {
    {"everyoneAttendedIsOne", 10, 10, 0, 1.0},
    {"nobodyAttendedIsZero", 0, 5, 0, 0.0},
    {"excusedLeaveTheDenominator", 2, 4, 1, 2.0 / 3.0},
    {"everyoneExcusedIsNotApplicable", 0, 3, 3, std::nullopt},
    {"emptyRosterIsNotApplicable", 0, 0, 0, std::nullopt},
    {"periodSumsBeyondIntRange", 3'000'000'000L, 4'000'000'000L, 0, 0.75},
};

TEST(AttendanceRate, followsTheFormulaAndIsNotApplicableWithoutADenominator)
{
    for (const auto& c : kRateCases) {
        SCOPED_TRACE(c.name);
        const auto rate = common::attendanceRate(c.attended, c.expected, c.excused);
        ASSERT_EQ(rate.has_value(), c.rate.has_value());
        if (rate) {
            EXPECT_DOUBLE_EQ(*rate, *c.rate);
        }
        const auto percent = common::attendancePercent(c.attended, c.expected, c.excused);
        ASSERT_EQ(percent.has_value(), c.rate.has_value());
        if (percent) {
            EXPECT_NEAR(*percent, 100.0 * *c.rate, 1e-9);
        }
    }
}

TEST(AttendanceRate, percentIsComputedAsBoardsPrintIt)
{
    // 23 of 80 is 28.75 % exactly when computed as 100 × 23 ÷ 80; (23 ÷ 80) × 100
    // lands just below and would print 28.7 instead of 28.8 on the board.
    const auto percent = common::attendancePercent(23, 80, 0);
    ASSERT_TRUE(percent);
    EXPECT_EQ(*percent, 28.75);
}

} // namespace
} // namespace rollcall::test
