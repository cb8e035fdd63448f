#pragma once
// Versioned schema migrations of the record. The version lives in
// PRAGMA user_version; each migration runs in its own transaction, so a
// database is always at exactly one version.

#include "common/database.h"

#include <stdexcept>

namespace rollcall::core {

/// The version a fully migrated database has.
[[nodiscard]] int latestSchemaVersion();

/// The version that holds badges over time (a UID held over dated
/// intervals, docs/semantics.md §10); its tests start from the one before.
constexpr int kBadgesOverTimeSchema = 7;

/// The version that holds the notice register and appeal filings
/// (docs/semantics.md §13); its tests start from the one before.
constexpr int kNoticeRegisterSchema = 9;

/// The version that gives units an official order and name
/// (hub/core/unit_details.h); its tests start from the one before.
constexpr int kUnitDetailsSchema = 10;

/// The version that holds venue assignments at plenaries with branch venues
/// (hub/core/venue_assignments.h); its tests start from the one before.
constexpr int kVenueAssignmentsSchema = 11;

/// The version that holds persons' photos (hub/core/person_photos.h); its
/// tests start from the one before.
constexpr int kPersonPhotosSchema = 12;

/// The record was written by a newer Rollcall: its schema version is above
/// latestSchemaVersion(). Nothing is changed; the hub refuses to start on it
/// (an exit status of its own, docs/operations.md) instead of being restarted.
class NewerSchemaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
/// The version that attaches walk-ins to a unit (hub/core/walk_in_units.h);
/// its tests start from the one before.
constexpr int kWalkInUnitsSchema = 13;

/// The version that records alarms acknowledged at the organizers' desks
/// (hub/core/alarm_acks.h); its tests start from the one before.
constexpr int kAlarmAcksSchema = 14;

/// Current version of an open database (0 for a new file).
[[nodiscard]] int schemaVersion(common::Database& db);

/// Migrates forward to `target` (default: latest). Throws DatabaseError, or
/// NewerSchemaError if the file is newer than this program understands.
/// Also registers the hash chain's SQL functions on the connection
/// (hash_chain.h): every program opens the record through here, and its
/// inserts into taps and amendments need them.
void migrate(common::Database& db, int target = -1);

} // namespace rollcall::core
