// CURVE on every hub socket, over TCP on 127.0.0.1 with the real rollcall-hub:
// a key the hub does not know delivers no tap and reads no board, a reader key
// speaks only for its own reader, and each role reaches only its sockets.
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <gtest/gtest.h>

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

class HubCurve : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        hub_ = std::make_unique<HubProcess>(db_, keys_.hubArgs());
    }
    std::int64_t taps() const { return countRows(db_, "SELECT COUNT(*) FROM taps"); }
    /// Waits for the hub's refusal of a connection on `socket` for `reason` (the ZAP handler's log line).
    void expectRefused(const std::string& socket, const std::string& text)
    {
        const auto line = hub_->process().waitForLine("on " + socket + ": " + text, 10s);
        ASSERT_TRUE(line) << hub_->process().output();
    }

    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    TestKeys keys_;
    std::unique_ptr<HubProcess> hub_;
    zmq::context_t ctx_;
};

TEST_F(HubCurve, anAllowedReaderKeyRecordsItsTapAndAnAllowedViewerReadsTheBoard)
{
    const auto hall = keys_.reader("r-hall");
    const auto viewer = keys_.viewer();
    AgentClient agent(ctx_, hub_->endpoints().taps, &hall);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).verdict, protocol::Verdict::Present);
    QueryClient query(ctx_, hub_->endpoints().query, &viewer);
    EXPECT_EQ(query.snapshot("m-soon").meeting.id, "m-soon");
    EXPECT_EQ(taps(), 1);
}

TEST_F(HubCurve, anUnknownKeyDeliversNoTapAndReadsNoBoard)
{
    const auto stranger = keys_.client("reader", "stranger", "r-hall", /*allowed=*/false);
    AgentClient forger(ctx_, hub_->endpoints().taps, &stranger);
    forger.send(makeTap("r-hall", 1, "04A1B2C9"));
    expectRefused("taps", "key not allowed");
    EXPECT_FALSE(forger.receive(500ms)) << "the hub answered a key it does not know";

    const auto nosy = keys_.client("viewer", "nosy", {}, /*allowed=*/false);
    QueryClient query(ctx_, hub_->endpoints().query, &nosy);
    EXPECT_THROW((void)query.ask(protocol::SnapshotRequest{"m-soon"}, 1500ms), std::runtime_error);
    expectRefused("query", "key not allowed");

    // The board's live feed stays closed to it while an allowed viewer sees the tap that follows.
    const auto viewer = keys_.viewer();
    LiveSubscriber allowedFeed(ctx_, hub_->endpoints().live, "m-soon", &viewer);
    LiveSubscriber strangerFeed(ctx_, hub_->endpoints().live, "m-soon", &nosy);
    expectRefused("live", "key not allowed");
    const auto hall = keys_.reader("r-hall");
    AgentClient agent(ctx_, hub_->endpoints().taps, &hall);
    // The subscription may still be on its way: tap until the allowed feed shows one.
    std::uint64_t seq = 0;
    std::optional<protocol::Update> seen;
    const char* badges[] = {"04A1B2C1", "04A1B2C2", "04A1B2C3"}; // each first check-in changes the board
    while (!seen && seq < 3) {
        (void)agent.tap(makeTap("r-hall", seq + 1, badges[seq]));
        ++seq;
        seen = allowedFeed.next(1s);
    }
    ASSERT_TRUE(seen) << "the allowed viewer saw no update";
    EXPECT_FALSE(strangerFeed.next(300ms)) << "a refused subscriber received the board";
    EXPECT_EQ(taps(), static_cast<std::int64_t>(seq));
    EXPECT_EQ(countRows(db_, "SELECT COUNT(*) FROM taps WHERE badge_uid = '04A1B2C9'"), 0) << "the forged tap";
}

TEST_F(HubCurve, aPlainTextClientGetsNothingFromASecureHub)
{
    AgentClient plain(ctx_, hub_->endpoints().taps);
    plain.send(makeTap("r-hall", 1, "04A1B2C1"));
    EXPECT_FALSE(plain.receive(1s));
    EXPECT_EQ(taps(), 0);
}

TEST_F(HubCurve, aReaderKeyCannotSendForAnotherReaderId)
{
    const auto hall = keys_.reader("r-hall");
    AgentClient agent(ctx_, hub_->endpoints().taps, &hall);
    protocol::Hello hello{"r-annex", "0.1.0", 0};
    agent.send(hello);
    auto reply = agent.receive();
    ASSERT_TRUE(reply);
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(*reply));
    EXPECT_EQ(std::get<protocol::Error>(*reply).code, "forbidden");

    agent.send(makeTap("r-annex", 1, "04A1B2C3"));
    reply = agent.receive();
    ASSERT_TRUE(reply);
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(*reply));
    EXPECT_EQ(std::get<protocol::Error>(*reply).code, "forbidden");
    EXPECT_TRUE(hub_->process().waitForLine("refused a tap for reader r-annex from key r-hall", 5s))
        << hub_->process().output();

    // Its own reader id still works, on the same connection.
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).seq, 1u);
    EXPECT_EQ(taps(), 1);
    EXPECT_EQ(countRows(db_, "SELECT COUNT(*) FROM taps WHERE reader_id = 'r-annex'"), 0);
    EXPECT_EQ(countRows(db_, "SELECT COUNT(*) FROM quarantined_taps"), 0);

    // The refusals are counted by reason (the stats line at exit).
    hub_->process().kill(SIGTERM);
    EXPECT_EQ(hub_->process().wait(), 0);
    const auto line = hub_->process().waitForLine("rejections ", 1s);
    ASSERT_TRUE(line) << hub_->process().output();
    EXPECT_NE(line->find("reader_mismatch=2"), std::string::npos) << *line;
}

TEST_F(HubCurve, eachRoleReachesOnlyItsSockets)
{
    const auto viewer = keys_.viewer();
    AgentClient viewerAtTheDoor(ctx_, hub_->endpoints().taps, &viewer);
    viewerAtTheDoor.send(makeTap("r-hall", 1, "04A1B2C1"));
    expectRefused("taps", "role viewer may not use the taps socket");

    const auto hall = keys_.reader("r-hall");
    QueryClient readerAsking(ctx_, hub_->endpoints().query, &hall);
    EXPECT_THROW((void)readerAsking.ask(protocol::SnapshotRequest{"m-soon"}, 1500ms), std::runtime_error);
    expectRefused("query", "role reader may not use the query socket");

    const auto office = keys_.office();
    QueryClient officeAsking(ctx_, hub_->endpoints().query, &office);
    EXPECT_EQ(officeAsking.snapshot("m-now").meeting.id, "m-now");
    EXPECT_EQ(taps(), 0);
}

} // namespace
} // namespace rollcall::test
