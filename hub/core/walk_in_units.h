#pragma once
// Walk-ins attached to a unit (docs/semantics.md §7): a person not on a
// meeting's roster whom the organizers register at the door as attending for
// a unit — someone a unit sent in its stead, or 列席 for a unit that was not
// invited. The check-in is a manual_tap amendment (so `amendment revoke`
// withdraws the whole registration) and a walk_in_units row names the unit
// (schema migration 13). The attachment decides no status and no figure: a
// rate is attended ÷ expected, and nobody expected a walk-in; boards, status
// and sheets show the walk-in under the unit they came for.
#include "common/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace rollcall::core {

/// Names the unit that manual check-in `amendmentId` was made for. The
/// amendment must be a manual check-in (a trigger refuses anything else).
void attachWalkIn(common::Database& db, std::int64_t amendmentId, std::int64_t unitId);

/// Person id → the unit path they attend `meetingId` for, from the meeting's
/// attachments whose amendment is not revoked (the latest applies).
[[nodiscard]] std::unordered_map<std::string, std::string> walkInUnits(common::Database& db,
                                                                       const std::string& meetingId);

/// A person's attachment in force at a meeting: its amendment and unit path.
struct WalkInUnit {
    std::int64_t amendmentId = 0;
    std::string unitPath;
};
[[nodiscard]] std::optional<WalkInUnit> walkInUnitOf(common::Database& db, const std::string& meetingId,
                                                     const std::string& personId);

} // namespace rollcall::core
