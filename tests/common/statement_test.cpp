// common::Statement after a failure: a statement whose step failed is usable
// again (issue 10: a hub whose kept insert statement failed once stopped
// recording until restarted).
#include "common/database.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>

using namespace rollcall;
using rollcall::test::TempDir;

namespace {

class StatementAfterFailure : public ::testing::Test {
protected:
    void SetUp() override { db_.exec("CREATE TABLE t(k INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)"); }
    std::int64_t count()
    {
        auto s = db_.prepare("SELECT count(*) FROM t");
        (void)s.step();
        return s.getInt(0);
    }
    TempDir dir_;
    common::Database db_{dir_.file("t.db")};
};

TEST_F(StatementAfterFailure, runThatHitAConstraintCanBeBoundAndRunAgain)
{
    auto insert = db_.prepare("INSERT INTO t(v) VALUES (?)");
    insert.bind(1, "a").run();
    try {
        insert.bind(1, "a").run();
        FAIL() << "the second insert of the same value must fail";
    } catch (const common::DatabaseError& e) {
        EXPECT_TRUE(e.isConstraint()) << e.what();
    }
    EXPECT_NO_THROW(insert.bind(1, "b").run());
    EXPECT_EQ(count(), 2);
}

TEST_F(StatementAfterFailure, stepThatFailedInATriggerCanBeBoundAndSteppedAgain)
{
    db_.exec("CREATE TRIGGER no_x BEFORE INSERT ON t WHEN NEW.v = 'x' BEGIN SELECT RAISE(ABORT, 'no x'); END");
    auto insert = db_.prepare("INSERT INTO t(v) VALUES (?) RETURNING k");
    insert.bind(1, "x");
    EXPECT_THROW((void)insert.step(), common::DatabaseError);
    insert.bind(1, "y");
    ASSERT_TRUE(insert.step());
    EXPECT_GT(insert.getInt(0), 0);
    insert.reset();
    EXPECT_EQ(count(), 1);
}

TEST_F(StatementAfterFailure, failureMessageNamesTheCause)
{
    db_.exec("CREATE TRIGGER no_x BEFORE INSERT ON t WHEN NEW.v = 'x' BEGIN SELECT RAISE(ABORT, 'no x allowed'); END");
    auto insert = db_.prepare("INSERT INTO t(v) VALUES (?)");
    try {
        insert.bind(1, "x").run();
        FAIL();
    } catch (const common::DatabaseError& e) {
        EXPECT_NE(std::string(e.what()).find("no x allowed"), std::string::npos) << e.what();
    }
}

} // namespace
