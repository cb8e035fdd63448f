// Which dates a --repeat rule gives (hub/ctl/recurrence.h), as a table.
#include "hub/ctl/recurrence.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

struct Case {
    const char* name;
    const char* rule;
    const char* first;
    const char* until;
    std::vector<std::string> dates;
};

const Case kCases[] = {
    {"dailyIncludesBothEnds",
     "daily",
     "2026-12-30",
     "2027-01-02",
     {"2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"}},
    {"weeklyOnOneDay", "weekly:MON", "2026-12-01", "2026-12-21", {"2026-12-07", "2026-12-14", "2026-12-21"}},
    {"weeklyOnSeveralDaysAnyCase",
     "weekly:mon,Wed",
     "2026-12-07",
     "2026-12-14",
     {"2026-12-07", "2026-12-09", "2026-12-14"}},
    {"monthlySkipsMonthsWithoutTheDay",
     "monthly:30",
     "2027-01-15",
     "2027-04-30",
     {"2027-01-30", "2027-03-30", "2027-04-30"}},
    {"monthlyOnTheFirst", "monthly:1", "2026-11-20", "2027-01-01", {"2026-12-01", "2027-01-01"}},
};

const Case kRefused[] = {
    {"unknownRule", "hourly", "2026-12-01", "2026-12-31", {"--repeat: \"hourly\" is not a rule"}},
    {"unknownWeekday", "weekly:MON,FUN", "2026-12-01", "2026-12-31", {"names no weekday \"FUN\""}},
    {"emptyWeekday", "weekly:", "2026-12-01", "2026-12-31", {"names no weekday \"\""}},
    {"dayOutOfRange", "monthly:32", "2026-12-01", "2026-12-31", {"has no day 1–31"}},
    {"untilBeforeStart", "daily", "2026-12-10", "2026-12-01", {"--until (2026-12-01) is before the first date"}},
    {"badUntil", "daily", "2026-12-10", "2026-13-01", {"--until: date \"2026-13-01\" does not exist"}},
    {"noOccurrence", "weekly:SUN", "2026-12-07", "2026-12-12", {"gives no meeting from 2026-12-07 to 2026-12-12"}},
    {"tooMany", "daily", "2026-01-01", "2027-12-31", {"gives more than 400 meetings"}},
};

} // namespace

TEST(RecurrenceDates, everyRuleGivesItsDates)
{
    for (const auto& c : kCases) {
        EXPECT_EQ(ctl::recurrenceDates(c.rule, c.first, c.until), c.dates) << c.name;
    }
}

TEST(RecurrenceDates, badRulesAreRefusedNamingTheProblem)
{
    for (const auto& c : kRefused) {
        try {
            (void)ctl::recurrenceDates(c.rule, c.first, c.until);
            ADD_FAILURE() << c.name << ": accepted";
        } catch (const common::InputError& e) {
            EXPECT_NE(std::string(e.what()).find(c.dates.front()), std::string::npos) << c.name << ": " << e.what();
        }
    }
}

TEST(RecurrenceDates, anOccurrenceIsNamedAfterItsSeriesAndDate)
{
    EXPECT_EQ(ctl::occurrenceId("WK", "2026-12-07"), "WK-2026-12-07");
}
