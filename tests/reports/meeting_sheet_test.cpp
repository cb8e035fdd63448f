// `report meeting`: the sign-in sheet in CSV (golden file), XLSX (read back
// with openpyxl, cell for cell the CSV) and PDF (pdftotext, pdftoppm).
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::testing;

namespace {

class MeetingSheet : public ::testing::Test {
protected:
    void SetUp() override
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
    }
    CtlRun report(const std::string& meeting, const std::string& output)
    {
        return runCtl({"--db", dir.file("rollcall.db"), "report", "meeting", meeting, "--output", dir.file(output)},
                      s.now);
    }
    TempDir dir;
    Scenario s;
};

} // namespace

TEST_F(MeetingSheet, csvMatchesTheGoldenFile)
{
    for (const char* m : {"M03", "M05"}) {
        const auto r = report(m, std::string(m) + ".csv");
        ASSERT_EQ(r.code, 0) << r.err;
        expectGolden(dir.file(std::string(m) + ".csv"), std::string("meeting_") + m + ".csv");
    }
}

TEST_F(MeetingSheet, csvStartsWithAByteOrderMark)
{
    ASSERT_EQ(report("M01", "m.csv").code, 0);
    EXPECT_EQ(readFile(dir.file("m.csv")).substr(0, 3), "\xEF\xBB\xBF");
}

TEST_F(MeetingSheet, xlsxHoldsTheSameCellsAsTheCsv)
{
    ASSERT_EQ(report("M03", "m.csv").code, 0);
    const auto r = report("M03", "m.xlsx");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto diff = xlsxMatchesCsv(dir.file("m.xlsx"), dir.file("m.csv"));
    EXPECT_EQ(diff.rfind("checked", 0), 0u) << diff;
    EXPECT_EQ(diff.find("row"), std::string::npos) << diff;
}

TEST_F(MeetingSheet, pdfHasTheNamesTotalsAndPageNumbers)
{
    const auto r = report("M03", "m.pdf");
    ASSERT_EQ(r.code, 0) << r.err;
    int status = 0;
    const auto text = run("pdftotext -layout '" + dir.file("m.pdf") + "' -", &status);
    ASSERT_EQ(status, 0);
    for (const char* expected : {"州直机关工作例会（2026-11-03） 签到表", "王五", "赵六", "因公出差", "缺席", "迟到",
                                 "应到 6 人", "出勤率 80.0%", "第 1 页 / 共 1 页", "制表时间：2027-01-05 10:00:00"}) {
        EXPECT_NE(squash(text).find(squash(expected)), std::string::npos) << expected << "\n" << text;
    }
    const auto fonts = run("pdffonts '" + dir.file("m.pdf") + "'");
    EXPECT_NE(fonts.find("WenQuanYi"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("yes yes"), std::string::npos) << "fonts embedded as subsets\n" << fonts;
    run("pdftoppm -r 40 -png '" + dir.file("m.pdf") + "' '" + dir.file("page") + "'", &status);
    EXPECT_EQ(status, 0);
    EXPECT_TRUE(std::filesystem::exists(dir.file("page-1.png")));
    EXPECT_GT(std::filesystem::file_size(dir.file("page-1.png")), 2000u);
}

TEST_F(MeetingSheet, longRosterSpillsOntoNumberedPagesWithTheHeaderRepeated)
{
    {
        common::Database db(dir.file("rollcall.db"));
        core::Record r(db);
        common::Transaction tx(db);
        for (int i = 0; i < 120; ++i) {
            char id[8];
            std::snprintf(id, sizeof id, "Q%03d", i);
            r.addPerson(core::Person{id, "测试人员" + std::to_string(i), r.ensureUnitPath("州直机关/州统计局"), "",
                                     std::nullopt});
        }
        tx.commit();
    }
    ASSERT_EQ(report("M03", "long.pdf").code, 0);
    const auto text = squash(run("pdftotext -layout '" + dir.file("long.pdf") + "' -"));
    EXPECT_NE(text.find("第1页/共"), std::string::npos) << text;
    EXPECT_NE(text.find("第2页/共"), std::string::npos);
    EXPECT_EQ(text.find("第1页/共1页"), std::string::npos);
    std::size_t headers = 0;
    for (auto pos = text.find("签到时间"); pos != std::string::npos; pos = text.find("签到时间", pos + 1)) ++headers;
    EXPECT_GE(headers, 2u);
    EXPECT_NE(text.find("测试人员119"), std::string::npos);
}

TEST_F(MeetingSheet, readerOfflineAbsenceIsMarkedForVerification)
{
    ASSERT_EQ(report("M04", "m4.csv").code, 0);
    const auto csv = readFile(dir.file("m4.csv"));
    EXPECT_NE(csv.find("张三,P001,缺席,,,,0,0,读卡器离线—待核实"), std::string::npos) << csv;
    EXPECT_NE(csv.find("读卡器 r3（会场 v2）在 09:20–09:50 未上报心跳"), std::string::npos) << csv;
}

TEST_F(MeetingSheet, countsCheckInsPerVenueAndNamesWalkInsAndUnknownBadges)
{
    ASSERT_EQ(report("M01", "m01.csv").code, 0);
    const auto csv = readFile(dir.file("m01.csv"));
    // Everyone on the roster checked in at v1 (the main venue); P007 came unlisted; 04FFFF01 is nobody's.
    for (const char* s : {"各会场签到\r\n会场,签到人数\r\n主会场 第一会议室,6\r\n",
                          "名单外签到\r\n序号,单位,姓名,工号,签到时间\r\n1,县市/乙县,周九,P007,08:58:00\r\n",
                          "未登记卡\r\n序号,卡号 (UID),首次刷卡,刷卡次数\r\n1,04FFFF01,08:59:00,1\r\n",
                          "序号,单位,姓名,工号,状态,签到会场,签到时间"}) {
        EXPECT_NE(csv.find(s), std::string::npos) << s << "\n" << csv;
    }
}

TEST_F(MeetingSheet, unitsFollowTheOfficialOrder)
{
    // 州财政局 before 州发改委, and 县市 before 州直机关, as the office lists them (not by code point).
    for (const auto& [unit, order] :
         {std::pair{"州直机关", "2"}, {"县市", "1"}, {"州直机关/州财政局", "1"}, {"州直机关/州发改委", "2"}}) {
        ASSERT_EQ(runCtl({"--db", dir.file("rollcall.db"), "unit", "set", unit, "--order", order}, s.now).code, 0);
    }
    ASSERT_EQ(report("M03", "m03.csv").code, 0);
    const auto csv = readFile(dir.file("m03.csv"));
    const auto first = [&](const std::string& text) { return csv.find(text); };
    EXPECT_LT(first(",县市/甲县,钱七,"), first(",州直机关/州财政局,王五,"));
    EXPECT_LT(first(",州直机关/州财政局,王五,"), first(",州直机关/州发改委,张三,"));
    EXPECT_LT(first("\r\n县市/甲县,"), first("\r\n州直机关/州财政局,"));
    EXPECT_LT(first("\r\n州直机关/州财政局,"), first("\r\n州直机关/州发改委,"));
}
