// Venue assignments at a plenary with branch venues (docs/semantics.md §10):
// the rule that says where each member is expected (table), the record's
// assignments and withdrawals with their refusals, and the evaluation that
// counts per venue and names a check-in at another venue than the member's.
#include "hub/core/meeting_evaluator.h"
#include "hub/core/schema.h"
#include "hub/core/venue_assignments.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;

namespace {

using test::at;

core::Person member(const std::string& id, const std::string& unitPath)
{
    core::Person p;
    p.id = id;
    p.name = "姓名" + id;
    p.unitPath = unitPath;
    return p;
}

core::VenueAssignment unitTo(const std::string& unit, const std::string& venue)
{
    return {"m1", unit, std::nullopt, venue, at("08:00"), "会务组"};
}

core::VenueAssignment personTo(const std::string& person, const std::string& venue)
{
    return {"m1", std::nullopt, person, venue, at("08:00"), "会务组"};
}

struct RuleRow {
    const char* name;
    std::vector<std::string> venues;
    std::vector<core::VenueAssignment> assignments;
    std::string unitPath;
    std::string expected; // "" = no entry (one venue)
};

class VenueAssignmentsRule : public ::testing::TestWithParam<RuleRow> {};

} // namespace

TEST_P(VenueAssignmentsRule, expectsEachMemberAtOneVenue)
{
    const auto& row = GetParam();
    core::Meeting m;
    m.id = "m1";
    m.venues = row.venues;
    const auto out = core::resolveExpectedVenues(m, {member("p1", row.unitPath)}, row.assignments);
    const auto it = out.find("p1");
    EXPECT_EQ(it == out.end() ? std::string() : it->second, row.expected) << row.name;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, VenueAssignmentsRule,
    ::testing::Values(
        RuleRow{"nobodyAssignedMeansTheMainVenue", {"hall", "yining"}, {}, "伊宁县", "hall"},
        RuleRow{"aUnitsAssignment", {"hall", "yining"}, {unitTo("伊宁县", "yining")}, "伊宁县", "yining"},
        RuleRow{
            "aSubUnitFollowsItsUnit", {"hall", "yining"}, {unitTo("伊宁县", "yining")}, "伊宁县/县政府办", "yining"},
        RuleRow{"theNearestUnitWins",
                {"hall", "yining", "huocheng"},
                {unitTo("伊宁县", "yining"), unitTo("伊宁县/县政府办", "huocheng")},
                "伊宁县/县政府办",
                "huocheng"},
        RuleRow{"aUnitWithASimilarNameIsNotAParent", {"hall", "yining"}, {unitTo("伊宁", "yining")}, "伊宁县", "hall"},
        RuleRow{"thePersonsOwnWinsOverTheUnits",
                {"hall", "yining"},
                {unitTo("伊宁县", "yining"), personTo("p1", "hall")},
                "伊宁县",
                "hall"},
        RuleRow{"aMeetingWithOneVenueExpectsNobodyAnywhereElse", {"hall"}, {unitTo("伊宁县", "hall")}, "伊宁县", ""}),
    [](const auto& info) { return std::string(info.param.name); });

namespace {

class VenueAssignmentsTest : public ::testing::Test {
protected:
    VenueAssignmentsTest() : db_(dir_.file("rollcall.sqlite")), record_(db_)
    {
        core::migrate(db_);
        record_.addVenue("hall", "州会议中心");
        record_.addVenue("yining", "伊宁县分会场");
        record_.addVenue("huocheng", "霍城县分会场");
        record_.addReader({"hall-in", "hall", core::ReaderDirection::In}, at("07:00"));
        record_.addReader({"yining-in", "yining", core::ReaderDirection::In}, at("07:00"));
        person("p1", "州直机关/州发改委");
        person("p2", "州直机关/州发改委");
        person("p3", "伊宁县/县政府办");
        person("p4", "伊宁县");
        person("p5", "霍城县");
        core::Meeting m;
        m.id = "m1";
        m.title = "全州三级干部大会";
        m.venues = {"hall", "yining", "huocheng"};
        m.times.start = at("09:00");
        m.times.end = at("11:00");
        m.times.opening = m.times.start - 60min;
        record_.addMeeting(m, at("07:00"));
        for (const auto* unit : {"州直机关", "伊宁县", "霍城县"})
            record_.addInvite("m1", {std::string(unit), std::nullopt});
    }

