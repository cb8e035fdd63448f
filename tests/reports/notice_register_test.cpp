// The notice register through rollcallctl over the scripted quarter
// (scenario.h): `notices issue` numbers once and for ever, an upheld appeal
// is a withdrawal entry, escalation reads the register, and the notice is a
// 公文 (checked through pdftotext; look at it with pdftoppm).
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::testing;

namespace {

using Lines = std::vector<std::string>;

/// The lines after the first of an output ("州效能办〔2027〕1号 P005 钱七 效能告诫").
Lines tail(const std::string& out)
{
    Lines lines;
    std::istringstream in(out);
    std::string line;
    std::getline(in, line);
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

Lines matching(const std::string& out, const std::string& needle)
{
    Lines lines;
    std::istringstream in(out);
    for (std::string line; std::getline(in, line);) {
        if (line.find(needle) != std::string::npos) lines.push_back(line);
    }
    return lines;
}

class NoticeRegisterCommands : public ::testing::Test {
protected:
    void SetUp() override
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
        std::ofstream(policy) << "[notices]\nnumber_format = \"州效能办〔{year}〕{n}号\"\n"
                                 "regulation = \"《州直机关会议纪律规定》\"\n";
    }
    CtlRun ctl(std::vector<std::string> args, const std::string& operatorName = "办公室")
    {
        args.insert(args.begin(), {"--db", dir.file("rollcall.db"), "--operator", operatorName});
        return runCtl(args, s.now);
    }
    std::string ok(const std::vector<std::string>& args)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 0) << r.out << r.err;
        return r.out;
    }
    void refused(const std::vector<std::string>& args, const std::string& message)
    {
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 1) << r.out << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
    }
    Lines issue(const std::string& period, std::vector<std::string> extra = {})
    {
        std::vector<std::string> args{"notices", "issue", "--period", period, "--policy", policy};
        args.insert(args.end(), extra.begin(), extra.end());
        return tail(ok(args));
    }
    TempDir dir;
    Scenario s;
    std::string policy = dir.file("policy.toml");
};

} // namespace

TEST_F(NoticeRegisterCommands, numbersAreGivenOnceAndReRunsIssueOnlyWhatIsNew)
{
    // November as in the hand-made list of discipline_test.cpp; P001's absence is held.
    // 县市 has the one sub-unit 甲县, whose figures are its own: 甲县 alone gets the notice.
    const Lines november{"州效能办〔2027〕1号 P005 钱七 效能告诫", "州效能办〔2027〕2号 P002 李四 效能告诫",
                         "州效能办〔2027〕3号 P003 王五 效能告诫",
                         "州效能办〔2027〕4号 单位 州直机关/州财政局 每月公示",
                         "州效能办〔2027〕5号 单位 县市/甲县 每月公示"};
    EXPECT_EQ(issue("2026-11"), november);
    EXPECT_EQ(issue("2026-11"), Lines{});
    // Confirming P001's absence makes one new notice (and 州直机关, 州发改委 fall below the rate).
    ok({"absence", "confirm", "--meeting", "M04", "--person", "P001", "--reason", "经核实当日未到会"});
    EXPECT_EQ(issue("2026-11"),
              (Lines{"州效能办〔2027〕6号 P001 张三 效能告诫", "州效能办〔2027〕7号 单位 州直机关 每月公示",
                     "州效能办〔2027〕8号 单位 州直机关/州发改委 每月公示"}));
    const auto listed = ok({"notices", "list", "--year", "2027"});
    for (const auto& line : november) {
        EXPECT_NE(listed.find(line.substr(0, line.find(' '))), std::string::npos) << listed;
    }
    EXPECT_EQ(matching(listed, "州效能办").size(), 8u) << listed;
}

