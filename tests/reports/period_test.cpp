// Report periods: months, quarters, years and date ranges in local time.
#include "hub/reports/period.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;

namespace {
const core::Zone zone("Asia/Shanghai");
} // namespace

TEST(Period, monthRunsFromLocalMidnightToTheNextMonth)
{
    const auto p = parsePeriod("2026-11", zone);
    EXPECT_EQ(p.kind, PeriodKind::Month);
    EXPECT_EQ(p.from, core::parseTime("2026-11-01T00:00:00+08:00", "t"));
    EXPECT_EQ(p.to, core::parseTime("2026-12-01T00:00:00+08:00", "t"));
    EXPECT_EQ(p.labelZh, "2026年11月");
    EXPECT_EQ(p.lastDate, "2026-11-30");
}

TEST(Period, quarterCoversThreeMonths)
{
    const auto p = parsePeriod("2026-Q4", zone);
    EXPECT_EQ(p.kind, PeriodKind::Quarter);
    EXPECT_EQ(p.firstDate, "2026-10-01");
    EXPECT_EQ(p.lastDate, "2026-12-31");
    EXPECT_EQ(p.to, core::parseTime("2027-01-01T00:00:00+08:00", "t"));
    EXPECT_EQ(p.labelZh, "2026年第四季度");
    EXPECT_EQ(monthsOf(p, zone).size(), 3u);
}

TEST(Period, yearTouchesFourQuarters)
{
    const auto p = parsePeriod("2026", zone);
    EXPECT_EQ(p.kind, PeriodKind::Year);
    EXPECT_EQ(quartersOf(p, zone).size(), 4u);
    EXPECT_EQ(quartersOf(p, zone)[1].label, "2026-Q2");
}

TEST(Period, februaryOfALeapYearHas29Days)
{
    EXPECT_EQ(parsePeriod("2028-02", zone).lastDate, "2028-02-29");
    EXPECT_EQ(parsePeriod("2026-02", zone).lastDate, "2026-02-28");
}

TEST(Period, dateRangeIncludesTheLastDay)
{
    const auto p = dateRange("2026-11-01", "2026-11-01", zone);
    EXPECT_EQ(p.to - p.from, std::chrono::hours(24));
}

struct BadPeriod {
    const char* name;
    const char* text;
};
void PrintTo(const BadPeriod& b, std::ostream* os) { *os << b.name; }
class PeriodRejects : public ::testing::TestWithParam<BadPeriod> {};

TEST_P(PeriodRejects, badTextWithAMessageNamingTheOption)
{
    try {
        (void)parsePeriod(GetParam().text, zone);
        FAIL() << "accepted " << GetParam().text;
    } catch (const common::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("--period"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(GetParam().text), std::string::npos) << e.what();
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, PeriodRejects,
                         ::testing::Values(BadPeriod{"monthThirteen", "2026-13"}, BadPeriod{"quarterFive", "2026-Q5"},
                                           BadPeriod{"words", "november"}, BadPeriod{"shortYear", "26"},
                                           BadPeriod{"trailing", "2026-11-01"}, BadPeriod{"monthZero", "2026-00"}));

TEST(Period, rangeEndingBeforeItStartsIsRejected)
{
    EXPECT_THROW((void)dateRange("2026-11-30", "2026-11-01", zone), common::InputError);
    EXPECT_THROW((void)dateRange("2026-02-30", "2026-03-01", zone), common::InputError);
}

TEST(Period, monthOptionAcceptsOnlyMonths)
{
    EXPECT_EQ(parseMonth("2026-11", zone).label, "2026-11");
    EXPECT_THROW((void)parseMonth("2026-Q4", zone, "--month"), common::InputError);
}
