#include "hub/core/unit_details.h"

namespace rollcall::core {

UnitDetails unitDetails(common::Database& db, std::int64_t unitId)
{
    auto s = db.prepare("SELECT official_order, official_name FROM units WHERE id = ?");
    s.bind(1, unitId);
    if (!s.step()) return {};
    return {s.getOptionalInt(0), s.getOptionalText(1)};
}

void setUnitDetails(common::Database& db, std::int64_t unitId, const UnitDetails& details)
{
    if (details.officialOrder && *details.officialOrder < 0) {
        throw common::InputError("official order " + std::to_string(*details.officialOrder) + " is negative");
    }
    if (details.officialName && details.officialName->empty()) throw common::InputError("official name is empty");
    if (details.officialOrder) {
        db.prepare("UPDATE units SET official_order = ? WHERE id = ?")
            .bind(1, *details.officialOrder)
            .bind(2, unitId)
            .run();
    }
    if (details.officialName) {
        db.prepare("UPDATE units SET official_name = ? WHERE id = ?")
            .bind(1, *details.officialName)
            .bind(2, unitId)
            .run();
    }
}

} // namespace rollcall::core
