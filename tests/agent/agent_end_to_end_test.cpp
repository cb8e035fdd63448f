// Badge → PN532 emulator on a pty → libnfc's real pn532_uart driver in the
// real rollcall-agent → ZeroMQ over TCP → the real rollcall-hub → SQLite.
#include "hardware/emulator/pn532_emulator.h"
#include "tests/agent/agent_test_support.h"
#include "tests/support/test_keys.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using rollcall::emulator::Pn532Card;
using rollcall::emulator::Pn532Emulator;
using rollcall::emulator::Pn532Gpio;
using namespace std::chrono_literals;

namespace {

class AgentEndToEnd : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        emulator_.start();
    }
    Pn532Card card(std::uint32_t uid)
    {
        return Pn532Card({static_cast<std::uint8_t>(uid >> 24), static_cast<std::uint8_t>(uid >> 16),
                          static_cast<std::uint8_t>(uid >> 8), static_cast<std::uint8_t>(uid)});
    }
    std::string reader() const { return "pn532_uart:" + emulator_.linkPath().string(); }

    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    std::string outbox_ = dir_.file("outbox.db");
    Pn532Emulator emulator_{{dir_.path() / "ttyPN532", 0.1}};
};

TEST_F(AgentEndToEnd, threeBadgesAreThreeTapsWithTheirVerdicts)
{
    TestKeys keys; // as deployed: CURVE, the reader's own key
    (void)keys.reader("r-hall");
    HubProcess hub(db_, keys.hubArgs());
    AgentProcess agent(writeAgentConfig(dir_), reader(), hub.endpoints().taps, "r-hall", outbox_,
                       {"--key", keys.secretFile("r-hall"), "--server-key", keys.serverPublicFile()});
    agent.expectLine("reader state ok");
    struct Case {
        std::uint32_t uid;
        const char* expected;
    };
    const std::vector<Case> cases{
        {0x04A1B2C1, "uid=04A1B2C1 present \"张三 签到成功"},
        {0x04A1B2C9, "uid=04A1B2C9 walk_in"},
        {0xDEADBEEF, "uid=DEADBEEF unknown_badge"},
    };
    for (std::size_t i = 0; i < cases.size(); ++i) {
        emulator_.tap(card(cases[i].uid), 300ms);
        const auto line = agent.expectLine("verdict seq=" + std::to_string(i + 1) + " ");
        EXPECT_NE(line.find(cases[i].expected), std::string::npos) << line;
    }
    EXPECT_TRUE(eventually([&] { return recordedCount(db_, "r-hall") == 3; }));
    EXPECT_EQ(recordedTaps(db_, "r-hall"),
              (std::map<std::int64_t, std::string>{{1, "04A1B2C1"}, {2, "04A1B2C9"}, {3, "DEADBEEF"}}));
    EXPECT_EQ(countRows(db_, "SELECT count(*) FROM taps WHERE reader_id = 'r-hall' AND verdict = 'present'"), 1);
}

TEST_F(AgentEndToEnd, cardHeldOnTheReaderForTwoSecondsIsOneTap)
{
    HubProcess hub(db_);
    AgentProcess agent(writeAgentConfig(dir_), reader(), hub.endpoints().taps, "r-hall", outbox_,
                       {"--log-level", "debug"});
    agent.expectLine("reader state ok");
    emulator_.tap(card(0x04A1B2C2), 2000ms);
    agent.expectLine("verdict seq=1 uid=04A1B2C2 present");
    // The agent saw the card leave after the 2 s; only then is the count final.
    agent.expectLine("card 04A1B2C2 left", 10s);
    EXPECT_GT(emulator_.counters().reselects, 10u) << "the held card was checked for presence many times";
    EXPECT_EQ(agent.process().output().find("seq=2"), std::string::npos) << agent.process().output();
    EXPECT_EQ(recordedCount(db_, "r-hall"), 1);
    // Presented again after the debounce (500 ms here): a second tap (a duplicate to the hub).
    std::this_thread::sleep_for(700ms); // the attendee's pause is the scenario
    emulator_.tap(card(0x04A1B2C2), 300ms);
    const auto line = agent.expectLine("verdict seq=2 ");
    EXPECT_NE(line.find("duplicate"), std::string::npos) << line;
}

