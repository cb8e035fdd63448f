// Migration 4: the amendments table is rebuilt with the new kinds, keeping
// every row and id, and the append-only triggers; the results cache exists.
#include "hub/core/record.h"
#include "hub/core/schema.h"

#include <gtest/gtest.h>

using namespace rollcall;

TEST(SchemaMigration4, keepsExistingAmendmentsAndTheirIds)
{
    common::Database db(":memory:");
    core::migrate(db, 3);
    db.exec(
        "INSERT INTO units(id, name, path) VALUES (1, 'u', 'u');"
        "INSERT INTO persons(id, name, unit_id) VALUES ('P1', 'n', 1);"
        "INSERT INTO amendments(id, kind, person_id, author, reason, created_ms) VALUES (7, 'leave', 'P1', 'a', 'r', 1);"
        "INSERT INTO amendments(id, kind, ref_id, author, reason, created_ms) VALUES (9, 'revoke', 7, 'a', 'r', 2);");
    core::migrate(db, 4);
    EXPECT_EQ(core::schemaVersion(db), 4);
    auto s = db.prepare("SELECT id, kind, ref_id FROM amendments ORDER BY id");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.getInt(0), 7);
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.getInt(0), 9);
    EXPECT_EQ(s.getInt(2), 7);
    EXPECT_FALSE(s.step());
}

TEST(SchemaMigration4, acceptsAppealKindsAndStaysAppendOnly)
{
    common::Database db(":memory:");
    core::migrate(db);
    db.exec("INSERT INTO units(id, name, path) VALUES (1, 'u', 'u');"
            "INSERT INTO persons(id, name, unit_id) VALUES ('P1', 'n', 1);");
    for (const char* kind : {"appeal", "appeal_resolution", "absence_confirmation"}) {
        EXPECT_NO_THROW(
            db.exec(std::string("INSERT INTO amendments(kind, person_id, author, reason, created_ms) VALUES ('") + kind
                    + "', 'P1', 'a', 'r', 1)"));
    }
    EXPECT_THROW(db.exec("INSERT INTO amendments(kind, author, reason, created_ms) VALUES ('bogus', 'a', 'r', 1)"),
                 common::DatabaseError);
    EXPECT_THROW(db.exec("UPDATE amendments SET reason = 'x'"), common::DatabaseError);
    EXPECT_THROW(db.exec("DELETE FROM amendments"), common::DatabaseError);
    // A self-reference still points at amendments, not at the table's old name.
    EXPECT_NO_THROW(
        db.exec("INSERT INTO amendments(kind, ref_id, author, reason, created_ms) VALUES ('revoke', 1, 'a', 'r', 2)"));
    EXPECT_THROW(
        db.exec("INSERT INTO amendments(kind, ref_id, author, reason, created_ms) VALUES ('revoke', 999, 'a', 'r', 2)"),
        common::DatabaseError);
}

TEST(SchemaMigration4, recordReadsTheNewKinds)
{
    common::Database db(":memory:");
    core::migrate(db);
    core::Record r(db);
    r.addPerson(core::Person{"P1", "n", r.ensureUnitPath("u"), "", std::nullopt});
    r.addVenue("v", "v");
    core::Meeting m;
    m.id = "M";
    m.title = "t";
    m.venues = {"v"};
    m.times.start = common::fromMillis(3'600'000);
    m.times.end = common::fromMillis(7'200'000);
    m.times.opening = common::fromMillis(0);
    r.addMeeting(m, common::fromMillis(0));
    core::Amendment a;
    a.kind = core::AmendmentKind::Appeal;
    a.meetingId = "M";
    a.personId = "P1";
    a.author = "a";
    a.reason = "r";
    r.addAmendment(a);
    const auto list = r.amendments("M");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0].kind, core::AmendmentKind::Appeal);
    EXPECT_EQ(toString(core::AmendmentKind::AbsenceConfirmation), "absence_confirmation");
}
