#include "hub/core/walk_in_units.h"

namespace rollcall::core {

void attachWalkIn(common::Database& db, std::int64_t amendmentId, std::int64_t unitId)
{
    auto s = db.prepare("INSERT INTO walk_in_units(amendment_id, unit_id) VALUES (?, ?)");
    s.bind(1, amendmentId);
    s.bind(2, unitId);
    s.run();
}

namespace {

// The meeting's attachments in force (amendment not revoked), oldest first.
constexpr const char* kInForce =
    "SELECT a.person_id, u.path, a.id FROM walk_in_units w JOIN amendments a ON a.id = w.amendment_id "
    "JOIN units u ON u.id = w.unit_id WHERE a.meeting_id = ? AND NOT EXISTS "
    "(SELECT 1 FROM amendments r WHERE r.kind = 'revoke' AND r.ref_id = a.id)";

} // namespace

std::unordered_map<std::string, std::string> walkInUnits(common::Database& db, const std::string& meetingId)
{
    // A record at an older schema (its migration tests) has no attachments.
    auto exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'walk_in_units'");
    if (!exists.step()) return {};
    auto s = db.prepare(std::string(kInForce) + " ORDER BY a.id");
    s.bind(1, meetingId);
    std::unordered_map<std::string, std::string> units;
    while (s.step()) units[s.getText(0)] = s.getText(1);
    return units;
}

std::optional<WalkInUnit> walkInUnitOf(common::Database& db, const std::string& meetingId, const std::string& personId)
{
    auto s = db.prepare(std::string(kInForce) + " AND a.person_id = ? ORDER BY a.id DESC LIMIT 1");
    s.bind(1, meetingId);
    s.bind(2, personId);
    if (!s.step()) return std::nullopt;
    return WalkInUnit{s.getInt(2), s.getText(1)};
}

} // namespace rollcall::core
