// Meetings as an office schedules them, through rollcallctl (in-process, real
// SQLite file): a finalized meeting cannot be changed by a new or moved
// overlapping meeting and its sheet stays byte-identical; unit delegations
// with quota 2 give met / met late / short / excused / absent; recurring
// meetings and a schedule import create the right occurrences; cancel and
// move are amendments shown on the sheet; groups and leave over a range.
#include "common/database.h"
#include "hub/ctl/ctl_app.h"
#include "tests/ctl/ctl_harness.h"
#include "tests/ctl/document_text.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_day.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace rollcall;
using json = nlohmann::ordered_json;

namespace {

using test::atLocal;

using CtlRun = test::CtlResult;
using test::readFile;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

/// The text with the times it was made at and the chain head it cites blanked out.
std::string withoutMadeAt(const std::string& text, const std::vector<std::string>& stamps)
{
    return test::withoutMadeAtOrChainHead(text, stamps);
}

class MeetingScheduleTest : public ::testing::Test {
protected:
    CtlRun ctl(const std::vector<std::string>& args) { return test::runRollcallctl(db_, "会务组", args, clock_); }

    CtlRun ok(const std::vector<std::string>& args)
    {
        auto r = ctl(args);
        EXPECT_EQ(r.code, 0) << r;
        return r;
    }

    void refused(const std::vector<std::string>& args, const std::string& message)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 1) << r;
        EXPECT_TRUE(contains(r.err, message)) << r;
        EXPECT_TRUE(contains(r.err, "nothing was changed")) << r;
    }

    std::int64_t scalar(const std::string& sql)
    {
        common::Database db(db_, common::Database::Mode::ReadOnly);
        auto s = db.prepare(sql);
        EXPECT_TRUE(s.step()) << sql;
        return s.getInt(0);
    }

    json status(const std::string& meeting) { return json::parse(ok({"status", "--meeting", meeting, "--json"}).out); }

    /// "person_id status" per attendee.
    std::vector<std::string> statuses(const std::string& meeting)
    {
        std::vector<std::string> out;
        const auto s = status(meeting);
        for (const auto& a : s.at("attendees"))
            out.push_back(a.at("person_id").get<std::string>() + " " + a.at("status").get<std::string>());
        return out;
    }

    /// A hall with one reader and seven persons in three units (since September).
    void office()
    {
        clock_.set(atLocal("2026-10-01T08:00:00"));
        ok({"init"});
        ok({"venue", "add", "--id", "hall", "--name", "主会场"});
        ok({"venue", "add", "--id", "room2", "--name", "二号会议室"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"roster", "import", "--effective", "2026-09-01",
            dir_.write("roster.csv", "person_id,name,unit,badge_uid\n"
                                     "p1,张三,州发改委,04A23BC1\n"
                                     "p2,李四,州发改委,04A23BC2\n"
                                     "p3,王五,州发改委/办公室,04A23BC3\n"
                                     "p4,赵六,州财政局,04A23BC4\n"
                                     "p5,钱七,州财政局,04A23BC5\n"
                                     "p6,孙八,州教育局,04A23BC6\n"
                                     "p7,周九,州卫健委,04A23BC7\n")});
    }

    void taps(const std::string& name, const std::string& rows)
    {
        ok({"taps", "import", dir_.write(name, "reader_id,seq,badge_uid,time\n" + rows)});
    }

    test::TempDir dir_;
    std::string db_ = dir_.file("rollcall.sqlite");
    common::FixedClock clock_{atLocal("2026-10-01T08:00:00")};
};

} // namespace