TEST_F(AgentEndToEnd, pn532GpioShowsTheVerdictColour)
{
    HubProcess hub(db_);
    // A long indication, so the colour is still on when the test looks.
    AgentProcess agent(writeAgentConfig(dir_, "30s"), reader(), hub.endpoints().taps, "r-hall", outbox_);
    agent.expectLine("reader state ok");
    emulator_.tap(card(0x04A1B2C1), 300ms);
    agent.expectLine("verdict seq=1 uid=04A1B2C1 present");
    // Beep step (green + buzzer on P35), then the green hold step (P71).
    EXPECT_TRUE(eventually(
        [&] {
            return emulator_.lastGpioWrite() == Pn532Gpio{0x80, 0x82};
        },
        10s))
        << "green LED on P71";
    EXPECT_GE(emulator_.counters().gpioWrites, 2u);

    emulator_.tap(card(0xDEADBEEF), 300ms);
    agent.expectLine("verdict seq=2 uid=DEADBEEF unknown_badge");
    EXPECT_TRUE(eventually(
        [&] {
            return emulator_.lastGpioWrite() == Pn532Gpio{0x80, 0x84};
        },
        10s))
        << "red LED on P72";
}

TEST_F(AgentEndToEnd, cardLibnfcCannotCheckForPresenceIsStillOneTapWhileHeld)
{
    // SAK 00 with a 4-byte UID is neither Classic nor Ultralight to libnfc:
    // target_is_present answers NFC_EDEVNOTSUPP and the agent re-polls instead.
    HubProcess hub(db_);
    AgentProcess agent(writeAgentConfig(dir_), reader(), hub.endpoints().taps, "r-hall", outbox_,
                       {"--log-level", "debug"});
    agent.expectLine("reader state ok");
    const Pn532Card odd({0x04, 0xA1, 0xB2, 0xC3}, rollcall::emulator::CardType::MifareUltralight);
    emulator_.present(odd);
    agent.expectLine("verdict seq=1 uid=04A1B2C3");
    const auto polls = emulator_.counters().autoPolls;
    ASSERT_TRUE(emulator_.waitFor([&](const auto& c) { return c.autoPolls >= polls + 10; }, 10s))
        << "the held card is re-polled";
    emulator_.remove();
    agent.expectLine("card 04A1B2C3 left");
    EXPECT_EQ(emulator_.counters().reselects, 0u);
    EXPECT_EQ(agent.process().output().find("seq=2"), std::string::npos) << agent.process().output();
    EXPECT_EQ(recordedCount(db_, "r-hall"), 1);
}

TEST_F(AgentEndToEnd, aReaderWhoseKeyIsNotAllowedKeepsItsTapUntilTheKeyIsAllowed)
{
    TestKeys keys;
    (void)keys.client("reader", "r-hall", "r-hall", /*allowed=*/false);
    HubProcess hub(db_, keys.hubArgs());
    AgentProcess agent(writeAgentConfig(dir_), reader(), hub.endpoints().taps, "r-hall", outbox_,
                       {"--key", keys.secretFile("r-hall"), "--server-key", keys.serverPublicFile()});
    agent.expectLine("reader state ok");
    ASSERT_TRUE(hub.process().waitForLine("on taps: key not allowed", 10s)) << hub.process().output();
    agent.expectLine("refused this reader's key");
    emulator_.tap(card(0x04A1B2C1), 300ms);
    agent.expectLine("verdict seq=1 uid=04A1B2C1 offline");
    EXPECT_EQ(recordedCount(db_, "r-hall"), 0);
    keys.allow("r-hall"); // rollcallctl key allow: the hub takes it at the agent's next attempt
    agent.expectLine("delivered seq=1", 20s);
    EXPECT_EQ(recordedCount(db_, "r-hall"), 1);
}

} // namespace
