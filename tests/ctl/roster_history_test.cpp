// The record over time through rollcallctl (in-process, real SQLite file):
// a month of roster changes (joins, moves, leaves, badge replacements and
// reconciling imports)
// leaves last month's period report, notices and disclosure byte-identical
// apart from when they were made; a new hire is on no earlier meeting; a
// transferred person's old meetings stay with the old unit; a change that
// would alter a finalized meeting's roster is refused, naming it.
#include "common/database.h"
#include "hub/ctl/ctl_app.h"
#include "tests/ctl/ctl_harness.h"
#include "tests/ctl/document_text.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace rollcall;
using json = nlohmann::ordered_json;

namespace {

using test::atLocal;

using CtlRun = test::CtlResult;
using test::readFile;

/// Every file under `dir` by name, with the time it was made and the chain head it cites blanked out.
std::map<std::string, std::string> documents(const std::filesystem::path& dir, const std::vector<std::string>& madeAt)
{
    std::map<std::string, std::string> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        const auto text = test::withoutMadeAtOrChainHead(readFile(e.path()), madeAt);
        out[std::filesystem::relative(e.path(), dir).string()] = text;
    }
    return out;
}

class RosterHistoryTest : public ::testing::Test {
protected:
    CtlRun ctl(const std::vector<std::string>& args) { return test::runRollcallctl(db_, "办公室", args, clock_); }

    std::string ok(const std::vector<std::string>& args)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 0) << r;
        return r.out;
    }

    void refused(const std::vector<std::string>& args, const std::string& message)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 1) << r;
        EXPECT_NE(r.err.find(message), std::string::npos) << r;
        EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r;
    }

    std::int64_t scalar(const std::string& sql)
    {
        common::Database db(db_, common::Database::Mode::ReadOnly);
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    /// "person_id unit status" per attendee of a meeting.
    std::vector<std::string> sheet(const std::string& meeting)
    {
        const auto status = json::parse(ok({"status", "--meeting", meeting, "--json"}));
        std::vector<std::string> out;
        for (const auto& a : status.at("attendees")) {
            out.push_back(a.at("person_id").get<std::string>() + " " + a.at("unit").get<std::string>() + " "
                          + a.at("status").get<std::string>());
        }
        return out;
    }

    /// October 2026: persons since September, two finalized meetings with taps.
    void october()
    {
        clock_.set(atLocal("2026-10-01T08:00:00"));
        ok({"init"});
        ok({"venue", "add", "--id", "hall", "--name", "主会场"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"roster", "import", "--effective", "2026-09-01",
            dir_.write("roster.csv", "person_id,name,unit,badge_uid\n"
                                     "p1,张三,州直机关/州发改委,04A23BC1\n"
                                     "p2,李四,州直机关/州发改委,04A23BC2\n"
                                     "p3,王五,州直机关/州财政局,04A23BC3\n"
                                     "p4,赵六,县委办,04A23BC4\n")});
        ok({"meeting", "add", "--id", "O1", "--title", "十月第一次例会", "--venue", "hall", "--start",
            "2026-10-12 09:00", "--end", "2026-10-12 11:00", "--invite-unit", "州直机关"});
        ok({"meeting", "add", "--id", "O2", "--title", "十月第二次例会", "--venue", "hall", "--start",
            "2026-10-20 09:00", "--end", "2026-10-20 11:00", "--invite-unit", "州直机关", "--invite-person", "p4"});
        ok({"taps", "import",
            dir_.write("taps.csv", "reader_id,seq,badge_uid,time\n"
                                   "hall-in,1,04A23BC1,2026-10-12T08:50:00+08:00\n"
                                   "hall-in,2,04A23BC2,2026-10-12T09:20:00+08:00\n"
                                   "hall-in,3,04A23BC1,2026-10-20T08:40:00+08:00\n"
                                   "hall-in,4,04A23BC3,2026-10-20T08:45:00+08:00\n")});
        clock_.set(atLocal("2026-11-02T10:00:00"));
        ok({"meeting", "finalize", "--id", "O1"});
        ok({"meeting", "finalize", "--id", "O2"});
    }

    /// Last month's paper, written under `dir`.
    void octoberPaper(const std::filesystem::path& dir)
    {
        std::filesystem::create_directories(dir);
        ok({"report", "period", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "unit", "--output",
            (dir / "by_unit.csv").string()});
        ok({"report", "period", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "person", "--output",
            (dir / "by_person.csv").string()});
        ok({"report", "meeting", "O2", "--output", (dir / "O2.csv").string()});
        ok({"notices", "--period", "2026-10", "--output", (dir / "notices").string()});
        ok({"disclosure", "--month", "2026-10", "--output", (dir / "disclosure.csv").string()});
    }

    test::TempDir dir_;
    std::string db_ = dir_.file("rollcall.sqlite");
    common::FixedClock clock_{atLocal("2026-10-01T08:00:00")};
};

} // namespace

