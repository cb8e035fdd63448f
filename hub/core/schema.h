#pragma once
// Versioned schema migrations of the record. The version lives in
// PRAGMA user_version; each migration runs in its own transaction, so a
// database is always at exactly one version.

#include "database.h"

namespace rollcall::db {

/// The version a fully migrated database has.
[[nodiscard]] int latestSchemaVersion();

/// Current version of an open database (0 for a new file).
[[nodiscard]] int schemaVersion(Database& db);

/// Migrates forward to `target` (default: latest). Throws DatabaseError, or
/// std::runtime_error if the file is newer than this program understands.
void migrate(Database& db, int target = -1);

} // namespace rollcall::db