TEST_F(MeetingScheduleTest, aFinalizedMeetingCannotBeChangedByANewOverlappingMeeting)
{
    office();
    ok({"meeting", "add", "--id", "O1", "--title", "十月例会", "--venue", "hall", "--start", "2026-10-12 09:00",
        "--end", "2026-10-12 11:00", "--invite-unit", "州发改委"});
    taps("t.csv", "hall-in,1,04A23BC1,2026-10-12T08:50:00+08:00\n"
                  "hall-in,2,04A23BC2,2026-10-12T09:40:00+08:00\n");
    clock_.set(atLocal("2026-10-13T10:00:00"));
    ok({"meeting", "finalize", "--id", "O1"});
    const auto before = statuses("O1");
    EXPECT_EQ(before, (std::vector<std::string>{"p1 present", "p2 late", "p3 absent"}));

    // A meeting at the same venue whose window reaches into O1's (its check-in
    // opens at 09:00, while O1's check-out window runs to 11:30) is refused.
    refused({"meeting", "add", "--id", "X", "--title", "临时会", "--venue", "hall", "--start", "2026-10-12 10:00",
             "--end", "2026-10-12 12:00", "--invite-unit", "州财政局"},
            "would take taps from finalized meeting \"O1\" (十月例会, 2026-10-12 09:00:00)");
    EXPECT_EQ(scalar("SELECT count(*) FROM meetings"), 1);
    // Another venue, or after O1's window, is fine; so is a meeting moved there.
    ok({"meeting", "add", "--id", "Y", "--title", "分会", "--venue", "room2", "--start", "2026-10-12 10:00", "--end",
        "2026-10-12 12:00"});
    ok({"meeting", "add", "--id", "Z", "--title", "午后会", "--venue", "hall", "--start", "2026-10-12 14:00", "--end",
        "2026-10-12 15:00"});
    // Moving a meeting into O1's window is refused the same way; moving O1 itself too.
    refused({"meeting", "move", "Z", "--start", "2026-10-12 10:30", "--end", "2026-10-12 11:30", "--reason", "提前"},
            "would take taps from finalized meeting \"O1\"");
    refused({"meeting", "move", "O1", "--start", "2026-10-14 09:00", "--end", "2026-10-14 11:00", "--reason", "改期"},
            "meeting \"O1\" is finalized and cannot be moved");
    refused({"meeting", "cancel", "O1", "--reason", "不开了"}, "meeting \"O1\" is finalized");
    EXPECT_EQ(scalar("SELECT count(*) FROM meeting_changes"), 0);
    EXPECT_EQ(statuses("O1"), before);
}

TEST_F(MeetingScheduleTest, anOverlapWithAMeetingNotYetFinalizedIsAllowedWithAWarningNamingIt)
{
    office();
    ok({"meeting", "add", "--id", "A", "--title", "上午会", "--venue", "hall", "--start", "2026-10-12 09:00", "--end",
        "2026-10-12 11:00"});
    const auto r = ok({"meeting", "add", "--id", "B", "--title", "接续会", "--venue", "hall", "--start",
                       "2026-10-12 11:00", "--end", "2026-10-12 12:00"});
    EXPECT_TRUE(contains(r.err, "warning: meeting \"B\" shares check-in time at a venue with meeting \"A\" (上午会"))
        << r;
    EXPECT_EQ(scalar("SELECT count(*) FROM meetings"), 2);
}

TEST_F(MeetingScheduleTest, aFinalizedMeetingsSheetIsByteIdenticalAfterLaterRecordChanges)
{
    office();
    ok({"group", "add", "leaders", "--name", "州直各部门主要负责同志"});
    ok({"group", "member", "add", "leaders", "p4", "--on", "2026-09-01"});
    ok({"meeting", "add", "--id", "O1", "--title", "十月例会", "--venue", "hall", "--start", "2026-10-12 09:00",
        "--end", "2026-10-12 11:00", "--invite-unit", "州发改委", "--invite-group", "leaders", "--invite-unit-quota",
        "州教育局:1"});
    taps("t.csv", "hall-in,1,04A23BC1,2026-10-12T08:50:00+08:00\n"
                  "hall-in,2,04A23BC4,2026-10-12T09:20:00+08:00\n"
                  "hall-in,3,04A23BC6,2026-10-12T08:59:00+08:00\n");
    clock_.set(atLocal("2026-10-13T10:00:00"));
    ok({"meeting", "finalize", "--id", "O1"});
    EXPECT_GT(scalar("SELECT count(*) FROM final_rosters WHERE meeting_id = 'O1'"), 0);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_taps WHERE meeting_id = 'O1'"), 3);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_results WHERE meeting_id = 'O1'"), 4);
    clock_.set(atLocal("2026-10-13T11:00:00"));
    const std::vector<std::string> madeBefore{"2026-10-13 11:00:00", "2026-10-13T11:00:00+08:00"};
    ok({"report", "meeting", "O1", "--output", dir_.file("before.csv")});
    const auto sheetBefore = withoutMadeAt(readFile(dir_.file("before.csv")), madeBefore);
    const auto statusBefore = withoutMadeAt(ok({"status", "--meeting", "O1", "--json"}).out, madeBefore);

    // Later changes to what the roster and the taps were computed from: the
    // group gains a member back-dated, a badge is given to another person,
    // a late tap arrives. Without the stored rows each would change O1.
    clock_.set(atLocal("2026-10-20T09:00:00"));
    ok({"group", "member", "add", "leaders", "p7", "--on", "2026-09-15"});
    {
        common::Database db(db_);
        db.exec("UPDATE badges SET revoked_ms = 0 WHERE uid = '04A23BC4'");
    }
    taps("late.csv", "hall-in,9,04A23BC5,2026-10-12T09:10:00+08:00\n");
    const std::vector<std::string> madeAfter{"2026-10-20 09:00:00", "2026-10-20T09:00:00+08:00"};
    ok({"report", "meeting", "O1", "--output", dir_.file("after.csv")});
    EXPECT_EQ(withoutMadeAt(readFile(dir_.file("after.csv")), madeAfter), sheetBefore);
    EXPECT_EQ(withoutMadeAt(ok({"status", "--meeting", "O1", "--json"}).out, madeAfter), statusBefore);
    // The stored rows change only by amendment: an override shows on the sheet.
    ok({"override", "--meeting", "O1", "--person", "p2", "--status", "excused", "--reason", "补批请假"});
    EXPECT_EQ(statuses("O1"), (std::vector<std::string>{"p1 present", "p2 excused", "p3 absent", "p4 late"}));
}

