// The Agent in process with the fake reader, against the real rollcall-hub
// over TCP and a real SQLite outbox: verdicts, buffering while the hub is
// down, exactly-once delivery when it is back.
#include "common/database.h"
#include "protocol/zmq_endpoint.h"
#include "reader-agent/agent.h"
#include "reader-agent/fake/fake_card_reader.h"
#include "tests/agent/agent_test_support.h"

#include <gtest/gtest.h>
#include <thread>

using namespace rollcall;
using namespace rollcall::agent;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

/// An Agent wired to a fake reader, running on its own thread.
class RunningAgent {
public:
    RunningAgent(const std::string& outbox, const std::string& hub, std::chrono::milliseconds indication = 300ms)
        : box_(outbox, "r-hall"), link_(context_, hub, HubLinkOptions{50ms, 200ms}),
          poller_(reader_, clock_, ReaderPollerOptions{10ms, 300ms, 20ms, 80ms})
    {
        AgentOptions options;
        options.ackTimeout = 1s;
        options.resendBackoffMin = 100ms;
        options.resendBackoffMax = 500ms;
        options.heartbeatInterval = 500ms;
        options.indicationDuration = indication;
        agent_ = std::make_unique<Agent>(options, box_, link_, poller_, clock_);
        thread_ = std::thread([this] { agent_->run(stop_); });
    }
    ~RunningAgent() { stop(); }
    /// Stops the agent's thread; only then may the test read the Agent itself.
    void stop()
    {
        stop_ = true;
        if (thread_.joinable()) thread_.join();
    }
    /// A card presented and taken away again once the agent has seen it.
    void tap(const CardUid& uid, LogCapture& log)
    {
        const auto before = log.count("card ");
        reader_.present(uid);
        for (int i = 0; i < 500 && log.count("card ") == before; ++i) std::this_thread::sleep_for(10ms);
        reader_.remove();
        // Past the debounce before anyone may present the same card again.
        std::this_thread::sleep_for(350ms);
    }
    FakeCardReader& reader() { return reader_; }
    /// Taps not yet acknowledged, read over a connection of the test's own:
    /// the agent's connection belongs to the agent's thread (SQLite
    /// NOMUTEX), and sharing it once failed a CI run with "file is not a
    /// database".
    [[nodiscard]] std::uint64_t unacknowledged() const
    {
        common::Database own(box_.path(), common::Database::Mode::ReadOnly);
        auto s = own.prepare("SELECT count(*) FROM outbox WHERE acked_ms IS NULL");
        (void)s.step();
        return static_cast<std::uint64_t>(s.getInt(0));
    }
    /// The agent itself, once stop() has returned.
    const Agent& stoppedAgent() const { return *agent_; }

private:
    Outbox box_;
    zmq::context_t context_;
    HubLink link_;
    FakeCardReader reader_{10ms};
    common::SystemClock clock_;
    ReaderPoller poller_;
    std::unique_ptr<Agent> agent_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

class AgentFakeReader : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }
    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    std::string outbox_ = dir_.file("outbox.db");
    LogCapture log_;
};

