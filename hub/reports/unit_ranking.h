#pragma once
// Which units a ranking lists, and their ranks. A unit's figures include its
// sub-units, so ranking every unit of the tree together would rank a parent
// among its own children and list a unit with a single sub-unit twice (the
// same people, the same figures). A ranking therefore lists units at one level
// of the tree (`--level N`), ranked within groups: the units under the same
// unit one level up (州直机关's departments apart from 县市's counties), or
// under the one unit `--group` names. Without a level, every unit is listed
// once: a unit whose figures all come from its one sub-unit stands aside for it.
#include "hub/reports/unit_tree.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::reports {

struct UnitScope {
    std::optional<int> level;         // --level N: units at depth N (1 = top level)
    std::optional<std::string> group; // --group PATH: only units under PATH, one group
};

/// A group of units ranked on their own.
struct UnitGroup {
    std::optional<std::int64_t> unit;  // the unit they are under; nullopt: the whole tree
    std::vector<std::int64_t> members; // in the office's order
};

/// The units with anything expected (`expected(id)` > 0) that `scope` lists,
/// in groups, both in the office's order. Throws InputError naming --level or
/// --group when it names no level or unit of the tree.
[[nodiscard]] std::vector<UnitGroup> unitGroups(const UnitMap& units, const std::function<long(std::int64_t)>& expected,
                                                const UnitScope& scope);

struct RankedUnit {
    std::int64_t unitId = 0;
    std::optional<int> rank; // nullopt: not rated (n/a), listed last
};

/// Ranks `members` (in the office's order) best first. `compare(x, y)` is
/// negative when x is better, 0 when equal (compared exactly: no rounding
/// decides a rank), positive when worse. Equal units share a rank (1, 2, 2, 4)
/// and keep the office's order among themselves; units `rated` rejects come
/// last, unranked.
[[nodiscard]] std::vector<RankedUnit> rankUnitsBy(const std::vector<std::int64_t>& members,
                                                  const std::function<bool(std::int64_t)>& rated,
                                                  const std::function<int(std::int64_t, std::int64_t)>& compare);

} // namespace rollcall::reports