TEST_F(MeetingScheduleTest, aUnitDelegationWithQuotaTwoGivesMetShortAndAbsentAsTheSpecSays)
{
    office();
    ok({"meeting",
        "add",
        "--id",
        "D1",
        "--title",
        "各单位派2名负责同志参加",
        "--venue",
        "hall",
        "--start",
        "2026-10-12 09:00",
        "--end",
        "2026-10-12 11:00",
        "--invite-unit-quota",
        "州发改委:2",
        "--invite-unit-quota",
        "州财政局:2",
        "--invite-unit-quota",
        "州教育局:2",
        "--invite-unit-quota",
        "州卫健委:2"});
    ok({"meeting", "add", "--id", "D2", "--title", "迟到的代表团", "--venue", "hall", "--start", "2026-10-13 09:00",
        "--end", "2026-10-13 11:00", "--invite-unit-quota", "州发改委:2"});
    // 州发改委: two members (one of a sub-unit) in time; 州财政局: one; 州教育局:
    // nobody; 州卫健委: nobody, excused. At D2 the second comes late.
    taps("t.csv", "hall-in,1,04A23BC1,2026-10-12T08:50:00+08:00\n"
                  "hall-in,2,04A23BC3,2026-10-12T09:04:00+08:00\n"
                  "hall-in,3,04A23BC4,2026-10-12T09:30:00+08:00\n"
                  "hall-in,4,04A23BC1,2026-10-13T08:50:00+08:00\n"
                  "hall-in,5,04A23BC2,2026-10-13T09:20:00+08:00\n");
    ok({"leave", "add", "--meeting", "D1", "--unit", "州卫健委", "--reason", "防疫值班"});
    refused({"leave", "add", "--meeting", "D1", "--unit", "州人社局", "--reason", "x"},
            "unit \"州人社局\" does not exist");
    clock_.set(atLocal("2026-10-12T09:10:00"));
    auto live = status("D1").at("delegations");
    EXPECT_EQ(live.at(0).at("status"), "gathering"); // 州卫健委: nobody yet, before E
    EXPECT_EQ(live.at(1).at("status"), "met");       // 州发改委
    clock_.set(atLocal("2026-10-14T10:00:00"));
    const auto d = status("D1");
    std::vector<std::string> got;
    for (const auto& x : d.at("delegations"))
        got.push_back(x.at("unit").get<std::string>() + " " + x.at("status").get<std::string>() + " "
                      + std::to_string(x.at("arrived").get<int>()));
    EXPECT_EQ(got, (std::vector<std::string>{"州卫健委 excused 0", "州发改委 met 2", "州教育局 absent 0",
                                             "州财政局 short 1"}));
    EXPECT_EQ(d.at("attendees").size(), 0u); // the unit is expected, not its people
    EXPECT_EQ(status("D2").at("delegations").at(0).at("status"), "met_late");

    const auto table = ok({"status", "--meeting", "D1"}).out;
    EXPECT_TRUE(contains(table, "州财政局  1/2  人数不足 short")) << table;
    ok({"report", "meeting", "D1", "--output", dir_.file("d1.csv")});
    const auto sheet = readFile(dir_.file("d1.csv"));
    EXPECT_TRUE(contains(sheet, "单位派员")) << sheet;
    EXPECT_TRUE(contains(sheet, "州财政局,2,1,人数不足,赵六 09:30")) << sheet;

    // In the period by unit a delegation is one place of its unit; nobody is disciplined for it.
    ok({"report", "period", "--from", "2026-10-01", "--to", "2026-10-31", "--by", "unit", "--output",
        dir_.file("units.csv")});
    const auto units = readFile(dir_.file("units.csv"));
    EXPECT_TRUE(contains(units, ",州发改委,2,1,1,0,0,0,0,0,100.0%")) << units; // met + met late
    // Columns 应到, 出席, 迟到, 代会, 请假, 缺席, 待核实, 早退, 出勤率 (the sheet's order).
    EXPECT_TRUE(contains(units, ",州教育局,1,0,0,0,0,1,0,0,0.0%")) << units; // absent
    EXPECT_TRUE(contains(units, ",州财政局,1,0,0,0,0,1,0,0,0.0%")) << units; // short
    EXPECT_TRUE(contains(units, ",州卫健委,1,0,0,0,1,0,0,0,")) << units;     // excused
    ok({"notices", "--period", "2026-10", "--output", dir_.file("notices")});
    std::string notices;
    for (const auto& e : std::filesystem::directory_iterator(dir_.file("notices"))) notices += readFile(e.path());
    EXPECT_TRUE(contains(
        notices, "州教育局 单位派员：2026-10-12「各单位派2名负责同志参加」（会议 D1）应派 2 人，实到 0 人（缺席）"))
        << notices;
    EXPECT_TRUE(contains(
        notices, "州财政局 单位派员：2026-10-12「各单位派2名负责同志参加」（会议 D1）应派 2 人，实到 1 人（人数不足）"))
        << notices;
    EXPECT_FALSE(contains(notices, "个人")) << "no person is disciplined for a delegation:\n" << notices;
}