TEST_F(AgentFakeReader, eachTapGetsTheHubsVerdictOnTheReader)
{
    HubProcess hub(db_);
    RunningAgent agent(outbox_, hub.endpoints().taps);
    ASSERT_TRUE(log_.waitFor("welcome from the hub")) << log_.all();
    agent.tap({0x04, 0xA1, 0xB2, 0xC1}, log_);
    auto line = log_.waitFor("verdict seq=1 ");
    ASSERT_TRUE(line) << log_.all();
    EXPECT_NE(line->find("uid=04A1B2C1 present \"张三 签到成功"), std::string::npos) << *line;
    agent.tap({0x04, 0xA1, 0xB2, 0xC9}, log_);
    line = log_.waitFor("verdict seq=2 ");
    ASSERT_TRUE(line) << log_.all();
    EXPECT_NE(line->find("uid=04A1B2C9 walk_in"), std::string::npos) << *line;
    agent.tap({0xDE, 0xAD, 0xBE, 0xEF}, log_);
    line = log_.waitFor("verdict seq=3 ");
    ASSERT_TRUE(line) << log_.all();
    EXPECT_NE(line->find("uid=DEADBEEF unknown_badge"), std::string::npos) << *line;

    // The reader showed green for the first and red for the last.
    ASSERT_TRUE(agent.reader().waitFor([](const FakeCardReader& r) { return r.stepsLocked() >= 3; }, 5s));
    const auto steps = agent.reader().indicatorSteps();
    EXPECT_TRUE(steps.front().green && !steps.front().red);
    EXPECT_TRUE(std::any_of(steps.begin(), steps.end(), [](const auto& s) { return s.red && !s.green; }));
    EXPECT_TRUE(eventually([&] { return agent.unacknowledged() == 0; }));
    EXPECT_EQ(recordedTaps(db_, "r-hall"),
              (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C9"}, {3, "DEADBEEF"}}));
    agent.stop();
    EXPECT_TRUE(agent.stoppedAgent().clockOffset().has_value());
}

TEST_F(AgentFakeReader, freshOutboxContinuesAfterTheNumbersTheHubHasRecorded)
{
    HubProcess hub(db_);
    {
        // This reader's earlier life: seq 1..7 are in the record, then its outbox was lost.
        zmq::context_t ctx;
        AgentClient previous(ctx, hub.endpoints().taps);
        for (std::uint64_t seq = 1; seq <= 7; ++seq)
            (void)previous.tap(makeTap("r-hall", seq, "04A1B2C4", nowMs() - 60'000));
    }
    RunningAgent agent(outbox_, hub.endpoints().taps);
    ASSERT_TRUE(log_.waitFor("numbering continues at 8")) << log_.all();
    agent.tap({0x04, 0xA1, 0xB2, 0xC1}, log_);
    const auto line = log_.waitFor("verdict seq=8 ");
    ASSERT_TRUE(line) << log_.all();
    EXPECT_NE(line->find("present"), std::string::npos) << *line;
    EXPECT_TRUE(eventually([&] { return agent.unacknowledged() == 0; }));
    EXPECT_EQ(recordedTaps(db_, "r-hall").at(8), "04A1B2C1");
}

TEST_F(AgentFakeReader, hugeNumbersFromTheHubAreDataNotACrash)
{
    // A hub double over real ZeroMQ that says it has recorded seq 2^63 − 1 of
    // this reader and acknowledges seqs the agent never sent (issue 12: the
    // agent died with stoll on its next badge and on every restart after).
    zmq::context_t ctx;
    zmq::socket_t router(ctx, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    router.bind("tcp://127.0.0.1:*");
    const auto endpoint = protocol::boundEndpoint(router);
    constexpr std::uint64_t kHuge = 9223372036854775807ULL;
    std::optional<protocol::Tap> received;
    bool welcomed = false;
    std::string peer;
    std::string awaited = "04A1B2C1";
    // Answers until it has welcomed the agent (`untilTap` false) or got a tap;
    // the deadline only bounds a failure, as long as the suite's other waits
    // (it failed once in a full run on a loaded machine with the 5 s of before;
    // the cause was not seen, and a slow welcome is the likeliest).
    auto serve = [&](bool untilTap) {
        const auto deadline = std::chrono::steady_clock::now() + 15s;
        while (!(untilTap ? received.has_value() : welcomed) && std::chrono::steady_clock::now() < deadline) {
            zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
            if (zmq::poll(&item, 1, 100ms) == 0) continue;
            zmq::message_t id, body;
            (void)router.recv(id);
            (void)router.recv(body);
            auto decoded = protocol::decode<protocol::AgentToHub>(body.to_string_view());
            ASSERT_TRUE(decoded) << body.to_string();
            peer = id.to_string();
            if (std::holds_alternative<protocol::Hello>(decoded.value())) {
                protocol::Welcome welcome;
                welcome.hub_clock_ms = test::nowMs();
                welcome.reader_known = true;
                welcome.last_seq = kHuge;
                router.send(zmq::buffer(peer), zmq::send_flags::sndmore);
                router.send(zmq::buffer(protocol::encode(welcome)), zmq::send_flags::none);
                protocol::Ack stray{"r-hall", kHuge, protocol::Verdict::Present, "伪造", test::nowMs()};
                router.send(zmq::buffer(peer), zmq::send_flags::sndmore);
                router.send(zmq::buffer(protocol::encode(stray)), zmq::send_flags::none);
                welcomed = true;
            }
            // (A re-send of an earlier tap may still be queued: only the awaited badge counts.)
            if (auto* tap = std::get_if<protocol::Tap>(&decoded.value()); tap && tap->badge_uid == awaited)
                received = *tap;
        }
    };
    {
        RunningAgent agent(outbox_, endpoint);
        serve(false);
        ASSERT_TRUE(log_.waitFor("not believed")) << log_.all();
        agent.tap({0x04, 0xA1, 0xB2, 0xC1}, log_);
        serve(true);
        ASSERT_TRUE(received) << log_.all();
        EXPECT_EQ(received->seq, 1u);
        protocol::Ack ack{"r-hall", 1, protocol::Verdict::Present, "张三 签到成功", test::nowMs()};
        router.send(zmq::buffer(peer), zmq::send_flags::sndmore);
        router.send(zmq::buffer(protocol::encode(ack)), zmq::send_flags::none);
        ASSERT_TRUE(log_.waitFor("verdict seq=1 ")) << log_.all();
        EXPECT_TRUE(eventually([&] { return agent.unacknowledged() == 0; }));
    }
    // And it starts again on the same outbox, numbering on from where it was.
    received.reset();
    welcomed = false;
    awaited = "04A1B2C2";
    RunningAgent again(outbox_, endpoint);
    serve(false);
    again.tap({0x04, 0xA1, 0xB2, 0xC2}, log_);
    serve(true);
    ASSERT_TRUE(received) << log_.all();
    EXPECT_EQ(received->seq, 2u);
}

TEST_F(AgentFakeReader, hubDownTapsAreBufferedThenDeliveredExactlyOnce)
{
    HubEndpoints endpoints;
    {
        HubProcess hub(db_);
        endpoints = hub.endpoints();
        hub.process().kill(SIGTERM);
        ASSERT_EQ(hub.process().wait(), 0);
    }
    RunningAgent agent(outbox_, endpoints.taps);
    const std::vector<CardUid> cards{{0x04, 0xA1, 0xB2, 0xC1}, {0x04, 0xA1, 0xB2, 0xC2}, {0x04, 0xA1, 0xB2, 0xC3}};
    for (std::size_t i = 0; i < cards.size(); ++i) {
        agent.tap(cards[i], log_);
        const auto line = log_.waitFor("verdict seq=" + std::to_string(i + 1) + " ");
        ASSERT_TRUE(line) << log_.all();
        EXPECT_NE(line->find("offline \"saved, will send\""), std::string::npos) << *line;
    }
    EXPECT_EQ(agent.unacknowledged(), 3u);
    // The reader blinked amber for "saved".
    const auto steps = agent.reader().indicatorSteps();
    EXPECT_TRUE(std::any_of(steps.begin(), steps.end(), [](const auto& s) { return s.red && s.green; }));

    HubProcess hub(db_, {}, endpoints);
    for (int seq = 1; seq <= 3; ++seq) {
        ASSERT_TRUE(log_.waitFor("delivered seq=" + std::to_string(seq) + " ")) << log_.all();
    }
    EXPECT_TRUE(eventually([&] { return agent.unacknowledged() == 0; }));
    EXPECT_EQ(recordedTaps(db_, "r-hall"),
              (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C2"}, {3, "04A1B2C3"}}));
    // A tap after the hub is back gets its verdict straight away.
    agent.tap({0x04, 0xA1, 0xB2, 0xC4}, log_);
    const auto line = log_.waitFor("verdict seq=4 ");
    ASSERT_TRUE(line) << log_.all();
    EXPECT_EQ(line->find("offline"), std::string::npos) << *line;
    EXPECT_EQ(recordedCount(db_, "r-hall"), 4);
}

TEST_F(AgentFakeReader, readerStateAndOutboxDepthReachTheHubInHeartbeats)
{
    HubProcess hub(db_);
    RunningAgent agent(outbox_, hub.endpoints().taps);
    ASSERT_TRUE(log_.waitFor("welcome from the hub")) << log_.all();
    agent.reader().setPlugged(false);
    ASSERT_TRUE(log_.waitFor("reader state no_reader")) << log_.all();
    EXPECT_TRUE(eventually([&] {
        return countRows(db_,
                         "SELECT count(*) FROM reader_health WHERE reader_id = 'r-hall' AND reader_state = 'no_reader'")
               == 1;
    })) << "the hub never heard the reader is gone";
    agent.reader().setPlugged(true);
    EXPECT_TRUE(eventually([&] {
        return countRows(db_, "SELECT count(*) FROM reader_health WHERE reader_id = 'r-hall' AND reader_state = 'ok'")
               == 1;
    }));
}

TEST_F(AgentFakeReader, hubThatDoesNotAnswerGetsResendsAndTheAttendeeAnOfflineVerdict)
{
    // A hub stand-in that welcomes the agent (so it learns its clock offset and
    // sends; issue 10: never before) and then stays silent until told.
    zmq::context_t ctx;
    zmq::socket_t router(ctx, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    router.bind("tcp://127.0.0.1:*");
    RunningAgent agent(outbox_, protocol::boundEndpoint(router));
    ASSERT_TRUE(log_.waitFor("connected to the hub")) << log_.all(); // connected: the verdict waits for the ack timeout
    const auto tappedAt = std::chrono::steady_clock::now();
    agent.tap({0x04, 0xA1, 0xB2, 0xC1}, log_);
    const auto line = log_.waitFor("verdict seq=1 ", 5s);
    EXPECT_GE(std::chrono::steady_clock::now() - tappedAt, 900ms) << "offline verdict before the 1 s ack timeout";
    ASSERT_TRUE(line) << log_.all();
    EXPECT_NE(line->find("offline \"saved, will send\""), std::string::npos) << *line;

    // The tap comes again and again (backoff), never deleted without an ack.
    int sends = 0;
    std::string peer;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (sends < 3 && std::chrono::steady_clock::now() < deadline) {
        zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
        if (zmq::poll(&item, 1, 200ms) == 0) continue;
        zmq::message_t id, body;
        (void)router.recv(id);
        (void)router.recv(body);
        auto decoded = protocol::decode<protocol::AgentToHub>(body.to_string_view());
        ASSERT_TRUE(decoded) << body.to_string();
        if (std::holds_alternative<protocol::Hello>(decoded.value())) {
            protocol::Welcome welcome;
            welcome.hub_clock_ms = test::nowMs();
            welcome.reader_known = true;
            router.send(zmq::buffer(id.to_string()), zmq::send_flags::sndmore);
            router.send(zmq::buffer(protocol::encode(welcome)), zmq::send_flags::none);
        }
        if (auto* tap = std::get_if<protocol::Tap>(&decoded.value())) {
            EXPECT_EQ(tap->seq, 1u);
            EXPECT_EQ(tap->badge_uid, "04A1B2C1");
            ++sends;
            peer = id.to_string();
        }
    }
    EXPECT_GE(sends, 3) << log_.all();
    // The agent logs a re-send just after it leaves: wait for the line, not just the frame.
    EXPECT_TRUE(eventually([&] { return log_.count("re-sent seq=1") >= 2u; }, 2s)) << log_.all();
    EXPECT_EQ(agent.unacknowledged(), 1u);

    // The ack at last: delivered (the attendee already had the offline verdict), deleted.
    protocol::Ack ack{"r-hall", 1, protocol::Verdict::Present, "张三 签到成功", test::nowMs()};
    router.send(zmq::buffer(peer), zmq::send_flags::sndmore);
    router.send(zmq::buffer(protocol::encode(ack)), zmq::send_flags::none);
    ASSERT_TRUE(log_.waitFor("delivered seq=1 uid=04A1B2C1 present")) << log_.all();
    EXPECT_TRUE(eventually([&] { return agent.unacknowledged() == 0; }));
}

TEST_F(AgentFakeReader, hubErrorReplyKeepsTheTap)
{
    zmq::context_t ctx;
    zmq::socket_t router(ctx, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    router.bind("tcp://127.0.0.1:*");
    RunningAgent agent(outbox_, protocol::boundEndpoint(router));
    agent.tap({0x04, 0xA1, 0xB2, 0xC1}, log_);
    // Answer the first tap with an error, as a hub of another protocol version would.
    while (true) {
        zmq::pollitem_t item{router.handle(), 0, ZMQ_POLLIN, 0};
        ASSERT_GT(zmq::poll(&item, 1, 10s), 0);
        zmq::message_t id, body;
        (void)router.recv(id);
        (void)router.recv(body);
        if (body.to_string().find("\"hello\"") != std::string::npos) {
            // Welcomed first: an agent sends taps once it knows its clock offset (issue 10).
            protocol::Welcome welcome;
            welcome.hub_clock_ms = test::nowMs();
            welcome.reader_known = true;
            router.send(zmq::buffer(id.to_string()), zmq::send_flags::sndmore);
            router.send(zmq::buffer(protocol::encode(welcome)), zmq::send_flags::none);
            continue;
        }
        if (body.to_string().find("\"tap\"") == std::string::npos) continue;
        router.send(id, zmq::send_flags::sndmore);
        router.send(zmq::buffer(protocol::encode(protocol::Error{"unsupported_version", "v: not supported"})),
                    zmq::send_flags::none);
        break;
    }
    ASSERT_TRUE(log_.waitFor("hub refused a message: unsupported_version")) << log_.all();
    EXPECT_EQ(agent.unacknowledged(), 1u);
}

} // namespace
