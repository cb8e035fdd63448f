// Migration 12 (persons' photos) on a record written by rollcallctl at schema
// 4 (tests/data/core/record_v4.sqlite), migrated to the schema before it: the
// table comes empty, photos are stored for the record's persons, and the
// record verifies.
#include "hub/core/person_photos.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

TEST(SchemaMigration12, photosComeEmptyAndAreStoredForTheRecordsPersons)
{
    test::TempDir dir;
    const auto path = dir.file("record.sqlite");
    std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path);
    common::Database db(path);
    core::migrate(db, core::kPersonPhotosSchema - 1);
    core::migrate(db);
    EXPECT_GE(core::schemaVersion(db), core::kPersonPhotosSchema);
    auto count = db.prepare("SELECT count(*) FROM person_photos");
    ASSERT_TRUE(count.step());
    EXPECT_EQ(count.getInt(0), 0);
    const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + "image";
    core::setPersonPhoto(db, {"p001", "", png, common::fromMillis(1), "会务组"});
    EXPECT_EQ(core::personPhoto(db, "p001")->data, png);
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}
