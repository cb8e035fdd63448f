#pragma once
// `report period --json` (issue 16): the period report's rows as JSON on
// stdout, for the office's desk to show as a table with real columns rather
// than parse a CSV meant for people. The same figures as the CSV, XLSX and
// PDF, keyed by name; a person's row also counts their notices in the
// register for the period, so the desk lists people with absences, late
// arrivals, early departures and notices from one command.
#include "hub/reports/notice_register.h"
#include "hub/reports/period_report.h"

#include <nlohmann/json.hpp>

namespace rollcall::ctl {

/// `[{"group", "rank", "unit", "name", "expected", "attended", "present", "late", "substituted", "excused", "absent",
/// "verify", "left_early", "rate"}]`, the groups and ranks of the report by unit (`rank` null: n/a).
[[nodiscard]] nlohmann::ordered_json unitRowsJson(const reports::PeriodFigures& figures,
                                                  const reports::UnitScope& scope);

/// `[{"person_id", "name", "unit", the figures as above, "notices"}]`, by unit then id; `notices` counts the
/// register's notices in force about the person for a period overlapping `figures.period`.
[[nodiscard]] nlohmann::ordered_json personRowsJson(const reports::PeriodFigures& figures,
                                                    const std::vector<reports::RegisterEntry>& notices,
                                                    const core::Zone& zone);

} // namespace rollcall::ctl
