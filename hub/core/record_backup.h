#pragma once
// Backups of the record (issue 15): a consistent copy made while the hub
// writes, checked before it counts, and a restore that puts one back.
//
// The copy uses SQLite's online backup API in one step: it reads one
// snapshot (a read transaction in WAL mode, which never blocks the hub's
// writer) and is written to a temporary file that is synced and renamed into
// place, so a backup file is either complete or absent. Every copy is then
// opened on its own and checked: PRAGMA integrity_check, the hash chain
// (hub/core/hash_chain.h) walked end to end, and the rows counted.
#include "common/database.h"
#include "hub/core/hash_chain.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace rollcall::core {

/// What a checked backup holds.
struct BackupCheck {
    int schemaVersion = 0;
    ChainHead head;
    std::vector<std::pair<std::string, std::int64_t>> rows; // table, rows, in a fixed order
};

/// Copies `source` (an open record) to `to`; then checks the copy. Throws
/// common::InputError if `to` exists, RecordIntegrityError if the copy fails
/// its checks (the copy is then removed).
BackupCheck backupRecord(common::Database& source, const std::filesystem::path& to);

/// Opens a backup file read-only and checks it. Throws common::InputError for
/// a file that is not a Rollcall record, RecordIntegrityError for one that
/// fails integrity_check or the chain.
[[nodiscard]] BackupCheck checkBackup(const std::filesystem::path& file);

/// Replaces the record at `dbPath` with the backup at `from` (checked first),
/// in one transaction of the target's own. Refuses (InputError) while another
/// process has the record open, such as a running hub.
BackupCheck restoreRecord(const std::filesystem::path& from, const std::string& dbPath);

/// In `dir`, keeps the newest `keep` files named rollcall-*.sqlite and removes
/// the older ones; returns what was removed.
std::vector<std::filesystem::path> pruneBackups(const std::filesystem::path& dir, int keep);

} // namespace rollcall::core
