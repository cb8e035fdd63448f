// Migration 9 (the notice register and appeal filings) on a record written by
// rollcallctl at schema 4 (tests/data/core/record_v4.sqlite, migrated to 8 on
// the way): nothing recorded changes, the chain still verifies, and register
// rows join the chain and can be neither changed nor deleted.
#include "hub/core/hash_chain.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class SchemaMigration9Test : public ::testing::Test {
protected:
    SchemaMigration9Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
    }

    std::string text(common::Database& db, const std::string& sql)
    {
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getText(0);
    }

    static void addNotice(common::Database& db, int n)
    {
        db.exec("INSERT INTO notice_register(kind, year, n, number, person_id, measure, rule, grounds, evidence, body, "
                "period, issued_ms, issued_by) VALUES ('notice', 2026, "
                + std::to_string(n) + ", '效能办〔2026〕" + std::to_string(n)
                + "号', 'p002', '效能告诫', '中“每次无故缺席给予效能告诫”的规定', 'absence M1 p002\tM1\n', '', "
                  "'办公室\n标题\n发改委\n正文\n', '2026-11', 1764400000000, '办公室')");
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
};

} // namespace

TEST_F(SchemaMigration9Test, theRecordIsKeptAndTheRegisterStartsEmpty)
{
    common::Database db(path_);
    core::migrate(db, core::kNoticeRegisterSchema - 1);
    const auto head = core::chainHead(db);
    const auto rows = text(db, "SELECT count(*) || ' ' || (SELECT count(*) FROM amendments) FROM taps");
    core::migrate(db, core::kNoticeRegisterSchema);
    EXPECT_EQ(core::schemaVersion(db), core::kNoticeRegisterSchema);
    EXPECT_EQ(text(db, "SELECT count(*) || ' ' || (SELECT count(*) FROM amendments) FROM taps"), rows);
    EXPECT_EQ(text(db, "SELECT count(*) FROM notice_register"), "0");
    EXPECT_EQ(text(db, "SELECT count(*) FROM appeal_filings"), "0");
    EXPECT_EQ(core::chainHead(db).hash, head.hash);
    const auto v = core::verifyChain(db);
    EXPECT_FALSE(v.problem) << v.problem->describe();
}

TEST_F(SchemaMigration9Test, registerEntriesJoinTheChainAndStayAsWritten)
{
    common::Database db(path_);
    core::migrate(db);
    const auto before = core::chainHead(db);
    addNotice(db, 1);
    EXPECT_EQ(core::chainHead(db).rows, before.rows + 1);
    auto v = core::verifyChain(db, before.hash);
    EXPECT_FALSE(v.problem) << v.problem->describe();
    EXPECT_THROW(db.exec("UPDATE notice_register SET number = '效能办〔2026〕9号'"), common::DatabaseError);
    EXPECT_THROW(db.exec("DELETE FROM notice_register"), common::DatabaseError);
    EXPECT_THROW(addNotice(db, 1), common::DatabaseError); // (year, n) is taken
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));

    // Altered behind the triggers' back, it shows.
    db.exec("DROP TRIGGER notice_register_append_only_update");
    db.exec("UPDATE notice_register SET measure = '提醒谈话'");
    v = core::verifyChain(db);
    ASSERT_TRUE(v.problem);
    EXPECT_EQ(v.problem->table, "notice_register");
    EXPECT_EQ(v.problem->what, "altered");
}
