#pragma once
// Units as the office lists them: the tree with each unit's official order and
// official name (schema 9, hub/core/unit_details.h). Every report sorts units
// here, and every document that addresses a unit names it here, so a sheet,
// a ranking and a notice agree.
#include "common/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace rollcall::reports {

struct UnitInfo {
    std::int64_t id = 0;
    std::optional<std::int64_t> parent;
    std::string path; // 州直机关/州自然资源局
    std::string name; // 州自然资源局 (the last part of the path)
    std::optional<std::int64_t> officialOrder;
    std::optional<std::string> officialName; // 州自然资源局 as the office writes it in full
};

using UnitMap = std::map<std::int64_t, UnitInfo>;

/// Every unit of the record.
[[nodiscard]] UnitMap loadUnits(common::Database& db);

/// The name a document addresses the unit by (主送): its official name, else
/// its display name (the last part of its path), never the slash path.
[[nodiscard]] std::string officialUnitName(const UnitInfo& unit);

/// The unit's depth in the tree: 1 for a top-level unit (州直机关), 2 for one
/// below it (州直机关/州发改委), and so on.
[[nodiscard]] int unitLevel(const UnitInfo& unit);

/// The office's order of units: the tree in depth-first order, siblings by
/// official order (units without one after those with one), then by path; a
/// unit comes before its sub-units. Keys are worked out once per report.
class UnitOrder {
public:
    explicit UnitOrder(const UnitMap& units);
    [[nodiscard]] bool before(std::int64_t a, std::int64_t b) const;
    /// The same for units known by path; a path not in the map sorts after
    /// every known one, by path.
    [[nodiscard]] bool before(const std::string& a, const std::string& b) const;
    /// `ids` in this order.
    void sort(std::vector<std::int64_t>& ids) const;

private:
    using KeyPart = std::tuple<bool, std::int64_t, std::string>; // no order, order, path
    std::map<std::int64_t, std::vector<KeyPart>> keys_;
    std::map<std::string, std::int64_t> byPath_;
};

/// The ancestor of `id` at `level` (itself when at that level); nullopt when
/// the unit is above that level.
[[nodiscard]] std::optional<std::int64_t> ancestorAt(const UnitMap& units, std::int64_t id, int level);

} // namespace rollcall::reports