    void person(const std::string& id, const std::string& unit)
    {
        core::Person p = member(id, unit);
        p.unitId = record_.ensureUnitPath(unit);
        record_.addPerson(p);
        record_.addBadge("0A0B0C0" + id.substr(1), id, at("00:00"));
    }

    void tap(const std::string& reader, const std::string& personId, const std::string& clock)
    {
        core::TapRecord t;
        t.readerId = reader;
        t.seq = ++seq_;
        t.badgeUid = record_.badgesOf(personId).front().uid;
        t.at = at(clock);
        t.venueId = record_.findReader(reader)->venueId;
        t.receivedAt = t.at;
        ASSERT_EQ(record_.insertTap(t), core::InsertOutcome::Inserted);
    }

    std::map<std::string, std::string> expected()
    {
        const auto m = *record_.findMeeting("m1");
        const auto e = core::VenueAssignments(db_).expectedVenues(m, record_.roster("m1"));
        return {e.begin(), e.end()};
    }

    std::string refusal(const core::VenueAssignment& a)
    {
        try {
            core::VenueAssignments(db_).assign(a);
        } catch (const common::InputError& e) {
            return e.what();
        }
        return "(accepted)";
    }

    test::TempDir dir_;
    common::Database db_;
    core::Record record_;
    std::int64_t seq_ = 0;
};

} // namespace

TEST_F(VenueAssignmentsTest, unitsAndPersonsAreAssignedAndAWithdrawalFallsBackToTheUnit)
{
    core::VenueAssignments va(db_);
    va.assign(unitTo("伊宁县", "yining"));
    va.assign(unitTo("霍城县", "huocheng"));
    va.assign(personTo("p3", "hall")); // speaks at the main hall
    EXPECT_EQ(expected(), (std::map<std::string, std::string>{
                              {"p1", "hall"}, {"p2", "hall"}, {"p3", "hall"}, {"p4", "yining"}, {"p5", "huocheng"}}));
    va.assign({"m1", std::nullopt, "p3", std::nullopt, at("08:30"), "会务组"});
    EXPECT_EQ(expected().at("p3"), "yining");
    // The history keeps every row; only the latest per unit or person is in force.
    EXPECT_EQ(va.history("m1").size(), 4u);
    const auto inForce = va.inForce("m1");
    ASSERT_EQ(inForce.size(), 2u);
    EXPECT_EQ(inForce[0].unitPath, "伊宁县");
    EXPECT_EQ(inForce[1].unitPath, "霍城县");
}

TEST_F(VenueAssignmentsTest, badAssignmentsAreRefusedNamingTheInput)
{
    EXPECT_EQ(refusal({"m9", "伊宁县", std::nullopt, "yining", at("08:00"), "x"}), "meeting \"m9\" does not exist");
    EXPECT_EQ(refusal(unitTo("伊宁县", "nowhere")),
              "venue \"nowhere\" is not a venue of meeting \"m1\" (hall, huocheng, yining)");
    EXPECT_EQ(refusal(unitTo("塔城县", "yining")), "unit \"塔城县\" does not exist");
    EXPECT_EQ(refusal(personTo("p9", "yining")), "person \"p9\" does not exist");
    EXPECT_EQ(refusal({"m1", std::nullopt, "p1", std::nullopt, at("08:00"), "x"}),
              "person \"p1\" has no venue assignment at meeting \"m1\" to withdraw");
    EXPECT_EQ(core::VenueAssignments(db_).history("m1").size(), 0u) << "nothing refused is recorded";
}

TEST_F(VenueAssignmentsTest, aFinalizedMeetingsAssignmentsNoLongerChange)
{
    core::VenueAssignments(db_).assign(unitTo("伊宁县", "yining"));
    db_.exec("UPDATE meetings SET finalized_ms = 1 WHERE id = 'm1'");
    EXPECT_EQ(refusal(unitTo("霍城县", "huocheng")),
              "meeting \"m1\" is finalized: its venue assignments are part of its record");
}

