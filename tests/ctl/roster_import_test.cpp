// roster import as a reconciliation (docs/semantics.md §10) through
// rollcallctl on a real record: joins, moves, reissued badges, leaves with
// --missing leave, a dry run that prints the diff and changes nothing, and
// FILE:LINE errors that change nothing.
#include "tests/ctl/ctl_harness.h"

using namespace rollcall;

namespace {

class RosterImportTest : public test::CtlHarness {
protected:
    void SetUp() override
    {
        ok({"init"});
        ok({"roster", "import", "--effective", "2026-11-01",
            write("roster.csv", "person_id,name,unit,badge_uid\n"
                                "p1,张三,州直机关/州发改委,04A23BC1\n"
                                "p2,李四,州直机关/州财政局,04A23BC2\n"
                                "p3,王五,县委办,04A23BC3\n")});
        clock_.set(at("2026-11-10T08:00:00"));
    }

    /// p1 unchanged, p2 moved, p3 missing, p4 new, p1's badge replaced.
    std::string changed()
    {
        return write("changed.csv", "person_id,name,unit,badge_uid\n"
                                    "p1,张三,州直机关/州发改委,04A23BC9\n"
                                    "p2,李四,县委办,04A23BC2\n"
                                    "p4,赵六,县委办,04A23BC4\n");
    }
};

} // namespace

TEST_F(RosterImportTest, aDryRunPrintsTheDiffAndChangesNothing)
{
    const auto before = rows();
    const auto out =
        ok({"roster", "import", "--effective", "2026-11-10", "--missing", "leave", "--dry-run", changed()});
    EXPECT_EQ(out, "move p2 李四 州直机关/州财政局 → 县委办\n"
                   "join p4 赵六 → 县委办 (badge 04A23BC4)\n"
                   "badge 04A23BC1 of p1 revoked (broken)\n"
                   "badge 04A23BC9 issued to p1\n"
                   "leave p3 王五\n"
                   "dry run: 1 join(s), 1 move(s), 1 leave(s), 2 badge(s) issued, 1 revoked, effective 2026-11-10; "
                   "nothing was changed\n");
    EXPECT_EQ(rows(), before);
}

TEST_F(RosterImportTest, joinsMovesBadgeChangesAndLeavesDateFromTheEffectiveDay)
{
    const auto out = ok(
        {"roster", "import", "--effective", "2026-11-10", "--missing", "leave", "--badge-reason", "lost", changed()});
    EXPECT_NE(out.find("imported 1 person(s), 2 badge(s)"), std::string::npos) << out;
    EXPECT_NE(out.find("1 move(s), 1 leave(s), 1 badge(s) revoked"), std::string::npos) << out;
    const auto list = okJson({"person", "list", "--json", "--at", "2026-11-10"});
    std::vector<std::string> who;
    for (const auto& p : list)
        who.push_back(p.at("person_id").get<std::string>() + " " + p.at("unit").get<std::string>());
    EXPECT_EQ(who, (std::vector<std::string>{"p1 州直机关/州发改委", "p2 县委办", "p4 县委办"}));
    const auto earlier = okJson({"person", "list", "--json", "--at", "2026-11-09"});
    EXPECT_EQ(earlier.size(), 3u); // p1, p2 (still 州财政局), p3
    EXPECT_EQ(earlier.at(1).at("unit"), "州直机关/州财政局");
    EXPECT_EQ(scalar("SELECT count(*) FROM badges WHERE uid = '04A23BC1' AND revoke_reason = 'lost'"), 1);
}

TEST_F(RosterImportTest, missingPersonsAreLeftAloneByDefaultAndAnImportAgainChangesNothing)
{
    ok({"roster", "import", "--effective", "2026-11-10", changed()});
    EXPECT_EQ(scalar("SELECT count(*) FROM memberships WHERE person_id = 'p3' AND to_ms IS NULL"), 1);
    const auto before = rows();
    clock_.set(at("2026-11-12T08:00:00"));
    const auto out = ok({"roster", "import", changed()});
    EXPECT_NE(out.find("imported 0 person(s), 0 badge(s)"), std::string::npos) << out;
    EXPECT_EQ(rows(), before);
}

