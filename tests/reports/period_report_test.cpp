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
    // 甲县 5/6, 州发改委 5/6 share rank 1; 州直机关 9/11; 州财政局 4/5. 县市 has only 甲县 below it: the same
    // people, listed once (as 甲县), not twice.
    std::vector<std::pair<std::string, std::optional<int>>> got;
    for (const auto& r : ranked) got.emplace_back(f.units.at(r.unitId).path, r.rank);
    const std::vector<std::pair<std::string, std::optional<int>>> expected{
        {"县市/甲县", 1}, {"州直机关/州发改委", 1}, {"州直机关", 3}, {"州直机关/州财政局", 4}};
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
    // 应到, 出席, 迟到, 代会, 请假, 缺席, 待核实, 早退, 出勤率 (the sheet's order); 县市 is 甲县 again: once.
    EXPECT_NE(csv.find("—,县市/甲县,2,0,0,0,2,0,0,0,n/a"), std::string::npos) << csv;
    EXPECT_EQ(csv.find("—,县市,"), std::string::npos) << csv;
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

namespace {

/// The unit cells of a report's ranked rows ("1,州直机关/州发改委,…" → 州直机关/州发改委), and its headings.
std::vector<std::string> rankedUnits(const std::string& csv)
{
    std::vector<std::string> lines, out;
    std::istringstream in(readFile(csv));
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(line);
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        // A heading is the line right above a table's header row.
        if (i + 1 < lines.size() && lines[i + 1].rfind("排名,", 0) == 0 && !line.empty())
            out.push_back("[" + line + "]");
        const auto comma = line.find(',');
        if (comma == std::string::npos || comma == 0) continue;
        const auto rank = line.substr(0, comma);
        if (rank != "—" && rank.find_first_not_of("0123456789") != std::string::npos) continue;
        out.push_back(rank + " " + line.substr(comma + 1, line.find(',', comma + 1) - comma - 1));
    }
    return out;
}

} // namespace

TEST_F(PeriodReportTest, aLevelListsEachUnitOnceRankedWithinTheUnitAbove)
{
    const auto run = [&](std::vector<std::string> extra, const std::string& output) {
        std::vector<std::string> args{"--db",     dir.file("rollcall.db"),
                                      "report",   "period",
                                      "--from",   "2026-11-01",
                                      "--to",     "2026-11-30",
                                      "--by",     "unit",
                                      "--output", dir.file(output)};
        args.insert(args.end(), extra.begin(), extra.end());
        return runCtl(args, s.now);
    };
    ASSERT_EQ(runCtl({"--db", dir.file("rollcall.db"), "unit", "set", "州直机关", "--order", "1", "--official-name",
                      "州直属机关"},
                     s.now)
                  .code,
              0);
    ASSERT_EQ(runCtl({"--db", dir.file("rollcall.db"), "unit", "set", "县市", "--order", "2"}, s.now).code, 0);
    auto r = run({"--level", "2"}, "level2.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    // One row per unit of level 2, grouped under the unit above in official order, each group ranked from 1.
    EXPECT_EQ(rankedUnits(dir.file("level2.csv")),
              (std::vector<std::string>{"[州直属机关]", "1 州直机关/州发改委", "2 州直机关/州财政局", "[县市]",
                                        "1 县市/甲县"}));
    r = run({"--level", "1"}, "level1.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    // 县市 5/6 above 州直机关 9/11: parents only, never among their children.
    EXPECT_EQ(rankedUnits(dir.file("level1.csv")), (std::vector<std::string>{"1 县市", "2 州直机关"}));
    r = run({"--group", "州直机关"}, "group.csv");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(rankedUnits(dir.file("group.csv")),
              (std::vector<std::string>{"[州直属机关]", "1 州直机关/州发改委", "2 州直机关/州财政局"}));
    r = run({"--level", "4"}, "bad.csv");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("--level: 4 is not a level of the unit tree (1 to 2)"), std::string::npos) << r.err;
    r = run({"--group", "州直机关/州教育局"}, "bad.csv");
    EXPECT_EQ(r.code, 1);
    EXPECT_NE(r.err.find("--group: unit \"州直机关/州教育局\" does not exist"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(dir.file("bad.csv")));
}

TEST_F(PeriodReportTest, xlsxRatesAreNumbersWithAPercentFormatUnderAFrozenRepeatedHeader)
{
    ASSERT_EQ(report("2026-11-01", "2026-11-30", "unit", "rates.xlsx").code, 0);
    // openpyxl (Debian's python3-openpyxl) reads the workbook back.
    const std::string script =
        "import sys, openpyxl\n"
        "wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.active\n"
        "header = next(r for r in ws.iter_rows() if r[0].value == '排名')\n"
        "col = [c.value for c in header].index('出勤率')\n"
        "for row in ws.iter_rows(min_row=header[0].row + 1):\n"
        "    c = row[col]\n"
        "    if isinstance(row[0].value, (int, float)) or row[0].value == '—':\n"
        "        print('rate', type(c.value).__name__, c.number_format, round(c.value, 4) if isinstance(c.value, float) else c.value)\n"
        "print('freeze', ws.freeze_panes, 'header', header[0].row)\n"
        "print('titles', ws.print_title_rows)\n"
        "print('fit', ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage)\n";
    const std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
    const auto out = run(python + " -c \"" + script + "\" '" + dir.file("rates.xlsx") + "' 2>&1");
    // 5/6, 5/6, 9/11, 4/5 as fractions, shown as 83.3 %, 81.8 %, 80.0 %.
    EXPECT_NE(out.find("rate float 0.0% 0.8333\nrate float 0.0% 0.8333\nrate float 0.0% 0.8182\nrate float 0.0% 0.8\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("freeze A7 header 6"), std::string::npos) << out;
    EXPECT_NE(out.find("titles $6:$6"), std::string::npos) << out;
    EXPECT_NE(out.find("fit 1 0 True"), std::string::npos) << out;
}
