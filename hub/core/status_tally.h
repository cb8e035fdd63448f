#pragma once
// Counts of roster members by status and flag (docs/semantics.md §4, §5) and
// the attendance rate over them (§9): the one tally behind the live summary,
// the meeting sheet and the period figures.

#include "hub/core/attendance_rules.h"

#include <optional>

namespace rollcall::core {

struct StatusTally {
    long expected = 0, present = 0, late = 0, absent = 0, excused = 0, substituted = 0, notArrived = 0, overdue = 0;
    long leftEarly = 0, leftMidMeeting = 0, noCheckout = 0;

    /// Adds (sign = +1) or removes (sign = −1) one member with this status and these flags.
    void add(Status status, unsigned flags, int sign = 1);
    StatusTally& operator+=(const StatusTally& other);
    bool operator==(const StatusTally&) const = default;
    /// present + late + substituted: a substitute represents the member.
    [[nodiscard]] long attended() const { return present + late + substituted; }
    /// (present + late + substituted) / (expected − excused); nullopt when the denominator is 0.
    [[nodiscard]] std::optional<double> attendanceRate() const;
};

} // namespace rollcall::core
