// Debounce, window assignment and direction (docs/semantics.md §2–§3).
#include "hub/core/tap_assigner.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::core;
using namespace std::chrono_literals;

namespace {

const common::TimePoint T0 = common::fromMillis(1'795'827'600'000LL); // 09:00

core::MeetingWindow window(const std::string& id, common::TimePoint start, common::Millis length,
                           std::vector<std::string> venues = {"v1"})
{
    return core::MeetingWindow{id, std::move(venues), start - 60min, start, start + length};
}

core::TapInput tap(common::TimePoint at, const std::string& badge = "04A23BC1",
                   core::ReaderDirection dir = core::ReaderDirection::In, const std::string& reader = "r1",
                   const std::string& venue = "v1")
{
    core::TapInput t;
    t.readerId = reader;
    t.venueId = venue;
    t.badgeUid = badge;
    t.personId = "p-" + badge;
    t.at = at;
    t.readerDirection = dir;
    return t;
}

struct DebounceCase {
    const char* name;
    std::vector<common::Millis> offsets;
    std::vector<core::Disposition> expected;
};
void PrintTo(const DebounceCase& c, std::ostream* os) { *os << c.name; }

class TapAssignerDebounce : public ::testing::TestWithParam<DebounceCase> {};

TEST_P(TapAssignerDebounce, keepsTheFirstTapOfABurst)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    const auto& c = GetParam();
    for (std::size_t i = 0; i < c.offsets.size(); ++i) {
        EXPECT_EQ(assigner.assign(tap(T0 + c.offsets[i])).disposition, c.expected[i]) << "tap " << i;
    }
}

constexpr auto A = core::Disposition::Applied;
constexpr auto D = core::Disposition::Duplicate;
INSTANTIATE_TEST_SUITE_P(Cases, TapAssignerDebounce,
                         ::testing::Values(DebounceCase{"withinTenSecondsIsDuplicate", {0s, 4s}, {A, D}},
                                           DebounceCase{"atExactlyTenSecondsIsDuplicate", {0s, 10s}, {A, D}},
                                           DebounceCase{"justAfterTenSecondsIsKept", {0s, 10s + 1ms}, {A, A}},
                                           DebounceCase{
                                               "measuredFromLastKeptTap", {0s, 8s, 12s, 20s, 23s}, {A, D, A, D, A}}));

TEST(TapAssigner, sameBadgeAtAnotherReaderIsNotDuplicate)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0)).disposition, core::Disposition::Applied);
    EXPECT_EQ(assigner.assign(tap(T0 + 1s, "04A23BC1", core::ReaderDirection::In, "r2")).disposition,
              core::Disposition::Applied);
}

TEST(TapAssigner, anotherBadgeAtTheSameReaderIsNotDuplicate)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0)).disposition, core::Disposition::Applied);
    EXPECT_EQ(assigner.assign(tap(T0 + 1s, "04A23BC2")).disposition, core::Disposition::Applied);
}

TEST(TapAssigner, windowBoundsAreInclusive)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0 - 60min - 1ms, "01020304")).disposition, core::Disposition::NotInWindow);
    EXPECT_EQ(assigner.assign(tap(T0 - 60min, "01020305")).disposition, core::Disposition::Applied);
    EXPECT_EQ(assigner.assign(tap(T0 + 150min, "01020306")).disposition, core::Disposition::Applied);
    EXPECT_EQ(assigner.assign(tap(T0 + 150min + 1ms, "01020307")).disposition, core::Disposition::NotInWindow);
}

TEST(TapAssigner, tapAtAnotherVenueIsNotInWindow)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0, "04A23BC1", core::ReaderDirection::In, "r9", "v9")).disposition,
              core::Disposition::NotInWindow);
}

TEST(TapAssigner, branchVenueTapGoesToTheMeeting)
{
    core::TapAssigner assigner({window("m1", T0, 120min, {"main", "branch"})});
    const auto out = assigner.assign(tap(T0, "04A23BC1", core::ReaderDirection::In, "rb", "branch"));
    EXPECT_EQ(out.meetingId, "m1");
}

TEST(TapAssigner, readerDirectionDecidesWhenNotBoth)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0, "04A23BC1", core::ReaderDirection::Out)).direction, core::Direction::Out);
    EXPECT_EQ(assigner.assign(tap(T0, "04A23BC2", core::ReaderDirection::In)).direction, core::Direction::In);
}

TEST(TapAssigner, explicitDirectionWinsOverReader)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    auto t = tap(T0, "04A23BC1", core::ReaderDirection::In);
    t.explicitDirection = core::Direction::Out;
    EXPECT_EQ(assigner.assign(t).direction, core::Direction::Out);
}

TEST(TapAssigner, bothReaderTogglesInAndOut)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0, "04A23BC1", core::ReaderDirection::Both)).direction, core::Direction::In);
    EXPECT_EQ(assigner.assign(tap(T0 + 30min, "04A23BC1", core::ReaderDirection::Both)).direction,
              core::Direction::Out);
    EXPECT_EQ(assigner.assign(tap(T0 + 40min, "04A23BC1", core::ReaderDirection::Both)).direction, core::Direction::In);
}

