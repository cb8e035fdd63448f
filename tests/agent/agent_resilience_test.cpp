// The real rollcall-agent when things go wrong: the hub is down, the agent is
// SIGKILLed between tap and ack, the reader (emulator) dies and comes back.
#include "hardware/emulator/pn532_emulator.h"
#include "tests/agent/agent_test_support.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Emulator;
using namespace std::chrono_literals;

namespace {

Pn532Card card(std::uint8_t last) { return Pn532Card({0x04, 0xA1, 0xB2, last}); }

class AgentResilience : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }
    HubEndpoints stoppedHub() { return stoppedHubEndpoints(db_); }
    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    std::string outbox_ = dir_.file("outbox.db");
    std::string config_ = writeAgentConfig(dir_);
};

TEST_F(AgentResilience, hubDownTapsAreSavedAndDeliveredExactlyOnceWhenItIsBack)
{
    Pn532Emulator emulator({dir_.path() / "ttyPN532", 0.1});
    emulator.start();
    const auto endpoints = stoppedHub();
    AgentProcess agent(config_, "pn532_uart:" + emulator.linkPath().string(), endpoints.taps, "r-hall", outbox_);
    agent.expectLine("reader state ok");
    for (std::uint8_t i = 1; i <= 3; ++i) {
        emulator.tap(card(0xC0 + i), 200ms);
        const auto line = agent.expectLine("verdict seq=" + std::to_string(i) + " ");
        EXPECT_NE(line.find("offline \"saved, will send\""), std::string::npos) << line;
    }
    HubProcess hub(db_, {}, endpoints);
    for (int seq = 1; seq <= 3; ++seq) agent.expectLine("delivered seq=" + std::to_string(seq) + " ");
    EXPECT_EQ(recordedTaps(db_, "r-hall"),
              (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C2"}, {3, "04A1B2C3"}}));
    // Keeps running connected: nothing is sent twice into the record.
    emulator.tap(card(0xC4), 200ms);
    agent.expectLine("verdict seq=4 uid=04A1B2C4");
    EXPECT_EQ(recordedCount(db_, "r-hall"), 4);
}

TEST_F(AgentResilience, killedBetweenTapAndAckLosesNothingAndReusesNoSequenceNumber)
{
    Pn532Emulator emulator({dir_.path() / "ttyPN532", 0.1});
    emulator.start();
    const auto endpoints = stoppedHub();
    const auto reader = "pn532_uart:" + emulator.linkPath().string();
    {
        AgentProcess agent(config_, reader, endpoints.taps, "r-hall", outbox_);
        agent.expectLine("reader state ok");
        emulator.tap(card(0xC1), 200ms);
        agent.expectLine("tap seq=1 uid=04A1B2C1 stored");
        emulator.tap(card(0xC2), 200ms);
        agent.expectLine("tap seq=2 uid=04A1B2C2 stored");
        agent.process().kill(SIGKILL); // no ack yet: the hub is not running
        EXPECT_EQ(agent.process().wait(), 128 + SIGKILL);
    }
    // A card still on the reader when the agent starts is a new presentation to it: wait until it is gone.
    ASSERT_TRUE(eventually([&] { return !emulator.card().has_value(); }));
    AgentProcess agent(config_, reader, endpoints.taps, "r-hall", outbox_);
    EXPECT_NE(agent.expectLine("rollcall-agent: running").find("next_seq=3 depth=2"), std::string::npos);
    agent.expectLine("reader state ok");
    emulator.tap(card(0xC3), 200ms);
    agent.expectLine("tap seq=3 uid=04A1B2C3 stored");
    HubProcess hub(db_, {}, endpoints);
    for (int seq = 1; seq <= 3; ++seq) agent.expectLine("delivered seq=" + std::to_string(seq) + " ");
    EXPECT_EQ(recordedTaps(db_, "r-hall"),
              (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C2"}, {3, "04A1B2C3"}}));
}

TEST_F(AgentResilience, killedAfterTheAckStartsAgainWithTheNextSequenceNumber)
{
    Pn532Emulator emulator({dir_.path() / "ttyPN532", 0.1});
    emulator.start();
    HubProcess hub(db_);
    const auto reader = "pn532_uart:" + emulator.linkPath().string();
    {
        AgentProcess agent(config_, reader, hub.endpoints().taps, "r-hall", outbox_);
        agent.expectLine("reader state ok");
        emulator.tap(card(0xC1), 200ms);
        agent.expectLine("verdict seq=1 uid=04A1B2C1 present");
        EXPECT_TRUE(
            eventually([&] { return countRows(outbox_, "SELECT count(*) FROM outbox WHERE acked_ms IS NULL") == 0; }));
        agent.process().kill(SIGKILL);
        (void)agent.process().wait();
    }
    ASSERT_TRUE(eventually([&] { return !emulator.card().has_value(); })); // the first card has left
    // The outbox is empty, yet seq 1 is never used again.
    AgentProcess agent(config_, reader, hub.endpoints().taps, "r-hall", outbox_);
    EXPECT_NE(agent.expectLine("rollcall-agent: running").find("next_seq=2 depth=0"), std::string::npos);
    agent.expectLine("reader state ok");
    emulator.tap(card(0xC2), 200ms);
    agent.expectLine("verdict seq=2 uid=04A1B2C2 present");
    EXPECT_EQ(recordedTaps(db_, "r-hall"), (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C2"}}));
}

TEST_F(AgentResilience, readerThatDiesAndComesBackIsReopened)
{
    const auto link = (dir_.path() / "ttyPN532").string();
    const auto control = (dir_.path() / "pn532.sock").string();
    HubProcess hub(db_);
    auto emulator = std::make_unique<EmulatorProcess>(link, control);
    AgentProcess agent(config_, "pn532_uart:" + link, hub.endpoints().taps, "r-hall", outbox_);
    agent.expectLine("reader state ok");
    EXPECT_EQ(emulator->command("tap 04A1B2C1 800"), "ok");
    agent.expectLine("verdict seq=1 uid=04A1B2C1 present");

    // Like a USB reader pulled out: its device node goes first, then the chip.
    // (A killed emulator's pty number is soon reused by another test's emulator;
    // a stale link would let the agent open that one.)
    std::filesystem::remove(link);
    emulator->process().kill(SIGKILL);
    (void)emulator->process().wait();
    const auto mark = agent.process().lineCount();
    ASSERT_TRUE(agent.process().waitForLine("reader state no_reader", 15s, mark)) << agent.process().output();
    EXPECT_TRUE(agent.process().running()) << "the agent must not exit without its reader";
    EXPECT_TRUE(eventually([&] {
        return countRows(db_,
                         "SELECT count(*) FROM reader_health WHERE reader_id = 'r-hall' AND reader_state = 'no_reader'")
               == 1;
    })) << "heartbeats report the lost reader";

    emulator = std::make_unique<EmulatorProcess>(link, control); // plugged in again
    ASSERT_TRUE(agent.process().waitForLine("reader state ok", 15s, mark)) << agent.process().output();
    EXPECT_EQ(emulator->command("tap 04A1B2C3 800"), "ok");
    agent.expectLine("verdict seq=2 uid=04A1B2C3");
    EXPECT_EQ(recordedTaps(db_, "r-hall"), (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C3"}}));
}

TEST_F(AgentResilience, sigtermStopsCleanlyAndKeepsTheOutbox)
{
    Pn532Emulator emulator({dir_.path() / "ttyPN532", 0.1});
    emulator.start();
    const auto endpoints = stoppedHub();
    AgentProcess agent(config_, "pn532_uart:" + emulator.linkPath().string(), endpoints.taps, "r-hall", outbox_);
    agent.expectLine("reader state ok");
    emulator.tap(card(0xC1), 200ms);
    agent.expectLine("tap seq=1 uid=04A1B2C1 stored");
    agent.process().kill(SIGTERM);
    EXPECT_EQ(agent.process().wait(), 0) << agent.process().output();
    EXPECT_NE(agent.process().output().find("1 tap(s) in the outbox"), std::string::npos) << agent.process().output();
    EXPECT_EQ(countRows(outbox_, "SELECT count(*) FROM outbox"), 1);
}

} // namespace
