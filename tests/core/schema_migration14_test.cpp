// Migration 14 (alarms acknowledged at the desks) on a record written by
// rollcallctl at schema 4 (tests/data/core/record_v4.sqlite), migrated to the
// schema before it: the table comes empty, an acknowledgement is recorded,
// read back after a given id, chained, and never changed.
#include "hub/core/alarm_acks.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

TEST(SchemaMigration14, acknowledgementsComeEmptyAndAreRecordedChainedAndKept)
{
    test::TempDir dir;
    const auto path = dir.file("record.sqlite");
    std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path);
    common::Database db(path);
    core::migrate(db, core::kAlarmAcksSchema - 1);
    EXPECT_TRUE(core::alarmAcksAfter(db, 0).empty()) << "a record before the migration has none";
    core::migrate(db);
    EXPECT_GE(core::schemaVersion(db), core::kAlarmAcksSchema);
    EXPECT_EQ(core::lastAlarmAckId(db), 0);

    core::AlarmAck ack{0,       "hall-in", "reader_offline", "已派人查看，网线松了", common::fromMillis(1793491200000),
                       "desk-1"};
    core::addAlarmAck(db, ack);
    EXPECT_EQ(ack.id, 1);
    const auto acks = core::alarmAcksAfter(db, 0);
    ASSERT_EQ(acks.size(), 1U);
    EXPECT_EQ(acks[0].source, "hall-in");
    EXPECT_EQ(acks[0].note, "已派人查看，网线松了");
    EXPECT_EQ(acks[0].by, "desk-1");
    EXPECT_EQ(acks[0].at, common::fromMillis(1793491200000));
    EXPECT_TRUE(core::alarmAcksAfter(db, 1).empty());
    EXPECT_THROW(db.exec("UPDATE alarm_acks SET note = 'x'"), common::DatabaseError);
    EXPECT_THROW(db.exec("DELETE FROM alarm_acks"), common::DatabaseError);
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}
