// findDiscipline: who gets which notice, computed from the policy and the
// figures alone (no template, no file), over the scripted quarter (scenario.h).
#include "hub/reports/discipline_findings.h"
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;
using rollcall::testing::Scenario;

namespace {

class DisciplineFindingsTest : public ::testing::Test {
protected:
    void SetUp() override { s.build(db); }
    DisciplineFindings find(const Policy& policy, const std::string& period)
    {
        AttendanceLedger ledger(record);
        return findDiscipline(ledger, policy, parsePeriod(period, s.zone), s.zone, s.now);
    }
    Scenario s;
    common::Database db{":memory:"};
    core::Record record{db};
};

/// "P002 效能告诫" per person finding (measure, or "held" when only held items).
std::vector<std::string> personLines(const DisciplineFindings& f)
{
    std::vector<std::string> out;
    for (const auto& p : f.persons) out.push_back(p.person.id + " " + (p.measure.empty() ? "held" : p.measure));
    return out;
}

} // namespace

TEST_F(DisciplineFindingsTest, novemberFindingsMatchTheHandMadeList)
{
    const auto f = find(defaultPolicy(), "2026-11");
    EXPECT_EQ(personLines(f),
              (std::vector<std::string>{"P005 效能告诫", "P001 held", "P002 效能告诫", "P003 效能告诫"}));
    // P001's absence at M04 (r3 offline) waits for verification.
    ASSERT_EQ(f.persons[1].held.size(), 1u);
    EXPECT_EQ(f.persons[1].held[0].hold, Hold::Verify);
    EXPECT_TRUE(f.persons[1].held[0].absence);
    // P002: the 3rd late/early occurrence of Q4 came in November.
    ASSERT_EQ(f.persons[2].windows.size(), 1u);
    EXPECT_EQ(f.persons[2].windows[0].count, 3);
    EXPECT_EQ(f.persons[2].windows[0].level, kMeasureWarning);
    std::vector<std::string> units;
    for (const auto& u : f.units) units.push_back(u.unit.path);
    // 县市 has only 甲县 below it: one finding, 甲县's.
    EXPECT_EQ(units, (std::vector<std::string>{"州直机关/州财政局", "县市/甲县"}));
    // Numbering and file names are the rendering's business.
    for (const auto& p : f.persons) EXPECT_TRUE(p.noticeNo.empty() && p.file.empty()) << p.person.id;
}

TEST_F(DisciplineFindingsTest, policyDecidesWhichFindingsExist)
{
    const struct {
        const char* name;
        Policy policy;
        std::vector<std::string> persons;
    } rows[] = {
        {"default", defaultPolicy(), {"P005 效能告诫", "P001 held", "P002 效能告诫", "P003 效能告诫"}},
        {"absences off",
         [] {
             auto p = defaultPolicy();
             p.absenceEnabled = false;
             return p;
         }(),
         {"P002 效能告诫"}},
        {"lateness off",
         [] {
             auto p = defaultPolicy();
             p.warningAt = 0;
             p.talkAt = 0;
             return p;
         }(),
         {"P005 效能告诫", "P001 held", "P003 效能告诫"}},
    };
    for (const auto& row : rows) EXPECT_EQ(personLines(find(row.policy, "2026-11")), row.persons) << row.name;
}

TEST_F(DisciplineFindingsTest, quarterGivesTheMostSevereMeasure)
{
    const auto f = find(defaultPolicy(), "2026-Q4");
    EXPECT_EQ(personLines(f),
              (std::vector<std::string>{"P005 效能告诫", "P001 held", "P002 诫勉谈话", "P003 效能告诫"}));
}
