// `report period --json` and `appeal list --json` (issue 16, the office's
// desk): the rows a desk shows as a table carry the report's own figures by
// name — units ranked as the CSV ranks them, people with their absences,
// late arrivals, early departures and notices in the register — and the open
// appeals with who received them; --json and --output exclude each other.
#include "hub/reports/labels.h"
#include "hub/reports/period_report.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

using namespace rollcall;
using namespace rollcall::reports;
using namespace rollcall::testing;

namespace {

class ReportJson : public ::testing::Test {
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
    nlohmann::json json(std::vector<std::string> args)
    {
        const auto r = ctl(std::move(args));
        EXPECT_EQ(r.code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    TempDir dir;
    Scenario s;
};

TEST_F(ReportJson, unitsCarryTheReportsFiguresAndRanksByName)
{
    const auto rows = json(
        {"report", "period", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "unit", "--level", "2", "--json"});
    common::Database db(dir.file("rollcall.db"));
    core::Record record(db);
    AttendanceLedger ledger(record);
    const auto f = periodFigures(ledger, dateRange("2026-11-01", "2026-11-30", s.zone), s.now);
    ASSERT_FALSE(rows.empty());
    std::map<std::string, int> lastRank;
    for (const auto& row : rows) {
        const auto& c = f.byUnit.at(*record.findUnit(row["unit"].get<std::string>()));
        const auto unit = row["unit"].get<std::string>();
        EXPECT_EQ(row["expected"], c.expected) << unit;
        EXPECT_EQ(row["attended"], c.present + c.late + c.substituted) << unit;
        EXPECT_EQ(row["absent"], c.absent) << unit;
        EXPECT_EQ(row["excused"], c.excused) << unit;
        EXPECT_EQ(row["left_early"], c.leftEarly) << unit;
        const auto rate = formatRate(c.attendanceRate());
        EXPECT_EQ(row["rate"], rate == "n/a" ? rate : rate.substr(0, rate.size() - 1)) << unit;
        EXPECT_EQ(row["rate"].get<std::string>().find('%'), std::string::npos) << unit;
        // The name a document uses, never the path; at level 2 each group is headed by the unit above.
        EXPECT_EQ(unit.rfind(row["name"].get<std::string>()), unit.size() - row["name"].get<std::string>().size());
        ASSERT_TRUE(row["group"].is_string()) << unit;
        if (row["rank"].is_number()) {
            const auto group = row["group"].get<std::string>();
            EXPECT_GE(row["rank"].get<int>(), lastRank[group]) << unit;
            lastRank[group] = row["rank"].get<int>();
        }
    }
}

TEST_F(ReportJson, peopleCarryAbsencesLateEarlyAndTheirNoticesInForce)
{
    ASSERT_EQ(ctl({"notices", "issue", "--period", "2026-11"}).code, 0);
    const auto people =
        json({"report", "period", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "person", "--json"});
    const auto register_ = json({"notices", "list", "--json"});
    std::map<std::string, int> issued;
    for (const auto& e : register_) {
        if (e["kind"] == "notice" && e["person_id"].is_string()) ++issued[e["person_id"].get<std::string>()];
    }
    ASSERT_FALSE(issued.empty());
    int withNotices = 0;
    for (const auto& p : people) {
        const auto id = p["person_id"].get<std::string>();
        EXPECT_FALSE(p["name"].get<std::string>().empty()) << id;
        for (const auto* key : {"expected", "absent", "late", "left_early", "notices"})
            EXPECT_TRUE(p[key].is_number_integer()) << id << " " << key;
        const auto n = issued.find(id);
        EXPECT_EQ(p["notices"].get<int>(), n == issued.end() ? 0 : n->second) << id;
        if (p["notices"].get<int>() > 0) {
            ++withNotices;
            EXPECT_GT(p["absent"].get<int>() + p["late"].get<int>() + p["left_early"].get<int>(), 0) << id;
        }
    }
    EXPECT_EQ(withNotices, static_cast<int>(issued.size()));
    // The register names whom each notice is about, not only the id.
    for (const auto& e : register_) EXPECT_FALSE(e["name"].get<std::string>().empty()) << e.dump();
    // A quarter later, November's notices are not December's.
    const auto december =
        json({"report", "period", "--from", "2026-12-01", "--to", "2026-12-31", "--by", "person", "--json"});
    for (const auto& p : december) EXPECT_EQ(p["notices"], 0) << p.dump();
}

TEST_F(ReportJson, jsonAndOutputExcludeEachOther)
{
    const auto both = ctl(
        {"report", "period", "--from", "2026-11-01", "--to", "2026-11-30", "--json", "--output", dir.file("x.csv")});
    EXPECT_EQ(both.code, 2);
    EXPECT_NE(both.err.find("--json"), std::string::npos) << both.err;
    const auto neither = ctl({"report", "period", "--from", "2026-11-01", "--to", "2026-11-30"});
    EXPECT_EQ(neither.code, 2);
    EXPECT_NE(neither.err.find("--output is required"), std::string::npos) << neither.err;
}

TEST_F(ReportJson, openAppealsAreListedUntilResolved)
{
    EXPECT_EQ(json({"appeal", "list", "--json"}), nlohmann::json::array());
    ASSERT_EQ(ctl({"appeal", "add", "--meeting", "M05", "--person", "P005", "--reason", "当日因病就医，有病历",
                   "--received", "2027-01-04"})
                  .code,
              0);
    const auto open = json({"appeal", "list", "--json"});
    ASSERT_EQ(open.size(), 1u);
    EXPECT_EQ(open[0]["meeting"], "M05");
    EXPECT_EQ(open[0]["person_id"], "P005");
    EXPECT_EQ(open[0]["by"], "P005");
    EXPECT_EQ(open[0]["clerk"], "办公室");
    EXPECT_EQ(open[0]["received"], "2027-01-04");
    EXPECT_EQ(open[0]["reason"], "当日因病就医，有病历");
    EXPECT_FALSE(open[0]["name"].get<std::string>().empty());
    const auto text = ctl({"appeal", "list"});
    EXPECT_NE(text.out.find("M05  P005"), std::string::npos) << text.out;
    ASSERT_EQ(
        ctl({"appeal", "resolve", "--meeting", "M05", "--person", "P005", "--rejected", "--reason", "病历日期不符"})
            .code,
        0);
    EXPECT_EQ(json({"appeal", "list", "--json"}), nlohmann::json::array());
    EXPECT_NE(ctl({"appeal", "list"}).out.find("no open appeals"), std::string::npos);
}

} // namespace
