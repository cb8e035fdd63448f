#include "hub/reports/performance_report.h"

#include "hub/reports/labels.h"

#include <cstdio>

namespace rollcall::reports {

UnitScore scoreUnit(const Counts& c, const PerformanceWeights& w)
{
    UnitScore s;
    // A failed delegation is an absence of the unit (Counts), counted here once, as a missed delegation.
    s.absences = c.absent - c.verify - c.delegationsFailed;
    s.lateOrEarly = c.lateOrEarly;
    s.missedDelegations = c.delegationsFailed;
    s.hundredths = w.base - w.perAbsence * s.absences - w.perLateOrEarly * s.lateOrEarly
                   - w.perMissedDelegation * s.missedDelegations;
    return s;
}

std::string formatScore(std::int64_t hundredths, int decimals)
{
    const bool negative = hundredths < 0;
    const auto a = negative ? -hundredths : hundredths;
    char buf[48];
    if (decimals <= 0)
        std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(a / 100));
    else if (decimals == 1)
        std::snprintf(buf, sizeof buf, "%lld.%lld", static_cast<long long>(a / 100),
                      static_cast<long long>(a % 100 / 10));
    else
        std::snprintf(buf, sizeof buf, "%lld.%02lld", static_cast<long long>(a / 100), static_cast<long long>(a % 100));
    return (negative ? "-" : "") + std::string(buf);
}

namespace {

std::string weight(std::int64_t hundredths)
{
    return formatScore(hundredths, hundredths % 100 == 0 ? 0 : hundredths % 10 == 0 ? 1 : 2);
}

Cell scoreCell(std::int64_t hundredths, int decimals)
{
    if (decimals == 0) return Cell(hundredths / 100);
    return Cell(FormattedNumber{static_cast<double>(hundredths) / 100.0, formatScore(hundredths, decimals),
                                decimals == 1 ? "0.0" : "0.00"});
}

} // namespace

Document performanceReport(const PeriodFigures& f, const PerformanceWeights& w, const UnitScope& scope,
                           const core::Zone& zone, common::TimePoint madeAt)
{
    Document doc;
    doc.title = "各单位会议纪律绩效考评";
    doc.subtitle.push_back("考评期间：" + f.period.firstDate + " 至 " + f.period.lastDate
                           + (f.period.kind == PeriodKind::Range ? "" : "（" + f.period.labelZh + "）") + "　会议 "
                           + std::to_string(f.meetings) + " 场");
    doc.subtitle.push_back("制表时间：" + zone.format(madeAt) + "（" + zone.name() + "）");
    doc.subtitle.push_back("得分 = " + weight(w.base) + " − " + weight(w.perAbsence) + " × 缺席 − "
                           + weight(w.perLateOrEarly) + " × 迟到/早退 − " + weight(w.perMissedDelegation)
                           + " × 派员不足");
    const int decimals = w.decimals();
    auto expected = [&](std::int64_t id) {
        const auto it = f.byUnit.find(id);
        return it == f.byUnit.end() ? 0L : it->second.expected;
    };
    const auto groups = unitGroups(f.units, expected, scope);
    for (const auto& group : groups) {
        std::map<std::int64_t, UnitScore> scores;
        for (auto id : group.members) scores.emplace(id, scoreUnit(f.byUnit.at(id), w));
        const auto ranked = rankUnitsBy(
            group.members, [](std::int64_t) { return true; },
            [&](std::int64_t x, std::int64_t y) {
                const auto a = scores.at(x).hundredths, b = scores.at(y).hundredths;
                return a > b ? -1 : a < b ? 1 : 0;
            });
        Section s;
        if (group.unit) s.heading = officialUnitName(f.units.at(*group.unit));
        s.columns = {{"排名", 0.7, true},      {"单位", 4.0},           {"应到", 1, true}, {"缺席", 1, true},
                     {"迟到/早退", 1.2, true}, {"派员不足", 1.1, true}, {"扣分", 1, true}, {"得分", 1, true},
                     {"出勤率", 1.2, true}};
        for (const auto& ru : ranked) {
            const auto& c = f.byUnit.at(ru.unitId);
            const auto& score = scores.at(ru.unitId);
            s.rows.push_back({*ru.rank, f.units.at(ru.unitId).path, c.expected, score.absences, score.lateOrEarly,
                              score.missedDelegations, scoreCell(w.base - score.hundredths, decimals),
                              scoreCell(score.hundredths, decimals), Cell::rate(c.attendanceRate())});
        }
        s.emptyText = "（本期间没有已结束的会议）";
        doc.sections.push_back(std::move(s));
    }
    if (doc.sections.empty()) {
        Section s;
        s.columns = {{"排名", 0.7, true}, {"单位", 4.0}, {"得分", 1, true}};
        s.emptyText = "（本期间没有已结束的会议）";
        doc.sections.push_back(std::move(s));
    }
    auto& last = doc.sections.back();
    last.notes.push_back(
        "缺席：无故缺席人次（读卡器离线待核实的不扣分）；迟到/早退：迟到或早退的会议人次（同一会议既迟到又早退计一次）；"
        "派员不足：单位派员人数不足或无人到会的次数。单位数据含下级单位人员。");
    last.notes.push_back("得分相同者并列，名次按并列人数顺延（如 1、2、2、4）。");
    if (f.meetingsNotOver > 0) {
        last.notes.push_back("另有 " + std::to_string(f.meetingsNotOver) + " 场会议尚未结束，未计入。");
    }
    doc.footer = "制表：办公室（效能办）　数据来源：Rollcall 签到记录";
    return doc;
}

} // namespace rollcall::reports
