// The hub's status query (docs/protocol.md §5.10) over TCP on 127.0.0.1 with
// the real rollcall-hub and CURVE keys: what a viewer key learns about the
// readers, the record, ingest and the disk, and the refusals counted by reason.
#include "hub/core/hash_chain.h"
#include "hub/core/schema.h"
#include "hub/service/hub_status.h"
#include "tests/support/eventually.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <gtest/gtest.h>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

const protocol::ReaderHealth* readerIn(const protocol::Status& s, const std::string& id)
{
    for (const auto& r : s.readers) {
        if (r.reader_id == id) return &r;
    }
    return nullptr;
}

std::uint64_t rejected(const protocol::Status& s, const std::string& reason)
{
    for (const auto& r : s.rejections) {
        if (r.reason == reason) return r.count;
    }
    return 0;
}

/// Asks until the status satisfies `pred` (what it shows arrives on other sockets); the last answer in `out`.
template <class Pred>
bool eventuallyStatus(QueryClient& query, protocol::Status& out, Pred pred)
{
    return eventually([&] {
        out = query.status();
        return pred(out);
    });
}

class HubStatus : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }
    void start(std::vector<std::string> env = {})
    {
        hub_ = std::make_unique<HubProcess>(db_, keys_.hubArgs(), std::nullopt, std::move(env));
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    TestKeys keys_;
    std::unique_ptr<HubProcess> hub_;
    zmq::context_t ctx_;
};

TEST_F(HubStatus, aViewerKeyLearnsTheReadersTheRecordAndTheDisk)
{
    start();
    const auto hall = keys_.reader("r-hall");
    AgentClient agent(ctx_, hub_->endpoints().taps, &hall);
    ASSERT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).seq, 1u);
    protocol::Heartbeat hb{"r-hall", nowMs() - 1500, 3, protocol::ReaderState::Ok, "", "0.1.0"};
    agent.send(hb);

    const auto viewer = keys_.viewer();
    QueryClient query(ctx_, hub_->endpoints().query, &viewer);
    protocol::Status s;
    // The heartbeat travels on another socket: ask until the hub has taken it.
    ASSERT_TRUE(eventuallyStatus(query, s, [](const protocol::Status& st) {
        const auto* r = readerIn(st, "r-hall");
        return r && r->online;
    }));
    EXPECT_FALSE(s.hub_version.empty());
    EXPECT_FALSE(s.insecure);
    EXPECT_LE(s.started_ms, s.hub_clock_ms);
    EXPECT_EQ(s.schema_version, core::latestSchemaVersion());
    common::Database db(db_, common::Database::Mode::ReadOnly);
    const auto head = core::chainHead(db);
    EXPECT_EQ(s.chain_head, head.hash);
    EXPECT_EQ(s.chain_rows, static_cast<std::uint64_t>(head.rows));
    EXPECT_EQ(s.recorded, 1u);
    EXPECT_EQ(s.failed_batches, 0u);
    EXPECT_TRUE(s.write_failure.empty());
    ASSERT_TRUE(s.disk_free_bytes);
    EXPECT_GT(*s.disk_free_bytes, 0u);
    EXPECT_EQ(s.disk_reserve_bytes, 64ull << 20);

    const auto* hallHealth = readerIn(s, "r-hall");
    ASSERT_TRUE(hallHealth && hallHealth->last_seen_ms);
    EXPECT_EQ(hallHealth->outbox_depth, 3u);
    EXPECT_GE(hallHealth->clock_offset_ms, 1000); // the agent's clock is 1.5 s behind
    EXPECT_EQ(hallHealth->agent_version, "0.1.0");
    const auto* annex = readerIn(s, "r-annex");
    ASSERT_TRUE(annex);
    EXPECT_FALSE(annex->online);
    EXPECT_FALSE(annex->last_seen_ms) << "never heard from";
}

TEST_F(HubStatus, refusalsAreCountedByReason)
{
    start();
    // A key the hub does not know, on the taps socket.
    const auto stranger = keys_.client("reader", "stranger", "r-hall", /*allowed=*/false);
    AgentClient forger(ctx_, hub_->endpoints().taps, &stranger);
    forger.send(makeTap("r-hall", 1, "04A1B2C9"));
    ASSERT_TRUE(hub_->process().waitForLine("key not allowed", 10s)) << hub_->process().output();
    // A frame that breaks the wire's rules, and a hello from a reader nobody registered.
    const auto ghost = keys_.reader("r-ghost");
    AgentClient ghostAgent(ctx_, hub_->endpoints().taps, &ghost);
    ghostAgent.sendRaw(R"({"v":1,"type":"hello","reader_id":"r-ghost","agent_version":"0.1.0","agent_clock_ms":-5})");
    ASSERT_TRUE(ghostAgent.receive());
    ghostAgent.send(protocol::Hello{"r-ghost", "0.1.0", nowMs()});
    ASSERT_TRUE(ghostAgent.receive());

    const auto office = keys_.office();
    QueryClient query(ctx_, hub_->endpoints().query, &office);
    protocol::Status s;
    ASSERT_TRUE(eventuallyStatus(query, s, [](const protocol::Status& st) {
        return rejected(st, "unknown_key") >= 1 && rejected(st, "unregistered_hello") == 1;
    })) << hub_->process().output();
    EXPECT_EQ(rejected(s, "bad_field"), 1u);
}

TEST_F(HubStatus, aHubThatCannotWriteSaysWhyAndHowManyTapsItHolds)
{
    const auto control = dir_.write("fault", "free=10"); // 10 MB free, below the default reserve of 64 MB
    start({"ROLLCALL_FAULT_FILE=" + control});
    const auto hall = keys_.reader("r-hall");
    AgentClient agent(ctx_, hub_->endpoints().taps, &hall);
    agent.send(makeTap("r-hall", 1, "04A1B2C1"));
    ASSERT_TRUE(hub_->process().waitForLine("tap(s) not acknowledged", 10s)) << hub_->process().output();

    const auto viewer = keys_.viewer();
    QueryClient query(ctx_, hub_->endpoints().query, &viewer);
    const auto s = query.status();
    EXPECT_EQ(s.write_failure, "disk_full");
    EXPECT_EQ(s.held_taps, 1u);
    EXPECT_EQ(s.recorded, 0u);
    ASSERT_TRUE(s.disk_free_bytes);
    EXPECT_EQ(*s.disk_free_bytes, 10ull << 20);
}

TEST_F(HubStatus, aPlainTextHubSaysSo)
{
    HubProcess plain(db_);
    QueryClient query(ctx_, plain.endpoints().query);
    EXPECT_TRUE(query.status().insecure);
}

struct AskerRow {
    const char* name;
    std::string userId;
    bool insecure;
    bool allowed;
};

TEST(HubStatusAskers, viewerAndAboveMayAskReadersMayNot)
{
    const AskerRow rows[] = {
        {"viewer", "viewer//board-1", false, true},
        {"organizer", "organizer//desk", false, true},
        {"office", "office//desk", false, true},
        {"reader", "reader/r-hall/r-hall", false, false},
        {"no key", "", false, false},
        {"plain text hub", "", true, true},
    };
    for (const auto& row : rows) {
        EXPECT_EQ(service::mayAskForStatus(row.userId, row.insecure), row.allowed) << row.name;
    }
}

} // namespace
} // namespace rollcall::test
