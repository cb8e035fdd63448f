// Record over time (docs/semantics.md §10): dated memberships and rosters
// fixed at the meeting's start S.
#include "hub/core/record.h"
#include "hub/core/schema.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;

namespace {

common::TimePoint day(const std::string& date) { return core::parseTime(date + "T00:00:00+08:00", "test"); }

class RecordHistoryTest : public ::testing::Test {
protected:
    RecordHistoryTest() : db_(":memory:"), record_(db_)
    {
        core::migrate(db_);
        record_.addVenue("hall", "主会场");
        for (const auto& [id, unit] :
             {std::pair{"p1", "州直机关/州发改委"}, std::pair{"p2", "州直机关/州财政局"}, std::pair{"p3", "县委办"}}) {
            addPerson(id, unit, day("2026-01-01"));
        }
    }

    void addPerson(const std::string& id, const std::string& unit, common::TimePoint joined)
    {
        core::Person p;
        p.id = id;
        p.name = "Name of " + id;
        p.unitId = record_.ensureUnitPath(unit);
        record_.addPerson(p, joined);
    }

    /// A meeting on `date` 09:00–11:00 inviting 州直机关 and, by name, `byName`.
    void meetingOn(const std::string& id, const std::string& date, const std::string& byName = "")
    {
        core::Meeting m;
        m.id = id;
        m.title = id;
        m.venues = {"hall"};
        m.times.start = day(date) + 9h;
        m.times.end = day(date) + 11h;
        m.times.opening = m.times.start - 1h;
        record_.addMeeting(m, m.times.start);
        record_.addInvite(id, core::RosterInvite{std::string("州直机关"), std::nullopt});
        if (!byName.empty()) record_.addInvite(id, core::RosterInvite{std::nullopt, byName});
    }

    /// "id unit" per roster member.
    std::vector<std::string> roster(const std::string& meetingId)
    {
        std::vector<std::string> out;
        for (const auto& p : record_.roster(meetingId)) out.push_back(p.id + " " + p.unitPath);
        return out;
    }

    common::Database db_;
    core::Record record_;
};

using Lines = std::vector<std::string>;

} // namespace

TEST_F(RecordHistoryTest, aNewHireIsOnNoEarlierMeeting)
{
    meetingOn("oct", "2026-10-12");
    addPerson("p4", "州直机关/州发改委", day("2026-11-03"));
    meetingOn("nov", "2026-11-20");
    EXPECT_EQ(roster("oct"), (Lines{"p1 州直机关/州发改委", "p2 州直机关/州财政局"}));
    EXPECT_EQ(roster("nov"), (Lines{"p1 州直机关/州发改委", "p4 州直机关/州发改委", "p2 州直机关/州财政局"}));
}

TEST_F(RecordHistoryTest, aNewHireJoiningOnTheMeetingsDayIsOnIt)
{
    addPerson("p4", "州直机关/州发改委", day("2026-11-20"));
    meetingOn("nov", "2026-11-20");
    EXPECT_EQ(roster("nov").size(), 3u);
}

TEST_F(RecordHistoryTest, aTransferredPersonsOldMeetingsStayWithTheOldUnit)
{
    meetingOn("oct", "2026-10-12");
    record_.movePerson("p2", *record_.findUnit("县委办"), day("2026-11-05"));
    meetingOn("nov", "2026-11-20");
    EXPECT_EQ(roster("oct"), (Lines{"p1 州直机关/州发改委", "p2 州直机关/州财政局"}));
    EXPECT_EQ(roster("nov"), (Lines{"p1 州直机关/州发改委"})); // 县委办 is not invited
    EXPECT_EQ(record_.findPerson("p2")->unitPath, "县委办");
    EXPECT_EQ(record_.personAt("p2", day("2026-10-12"))->unitPath, "州直机关/州财政局");
    EXPECT_EQ(record_.personAt("p2", day("2026-11-05"))->unitPath, "县委办");
    const auto ms = record_.memberships("p2");
    ASSERT_EQ(ms.size(), 2u);
    EXPECT_EQ(ms[0].to, day("2026-11-05"));
    EXPECT_EQ(ms[1].from, day("2026-11-05"));
}

TEST_F(RecordHistoryTest, aPersonWhoLeftIsExpectedNowhereAfterwardsEvenByName)
{
    meetingOn("oct", "2026-10-12", "p3");
    record_.personLeaves("p3", day("2026-11-10"));
    record_.personLeaves("p1", day("2026-11-10"));
    meetingOn("nov", "2026-11-20", "p3");
    EXPECT_EQ(roster("oct"), (Lines{"p3 县委办", "p1 州直机关/州发改委", "p2 州直机关/州财政局"})); // by unit path
    EXPECT_EQ(roster("nov"), (Lines{"p2 州直机关/州财政局"}));
    EXPECT_FALSE(record_.personAt("p3", day("2026-11-10")));
}

TEST_F(RecordHistoryTest, movesAndLeavesThatCannotBeAreRefused)
{
    const auto county = *record_.findUnit("县委办");
    EXPECT_THROW(record_.movePerson("nobody", county, day("2026-11-05")), common::InputError);
    EXPECT_THROW(record_.movePerson("p3", county, day("2026-11-05")), common::InputError); // already there
    EXPECT_THROW(record_.movePerson("p1", county, day("2026-01-01")), common::InputError); // not after joining
    record_.personLeaves("p1", day("2026-11-10"));
    EXPECT_THROW(record_.personLeaves("p1", day("2026-11-20")), common::InputError); // left already
    EXPECT_THROW(record_.movePerson("p1", county, day("2026-11-20")), common::InputError);
    EXPECT_EQ(record_.memberships("p1").size(), 1u);
}