TEST_F(RosterHistoryTest, lastMonthsPaperIsTheSameAfterAMonthOfRosterChanges)
{
    october();
    clock_.set(atLocal("2026-11-02T11:00:00"));
    octoberPaper(dir_.path() / "before");

    // November: a new hire, a transfer, a retirement, a reconciling import.
    clock_.set(atLocal("2026-11-03T09:00:00"));
    ok({"person", "add", "--id", "p5", "--name", "钱七", "--unit", "州直机关/州发改委", "--badge", "04A23BC5"});
    clock_.set(atLocal("2026-11-05T09:00:00"));
    ok({"person", "move", "p2", "--to", "县委办", "--on", "2026-11-05"});
    ok({"person", "leave", "p3", "--on", "2026-11-10"});
    ok({"roster", "import", "--effective", "2026-11-12",
        dir_.write("more.csv", "person_id,name,unit,badge_uid\n"
                               "p6,孙八,州直机关/州财政局,04A23BC6\n")});
    ok({"meeting", "add", "--id", "N1", "--title", "十一月例会", "--venue", "hall", "--start", "2026-11-20 09:00",
        "--end", "2026-11-20 11:00", "--invite-unit", "州直机关", "--invite-person", "p3"});
    // Badge replacements: p1's card lost and replaced, p4's broken card revoked, and
    // p6's badge reissued by a reconciling import (the old one revoked as broken).
    clock_.set(atLocal("2026-11-13T09:00:00"));
    ok({"badge", "replace", "04A23BC1", "--by", "04A23BD1", "--reason", "lost", "--on", "2026-11-13"});
    ok({"badge", "revoke", "04A23BC4", "--reason", "broken", "--on", "2026-11-13"});
    ok({"roster", "import", "--effective", "2026-11-14",
        dir_.write("reissue.csv", "person_id,name,unit,badge_uid\n"
                                  "p6,孙八,州直机关/州财政局,04A23BD6\n")});
    // At the November meeting the lost card is tapped by someone, p1 comes with the new one.
    ok({"taps", "import",
        dir_.write("november.csv", "reader_id,seq,badge_uid,time\n"
                                   "hall-in,5,04A23BC1,2026-11-20T08:50:00+08:00\n"
                                   "hall-in,6,04A23BD1,2026-11-20T09:10:00+08:00\n"
                                   "hall-in,7,04A23BD6,2026-11-20T08:55:00+08:00\n")});

    clock_.set(atLocal("2026-11-25T16:30:00"));
    octoberPaper(dir_.path() / "after");
    const auto before = documents(dir_.path() / "before", {"2026-11-02 11:00:00", "2026年11月2日"});
    const auto after = documents(dir_.path() / "after", {"2026-11-25 16:30:00", "2026年11月25日"});
    ASSERT_EQ(before.size(), after.size());
    ASSERT_GE(before.size(), 6u); // three reports, the disclosure, index.csv and at least one notice
    for (const auto& [name, text] : before) {
        ASSERT_TRUE(after.count(name)) << name;
        EXPECT_EQ(after.at(name), text) << name;
    }
    // The November meeting has November's roster: the new hire and the
    // newcomer of the import, not the transferred or the retired.
    EXPECT_EQ(sheet("N1"), (std::vector<std::string>{"p1 州直机关/州发改委 late", "p5 州直机关/州发改委 absent",
                                                     "p6 州直机关/州财政局 present"}));
    // The lost card's tap is nobody's: one unknown badge at N1.
    EXPECT_EQ(json::parse(ok({"status", "--meeting", "N1", "--json"})).at("summary").at("unknown_badges"), 1);
}

