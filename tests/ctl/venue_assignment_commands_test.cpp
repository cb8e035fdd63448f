// meeting assign-venue and meeting venues through rollcallctl on a real
// record: units and persons assigned to a plenary's branch venues (one on the
// command line or a file, all or nothing), withdrawals, the counts per venue,
// and bad input refused naming it (FILE:LINE for a file), changing nothing.
#include "tests/ctl/ctl_harness.h"

using namespace rollcall;

namespace {

class VenueAssignmentCommandsTest : public test::CtlHarness {
protected:
    /// p1, p2 in 州直机关; p3 in 伊宁县/县政府办, p4 in 伊宁县; p5 in 霍城县.
    /// M: a plenary at hall (main), yining and huocheng; S: a meeting at hall alone.
    void SetUp() override
    {
        ok({"init"});
        ok({"venue", "add", "--id", "hall", "--name", "州会议中心"});
        ok({"venue", "add", "--id", "yining", "--name", "伊宁县分会场"});
        ok({"venue", "add", "--id", "huocheng", "--name", "霍城县分会场"});
        ok({"roster", "import", "--effective", "2026-11-01",
            write("roster.csv", "person_id,name,unit,badge_uid\n"
                                "p1,张三,州直机关,\np2,李四,州直机关,\np3,王五,伊宁县/县政府办,\n"
                                "p4,赵六,伊宁县,\np5,钱七,霍城县,\n")});
        ok({"meeting",       "add",
            "--id",          "M",
            "--title",       "全州三级干部大会",
            "--venue",       "hall",
            "--venue",       "yining",
            "--venue",       "huocheng",
            "--start",       "2026-11-10 09:00",
            "--end",         "2026-11-10 11:00",
            "--invite-unit", "州直机关",
            "--invite-unit", "伊宁县",
            "--invite-unit", "霍城县"});
        ok({"meeting", "add", "--id", "S", "--title", "例会", "--venue", "hall", "--start", "2026-11-11 09:00", "--end",
            "2026-11-11 11:00", "--invite-unit", "州直机关"});
    }

    std::map<std::string, int> expectedPerVenue()
    {
        std::map<std::string, int> out;
        const auto json = okJson({"meeting", "venues", "M", "--json"});
        for (const auto& v : json.at("venues")) out[v.at("id").get<std::string>()] = v.at("expected").get<int>();
        return out;
    }

    std::int64_t assignmentRows() { return scalar("SELECT count(*) FROM venue_assignments"); }

    void refusedWithNoAssignment(const std::vector<std::string>& args, const std::string& message)
    {
        const auto before = assignmentRows();
        refused(args, message);
        EXPECT_EQ(assignmentRows(), before);
    }
};

} // namespace

TEST_F(VenueAssignmentCommandsTest, unitsAndPersonsAreAssignedAndCountedPerVenue)
{
    EXPECT_EQ(expectedPerVenue(), (std::map<std::string, int>{{"hall", 5}, {"yining", 0}, {"huocheng", 0}}))
        << "nobody assigned: everyone at the main venue";
    const auto out = ok({"meeting", "assign-venue", "M", "--unit", "伊宁县", "--venue", "yining"});
    EXPECT_NE(out.find("M: unit 伊宁县 → yining (伊宁县分会场)"), std::string::npos) << out;
    EXPECT_NE(out.find("expected: hall (州会议中心) 3 huocheng (霍城县分会场) 0 yining (伊宁县分会场) 2"),
              std::string::npos)
        << out;
    ok({"meeting", "assign-venue", "M", "--unit", "霍城县", "--venue", "huocheng"});
    ok({"meeting", "assign-venue", "M", "--person", "p3", "--venue", "hall"});
    EXPECT_EQ(expectedPerVenue(), (std::map<std::string, int>{{"hall", 3}, {"yining", 1}, {"huocheng", 1}}));
    ok({"meeting", "assign-venue", "M", "--person", "p3", "--withdraw"});
    EXPECT_EQ(expectedPerVenue().at("yining"), 2) << "p3 follows 伊宁县 again";
    const auto text = ok({"meeting", "venues", "M"});
    EXPECT_NE(text.find("branch venue yining (伊宁县分会场): 2 expected"), std::string::npos) << text;
    EXPECT_NE(text.find("unit 霍城县 → huocheng (霍城县分会场)"), std::string::npos) << text;
    EXPECT_EQ(assignmentRows(), 4) << "the history keeps every row";
}

TEST_F(VenueAssignmentCommandsTest, aFileAssignsAllOrNothingAndNamesTheLineOfABadRow)
{
    const auto good = write("venues.csv", "unit,person_id,venue\n伊宁县,,yining\n霍城县,,huocheng\n,p4,hall\n");
    ok({"meeting", "assign-venue", "M", "--file", good});
    EXPECT_EQ(expectedPerVenue(), (std::map<std::string, int>{{"hall", 3}, {"yining", 1}, {"huocheng", 1}}));
    const auto bad = write("bad.csv", "unit,venue\n伊宁县,huocheng\n塔城县,yining\n");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--file", bad},
                            bad + ":3: unit \"塔城县\" does not exist");
    EXPECT_EQ(expectedPerVenue().at("yining"), 1) << "the good row before it was not kept either";
    const auto badId = write("bad-id.csv", "person_id,venue\np1,分会场\n");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--file", badId}, badId + ":2: field venue: must be");
    const auto both = write("both.csv", "unit,person_id,venue\n伊宁县,p3,yining\n");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--file", both},
                            both + ":2: give either unit or person_id");
}

TEST_F(VenueAssignmentCommandsTest, badAssignmentsAreRefusedNamingTheInput)
{
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--unit", "伊宁县", "--venue", "nowhere"},
                            "venue \"nowhere\" is not a venue of meeting \"M\" (hall, huocheng, yining)");
    refusedWithNoAssignment({"meeting", "assign-venue", "S", "--unit", "州直机关", "--venue", "yining"},
                            "venue \"yining\" is not a venue of meeting \"S\" (hall)");
    refusedWithNoAssignment({"meeting", "assign-venue", "X", "--unit", "伊宁县", "--venue", "yining"},
                            "meeting \"X\" does not exist");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--person", "p9", "--venue", "yining"},
                            "person \"p9\" does not exist");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--person", "p1", "--withdraw"},
                            "person \"p1\" has no venue assignment at meeting \"M\" to withdraw");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--unit", "伊宁县"}, "give either --venue or --withdraw");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--venue", "yining"}, "give either --unit or --person");
    refusedWithNoAssignment({"meeting", "assign-venue", "M", "--person", "p 1", "--venue", "yining"}, "--person");
}
