// `report period`: figures per person and per unit (sub-units included),
// ranking by rate with ties and "n/a", golden CSVs, an empty period.
#include "hub/reports/period_report.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using namespace rollcall::testing;

namespace {

class PeriodReportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
    }
    CtlRun report(const std::string& from, const std::string& to, const std::string& by, const std::string& output)
    {
        return runCtl({"--db", dir.file("rollcall.db"), "report", "period", "--from", from, "--to", to, "--by", by,
                       "--output", dir.file(output)},
                      s.now);
    }
    TempDir dir;
    Scenario s;
};

} // namespace

TEST_F(PeriodReportTest, byUnitMatchesTheGoldenFile)
{
    const auto r = report("2026-11-01", "2026-11-30", "unit", "unit.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    expectGolden(dir.file("unit.csv"), "period_2026-11_by_unit.csv");
}

TEST_F(PeriodReportTest, byPersonMatchesTheGoldenFile)
{
    const auto r = report("2026-10-01", "2026-12-31", "person", "person.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    expectGolden(dir.file("person.csv"), "period_2026-Q4_by_person.csv");
}

TEST_F(PeriodReportTest, unitFiguresIncludeSubUnitsAndRankByRate)
{
    common::Database db(dir.file("rollcall.db"));
    core::Record record(db);
    AttendanceLedger ledger(record);
    const auto f = periodFigures(ledger, dateRange("2026-11-01", "2026-11-30", s.zone), s.now);
    const auto unit = [&](const std::string& path) { return f.byUnit.at(*record.findUnit(path)); };
    // 州直机关 = 州发改委 + 州财政局, three meetings of four members.
    const auto top = unit("州直机关");
    EXPECT_EQ(top.expected, 12);
    EXPECT_EQ(top.expected, unit("州直机关/州发改委").expected + unit("州直机关/州财政局").expected);
    EXPECT_EQ(top.absent, 2); // P003 at M03, P001 at M04 (to verify)
    EXPECT_EQ(top.verify, 1);
    EXPECT_EQ(top.excused, 1);
    EXPECT_EQ(top.present + top.late + top.substituted, 9); // 9 / (12 − 1) = 81.8 %
    const auto ranked = rankUnits(f);
    // 县市 = 甲县 5/6, 州发改委 5/6 share rank 1; 州直机关 9/11; 州财政局 4/5.
    std::vector<std::pair<std::string, std::optional<int>>> got;
    for (const auto& r : ranked) got.emplace_back(f.units.at(r.unitId).path, r.rank);
    const std::vector<std::pair<std::string, std::optional<int>>> expected{
        {"县市", 1}, {"县市/甲县", 1}, {"州直机关/州发改委", 1}, {"州直机关", 4}, {"州直机关/州财政局", 5}};
    EXPECT_EQ(got, expected);
}

TEST_F(PeriodReportTest, unitWithEveryoneExcusedIsNotApplicableAndUnranked)
{
    {
        common::Database db(dir.file("rollcall.db"));
        core::Record r(db);
        // Both attended, so leave alone would not excuse them (attendance outranks leave): override.
        for (const char* p : {"P005", "P006"}) {
            auto a = s.amend(r, core::AmendmentKind::StatusOverride, "M06", p, "经批准参加培训", s.now, false);
            a.status = "excused";
            r.addAmendment(a);
        }
    }
    const auto r = report("2026-12-01", "2026-12-01", "unit", "dec1.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto csv = readFile(dir.file("dec1.csv"));
    EXPECT_NE(csv.find("—,县市/甲县,2,0,0,0,0,2,0,0,n/a"), std::string::npos) << csv;
    EXPECT_NE(csv.find("—,县市,2,0,0,0,0,2,0,0,n/a"), std::string::npos) << csv;
}

TEST_F(PeriodReportTest, periodWithNoMeetingsIsAnEmptyWellFormedReport)
{
    for (const char* fmt : {"csv", "xlsx", "pdf"}) {
        const auto r = report("2025-01-01", "2025-01-31", "unit", std::string("empty.") + fmt);
        ASSERT_EQ(r.code, 0) << fmt << ": " << r.err;
    }
    expectGolden(dir.file("empty.csv"), "period_empty_by_unit.csv");
    const auto diff = xlsxMatchesCsv(dir.file("empty.xlsx"), dir.file("empty.csv"));
    EXPECT_EQ(diff.find("row"), std::string::npos) << diff;
    const auto text = squash(run("pdftotext '" + dir.file("empty.pdf") + "' -"));
    EXPECT_NE(text.find("本期间没有已结束的会议"), std::string::npos) << text;
    EXPECT_NE(text.find("第1页/共1页"), std::string::npos) << text;
}

TEST_F(PeriodReportTest, xlsxAndPdfCarryTheSameFigures)
{
    ASSERT_EQ(report("2026-10-01", "2026-12-31", "unit", "q4.csv").code, 0);
    ASSERT_EQ(report("2026-10-01", "2026-12-31", "unit", "q4.xlsx").code, 0);
    ASSERT_EQ(report("2026-10-01", "2026-12-31", "unit", "q4.pdf").code, 0);
    const auto diff = xlsxMatchesCsv(dir.file("q4.xlsx"), dir.file("q4.csv"));
    EXPECT_EQ(diff.rfind("checked", 0), 0u) << diff;
    EXPECT_EQ(diff.find("row"), std::string::npos) << diff;
    const auto text = squash(run("pdftotext '" + dir.file("q4.pdf") + "' -"));
    for (const char* s :
         {"各单位参会出勤率排名", "州直机关/州财政局", "县市/甲县", "合计：应到42人次", "第1页/共1页"}) {
        EXPECT_NE(text.find(s), std::string::npos) << s << "\n" << text;
    }
}
