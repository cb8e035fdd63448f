// core::StatusTally: members counted by status and flag, removed again by
// difference, summed, and the attendance rate over them (docs/semantics.md §9).
#include "hub/core/status_tally.h"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rollcall::test {
namespace {

using core::Status;

struct TallyCase {
    std::string name;
    Status status;
    unsigned flags;
    core::StatusTally expected;
};

core::StatusTally tally(std::initializer_list<std::pair<long core::StatusTally::*, long>> counts)
{
    core::StatusTally t;
    for (const auto& [field, n] : counts) t.*field = n;
    return t;
}

void expectSame(const core::StatusTally& got, const core::StatusTally& want)
{
    EXPECT_EQ(got.expected, want.expected);
    EXPECT_EQ(got.present, want.present);
    EXPECT_EQ(got.late, want.late);
    EXPECT_EQ(got.absent, want.absent);
    EXPECT_EQ(got.excused, want.excused);
    EXPECT_EQ(got.substituted, want.substituted);
    EXPECT_EQ(got.notArrived, want.notArrived);
    EXPECT_EQ(got.overdue, want.overdue);
    EXPECT_EQ(got.leftEarly, want.leftEarly);
    EXPECT_EQ(got.leftMidMeeting, want.leftMidMeeting);
    EXPECT_EQ(got.noCheckout, want.noCheckout);
}

using T = core::StatusTally;

TEST(StatusTally, countsEachStatusAndFlagOnce)
{
    const std::vector<TallyCase> cases = {
        {"present", Status::Present, 0, tally({{&T::expected, 1}, {&T::present, 1}})},
        {"late", Status::Late, 0, tally({{&T::expected, 1}, {&T::late, 1}})},
        {"substituted", Status::Substituted, 0, tally({{&T::expected, 1}, {&T::substituted, 1}})},
        {"excused", Status::Excused, 0, tally({{&T::expected, 1}, {&T::excused, 1}})},
        {"absent", Status::Absent, 0, tally({{&T::expected, 1}, {&T::absent, 1}})},
        {"notArrived", Status::NotArrived, 0, tally({{&T::expected, 1}, {&T::notArrived, 1}})},
        {"overdue", Status::Overdue, 0, tally({{&T::expected, 1}, {&T::overdue, 1}})},
        {"presentAndLeftEarly", Status::Present, core::LeftEarly,
         tally({{&T::expected, 1}, {&T::present, 1}, {&T::leftEarly, 1}})},
        {"lateWithEveryFlag", Status::Late, core::LeftEarly | core::LeftMidMeeting | core::NoCheckout,
         tally({{&T::expected, 1}, {&T::late, 1}, {&T::leftEarly, 1}, {&T::leftMidMeeting, 1}, {&T::noCheckout, 1}})},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        core::StatusTally t;
        t.add(c.status, c.flags);
        expectSame(t, c.expected);
    }
}

TEST(StatusTally, removingAMemberUndoesAddingIt)
{
    core::StatusTally t;
    t.add(Status::Overdue, 0);
    t.add(Status::Overdue, 0, -1);
    t.add(Status::Late, core::NoCheckout, +1);
    expectSame(t, tally({{&T::expected, 1}, {&T::late, 1}, {&T::noCheckout, 1}}));
}

TEST(StatusTally, sumsAddEveryCount)
{
    core::StatusTally a, b;
    a.add(Status::Present, core::LeftEarly);
    a.add(Status::Excused, 0);
    b.add(Status::Absent, 0);
    b.add(Status::Substituted, core::LeftMidMeeting);
    a += b;
    expectSame(a, tally({{&T::expected, 4},
                         {&T::present, 1},
                         {&T::excused, 1},
                         {&T::absent, 1},
                         {&T::substituted, 1},
                         {&T::leftEarly, 1},
                         {&T::leftMidMeeting, 1}}));
}

TEST(StatusTally, rateCountsSubstitutesAsAttendedAndLeavesTheExcusedOut)
{
    core::StatusTally t;
    for (auto s : {Status::Present, Status::Late, Status::Substituted, Status::Excused, Status::Absent}) t.add(s, 0);
    EXPECT_EQ(t.attended(), 3);
    ASSERT_TRUE(t.attendanceRate());
    EXPECT_DOUBLE_EQ(*t.attendanceRate(), 3.0 / 4.0);

    core::StatusTally allExcused;
    allExcused.add(Status::Excused, 0);
    EXPECT_FALSE(allExcused.attendanceRate());
}

} // namespace
} // namespace rollcall::test
