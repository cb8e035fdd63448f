#include "hub/ctl/health_command.h"

#include "common/input_error.h"
#include "hub/core/hash_chain.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "hub/ctl/health_rules.h"
#include "hub/ctl/hub_status_client.h"
#include "protocol/codec.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <sys/statvfs.h>

namespace rollcall::ctl {
namespace {

namespace fs = std::filesystem;

constexpr int kUnknown = 3; // Nagios: the check itself could not run

struct HealthOptions {
    bool json = false;
    std::string hub;
    std::string keyFile;
    std::string serverKeyFile;
    bool insecure = false;
    double timeoutS = 5;
    std::string backupDir;
    int warnBackupAgeH = 26;
    std::uint64_t warnOutbox = 100;
    std::uint64_t diskReserveMb = 64;
};

/// A backup's time: the UTC stamp `backup --to-dir` puts in its name, else the file's modification time.
common::TimePoint backupTime(const fs::path& file)
{
    static const std::regex stamped(R"(rollcall-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})\.sqlite)");
    std::smatch m;
    const auto name = file.filename().string();
    if (std::regex_match(name, m, stamped)) {
        std::tm utc{};
        utc.tm_year = std::stoi(m[1]) - 1900;
        utc.tm_mon = std::stoi(m[2]) - 1;
        utc.tm_mday = std::stoi(m[3]);
        utc.tm_hour = std::stoi(m[4]);
        utc.tm_min = std::stoi(m[5]);
        utc.tm_sec = std::stoi(m[6]);
        return std::chrono::time_point_cast<common::Millis>(std::chrono::system_clock::from_time_t(timegm(&utc)));
    }
    return std::chrono::time_point_cast<common::Millis>(std::chrono::file_clock::to_sys(fs::last_write_time(file)));
}

std::optional<NewestBackup> newestBackup(const std::string& dir)
{
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw common::InputError("--backup-dir: " + dir + " is not a directory");
    std::optional<NewestBackup> newest;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_regular_file() || !name.starts_with("rollcall-") || !name.ends_with(".sqlite")) continue;
        const auto at = backupTime(entry.path());
        if (!newest || at > newest->madeAt) newest = NewestBackup{name, at};
    }
    return newest;
}

std::optional<std::uint64_t> diskFree(const std::string& dbPath)
{
    auto dir = fs::path(dbPath).parent_path();
    if (dir.empty()) dir = ".";
    struct statvfs s {};
    if (::statvfs(dir.c_str(), &s) != 0) return std::nullopt;
    return static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
}

/// What the record file says, read-only: nothing is migrated or changed.
RecordFacts recordFacts(const std::string& path, std::uint64_t reserveBytes)
{
    if (!fs::exists(path)) throw common::InputError("--db: " + path + " does not exist");
    common::Database db(path, common::Database::Mode::ReadOnly);
    RecordFacts f;
    f.schemaVersion = core::schemaVersion(db);
    f.latestSchemaVersion = core::latestSchemaVersion();
    if (f.schemaVersion == f.latestSchemaVersion) {
        core::registerChainFunctions(db); // the chain's tail is checked with the record's own hash functions
        try {
            core::checkRecordIntegrity(db); // the hub's own start-up check: guards and the chain's tail
        } catch (const core::RecordIntegrityError& e) {
            f.integrityProblem = e.what();
        }
    }
    f.diskFreeBytes = diskFree(path);
    f.diskReserveBytes = reserveBytes;
    return f;
}

