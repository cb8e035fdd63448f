// rollcall-hub when the record cannot be written (issue 10): a full disk, an
// I/O error on commit, the disk reserve reached. The real binary with the
// fault-injection VFS (common/fault_vfs.h) switched by a control file: the
// hub holds the taps unacknowledged, raises an alarm on the live feed and in
// its log, retries by itself and records everything once the cause is gone —
// no restart, no re-send needed from the agent.
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <set>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class HubWriteFailure : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        setFault("ok");
    }
    void setFault(const std::string& word) { (void)dir_.write("fault", word); }
    std::vector<std::string> env() const { return {"ROLLCALL_FAULT_FILE=" + control_}; }
    static std::string uid(std::uint64_t n)
    {
        char buf[9];
        std::snprintf(buf, sizeof buf, "%08llX", static_cast<unsigned long long>(0x30000000ULL + n));
        return buf;
    }
    /// Sends taps 1..n (unknown badges: every one is kept) and returns the acks that came within `wait`.
    std::set<std::uint64_t> sendAndCollect(AgentClient& agent, std::uint64_t n, std::chrono::milliseconds wait)
    {
        for (std::uint64_t s = 1; s <= n; ++s) agent.send(makeTap("r-hall", s, uid(s), t0_));
        return collect(agent, n, wait);
    }
    std::set<std::uint64_t> collect(AgentClient& agent, std::uint64_t n, std::chrono::milliseconds wait)
    {
        std::set<std::uint64_t> acked;
        while (acked.size() < n) {
            auto ack = agent.receiveAck(wait);
            if (!ack) break;
            acked.insert(ack->seq);
        }
        return acked;
    }
    static bool isHubAlarm(const protocol::Update& u, bool active, const std::string& has)
    {
        const auto* a = std::get_if<protocol::Alarm>(&u.payload);
        return a && a->reader_id == "hub" && a->active == active && a->message.find(has) != std::string::npos;
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    std::string control_ = dir_.file("fault");
    std::int64_t t0_ = nowMs();
    zmq::context_t ctx_;
};

TEST_F(HubWriteFailure, ioErrorOnCommitIsAlarmedAndRecoveredWithoutRestart)
{
    HubProcess hub(db_, {}, {}, env());
    LiveSubscriber feed(ctx_, hub.endpoints().live, "");
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_EQ(agent.tap(makeTap("r-hall", 100, uid(100), t0_)).verdict,
              protocol::Verdict::UnknownBadge); // connected, subscribed
    setFault("sync");
    EXPECT_TRUE(sendAndCollect(agent, 10, 1500ms).empty()) << "nothing is acknowledged while commits fail";
    EXPECT_TRUE(feed.waitFor([](const auto& u) { return isHubAlarm(u, true, "记录写入失败：磁盘读写错误"); }))
        << hub.process().output();
    EXPECT_TRUE(hub.process().waitForLine("记录写入失败：磁盘读写错误"));
    setFault("ok");
    EXPECT_EQ(collect(agent, 10, 10s).size(), 10u) << "the hub retried by itself\n" << hub.process().output();
    EXPECT_TRUE(feed.waitFor([](const auto& u) { return isHubAlarm(u, false, "恢复"); }));
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), 11);
    // New taps go straight through again.
    EXPECT_EQ(agent.tap(makeTap("r-hall", 101, uid(101), t0_)).seq, 101u);
}

