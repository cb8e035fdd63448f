// Bulk evaluation, the results cache and the reader-offline rule.
#include "hub/reports/attendance_ledger.h"

#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using rollcall::testing::Scenario;

namespace {

const MemberLine& lineOf(const MeetingLines& m, const std::string& person)
{
    for (const auto& l : m.members) {
        if (l.personId == person) return l;
    }
    throw std::runtime_error("no line for " + person);
}

const MeetingLines& meetingOf(const std::vector<MeetingLines>& all, const std::string& id)
{
    for (const auto& m : all) {
        if (m.meeting.id == id) return m;
    }
    throw std::runtime_error("no meeting " + id);
}

class AttendanceLedgerTest : public ::testing::Test {
protected:
    void SetUp() override { s.build(db); }
    Scenario s;
    common::Database db{":memory:"};
    core::Record record{db};
    common::TimePoint from = s.at("2026-10-01T00:00");
    common::TimePoint to = s.at("2027-01-01T00:00");
};

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

TEST_F(AttendanceLedgerTest, secondReadComesFromTheCacheWithTheSameLines)
{
    AttendanceLedger first(record);
    const auto fresh = first.lines(from, to, s.now);
    for (const auto& m : fresh) EXPECT_FALSE(m.fromCache);
    AttendanceLedger second(record);
    const auto cached = second.lines(from, to, s.now);
    ASSERT_EQ(cached.size(), fresh.size());
    for (std::size_t i = 0; i < cached.size(); ++i) {
        EXPECT_TRUE(cached[i].fromCache) << cached[i].meeting.id;
        ASSERT_EQ(cached[i].members.size(), fresh[i].members.size());
        for (std::size_t k = 0; k < fresh[i].members.size(); ++k) {
            const auto& a = fresh[i].members[k];
            const auto& b = lineOf(cached[i], a.personId);
            EXPECT_EQ(a.status, b.status);
            EXPECT_EQ(a.flags, b.flags);
            EXPECT_EQ(a.lateMinutes, b.lateMinutes);
            EXPECT_EQ(a.earlyMinutes, b.earlyMinutes);
            EXPECT_EQ(a.verify, b.verify);
        }
    }
}

TEST_F(AttendanceLedgerTest, anAmendmentInvalidatesOnlyItsMeeting)
{
    AttendanceLedger(record).fillCache(from, to, s.now);
    core::Amendment o = s.amend(record, core::AmendmentKind::StatusOverride, "M03", "P003", "核实后更正", s.now, false);
    o.status = "excused";
    record.addAmendment(o);
    AttendanceLedger ledger(record);
    const auto all = ledger.lines(from, to, s.now);
    EXPECT_FALSE(meetingOf(all, "M03").fromCache);
    EXPECT_TRUE(meetingOf(all, "M02").fromCache);
    EXPECT_EQ(lineOf(meetingOf(all, "M03"), "P003").status, core::Status::Excused);
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

TEST_F(AttendanceLedgerTest, newTapInAFinalizedMeetingsWindowInvalidatesItsCache)
{
    AttendanceLedger(record).fillCache(from, to, s.now);
    // A tap from a reader's outbox, recorded (received) at its own time: it counts.
    s.tap(record, "v1", "P003", "2026-11-03T09:30", true);
    AttendanceLedger ledger(record);
    const auto all = ledger.lines(from, to, s.now);
    EXPECT_FALSE(meetingOf(all, "M03").fromCache);
    EXPECT_EQ(lineOf(meetingOf(all, "M03"), "P003").status, core::Status::Late);
}

TEST_F(AttendanceLedgerTest, unfinalizedMeetingsAreNeverCached)
{
    db.exec("UPDATE meetings SET finalized_ms = NULL WHERE id = 'M07'");
    AttendanceLedger(record).fillCache(from, to, s.now);
    auto q = db.prepare("SELECT count(*) FROM meeting_results WHERE meeting_id = 'M07'");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.getInt(0), 0);
}

TEST_F(AttendanceLedgerTest, meetingsStillOpenAreLeftOut)
{
    AttendanceLedger ledger(record);
    const auto during = s.at("2026-12-08T10:00");
    EXPECT_EQ(ledger.meetingsOver(from, to, during).size(), 6u);
    EXPECT_EQ(ledger.meetingsNotOver(from, to, during), 1);
}

TEST(ReaderCoverage, readerWithoutHeartbeatHistoryIsNeverOffline)
{
    Scenario s;
    common::Database db(":memory:");
    s.build(db);
    core::Record record(db);
    ReaderCoverage coverage(db);
    EXPECT_TRUE(coverage.offlineDuring(*record.findMeeting("M03")).empty());
    const auto off = coverage.offlineDuring(*record.findMeeting("M04"));
    ASSERT_EQ(off.size(), 1u);
    EXPECT_EQ(off[0].readerId, "r3");
    EXPECT_EQ(off[0].gapFrom, s.at("2026-11-10T09:20"));
    EXPECT_EQ(off[0].gapTo, s.at("2026-11-10T09:50"));
}

TEST(ReaderCoverage, readerFirstHeardAfterTheMeetingWasNotOfflineDuringIt)
{
    Scenario s;
    common::Database db(":memory:");
    s.build(db);
    // The reader's agent was installed long after these meetings.
    db.exec("UPDATE reader_uptime SET from_ms = from_ms + 400 * 86400000, to_ms = to_ms + 400 * 86400000");
    core::Record record(db);
    ReaderCoverage coverage(db);
    EXPECT_TRUE(coverage.offlineDuring(*record.findMeeting("M04")).empty());
}

TEST(ReaderCoverage, historyEndingBeforeTheMeetingIsOffline)
{
    Scenario s;
    common::Database db(":memory:");
    s.build(db);
    db.exec("DELETE FROM reader_uptime WHERE from_ms > (SELECT min(from_ms) FROM reader_uptime)");
    core::Record record(db);
    ReaderCoverage coverage(db);
    const auto off = coverage.offlineDuring(*record.findMeeting("M04"));
    ASSERT_EQ(off.size(), 1u);
    EXPECT_EQ(off[0].gapTo, s.at("2026-11-10T11:00"));
}
