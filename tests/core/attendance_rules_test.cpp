// Table-driven cases for docs/semantics.md §4–§6: every status,
// every flag and every boundary. Meeting: S = 09:00, E = 11:00, graces 5 min,
// mid-meeting threshold 15 min. Times in the table are offsets from S.
#include "hub/core/attendance_rules.h"

#include <gtest/gtest.h>
#include <ostream>

using namespace rollcall;
using namespace rollcall::core;
using namespace std::chrono_literals;

namespace {

const common::TimePoint S = common::fromMillis(1'795'827'600'000LL); // 2026-11-28 09:00 +08:00
const common::TimePoint E = S + 120min;
constexpr core::Direction In = core::Direction::In;
constexpr core::Direction Out = core::Direction::Out;

struct T {
    common::Millis offset;
    core::Direction dir;
};

struct RuleCase {
    const char* name;
    std::vector<T> taps;
    core::Status status;
    unsigned flags = 0;
    std::int64_t lateMinutes = 0;
    std::int64_t earlyMinutes = 0;
    common::Millis now = 200min; // after the check-out window closed (E + 30 min = S + 150 min)
    bool onLeave = false;
    std::optional<common::Millis> substituteIn;
    bool checkoutRequired = false;
};

void PrintTo(const RuleCase& c, std::ostream* os) { *os << c.name; }

core::MeetingTimes meetingTimes(bool checkoutRequired)
{
    core::MeetingTimes m;
    m.opening = S - 60min;
    m.start = S;
    m.end = E;
    m.checkoutRequired = checkoutRequired;
    return m;
}

class AttendanceRules : public ::testing::TestWithParam<RuleCase> {};

TEST_P(AttendanceRules, statusFlagsAndMinutes)
{
    const auto& c = GetParam();
    std::vector<core::AppliedTap> taps;
    std::int64_t ref = 1;
    for (const auto& t : c.taps) taps.push_back({S + t.offset, t.dir, ref++});
    core::MemberFacts facts{taps, c.onLeave, std::nullopt};
    if (c.substituteIn) facts.substituteFirstIn = S + *c.substituteIn;

    const auto out = core::evaluateMember(meetingTimes(c.checkoutRequired), facts, S + c.now);

    EXPECT_EQ(toString(out.status), toString(c.status));
    EXPECT_EQ(core::flagNames(out.flags), core::flagNames(c.flags));
    EXPECT_EQ(out.lateMinutes, c.lateMinutes);
    EXPECT_EQ(out.earlyMinutes, c.earlyMinutes);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Statuses, AttendanceRules, ::testing::Values(
    RuleCase{"checkInBeforeStartIsPresent", {{-10min, In}}, core::Status::Present},
    RuleCase{"checkInAtOpeningIsPresent", {{-60min, In}}, core::Status::Present},
    RuleCase{"checkInAtExactlyStartPlusGraceIsPresent", {{5min, In}}, core::Status::Present},
    RuleCase{"checkInOneSecondAfterGraceIsLate", {{5min + 1s, In}}, core::Status::Late, 0, 5},
    RuleCase{"subSecondTapAtGraceIsPresent", {{5min + 900ms, In}}, core::Status::Present},
    RuleCase{"lateMinutesRoundDownFromSeconds", {{12min + 59s, In}}, core::Status::Late, 0, 12},
    RuleCase{"checkInOneSecondBeforeEndIsLate", {{120min - 1s, In}}, core::Status::Late, 0, 119},
    RuleCase{"checkInAtEndIsAbsent", {{120min, In}}, core::Status::Absent},
    RuleCase{"checkInAfterEndIsAbsent", {{125min, In}}, core::Status::Absent},
    RuleCase{"checkOutWithoutCheckInIsAbsent", {{10min, Out}}, core::Status::Absent},
    RuleCase{"checkOutBeforeFirstCheckInIsIgnored", {{-5min, Out}, {2min, In}}, core::Status::Present},
    RuleCase{"firstCheckInDecidesNotLater", {{1min, In}, {30min, In}}, core::Status::Present},
    RuleCase{"noTapsBeforeGraceIsNotArrived", {}, core::Status::NotArrived, 0, 0, 0, 1min},
    RuleCase{"noTapsAtExactlyGraceIsNotArrived", {}, core::Status::NotArrived, 0, 0, 0, 5min},
    RuleCase{"noTapsAfterGraceIsOverdue", {}, core::Status::Overdue, 0, 0, 0, 5min + 1s},
    RuleCase{"noTapsJustBeforeEndIsOverdue", {}, core::Status::Overdue, 0, 0, 0, 120min - 1ms},
    RuleCase{"noTapsAtEndIsAbsent", {}, core::Status::Absent, 0, 0, 0, 120min},
    RuleCase{"leaveWithoutAttendanceIsExcused", {}, core::Status::Excused, 0, 0, 0, 200min, true},
    RuleCase{"leaveIsExcusedBeforeTheMeeting", {}, core::Status::Excused, 0, 0, 0, -30min, true},
    RuleCase{"attendanceOutranksLeave", {{3min, In}}, core::Status::Present, 0, 0, 0, 200min, true},
    RuleCase{"substituteBeforeEndIsSubstituted", {}, core::Status::Substituted, 0, 0, 0, 200min, false, 30min},
    RuleCase{"substituteOutranksLeave", {}, core::Status::Substituted, 0, 0, 0, 200min, true, 1min},
    RuleCase{"ownAttendanceOutranksSubstitute", {{10min, In}}, core::Status::Late, 0, 10, 0, 200min, false, 1min},
    RuleCase{"substituteAtEndDoesNotCount", {}, core::Status::Absent, 0, 0, 0, 200min, false, 120min},
    RuleCase{"substituteAtEndWithLeaveIsExcused", {}, core::Status::Excused, 0, 0, 0, 200min, true, 120min}
));

INSTANTIATE_TEST_SUITE_P(Flags, AttendanceRules, ::testing::Values(
    RuleCase{"checkOutOneSecondBeforeEndMinusGraceIsLeftEarly", {{-5min, In}, {115min - 1s, Out}}, core::Status::Present, LeftEarly, 0, 5},
    RuleCase{"checkOutAtExactlyEndMinusGraceIsNotEarly", {{-5min, In}, {115min, Out}}, core::Status::Present},
    RuleCase{"checkOutAfterEndIsNotEarly", {{-5min, In}, {130min, Out}}, core::Status::Present},
    RuleCase{"earlyMinutesRoundDown", {{-5min, In}, {60min + 30s, Out}}, core::Status::Present, LeftEarly, 0, 59},
    RuleCase{"checkOutBeforeStartCountsAsStart", {{-30min, In}, {-10min, Out}}, core::Status::Present, LeftEarly, 0, 120},
    RuleCase{"lateAndLeftEarly", {{20min, In}, {90min, Out}}, core::Status::Late, LeftEarly, 20, 30},
    RuleCase{"lastCheckOutCountsForLeftEarly", {{-5min, In}, {60min, Out}, {70min, Out}}, core::Status::Present, LeftEarly, 0, 50},
    RuleCase{"returnAfterCheckOutIsNotLeftEarly", {{-5min, In}, {30min, Out}, {40min, In}}, core::Status::Present},
    RuleCase{"exitWithNoReturnCountsOnlyTowardLeftEarly", {{-5min, In}, {30min, Out}}, core::Status::Present, LeftEarly, 0, 90},
    RuleCase{"timeOutOfExactlyThresholdIsMidMeeting", {{-5min, In}, {30min, Out}, {45min, In}}, core::Status::Present, LeftMidMeeting},
    RuleCase{"timeOutJustUnderThresholdIsNothing", {{-5min, In}, {30min, Out}, {45min - 1s, In}}, core::Status::Present},
    RuleCase{"timeOutsAddUp", {{-5min, In}, {10min, Out}, {18min, In}, {30min, Out}, {37min, In}}, core::Status::Present, LeftMidMeeting},
    RuleCase{"timeOutIsClippedToStart", {{-30min, In}, {-20min, Out}, {10min, In}}, core::Status::Present},
    RuleCase{"timeOutClippedToStartStillCounts", {{-30min, In}, {-20min, Out}, {15min, In}}, core::Status::Present, LeftMidMeeting},
    RuleCase{"timeOutIsClippedToEnd", {{-5min, In}, {110min, Out}, {140min, In}}, core::Status::Present},
    RuleCase{"repeatedCheckOutsStartTimeOutAtTheFirst", {{-5min, In}, {30min, Out}, {40min, Out}, {46min, In}}, core::Status::Present, LeftMidMeeting},
    RuleCase{"midMeetingAndLeftEarlyTogether", {{-5min, In}, {10min, Out}, {30min, In}, {60min, Out}}, core::Status::Present, LeftEarly | LeftMidMeeting, 0, 60},
    RuleCase{"noCheckOutWhenRequired", {{-5min, In}}, core::Status::Present, NoCheckout, 0, 0, 150min + 1s, false, std::nullopt, true},
    RuleCase{"noCheckOutNotFlaggedWhileWindowOpen", {{-5min, In}}, core::Status::Present, 0, 0, 0, 150min, false, std::nullopt, true},
    RuleCase{"noCheckOutNotFlaggedWhenNotRequired", {{-5min, In}}, core::Status::Present},
    RuleCase{"checkedOutEarlyIsLeftEarlyNotNoCheckOut", {{-5min, In}, {30min, Out}}, core::Status::Present, LeftEarly, 0, 90, 200min, false, std::nullopt, true},
    RuleCase{"checkOutAfterEndSatisfiesRequirement", {{-5min, In}, {125min, Out}}, core::Status::Present, 0, 0, 0, 200min, false, std::nullopt, true},
    RuleCase{"checkInAfterLastCheckOutNeedsAnotherCheckOut", {{-5min, In}, {30min, Out}, {35min, In}}, core::Status::Present, NoCheckout, 0, 0, 200min, false, std::nullopt, true},
    RuleCase{"absentMembersGetNoFlags", {{10min, Out}}, core::Status::Absent, 0, 0, 0, 200min, false, std::nullopt, true}
));
// clang-format on

TEST(AttendanceRulesNames, statusNamesRoundTrip)
{
    for (auto s : {core::Status::NotArrived, core::Status::Overdue, core::Status::Present, core::Status::Late,
                   core::Status::Substituted, core::Status::Excused, core::Status::Absent}) {
        EXPECT_EQ(core::statusFromString(toString(s)), s);
    }
    EXPECT_FALSE(core::statusFromString("tardy"));
}

TEST(AttendanceRulesNames, substituteFirstInIgnoresCheckInsAtOrAfterEnd)
{
    const auto m = meetingTimes(false);
    const std::vector<core::AppliedTap> taps{{E, In, 1}, {E + 1min, In, 2}};
    EXPECT_FALSE(core::firstCheckInBeforeEnd(m, taps));
    const std::vector<core::AppliedTap> early{{S - 2min, Out, 1}, {S + 3min, In, 2}};
    EXPECT_EQ(core::firstCheckInBeforeEnd(m, early), S + 3min);
}

} // namespace