TEST_F(RosterHistoryTest, aNewHireIsOnNoEarlierMeeting)
{
    october();
    ok({"person", "add", "--id", "p5", "--name", "钱七", "--unit", "州直机关/州发改委"});
    EXPECT_EQ(scalar("SELECT count(*) FROM memberships WHERE person_id = 'p5' AND from_ms = "
                     + std::to_string(common::toMillis(atLocal("2026-11-02T00:00:00")))),
              1); // joined today by default
    for (const auto& line : sheet("O1")) EXPECT_EQ(line.find("p5 "), std::string::npos) << line;
    for (const auto& line : sheet("O2")) EXPECT_EQ(line.find("p5 "), std::string::npos) << line;
}

TEST_F(RosterHistoryTest, aTransferredPersonsOldMeetingsStayWithTheOldUnit)
{
    october();
    ok({"person", "move", "p2", "--to", "县委办", "--on", "2026-11-05"});
    EXPECT_EQ(sheet("O1"), (std::vector<std::string>{"p1 州直机关/州发改委 present", "p2 州直机关/州发改委 late",
                                                     "p3 州直机关/州财政局 absent"}));
}

TEST_F(RosterHistoryTest, aChangeThatWouldAlterAFinalizedMeetingIsRefusedNamingIt)
{
    october();
    const auto persons = scalar("SELECT count(*) FROM persons");
    const auto memberships = scalar("SELECT count(*) FROM memberships");
    refused({"person", "move", "p2", "--to", "县委办", "--on", "2026-10-15"}, "meeting \"O2\"");
    refused({"person", "leave", "p3", "--on", "2026-10-01"}, "meeting \"O1\"");
    refused({"person", "add", "--id", "p5", "--name", "钱七", "--unit", "州直机关", "--joined", "2026-10-01"},
            "meeting \"O1\"");
    refused({"roster", "import", "--effective", "2026-10-13",
             dir_.write("late.csv", "person_id,name,unit,badge_uid\np7,周九,州直机关,\n")},
            "meeting \"O2\"");
    EXPECT_EQ(scalar("SELECT count(*) FROM persons"), persons);
    EXPECT_EQ(scalar("SELECT count(*) FROM memberships"), memberships);
    // A date after the finalized meetings is fine; so is a unit nobody invited.
    ok({"person", "move", "p4", "--to", "州直机关/州财政局", "--on", "2026-10-21"});
}

TEST_F(RosterHistoryTest, badPersonCommandsNameTheInputAndChangeNothing)
{
    october();
    refused({"person", "move", "nobody", "--to", "县委办", "--on", "2026-11-05"}, "person \"nobody\" does not exist");
    refused({"person", "move", "p1", "--to", "无此单位", "--on", "2026-11-05"},
            "--to: unit \"无此单位\" does not exist");
    refused({"person", "move", "p1", "--to", "县委办", "--on", "2026-11-31"},
            "--on: date \"2026-11-31\" does not exist");
    refused({"person", "move", "p4", "--to", "县委办", "--on", "2026-11-05"}, "already in 县委办");
    refused({"person", "add", "--id", "p1", "--name", "重复", "--unit", "县委办"}, "person_id \"p1\" already exists");
    refused({"person", "add", "--id", "p9", "--name", "坏卡", "--unit", "县委办", "--badge", "XYZ"},
            "--badge: \"XYZ\"");
    ok({"person", "leave", "p1", "--on", "2026-11-10"});
    refused({"person", "leave", "p1", "--on", "2026-11-12"}, "not in service");
    EXPECT_EQ(scalar("SELECT count(*) FROM persons"), 4);
    EXPECT_EQ(scalar("SELECT count(*) FROM memberships"), 4);
}
