// The results cache (ResultsCache, meeting_results): packed lines read back
// the same, malformed rows are recomputed, and the schema's triggers drop a
// meeting's row when anything it was computed from changes.
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/results_cache.h"
#include "tests/reports/ledger_lookup.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using rollcall::testing::lineOf;
using rollcall::testing::meetingOf;
using rollcall::testing::Scenario;

namespace {

class ResultsCacheTest : public rollcall::testing::ScenarioRecordTest {};

std::vector<MemberLine> sampleLines()
{
    return {{"P001", core::Status::Absent, 0, 0, 0, true},
            {"P002", core::Status::Late, core::LeftEarly, 12, 30, false},
            {"P003", core::Status::Excused, 0, 0, 0, false}};
}

} // namespace

TEST(ResultsCachePacking, packedLinesUnpackToTheSameLines)
{
    const auto lines = sampleLines();
    const auto packed = packMemberLines(lines);
    EXPECT_EQ(packed.substr(0, packed.find('\n')), "P001\tabsent\t0\t0\t0\t1");
    const auto back = unpackMemberLines(packed);
    ASSERT_TRUE(back.has_value());
    ASSERT_EQ(back->size(), lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        EXPECT_EQ((*back)[i].personId, lines[i].personId);
        EXPECT_EQ((*back)[i].status, lines[i].status);
        EXPECT_EQ((*back)[i].flags, lines[i].flags);
        EXPECT_EQ((*back)[i].lateMinutes, lines[i].lateMinutes);
        EXPECT_EQ((*back)[i].earlyMinutes, lines[i].earlyMinutes);
        EXPECT_EQ((*back)[i].verify, lines[i].verify);
    }
    EXPECT_TRUE(unpackMemberLines("").has_value());
}

TEST(ResultsCachePacking, malformedTextIsRejected)
{
    const struct {
        const char* name;
        const char* text;
    } rows[] = {
        {"no final line end", "P001\tabsent\t0\t0\t0\t1"},
        {"too few fields", "P001\tabsent\t0\t0\t0\n"},
        {"too many fields", "P001\tabsent\t0\t0\t0\t1\tx\n"},
        {"unknown status", "P001\tgone\t0\t0\t0\t1\n"},
    };
    for (const auto& row : rows) EXPECT_FALSE(unpackMemberLines(row.text).has_value()) << row.name;
}

TEST_F(ResultsCacheTest, storedLinesOfAFinalizedMeetingAreReadBack)
{
    ResultsCache cache(db);
    EXPECT_EQ(cache.size(), 0);
    MeetingLines lines;
    lines.meeting = *record.findMeeting("M03");
    lines.members = sampleLines();
    cache.store(lines, s.now);
    EXPECT_EQ(cache.size(), 1);
    const auto read = cache.read(from, to);
    ASSERT_EQ(read.size(), 1u);
    ASSERT_EQ(read.at("M03").size(), 3u);
    EXPECT_EQ(read.at("M03")[1].lateMinutes, 12);
    EXPECT_TRUE(cache.read(to, to + common::Millis(86400000)).empty());
}

TEST_F(ResultsCacheTest, malformedRowIsLeftOutAndRecomputed)
{
    AttendanceLedger(record).fillCache(from, to, s.now);
    db.exec("UPDATE meeting_results SET members = 'garbage' WHERE meeting_id = 'M03'");
    ResultsCache cache(db);
    const auto read = cache.read(from, to);
    EXPECT_EQ(read.count("M03"), 0u);
    EXPECT_EQ(read.count("M02"), 1u);
    AttendanceLedger ledger(record);
    const auto all = ledger.lines(from, to, s.now);
    EXPECT_FALSE(meetingOf(all, "M03").fromCache);
    EXPECT_EQ(lineOf(meetingOf(all, "M03"), "P003").status, core::Status::Absent);
}

TEST_F(ResultsCacheTest, secondReadComesFromTheCacheWithTheSameLines)
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

TEST_F(ResultsCacheTest, anAmendmentInvalidatesOnlyItsMeeting)
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

TEST_F(ResultsCacheTest, newTapInAFinalizedMeetingsWindowInvalidatesItsCache)
{
    AttendanceLedger(record).fillCache(from, to, s.now);
    // A tap from a reader's outbox, recorded (received) at its own time: it counts.
    s.tap(record, "v1", "P003", "2026-11-03T09:30", true);
    AttendanceLedger ledger(record);
    const auto all = ledger.lines(from, to, s.now);
    EXPECT_FALSE(meetingOf(all, "M03").fromCache);
    EXPECT_EQ(lineOf(meetingOf(all, "M03"), "P003").status, core::Status::Late);
}

TEST_F(ResultsCacheTest, unfinalizedMeetingsAreNeverCached)
{
    db.exec("UPDATE meetings SET finalized_ms = NULL WHERE id = 'M07'");
    AttendanceLedger(record).fillCache(from, to, s.now);
    auto q = db.prepare("SELECT count(*) FROM meeting_results WHERE meeting_id = 'M07'");
    ASSERT_TRUE(q.step());
    EXPECT_EQ(q.getInt(0), 0);
}
