#pragma once
// The monthly disclosure list (每月公示) of a month's discipline findings:
// units below the policy's rate and persons with unexcused absences, with the
// 公示期 (objection period), where objections go and whom to ask, all from
// the policy (DisclosureNotice).
#include "hub/reports/discipline_findings.h"
#include "hub/reports/document.h"

namespace rollcall::reports {

[[nodiscard]] Document disclosureList(const DisciplineFindings& findings, const core::Zone& zone,
                                      common::TimePoint madeAt);

/// The objection period: from the day the list is made, `days` calendar days
/// (both inclusive), as local dates "2026-12-05", "2026-12-09".
[[nodiscard]] std::pair<std::string, std::string> objectionPeriod(common::TimePoint madeAt, int days,
                                                                  const core::Zone& zone);

} // namespace rollcall::reports