TEST(TapAssigner, bothReaderStateFollowsTapsAtAnyReader)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0, "04A23BC1", core::ReaderDirection::In, "entry")).direction, core::Direction::In);
    EXPECT_EQ(assigner.assign(tap(T0 + 30min, "04A23BC1", core::ReaderDirection::Both, "side")).direction,
              core::Direction::Out);
}

TEST(TapAssigner, duplicateDoesNotToggle)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0, "04A23BC1", core::ReaderDirection::Both)).direction, core::Direction::In);
    EXPECT_EQ(assigner.assign(tap(T0 + 3s, "04A23BC1", core::ReaderDirection::Both)).disposition,
              core::Disposition::Duplicate);
    EXPECT_EQ(assigner.assign(tap(T0 + 20s, "04A23BC1", core::ReaderDirection::Both)).direction, core::Direction::Out);
}

TEST(TapAssigner, unknownBadgeOnBothReaderIsCheckIn)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    auto t = tap(T0, "DEADBEEF", core::ReaderDirection::Both);
    t.personId.reset();
    EXPECT_EQ(assigner.assign(t).direction, core::Direction::In);
    auto again = tap(T0 + 1min, "DEADBEEF", core::ReaderDirection::Both);
    again.personId.reset();
    EXPECT_EQ(assigner.assign(again).direction, core::Direction::In);
}

// Meeting A 09:00–11:00 and B 11:00–12:00 at one venue; B opens at 10:00, A's
// window lasts until 11:30, so 10:00–11:30 belongs to both windows.
struct OverlapCase {
    const char* name;
    common::Millis offset;
    core::ReaderDirection reader;
    const char* meeting;
};
void PrintTo(const OverlapCase& c, std::ostream* os) { *os << c.name; }

class TapAssignerOverlap : public ::testing::TestWithParam<OverlapCase> {};

TEST_P(TapAssignerOverlap, choosesTheMeeting)
{
    core::TapAssigner assigner({window("A", T0, 120min), window("B", T0 + 120min, 60min)});
    const auto& c = GetParam();
    EXPECT_EQ(assigner.assign(tap(T0 + c.offset, "04A23BC1", c.reader)).meetingId, std::string(c.meeting));
}

INSTANTIATE_TEST_SUITE_P(
    Cases, TapAssignerOverlap,
    ::testing::Values(OverlapCase{"checkInBeforeOverlapGoesToA", 30min, core::ReaderDirection::In, "A"},
                      OverlapCase{"checkInDuringAGoesToTheMeetingStartingNext", 90min, core::ReaderDirection::In, "B"},
                      OverlapCase{"checkInAtBsStartGoesToB", 120min, core::ReaderDirection::In, "B"},
                      OverlapCase{"checkInAfterBStartedGoesToBInProgress", 130min, core::ReaderDirection::In, "B"},
                      OverlapCase{"checkOutDuringAGoesToAInProgress", 90min, core::ReaderDirection::Out, "A"},
                      OverlapCase{"checkOutAfterBStartedGoesToBInProgress", 125min, core::ReaderDirection::Out, "B"},
                      OverlapCase{"checkInAfterAWindowGoesToB", 151min, core::ReaderDirection::In, "B"}));

TEST(TapAssigner, bothReaderInOverlapChecksOutOfTheMeetingInProgress)
{
    core::TapAssigner assigner({window("A", T0, 120min), window("B", T0 + 120min, 60min)});
    // p-04A23BC1 attends A; at 10:40 the both-reader makes it a check-out of A.
    EXPECT_EQ(assigner.assign(tap(T0 - 5min, "04A23BC1", core::ReaderDirection::Both)).meetingId, "A");
    const auto out = assigner.assign(tap(T0 + 100min, "04A23BC1", core::ReaderDirection::Both));
    EXPECT_EQ(out.meetingId, "A");
    EXPECT_EQ(out.direction, core::Direction::Out);
    // Someone not in A tapping at the same moment checks in to B.
    const auto in = assigner.assign(tap(T0 + 100min, "04A23BC2", core::ReaderDirection::Both));
    EXPECT_EQ(in.meetingId, "B");
    EXPECT_EQ(in.direction, core::Direction::In);
}

TEST(TapAssigner, manualTapGoesToItsMeetingWithoutDebounce)
{
    core::TapAssigner assigner({window("m1", T0, 120min)});
    EXPECT_EQ(assigner.assign(tap(T0)).disposition, core::Disposition::Applied);
    core::TapInput manual;
    manual.ref = -1;
    manual.personId = "p-04A23BC1";
    manual.at = T0 + 1s;
    manual.explicitDirection = core::Direction::Out;
    manual.forcedMeeting = "m1";
    const auto out = assigner.assign(manual);
    EXPECT_EQ(out.disposition, core::Disposition::Applied);
    EXPECT_EQ(out.direction, core::Direction::Out);
    EXPECT_FALSE(assigner.isInside("m1", "p-04A23BC1"));
}

} // namespace
