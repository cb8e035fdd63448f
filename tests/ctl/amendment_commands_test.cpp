// amendment revoke, and the checks on leave, substitute and checkin, through
// rollcallctl on a real record (docs/semantics.md §8, §12): a revoked
// amendment restores the earlier status and the sheet shows both; a manual
// tap outside its meeting's window, or the same leave or substitute twice, is
// refused with a clear message and changes nothing.
#include "tests/ctl/ctl_harness.h"

#include <fstream>

using namespace rollcall;

namespace {

class AmendmentCommandsTest : public test::CtlHarness {
protected:
    /// p1..p3 in 州直机关, s1 elsewhere; meeting M 2026-11-10 09:00–11:00; p1 on time.
    void SetUp() override
    {
        seedHall("person_id,name,unit,badge_uid\n"
                 "p1,张三,州直机关,04A23BC1\np2,李四,州直机关,04A23BC2\np3,王五,州直机关,\n"
                 "s1,赵六,县委办,04A23BC6\n");
        ok({"meeting", "add", "--id", "M", "--title", "例会", "--venue", "hall", "--start", "2026-11-10 09:00", "--end",
            "2026-11-10 11:00", "--invite-unit", "州直机关"});
        ok({"taps", "import",
            write("taps.csv", "reader_id,seq,badge_uid,time\n"
                              "hall-in,1,04A23BC1,2026-11-10T08:50:00+08:00\n")});
        clock_.set(at("2026-11-10T12:00:00"));
    }

    std::string statusOf(const std::string& person)
    {
        const auto status = okJson({"status", "--meeting", "M", "--json"});
        for (const auto& a : status.at("attendees")) {
            if (a.at("person_id") == person) return a.at("status").get<std::string>();
        }
        return "not on the roster";
    }

    std::string sheet()
    {
        const auto path = dir_.file("M.csv");
        ok({"report", "meeting", "M", "--output", path});
        std::ifstream in(path);
        return std::string(std::istreambuf_iterator<char>(in), {});
    }
};

} // namespace

TEST_F(AmendmentCommandsTest, aRevokedAmendmentRestoresTheEarlierStatusAndTheSheetShowsBoth)
{
    struct Row {
        const char* name;
        std::vector<std::string> amend;
        const char* person;
        const char* amended;
        const char* restored;
    };
    const Row rows[] = {
        {"leave", {"leave", "add", "--meeting", "M", "--person", "p2", "--reason", "出差"}, "p2", "excused", "absent"},
        {"override",
         {"override", "--meeting", "M", "--person", "p1", "--status", "absent", "--reason", "代刷卡"},
         "p1",
         "absent",
         "present"},
        {"checkin",
         {"checkin", "--meeting", "M", "--person", "p3", "--at", "2026-11-10 09:30", "--direction", "in", "--reason",
          "忘带卡"},
         "p3",
         "late",
         "absent"},
        {"substitute",
         {"substitute", "add", "--meeting", "M", "--person", "p2", "--by", "s1"},
         "p2",
         "absent",
         "absent"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        ok(r.amend);
        EXPECT_EQ(statusOf(r.person), r.amended);
        const auto id = scalar("SELECT max(id) FROM amendments");
        const auto out = ok({"amendment", "revoke", std::to_string(id), "--reason", "录入错误"});
        EXPECT_NE(out.find("revoked by amendment #" + std::to_string(id + 1)), std::string::npos) << out;
        EXPECT_EQ(statusOf(r.person), r.restored);
        const auto paper = sheet();
        EXPECT_NE(paper.find("#" + std::to_string(id) + " "), std::string::npos) << paper;
        EXPECT_NE(paper.find("#" + std::to_string(id + 1) + " 撤销 #" + std::to_string(id)), std::string::npos)
            << paper;
    }
    EXPECT_EQ(scalar("SELECT count(*) FROM amendments WHERE kind = 'revoke'"), 4);
}

TEST_F(AmendmentCommandsTest, aManualTapOutsideItsMeetingsWindowIsRefusedNamingTheWindow)
{
    refused({"checkin", "--meeting", "M", "--person", "p3", "--at", "2026-11-11 09:30", "--direction", "in", "--reason",
             "补签"},
            "--at: 2026-11-11 09:30:00 is outside the window of meeting \"M\" (例会), 2026-11-10 08:00:00 – "
            "2026-11-10 11:30:00");
    refused({"checkin", "--meeting", "M", "--person", "p3", "--at", "2026-11-10 07:59", "--direction", "in", "--reason",
             "补签"},
            "outside the window of meeting \"M\"");
    ok({"checkin", "--meeting", "M", "--person", "p3", "--at", "2026-11-10 11:30", "--direction", "out", "--reason",
        "补签"}); // the window's last moment
}

TEST_F(AmendmentCommandsTest, theSameLeaveOrSubstituteTwiceIsRefused)
{
    ok({"leave", "add", "--meeting", "M", "--person", "p2", "--reason", "出差"});
    refused({"leave", "add", "--meeting", "M", "--person", "p2", "--reason", "出差"},
            "person \"p2\" already has leave for meeting \"M\" (amendment #1)");
    ok({"substitute", "add", "--meeting", "M", "--person", "p3", "--by", "s1"});
    refused({"substitute", "add", "--meeting", "M", "--person", "p3", "--by", "s1"},
            "\"s1\" is already the substitute of \"p3\" at meeting \"M\" (amendment #2)");
    ok({"substitute", "add", "--meeting", "M", "--person", "p3", "--by",
        "p1"}); // another substitute: the latest applies
    // Once revoked, leave may be recorded again.
    ok({"amendment", "revoke", "1", "--reason", "录入错误"});
    ok({"leave", "add", "--meeting", "M", "--person", "p2", "--reason", "病假"});
}

TEST_F(AmendmentCommandsTest, badRevocationsNameTheAmendmentAndChangeNothing)
{
    ok({"leave", "add", "--meeting", "M", "--person", "p2", "--reason", "出差"});
    refused({"amendment", "revoke", "1", "--reason", " "}, "--reason must not be empty");
    ok({"amendment", "revoke", "1", "--reason", "录入错误"});
    refused({"amendment", "revoke", "9", "--reason", "x"}, "amendment #9 does not exist");
    refused({"amendment", "revoke", "abc", "--reason", "x"}, "amendment id \"abc\" is not a positive whole number");
    refused({"amendment", "revoke", "1", "--reason", "x"}, "amendment #1 was already revoked by amendment #2");
    refused({"amendment", "revoke", "2", "--reason", "x"}, "amendment #2 is itself a revocation");
}
