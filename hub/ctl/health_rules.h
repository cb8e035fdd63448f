#pragma once
// The rules of `rollcallctl health` (docs/operations.md, "Health"): what the
// hub's status, the record file and the backup directory say, judged ok,
// warning or critical as monitoring systems (Nagios, Zabbix) read an exit
// status. Pure functions of what was gathered and of now, so each rule is a
// row in a table of tests.
#include "common/clock.h"
#include "protocol/messages.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::ctl {

/// Ordered by severity; the exit status is the worst level found.
enum class HealthLevel { Ok = 0, Warning = 1, Critical = 2 };
[[nodiscard]] const char* toString(HealthLevel level);

struct HealthFinding {
    HealthLevel level = HealthLevel::Ok;
    std::string check;   // "hub", "reader r-hall", "disk", "backup", "record", "ingest", "rejections"
    std::string message; // one line for a person
    bool operator==(const HealthFinding&) const = default;
};

struct HealthThresholds {
    std::chrono::hours backupWarnAge{26};        // --warn-backup-age: a daily backup plus slack
    std::uint64_t outboxWarn = 100;              // --warn-outbox: taps waiting in one reader's outbox
    std::chrono::milliseconds clockWarn{60'000}; // an agent's clock this far off the hub's
};

/// The hub's answer to the status query.
[[nodiscard]] std::vector<HealthFinding> judgeHubStatus(const protocol::Status& status, const HealthThresholds& t);
/// No answer from the hub: critical.
[[nodiscard]] HealthFinding judgeHubUnreachable(const std::string& why);

/// What a record file tells without the hub (--db).
struct RecordFacts {
    int schemaVersion = 0;
    int latestSchemaVersion = 0;
    std::optional<std::string> integrityProblem; // the hub would refuse to start (core::checkRecordIntegrity)
    std::optional<std::uint64_t> diskFreeBytes;
    std::uint64_t diskReserveBytes = 0;
};
[[nodiscard]] std::vector<HealthFinding> judgeRecord(const RecordFacts& facts);

/// Free space against the hub's reserve: below it critical (the hub stops
/// recording), below twice it a warning.
[[nodiscard]] HealthFinding judgeDisk(std::optional<std::uint64_t> freeBytes, std::uint64_t reserveBytes);

/// The newest backup in a directory (nullopt: none there).
struct NewestBackup {
    std::string name;
    common::TimePoint madeAt;
};
[[nodiscard]] HealthFinding judgeBackup(const std::optional<NewestBackup>& newest, const std::string& dir,
                                        common::TimePoint now, const HealthThresholds& t);

/// The worst level among the findings (ok if none).
[[nodiscard]] HealthLevel worstLevel(const std::vector<HealthFinding>& findings);

} // namespace rollcall::ctl