TEST_F(VenueAssignmentsTest, rowsAreAppendOnlyAndNameAVenueOfTheirMeeting)
{
    core::VenueAssignments(db_).assign(unitTo("伊宁县", "yining"));
    EXPECT_THROW(db_.exec("UPDATE venue_assignments SET venue_id = 'hall'"), common::DatabaseError);
    EXPECT_THROW(db_.exec("DELETE FROM venue_assignments"), common::DatabaseError);
    record_.addVenue("elsewhere", "别处");
    EXPECT_THROW(db_.exec("INSERT INTO venue_assignments(meeting_id, person_id, venue_id, set_ms, set_by) "
                          "VALUES ('m1', 'p1', 'elsewhere', 0, 'x')"),
                 common::DatabaseError);
}

TEST_F(VenueAssignmentsTest, theEvaluationCountsPerVenueAndNamesACheckInAtAnotherVenue)
{
    core::VenueAssignments va(db_);
    va.assign(unitTo("伊宁县", "yining"));
    va.assign(unitTo("霍城县", "huocheng"));
    tap("hall-in", "p1", "08:50");   // at their venue
    tap("yining-in", "p2", "09:10"); // late, and at 伊宁县's branch venue instead of the main hall
    tap("yining-in", "p3", "08:55"); // at their venue
    std::vector<std::pair<std::string, std::optional<std::string>>> seen;
    const auto m = *record_.findMeeting("m1");
    (void)core::replayRecord(record_, {m}, at("09:30"), core::TapAssigner::kDefaultDebounce,
                             [&](const core::TapInput& in, const core::TapEvidence&, const core::TapResult& r) {
                                 seen.emplace_back(*in.personId, r.expectedVenue);
                             });
    EXPECT_EQ(seen, (std::vector<std::pair<std::string, std::optional<std::string>>>{
                        {"p1", std::nullopt}, {"p3", std::nullopt}, {"p2", "hall"}}));

    const auto r = core::MeetingEvaluator(record_).evaluate("m1", at("09:30"));
    const auto of = [&](const std::string& id) {
        return *std::find_if(r.attendees.begin(), r.attendees.end(), [&](const auto& a) { return a.person.id == id; });
    };
    EXPECT_EQ(of("p2").expectedVenue, "hall");
    EXPECT_EQ(of("p2").checkInVenue, "yining");
    EXPECT_EQ(of("p1").checkInVenue, "hall");
    EXPECT_EQ(of("p4").checkInVenue, "");
    ASSERT_EQ(r.summary.byVenue.size(), 3u);
    const auto tally = [&](const std::string& venue) {
        for (const auto& v : r.summary.byVenue)
            if (v.venueId == venue) return v.tally;
        ADD_FAILURE() << "no venue " << venue;
        return core::StatusTally{};
    };
    EXPECT_EQ(r.summary.byVenue[0].venueId, "hall") << "main venue first";
    EXPECT_EQ(tally("hall").expected, 2);
    EXPECT_EQ(tally("hall").present, 1);
    EXPECT_EQ(tally("hall").late, 1) << "p2 counts for the venue they were expected at";
    EXPECT_EQ(tally("yining").expected, 2);
    EXPECT_EQ(tally("yining").present, 1);
    EXPECT_EQ(tally("yining").overdue, 1);
    EXPECT_EQ(tally("huocheng").expected, 1);
    // The venues add up to the meeting.
    core::StatusTally sum;
    for (const auto& v : r.summary.byVenue) sum += v.tally;
    EXPECT_EQ(sum, static_cast<const core::StatusTally&>(r.summary));
}

TEST_F(VenueAssignmentsTest, aMeetingWithOneVenueHasNoVenueCounts)
{
    core::Meeting m = *record_.findMeeting("m1");
    m.id = "m2";
    m.venues = {"hall"};
    m.times.start = at("14:00");
    m.times.end = at("15:00");
    m.times.opening = at("13:00");
    record_.addMeeting(m, at("07:00"));
    record_.addInvite("m2", {std::string("州直机关"), std::nullopt});
    const auto r = core::MeetingEvaluator(record_).evaluate("m2", at("14:30"));
    EXPECT_TRUE(r.summary.byVenue.empty());
    for (const auto& a : r.attendees) EXPECT_EQ(a.expectedVenue, "");
}