TEST_F(HubWriteFailure, aBurstCommittedInGroupsIsHeldWholeAndLandsOnce)
{
    // 300 new taps at once: rounds of 32 and more, handed to the committer,
    // which commits the rounds queued together in one transaction. Each
    // failed group is held whole (with the rounds judged on top of it) and
    // retried; none is acknowledged before its commit, none is recorded twice.
    HubProcess hub(db_, {}, {}, env());
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_EQ(agent.tap(makeTap("r-hall", 100, uid(100), t0_)).seq, 100u);
    setFault("sync");
    for (std::uint64_t s = 101; s <= 400; ++s) agent.send(makeTap("r-hall", s, uid(s), t0_));
    EXPECT_FALSE(agent.receiveAck(1500ms)) << "nothing is acknowledged while commits fail";
    EXPECT_TRUE(hub.process().waitForLine("记录写入失败：磁盘读写错误"));
    setFault("ok");
    std::set<std::uint64_t> acked;
    while (acked.size() < 300) {
        auto ack = agent.receiveAck(10s);
        if (!ack) break;
        acked.insert(ack->seq);
    }
    EXPECT_EQ(acked.size(), 300u) << hub.process().output();
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), 301);
    EXPECT_EQ(countRows(db_, "SELECT count(DISTINCT seq) FROM taps WHERE reader_id = 'r-hall'"), 301);
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    EXPECT_TRUE(hub.process().waitForLine("taps recorded=301 ")) << hub.process().output();
}

TEST_F(HubWriteFailure, diskFullHoldsTapsUnacknowledgedAndAllLandOnceSpaceReturns)
{
    HubProcess hub(db_, {}, {}, env());
    LiveSubscriber feed(ctx_, hub.endpoints().live, "");
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_EQ(agent.tap(makeTap("r-hall", 100, uid(100), t0_)).seq, 100u);
    setFault("full");
    EXPECT_TRUE(sendAndCollect(agent, 50, 1500ms).empty());
    EXPECT_TRUE(feed.waitFor([](const auto& u) { return isHubAlarm(u, true, "记录写入失败：磁盘已满"); }))
        << hub.process().output();
    // The agent re-sends meanwhile: held once, recorded once.
    for (std::uint64_t s = 1; s <= 50; ++s) agent.send(makeTap("r-hall", s, uid(s), t0_));
    setFault("ok");
    EXPECT_EQ(collect(agent, 50, 10s).size(), 50u) << hub.process().output();
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), 51);
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    // The counter counts committed rows only, not the failed attempts.
    EXPECT_TRUE(hub.process().waitForLine("taps recorded=51 ")) << hub.process().output();
}

TEST_F(HubWriteFailure, diskReserveStopsAckingBeforeTheDiskIsFull)
{
    HubProcess hub(db_, {}, {}, env());
    LiveSubscriber feed(ctx_, hub.endpoints().live, "");
    AgentClient agent(ctx_, hub.endpoints().taps);
    ASSERT_EQ(agent.tap(makeTap("r-hall", 100, uid(100), t0_)).seq, 100u);
    setFault("free=10"); // 10 MB free, below the default reserve of 64 MB
    EXPECT_TRUE(sendAndCollect(agent, 5, 1500ms).empty());
    EXPECT_TRUE(feed.waitFor([](const auto& u) { return isHubAlarm(u, true, "低于保留的 64 MB"); }))
        << hub.process().output();
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), 1);
    setFault("free=1000");
    EXPECT_EQ(collect(agent, 5, 10s).size(), 5u) << hub.process().output();
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), 6);
}

TEST_F(HubWriteFailure, diskReserveIsReadFromTheConfigFile)
{
    const auto config = dir_.write("hub.toml", "[ingest]\ndisk_reserve_mb = 5\n");
    HubProcess hub(db_, {"--config", config}, {}, env());
    AgentClient agent(ctx_, hub.endpoints().taps);
    setFault("free=10"); // above a 5 MB reserve: recorded
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, uid(1), t0_)).seq, 1u);
    const auto bad = dir_.write("bad.toml", "[ingest]\ndisk_reserve_mb = -1\n");
    ChildProcess refused({std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub", "--db", db_, "--config", bad});
    EXPECT_EQ(refused.wait(), 1);
    EXPECT_NE(refused.output().find("ingest.disk_reserve_mb"), std::string::npos) << refused.output();
}

} // namespace
