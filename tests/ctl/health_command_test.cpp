// `rollcallctl health` end to end: the real rollcallctl against the real
// rollcall-hub over TCP on 127.0.0.1 with CURVE keys, and against record
// files and backup directories alone. One named row per situation, with the
// exit status a monitoring system reads (0 ok, 1 warning, 2 critical,
// 3 unknown) and the words that say why.
#include "common/database.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

std::string ctlBinary() { return std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl"; }

struct Run {
    int code = -1;
    std::string output;
};

Run rollcallctl(std::vector<std::string> args)
{
    args.insert(args.begin(), ctlBinary());
    ChildProcess p(args);
    Run r;
    r.code = p.wait();
    r.output = p.output();
    return r;
}

/// What one row needs: a seeded record, keys, a hub started on demand, a backup directory.
class HealthWorld {
public:
    HealthWorld()
    {
        seedHubRecord(db);
        keys.viewer();
    }
    /// Starts the secure hub (extra arguments, environment) and returns health's arguments to ask it.
    std::vector<std::string> askHub(std::vector<std::string> extra = {}, std::vector<std::string> env = {})
    {
        auto args = keys.hubArgs();
        args.insert(args.end(), extra.begin(), extra.end());
        hub = std::make_unique<HubProcess>(db, args, std::nullopt, std::move(env));
        return {"health",
                "--hub",
                hub->endpoints().query,
                "--key",
                keys.secretFile("viewer"),
                "--server-key",
                keys.serverPublicFile(),
                "--timeout",
                "3"};
    }
    /// A reader agent's heartbeat, then silence: the hub calls it offline after offline_after (1 s here).
    void heartbeatThenSilence(const std::string& readerId)
    {
        const auto key = keys.reader(readerId);
        AgentClient agent(ctx, hub->endpoints().taps, &key);
        agent.send(protocol::Heartbeat{readerId, nowMs(), 0, protocol::ReaderState::Ok, "", "0.1.0"});
        ASSERT_TRUE(hub->process().waitForLine("reader " + readerId + " online", 10s)) << hub->process().output();
        ASSERT_TRUE(hub->process().waitForLine("reader " + readerId + " offline", 10s)) << hub->process().output();
    }
    std::string writeConfig(const std::string& text) const { return dir.write("hub.toml", text); }

    TempDir dir;
    std::string db = dir.file("record.sqlite");
    std::string backups = dir.file("backups");
    TestKeys keys;
    std::unique_ptr<HubProcess> hub;
    zmq::context_t ctx;
};

struct HealthRow {
    const char* name;
    std::function<std::vector<std::string>(HealthWorld&)> setUp; // returns rollcallctl's arguments
    int exitCode;
    const char* says;
};

class HealthCommand : public ::testing::TestWithParam<HealthRow> {};

TEST_P(HealthCommand, exitsAsMonitoringExpects)
{
    const auto& row = GetParam();
    HealthWorld world;
    std::filesystem::create_directories(world.backups);
    const auto args = row.setUp(world);
    if (::testing::Test::HasFatalFailure()) return;
    const auto r = rollcallctl(args);
    EXPECT_EQ(r.code, row.exitCode) << r.output;
    EXPECT_NE(r.output.find(row.says), std::string::npos) << r.output;
}

const std::string kOneSecondOffline = "[readers]\noffline_after = \"1s\"\n";

INSTANTIATE_TEST_SUITE_P(
    Rows, HealthCommand,
    ::testing::Values(
        HealthRow{"aWellHubIsOk", [](HealthWorld& w) { return w.askHub(); }, 0, "HEALTH OK"},
        HealthRow{"anUnreachableHubIsCritical",
                  [](HealthWorld&) {
                      return std::vector<std::string>{"health",     "--hub",     "tcp://127.0.0.1:1",
                                                      "--insecure", "--timeout", "0.5"};
                  },
                  2, "HEALTH CRITICAL: hub: no answer from the hub at tcp://127.0.0.1:1 within 500 ms"},
        HealthRow{"aKeyTheHubRefusesGetsNoAnswer",
                  [](HealthWorld& w) {
                      auto args = w.askHub();
                      (void)w.keys.client("viewer", "nosy", {}, /*allowed=*/false);
                      args[4] = w.keys.secretFile("nosy");
                      return args;
                  },
                  2, "is this key allowed?"},
        HealthRow{"aDiskBelowTheReserveIsCritical",
                  [](HealthWorld& w) {
                      const auto control = w.dir.write("fault", "free=10");
                      return w.askHub({}, {"ROLLCALL_FAULT_FILE=" + control});
                  },
                  2, "10 MB free, reserve 64 MB: below the reserve"},
        HealthRow{"aReaderOfflineDuringAMeetingIsCritical",
                  [](HealthWorld& w) {
                      auto args = w.askHub({"--config", w.writeConfig(kOneSecondOffline)});
                      w.heartbeatThenSilence("r-annex"); // m-now is under way at the annex
                      return args;
                  },
                  2, "reader r-annex: offline while a meeting at its venue is open"},
        HealthRow{"aReaderOfflineWithNoMeetingAtItsVenueWarns",
                  [](HealthWorld& w) {
                      EXPECT_EQ(rollcallctl({"--db", w.db, "venue", "add", "--id", "depot"}).code, 0);
                      EXPECT_EQ(rollcallctl({"--db", w.db, "reader", "add", "--id", "r-depot", "--venue", "depot",
                                             "--direction", "in"})
                                    .code,
                                0);
                      auto args = w.askHub({"--config", w.writeConfig(kOneSecondOffline)});
                      w.heartbeatThenSilence("r-depot");
                      return args;
                  },
                  1, "reader r-depot: offline, no meeting at its venue now"},
        HealthRow{"aFreshBackupIsOk",
                  [](HealthWorld& w) {
                      EXPECT_EQ(rollcallctl({"--db", w.db, "backup", "--to-dir", w.backups}).code, 0);
                      return std::vector<std::string>{"--db", w.db, "health", "--backup-dir", w.backups};
                  },
                  0, "ok       backup: newest backup rollcall-"},
        HealthRow{
            "anOldBackupWarns",
            [](HealthWorld& w) {
                EXPECT_EQ(
                    rollcallctl({"--db", w.db, "backup", "--to", w.backups + "/rollcall-20200101-000000.sqlite"}).code,
                    0);
                return std::vector<std::string>{"--db", w.db, "health", "--backup-dir", w.backups, "--warn-backup-age",
                                                "24"};
            },
            1, "HEALTH WARNING: backup: newest backup rollcall-20200101-000000.sqlite is"},
        HealthRow{"noBackupAtAllWarns",
                  [](HealthWorld& w) {
                      return std::vector<std::string>{"--db", w.db, "health", "--backup-dir", w.backups};
                  },
                  1, "no backup (rollcall-*.sqlite) in"},
        HealthRow{"aRecordWithoutItsGuardsIsCritical",
                  [](HealthWorld& w) {
                      common::Database db(w.db);
                      db.exec("DROP TRIGGER taps_append_only_update");
                      return std::vector<std::string>{"--db", w.db, "health"};
                  },
                  2, "the hub would refuse to start"},
        HealthRow{"aRecordAloneIsOk",
                  [](HealthWorld& w) {
                      return std::vector<std::string>{"--db", w.db, "health"};
                  },
                  0, "guards and chain tail intact"},
        HealthRow{"nothingToCheckIsUnknown", [](HealthWorld&) { return std::vector<std::string>{"health"}; }, 3,
                  "HEALTH UNKNOWN: health: give --hub ENDPOINT, --db FILE or both"},
        HealthRow{"aBadOptionIsUnknown",
                  [](HealthWorld& w) {
                      return std::vector<std::string>{"--db", w.db, "health", "--warn-backup-age", "soon"};
                  },
                  3, "--warn-backup-age"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(HealthCommandJson, printsTheFindingsAndTheHubsStatus)
{
    HealthWorld world;
    auto args = world.askHub();
    args.push_back("--json");
    const auto r = rollcallctl(args);
    ASSERT_EQ(r.code, 0) << r.output;
    const auto j = nlohmann::json::parse(r.output);
    EXPECT_EQ(j["status"], "ok");
    EXPECT_EQ(j["exit_code"], 0);
    EXPECT_FALSE(j["checks"].empty());
    EXPECT_EQ(j["hub"]["type"], "status");
    EXPECT_EQ(j["hub"]["readers"].size(), 2u);
    EXPECT_EQ(j["hub"]["insecure"], false);
}

} // namespace
} // namespace rollcall::test
