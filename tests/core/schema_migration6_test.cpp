// Migration 6 (schedules and finality) on a record written by rollcallctl at
// schema 4 (tests/data/core/record_v4.sqlite), carried through migration 5:
// nothing an existing meeting says may change, and a meeting finalized
// before rows were stored is frozen with the statuses it had.
#include "hub/core/finality.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/core/schedule.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

namespace {

constexpr int kSchedulesAndFinality = 6; // the migration under test

class SchemaMigration6Test : public ::testing::Test {
protected:
    SchemaMigration6Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
    }

    static std::vector<std::string> statuses(core::Record& record, const std::string& meetingId, common::TimePoint now)
    {
        std::vector<std::string> out;
        for (const auto& a : core::MeetingEvaluator(record).evaluate(meetingId, now).attendees)
            out.push_back(a.person.id + " " + std::string(core::toString(a.outcome.status)) + " " + a.person.unitPath);
        return out;
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
    const common::TimePoint now_ = core::parseTime("2026-11-29T12:00:00+08:00", "test");
};

} // namespace

TEST_F(SchemaMigration6Test, existingMeetingsKeepTheirStatusesAndGainNoSchedule)
{
    common::Database db(path_);
    core::migrate(db, kSchedulesAndFinality);
    EXPECT_EQ(core::schemaVersion(db), kSchedulesAndFinality);
    core::migrate(db); // the code reads the latest schema; later migrations change no status either
    core::Record record(db);
    // What schema 4 and 5 said (tests/core/schema_migration5_test.cpp).
    EXPECT_EQ(statuses(record, "M1", now_),
              (std::vector<std::string>{"p001 present 州直机关/州发改委", "p002 late 州直机关/州财政局"}));
    EXPECT_EQ(statuses(record, "M2", now_),
              (std::vector<std::string>{"p003 late 县委办", "p001 present 州直机关/州发改委",
                                        "p002 excused 州直机关/州财政局"}));
    const auto m = record.findMeeting("M1");
    EXPECT_TRUE(m->finalizedAt);
    EXPECT_FALSE(m->frozenAt);
    EXPECT_FALSE(m->cancelledAt);
    EXPECT_FALSE(m->seriesId);
    EXPECT_TRUE(core::Schedule(record).changes("M1").empty());
    EXPECT_TRUE(core::Schedule(record).delegations("M2").empty());
}

TEST_F(SchemaMigration6Test, aMeetingFinalizedUnderSchema4IsFrozenWithTheStatusesItHad)
{
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    const auto m1 = statuses(record, "M1", now_);
    ASSERT_EQ(m1.size(), 2u);
    const auto done = core::finalizeDue(record, now_);
    // M1 was finalized and is now frozen; M2 (window closed 20 days ago) finalizes now.
    EXPECT_EQ(done, (std::vector<std::string>{"M1", "M2"}));
    EXPECT_TRUE(record.findMeeting("M1")->frozenAt);
    EXPECT_EQ(statuses(record, "M1", now_), m1);
    auto s = db.prepare("SELECT count(*) FROM final_rosters WHERE meeting_id = 'M1'");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.getInt(0), 2);
}
