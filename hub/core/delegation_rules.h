#pragma once
// The rule for unit delegations (docs/semantics.md §11): a meeting may ask a
// unit to send N of its people (各单位派 N 名负责同志参加). The unit, not its
// people, is expected; this decides the unit's status from the first
// check-ins of its distinct members. Pure logic, no I/O.

#include "hub/core/attendance_rules.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rollcall::core {

/// A delegation a meeting asks of a unit: its members at S (sub-units
/// included) may count toward its quota.
struct Delegation {
    std::int64_t unitId = 0;
    std::string unitPath;
    int quota = 1;
    std::vector<std::string> memberIds;     // members of the unit at S
    std::optional<std::string> leaveReason; // the unit is excused (unit leave)
};

/// Final statuses met … absent, plus `gathering` (未到齐) before E while fewer
/// than N have come.
enum class DelegationStatus { Gathering, Met, MetLate, Short, Excused, Absent };

[[nodiscard]] std::string_view toString(DelegationStatus s);
/// The Chinese word printed on sheets and screens ("人数不足").
[[nodiscard]] std::string_view labelZh(DelegationStatus s);

struct DelegationFacts {
    int quota = 1;                                    // N
    std::span<const common::TimePoint> firstCheckIns; // one per distinct member, before E, any order
    bool excused = false;                             // the unit has approved leave for the meeting
};

/// The delegation's status at `now`; firstCheckIns are taken to the second.
[[nodiscard]] DelegationStatus evaluateDelegation(const MeetingTimes& meeting, const DelegationFacts& facts,
                                                  common::TimePoint now);

/// For the unit's rate a delegation is one expected place: met and met late
/// attended; short and absent did not; excused leaves the denominator.
[[nodiscard]] bool delegationAttended(DelegationStatus s);

} // namespace rollcall::core
