// Finality (docs/semantics.md §12) over a real SQLite file: a meeting
// finalizes by itself a configurable time after its window closes; finalizing
// stores roster, tap assignment and results, and from then on the meeting is
// evaluated from them and its amendments only.
#include "hub/core/finality.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/core/schedule.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;

namespace {

using test::atLocal;

class FinalityTest : public ::testing::Test {
protected:
    FinalityTest() : db_(dir_.file("rollcall.sqlite")), record_(db_)
    {
        core::migrate(db_);
        record_.addVenue("hall", "主会场");
        record_.addReader({"hall-in", "hall", core::ReaderDirection::In}, atLocal("2026-11-01T07:00"));
        for (const auto* id : {"p1", "p2", "p3"}) {
            core::Person p;
            p.id = id;
            p.name = std::string("姓名") + id;
            p.unitId = record_.ensureUnitPath("州发改委");
            record_.addPerson(p);
            record_.addBadge(std::string("0000A0") + id, id, atLocal("2026-11-01T00:00"));
        }
        // 09:00–11:00: the window closes at 11:30.
        core::Meeting m;
        m.id = "m1";
        m.title = "例会";
        m.venues = {"hall"};
        m.times.start = atLocal("2026-11-28T09:00");
        m.times.end = atLocal("2026-11-28T11:00");
        m.times.opening = m.times.start - 60min;
        record_.addMeeting(m, atLocal("2026-11-01T07:00"));
        record_.addInvite("m1", {std::string("州发改委"), std::nullopt});
    }

    void tap(const std::string& badge, const std::string& when, const std::string& received = "")
    {
        core::TapRecord t;
        t.readerId = "hall-in";
        t.seq = ++seq_;
        t.badgeUid = badge;
        t.at = atLocal(when);
        t.venueId = "hall";
        t.receivedAt = received.empty() ? t.at : atLocal(received);
        ASSERT_EQ(record_.insertTap(t), core::InsertOutcome::Inserted);
    }

    std::vector<std::string> statuses(common::TimePoint now)
    {
        std::vector<std::string> out;
        for (const auto& a : core::MeetingEvaluator(record_).evaluate("m1", now).attendees)
            out.push_back(a.person.id + " " + std::string(core::toString(a.outcome.status)));
        return out;
    }

    std::int64_t scalar(const std::string& sql)
    {
        auto s = db_.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    test::TempDir dir_;
    common::Database db_;
    core::Record record_;
    std::int64_t seq_ = 0;
};

struct DueCase {
    const char* name;
    const char* now;
    common::Millis after;
    bool finalized;
};

const DueCase kDue[] = {
    {"windowStillOpen", "2026-11-28T11:30:00", 0ms, false},
    {"windowJustClosedWithNoDelay", "2026-11-28T11:30:01", 0ms, true},
    {"beforeTheDefault48Hours", "2026-11-30T11:29:59", core::kDefaultFinalizeAfter, false},
    {"at48HoursAfterTheWindow", "2026-11-30T11:30:00", core::kDefaultFinalizeAfter, true},
    {"aShorterPolicy", "2026-11-28T13:30:00", 2h, true},
};

} // namespace

TEST_F(FinalityTest, aMeetingFinalizesByItselfTheConfiguredTimeAfterItsWindowCloses)
{
    for (const auto& c : kDue) {
        test::TempDir dir;
        const auto copy = dir.file("copy.sqlite");
        db_.exec("VACUUM INTO '" + copy + "'");
        common::Database db(copy);
        core::Record record(db);
        const auto done = core::finalizeDue(record, atLocal(c.now), c.after);
        EXPECT_EQ(done.size(), c.finalized ? 1u : 0u) << c.name;
        EXPECT_EQ(record.findMeeting("m1")->finalizedAt.has_value(), c.finalized) << c.name;
        EXPECT_EQ(record.findMeeting("m1")->frozenAt.has_value(), c.finalized) << c.name;
        EXPECT_TRUE(core::finalizeDue(record, atLocal(c.now), c.after).empty()) << c.name << ": only once";
    }
}

TEST_F(FinalityTest, finalizingStoresRosterTapsAndResults)
{
    tap("0000A0p1", "2026-11-28T08:50");
    tap("0000A0p2", "2026-11-28T09:20");
    tap("0000A0p2", "2026-11-28T09:20:05"); // a duplicate
    EXPECT_THROW(core::finalizeMeeting(record_, "m1", atLocal("2026-11-28T11:00")), common::InputError);
    core::finalizeMeeting(record_, "m1", atLocal("2026-11-28T12:00"));
    EXPECT_THROW(core::finalizeMeeting(record_, "m1", atLocal("2026-11-28T12:00")), common::InputError);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_rosters WHERE meeting_id = 'm1'"), 3);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_taps WHERE meeting_id = 'm1'"), 2);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_results WHERE meeting_id = 'm1' AND status = 'late'"), 1);
    EXPECT_THROW(db_.exec("DELETE FROM final_taps"), common::DatabaseError);
    EXPECT_THROW(db_.exec("UPDATE final_results SET status = 'present'"), common::DatabaseError);
    const auto r = core::MeetingEvaluator(record_).evaluate("m1", atLocal("2026-11-28T12:00"));
    EXPECT_EQ(r.tapsDuplicate, 1);
    EXPECT_EQ(r.tapsApplied, 2);
}

