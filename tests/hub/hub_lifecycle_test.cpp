// rollcall-hub started and stopped as its systemd unit does (issue 15): the
// real binary stops on SIGTERM within the unit's TimeoutStopSec while taps
// flow, migrates an older record in place and refuses a newer one.
#include "common/database.h"
#include "hub/core/schema.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <regex>
#include <sstream>

using namespace rollcall;
using namespace rollcall::test;

namespace {

/// The value of `key` in the installed unit (hub/systemd/rollcall-hub.service),
/// so the tests follow the unit if it is changed there.
std::string unitSetting(const std::string& key)
{
    std::ifstream unit(std::string(ROLLCALL_SOURCE_DIR) + "/hub/systemd/rollcall-hub.service");
    for (std::string line; std::getline(unit, line);) {
        if (line.rfind(key + "=", 0) == 0) return line.substr(key.size() + 1);
    }
    throw std::runtime_error("hub/systemd/rollcall-hub.service has no " + key + "= line");
}

/// TimeoutStopSec of the installed unit.
std::chrono::seconds unitStopTimeout()
{
    const auto value = unitSetting("TimeoutStopSec");
    std::smatch m;
    if (!std::regex_match(value, m, std::regex(R"((\d+)s)")))
        throw std::runtime_error("TimeoutStopSec=" + value + " is not Ns");
    return std::chrono::seconds(std::stoi(m[1]));
}

/// Whether systemd would start the hub again after it exits with `status`.
bool unitRestartsAfter(int status)
{
    std::istringstream prevented(unitSetting("RestartPreventExitStatus"));
    for (std::string word; prevented >> word;) {
        if (word == std::to_string(status)) return false;
    }
    return true;
}

/// The hub's exit status for a record written by a newer Rollcall (docs/operations.md).
constexpr int kExitNewerSchema = 5;

std::int64_t userVersion(const std::string& path)
{
    common::Database db(path, common::Database::Mode::ReadOnly);
    return core::schemaVersion(db);
}

class HubLifecycle : public ::testing::Test {
protected:
    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    zmq::context_t ctx_;
};

} // namespace

TEST_F(HubLifecycle, stopsOnSigtermWithinTheUnitsTimeoutWhileTapsFlow)
{
    seedHubRecord(db_);
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    // A backlog the hub is still working through when the signal comes.
    constexpr std::uint64_t kTaps = 3000;
    for (std::uint64_t seq = 1; seq <= kTaps; ++seq) {
        char uid[9];
        std::snprintf(uid, sizeof uid, "%08llX", static_cast<unsigned long long>(0x30000000ULL + seq));
        agent.send(makeTap("r-hall", seq, uid));
    }
    ASSERT_TRUE(agent.receiveAck().has_value()) << "taps are flowing";

    const auto start = std::chrono::steady_clock::now();
    hub.process().kill(SIGTERM);
    const int code = hub.process().wait();
    const auto took = std::chrono::steady_clock::now() - start;

    EXPECT_EQ(code, 0) << hub.process().output();
    EXPECT_LT(took, unitStopTimeout()) << "systemd would SIGKILL the hub";
    std::printf("[ figures  ] SIGTERM to exit with %llu taps queued: %lld ms (unit allows %lld s)\n",
                static_cast<unsigned long long>(kTaps),
                static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(took).count()),
                static_cast<long long>(unitStopTimeout().count()));
    // What was acknowledged is recorded once; nothing is half-written.
    const auto recorded = countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'");
    EXPECT_GE(recorded, 1);
    EXPECT_LE(recorded, static_cast<std::int64_t>(kTaps));
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM (SELECT seq FROM taps GROUP BY reader_id, seq HAVING count(*) > 1)"),
              0);
}

TEST_F(HubLifecycle, migratesAnOlderRecordInPlaceWhenItStarts)
{
    std::filesystem::copy_file(std::string(ROLLCALL_TEST_DATA_DIR) + "/core/record_v4.sqlite", db_);
    const auto persons = countRows(db_, "SELECT count(*) FROM persons");
    ASSERT_EQ(userVersion(db_), 4);

    HubProcess hub(db_);
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0) << hub.process().output();

    EXPECT_EQ(userVersion(db_), core::latestSchemaVersion());
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM persons"), persons) << "migration keeps what was recorded";
}

TEST_F(HubLifecycle, refusesToStartOnARecordNewerThanItKnows)
{
    seedHubRecord(db_);
    const int newer = core::latestSchemaVersion() + 1;
    {
        common::Database db(db_);
        db.exec("PRAGMA user_version = " + std::to_string(newer));
    }
    const auto taps = countRows(db_, "SELECT count(*) FROM taps");

    ChildProcess hub({std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub", "--db", db_, "--taps",
                      "tcp://127.0.0.1:*", "--live", "tcp://127.0.0.1:*", "--query", "tcp://127.0.0.1:*",
                      "--insecure"});
    const int status = hub.wait();
    EXPECT_EQ(status, kExitNewerSchema) << "an exit status of its own, not a passing failure (3)";
    EXPECT_FALSE(unitRestartsAfter(status)) << "systemd would restart it every 2 s, refused each time";
    const auto output = hub.output();
    EXPECT_EQ(output.find("rollcall-hub: listening"), std::string::npos) << output;
    EXPECT_NE(output.find("newer than this program's"), std::string::npos) << output;
    EXPECT_NE(output.find(db_), std::string::npos) << "the message names the record: " << output;
    // Nothing changed: a newer hub can still open it.
    EXPECT_EQ(userVersion(db_), newer);
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps"), taps);
}

TEST_F(HubLifecycle, unitRestartsItOnlyAfterAFailureThatMayPass)
{
    // docs/operations.md, "Exit statuses": 1 bad settings, 4 the record fails its
    // start-up check, 5 a newer schema; 3 (a port in use, a disk not yet there) may pass.
    for (const int status : {1, 4, kExitNewerSchema}) EXPECT_FALSE(unitRestartsAfter(status)) << status;
    EXPECT_TRUE(unitRestartsAfter(3));
}
