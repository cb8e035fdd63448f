#pragma once
// 绩效考评: each unit's score over a period by the policy's weights
// (PerformanceWeights), ranked within groups of the unit tree as the period
// report ranks rates (unit_ranking.h). Scores are whole hundredths, so equal
// scores are equal exactly and share a rank.
#include "hub/reports/period_report.h"
#include "hub/reports/policy.h"

namespace rollcall::reports {

/// One unit's deductions and score.
struct UnitScore {
    long absences = 0;          // unexcused absences of members, not awaiting verification
    long lateOrEarly = 0;       // members' meetings late or left early (each once)
    long missedDelegations = 0; // delegations short or absent
    std::int64_t hundredths = 0;
};

[[nodiscard]] UnitScore scoreUnit(const Counts& counts, const PerformanceWeights& weights);

/// "98", "97.5" or "96.25": a score in hundredths with `decimals` places.
[[nodiscard]] std::string formatScore(std::int64_t hundredths, int decimals);

/// The 绩效考评 table. Throws InputError naming --level or --group.
[[nodiscard]] Document performanceReport(const PeriodFigures& figures, const PerformanceWeights& weights,
                                         const UnitScope& scope, const core::Zone& zone, common::TimePoint madeAt);

} // namespace rollcall::reports
