// person list|show, unit list, reader list through rollcallctl on a real
// record: what the record held on a date, as text and as JSON.
#include "tests/ctl/ctl_harness.h"

using namespace rollcall;
using json = nlohmann::ordered_json;

namespace {

class ListCommandsTest : public test::CtlHarness {
protected:
    void SetUp() override
    {
        ok({"init"});
        ok({"venue", "add", "--id", "hall", "--name", "主会场"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"roster", "import", "--effective", "2026-11-01",
            write("roster.csv", "person_id,name,unit,badge_uid,title\n"
                                "p1,张三,州直机关/州发改委,04A23BC1,主任\np2,李四,州直机关/州财政局,04A23BC2,\n"
                                "p3,王五,县委办,,\n")});
        clock_.set(at("2026-11-05T08:00:00"));
        ok({"person", "move", "p2", "--to", "县委办", "--on", "2026-11-05"});
        ok({"person", "leave", "p3", "--on", "2026-11-05"});
        ok({"badge", "replace", "04A23BC1", "--by", "04A23BC9", "--reason", "lost", "--on", "2026-11-05"});
        ok({"meeting", "add", "--id", "M", "--title", "例会", "--venue", "hall", "--start", "2026-11-10 09:00", "--end",
            "2026-11-10 11:00", "--invite-unit", "州直机关"});
        ok({"meeting", "add", "--id", "E", "--title", "早会", "--venue", "hall", "--start", "2026-11-03 09:00", "--end",
            "2026-11-03 10:00", "--invite-unit", "州直机关"});
        ok({"leave", "add", "--meeting", "M", "--person", "p1", "--reason", "出差"});
        clock_.set(at("2026-11-12T08:00:00"));
    }

    static std::vector<std::string> field(const json& list, const std::string& name)
    {
        std::vector<std::string> out;
        for (const auto& e : list) out.push_back(e.at(name).get<std::string>());
        return out;
    }
};

} // namespace

TEST_F(ListCommandsTest, personListShowsWhoWasInServiceOnADateWithTheirUnitAndBadges)
{
    struct Row {
        const char* name;
        std::vector<std::string> args;
        std::vector<std::string> persons;
        std::vector<std::string> units;
    };
    const Row rows[] = {
        {"today", {}, {"p1", "p2"}, {"州直机关/州发改委", "县委办"}},
        {"beforeTheChanges",
         {"--at", "2026-11-02"},
         {"p1", "p2", "p3"},
         {"州直机关/州发改委", "州直机关/州财政局", "县委办"}},
        {"aUnitAndItsSubUnits",
         {"--unit", "州直机关", "--at", "2026-11-02"},
         {"p1", "p2"},
         {"州直机关/州发改委", "州直机关/州财政局"}},
        {"beforeAnyoneJoined", {"--at", "2026-10-01"}, {}, {}},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        std::vector<std::string> args{"person", "list", "--json"};
        args.insert(args.end(), r.args.begin(), r.args.end());
        const auto list = okJson(args);
        EXPECT_EQ(field(list, "person_id"), r.persons);
        EXPECT_EQ(field(list, "unit"), r.units);
    }
    const auto today = okJson({"person", "list", "--json"});
    EXPECT_EQ(today.at(0).at("badges"), json::array({"04A23BC9"}));
    EXPECT_EQ(today.at(0).at("title"), "主任");
    const auto before = okJson({"person", "list", "--json", "--at", "2026-11-02"});
    EXPECT_EQ(before.at(0).at("badges"), json::array({"04A23BC1"}));
    const auto text = ok({"person", "list"});
    EXPECT_NE(text.find("2 person(s) in service on 2026-11-12"), std::string::npos) << text;
    refused({"person", "list", "--unit", "无此单位"}, "--unit: unit \"无此单位\" does not exist");
    refused({"person", "list", "--at", "2026-02-30"}, "--at:");
}

TEST_F(ListCommandsTest, personShowGivesUnitsBadgesMeetingsAndAmendmentsOverTime)
{
    const auto p1 = okJson({"person", "show", "p1", "--json"});
    EXPECT_EQ(p1.at("name"), "张三");
    ASSERT_EQ(p1.at("units").size(), 1u);
    ASSERT_EQ(p1.at("badges").size(), 2u);
    EXPECT_EQ(p1.at("badges").at(0).at("uid"), "04A23BC1");
    EXPECT_EQ(p1.at("badges").at(0).at("revoke_reason"), "lost");
    EXPECT_EQ(p1.at("badges").at(0).at("revoked"), "2026-11-05T00:00:00+08:00");
    EXPECT_TRUE(p1.at("badges").at(1).at("revoked").is_null());
    EXPECT_EQ(field(p1.at("meetings"), "meeting"), (std::vector<std::string>{"E", "M"}));
    EXPECT_EQ(field(p1.at("meetings"), "status"), (std::vector<std::string>{"absent", "excused"}));
    ASSERT_EQ(p1.at("amendments").size(), 1u);
    EXPECT_EQ(p1.at("amendments").at(0).at("kind"), "leave");

    const auto p2 = okJson({"person", "show", "p2", "--json"});
    EXPECT_EQ(field(p2.at("units"), "unit"), (std::vector<std::string>{"州直机关/州财政局", "县委办"}));
    EXPECT_EQ(field(p2.at("meetings"), "meeting"), (std::vector<std::string>{"E"})); // moved out before M
    EXPECT_EQ(p2.at("meetings").at(0).at("unit"), "州直机关/州财政局");

    const auto text = ok({"person", "show", "p1"});
    EXPECT_NE(text.find("04A23BC1  2026-11-01 – 2026-11-05  (lost)"), std::string::npos) << text;
    refused({"person", "show", "nobody"}, "person \"nobody\" does not exist");
}

TEST_F(ListCommandsTest, unitAndReaderListsShowTheRecord)
{
    const auto units = okJson({"unit", "list", "--json"});
    EXPECT_EQ(field(units, "unit"),
              (std::vector<std::string>{"县委办", "州直机关", "州直机关/州发改委", "州直机关/州财政局"}));
    EXPECT_EQ(units.at(0).at("members"), 1); // p2 moved in, p3 left
    const auto readers = okJson({"reader", "list", "--json"});
    ASSERT_EQ(readers.size(), 1u);
    EXPECT_EQ(readers.at(0).at("reader_id"), "hall-in");
    EXPECT_EQ(readers.at(0).at("venue_name"), "主会场");
    EXPECT_TRUE(readers.at(0).at("last_seen").is_null());
    EXPECT_NE(ok({"reader", "list"}).find("hall-in  hall  in  last seen never"), std::string::npos);
}
