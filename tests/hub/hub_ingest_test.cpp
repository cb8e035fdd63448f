// rollcall-hub as a real process over TCP: exactly-once recording, verdicts,
// crash safety and bad input (issue 3, "Tests").
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <map>
#include <set>

using namespace rollcall;
using namespace rollcall::test;
using protocol::Verdict;

namespace {

class HubIngest : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }
    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    zmq::context_t ctx_;
};

TEST_F(HubIngest, tapsAreRecordedOnceWithTheRightVerdicts)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    struct Case {
        const char* reader;
        const char* uid;
        Verdict verdict;
        const char* textHas;
    };
    const std::vector<Case> cases{
        {"r-hall", "04A1B2C1", Verdict::Present, "张三 签到成功"},
        {"r-annex", "04A1B2C3", Verdict::Late, "迟到 20 分钟"},
        {"r-hall", "04A1B2C9", Verdict::WalkIn, "列席"},
        {"r-hall", "DEADBEEF", Verdict::UnknownBadge, "DEADBEEF"},
        {"r-hall", "04A1B2C1", Verdict::Duplicate, "重复"}, // again within 10 s
        {"r-ghost", "04A1B2C2", Verdict::UnknownReader, "未注册"},
    };
    std::uint64_t seq = 0;
    for (const auto& c : cases) {
        const auto ack = agent.tap(makeTap(c.reader, ++seq, c.uid));
        EXPECT_EQ(ack.seq, seq);
        EXPECT_EQ(protocol::toString(ack.verdict), protocol::toString(c.verdict)) << c.uid << " at " << c.reader;
        EXPECT_NE(ack.text.find(c.textHas), std::string::npos) << ack.text;
    }
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps"), 5);
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM quarantined_taps"), 1);
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE verdict IS NULL"), 0);
}

TEST_F(HubIngest, tapResentThreeTimesIsOneRecordWithTheSameAck)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const auto tap = makeTap("r-hall", 7, "04A1B2C2");
    std::vector<protocol::Ack> acks;
    for (int i = 0; i < 3; ++i) acks.push_back(agent.tap(tap));
    for (const auto& a : acks) {
        EXPECT_EQ(a.verdict, Verdict::Present);
        EXPECT_EQ(a.text, acks.front().text);
    }
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall' AND seq = 7"), 1);
}

TEST_F(HubIngest, tapResentAfterItsAckIsAnsweredFromMemoryWithAFreshHubClock)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const auto tap = makeTap("r-hall", 9, "04A1B2C2");
    const auto first = agent.tap(tap);
    const auto again = agent.tap(tap); // its ack was lost: the agent sends it again
    EXPECT_EQ(again.verdict, first.verdict);
    EXPECT_EQ(again.text, first.text);
    EXPECT_GE(again.hub_clock_ms, first.hub_clock_ms) << "the agent takes a clock sample from every ack";
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    // The socket thread answered it: the writer never saw it again.
    EXPECT_TRUE(hub.process().waitForLine("answered_from_memory=1")) << hub.process().output();
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall' AND seq = 9"), 1);
}

TEST_F(HubIngest, recordedSeqSentWithAnotherBadgeIsRefusedNotAcknowledged)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).verdict, Verdict::Present);
    // An agent that lost its outbox starts numbering at 1 again.
    agent.send(makeTap("r-hall", 1, "04A1B2C2"));
    auto reply = agent.receive();
    ASSERT_TRUE(reply);
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(*reply)) << "must not acknowledge another tap's verdict";
    EXPECT_EQ(std::get<protocol::Error>(*reply).code, "seq_conflict");
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), 1);
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM quarantined_taps WHERE badge_uid = '04A1B2C2'"), 1);
}

