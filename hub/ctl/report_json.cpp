#include "hub/ctl/report_json.h"

#include "hub/reports/labels.h"

#include <map>

namespace rollcall::ctl {
namespace {

void addFigures(nlohmann::ordered_json& row, const reports::Counts& c)
{
    row["expected"] = c.expected;
    row["attended"] = c.attended(); // 到会: present, late or substituted, the rate's numerator
    row["present"] = c.present;
    row["late"] = c.late;
    row["substituted"] = c.substituted;
    row["excused"] = c.excused;
    row["absent"] = c.absent;
    row["verify"] = c.verify;
    row["left_early"] = c.leftEarly;
    // As printed, without its "%" ("98.2", "n/a"): a number the desk rounded itself might differ from the report's.
    auto rate = reports::formatRate(c.attendanceRate());
    if (!rate.empty() && rate.back() == '%') rate.pop_back();
    row["rate"] = rate;
}

/// Whether a register period ("2026-11", "2026-Q4", "2026") overlaps [from, to).
bool overlaps(const std::string& label, const reports::Period& period, const core::Zone& zone)
{
    try {
        const auto p = reports::parsePeriod(label, zone);
        return p.from < period.to && period.from < p.to;
    } catch (const common::InputError&) {
        return false; // a range written otherwise: not one of the desk's periods
    }
}

} // namespace

nlohmann::ordered_json unitRowsJson(const reports::PeriodFigures& f, const reports::UnitScope& scope)
{
    auto rows = nlohmann::ordered_json::array();
    for (const auto& group : reports::rankUnitGroups(f, scope)) {
        const auto heading = group.unit ? nlohmann::ordered_json(reports::officialUnitName(f.units.at(*group.unit)))
                                        : nlohmann::ordered_json(nullptr);
        for (const auto& ru : group.units) {
            const auto& unit = f.units.at(ru.unitId);
            nlohmann::ordered_json row{{"group", heading},
                                       {"rank", ru.rank ? nlohmann::ordered_json(*ru.rank) : nullptr},
                                       {"unit", unit.path},
                                       {"name", reports::officialUnitName(unit)}};
            addFigures(row, f.byUnit.at(ru.unitId));
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

nlohmann::ordered_json personRowsJson(const reports::PeriodFigures& f,
                                      const std::vector<reports::RegisterEntry>& notices, const core::Zone& zone)
{
    std::map<std::string, long> noticeCount;
    for (const auto& e : notices) {
        if (e.kind == reports::RegisterEntry::Kind::Notice && e.personId && !e.withdrawnBy
            && overlaps(e.period, f.period, zone))
            ++noticeCount[*e.personId];
    }
    auto rows = nlohmann::ordered_json::array();
    for (const auto* p : reports::personsByUnit(f, f.persons)) {
        nlohmann::ordered_json row{{"person_id", p->id}, {"name", p->name}, {"unit", p->unitPath}};
        addFigures(row, f.byPerson.at(p->id));
        const auto n = noticeCount.find(p->id);
        row["notices"] = n == noticeCount.end() ? 0L : n->second;
        rows.push_back(std::move(row));
    }
    return rows;
}

} // namespace rollcall::ctl
