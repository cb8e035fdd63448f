// Schema migrations: PRAGMA user_version, forward-only, data kept.
#include "common/database.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <type_traits>

using namespace rollcall;
using rollcall::common::Database;
using rollcall::common::DatabaseError;

static_assert(!std::is_copy_constructible_v<common::Database>);
static_assert(std::is_nothrow_move_constructible_v<common::Database>);
static_assert(!std::is_copy_constructible_v<common::Transaction>);

namespace {

std::int64_t scalar(common::Database& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.getInt(0);
}

std::string text(common::Database& db, const std::string& sql)
{
    auto s = db.prepare(sql);
    EXPECT_TRUE(s.step()) << sql;
    return s.getText(0);
}

bool tableExists(common::Database& db, const std::string& name)
{
    auto s = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    s.bind(1, name);
    return s.step();
}

} // namespace

TEST(Schema, tapVerdictCanBeSetOnceButNothingElseChanges)
{
    common::Database db(":memory:");
    core::migrate(db);
    db.exec(R"sql(
        INSERT INTO venues(id, name) VALUES ('hall', '主会场');
        INSERT INTO readers(id, venue_id, direction, created_ms) VALUES ('r1', 'hall', 'in', 1000);
        INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) VALUES ('r1', 1, '04A23BC1', 4000, 'hall', 'reader', 4000);
    )sql");
    db.exec("UPDATE taps SET verdict = 'late' WHERE seq = 1"); // a verdict worked out after the insert
    EXPECT_EQ(text(db, "SELECT verdict FROM taps"), "late");
    EXPECT_THROW(db.exec("UPDATE taps SET verdict = 'present' WHERE seq = 1"), common::DatabaseError);
    EXPECT_THROW(db.exec("UPDATE taps SET at_ms = 1 WHERE seq = 1"), common::DatabaseError);
    EXPECT_EQ(text(db, "SELECT verdict || at_ms FROM taps"), "late4000");
}

TEST(Schema, freshDatabaseMigratesToLatest)
{
    common::Database db(":memory:");
    EXPECT_EQ(core::schemaVersion(db), 0);
    core::migrate(db);
    EXPECT_EQ(core::schemaVersion(db), core::latestSchemaVersion());
    for (const char* table :
         {"units", "persons", "badges", "venues", "readers", "meetings", "meeting_venues", "meeting_invites", "taps",
          "amendments", "reader_health", "reader_uptime", "quarantined_taps"}) {
        EXPECT_TRUE(tableExists(db, table)) << table;
    }
}

TEST(Schema, migratingTwiceChangesNothing)
{
    common::Database db(":memory:");
    core::migrate(db);
    db.exec("INSERT INTO venues(id, name) VALUES ('hall', 'Hall')");
    core::migrate(db);
    EXPECT_EQ(core::schemaVersion(db), core::latestSchemaVersion());
    EXPECT_EQ(scalar(db, "SELECT count(*) FROM venues"), 1);
}

TEST(Schema, versionOneDatabaseMigratesForwardKeepingItsData)
{
    test::TempDir dir;
    const auto path = dir.file("v1.sqlite");
    {
        common::Database db(path);
        core::migrate(db, 1);
        ASSERT_EQ(core::schemaVersion(db), 1);
        EXPECT_FALSE(tableExists(db, "reader_health"));
        db.exec(R"sql(
            INSERT INTO units(id, parent_id, name, path) VALUES (1, NULL, '州直机关', '州直机关');
            INSERT INTO persons(id, name, unit_id) VALUES ('p1', '阿依古丽·买买提', 1);
            INSERT INTO badges(uid, person_id, issued_ms) VALUES ('04A23BC1', 'p1', 1000);
            INSERT INTO venues(id, name) VALUES ('hall', '主会场');
            INSERT INTO readers(id, venue_id, direction, created_ms) VALUES ('r1', 'hall', 'in', 1000);
            INSERT INTO meetings(id, title, start_ms, end_ms, opening_ms, created_ms) VALUES ('m1', 'T', 5000, 9000, 1000, 1);
            INSERT INTO taps(reader_id, seq, badge_uid, at_ms, venue_id, source, received_ms) VALUES ('r1', 1, '04A23BC1', 4000, 'hall', 'reader', 4000);
            INSERT INTO amendments(kind, meeting_id, person_id, author, reason, created_ms) VALUES ('leave', 'm1', 'p1', 'op', 'sick', 1);
        )sql");
    }
    {
        common::Database db(path);
        core::migrate(db);
        EXPECT_EQ(core::schemaVersion(db), core::latestSchemaVersion());
        EXPECT_EQ(text(db, "SELECT coalesce(verdict, 'none') FROM taps"),
                  "none"); // taps from before v3 keep no verdict
        EXPECT_TRUE(tableExists(db, "reader_health"));
        EXPECT_TRUE(tableExists(db, "quarantined_taps"));
        EXPECT_EQ(text(db, "SELECT name FROM persons WHERE id = 'p1'"), "阿依古丽·买买提");
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM taps"), 1);
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM amendments"), 1);
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM badges"), 1);
        // The new tables work against the old rows.
        db.exec("INSERT INTO reader_health(reader_id, last_seen_ms) VALUES ('r1', 5000)");
        EXPECT_EQ(scalar(db, "SELECT count(*) FROM reader_health"), 1);
    }
}

TEST(Schema, newerDatabaseIsRefusedWithAClearMessage)
{
    test::TempDir dir;
    const auto path = dir.file("future.sqlite");
    common::Database db(path);
    core::migrate(db);
    const int future = core::latestSchemaVersion() + 1;
    db.exec("PRAGMA user_version = " + std::to_string(future));
    try {
        core::migrate(db);
        FAIL() << "a database newer than the program must be refused";
    } catch (const std::runtime_error& e) {
        const std::string message = e.what();
        EXPECT_NE(message.find(path), std::string::npos) << message;
        EXPECT_NE(message.find("schema version " + std::to_string(future)), std::string::npos) << message;
        EXPECT_NE(message.find("newer"), std::string::npos) << message;
    }
    EXPECT_EQ(core::schemaVersion(db), future); // left as it was
}

TEST(Schema, walJournalAndForeignKeysAreOn)
{
    test::TempDir dir;
    common::Database db(dir.file("pragmas.sqlite"));
    core::migrate(db);
    EXPECT_EQ(text(db, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(scalar(db, "PRAGMA foreign_keys"), 1);
    EXPECT_EQ(scalar(db, "PRAGMA synchronous"), 2); // FULL
    try {
        db.exec("INSERT INTO persons(id, name, unit_id) VALUES ('p1', 'Someone', 42)");
        FAIL() << "a person in a unit that does not exist must be refused";
    } catch (const common::DatabaseError& e) {
        EXPECT_TRUE(e.isConstraint()) << e.what();
    }
}
