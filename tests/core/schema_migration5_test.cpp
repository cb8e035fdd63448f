// Migration 5 (dated memberships, badges held since before the record) on a
// record written by rollcallctl at schema 4: tests/data/core/record_v4.sqlite,
// made by tests/data/core/make_record_v4.sh. Nothing an existing meeting says
// may change.
#include "hub/core/meeting_evaluator.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class SchemaMigration5Test : public ::testing::Test {
protected:
    SchemaMigration5Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
    }

    std::int64_t scalar(common::Database& db, const std::string& sql)
    {
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    static std::string statusOf(const core::MeetingResult& r, const std::string& personId)
    {
        for (const auto& a : r.attendees) {
            if (a.person.id == personId) return std::string(core::toString(a.outcome.status)) + " " + a.person.unitPath;
        }
        return "not on the roster";
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
    const common::TimePoint now_ = core::parseTime("2026-11-29T12:00:00+08:00", "test");
};

} // namespace

TEST_F(SchemaMigration5Test, fixtureIsARecordAtSchema4)
{
    common::Database db(path_);
    EXPECT_EQ(core::schemaVersion(db), 4);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM persons"), 3);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM meetings WHERE finalized_ms IS NOT NULL"), 1);
}

TEST_F(SchemaMigration5Test, everyPersonBecomesAMemberOfTheirUnitSinceBeforeTheRecord)
{
    common::Database db(path_);
    core::migrate(db);
    EXPECT_EQ(core::schemaVersion(db), core::latestSchemaVersion()); // 5 and every migration after it
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM memberships"), 3);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM memberships m JOIN persons p ON p.id = m.person_id "
                         "WHERE m.unit_id = p.unit_id AND m.from_ms = 0 AND m.to_ms IS NULL"),
              3);
    core::Record record(db);
    const auto ms = record.memberships("p002");
    ASSERT_EQ(ms.size(), 1u);
    EXPECT_EQ(ms[0].unitPath, "州直机关/州财政局");
    EXPECT_FALSE(ms[0].to);
}

TEST_F(SchemaMigration5Test, badgesAreHeldSinceBeforeTheRecordAndKeepWhenTheyWereRecorded)
{
    common::Database db(path_);
    const auto recorded = scalar(db, "SELECT issued_ms FROM badges WHERE uid = '04A23BC2'");
    core::migrate(db);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM badges WHERE issued_ms = 0"), 4);
    EXPECT_EQ(scalar(db, "SELECT recorded_ms FROM badges WHERE uid = '04A23BC2'"), recorded);
    EXPECT_EQ(scalar(db, "SELECT revoked_ms FROM badges WHERE uid = '04A23BC1'"), 1793491200000);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM badges WHERE revoke_reason IS NULL"), 4);
}

TEST_F(SchemaMigration5Test, existingMeetingsKeepTheirRostersAndStatuses)
{
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    core::MeetingEvaluator evaluator(record);
    const auto m1 = evaluator.evaluate("M1", now_);
    EXPECT_EQ(m1.attendees.size(), 2u);
    EXPECT_EQ(statusOf(m1, "p001"), "present 州直机关/州发改委");
    EXPECT_EQ(statusOf(m1, "p002"), "late 州直机关/州财政局");
    const auto m2 = evaluator.evaluate("M2", now_);
    EXPECT_EQ(m2.attendees.size(), 3u);
    EXPECT_EQ(statusOf(m2, "p001"), "present 州直机关/州发改委"); // with the replacement badge
    EXPECT_EQ(statusOf(m2, "p002"), "excused 州直机关/州财政局");
    EXPECT_EQ(statusOf(m2, "p003"), "late 县委办");
}

TEST_F(SchemaMigration5Test, membershipsKeepTheirHistory)
{
    common::Database db(path_);
    core::migrate(db);
    EXPECT_THROW(db.exec("DELETE FROM memberships"), common::DatabaseError);
    EXPECT_THROW(db.exec("UPDATE memberships SET from_ms = 5"), common::DatabaseError);
    EXPECT_THROW(db.exec("UPDATE memberships SET unit_id = 1 WHERE person_id = 'p003'"), common::DatabaseError);
    db.exec("UPDATE memberships SET to_ms = 10 WHERE person_id = 'p003'"); // ending it, once
    EXPECT_THROW(db.exec("UPDATE memberships SET to_ms = 20 WHERE person_id = 'p003'"), common::DatabaseError);
    // Two open memberships for one person cannot exist.
    EXPECT_THROW(db.exec("INSERT INTO memberships(person_id, unit_id, from_ms) SELECT 'p001', unit_id, 5 FROM persons "
                         "WHERE id = 'p002'"),
                 common::DatabaseError);
}
