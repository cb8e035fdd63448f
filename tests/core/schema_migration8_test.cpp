// Migration 8 (the hash chain) on a record written by rollcallctl at schema 4
// (tests/data/core/record_v4.sqlite, migrated through 5–7 on the way): the rows
// already recorded are chained in the order they were recorded, the chain
// verifies, and rows written afterwards join it.
#include "hub/core/hash_chain.h"
#include "hub/core/record.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class SchemaMigration8Test : public ::testing::Test {
protected:
    SchemaMigration8Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
    }

    std::string text(common::Database& db, const std::string& sql)
    {
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getText(0);
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
};

} // namespace

TEST_F(SchemaMigration8Test, existingTapsAndAmendmentsAreChainedInTheOrderRecorded)
{
    common::Database db(path_);
    core::migrate(db, 7); // the schema before the chain
    const auto taps = text(db, "SELECT count(*) FROM taps");
    const auto amendments = text(db, "SELECT count(*) FROM amendments");
    core::migrate(db);
    EXPECT_EQ(taps, "4");
    EXPECT_EQ(amendments, "1");
    // The fixture imported its taps before the leave was recorded.
    EXPECT_EQ(
        text(
            db,
            "SELECT group_concat(link, ' ') FROM (SELECT row_table || ':' || row_id AS link FROM record_chain ORDER BY pos)"),
        "taps:1 taps:2 taps:3 taps:4 amendments:1");
    const auto v = core::verifyChain(db);
    EXPECT_FALSE(v.problem) << v.problem->describe();
    EXPECT_EQ(v.head.rows, 5);
    EXPECT_TRUE(core::missingTriggers(db).empty());
}

TEST_F(SchemaMigration8Test, rowsWrittenAfterTheMigrationJoinTheChain)
{
    common::Database db(path_);
    core::migrate(db);
    const auto before = core::chainHead(db);
    core::Record record(db);
    core::Amendment a;
    a.kind = core::AmendmentKind::Appeal;
    a.meetingId = "M1";
    a.personId = "p002";
    a.author = "李四";
    a.reason = "门禁故障";
    a.createdAt = core::parseTime("2026-11-29T12:00:00+08:00", "test");
    record.addAmendment(a);
    const auto v = core::verifyChain(db, before.hash);
    EXPECT_FALSE(v.problem) << v.problem->describe();
    EXPECT_EQ(v.head.rows, before.rows + 1);
    EXPECT_EQ(v.headPosition, before.rows);
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}
