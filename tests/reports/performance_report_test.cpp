// `report performance` (绩效考评) through rollcallctl over the scripted quarter
// (scenario.h), against a table worked out by hand; the policy's weights
// validated, naming the key.
#include "hub/reports/performance_report.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using namespace rollcall::testing;

namespace {

class PerformanceReportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
    }
    CtlRun ctl(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", dir.file("rollcall.db")});
        return runCtl(args, s.now);
    }
    std::string policy(const std::string& text)
    {
        const auto path = dir.file("policy.toml");
        std::ofstream(path) << text;
        return path;
    }
    /// The data rows of a written CSV (those starting with a rank), and the headings.
    std::vector<std::string> rows(const std::string& csv)
    {
        std::vector<std::string> out;
        std::istringstream in(readFile(csv));
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (!line.empty() && (std::isdigit(static_cast<unsigned char>(line[0])) || line[0] == '['))
                out.push_back(line);
        }
        return out;
    }
    TempDir dir;
    Scenario s;
    // 100 − 2.5 × 缺席 − 1 × 迟到/早退 − 3 × 派员不足.
    const std::string weights = "[performance]\nbase = 100\nper_absence = 2.5\nper_late_or_early = 1\n"
                                "per_missed_delegation = 3\n";
};

} // namespace

TEST_F(PerformanceReportTest, scoresEachUnitByThePolicyAndRanksEqualScoresTogether)
{
    // November (M03, M04, M05), worked out by hand:
    //   州发改委: P001 absent at M04 while r3 was offline (待核实: no deduction), P002 late at M03
    //            → 100 − 1 = 99.0
    //   甲县:     P005 absent at M05 (under no appeal here) → 100 − 2.5 = 97.5
    //   州财政局: P003 absent at M03 (P004 excused) → 97.5
    //   州直机关: 州发改委 + 州财政局 → 100 − 2.5 − 1 = 96.5
    //   县市 has only 甲县 below it: listed once, as 甲县.
    const auto r = ctl(
        {"report", "performance", "--period", "2026-11", "--policy", policy(weights), "--output", dir.file("p.csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(rows(dir.file("p.csv")), (std::vector<std::string>{
                                           "1,州直机关/州发改委,6,0,1,0,1.0,99.0,83.3%",
                                           "2,县市/甲县,6,1,0,0,2.5,97.5,83.3%",
                                           "2,州直机关/州财政局,6,1,0,0,2.5,97.5,80.0%",
                                           "4,州直机关,12,1,1,0,3.5,96.5,81.8%",
                                       }));
    const auto csv = readFile(dir.file("p.csv"));
    EXPECT_NE(csv.find("排名,单位,应到,缺席,迟到/早退,派员不足,扣分,得分,出勤率"), std::string::npos) << csv;
    EXPECT_NE(csv.find("得分 = 100 − 2.5 × 缺席 − 1 × 迟到/早退 − 3 × 派员不足"), std::string::npos) << csv;
}

TEST_F(PerformanceReportTest, aLevelRanksEachGroupOnItsOwn)
{
    ASSERT_EQ(ctl({"unit", "set", "州直机关", "--order", "1"}).code, 0);
    ASSERT_EQ(ctl({"unit", "set", "县市", "--order", "2"}).code, 0);
    const auto r = ctl({"report", "performance", "--period", "2026-11", "--level", "2", "--policy", policy(weights),
                        "--output", dir.file("p2.csv")});
    ASSERT_EQ(r.code, 0) << r.err;
    // 州直机关's departments, then 县市's counties (official order), each ranked from 1; no parent row.
    EXPECT_EQ(rows(dir.file("p2.csv")), (std::vector<std::string>{
                                            "1,州直机关/州发改委,6,0,1,0,1.0,99.0,83.3%",
                                            "2,州直机关/州财政局,6,1,0,0,2.5,97.5,80.0%",
                                            "1,县市/甲县,6,1,0,0,2.5,97.5,83.3%",
                                        }));
    const auto csv = readFile(dir.file("p2.csv"));
    EXPECT_LT(csv.find("\r\n州直机关\r\n"), csv.find("\r\n县市\r\n")) << csv;
}

TEST_F(PerformanceReportTest, wholeWeightsGiveWholeScoresInEveryFormat)
{
    // The default policy: 100 − 2 × 缺席 − 1 × 迟到/早退 − 2 × 派员不足.
    for (const char* ext : {"csv", "xlsx", "pdf"}) {
        const auto r =
            ctl({"report", "performance", "--period", "2026-11", "--output", dir.file(std::string("d.") + ext)});
        ASSERT_EQ(r.code, 0) << ext << ": " << r.err;
    }
    EXPECT_EQ(rows(dir.file("d.csv")).front(), "1,州直机关/州发改委,6,0,1,0,1,99,83.3%");
    const auto diff = xlsxMatchesCsv(dir.file("d.xlsx"), dir.file("d.csv"));
    EXPECT_EQ(diff.rfind("checked", 0), 0u) << diff;
    const auto text = squash(run("pdftotext '" + dir.file("d.pdf") + "' -"));
    EXPECT_NE(text.find("各单位会议纪律绩效考评"), std::string::npos) << text;
}

TEST_F(PerformanceReportTest, badWeightsAreRefusedNamingTheKey)
{
    const struct {
        const char* name;
        const char* toml;
        const char* message;
    } rows[] = {
        {"negative", "[performance]\nper_absence = -1\n", "performance.per_absence must be a number from 0 to 1000"},
        {"three decimals", "[performance]\nper_late_or_early = 0.125\n",
         "performance.per_late_or_early must have at most two decimals"},
        {"text", "[performance]\nbase = \"100\"\n", "performance.base must be a number"},
        {"zero base", "[performance]\nbase = 0\n", "performance.base must be more than 0"},
        {"unknown key", "[performance]\nper_absense = 2\n", "per_absense"},
    };
    for (const auto& row : rows) {
        const auto r = ctl({"report", "performance", "--period", "2026-11", "--policy", policy(row.toml), "--output",
                            dir.file("bad.csv")});
        EXPECT_EQ(r.code, 1) << row.name;
        EXPECT_NE(r.err.find(row.message), std::string::npos) << row.name << ": " << r.err;
        EXPECT_FALSE(std::filesystem::exists(dir.file("bad.csv"))) << row.name;
    }
}
