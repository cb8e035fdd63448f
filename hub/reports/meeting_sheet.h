#pragma once
// The sign-in sheet of one meeting (签到表): every roster member by unit with
// status, times, minutes, flags, substitute, leave reason and the amendments
// that touched them, then per-unit subtotals and the meeting's totals.
#include "hub/core/schedule.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/document.h"

namespace rollcall::reports {

/// Builds the sheet. `offline` lists readers that were not heard from during
/// the meeting (their absences are marked for verification); `changes` its
/// cancel and moves, each shown with who, when and why.
[[nodiscard]] Document meetingSheet(const core::MeetingResult& result, const std::vector<OfflineReader>& offline,
                                    const core::Zone& zone, common::TimePoint madeAt,
                                    const std::vector<core::MeetingChange>& changes = {});

} // namespace rollcall::reports
