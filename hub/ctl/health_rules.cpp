#include "hub/ctl/health_rules.h"

#include <algorithm>
#include <cstdlib>

namespace rollcall::ctl {
namespace {

/// "45 s", "12 min", "3 h 5 min", "2 d 4 h": an age an operator reads at a glance.
std::string age(std::int64_t ms)
{
    const std::int64_t s = std::max<std::int64_t>(ms, 0) / 1000;
    if (s < 120) return std::to_string(s) + " s";
    if (s < 3600) return std::to_string(s / 60) + " min";
    if (s < 48 * 3600) return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
    return std::to_string(s / 86400) + " d " + std::to_string(s % 86400 / 3600) + " h";
}

std::string megabytes(std::uint64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

HealthFinding judgeReader(const protocol::ReaderHealth& r, std::int64_t nowMs, const HealthThresholds& t)
{
    const std::string check = "reader " + r.reader_id;
    const auto heard = r.last_seen_ms ? "last heard " + age(nowMs - *r.last_seen_ms) + " ago" : std::string();
    if (!r.online) {
        // The hub raises the alarm only for a reader that was heard from and
        // fell silent while a meeting at its venue is open; one never heard
        // from is a terminal whose taps are imported.
        if (r.alarm)
            return {HealthLevel::Critical, check, "offline while a meeting at its venue is open (" + heard + ")"};
        if (r.last_seen_ms)
            return {HealthLevel::Warning, check, "offline, no meeting at its venue now (" + heard + ")"};
        return {HealthLevel::Ok, check, "never heard from"};
    }
    if (r.reader_state && *r.reader_state != protocol::ReaderState::Ok)
        return {HealthLevel::Warning, check,
                "agent online but its card reader reports " + std::string(protocol::toString(*r.reader_state))};
    if (r.outbox_depth > t.outboxWarn)
        return {HealthLevel::Warning, check,
                std::to_string(r.outbox_depth) + " taps wait in its outbox (more than " + std::to_string(t.outboxWarn)
                    + ")"};
    if (std::llabs(r.clock_offset_ms) > t.clockWarn.count())
        return {HealthLevel::Warning, check,
                "its clock is " + std::to_string(r.clock_offset_ms / 1000) + " s off the hub's (check NTP on the box)"};
    return {HealthLevel::Ok, check,
            "online, " + heard + ", outbox " + std::to_string(r.outbox_depth) + ", clock offset "
                + std::to_string(r.clock_offset_ms) + " ms"};
}

} // namespace

const char* toString(HealthLevel level)
{
    switch (level) {
    case HealthLevel::Ok: return "ok";
    case HealthLevel::Warning: return "warning";
    case HealthLevel::Critical: return "critical";
    }
    return "unknown";
}

HealthFinding judgeHubUnreachable(const std::string& why) { return {HealthLevel::Critical, "hub", why}; }

std::vector<HealthFinding> judgeHubStatus(const protocol::Status& s, const HealthThresholds& t)
{
    std::vector<HealthFinding> out;
    const std::string about = "rollcall-hub " + s.hub_version + ", up " + age(s.hub_clock_ms - s.started_ms)
                              + ", schema " + std::to_string(s.schema_version) + ", chain "
                              + std::to_string(s.chain_rows) + " rows, head " + s.chain_head.substr(0, 16) + "…";
    if (s.insecure)
        out.push_back({HealthLevel::Warning, "hub", about + "; runs --insecure: anyone on the network may send taps"});
    else
        out.push_back({HealthLevel::Ok, "hub", about + ", curve"});

    if (!s.write_failure.empty()) {
        out.push_back({HealthLevel::Critical, "ingest",
                       "the record cannot be written (" + s.write_failure + "); " + std::to_string(s.held_taps)
                           + " taps held unacknowledged, the readers keep theirs"});
    } else if (s.held_taps > 0) {
        out.push_back(
            {HealthLevel::Warning, "ingest", std::to_string(s.held_taps) + " taps held, waiting for a retry"});
    } else {
        out.push_back({HealthLevel::Ok, "ingest",
                       std::to_string(s.recorded) + " taps recorded since start, " + std::to_string(s.failed_batches)
                           + " failed batches, " + std::to_string(s.queued) + " queued"});
    }
    out.push_back(judgeDisk(s.disk_free_bytes, s.disk_reserve_bytes));

    std::size_t online = 0, never = 0;
    for (const auto& r : s.readers) {
        auto f = judgeReader(r, s.hub_clock_ms, t);
        if (f.level != HealthLevel::Ok) {
            out.push_back(std::move(f));
            continue;
        }
        ++(r.online ? online : never);
    }
    out.push_back({HealthLevel::Ok, "readers",
                   std::to_string(s.readers.size()) + " registered, " + std::to_string(online) + " online and well, "
                       + std::to_string(never) + " never heard from"});

    // Counts since the hub started: a trend for a graph, not a state to alarm on.
    std::string counts;
    for (const auto& r : s.rejections) counts += (counts.empty() ? "" : " ") + r.reason + "=" + std::to_string(r.count);
    out.push_back({HealthLevel::Ok, "rejections", counts.empty() ? "none since start" : counts});
    return out;
}

HealthFinding judgeDisk(std::optional<std::uint64_t> freeBytes, std::uint64_t reserveBytes)
{
    if (!freeBytes) return {HealthLevel::Warning, "disk", "free space of the record's file system is unknown"};
    const auto text = megabytes(*freeBytes) + " free, reserve " + megabytes(reserveBytes);
    if (*freeBytes < reserveBytes)
        return {HealthLevel::Critical, "disk", text + ": below the reserve, the hub records no taps"};
    if (*freeBytes < 2 * reserveBytes)
        return {HealthLevel::Warning, "disk", text + ": less than twice the reserve left"};
    return {HealthLevel::Ok, "disk", text};
}

std::vector<HealthFinding> judgeRecord(const RecordFacts& f)
{
    std::vector<HealthFinding> out;
    const auto schema = "schema " + std::to_string(f.schemaVersion);
    if (f.schemaVersion > f.latestSchemaVersion) {
        out.push_back({HealthLevel::Critical, "record",
                       schema + " is newer than this build knows (" + std::to_string(f.latestSchemaVersion)
                           + "): the hub will not run on it"});
    } else if (f.integrityProblem) {
        out.push_back({HealthLevel::Critical, "record",
                       "the hub would refuse to start: " + *f.integrityProblem + " (run rollcallctl verify)"});
    } else if (f.schemaVersion < f.latestSchemaVersion) {
        out.push_back({HealthLevel::Warning, "record",
                       schema + ", older than this build's " + std::to_string(f.latestSchemaVersion)
                           + ": the hub migrates it when it starts"});
    } else {
        out.push_back({HealthLevel::Ok, "record", schema + ", guards and chain tail intact"});
    }
    out.push_back(judgeDisk(f.diskFreeBytes, f.diskReserveBytes));
    return out;
}

HealthFinding judgeBackup(const std::optional<NewestBackup>& newest, const std::string& dir, common::TimePoint now,
                          const HealthThresholds& t)
{
    if (!newest) return {HealthLevel::Warning, "backup", "no backup (rollcall-*.sqlite) in " + dir};
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - newest->madeAt).count();
    const auto text = "newest backup " + newest->name + " is " + age(ms) + " old";
    if (now - newest->madeAt > t.backupWarnAge)
        return {HealthLevel::Warning, "backup", text + ", more than " + std::to_string(t.backupWarnAge.count()) + " h"};
    return {HealthLevel::Ok, "backup", text};
}

HealthLevel worstLevel(const std::vector<HealthFinding>& findings)
{
    auto worst = HealthLevel::Ok;
    for (const auto& f : findings) worst = std::max(worst, f.level);
    return worst;
}

} // namespace rollcall::ctl
