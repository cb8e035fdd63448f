// `notices` and `disclosure` over the scripted quarter (Scenario.h), checked
// against lists worked out by hand; appeals and the reader-offline rule.
#include "hub/reports/notice_documents.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using namespace rollcall::testing;

namespace {

/// "P002 诫勉谈话" / "P001 暂缓（…）" / "unit 州直机关/州财政局" lines from index.csv, in order.
std::vector<std::string> indexLines(const std::string& path)
{
    std::vector<std::string> out;
    std::istringstream in(readFile(path));
    std::string line;
    std::getline(in, line); // header
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) f.push_back(cell);
        f.resize(9);
        out.push_back(f[1] == "单位" ? "unit " + f[4] : f[2] + " " + (f[5].empty() ? f[6] : f[5]));
    }
    return out;
}

class Discipline : public ::testing::Test {
protected:
    void SetUp() override
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
    }
    CtlRun ctl(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", dir.file("rollcall.db"), "--operator", "办公室"});
        return runCtl(args, s.now);
    }
    std::vector<std::string> notices(const std::string& period, std::vector<std::string> extra = {})
    {
        const auto out = dir.file("notices-" + period);
        std::vector<std::string> args{"notices", "--period", period, "--output", out};
        args.insert(args.end(), extra.begin(), extra.end());
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 0) << r.err;
        return indexLines(out + "/index.csv");
    }
    TempDir dir;
    Scenario s;
};

using Lines = std::vector<std::string>;

} // namespace

TEST_F(Discipline, novemberNoticesMatchTheHandMadeList)
{
    // Persons by unit path (县市/甲县 sorts first), then units by rate.
    // P002: 3rd late/early of Q4 at M03 (11-03); P003 absent M03; P005 absent M05;
    // P001 absent at M04 while r3 was offline: held. Units below 90 % in
    // November (held absence left out): 州财政局 4/5, 甲县 5/6; 州直机关 9/10 is not below. 县市 has only 甲县
    // below it: the same people, one notice (甲县's), not two.
    EXPECT_EQ(notices("2026-11"), (Lines{"P005 效能告诫", "P001 暂缓（读卡器离线，待核实）", "P002 效能告诫",
                                         "P003 效能告诫", "unit 州直机关/州财政局", "unit 县市/甲县"}));
}

TEST_F(Discipline, decemberReachesTheAdmonitionTalk)
{
    EXPECT_EQ(notices("2026-12"), (Lines{"P002 诫勉谈话"}));
    const auto text = readFile(dir.file("notices-2026-12/notice-2026-12-001-P002.txt"));
    EXPECT_NE(text.find("关于对李四同志给予诫勉谈话的通知"), std::string::npos) << text;
    EXPECT_NE(text.find("2026年第四季度内迟到或早退累计 5 次"), std::string::npos) << text;
    for (const char* m : {"M01", "M02", "M03", "M06", "M07"})
        EXPECT_NE(text.find(std::string("会议 ") + m), std::string::npos) << m;
}

TEST_F(Discipline, quarterAndYearGiveTheMostSevereMeasure)
{
    const Lines expected{"P005 效能告诫", "P001 暂缓（读卡器离线，待核实）", "P002 诫勉谈话",
                         "P003 效能告诫", "unit 州直机关/州财政局",          "unit 县市/甲县"};
    EXPECT_EQ(notices("2026-Q4"), expected);
    EXPECT_EQ(notices("2026"), expected);
    EXPECT_EQ(notices("2026-10"), Lines{});
}

