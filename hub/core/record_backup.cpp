#include "hub/core/record_backup.h"

#include "common/input_error.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"

#include <algorithm>
#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

namespace rollcall::core {
namespace {

namespace fs = std::filesystem;

// Tables a person checks a backup by; record_chain's count is the head's.
constexpr const char* kCountedTables[] = {"taps", "amendments", "persons", "units", "meetings", "badges", "readers"};

/// A raw connection, closed on scope exit: the backup API works on sqlite3
/// handles, and these files must not be switched to WAL as common::Database does.
struct RawConnection {
    sqlite3* db = nullptr;
    RawConnection(const std::string& path, int flags)
    {
        const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
        if (rc != SQLITE_OK) {
            const std::string why = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
            sqlite3_close_v2(db);
            db = nullptr;
            throw common::InputError("cannot open " + path + ": " + why);
        }
        sqlite3_extended_result_codes(db, 1);
    }
    ~RawConnection() { sqlite3_close_v2(db); }
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;
    void exec(const std::string& sql, const std::string& what)
    {
        char* error = nullptr;
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string why = error ? error : sqlite3_errmsg(db);
            sqlite3_free(error);
            throw common::DatabaseError(sqlite3_extended_errcode(db), what + ": " + why);
        }
    }
};

/// Copies every page of `from` into `to` in one step: one snapshot of the source.
void copyPages(sqlite3* from, sqlite3* to, const std::string& what)
{
    sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup) throw common::DatabaseError(sqlite3_extended_errcode(to), what + ": " + sqlite3_errmsg(to));
    const int step = sqlite3_backup_step(backup, -1);
    const int finish = sqlite3_backup_finish(backup);
    if (step != SQLITE_DONE || finish != SQLITE_OK) {
        throw common::DatabaseError(sqlite3_extended_errcode(to), what + ": " + sqlite3_errmsg(to));
    }
}

void syncPath(const fs::path& path, int flags)
{
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw common::InputError("cannot open " + path.string() + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw common::InputError("fsync of " + path.string() + " failed");
}

} // namespace

BackupCheck checkBackup(const fs::path& file)
{
    if (!fs::is_regular_file(file)) throw common::InputError("backup " + file.string() + " does not exist");
    common::Database db(file.string(), common::Database::Mode::ReadOnly);
    registerChainFunctions(db);
    BackupCheck check;
    try {
        check.schemaVersion = schemaVersion(db);
        auto integrity = db.prepare("PRAGMA integrity_check");
        std::string problems;
        while (integrity.step()) {
            const auto line = integrity.getText(0);
            if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
        }
        if (!problems.empty()) {
            throw RecordIntegrityError("backup " + file.string() + " fails SQLite's integrity check: " + problems);
        }
    } catch (const common::DatabaseError& e) {
        throw common::InputError("backup " + file.string() + " is not a readable SQLite record: " + e.what());
    }
    if (check.schemaVersion < 1 || check.schemaVersion > latestSchemaVersion()) {
        throw common::InputError("backup " + file.string() + " has schema version "
                                 + std::to_string(check.schemaVersion) + "; this rollcallctl knows 1 to "
                                 + std::to_string(latestSchemaVersion()));
    }
    const auto verified = verifyChain(db);
    if (verified.problem) {
        throw RecordIntegrityError("backup " + file.string() + " fails verification: " + verified.problem->describe());
    }
    check.head = verified.head;
    for (const char* table : kCountedTables) {
        auto count = db.prepare(std::string("SELECT count(*) FROM ") + table);
        (void)count.step();
        check.rows.emplace_back(table, count.getInt(0));
    }
    return check;
}

BackupCheck backupRecord(common::Database& source, const fs::path& to)
{
    if (fs::exists(to)) throw common::InputError("backup file " + to.string() + " exists; name another");
    if (to.has_parent_path() && !fs::is_directory(to.parent_path())) {
        throw common::InputError("backup directory " + to.parent_path().string() + " does not exist");
    }
    const fs::path partial = to.string() + ".partial";
    fs::remove(partial);
    try {
        {
            RawConnection copy(partial.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
            copyPages(source.handle(), copy.db, "backup to " + partial.string());
            // One self-contained file: no -wal or -shm beside it.
            copy.exec("PRAGMA journal_mode = DELETE", "backup to " + partial.string());
        }
        syncPath(partial, O_RDONLY);
        fs::rename(partial, to);
        syncPath(to.has_parent_path() ? to.parent_path() : fs::path("."), O_RDONLY | O_DIRECTORY);
    } catch (...) {
        fs::remove(partial);
        throw;
    }
    try {
        return checkBackup(to);
    } catch (...) {
        fs::remove(to); // a copy that fails its checks is no backup
        throw;
    }
}

BackupCheck restoreRecord(const fs::path& from, const std::string& dbPath)
{
    const auto check = checkBackup(from);
    RawConnection target(dbPath, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    sqlite3_busy_timeout(target.db, 0);
    // An exclusive lock fails while any other process has the record open:
    // a running hub keeps its connection for its lifetime.
    target.exec("PRAGMA locking_mode = EXCLUSIVE", "restore into " + dbPath);
    try {
        target.exec("BEGIN EXCLUSIVE", "restore into " + dbPath);
        target.exec("COMMIT", "restore into " + dbPath);
    } catch (const common::DatabaseError&) {
        throw common::InputError("record " + dbPath
                                 + " is open in another process (a running rollcall-hub?); stop it before restoring");
    }
    RawConnection backup(from.string(), SQLITE_OPEN_READONLY);
    copyPages(backup.db, target.db, "restore into " + dbPath);
    target.exec("PRAGMA journal_mode = WAL", "restore into " + dbPath);
    return check;
}

std::vector<fs::path> pruneBackups(const fs::path& dir, int keep)
{
    std::vector<fs::path> backups;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (entry.is_regular_file() && name.rfind("rollcall-", 0) == 0 && entry.path().extension() == ".sqlite") {
            backups.push_back(entry.path());
        }
    }
    // Names carry a sortable UTC time stamp (rollcall-YYYYMMDD-HHMMSS.sqlite).
    std::sort(backups.begin(), backups.end());
    std::vector<fs::path> removed;
    const auto excess = static_cast<std::ptrdiff_t>(backups.size()) - std::max(keep, 1);
    for (std::ptrdiff_t i = 0; i < excess; ++i) {
        fs::remove(backups[static_cast<std::size_t>(i)]);
        removed.push_back(backups[static_cast<std::size_t>(i)]);
    }
    return removed;
}

} // namespace rollcall::core