TEST_F(HubIngest, seqFarBeyondTheReadersHighestIsRefusedAndTheReadersRealTapsStillCount)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).verdict, Verdict::Present);
    // A forged tap numbered far ahead (the default window is 100,000) …
    for (const std::uint64_t forged : {100'002ull, (1ull << 63) - 1}) {
        agent.send(makeTap("r-hall", forged, "04A1B2C2"));
        auto reply = agent.receive();
        ASSERT_TRUE(reply);
        ASSERT_TRUE(std::holds_alternative<protocol::Error>(*reply)) << "seq " << forged;
        EXPECT_EQ(std::get<protocol::Error>(*reply).code, "seq_out_of_window");
        EXPECT_NE(std::get<protocol::Error>(*reply).message.find("r-hall"), std::string::npos);
    }
    // … is kept aside, not recorded, and moves nothing: the reader's next real seq is new.
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM quarantined_taps WHERE badge_uid = '04A1B2C2'"), 2);
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE badge_uid = '04A1B2C2'"), 0);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 2, "04A1B2C2")).verdict, Verdict::Present);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 100'002, "04A1B2C3")).verdict, Verdict::Present)
        << "within the window of the highest recorded seq (2)";
}

TEST_F(HubIngest, bothReaderTogglesCheckInAndCheckOut)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const auto t0 = nowMs();
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1", t0)).verdict, Verdict::Present);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 2, "04A1B2C1", t0 + 60'000)).verdict, Verdict::CheckedOut);
}