TEST_F(Discipline, noticeCitesMeetingsTapsAndAmendments)
{
    (void)notices("2026-11");
    const auto text = readFile(dir.file("notices-2026-11/notice-2026-11-002-P002.txt"));
    for (const char* expected :
         {"关于对李四同志给予效能告诫的通知", "编号：2026-11-002", "州直机关/州发改委：", "工号 P002",
          "2026年第四季度内迟到或早退累计 3 次",
          "2026-10-13「州直机关工作例会（2026-10-13）」（会议 M01，09:00–11:00，会场 第一会议室）：迟到 12 分钟",
          "09:12:00 签到（读卡器 r1，记录 #", "早退 30 分钟", "10:30:00 签退（读卡器 r2，记录 #", "迟到 8 分钟",
          "一个季度内迟到或早退达到 3 次给予效能告诫"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
    EXPECT_EQ(text.find("{{"), std::string::npos);
    const auto index = readFile(dir.file("notices-2026-11/index.csv"));
    EXPECT_NE(index.find(",州直机关/州财政局,每月公示,已生成,2026-11 出勤率 80.0%"), std::string::npos) << index;
}

TEST_F(Discipline, appealHoldsTheNoticeUntilResolved)
{
    auto r = ctl({"appeal", "add", "--meeting", "M05", "--person", "P005", "--reason", "当日因病就医，有病历"});
    ASSERT_EQ(r.code, 0) << r.err;
    // P005's absence is held; 甲县 and 县市 are then 5/5.
    EXPECT_EQ(notices("2026-11"), (Lines{"P005 暂缓（申诉中）", "P001 暂缓（读卡器离线，待核实）", "P002 效能告诫",
                                         "P003 效能告诫", "unit 州直机关/州财政局"}));
    r = ctl({"appeal", "resolve", "--meeting", "M05", "--person", "P005", "--rejected", "--reason", "病历日期不符"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(notices("2026-11"), (Lines{"P005 效能告诫", "P001 暂缓（读卡器离线，待核实）", "P002 效能告诫",
                                         "P003 效能告诫", "unit 州直机关/州财政局", "unit 县市/甲县"}));
    const auto text = readFile(dir.file("notices-2026-11/notice-2026-11-001-P005.txt"));
    EXPECT_NE(text.find("申诉裁定：驳回（办公室，2027-01-05 10:00）：病历日期不符"), std::string::npos) << text;
}

TEST_F(Discipline, upheldAppealExcusesByAmendment)
{
    ASSERT_EQ(ctl({"appeal", "add", "--meeting", "M05", "--person", "P005", "--reason", "病假"}).code, 0);
    const auto r =
        ctl({"appeal", "resolve", "--meeting", "M05", "--person", "P005", "--upheld", "--reason", "病历属实"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("status set to excused"), std::string::npos) << r.out;
    EXPECT_EQ(notices("2026-11"),
              (Lines{"P001 暂缓（读卡器离线，待核实）", "P002 效能告诫", "P003 效能告诫", "unit 州直机关/州财政局"}));
    ASSERT_EQ(ctl({"report", "meeting", "M05", "--output", dir.file("m5.csv")}).code, 0);
    const auto csv = readFile(dir.file("m5.csv"));
    EXPECT_NE(csv.find("钱七,P005,请假（原：缺席）"), std::string::npos) << csv;
    EXPECT_NE(csv.find("申诉 #3 成立：病历属实"), std::string::npos) << csv;
}

TEST_F(Discipline, confirmedAbsenceCountsTowardNotices)
{
    const auto r = ctl({"absence", "confirm", "--meeting", "M04", "--person", "P001", "--reason", "经核实当日未到会"});
    ASSERT_EQ(r.code, 0) << r.err;
    // Now 州直机关 is 9/11 and 州发改委 5/6 in November.
    EXPECT_EQ(notices("2026-11"),
              (Lines{"P005 效能告诫", "P001 效能告诫", "P002 效能告诫", "P003 效能告诫", "unit 州直机关/州财政局",
                     "unit 州直机关", "unit 县市/甲县", "unit 州直机关/州发改委"}));
}

TEST_F(Discipline, policyFileChangesTheThresholds)
{
    const auto policy = dir.file("monthly.toml");
    std::ofstream(policy) << "[late_or_early]\nwindow = \"month\"\nwarning_at = 2\ntalk_at = 0\n"
                             "[absence]\nenabled = false\n[disclosure]\nunit_rate_below = 0.5\n";
    EXPECT_EQ(notices("2026-10", {"--policy", policy}), (Lines{"P002 效能告诫"}));
    EXPECT_EQ(notices("2026-11", {"--policy", policy}), Lines{}); // one late in November; absences off
    EXPECT_EQ(notices("2026-12", {"--policy", policy}), (Lines{"P002 效能告诫"}));
}

TEST_F(Discipline, officeTemplateIsUsedAndUnknownPlaceholdersAreRejected)
{
    const auto tmpl = dir.file("short.txt");
    std::ofstream(tmpl) << "{{person_name}}|{{measure}}|{{absence_count}}|{{late_early_count}}\n";
    (void)notices("2026-11", {"--template", tmpl});
    EXPECT_EQ(readFile(dir.file("notices-2026-11/notice-2026-11-002-P002.txt")), "李四|效能告诫|0|3\n");
    EXPECT_EQ(readFile(dir.file("notices-2026-11/notice-2026-11-003-P003.txt")), "王五|效能告诫|1|0\n");

    std::ofstream(tmpl) << "{{person_nmae}}\n";
    const auto out = dir.file("bad");
    const auto r = ctl({"notices", "--period", "2026-11", "--template", tmpl, "--output", out});
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find(tmpl), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("{{person_nmae}}"), std::string::npos) << r.err;
    EXPECT_TRUE(!std::filesystem::exists(out) || std::filesystem::is_empty(out));
}

TEST_F(Discipline, disclosureListsUnitsBelowTheRateAndUnexcusedAbsences)
{
    const auto r = ctl({"disclosure", "--month", "2026-11", "--output", dir.file("d.csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    expectGolden(dir.file("d.csv"), "disclosure_2026-11.csv");
    ASSERT_EQ(ctl({"disclosure", "--month", "2026-11", "--output", dir.file("d.pdf")}).code, 0);
    const auto text = squash(run("pdftotext '" + dir.file("d.pdf") + "' -"));
    for (const char* s : {"2026年11月会议出勤情况公示", "州直机关/州财政局", "王五", "钱七", "第1页/共1页"}) {
        EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
    }
}

TEST_F(Discipline, disclosureStatesTheObjectionPeriodChannelAndContactFromThePolicy)
{
    const auto policy = dir.file("policy.toml");
    std::ofstream(policy) << "[disclosure]\nobjection_days = 7\nobjection_channel = \"书面向州效能办提出\"\n"
                             "contact = \"州效能办 王老师 0999-8123456\"\n";
    const auto r = ctl({"disclosure", "--month", "2026-11", "--policy", policy, "--output", dir.file("d.csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    const auto csv = readFile(dir.file("d.csv"));
    // Made on 2027-01-05: seven days, both inclusive.
    for (const char* s :
         {"公示期：2027年1月5日至2027年1月11日（7 天）",
          "对公示内容有异议的，请于公示期内书面向州效能办提出。联系人及电话：州效能办 王老师 0999-8123456",
          "序号,单位,应到,出席,迟到,代会,请假,缺席,早退,出勤率"}) {
        EXPECT_NE(csv.find(s), std::string::npos) << s << "\n" << csv;
    }
    std::ofstream(policy) << "[disclosure]\nobjection_days = 0\n";
    const auto bad = ctl({"disclosure", "--month", "2026-11", "--policy", policy, "--output", dir.file("e.csv")});
    EXPECT_EQ(bad.code, 1);
    EXPECT_NE(bad.err.find("disclosure.objection_days must be from 1 to 60 days"), std::string::npos) << bad.err;
}