TEST_F(MeetingScheduleTest, aRecurringMeetingCreatesOneMeetingPerDateEachChangeableAlone)
{
    office();
    const auto r = ok({"meeting", "add", "--id", "WK", "--title", "周例会", "--venue", "hall", "--start",
                       "2026-12-07 09:00", "--end", "2026-12-07 10:00", "--invite-unit", "州财政局", "--repeat",
                       "weekly:MON,thu", "--until", "2026-12-17"});
    EXPECT_TRUE(contains(r.out, "4 meetings of series WK added")) << r;
    const auto list = json::parse(ok({"meeting", "list", "--from", "2026-12-01", "--to", "2026-12-31", "--json"}).out);
    std::vector<std::string> ids;
    for (const auto& m : list) {
        ids.push_back(m.at("id").get<std::string>() + " " + m.at("start").get<std::string>());
        EXPECT_EQ(m.at("series"), "WK");
        EXPECT_EQ(m.at("expected"), 2);
    }
    EXPECT_EQ(ids, (std::vector<std::string>{
                       "WK-2026-12-07 2026-12-07T09:00:00+08:00", "WK-2026-12-10 2026-12-10T09:00:00+08:00",
                       "WK-2026-12-14 2026-12-14T09:00:00+08:00", "WK-2026-12-17 2026-12-17T09:00:00+08:00"}));

    // One occurrence is moved, another cancelled; the others stay.
    ok({"meeting", "move", "WK-2026-12-10", "--start", "2026-12-11 15:00", "--end", "2026-12-11 16:00", "--reason",
        "与全州大会冲突"});
    ok({"meeting", "cancel", "WK-2026-12-14", "--reason", "领导出差"});
    refused({"meeting", "cancel", "WK-2026-12-14", "--reason", "again"}, "already cancelled");
    refused({"meeting", "move", "nope", "--start", "2026-12-11 15:00", "--end", "2026-12-11 16:00", "--reason", "x"},
            "meeting \"nope\" does not exist");
    const auto text = ok({"meeting", "list", "--from", "2026-12-10", "--to", "2026-12-14"}).out;
    EXPECT_TRUE(contains(text, "WK-2026-12-10  2026-12-11 15:00 – 16:00  周例会  [hall]  scheduled, 2 expected"))
        << text;
    EXPECT_TRUE(contains(text, "WK-2026-12-14  2026-12-14 09:00 – 10:00  周例会  [hall]  cancelled, 0 expected"))
        << text;
    EXPECT_TRUE(contains(text, "2 meeting(s)")) << text;

    // A cancelled meeting expects nobody, and its sheet says so with who, when and why.
    clock_.set(atLocal("2026-12-20T09:00:00"));
    const auto cancelled = status("WK-2026-12-14");
    EXPECT_EQ(cancelled.at("summary").at("expected"), 0);
    EXPECT_EQ(cancelled.at("meeting").at("cancelled"), true);
    ok({"report", "meeting", "WK-2026-12-14", "--output", dir_.file("c.csv")});
    EXPECT_TRUE(
        contains(readFile(dir_.file("c.csv")), "本会议已取消，不计应到（会务组，2026-10-01 08:00:00）：领导出差"));
    ok({"report", "meeting", "WK-2026-12-10", "--output", dir_.file("m.csv")});
    EXPECT_TRUE(contains(readFile(dir_.file("m.csv")), "改期：原定 2026-12-10 09:00 至 2026-12-10 10:00（会务组"));
    EXPECT_EQ(status("WK-2026-12-17").at("summary").at("absent"), 2);

    refused({"meeting", "add", "--id", "M", "--title", "月会", "--venue", "hall", "--start", "2026-12-07 09:00",
             "--end", "2026-12-07 10:00", "--repeat", "fortnightly", "--until", "2027-01-01"},
            "--repeat: \"fortnightly\" is not a rule");
    const auto monthly =
        ok({"meeting", "add", "--id", "M", "--title", "月会", "--venue", "room2", "--start", "2027-01-31 09:00",
            "--end", "2027-01-31 10:00", "--repeat", "monthly:31", "--until", "2027-05-31"});
    EXPECT_TRUE(contains(monthly.out, "3 meetings of series M added")) << monthly; // Jan, Mar, May
}