void print(std::ostream& out, HealthLevel worst, const std::vector<HealthFinding>& findings)
{
    std::string upper = toString(worst);
    for (auto& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    // The first line is what a monitoring system shows: the worst finding.
    const auto first = std::find_if(findings.begin(), findings.end(), [&](const auto& f) { return f.level == worst; });
    out << "HEALTH " << upper;
    if (first != findings.end() && worst != HealthLevel::Ok) out << ": " << first->check << ": " << first->message;
    out << "\n";
    for (const auto& f : findings) {
        std::string level = toString(f.level);
        level.resize(8, ' ');
        out << level << " " << f.check << ": " << f.message << "\n";
    }
}

void printJson(std::ostream& out, HealthLevel worst, const std::vector<HealthFinding>& findings,
               const std::optional<protocol::Status>& status)
{
    nlohmann::ordered_json j;
    j["status"] = toString(worst);
    j["exit_code"] = static_cast<int>(worst);
    auto& list = j["checks"] = nlohmann::ordered_json::array();
    for (const auto& f : findings)
        list.push_back({{"level", toString(f.level)}, {"check", f.check}, {"message", f.message}});
    // The hub's answer as the wire has it (docs/protocol.md §5.10), for graphs of counts and ages.
    if (status) j["hub"] = nlohmann::ordered_json::parse(protocol::encode(*status));
    out << j.dump(2) << "\n";
}

void cmdHealth(const HealthOptions& o, const CommandContext& c)
{
    std::vector<HealthFinding> findings;
    std::optional<protocol::Status> status;
    try {
        if (o.hub.empty() && c.db.empty()) throw common::InputError("health: give --hub ENDPOINT, --db FILE or both");
        if (o.timeoutS <= 0) throw common::InputError("--timeout: must be more than 0 seconds");
        HealthThresholds t;
        t.backupWarnAge = std::chrono::hours(o.warnBackupAgeH);
        t.outboxWarn = o.warnOutbox;
        if (!o.hub.empty()) {
            const HubStatusClientOptions client{
                o.hub, o.keyFile, o.serverKeyFile, o.insecure,
                std::chrono::milliseconds(static_cast<std::int64_t>(o.timeoutS * 1000))};
            auto answer = askHubStatus(client);
            if (auto* s = std::get_if<protocol::Status>(&answer)) {
                status = *s;
                for (auto& f : judgeHubStatus(*s, t)) findings.push_back(std::move(f));
            } else {
                findings.push_back(judgeHubUnreachable(std::get<HubStatusProblem>(answer).message));
            }
        }
        if (!c.db.empty()) {
            for (auto& f : judgeRecord(recordFacts(c.db, o.diskReserveMb << 20))) {
                // With the hub's answer too, its own view of the disk is the one that counts.
                if (status && f.check == "disk") continue;
                findings.push_back(std::move(f));
            }
        }
        if (!o.backupDir.empty())
            findings.push_back(judgeBackup(newestBackup(o.backupDir), o.backupDir, c.clock.now(), t));
    } catch (const common::InputError& e) {
        c.err << "HEALTH UNKNOWN: " << e.what() << "\n";
        throw CommandExit{kUnknown};
    } catch (const std::exception& e) { // an unreadable record file, for one
        c.err << "HEALTH UNKNOWN: " << e.what() << "\n";
        throw CommandExit{kUnknown};
    }
    const auto worst = worstLevel(findings);
    if (o.json)
        printJson(c.out, worst, findings, status);
    else
        print(c.out, worst, findings);
    throw CommandExit{static_cast<int>(worst)};
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addHealthCommands(CLI::App& app)
{
    auto o = std::make_shared<HealthOptions>();
    auto* health = app.add_subcommand("health", "is the hub well? exit 0 ok, 1 warning, 2 critical, 3 unknown");
    health->add_flag("--json", o->json, "print the findings and the hub's status as JSON");
    health->add_option("--hub", o->hub, "the hub's query endpoint (e.g. tcp://127.0.0.1:7702)");
    health->add_option("--key", o->keyFile, "this client's secret certificate (a viewer key is enough)");
    health->add_option("--server-key", o->serverKeyFile, "the hub's public certificate (hub.key)");
    health->add_flag("--insecure", o->insecure, "plain text, against a hub run --insecure");
    health->add_option("--timeout", o->timeoutS, "seconds to wait for the hub's answer (default 5)");
    health->add_option("--backup-dir", o->backupDir, "where `backup --to-dir` writes: warn if the newest is old");
    health
        ->add_option("--warn-backup-age", o->warnBackupAgeH, "hours after which the newest backup is old (default 26)")
        ->check(CLI::PositiveNumber);
    health->add_option("--warn-outbox", o->warnOutbox, "taps waiting in a reader's outbox that warn (default 100)");
    health->add_option("--disk-reserve-mb", o->diskReserveMb,
                       "with --db alone: the hub's [ingest] disk_reserve_mb (default 64)");
    return {{health, [o](const CommandContext& c) { cmdHealth(*o, c); }}};
}

} // namespace rollcall::ctl
