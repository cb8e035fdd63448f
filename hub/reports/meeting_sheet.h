#pragma once
// The sign-in sheet of one meeting (签到表): every roster member by unit (in
// the office's order) with status, venue, times, minutes, flags, substitute,
// leave reason and the amendments that touched them; check-ins per venue
// (主会场 / 分会场); per-unit subtotals and the meeting's totals; and the
// walk-ins and unknown badges by name and UID.
#include "hub/core/schedule.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/document.h"

#include <map>

namespace rollcall::reports {

/// What the sheet needs beyond the meeting's result: units in the office's
/// order, and where each reader stands (a check-in's venue).
struct SheetPlaces {
    UnitMap units;
    std::map<std::string, std::string> readerVenues; // reader id -> venue id
};
[[nodiscard]] SheetPlaces loadSheetPlaces(common::Database& db);

/// Builds the sheet. `offline` lists readers that were not heard from during
/// the meeting (their absences are marked for verification); `changes` its
/// cancel and moves, each shown with who, when and why.
[[nodiscard]] Document meetingSheet(const core::MeetingResult& result, const std::vector<OfflineReader>& offline,
                                    const core::Zone& zone, common::TimePoint madeAt,
                                    const std::vector<core::MeetingChange>& changes = {},
                                    const SheetPlaces& places = {});

} // namespace rollcall::reports
