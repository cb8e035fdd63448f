#include "hub/ctl/backup_commands.h"

#include "common/input_error.h"
#include "hub/core/record_backup.h"
#include "hub/ctl/database_file.h"

#include <CLI/CLI.hpp>
#include <ctime>
#include <memory>

namespace rollcall::ctl {
namespace {

namespace fs = std::filesystem;

struct BackupOptions {
    std::string to;
    std::string toDir;
    int keep = 14;
    std::string from;
    bool checkOnly = false;
};

void printCheck(std::ostream& out, const core::BackupCheck& check)
{
    out << "checked: integrity ok, schema " << check.schemaVersion << ", chain head " << check.head.hash << " over "
        << check.head.rows << " rows\n"
        << "rows:";
    for (const auto& [table, rows] : check.rows) out << " " << table << " " << rows;
    out << "\n";
}

/// rollcall-YYYYMMDD-HHMMSS.sqlite in UTC: sorts by time, as pruneBackups() relies on.
std::string stampedName(common::TimePoint now)
{
    const std::time_t t = std::chrono::system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char name[64];
    std::strftime(name, sizeof name, "rollcall-%Y%m%d-%H%M%S.sqlite", &utc);
    return name;
}

void cmdBackup(const BackupOptions& o, const CommandContext& c)
{
    if (o.to.empty() == o.toDir.empty()) throw common::InputError("backup: give one of --to FILE or --to-dir DIR");
    if (o.keep < 1) throw common::InputError("backup: --keep must be at least 1, not " + std::to_string(o.keep));
    auto db = openDatabaseFile(c.db, false);
    const fs::path to = o.to.empty() ? fs::path(o.toDir) / stampedName(c.clock.now()) : fs::path(o.to);
    const auto check = core::backupRecord(db, to);
    c.out << "backup written: " << to.string() << " (" << fs::file_size(to) << " bytes)\n";
    printCheck(c.out, check);
    if (!o.toDir.empty()) {
        for (const auto& old : core::pruneBackups(o.toDir, o.keep))
            c.out << "removed old backup: " << old.string() << "\n";
    }
}

void cmdRestore(const BackupOptions& o, const CommandContext& c)
{
    if (o.from.empty()) throw common::InputError("restore: --from FILE is required");
    if (o.checkOnly) {
        printCheck(c.out, core::checkBackup(o.from));
        return;
    }
    if (c.db.empty()) throw common::InputError("--db PATH is required");
    const auto check = core::restoreRecord(o.from, c.db);
    c.out << "restored " << c.db << " from " << o.from << "\n";
    printCheck(c.out, check);
    c.out << "start the hub: it migrates the record if the backup's schema is older, and readers send again "
             "the taps it lacks\n";
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addBackupCommands(CLI::App& app)
{
    auto o = std::make_shared<BackupOptions>();
    auto* backup = app.add_subcommand("backup", "a consistent, checked copy of the record (safe while the hub runs)");
    backup->add_option("--to", o->to, "the backup file to write (must not exist)");
    backup->add_option("--to-dir", o->toDir, "write rollcall-YYYYMMDD-HHMMSS.sqlite (UTC) into this directory");
    backup->add_option("--keep", o->keep, "with --to-dir: how many backups to keep (default 14)");
    auto* restore = app.add_subcommand("restore", "replace the record with a checked backup (the hub must be stopped)");
    restore->add_option("--from", o->from, "the backup file");
    restore->add_flag("--check-only", o->checkOnly, "only check the backup: integrity, chain, rows");
    return {{backup, [o](const CommandContext& c) { cmdBackup(*o, c); }},
            {restore, [o](const CommandContext& c) { cmdRestore(*o, c); }}};
}

} // namespace rollcall::ctl
