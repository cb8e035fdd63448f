// Migration 11 (venue assignments) on a record written by rollcallctl at
// schema 4 (tests/data/core/record_v4.sqlite), migrated to the schema before
// it: the table comes empty, every meeting says what it said before (its one
// venue expects everyone, no venue counts), assignments are recorded at a new
// meeting with a branch venue, the finalized meeting refuses them, and the
// record verifies.
#include "hub/core/meeting_evaluator.h"
#include "hub/core/record.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "hub/core/venue_assignments.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;

namespace {

class SchemaMigration11Test : public ::testing::Test {
protected:
    SchemaMigration11Test()
    {
        std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", path_);
    }

    std::int64_t count(common::Database& db, const std::string& sql)
    {
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    static std::vector<std::string> statuses(const core::MeetingResult& r)
    {
        std::vector<std::string> out;
        for (const auto& a : r.attendees)
            out.push_back(a.person.id + " " + std::string(core::toString(a.outcome.status)));
        return out;
    }

    test::TempDir dir_;
    std::string path_ = dir_.file("record.sqlite");
    const common::TimePoint now_ = core::parseTime("2026-11-29T12:00:00+08:00", "test");
};

} // namespace

TEST_F(SchemaMigration11Test, meetingsSayWhatTheySaidBeforeAndHaveNoAssignments)
{
    common::Database db(path_);
    core::migrate(db, core::kVenueAssignmentsSchema - 1);
    std::map<std::string, std::vector<std::string>> before;
    {
        core::Record record(db);
        for (const auto* id : {"M1", "M2"}) before[id] = statuses(core::MeetingEvaluator(record).evaluate(id, now_));
    }
    core::migrate(db);
    EXPECT_GE(core::schemaVersion(db), core::kVenueAssignmentsSchema);
    EXPECT_EQ(count(db, "SELECT count(*) FROM venue_assignments"), 0);
    core::Record record(db);
    for (const auto* id : {"M1", "M2"}) {
        const auto r = core::MeetingEvaluator(record).evaluate(id, now_);
        EXPECT_EQ(statuses(r), before[id]) << id;
        EXPECT_TRUE(r.summary.byVenue.empty()) << id << " has one venue";
    }
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}

TEST_F(SchemaMigration11Test, assignmentsAreRecordedAtANewPlenaryAndRefusedAtTheFinalizedMeeting)
{
    common::Database db(path_);
    core::migrate(db);
    core::Record record(db);
    record.addVenue("branch", "分会场一");
    core::Meeting m = *record.findMeeting("M2");
    m.id = "M3";
    m.venues = {"hall", "branch"};
    m.times.start += std::chrono::hours(24);
    m.times.end += std::chrono::hours(24);
    m.times.opening += std::chrono::hours(24);
    record.addMeeting(m, now_);
    record.addInvite("M3", {std::string("州直机关"), std::nullopt});
    record.addInvite("M3", {std::string("县委办"), std::nullopt});
    core::VenueAssignments va(db);
    va.assign({"M3", std::string("县委办"), std::nullopt, std::string("branch"), now_, "会务组"});
    const auto expected = va.expectedVenues(*record.findMeeting("M3"), record.roster("M3"));
    EXPECT_EQ(expected.at("p001"), "hall");
    EXPECT_EQ(expected.at("p003"), "branch");
    EXPECT_THROW(va.assign({"M1", std::string("县委办"), std::nullopt, std::string("hall"), now_, "会务组"}),
                 common::InputError);
    EXPECT_EQ(count(db, "SELECT count(*) FROM venue_assignments"), 1);
    EXPECT_NO_THROW(core::checkRecordIntegrity(db));
}
