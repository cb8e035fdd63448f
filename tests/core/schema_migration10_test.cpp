// Migration 10 (units' official order and name) on a record written by
// rollcallctl at schema 4 (tests/data/core/record_v4.sqlite), migrated to the
// schema before it: every unit keeps its path and gets neither; setting them
// keeps the results cache (they change no figure) and the record verifies.
#include "hub/core/hash_chain.h"
#include "hub/core/record.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "hub/core/unit_details.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class SchemaMigration10Test : public ::testing::Test {
protected:
    SchemaMigration10Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
    }

    std::int64_t count(common::Database& db, const std::string& sql)
    {
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
};

} // namespace

TEST_F(SchemaMigration10Test, unitsKeepTheirPathsAndHaveNoOfficialOrderOrNameYet)
{
    common::Database db(path_);
    core::migrate(db, core::kUnitDetailsSchema - 1);
    const auto units = count(db, "SELECT count(*) FROM units");
    core::migrate(db);
    EXPECT_GE(core::schemaVersion(db), core::kUnitDetailsSchema);
    EXPECT_EQ(count(db, "SELECT count(*) FROM units"), units);
    EXPECT_EQ(count(db, "SELECT count(*) FROM units WHERE official_order IS NULL AND official_name IS NULL"), units);
    core::Record record(db);
    const auto unit = record.findUnit("州直机关/州发改委");
    ASSERT_TRUE(unit);
    const auto details = core::unitDetails(db, *unit);
    EXPECT_FALSE(details.officialOrder);
    EXPECT_FALSE(details.officialName);
}

TEST_F(SchemaMigration10Test, officialOrderAndNameAreRecordedAndKeepTheResultsCache)
{
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    const auto unit = *record.findUnit("州直机关/州发改委");
    db.exec("INSERT INTO meeting_results(meeting_id, computed_ms, members) SELECT id, 0, '' FROM meetings LIMIT 1");
    const auto cached = count(db, "SELECT count(*) FROM meeting_results");
    core::setUnitDetails(db, unit, {3, "某州发展和改革委员会"});
    core::setUnitDetails(db, unit, {std::nullopt, std::nullopt}); // nothing given: nothing changes
    const auto details = core::unitDetails(db, unit);
    EXPECT_EQ(details.officialOrder, 3);
    EXPECT_EQ(details.officialName, "某州发展和改革委员会");
    EXPECT_EQ(count(db, "SELECT count(*) FROM meeting_results"), cached) << "an official name changes no figure";
    // A change of the tree itself still empties the cache.
    db.exec("UPDATE units SET name = name || '' WHERE id = " + std::to_string(unit));
    EXPECT_EQ(count(db, "SELECT count(*) FROM meeting_results"), 0);
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}

TEST_F(SchemaMigration10Test, aNegativeOrderOrAnEmptyNameIsRefused)
{
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    const auto unit = *record.findUnit("县委办");
    EXPECT_THROW(core::setUnitDetails(db, unit, {-1, std::nullopt}), common::InputError);
    EXPECT_THROW(core::setUnitDetails(db, unit, {std::nullopt, std::string()}), common::InputError);
    EXPECT_FALSE(core::unitDetails(db, unit).officialOrder);
}
