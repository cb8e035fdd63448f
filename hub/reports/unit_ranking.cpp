#include "hub/reports/unit_ranking.h"

#include "common/input_error.h"

#include <algorithm>
#include <map>

namespace rollcall::reports {
namespace {

/// Every unit with anything expected, except one whose figures all come from
/// its single counted sub-unit: the same people would be listed (and
/// noticed) twice.
std::vector<std::int64_t> everyUnitOnce(const UnitMap& units, const std::function<long(std::int64_t)>& expected)
{
    std::map<std::int64_t, std::vector<std::int64_t>> countedChildren;
    for (const auto& [id, u] : units) {
        if (u.parent && expected(id) > 0) countedChildren[*u.parent].push_back(id);
    }
    std::vector<std::int64_t> out;
    for (const auto& [id, u] : units) {
        const long own = expected(id);
        if (own <= 0) continue;
        const auto children = countedChildren.find(id);
        if (children != countedChildren.end() && children->second.size() == 1
            && expected(children->second.front()) == own)
            continue;
        out.push_back(id);
    }
    return out;
}

} // namespace

std::vector<UnitGroup> unitGroups(const UnitMap& units, const std::function<long(std::int64_t)>& expected,
                                  const UnitScope& scope)
{
    const UnitOrder order(units);
    if (!scope.level && !scope.group) {
        UnitGroup all;
        all.members = everyUnitOnce(units, expected);
        order.sort(all.members);
        return {std::move(all)};
    }
    int deepest = 0;
    for (const auto& [id, u] : units) deepest = std::max(deepest, unitLevel(u));
    std::optional<std::int64_t> group;
    if (scope.group) {
        const auto it = std::find_if(units.begin(), units.end(),
                                     [&](const auto& entry) { return entry.second.path == *scope.group; });
        if (it == units.end()) throw common::InputError("--group: unit \"" + *scope.group + "\" does not exist");
        group = it->first;
    }
    const int groupLevel = group ? unitLevel(units.at(*group)) : 0;
    const int level = scope.level.value_or(groupLevel + 1);
    if (level < 1 || level > deepest) {
        throw common::InputError("--level: " + std::to_string(level) + " is not a level of the unit tree (1 to "
                                 + std::to_string(deepest) + ")");
    }
    if (group && level <= groupLevel) {
        throw common::InputError("--level: " + std::to_string(level) + " is not below --group " + *scope.group
                                 + " (level " + std::to_string(groupLevel) + ")");
    }
    // Groups: the one --group names, else the units one level up (none at level 1).
    std::map<std::optional<std::int64_t>, std::vector<std::int64_t>> byGroup;
    for (const auto& [id, u] : units) {
        if (unitLevel(u) != level || expected(id) <= 0) continue;
        if (group) {
            if (ancestorAt(units, id, groupLevel) == group) byGroup[group].push_back(id);
        } else {
            byGroup[level > 1 ? ancestorAt(units, id, level - 1) : std::nullopt].push_back(id);
        }
    }
    std::vector<UnitGroup> out;
    for (auto& [unit, members] : byGroup) {
        order.sort(members);
        out.push_back({unit, std::move(members)});
    }
    std::stable_sort(out.begin(), out.end(), [&](const UnitGroup& a, const UnitGroup& b) {
        if (!a.unit || !b.unit) return a.unit.has_value() < b.unit.has_value();
        return order.before(*a.unit, *b.unit);
    });
    return out;
}

std::vector<RankedUnit> rankUnitsBy(const std::vector<std::int64_t>& members,
                                    const std::function<bool(std::int64_t)>& rated,
                                    const std::function<int(std::int64_t, std::int64_t)>& compare)
{
    std::vector<std::int64_t> ranked, unranked;
    for (auto id : members) (rated(id) ? ranked : unranked).push_back(id);
    std::stable_sort(ranked.begin(), ranked.end(), [&](auto x, auto y) { return compare(x, y) < 0; });
    std::vector<RankedUnit> out;
    for (std::size_t i = 0; i < ranked.size(); ++i) {
        int rank = static_cast<int>(i) + 1;
        if (i > 0 && compare(ranked[i - 1], ranked[i]) == 0) rank = *out.back().rank;
        out.push_back({ranked[i], rank});
    }
    for (auto id : unranked) out.push_back({id, std::nullopt});
    return out;
}

} // namespace rollcall::reports
