#pragma once
// What must hold before anyone writes to the record: the triggers that make
// it append-only and chain its rows are all there as the schema made them,
// and the tail of the hash chain matches the rows. The hub checks this at
// start-up; `rollcallctl init` restores missing triggers once a full verify
// has passed.

#include "common/database.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace rollcall::core {

/// The record fails verification or lacks its guards; the message says which
/// and what to do.
class RecordIntegrityError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Triggers of the current schema that are missing from the record or whose
/// definition differs, by name.
[[nodiscard]] std::vector<std::string> missingTriggers(common::Database& db);

/// Creates the missing (or altered) triggers again, as the schema defines
/// them. The caller verifies the chain first and holds a transaction.
void restoreTriggers(common::Database& db);

/// Throws RecordIntegrityError if a trigger is missing or the chain's tail
/// (its last links and the rows written after them) does not match.
void checkRecordIntegrity(common::Database& db);

} // namespace rollcall::core
