#pragma once
// The sign-in sheet of one meeting (签到表): every roster member by unit with
// status, times, minutes, flags, substitute, leave reason and the amendments
// that touched them, then per-unit subtotals and the meeting's totals.
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/document.h"

namespace rollcall::reports {

/// Builds the sheet. `offline` lists readers that were not heard from during
/// the meeting (their absences are marked for verification).
[[nodiscard]] Document meetingSheet(const core::MeetingResult& result, const std::vector<OfflineReader>& offline,
                                    const core::Zone& zone, common::TimePoint madeAt);

} // namespace rollcall::reports
