// Bulk evaluation: the same outcomes as the meeting evaluator, meetings still
// open left out. (The cache: results_cache_test.cpp; offline readers:
// reader_coverage_test.cpp.)
#include "hub/reports/attendance_ledger.h"
#include "tests/reports/ledger_lookup.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using rollcall::testing::lineOf;
using rollcall::testing::meetingOf;
using rollcall::testing::Scenario;

namespace {

class AttendanceLedgerTest : public rollcall::testing::ScenarioRecordTest {};

} // namespace

TEST_F(AttendanceLedgerTest, bulkEvaluationMatchesTheMeetingEvaluator)
{
    AttendanceLedger ledger(record);
    const auto meetings = ledger.meetingsOver(from, to, s.now);
    ASSERT_EQ(meetings.size(), 7u);
    const auto bulk = ledger.evaluate(meetings, s.now);
    core::MeetingEvaluator evaluator(record);
    for (const auto& b : bulk) {
        const auto one = evaluator.evaluate(b.meeting.id, s.now);
        ASSERT_EQ(b.attendees.size(), one.attendees.size()) << b.meeting.id;
        for (std::size_t i = 0; i < b.attendees.size(); ++i) {
            const auto& x = b.attendees[i];
            const auto& y = one.attendees[i];
            EXPECT_EQ(x.person.id, y.person.id);
            EXPECT_EQ(x.outcome.status, y.outcome.status) << b.meeting.id << " " << x.person.id;
            EXPECT_EQ(x.outcome.flags, y.outcome.flags) << b.meeting.id << " " << x.person.id;
            EXPECT_EQ(x.outcome.lateMinutes, y.outcome.lateMinutes);
            EXPECT_EQ(x.outcome.earlyMinutes, y.outcome.earlyMinutes);
            EXPECT_EQ(x.taps.size(), y.taps.size());
            EXPECT_EQ(x.amendments.size(), y.amendments.size());
        }
        EXPECT_EQ(b.summary.walkIns, one.summary.walkIns);
        EXPECT_EQ(b.summary.unknownBadges, one.summary.unknownBadges);
    }
}

TEST_F(AttendanceLedgerTest, scriptedOutcomes)
{
    AttendanceLedger ledger(record);
    const auto all = ledger.lines(from, to, s.now);
    EXPECT_EQ(lineOf(meetingOf(all, "M01"), "P002").status, core::Status::Late);
    EXPECT_EQ(lineOf(meetingOf(all, "M01"), "P002").lateMinutes, 12);
    EXPECT_TRUE(lineOf(meetingOf(all, "M02"), "P002").flags & core::LeftEarly);
    EXPECT_EQ(lineOf(meetingOf(all, "M02"), "P002").earlyMinutes, 30);
    EXPECT_EQ(lineOf(meetingOf(all, "M03"), "P003").status, core::Status::Absent);
    EXPECT_FALSE(lineOf(meetingOf(all, "M03"), "P003").verify); // r1/r2 have no heartbeat history
    EXPECT_EQ(lineOf(meetingOf(all, "M03"), "P004").status, core::Status::Excused);
    EXPECT_EQ(lineOf(meetingOf(all, "M04"), "P001").status, core::Status::Absent);
    EXPECT_TRUE(lineOf(meetingOf(all, "M04"), "P001").verify);
    EXPECT_EQ(lineOf(meetingOf(all, "M04"), "P002").status, core::Status::Present);
    EXPECT_EQ(lineOf(meetingOf(all, "M05"), "P006").status, core::Status::Substituted);
}

TEST_F(AttendanceLedgerTest, confirmingAnAbsenceClearsVerify)
{
    AttendanceLedger(record).fillCache(from, to, s.now);
    s.amend(record, core::AmendmentKind::AbsenceConfirmation, "M04", "P001", "经核实确未参会", s.now);
    AttendanceLedger ledger(record);
    const auto line = lineOf(meetingOf(ledger.lines(from, to, s.now), "M04"), "P001");
    EXPECT_EQ(line.status, core::Status::Absent);
    EXPECT_FALSE(line.verify);
}

TEST_F(AttendanceLedgerTest, meetingsStillOpenAreLeftOut)
{
    AttendanceLedger ledger(record);
    const auto during = s.at("2026-12-08T10:00");
    EXPECT_EQ(ledger.meetingsOver(from, to, during).size(), 6u);
    EXPECT_EQ(ledger.meetingsNotOver(from, to, during), 1);
}
