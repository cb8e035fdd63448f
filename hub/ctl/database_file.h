#pragma once
// The database file every rollcallctl command works on (--db).
#include "common/database.h"

#include <string>

namespace rollcall::ctl {

/// Opens (and migrates) the database at `path`. Only `create` (the `init`
/// command) may make a new file; otherwise a missing file is an InputError
/// saying how to create it.
[[nodiscard]] common::Database openDatabaseFile(const std::string& path, bool create);

} // namespace rollcall::ctl
