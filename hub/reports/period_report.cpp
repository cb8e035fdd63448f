#include "hub/reports/period_report.h"

#include "hub/reports/figure_columns.h"
#include "hub/reports/labels.h"
#include "hub/reports/progress.h"

#include <algorithm>

namespace rollcall::reports {

void Counts::add(const MemberLine& l)
{
    StatusTally::add(l.status, l.flags);
    if (l.verify) ++verify;
    if (l.status == core::Status::Late || (l.flags & core::LeftEarly) != 0) ++lateOrEarly;
}

void Counts::add(const DelegationLine& d)
{
    using core::DelegationStatus;
    switch (d.status) {
    case DelegationStatus::Gathering: return; // not over: not counted
    case DelegationStatus::Met: StatusTally::add(core::Status::Present, 0); break;
    case DelegationStatus::MetLate: StatusTally::add(core::Status::Late, 0); break;
    case DelegationStatus::Excused: StatusTally::add(core::Status::Excused, 0); break;
    case DelegationStatus::Short:
    case DelegationStatus::Absent:
        StatusTally::add(core::Status::Absent, 0);
        ++delegationsFailed;
        break;
    }
    ++delegations;
}

Counts& Counts::operator+=(const Counts& o)
{
    StatusTally::operator+=(o);
    verify += o.verify;
    delegations += o.delegations;
    delegationsFailed += o.delegationsFailed;
    lateOrEarly += o.lateOrEarly;
    return *this;
}

PeriodFigures periodFigures(AttendanceLedger& ledger, const Period& period, common::TimePoint now, Progress* progress)
{
    PeriodFigures f;
    f.period = period;
    const auto lines = ledger.lines(period.from, period.to, now, progress);
    f.meetings = static_cast<int>(lines.size());
    f.meetingsNotOver = ledger.meetingsNotOver(period.from, period.to, now);
    std::unordered_map<std::string, Counts> byPerson;
    std::unordered_map<std::string, std::int64_t> lastUnit; // lines come by meeting start
    f.units = ledger.units();
    for (const auto& meeting : lines) {
        for (const auto& l : meeting.members) {
            byPerson[l.personId].add(l);
            lastUnit[l.personId] = l.unitId;
            Counts one;
            one.add(l);
            // The unit the person belonged to at the meeting's start, and every unit above it.
            for (std::optional<std::int64_t> unit = l.unitId; unit && f.units.count(*unit);) {
                f.byUnit[*unit] += one;
                unit = f.units.at(*unit).parent;
            }
        }
        // A delegation counts for its unit (and those above), never for a person.
        for (const auto& d : meeting.delegations) {
            Counts one;
            one.add(d);
            for (std::optional<std::int64_t> unit = d.unitId; unit && f.units.count(*unit);) {
                f.byUnit[*unit] += one;
                unit = f.units.at(*unit).parent;
            }
        }
    }
    f.byPerson.insert(byPerson.begin(), byPerson.end());
    const auto& persons = ledger.persons();
    for (const auto& [personId, unitId] : lastUnit) {
        const auto p = persons.find(personId);
        if (p == persons.end()) continue;
        core::Person person = p->second;
        if (const auto u = f.units.find(unitId); u != f.units.end()) {
            person.unitId = unitId;
            person.unitPath = u->second.path;
        }
        f.persons.emplace(personId, std::move(person));
    }
    return f;
}

namespace {

/// Rates compared exactly: a/b against c/d as a*d against c*b (b, d > 0).
int compareRates(const Counts& a, const Counts& b)
{
    const auto x = a.attended() * b.denominator();
    const auto y = b.attended() * a.denominator();
    return x > y ? -1 : x < y ? 1 : 0;
}

std::vector<RankedGroup> rankGroups(const PeriodFigures& f, const UnitScope& scope)
{
    auto expected = [&](std::int64_t id) {
        const auto it = f.byUnit.find(id);
        return it == f.byUnit.end() ? 0L : it->second.expected;
    };
    std::vector<RankedGroup> out;
    for (const auto& group : unitGroups(f.units, expected, scope)) {
        out.push_back(
            {group.unit,
             rankUnitsBy(
                 group.members, [&](std::int64_t id) { return f.byUnit.at(id).denominator() > 0; },
                 [&](std::int64_t x, std::int64_t y) { return compareRates(f.byUnit.at(x), f.byUnit.at(y)); })});
    }
    return out;
}

} // namespace

std::vector<RankedUnit> rankUnits(const PeriodFigures& f) { return rankGroups(f, {}).front().units; }

std::vector<RankedGroup> rankUnitGroups(const PeriodFigures& f, const UnitScope& scope) { return rankGroups(f, scope); }

std::vector<const core::Person*> personsByUnit(const PeriodFigures& f,
                                               const std::unordered_map<std::string, core::Person>& persons)
{
    std::vector<const core::Person*> list;
    for (const auto& [id, c] : f.byPerson) {
        if (auto p = persons.find(id); p != persons.end()) list.push_back(&p->second);
    }
    const UnitOrder order(f.units);
    std::sort(list.begin(), list.end(), [&](const core::Person* a, const core::Person* b) {
        if (a->unitPath != b->unitPath) return order.before(a->unitPath, b->unitPath);
        return a->id < b->id;
    });
    return list;
}

Document periodReport(const PeriodFigures& f, PeriodBy by, const std::unordered_map<std::string, core::Person>& persons,
                      const core::Zone& zone, common::TimePoint madeAt, const UnitScope& scope)
{
    Document doc;
    doc.title = by == PeriodBy::Unit ? "各单位参会出勤率排名" : "人员参会情况统计";
    doc.subtitle.push_back("统计期间：" + f.period.firstDate + " 至 " + f.period.lastDate
                           + (f.period.kind == PeriodKind::Range ? "" : "（" + f.period.labelZh + "）") + "　会议 "
                           + std::to_string(f.meetings) + " 场");
    doc.subtitle.push_back("制表时间：" + zone.format(madeAt) + "（" + zone.name() + "）");
    Section s;
    const auto figures = figureColumns();
    auto append = [](std::vector<Cell>& row, const Counts& c) { appendFigures(row, c, c.verify); };
    if (by == PeriodBy::Unit) {
        s.columns = {{"排名", 0.7, true}, {"单位", 4.0}};
        s.columns.insert(s.columns.end(), figures.begin(), figures.end());
        const auto groups = rankUnitGroups(f, scope);
        for (std::size_t g = 0; g < groups.size(); ++g) {
            // Each group is its own table, ranked on its own, headed by the unit it is under.
            Section table;
            table.columns = s.columns;
            if (groups[g].unit) table.heading = officialUnitName(f.units.at(*groups[g].unit));
            for (const auto& ru : groups[g].units) {
                std::vector<Cell> row{ru.rank ? Cell(*ru.rank) : Cell("—"), f.units.at(ru.unitId).path};
                append(row, f.byUnit.at(ru.unitId));
                table.rows.push_back(std::move(row));
            }
            if (g + 1 < groups.size()) {
                doc.sections.push_back(std::move(table));
            } else {
                table.columns = s.columns;
                s = std::move(table);
            }
        }
        if (scope.level || scope.group) {
            doc.subtitle.push_back(
                "排名范围：" + (scope.group ? scope.group.value() + " 下" : std::string())
                + (scope.level ? "第 " + std::to_string(*scope.level) + " 级单位" : std::string("下一级单位"))
                + (groups.size() > 1 ? "，按上级单位分组排名" : ""));
        }
    } else {
        s.columns = {{"单位", 3.0}, {"姓名", 1.2}, {"工号", 1.0}};
        s.columns.insert(s.columns.end(), figures.begin(), figures.end());
        for (const auto* p : personsByUnit(f, persons)) {
            std::vector<Cell> row{p->unitPath, p->name, p->id};
            append(row, f.byPerson.at(p->id));
            s.rows.push_back(std::move(row));
        }
    }
    s.emptyText = "（本期间没有已结束的会议）";
    Counts total;
    for (const auto& [id, c] : f.byPerson) total += c;
    s.notes.push_back("合计：应到 " + std::to_string(total.expected) + " 人次，出席 " + std::to_string(total.present)
                      + "，迟到 " + std::to_string(total.late) + "，代会 " + std::to_string(total.substituted)
                      + "，请假 " + std::to_string(total.excused) + "，缺席 " + std::to_string(total.absent)
                      + "，待核实 " + std::to_string(total.verify) + "，早退 " + std::to_string(total.leftEarly)
                      + "；出勤率 " + formatRate(total.attendanceRate()) + "。");
    s.notes.push_back("出勤率 =（出席 + 迟到 + 代会）÷（应到 − 请假）；分母为 0 时记 n/a，不参加排名。"
                      + std::string(by == PeriodBy::Unit ? "单位数据含下级单位人员。" : ""));
    s.notes.push_back("待核实：读卡器离线期间的缺席，已计入缺席，确认前不作为处理依据。");
    if (by == PeriodBy::Unit) {
        long delegations = 0;
        for (const auto& [id, c] : f.byUnit) {
            if (!f.units.at(id).parent) delegations += c.delegations;
        }
        if (delegations > 0) {
            s.notes.push_back(
                "单位派员（各单位派 N 名）按单位计应到一席：到齐计出席，到齐但迟到计迟到，人数不足或无人到会计缺席，"
                "单位请假计请假；不计入个人。");
        }
    }
    if (f.meetingsNotOver > 0) {
        s.notes.push_back("另有 " + std::to_string(f.meetingsNotOver) + " 场会议尚未结束，未计入。");
    }
    doc.sections.push_back(std::move(s));
    doc.footer = "制表：办公室（效能办）　数据来源：Rollcall 签到记录";
    return doc;
}

} // namespace rollcall::reports
