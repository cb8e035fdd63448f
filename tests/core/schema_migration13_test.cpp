// Migration 13 (walk-ins attached to a unit) on a record written by
// rollcallctl at schema 4 (tests/data/core/record_v4.sqlite), migrated to the
// schema before it: the table comes empty; a manual check-in of someone not on
// a finalized meeting's roster is attached to a unit and the frozen meeting
// shows the walk-in under it; only a manual check-in can be attached; the
// record verifies with the new row chained.
#include "hub/core/meeting_evaluator.h"
#include "hub/core/record.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "hub/core/walk_in_units.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

TEST(SchemaMigration13, aManualCheckInOfSomeoneNotOnTheRosterIsAttachedToAUnitAndChained)
{
    test::TempDir dir;
    const auto path = dir.file("record.sqlite");
    std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path);
    common::Database db(path);
    core::migrate(db, core::kWalkInUnitsSchema - 1);
    core::migrate(db);
    EXPECT_GE(core::schemaVersion(db), core::kWalkInUnitsSchema);
    auto count = db.prepare("SELECT count(*) FROM walk_in_units");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.getInt(0), 0);

    core::Record record(db);
    // p003 (县委办) is not on M1's roster (州直机关), finalized in the fixture.
    const auto at = core::parseTime("2026-10-12T09:05:00+08:00", "test");
    core::Amendment a;
    a.kind = core::AmendmentKind::ManualTap;
    a.meetingId = "M1";
    a.personId = "p003";
    a.at = at;
    a.direction = core::Direction::In;
    a.author = "会务组";
    a.reason = "代表州发改委列席";
    a.createdAt = at;
    record.addAmendment(a);
    core::attachWalkIn(db, a.id, *record.findUnit("州直机关/州发改委"));

    const auto result = core::MeetingEvaluator(record).evaluate("M1", at + std::chrono::hours(48));
    ASSERT_EQ(result.walkIns.size(), 1U);
    EXPECT_EQ(result.walkIns[0].person.id, "p003");
    EXPECT_EQ(result.walkIns[0].forUnit, "州直机关/州发改委");
    EXPECT_EQ(core::walkInUnitOf(db, "M1", "p003")->amendmentId, a.id);

    // The fixture's leave (a different kind) cannot carry a unit.
    auto leave = db.prepare("SELECT id FROM amendments WHERE kind = 'leave'");
    ASSERT_TRUE(leave.step());
    EXPECT_THROW(core::attachWalkIn(db, leave.getInt(0), *record.findUnit("县委办")), common::DatabaseError);
    EXPECT_THROW(db.exec("UPDATE walk_in_units SET unit_id = 1"), common::DatabaseError);
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}