TEST_F(FinalityTest, aFrozenMeetingIgnoresLaterChangesToPersonsBadgesAndTaps)
{
    tap("0000A0p1", "2026-11-28T08:50");
    tap("0000A0p2", "2026-11-28T09:20");
    const auto now = atLocal("2026-12-01T12:00");
    core::finalizeMeeting(record_, "m1", atLocal("2026-11-28T12:00"));
    const std::vector<std::string> frozen{"p1 present", "p2 late", "p3 absent"};
    ASSERT_EQ(statuses(now), frozen);

    // What the roster and the taps were computed from changes afterwards.
    core::Person p4;
    p4.id = "p4";
    p4.name = "新人";
    p4.unitId = *record_.findUnit("州发改委");
    record_.addPerson(p4, atLocal("2026-11-01T00:00")); // back-dated: would be on the roster
    db_.exec("UPDATE badges SET revoked_ms = 0 WHERE uid = '0000A0p2'");
    tap("0000A0p3", "2026-11-28T08:55", "2026-11-29T10:00"); // an offline log, received after finalization
    EXPECT_EQ(statuses(now), frozen);
    EXPECT_EQ(core::MeetingEvaluator(record_).evaluate("m1", now).tapsIgnoredAfterFinalize, 1);

    // Amendments still apply: a leave and a manual check-in.
    core::Amendment leave;
    leave.kind = core::AmendmentKind::Leave;
    leave.meetingId = "m1";
    leave.personId = "p3";
    leave.author = "会务组";
    leave.reason = "病假";
    leave.createdAt = now;
    record_.addAmendment(leave);
    EXPECT_EQ(statuses(now), (std::vector<std::string>{"p1 present", "p2 late", "p3 excused"}));
}

TEST_F(FinalityTest, aMeetingFinalizedBeforeRowsWereKeptIsFrozenByTheTick)
{
    tap("0000A0p1", "2026-11-28T08:50");
    db_.exec("UPDATE meetings SET finalized_ms = " + std::to_string(common::toMillis(atLocal("2026-11-28T12:00"))));
    const auto before = statuses(atLocal("2026-11-29T12:00"));
    const auto done = core::finalizeDue(record_, atLocal("2026-11-29T12:00"), core::kDefaultFinalizeAfter);
    EXPECT_EQ(done, std::vector<std::string>{"m1"});
    EXPECT_TRUE(record_.findMeeting("m1")->frozenAt);
    EXPECT_EQ(statuses(atLocal("2026-11-29T12:00")), before);
}

TEST_F(FinalityTest, aCancelledMeetingExpectsNobodyAndTakesNoTap)
{
    tap("0000A0p1", "2026-11-28T08:50");
    core::Schedule(record_).cancelMeeting("m1", "会务组", "改为书面传达", atLocal("2026-11-27T10:00"));
    const auto r = core::MeetingEvaluator(record_).evaluate("m1", atLocal("2026-11-28T12:00"));
    EXPECT_TRUE(r.attendees.empty());
    EXPECT_EQ(r.tapsApplied, 0);
    const auto changes = core::Schedule(record_).changes("m1");
    ASSERT_EQ(changes.size(), 1u);
    EXPECT_EQ(changes[0].kind, "cancel");
    EXPECT_EQ(changes[0].author, "会务组");
    EXPECT_THROW(db_.exec("DELETE FROM meeting_changes"), common::DatabaseError);
}

TEST_F(FinalityTest, eachCallFreezesAtMostSixteenMeetingsSoATickStaysShort)
{
    for (int i = 2; i <= 20; ++i) {
        auto m = *record_.findMeeting("m1");
        m.id = "m" + std::to_string(i);
        m.times.start += std::chrono::hours(24 * i);
        m.times.end += std::chrono::hours(24 * i);
        m.times.opening += std::chrono::hours(24 * i);
        record_.addMeeting(m, atLocal("2026-11-01T07:00"));
    }
    const auto now = atLocal("2027-01-31T12:00");
    EXPECT_EQ(core::finalizeDue(record_, now).size(), 16u);
    EXPECT_EQ(core::finalizeDue(record_, now).size(), 4u);
    EXPECT_TRUE(core::finalizeDue(record_, now).empty());
    EXPECT_EQ(scalar("SELECT count(*) FROM meetings WHERE frozen_ms IS NOT NULL"), 20);
}