TEST_F(NoticeRegisterCommands, anUpheldAppealIsAWithdrawalEntryAndNoNumberMoves)
{
    (void)issue("2026-11");
    const auto before = ok({"notices", "list"});
    ok({"appeal", "add", "--meeting", "M05", "--person", "P005", "--by", "P005", "--received", "2027-01-05", "--reason",
        "当日因病就医，有病历"});
    const auto r = ok({"appeal", "resolve", "--meeting", "M05", "--person", "P005", "--upheld", "--reason", "病历属实",
                       "--policy", policy});
    EXPECT_NE(r.find("州效能办〔2027〕1号 withdrawn by 州效能办〔2027〕6号"), std::string::npos) << r;
    EXPECT_EQ(issue("2026-11"), Lines{}); // nothing is renumbered or issued again
    const auto after = ok({"notices", "list"});
    EXPECT_EQ(matching(after, "州效能办〔2027〕1号").size(), 2u) << after; // the notice and its withdrawal
    EXPECT_NE(after.find("withdrawn by 州效能办〔2027〕6号"), std::string::npos) << after;
    for (int n = 2; n <= 5; ++n) {
        const std::string number = "州效能办〔2027〕" + std::to_string(n) + "号";
        EXPECT_EQ(matching(before, number), matching(after, number)) << number;
    }
    const auto withdrawal = ok({"notices", "show", "2027-6"});
    EXPECT_NE(withdrawal.find("关于撤销州效能办〔2027〕1号的通知"), std::string::npos) << withdrawal;
    EXPECT_NE(withdrawal.find("申诉 #3 成立"), std::string::npos) << withdrawal;
    const auto history = ok({"person", "history", "P005"});
    EXPECT_NE(history.find("州效能办〔2027〕1号  效能告诫"), std::string::npos) << history;
    EXPECT_NE(history.find("州效能办〔2027〕6号  撤销 州效能办〔2027〕1号"), std::string::npos) << history;
    // The register is part of the record's chain, and the chain holds.
    const auto verified = ok({"verify"});
    EXPECT_NE(verified.find("rows chained"), std::string::npos) << verified;
}

TEST_F(NoticeRegisterCommands, aWithdrawalByTheOfficeIsNumberedAndCannotBeRepeated)
{
    (void)issue("2026-11");
    EXPECT_NE(ok({"notices", "withdraw", "2027-3", "--reason", "认定有误", "--policy", policy})
                  .find("州效能办〔2027〕3号 withdrawn by 州效能办〔2027〕6号"),
              std::string::npos);
    refused({"notices", "withdraw", "州效能办〔2027〕3号", "--reason", "再次"}, "already withdrawn");
    refused({"notices", "withdraw", "2027-99", "--reason", "x"}, "no notice numbered \"2027-99\"");
    refused({"notices", "withdraw", "2027-6", "--reason", "x"}, "is a withdrawal, not a notice");
    EXPECT_EQ(issue("2026-11"), Lines{}); // withdrawn by decision: its grounds are not issued again
}

TEST_F(NoticeRegisterCommands, escalationOverThreeMonthsIsReadFromTheRegister)
{
    // 王五 is absent once in each month: 效能告诫, then 诫勉谈话, then 通报批评.
    ok({"override", "--meeting", "M01", "--person", "P003", "--status", "absent", "--reason", "补录：未到会"});
    ok({"override", "--meeting", "M06", "--person", "P003", "--status", "absent", "--reason", "补录：未到会"});
    EXPECT_EQ(matching(ok({"notices", "issue", "--period", "2026-10", "--policy", policy}), "P003"),
              Lines{"州效能办〔2027〕1号 P003 王五 效能告诫"});
    const auto november = ok({"notices", "issue", "--period", "2026-11", "--policy", policy});
    EXPECT_EQ(matching(november, "P003").size(), 1u) << november;
    EXPECT_NE(november.find("P003 王五 诫勉谈话"), std::string::npos) << november;
    // 州财政局 was below the rate in October and again in November.
    EXPECT_NE(november.find("单位 州直机关/州财政局 通报批评"), std::string::npos) << november;
    const auto december = ok({"notices", "issue", "--period", "2026-12", "--policy", policy});
    EXPECT_NE(december.find("P003 王五 通报批评"), std::string::npos) << december;
    const auto history = ok({"person", "history", "P003"});
    EXPECT_EQ(matching(history, "州效能办").size(), 3u) << history;
    const auto number = matching(december, "P003").at(0).substr(0, matching(december, "P003").at(0).find(' '));
    const auto text = ok({"notices", "show", number});
    EXPECT_NE(text.find("已于2027年1月5日受到诫勉谈话"), std::string::npos) << text;
}