TEST_F(MeetingScheduleTest, aScheduleImportCreatesEveryMeetingOrNone)
{
    office();
    ok({"group", "add", "leaders", "--name", "主要负责同志"});
    ok({"group", "member", "add", "leaders", "p7", "--on", "2026-09-01"});
    const auto good = dir_.write(
        "schedule.csv", "id,title,venue,start,end,invite_units,invite_persons,invite_groups,invite_unit_quotas\n"
                        "S1,全州大会,hall;room2,2026-11-03 09:00,2026-11-03 11:00,州发改委,p6,,\n"
                        "S2,财政工作会,room2,2026-11-04 14:30,2026-11-04 16:00,,,leaders,州财政局:1\n");
    const auto bad = dir_.write("bad.csv", "id,title,venue,start,end,invite_units\n"
                                           "B1,好的一行,hall,2026-11-05 09:00,2026-11-05 10:00,州发改委\n"
                                           "B2,坏的一行,hall,2026-11-31 09:00,2026-11-05 10:00,州发改委\n");
    refused({"meeting", "import", bad}, bad + ":3: field start");
    const auto unknownUnit = dir_.write("unit.csv", "id,title,venue,start,end,invite_units\n"
                                                    "U1,会,hall,2026-11-05 09:00,2026-11-05 10:00,州水利局\n");
    refused({"meeting", "import", unknownUnit}, unknownUnit + ":2: unit \"州水利局\" does not exist");
    EXPECT_EQ(scalar("SELECT count(*) FROM meetings"), 0);

    const auto r = ok({"meeting", "import", good});
    EXPECT_TRUE(contains(r.out, "imported 2 meeting(s)")) << r;
    const auto s1 = status("S1");
    EXPECT_EQ(s1.at("meeting").at("venues"), json::array({"hall", "room2"}));
    EXPECT_EQ(s1.at("summary").at("expected"), 4); // 州发改委 (3, sub-unit included) and p6
    const auto s2 = status("S2");
    EXPECT_EQ(s2.at("meeting").at("start"), "2026-11-04T14:30:00+08:00");
    EXPECT_EQ(s2.at("attendees").at(0).at("person_id"), "p7");
    EXPECT_EQ(s2.at("delegations").at(0).at("unit"), "州财政局");
    refused({"meeting", "import", good}, good + ":2: meeting \"S1\" already exists");
}

