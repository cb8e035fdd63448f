#pragma once
// A meeting's outcome as much as period figures need: one line per roster
// member. What AttendanceLedger::lines() returns and ResultsCache keeps.

#include "hub/core/attendance_result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rollcall::reports {

/// One roster member's outcome, as much as period figures need.
struct MemberLine {
    std::string personId;
    core::Status status = core::Status::Absent;
    unsigned flags = 0;
    std::int64_t lateMinutes = 0;
    std::int64_t earlyMinutes = 0;
    /// Absent at a meeting whose reader was offline, and not confirmed by an
    /// absence_confirmation amendment: "reader offline — verify".
    bool verify = false;
    /// The person's unit at the meeting's start (not kept in the cache: the
    /// ledger fills it in from the memberships).
    std::int64_t unitId = 0;
};

/// A unit delegation's outcome (docs/semantics.md §11): one expected place of the unit.
struct DelegationLine {
    std::int64_t unitId = 0;
    core::DelegationStatus status = core::DelegationStatus::Absent;
};

struct MeetingLines {
    core::Meeting meeting;
    std::vector<MemberLine> members;
    std::vector<DelegationLine> delegations;
    bool fromCache = false;
};

} // namespace rollcall::reports
