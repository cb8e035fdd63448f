#include "hub/reports/disclosure_list.h"

#include "hub/reports/figure_columns.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace rollcall::reports {
namespace {

/// "2026-12-05" as "2026年12月5日".
std::string dateZhOf(const std::string& d)
{
    return d.substr(0, 4) + "年" + std::to_string(std::stoi(d.substr(5, 2))) + "月"
           + std::to_string(std::stoi(d.substr(8, 2))) + "日";
}

} // namespace

std::pair<std::string, std::string> objectionPeriod(common::TimePoint madeAt, int days, const core::Zone& zone)
{
    const auto first = zone.formatDate(madeAt);
    // Noon of the last day: a day is 23 or 25 hours long where clocks change, never 12.
    const auto last = zone.startOfDay(first) + std::chrono::hours(24) * (days - 1) + std::chrono::hours(12);
    return {first, zone.formatDate(last)};
}

Document disclosureList(const DisciplineFindings& f, const core::Zone& zone, common::TimePoint madeAt)
{
    const auto& notice = f.policy.disclosure;
    const auto [firstDay, lastDay] = objectionPeriod(madeAt, notice.objectionDays, zone);
    Document doc;
    doc.title = f.period.labelZh + "会议出勤情况公示";
    doc.subtitle.push_back("统计期间：" + f.period.firstDate + " 至 " + f.period.lastDate + "　会议 "
                           + std::to_string(f.meetings) + " 场");
    doc.subtitle.push_back("公示期：" + dateZhOf(firstDay) + "至" + dateZhOf(lastDay) + "（"
                           + std::to_string(notice.objectionDays) + " 天）");
    doc.subtitle.push_back("对公示内容有异议的，请于公示期内" + notice.objectionChannel + "。"
                           + (notice.contact.empty() ? "" : "联系人及电话：" + notice.contact));
    doc.subtitle.push_back("制表时间：" + zone.format(madeAt) + "（" + zone.name() + "）　发布：" + f.policy.office);
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g%%", f.policy.unitRateBelow * 100.0);
    Section units;
    units.heading = std::string("一、出勤率低于 ") + threshold + " 的单位";
    units.columns = {{"序号", 0.6, true}, {"单位", 4.0}};
    // The same figure columns as the sheet and the period report; held absences are left out, so no 待核实.
    const auto figures = figureColumns(false);
    units.columns.insert(units.columns.end(), figures.begin(), figures.end());
    int n = 0;
    for (const auto& uf : f.units) {
        std::vector<Cell> row{++n, uf.unit.path};
        appendFigures(row, uf.counts, std::nullopt);
        units.rows.push_back(std::move(row));
    }
    units.notes.push_back(
        "出勤率 =（出席 + 迟到 + 代会）÷（应到 − 请假），含下级单位人员；待核实和申诉中的缺席不计入。");
    doc.sections.push_back(std::move(units));
    if (f.policy.listPersonsWithAbsence) {
        Section persons;
        persons.heading = "二、无故缺席人员";
        persons.columns = {{"序号", 0.6, true}, {"单位", 3.0}, {"姓名", 1.2},    {"工号", 1.0},
                           {"会议日期", 1.2},   {"会议", 3.0}, {"会议编号", 1.2}};
        int k = 0, held = 0;
        for (const auto& pf : f.persons) {
            held += static_cast<int>(
                std::count_if(pf.held.begin(), pf.held.end(), [](const Occurrence& o) { return o.absence; }));
            for (const auto& o : pf.absences) {
                const auto& m = f.results[o.meeting].meeting;
                persons.rows.push_back({++k, pf.person.unitPath, pf.person.name, pf.person.id,
                                        zone.formatDate(m.times.start), m.title, m.id});
            }
        }
        if (held > 0) persons.notes.push_back("另有 " + std::to_string(held) + " 人次缺席正在申诉或待核实，暂不公示。");
        doc.sections.push_back(std::move(persons));
    }
    doc.footer = f.policy.office + "　" + dateZhOf(zone.formatDate(madeAt));
    doc.landscape = false;
    return doc;
}

} // namespace rollcall::reports