TEST_F(MeetingScheduleTest, aGroupInvitesItsMembersAtTheStart)
{
    office();
    ok({"group", "add", "leaders", "--name", "州直各部门主要负责同志"});
    ok({"group", "member", "add", "leaders", "p1", "--on", "2026-09-01"});
    ok({"group", "member", "add", "leaders", "p4", "--on", "2026-09-01"});
    ok({"group", "member", "remove", "leaders", "p1", "--on", "2026-10-15"});
    ok({"group", "member", "add", "leaders", "p6", "--on", "2026-10-15"});
    refused({"group", "member", "add", "leaders", "p4", "--on", "2026-10-01"}, "already a member of group \"leaders\"");
    refused({"group", "member", "remove", "leaders", "p2", "--on", "2026-10-01"}, "is not a member of group");
    refused({"group", "add", "leaders", "--name", "again"}, "group \"leaders\" already exists");
    for (const auto& [id, day] : {std::pair{"G1", "2026-10-12"}, std::pair{"G2", "2026-10-19"}}) {
        ok({"meeting", "add", "--id", id, "--title", "负责同志会议", "--venue", "hall", "--start",
            std::string(day) + " 09:00", "--end", std::string(day) + " 10:00", "--invite-group", "leaders"});
    }
    refused({"meeting", "add", "--id", "G3", "--title", "x", "--venue", "hall", "--start", "2026-10-26 09:00", "--end",
             "2026-10-26 10:00", "--invite-group", "nobody"},
            "--invite-group: group \"nobody\" does not exist");
    clock_.set(atLocal("2026-10-20T09:00:00"));
    EXPECT_EQ(statuses("G1"), (std::vector<std::string>{"p1 absent", "p4 absent"}));
    EXPECT_EQ(statuses("G2"), (std::vector<std::string>{"p6 absent", "p4 absent"})); // by unit, then id
}

TEST_F(MeetingScheduleTest, leaveOverARangeExcusesEveryMeetingInItIncludingOnesAddedLater)
{
    office();
    ok({"meeting", "add", "--id", "L1", "--title", "一", "--venue", "hall", "--start", "2026-10-12 09:00", "--end",
        "2026-10-12 10:00", "--invite-unit", "州财政局"});
    ok({"meeting", "add", "--id", "L0", "--title", "前", "--venue", "hall", "--start", "2026-10-09 09:00", "--end",
        "2026-10-09 10:00", "--invite-unit", "州财政局"});
    const auto r =
        ok({"leave", "add", "--person", "p4", "--from", "2026-10-10", "--to", "2026-10-16", "--reason", "出差"});
    EXPECT_TRUE(contains(r.out, "1 scheduled so far and any added later")) << r;
    refused({"leave", "add", "--person", "p4", "--from", "2026-10-16", "--to", "2026-10-10", "--reason", "出差"},
            "--to (2026-10-10) is before --from (2026-10-16)");
    refused({"leave", "add", "--person", "nobody", "--from", "2026-10-10", "--to", "2026-10-16", "--reason", "病假"},
            "person \"nobody\" does not exist");
    ok({"meeting", "add", "--id", "L2", "--title", "二", "--venue", "hall", "--start", "2026-10-16 15:00", "--end",
        "2026-10-16 16:00", "--invite-unit", "州财政局"});
    ok({"meeting", "add", "--id", "L3", "--title", "三", "--venue", "hall", "--start", "2026-10-17 09:00", "--end",
        "2026-10-17 10:00", "--invite-unit", "州财政局"});
    clock_.set(atLocal("2026-10-20T09:00:00"));
    EXPECT_EQ(statuses("L0"), (std::vector<std::string>{"p4 absent", "p5 absent"}));
    EXPECT_EQ(statuses("L1"), (std::vector<std::string>{"p4 excused", "p5 absent"}));
    EXPECT_EQ(statuses("L2"), (std::vector<std::string>{"p4 excused", "p5 absent"}));
    EXPECT_EQ(statuses("L3"), (std::vector<std::string>{"p4 absent", "p5 absent"}));
    EXPECT_EQ(status("L2").at("attendees").at(0).at("leave_reason"), "出差");
}
