// walkin add and amendment list through rollcallctl on a real record
// (docs/semantics.md §7, §8): a walk-in registered at the door for a unit is
// a manual check-in of someone not on the roster with the unit attached; it
// shows in status and on the sheet, changes no figure, is undone by
// `amendment revoke`, and every bad input is refused by name, changing nothing.
#include "tests/ctl/ctl_harness.h"

#include <fstream>

using namespace rollcall;

namespace {

class WalkInCommandsTest : public test::CtlHarness {
protected:
    /// p1, p2 in 州直机关 (invited), s1..s3 in 县委办 (not); meeting M 2026-11-10 09:00–11:00.
    void SetUp() override
    {
        seedHall("person_id,name,unit,badge_uid\n"
                 "p1,张三,州直机关,04A23BC1\np2,李四,州直机关,04A23BC2\n"
                 "s1,赵六,县委办,04A23BC6\ns2,吴敏,县委办,\ns3,孙悦,县委办,\n");
        ok({"meeting", "add", "--id", "M", "--title", "例会", "--venue", "hall", "--start", "2026-11-10 09:00", "--end",
            "2026-11-10 11:00", "--invite-unit", "州直机关"});
        clock_.set(at("2026-11-10T09:10:00"));
    }

    std::vector<std::string> walkIn(const std::string& person, const std::string& unit)
    {
        return {"walkin", "add", "--meeting", "M", "--person", person, "--unit", unit, "--reason", "代表单位列席"};
    }
};

} // namespace

TEST_F(WalkInCommandsTest, aWalkInRegisteredForAUnitShowsInStatusAndOnTheSheetAndChangesNoFigure)
{
    const auto before = okJson({"status", "--meeting", "M", "--json"}).at("summary");
    const auto out = ok(walkIn("s1", "州直机关"));
    EXPECT_NE(out.find("walk-in 赵六 (s1, 县委办) registered at meeting M for unit 州直机关, checked in at "
                       "2026-11-10 09:10:00 (amendment 1)"),
              std::string::npos)
        << out;

    const auto status = okJson({"status", "--meeting", "M", "--json"});
    ASSERT_EQ(status.at("walk_ins").size(), 1U);
    EXPECT_EQ(status.at("walk_ins")[0].at("person_id"), "s1");
    EXPECT_EQ(status.at("walk_ins")[0].at("for_unit"), "州直机关");
    auto after = status.at("summary");
    EXPECT_EQ(after.at("walk_ins"), 1);
    after["walk_ins"] = before.at("walk_ins");
    EXPECT_EQ(after, before) << "a walk-in is nobody's attendance: every other figure stays";

    const auto path = dir_.file("M.csv");
    ok({"report", "meeting", "M", "--output", path});
    std::ifstream in(path);
    const std::string sheet(std::istreambuf_iterator<char>(in), {});
    EXPECT_NE(sheet.find("县委办（代表州直机关）"), std::string::npos) << sheet;
}

TEST_F(WalkInCommandsTest, revokingTheAmendmentWithdrawsTheWalkInAndTheListShowsBothWithTheirAuthors)
{
    ok(walkIn("s1", "县委办"));
    ok({"amendment", "revoke", "1", "--reason", "录入错误"});
    EXPECT_TRUE(okJson({"status", "--meeting", "M", "--json"}).at("walk_ins").empty());

    const auto list = okJson({"amendment", "list", "--meeting", "M", "--json"});
    ASSERT_EQ(list.size(), 2U) << list.dump(2);
    EXPECT_EQ(list[0].at("kind"), "manual_tap");
    EXPECT_EQ(list[0].at("for_unit"), "县委办");
    EXPECT_EQ(list[0].at("author"), "会务组");
    EXPECT_EQ(list[0].at("revoked_by"), 2);
    EXPECT_EQ(list[1].at("kind"), "revoke");
    EXPECT_EQ(list[1].at("ref_id"), 1);
    // Revoked, the person may be registered again, for another unit.
    ok(walkIn("s1", "州直机关"));
}

TEST_F(WalkInCommandsTest, badWalkInsAreRefusedByNameAndChangeNothing)
{
    ok({"substitute", "add", "--meeting", "M", "--person", "p2", "--by", "s2"});
    ok(walkIn("s1", "县委办"));
    struct Row {
        const char* name;
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {"no meeting",
         {"walkin", "add", "--meeting", "X", "--person", "s1", "--unit", "县委办", "--reason", "列席"},
         "--meeting: meeting \"X\" does not exist"},
        {"no person",
         {"walkin", "add", "--meeting", "M", "--person", "zz", "--unit", "县委办", "--reason", "列席"},
         "--person: person \"zz\" does not exist"},
        {"no unit",
         {"walkin", "add", "--meeting", "M", "--person", "s1", "--unit", "县政府", "--reason", "列席"},
         "--unit: unit \"县政府\" does not exist"},
        {"on the roster", walkIn("p1", "县委办"), "张三 (p1, 州直机关) is on the roster of meeting \"M\""},
        {"a substitute", walkIn("s2", "县委办"), "\"s2\" is the approved substitute of \"p2\" at meeting \"M\""},
        {"twice", walkIn("s1", "州直机关"),
         "\"s1\" is already registered at meeting \"M\" for unit 县委办 (amendment #2)"},
        {"outside the window",
         {"walkin", "add", "--meeting", "M", "--person", "s3", "--unit", "县委办", "--at", "2026-11-10 12:00",
          "--reason", "列席"},
         "--at: 2026-11-10 12:00:00 is outside the window of meeting \"M\""},
        {"no reason",
         {"walkin", "add", "--meeting", "M", "--person", "s3", "--unit", "县委办", "--reason", " "},
         "--reason must not be empty"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        refused(r.args, r.message);
    }
}
