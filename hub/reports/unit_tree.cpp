#include "hub/reports/unit_tree.h"

#include <algorithm>

namespace rollcall::reports {

UnitMap loadUnits(common::Database& db)
{
    UnitMap units;
    auto u = db.prepare("SELECT id, parent_id, path, name, official_order, official_name FROM units");
    while (u.step()) {
        UnitInfo unit{u.getInt(0),  u.getOptionalInt(1), u.getText(2),
                      u.getText(3), u.getOptionalInt(4), u.getOptionalText(5)};
        units.emplace(unit.id, std::move(unit));
    }
    return units;
}

std::string officialUnitName(const UnitInfo& unit)
{
    if (unit.officialName && !unit.officialName->empty()) return *unit.officialName;
    if (!unit.name.empty()) return unit.name;
    const auto slash = unit.path.rfind('/');
    return slash == std::string::npos ? unit.path : unit.path.substr(slash + 1);
}

int unitLevel(const UnitInfo& unit)
{
    return static_cast<int>(std::count(unit.path.begin(), unit.path.end(), '/')) + 1;
}

UnitOrder::UnitOrder(const UnitMap& units)
{
    for (const auto& [id, unit] : units) {
        byPath_.emplace(unit.path, id);
        auto& key = keys_[id];
        for (std::optional<std::int64_t> u = id; u;) {
            const auto it = units.find(*u);
            if (it == units.end()) break;
            key.emplace_back(!it->second.officialOrder, it->second.officialOrder.value_or(0), it->second.path);
            u = it->second.parent;
        }
        std::reverse(key.begin(), key.end());
    }
}

bool UnitOrder::before(std::int64_t a, std::int64_t b) const
{
    // Lexicographic comparison of the keys puts an ancestor (a prefix) first.
    const auto x = keys_.find(a);
    const auto y = keys_.find(b);
    if (x != keys_.end() && y != keys_.end()) return x->second < y->second;
    if (x != keys_.end() || y != keys_.end()) return x != keys_.end();
    return a < b;
}

bool UnitOrder::before(const std::string& a, const std::string& b) const
{
    const auto x = byPath_.find(a);
    const auto y = byPath_.find(b);
    if (x != byPath_.end() && y != byPath_.end()) return before(x->second, y->second);
    if (x != byPath_.end() || y != byPath_.end()) return x != byPath_.end();
    return a < b;
}

void UnitOrder::sort(std::vector<std::int64_t>& ids) const
{
    std::stable_sort(ids.begin(), ids.end(), [this](auto a, auto b) { return before(a, b); });
}

std::optional<std::int64_t> ancestorAt(const UnitMap& units, std::int64_t id, int level)
{
    for (std::optional<std::int64_t> u = id; u;) {
        const auto it = units.find(*u);
        if (it == units.end()) return std::nullopt;
        const int l = unitLevel(it->second);
        if (l == level) return *u;
        if (l < level) return std::nullopt;
        u = it->second.parent;
    }
    return std::nullopt;
}

} // namespace rollcall::reports