TEST_F(HubIngest, checkOutBeforeTheEndSaysLeavingEarlyNotCheckedOut)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const auto t0 = nowMs();
    // m-soon (hall, two hours from 30 min from now): in, and out again a minute later.
    EXPECT_FALSE(agent.tap(makeTap("r-hall", 1, "04A1B2C1", t0)).early_minutes.has_value());
    const auto out = agent.tap(makeTap("r-hall", 2, "04A1B2C1", t0 + 60'000));
    EXPECT_EQ(out.verdict, Verdict::CheckedOut) << "the verdict older agents know";
    ASSERT_TRUE(out.early_minutes.has_value());
    EXPECT_EQ(*out.early_minutes, 120) << "out before the start counts from the start";
    EXPECT_NE(out.text.find("早退 120 分钟"), std::string::npos) << out.text;
    EXPECT_EQ(out.text.find("签退成功"), std::string::npos) << out.text;
}

TEST_F(HubIngest, anEarlyCheckOutStaysEarlyInTheRecentTapsOfAHubStartedLater)
{
    const auto t0 = nowMs();
    HubEndpoints endpoints;
    {
        HubProcess hub(db_);
        AgentClient agent(ctx_, hub.endpoints().taps);
        (void)agent.tap(makeTap("r-hall", 1, "04A1B2C1", t0));
        ASSERT_TRUE(agent.tap(makeTap("r-hall", 2, "04A1B2C1", t0 + 60'000)).early_minutes.has_value());
    }
    // A new hub rebuilds its recent taps by replaying the record.
    HubProcess hub(db_);
    QueryClient query(ctx_, hub.endpoints().query);

    const auto snapshot = query.snapshot("m-soon");

    ASSERT_FALSE(snapshot.recent_taps.empty());
    const auto& out = snapshot.recent_taps.front(); // newest first
    EXPECT_EQ(out.verdict, Verdict::CheckedOut);
    ASSERT_TRUE(out.early_minutes.has_value()) << "the board would show 签退 instead of 早退";
    EXPECT_EQ(*out.early_minutes, 120);
}

TEST_F(HubIngest, hubKilledMidBurstLosesNoAcknowledgedTap)
{
    constexpr std::uint64_t kTaps = 3000;
    std::set<std::uint64_t> acked;
    HubEndpoints endpoints;
    const auto t0 = nowMs(); // a re-sent tap is the same tap: same badge, same time
    {
        HubProcess hub(db_);
        endpoints = hub.endpoints();
        AgentClient agent(ctx_, endpoints.taps);
        // Distinct badges are unknown badges: every tap is kept, none debounced.
        for (std::uint64_t s = 1; s <= kTaps; ++s) {
            char uid[9];
            std::snprintf(uid, sizeof uid, "%08llX", static_cast<unsigned long long>(0x10000000ULL + s));
            agent.send(makeTap("r-hall", s, uid, t0));
        }
        while (acked.size() < kTaps / 3) {
            auto ack = agent.receiveAck();
            ASSERT_TRUE(ack) << hub.process().output();
            acked.insert(ack->seq);
        }
        hub.process().kill(SIGKILL);
        EXPECT_EQ(hub.process().wait(), 128 + SIGKILL);
    }
    // Every acknowledged tap survived the kill.
    for (const auto seq : acked) {
        ASSERT_EQ(
            countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall' AND seq = " + std::to_string(seq)), 1)
            << "acknowledged seq " << seq << " was lost";
    }
    // The agent re-sends everything it has no ack for — and, to be sure, the acked ones too.
    HubProcess hub(db_, {}, endpoints);
    AgentClient agent(ctx_, hub.endpoints().taps);
    for (std::uint64_t s = 1; s <= kTaps; ++s) {
        char uid[9];
        std::snprintf(uid, sizeof uid, "%08llX", static_cast<unsigned long long>(0x10000000ULL + s));
        agent.send(makeTap("r-hall", s, uid, t0));
    }
    std::set<std::uint64_t> second;
    while (second.size() < kTaps) {
        auto ack = agent.receiveAck();
        ASSERT_TRUE(ack) << "only " << second.size() << " acks";
        second.insert(ack->seq);
    }
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall'"), static_cast<std::int64_t>(kTaps));
    EXPECT_EQ(countRows(db_, "SELECT count(DISTINCT seq) FROM taps WHERE reader_id = 'r-hall'"),
              static_cast<std::int64_t>(kTaps));
}

TEST_F(HubIngest, malformedFramesAreCountedAndDoNotDisturbGoodTraffic)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const std::vector<std::string> bad{
        "not json",
        "{\"v\":2,\"type\":\"tap\"}",
        "{\"v\":1,\"type\":\"launch\"}",
        "[1,2,3]",
        R"({"v":1,"type":"tap","reader_id":"r-hall","seq":0,"badge_uid":"04A1B2C1","at_ms":1,"clock_offset_ms":0})",
        std::string(70 * 1024, 'x'),
        std::string("{\"v\":1,\0}", 9)};
    std::uint64_t seq = 100;
    for (const auto& b : bad) {
        agent.sendRaw(b);
        auto reply = agent.receive();
        ASSERT_TRUE(reply);
        EXPECT_TRUE(std::holds_alternative<protocol::Error>(*reply)) << b.substr(0, 40);
        // Good traffic in between is answered as usual.
        char uid[9];
        std::snprintf(uid, sizeof uid, "%08llX", static_cast<unsigned long long>(0x20000000ULL + seq));
        EXPECT_EQ(agent.tap(makeTap("r-hall", ++seq, uid)).verdict, Verdict::UnknownBadge);
    }
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    EXPECT_TRUE(hub.process().waitForLine("rejected=" + std::to_string(bad.size())).has_value())
        << hub.process().output();
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps"), static_cast<std::int64_t>(bad.size()));
}

TEST_F(HubIngest, sigtermStopsCleanly)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).verdict, Verdict::Present);
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    EXPECT_TRUE(hub.process().waitForLine("stopped").has_value());
}

TEST_F(HubIngest, helloIsWelcomedWithTheHubClock)
{
    HubProcess hub(db_);
    AgentClient agent(ctx_, hub.endpoints().taps);
    const auto before = nowMs();
    agent.send(protocol::Hello{"r-hall", "test-1.0", before});
    auto reply = agent.receive();
    ASSERT_TRUE(reply);
    const auto* welcome = std::get_if<protocol::Welcome>(&*reply);
    ASSERT_TRUE(welcome);
    EXPECT_TRUE(welcome->reader_known);
    EXPECT_GE(welcome->hub_clock_ms, before);
    EXPECT_LE(welcome->hub_clock_ms, nowMs());
    agent.send(protocol::Hello{"r-unknown", "test-1.0", before});
    reply = agent.receive();
    ASSERT_TRUE(reply);
    EXPECT_FALSE(std::get<protocol::Welcome>(*reply).reader_known);
}

TEST_F(HubIngest, badCommandLineIsRefusedWithAMessage)
{
    ChildProcess hub({std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub", "--db", db_, "--log-level", "loud"});
    EXPECT_EQ(hub.wait(), 1);
    EXPECT_NE(hub.output().find("--log-level"), std::string::npos) << hub.output();
}

} // namespace
