// The reader-offline rule (ReaderCoverage): which readers were not heard from
// during a meeting, from their heartbeat spans.
#include "hub/reports/reader_coverage.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using rollcall::testing::Scenario;

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

TEST(ReaderCoverage, fullyCoveredMeetingHasNoOfflineReader)
{
    Scenario s;
    common::Database db(":memory:");
    s.build(db);
    // One span from long before to long after every meeting: r3 was always heard from.
    db.exec("DELETE FROM reader_uptime");
    db.exec("INSERT INTO reader_uptime(reader_id, from_ms, to_ms) VALUES ('r3', 0, 9000000000000)");
    core::Record record(db);
    ReaderCoverage coverage(db);
    EXPECT_TRUE(coverage.offlineDuring(*record.findMeeting("M04")).empty());
}

TEST(ReaderCoverage, absenceConfirmedOnlyByAConfirmationForThatPerson)
{
    core::Amendment confirmation;
    confirmation.kind = core::AmendmentKind::AbsenceConfirmation;
    confirmation.personId = "P001";
    core::Amendment leave;
    leave.kind = core::AmendmentKind::Leave;
    leave.personId = "P002";
    EXPECT_TRUE(absenceConfirmed({leave, confirmation}, "P001"));
    EXPECT_FALSE(absenceConfirmed({leave, confirmation}, "P002"));
    EXPECT_FALSE(absenceConfirmed({}, "P001"));
}
