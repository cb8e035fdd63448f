// The record's guards (hub/core/record_guard.h): the triggers the schema made
// are all there, and the chain's tail matches; what `init` restores.
#include "hub/core/hash_chain.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class RecordGuardTest : public ::testing::Test {
protected:
    RecordGuardTest()
    {
        core::migrate(db_);
        db_.exec(R"sql(
            INSERT INTO venues(id, name) VALUES ('hall', '主会场');
            INSERT INTO readers(id, venue_id, direction, created_ms) VALUES ('r1', 'hall', 'in', 1000);
            INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) VALUES ('r1', 1, '04A23BC1', 4000, 'hall', 'reader', 4000);
            INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) VALUES ('r1', 2, '04A23BC2', 5000, 'hall', 'reader', 5000);
        )sql");
    }

    std::string integrityError()
    {
        try {
            core::checkRecordIntegrity(db_);
        } catch (const core::RecordIntegrityError& e) {
            return e.what();
        }
        return "";
    }

    common::Database db_{":memory:"};
};

} // namespace

TEST_F(RecordGuardTest, aFreshRecordHasEveryTriggerAndPasses)
{
    EXPECT_TRUE(core::missingTriggers(db_).empty());
    EXPECT_EQ(integrityError(), "");
}

TEST_F(RecordGuardTest, aDroppedTriggerIsNamedAndRefused)
{
    db_.exec("DROP TRIGGER taps_append_only_delete");
    EXPECT_EQ(core::missingTriggers(db_), std::vector<std::string>{"taps_append_only_delete"});
    const auto error = integrityError();
    EXPECT_NE(error.find("taps_append_only_delete"), std::string::npos) << error;
    EXPECT_NE(error.find("rollcallctl init"), std::string::npos) << error;
}

TEST_F(RecordGuardTest, aTriggerReplacedByAHarmlessOneCountsAsMissing)
{
    db_.exec("DROP TRIGGER taps_append_only_update; CREATE TRIGGER taps_append_only_update BEFORE UPDATE ON taps "
             "BEGIN SELECT 1; END;");
    EXPECT_EQ(core::missingTriggers(db_), std::vector<std::string>{"taps_append_only_update"});
}

TEST_F(RecordGuardTest, restoredTriggersGuardTheRecordAgain)
{
    db_.exec("DROP TRIGGER taps_append_only_delete; DROP TRIGGER taps_chain");
    core::restoreTriggers(db_);
    EXPECT_TRUE(core::missingTriggers(db_).empty());
    EXPECT_THROW(db_.exec("DELETE FROM taps"), common::DatabaseError);
    db_.exec("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) "
             "VALUES ('r1', 3, '04A23BC3', 6000, 'hall', 'reader', 6000)");
    EXPECT_EQ(core::chainHead(db_).rows, 3);
    EXPECT_EQ(integrityError(), "");
}

TEST_F(RecordGuardTest, aBrokenTailIsRefusedNamingTheRow)
{
    db_.exec("DROP TRIGGER taps_append_only_update; "
             "UPDATE taps SET badge_uid = '04A23BC9' WHERE seq = 2; "
             "CREATE TRIGGER taps_append_only_update BEFORE UPDATE ON taps BEGIN SELECT 1; END;");
    core::restoreTriggers(db_); // the guards back as they were: the edit still shows
    const auto error = integrityError();
    EXPECT_NE(error.find("taps id 2 (chain position 2) was altered"), std::string::npos) << error;
}
