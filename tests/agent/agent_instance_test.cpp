// The real rollcall-agent against the faults of issue 10 that concern one
// agent: its clock is wrong while the hub is down, and a second agent is
// started on the same outbox or reader.
#include "hardware/emulator/pn532_emulator.h"
#include "tests/agent/agent_test_support.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Emulator;
using namespace std::chrono_literals;

namespace {

class AgentInstance : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        emulator_.start();
    }
    std::string reader() const { return "pn532_uart:" + emulator_.linkPath().string(); }
    HubEndpoints stoppedHub() { return stoppedHubEndpoints(db_); }
    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    std::string outbox_ = dir_.file("outbox.db");
    std::string config_ = writeAgentConfig(dir_);
    Pn532Emulator emulator_{{dir_.path() / "ttyPN532", 0.1}};
};

TEST_F(AgentInstance, tapsBufferedWhileTheHubWasDownAreRecordedAtHubTimeDespiteAClockAnHourFast)
{
    const auto endpoints = stoppedHub();
    AgentProcess agent(config_, reader(), endpoints.taps, "r-hall", outbox_, {},
                       {"ROLLCALL_AGENT_CLOCK_SKEW_MS=3600000"});
    agent.expectLine("reader state ok");
    const auto tappedAt = nowMs();
    emulator_.tap(Pn532Card({0x04, 0xA1, 0xB2, 0xC1}), 200ms);
    agent.expectLine("tap seq=1 uid=04A1B2C1 stored");
    HubProcess hub(db_, {}, endpoints);
    const auto line = agent.expectLine("delivered seq=1 ");
    // m-soon opened 30 min ago and starts in 30 min: "present" at hub time; an
    // hour later (the agent's clock) the meeting would be running.
    EXPECT_NE(line.find("present"), std::string::npos) << line;
    common::Database record(db_, common::Database::Mode::ReadOnly);
    auto s = record.prepare("SELECT at_ms, clock_offset_ms, verdict FROM taps WHERE reader_id = 'r-hall' AND seq = 1");
    ASSERT_TRUE(s.step());
    EXPECT_NEAR(static_cast<double>(s.getInt(0)), static_cast<double>(tappedAt), 60'000.0) << "recorded at hub time";
    EXPECT_NEAR(static_cast<double>(s.getInt(1)), -3'600'000.0, 5'000.0);
    EXPECT_EQ(s.getText(2), "present");
}

TEST_F(AgentInstance, tapsBufferedByAnEarlierRunAreRecordedAtHubTimeAfterTheClockWasSetRight)
{
    const auto endpoints = stoppedHub();
    const auto tappedAt = nowMs();
    {
        // The box comes up with its clock an hour fast and the hub down; a tap is buffered.
        AgentProcess first(config_, reader(), endpoints.taps, "r-hall", outbox_, {},
                           {"ROLLCALL_AGENT_CLOCK_SKEW_MS=3600000"});
        first.expectLine("reader state ok");
        emulator_.tap(Pn532Card({0x04, 0xA1, 0xB2, 0xC1}), 200ms);
        first.expectLine("tap seq=1 uid=04A1B2C1 stored");
        first.process().kill(SIGKILL);
        (void)first.process().wait();
    }
    // NTP sets the clock right; the agent is restarted; then the hub comes up.
    // The tap's agent time is an hour fast while the offset of now is ~0: only
    // where the tap lies on the monotonic clock gives its hub time.
    AgentProcess again(config_, reader(), endpoints.taps, "r-hall", outbox_);
    HubProcess hub(db_, {}, endpoints);
    const auto line = again.expectLine("delivered seq=1 ");
    EXPECT_NE(line.find("present"), std::string::npos) << line;
    common::Database record(db_, common::Database::Mode::ReadOnly);
    auto s = record.prepare("SELECT at_ms, clock_offset_ms, verdict FROM taps WHERE reader_id = 'r-hall' AND seq = 1");
    ASSERT_TRUE(s.step());
    EXPECT_NEAR(static_cast<double>(s.getInt(0)), static_cast<double>(tappedAt), 60'000.0) << "recorded at hub time";
    EXPECT_NEAR(static_cast<double>(s.getInt(1)), -3'600'000.0, 5'000.0);
    EXPECT_EQ(s.getText(2), "present");
}

TEST_F(AgentInstance, secondAgentOnTheSameOutboxIsRefused)
{
    HubProcess hub(db_);
    AgentProcess first(config_, reader(), hub.endpoints().taps, "r-hall", outbox_);
    ChildProcess second({agentBinary(), "--config", config_, "--reader", "pn532_uart:/dev/null-other", "--hub",
                         hub.endpoints().taps, "--reader-id", "r-hall", "--outbox", outbox_, "--insecure"});
    EXPECT_EQ(second.wait(), 2);
    EXPECT_NE(second.output().find("outbox " + outbox_ + " is in use by another rollcall-agent (pid "
                                   + std::to_string(first.process().pid()) + ")"),
              std::string::npos)
        << second.output();
    EXPECT_TRUE(first.process().running());
}

TEST_F(AgentInstance, secondAgentOnTheSameReaderIsRefused)
{
    HubProcess hub(db_);
    AgentProcess first(config_, reader(), hub.endpoints().taps, "r-hall", outbox_);
    first.expectLine("reader state ok");
    ChildProcess second({agentBinary(), "--config", config_, "--reader", reader(), "--hub", hub.endpoints().taps,
                         "--reader-id", "r-annex", "--outbox", dir_.file("other-outbox.db"), "--insecure"});
    EXPECT_EQ(second.wait(), 2);
    EXPECT_NE(second.output().find("is in use by another rollcall-agent"), std::string::npos) << second.output();
    // The first agent still has the reader to itself.
    emulator_.tap(Pn532Card({0x04, 0xA1, 0xB2, 0xC2}), 200ms);
    first.expectLine("verdict seq=1 uid=04A1B2C2 present");
}

TEST_F(AgentInstance, outboxIsFreeAgainOnceTheFirstAgentIsKilled)
{
    HubProcess hub(db_);
    {
        AgentProcess first(config_, reader(), hub.endpoints().taps, "r-hall", outbox_);
        first.process().kill(SIGKILL);
        (void)first.process().wait();
    }
    AgentProcess again(config_, reader(), hub.endpoints().taps, "r-hall", outbox_);
    again.expectLine("reader state ok");
}

} // namespace