TEST_F(NoticeRegisterCommands, theNoticeIsAnOfficialDocumentWithItsEvidenceAttached)
{
    const auto out = dir.file("issued");
    (void)issue("2026-11", {"--output", out});
    const auto pdf = out + "/notice-2027-3.pdf";
    ASSERT_TRUE(std::filesystem::exists(pdf));
    const auto text = squash(run("pdftotext '" + pdf + "' -"));
    for (const char* expected :
         {"州效能办〔2027〕3号", "关于对王五同志给予效能告诫的通知", "州财政局：", "《州直机关会议纪律规定》",
          "附件：会议出勤情况证据表", "2027年1月5日", "第一会议室", "（M03）", "无故缺席", "—1—"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
    for (const char* absent : {"Rollcall", "rollcall", "生成", "州直机关/州财政局："}) {
        EXPECT_EQ(text.find(absent), std::string::npos) << absent << "\n" << text;
    }
    // The same entry printed again later reads the same.
    ok({"notices", "show", "2027-3", "--output", dir.file("again.pdf")});
    EXPECT_EQ(squash(run("pdftotext '" + dir.file("again.pdf") + "' -")), text);
}

TEST_F(NoticeRegisterCommands, theNoticeIsAddressedToTheUnitsOfficialNameWhenTheOfficeGaveOne)
{
    ok({"unit", "set", "州直机关/州财政局", "--official-name", "伊犁哈萨克自治州财政局"});
    const auto out = dir.file("issued");
    (void)issue("2026-11", {"--output", out});

    const auto text = squash(run("pdftotext '" + out + "/notice-2027-3.pdf' -"));

    const auto official = text.find("伊犁哈萨克自治州财政局：");
    ASSERT_NE(official, std::string::npos) << text;
    // The display name appears only inside the official one: no second 主送 line.
    EXPECT_EQ(text.find("州财政局："), official + std::string("伊犁哈萨克自治").size()) << text;
}

TEST_F(NoticeRegisterCommands, appealsNameTheAppellantKeepTheClerkAndHaveADeadline)
{
    (void)issue("2026-11");
    // 15 days after 2027-01-05: 2027-01-20 is the last day.
    refused({"appeal", "add", "--meeting", "M03", "--person", "P003", "--received", "2027-01-21", "--reason", "x"},
            "in the future");
    refused({"appeal", "add", "--meeting", "M03", "--person", "P003", "--by", "P999", "--reason", "x"},
            "--by: person \"P999\" does not exist");
    ok({"appeal", "add", "--meeting", "M03", "--person", "P003", "--by", "P004", "--reason", "代为申诉：系统故障"});
    {
        common::Database db(dir.file("rollcall.db"), common::Database::Mode::ReadOnly);
        auto q = db.prepare("SELECT a.author, f.clerk FROM amendments a JOIN appeal_filings f ON f.amendment_id = a.id "
                            "WHERE a.kind = 'appeal'");
        ASSERT_TRUE(q.step());
        EXPECT_EQ(q.getText(0), "P004");
        EXPECT_EQ(q.getText(1), "办公室");
    }
    ok({"appeal", "resolve", "--meeting", "M03", "--person", "P003", "--rejected", "--reason", "无故障记录"});
    refused({"appeal", "add", "--meeting", "M03", "--person", "P003", "--reason", "再申诉"}, "--new-evidence");
    ok({"appeal", "add", "--meeting", "M03", "--person", "P003", "--reason", "再申诉", "--new-evidence",
        "医院证明（2026-11-03）"});
}

TEST_F(NoticeRegisterCommands, anAppealReceivedAfterTheDeadlineIsRefused)
{
    (void)issue("2026-11");
    const common::TimePoint later = core::parseTime("2027-02-10T10:00:00+08:00", "now");
    std::vector<std::string> args{"--db",       dir.file("rollcall.db"),
                                  "--operator", "办公室",
                                  "appeal",     "add",
                                  "--meeting",  "M03",
                                  "--person",   "P003",
                                  "--received", "2027-01-21",
                                  "--reason",   "迟交"};
    const auto r = runCtl(args, later);
    EXPECT_EQ(r.code, 1) << r.err;
    EXPECT_NE(r.err.find("after the deadline 2027-01-20 (15 days after notice 州效能办〔2027〕3号"), std::string::npos)
        << r.err;
    args[args.size() - 3] = "2027-01-20";
    EXPECT_EQ(runCtl(args, later).code, 0);
}

TEST_F(NoticeRegisterCommands, aUnitAbsentFromADelegationIsCriticisedOnce)
{
    // 乙县 is asked to send one person; nobody comes.
    ok({"meeting", "add", "--id", "D1", "--title", "县市政府办工作调度会", "--venue", "v1", "--start",
        "2026-11-24 15:00", "--end", "2026-11-24 16:00", "--invite-unit-quota", "县市/乙县:1"});
    std::string november;
    for (const auto& line : issue("2026-11")) november += line + "\n";
    const auto lines = matching(november, "乙县");
    ASSERT_EQ(lines.size(), 1u) << november;
    EXPECT_NE(lines[0].find(" 单位 县市/乙县 通报批评"), std::string::npos) << november;
    EXPECT_EQ(issue("2026-11"), Lines{});
    const auto text = ok({"notices", "show", lines[0].substr(0, lines[0].find(' '))});
    for (const char* expected : {"关于对乙县予以通报批评的通报", "乙县：", "要求你单位派员 1 人参加，你单位无人到会",
                                 "应派 1 人，实到 0 人（缺席）"}) {
        EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
    }
}
