#pragma once
// What the office lists about a unit beyond its path: its official order
// (reports sort units by it, then by path) and its official name (主送 on a
// notice; the display name when none is given). Neither changes a figure.
#include "common/database.h"
#include "common/input_error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rollcall::core {

struct UnitDetails {
    std::optional<std::int64_t> officialOrder; // smaller first; units without one come after those with one
    std::optional<std::string> officialName;   // e.g. 中共某州委员会办公室
};

/// The details recorded for a unit (both empty for an unknown unit).
[[nodiscard]] UnitDetails unitDetails(common::Database& db, std::int64_t unitId);

/// Records what `details` gives (a field left empty keeps what is recorded).
/// Throws InputError for a negative order or an empty name.
void setUnitDetails(common::Database& db, std::int64_t unitId, const UnitDetails& details);

} // namespace rollcall::core
