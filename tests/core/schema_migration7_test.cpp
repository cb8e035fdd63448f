// Migration 7 (badges over time: a UID held over dated intervals, no longer
// the key) on a record written by rollcallctl at schema 4
// (tests/data/core/record_v4.sqlite), migrated to the schema before it:
// every badge row carries forward and no existing meeting changes.
#include "hub/core/meeting_evaluator.h"
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>

using namespace rollcall;

namespace {

class SchemaMigration7Test : public ::testing::Test {
protected:
    SchemaMigration7Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
        common::Database db(path_);
        core::migrate(db, core::kBadgesOverTimeSchema - 1);
    }

    std::int64_t scalar(common::Database& db, const std::string& sql)
    {
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    /// Every badge row, "uid person issued revoked recorded reason".
    std::vector<std::string> badges(common::Database& db)
    {
        auto s = db.prepare("SELECT uid, person_id, issued_ms, ifnull(revoked_ms, -1), ifnull(recorded_ms, -1), "
                            "ifnull(revoke_reason, '-') FROM badges ORDER BY uid");
        std::vector<std::string> out;
        while (s.step()) {
            out.push_back(s.getText(0) + " " + s.getText(1) + " " + std::to_string(s.getInt(2)) + " "
                          + std::to_string(s.getInt(3)) + " " + std::to_string(s.getInt(4)) + " " + s.getText(5));
        }
        return out;
    }

    static std::string statusOf(const core::MeetingResult& r, const std::string& personId)
    {
        for (const auto& a : r.attendees) {
            if (a.person.id == personId) return std::string(core::toString(a.outcome.status));
        }
        return "not on the roster";
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
    const common::TimePoint now_ = core::parseTime("2026-11-29T12:00:00+08:00", "test");
};

} // namespace

TEST_F(SchemaMigration7Test, everyBadgeRowCarriesForward)
{
    common::Database db(path_);
    const auto before = badges(db);
    ASSERT_EQ(before.size(), 4u);
    core::migrate(db);
    EXPECT_EQ(core::schemaVersion(db), core::latestSchemaVersion());
    EXPECT_EQ(badges(db), before);
    core::Record record(db);
    EXPECT_EQ(record.badgeHoldings("04A23BC1").size(), 1u);
}

TEST_F(SchemaMigration7Test, existingMeetingsKeepTheirStatuses)
{
    // The statuses the record had at schema 4 and 5 (schema_migration5_test.cpp).
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    core::MeetingEvaluator evaluator(record);
    const auto m1 = evaluator.evaluate("M1", now_);
    EXPECT_EQ(m1.attendees.size(), 2u);
    EXPECT_EQ(statusOf(m1, "p001"), "present");
    EXPECT_EQ(statusOf(m1, "p002"), "late");
    const auto m2 = evaluator.evaluate("M2", now_);
    EXPECT_EQ(m2.attendees.size(), 3u);
    EXPECT_EQ(statusOf(m2, "p001"), "present"); // with the replacement badge
    EXPECT_EQ(statusOf(m2, "p002"), "excused");
    EXPECT_EQ(statusOf(m2, "p003"), "late");
}

TEST_F(SchemaMigration7Test, aRevokedBadgeOfTheOldRecordCanBeIssuedAgainAfterItsRevocation)
{
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    const auto revoked = common::fromMillis(scalar(db, "SELECT revoked_ms FROM badges WHERE uid = '04A23BC1'"));
    EXPECT_THROW(record.addBadge("04A23BC1", "p003", revoked - std::chrono::hours(1)), common::InputError);
    record.addBadge("04A23BC1", "p003", revoked);
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM badges WHERE uid = '04A23BC1'"), 2);
    EXPECT_EQ(record.badgeHolder("04A23BC1", revoked), "p003");
}
