// The unit delegation rule (docs/semantics.md §11) as a table: the unit's
// status from its members' first check-ins, its quota N, unit leave and the clock.
#include "hub/core/delegation_rules.h"
#include "tests/support/test_day.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;
using core::DelegationStatus;

namespace {

using test::at;

core::MeetingTimes meeting()
{
    core::MeetingTimes m;
    m.start = at("09:00");
    m.end = at("11:00");
    m.opening = at("08:00");
    m.lateGrace = 5min; // S + Gl = 09:05
    return m;
}

struct Case {
    const char* name;
    int quota;
    std::vector<std::string> checkIns; // first check-ins of distinct members
    bool excused;
    std::string now;
    DelegationStatus expected;
};

const Case kCases[] = {
    {"quotaReachedInTimeIsMet", 2, {"08:40", "09:05"}, false, "12:00", DelegationStatus::Met},
    {"theNthCheckInDecidesNotTheFirst", 2, {"08:40", "09:05:01"}, false, "12:00", DelegationStatus::MetLate},
    {"moreThanNUsesTheNEarliest", 2, {"09:30", "08:50", "09:01"}, false, "12:00", DelegationStatus::Met},
    {"quotaReachedLateBeforeEIsMetLate", 2, {"09:20", "10:59:59"}, false, "12:00", DelegationStatus::MetLate},
    {"aCheckInAtEDoesNotCount", 2, {"09:00", "11:00"}, false, "12:00", DelegationStatus::Short},
    {"fewerThanNIsShort", 2, {"08:55"}, false, "12:00", DelegationStatus::Short},
    {"shortEvenWithUnitLeave", 2, {"08:55"}, true, "12:00", DelegationStatus::Short},
    {"nobodyIsAbsent", 2, {}, false, "12:00", DelegationStatus::Absent},
    {"nobodyWithUnitLeaveIsExcused", 2, {}, true, "12:00", DelegationStatus::Excused},
    {"beforeEFewerThanNIsGathering", 2, {"08:55"}, false, "10:00", DelegationStatus::Gathering},
    {"beforeENobodyIsGathering", 1, {}, false, "08:30", DelegationStatus::Gathering},
    {"beforeEQuotaReachedIsFinal", 1, {"08:55"}, false, "08:56", DelegationStatus::Met},
    {"quotaOneLate", 1, {"09:06"}, false, "12:00", DelegationStatus::MetLate},
    {"secondsAreTruncated", 1, {"09:05:00.900"}, false, "12:00", DelegationStatus::Met},
};

} // namespace

TEST(DelegationRules, statusFollowsTheNthEarliestCheckIn)
{
    for (const auto& c : kCases) {
        std::vector<common::TimePoint> ins;
        for (const auto& t : c.checkIns) ins.push_back(at(t));
        const auto got = core::evaluateDelegation(meeting(), core::DelegationFacts{c.quota, ins, c.excused}, at(c.now));
        EXPECT_EQ(core::toString(got), core::toString(c.expected)) << c.name;
    }
}

TEST(DelegationRules, aDelegationIsOnePlaceMetAndMetLateAttended)
{
    EXPECT_TRUE(core::delegationAttended(DelegationStatus::Met));
    EXPECT_TRUE(core::delegationAttended(DelegationStatus::MetLate));
    EXPECT_FALSE(core::delegationAttended(DelegationStatus::Short));
    EXPECT_FALSE(core::delegationAttended(DelegationStatus::Absent));
    EXPECT_FALSE(core::delegationAttended(DelegationStatus::Excused));
    EXPECT_EQ(core::labelZh(DelegationStatus::Short), "人数不足");
}
