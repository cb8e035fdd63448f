// The rules of `rollcallctl health` (hub/ctl/health_rules.h), one named row
// per rule: which state of the hub, the record and the backups is ok, a
// warning or critical.
#include "hub/ctl/health_rules.h"

#include <algorithm>
#include <functional>
#include <gtest/gtest.h>

namespace rollcall::ctl {
namespace {

using namespace std::chrono_literals;

constexpr std::int64_t kNow = 1718000000000;

protocol::ReaderHealth reader(const std::string& id)
{
    protocol::ReaderHealth r;
    r.reader_id = id;
    r.venue_id = "hall";
    r.online = true;
    r.last_seen_ms = kNow - 4000;
    r.agent_version = "0.1.0";
    r.reader_state = protocol::ReaderState::Ok;
    return r;
}

protocol::Status wellHub()
{
    protocol::Status s;
    s.hub_version = "0.1.0";
    s.hub_clock_ms = kNow;
    s.started_ms = kNow - 3'600'000;
    s.schema_version = 10;
    s.chain_head = std::string(64, 'a');
    s.chain_rows = 10;
    s.readers = {reader("r-hall")};
    s.disk_free_bytes = 10ull << 30;
    s.disk_reserve_bytes = 64ull << 20;
    return s;
}

struct StatusRow {
    const char* name;
    std::function<void(protocol::Status&)> change;
    HealthLevel expected;
    const char* check; // the finding that decides it
    const char* says;
};

class HealthRulesStatus : public ::testing::TestWithParam<StatusRow> {};

TEST_P(HealthRulesStatus, judgesTheHubsAnswer)
{
    const auto& row = GetParam();
    auto s = wellHub();
    row.change(s);
    const auto findings = judgeHubStatus(s, HealthThresholds{});
    EXPECT_EQ(worstLevel(findings), row.expected);
    const auto decisive = std::find_if(findings.begin(), findings.end(), [&](const HealthFinding& f) {
        return f.level == row.expected && f.check == row.check;
    });
    ASSERT_NE(decisive, findings.end()) << row.check;
    EXPECT_NE(decisive->message.find(row.says), std::string::npos) << decisive->message;
}

INSTANTIATE_TEST_SUITE_P(
    Rows, HealthRulesStatus,
    ::testing::Values(StatusRow{"allWell", [](auto&) {}, HealthLevel::Ok, "hub", "curve"},
                      StatusRow{"insecureHubWarns", [](auto& s) { s.insecure = true; }, HealthLevel::Warning, "hub",
                                "--insecure"},
                      StatusRow{"writeFailureIsCritical",
                                [](auto& s) {
                                    s.write_failure = "disk_full";
                                    s.held_taps = 12;
                                },
                                HealthLevel::Critical, "ingest", "12 taps held"},
                      StatusRow{"heldTapsWithoutFailureWarn", [](auto& s) { s.held_taps = 3; }, HealthLevel::Warning,
                                "ingest", "3 taps held"},
                      StatusRow{"diskBelowReserveIsCritical", [](auto& s) { s.disk_free_bytes = 10ull << 20; },
                                HealthLevel::Critical, "disk", "below the reserve"},
                      StatusRow{"diskBelowTwiceTheReserveWarns", [](auto& s) { s.disk_free_bytes = 100ull << 20; },
                                HealthLevel::Warning, "disk", "twice the reserve"},
                      StatusRow{"unknownDiskWarns", [](auto& s) { s.disk_free_bytes.reset(); }, HealthLevel::Warning,
                                "disk", "unknown"},
                      StatusRow{"readerOfflineDuringAMeetingIsCritical",
                                [](auto& s) {
                                    s.readers[0].online = false;
                                    s.readers[0].alarm = true;
                                    s.readers[0].last_seen_ms = kNow - 300'000;
                                },
                                HealthLevel::Critical, "reader r-hall", "last heard 5 min ago"},
                      StatusRow{"readerOfflineOutsideMeetingsWarns",
                                [](auto& s) {
                                    s.readers[0].online = false;
                                    s.readers[0].last_seen_ms = kNow - 7'200'000;
                                },
                                HealthLevel::Warning, "reader r-hall", "no meeting"},
                      StatusRow{"readerNeverHeardFromIsOk",
                                [](auto& s) {
                                    s.readers[0] = protocol::ReaderHealth{};
                                    s.readers[0].reader_id = "r-import";
                                    s.readers[0].venue_id = "hall";
                                },
                                HealthLevel::Ok, "readers", "1 never heard from"},
                      StatusRow{"readerWithoutItsDeviceWarns",
                                [](auto& s) { s.readers[0].reader_state = protocol::ReaderState::NoReader; },
                                HealthLevel::Warning, "reader r-hall", "no_reader"},
                      StatusRow{"outboxBacklogWarns", [](auto& s) { s.readers[0].outbox_depth = 101; },
                                HealthLevel::Warning, "reader r-hall", "101 taps wait"},
                      StatusRow{"outboxAtTheThresholdIsOk", [](auto& s) { s.readers[0].outbox_depth = 100; },
                                HealthLevel::Ok, "readers", "1 online and well"},
                      StatusRow{"clockFarOffWarns", [](auto& s) { s.readers[0].clock_offset_ms = -90'000; },
                                HealthLevel::Warning, "reader r-hall", "-90 s off"},
                      StatusRow{"rejectionsAreReportedNotAlarmed",
                                [](auto& s) {
                                    s.rejections = {{"unknown_key", 40}};
                                },
                                HealthLevel::Ok, "rejections", "unknown_key=40"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HealthRules, anUnreachableHubIsCritical)
{
    const auto f = judgeHubUnreachable("no answer from the hub at tcp://127.0.0.1:1 within 500 ms");
    EXPECT_EQ(f.level, HealthLevel::Critical);
    EXPECT_EQ(f.check, "hub");
}

struct RecordRow {
    const char* name;
    RecordFacts facts;
    HealthLevel expected;
    const char* says;
};

class HealthRulesRecord : public ::testing::TestWithParam<RecordRow> {};

TEST_P(HealthRulesRecord, judgesTheRecordFile)
{
    const auto& row = GetParam();
    const auto findings = judgeRecord(row.facts);
    EXPECT_EQ(worstLevel(findings), row.expected);
    EXPECT_NE(findings.front().message.find(row.says), std::string::npos) << findings.front().message;
}

constexpr std::uint64_t kGiB = 1ull << 30;
constexpr std::uint64_t kReserve = 64ull << 20;

INSTANTIATE_TEST_SUITE_P(
    Rows, HealthRulesRecord,
    ::testing::Values(
        RecordRow{"current", {10, 10, std::nullopt, kGiB, kReserve}, HealthLevel::Ok, "intact"},
        RecordRow{"olderSchemaWarns", {9, 10, std::nullopt, kGiB, kReserve}, HealthLevel::Warning, "migrates"},
        RecordRow{"newerSchemaIsCritical", {11, 10, std::nullopt, kGiB, kReserve}, HealthLevel::Critical, "newer"},
        RecordRow{"lostGuardsAreCritical",
                  {10, 10, std::string("missing or changed: taps_no_update"), kGiB, kReserve},
                  HealthLevel::Critical,
                  "refuse to start"},
        RecordRow{"diskBelowReserveIsCritical",
                  {10, 10, std::nullopt, 1ull << 20, kReserve},
                  HealthLevel::Critical,
                  "intact"}),
    [](const auto& info) { return std::string(info.param.name); });

struct BackupRow {
    const char* name;
    std::optional<std::chrono::hours> age; // nullopt: no backup at all
    HealthLevel expected;
};

class HealthRulesBackup : public ::testing::TestWithParam<BackupRow> {};

TEST_P(HealthRulesBackup, judgesTheNewestBackup)
{
    const auto& row = GetParam();
    const common::TimePoint now = common::fromMillis(kNow);
    std::optional<NewestBackup> newest;
    if (row.age) newest = NewestBackup{"rollcall-x.sqlite", now - *row.age};
    HealthThresholds t;
    t.backupWarnAge = 26h;
    EXPECT_EQ(judgeBackup(newest, "/var/backups/rollcall", now, t).level, row.expected);
}

INSTANTIATE_TEST_SUITE_P(Rows, HealthRulesBackup,
                         ::testing::Values(BackupRow{"fresh", 2h, HealthLevel::Ok},
                                           BackupRow{"atTheLimit", 26h, HealthLevel::Ok},
                                           BackupRow{"older", 27h, HealthLevel::Warning},
                                           BackupRow{"none", std::nullopt, HealthLevel::Warning}),
                         [](const auto& info) { return std::string(info.param.name); });

} // namespace
} // namespace rollcall::ctl