TEST_F(RosterImportTest, badRowsNameFileAndLineAndChangeNothing)
{
    ok({"person", "leave", "p3", "--on", "2026-11-05"});
    struct Row {
        const char* name;
        const char* csv;
        const char* message;
    };
    const Row rows[] = {
        {"samePersonTwice", "p1,张三,州直机关/州发改委,\np1,张三,县委办,\n",
         "bad.csv:3: field person_id: person_id \"p1\" already exists in this file (line 2)"},
        {"aPersonWhoLeft", "p3,王五,县委办,\n", "bad.csv:2: field person_id: person \"p3\" has left"},
        {"aMoveNotAfterJoining", "p2,李四,县委办,\n", "bad.csv:2: field unit: move of person \"p2\""},
        {"aBadgeHeldByAnother", "p1,张三,州直机关/州发改委,04A23BC1;04A23BC2\n",
         "bad.csv:2: field badge_uid: badge 04A23BC2 is already held by person p2"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        refused({"roster", "import", "--effective", "2026-11-01",
                 write("bad.csv", std::string("person_id,name,unit,badge_uid\n") + r.csv)},
                r.message);
    }
}

TEST_F(RosterImportTest, unitOrderAndOfficialNameColumnsAreRecordedOncePerUnit)
{
    const auto file = write("units.csv", "person_id,name,unit,badge_uid,unit_order,unit_official_name\n"
                                         "p1,张三,州直机关/州发改委,,2,某州发展和改革委员会\n"
                                         "p2,李四,州直机关/州财政局,,1,\n"
                                         "p3,王五,县委办,,,\n");
    const auto before = rows();
    EXPECT_EQ(ok({"roster", "import", "--effective", "2026-11-10", "--dry-run", file}),
              "unit 州直机关/州发改委 order 2 official name 某州发展和改革委员会\n"
              "unit 州直机关/州财政局 order 1\n"
              "dry run: 0 join(s), 0 move(s), 0 leave(s), 0 badge(s) issued, 0 revoked, effective 2026-11-10; "
              "nothing was changed\n");
    EXPECT_EQ(rows(), before);
    ok({"roster", "import", "--effective", "2026-11-10", file});
    EXPECT_EQ(scalar("SELECT official_order FROM units WHERE path = '州直机关/州发改委'"), 2);
    EXPECT_EQ(
        scalar(
            "SELECT count(*) FROM units WHERE path = '州直机关/州发改委' AND official_name = '某州发展和改革委员会'"),
        1);
    EXPECT_EQ(scalar("SELECT official_order FROM units WHERE path = '州直机关/州财政局'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM units WHERE path = '县委办' AND official_order IS NULL"), 1);
    // Units above the rows' units: `unit set`.
    ok({"unit", "set", "州直机关", "--order", "1", "--official-name", "州直属机关"});
    EXPECT_EQ(scalar("SELECT official_order FROM units WHERE path = '州直机关'"), 1);
    refused({"unit", "set", "州直机关/州教育局", "--order", "3"}, "unit \"州直机关/州教育局\" does not exist");
    refused({"unit", "set", "州直机关", "--order", "-1"}, "--order: -1 is not a whole number from 0 to 999999");
}

TEST_F(RosterImportTest, disagreeingOrBadUnitColumnsNameTheLineAndChangeNothing)
{
    const struct {
        const char* name;
        const char* csv;
        const char* message;
    } rows[] = {
        {"twoOrders", "p1,张三,州直机关/州发改委,,2,\np4,赵六,州直机关/州发改委,,3,\n",
         "bad.csv:3: field unit_order: unit 州直机关/州发改委 has order 2 on line 2"},
        {"twoNames", "p1,张三,州直机关/州发改委,,,甲\np4,赵六,州直机关/州发改委,,,乙\n",
         "bad.csv:3: field unit_official_name: unit 州直机关/州发改委 is named \"甲\" on line 2"},
        {"notANumber", "p1,张三,州直机关/州发改委,,二,\n",
         "bad.csv:2: field unit_order: \"二\" is not a whole number from 0 to 999999"},
        {"negative", "p1,张三,州直机关/州发改委,,-1,\n",
         "bad.csv:2: field unit_order: \"-1\" is not a whole number from 0 to 999999"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        refused(
            {"roster", "import", "--effective", "2026-11-10",
             write("bad.csv", std::string("person_id,name,unit,badge_uid,unit_order,unit_official_name\n") + r.csv)},
            r.message);
        EXPECT_EQ(scalar("SELECT count(*) FROM units WHERE official_order IS NOT NULL OR official_name IS NOT NULL"),
                  0);
    }
}
