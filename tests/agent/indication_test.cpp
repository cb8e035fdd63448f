// Indication: verdict → signal → LED/buzzer pattern → PN532 WriteGPIO bytes / ACR122U APDU.
#include "reader-agent/indication.h"

#include <gtest/gtest.h>
#include <numeric>

using namespace rollcall::agent;
using rollcall::protocol::Verdict;
using namespace std::chrono_literals;

namespace {

TEST(Indication, eachVerdictHasItsSignal)
{
    const std::vector<std::pair<Verdict, Signal>> table{
        {Verdict::Present, Signal::Accepted},
        {Verdict::CheckedOut, Signal::Accepted},
        {Verdict::Late, Signal::Late},
        {Verdict::WalkIn, Signal::Notice},
        {Verdict::Duplicate, Signal::Notice},
        {Verdict::NotInWindow, Signal::Notice},
        {Verdict::UnknownBadge, Signal::Rejected},
        {Verdict::RevokedBadge, Signal::Rejected},
        {Verdict::UnknownReader, Signal::Rejected},
    };
    for (const auto& [verdict, signal] : table) {
        EXPECT_EQ(signalFor(verdict), signal) << rollcall::protocol::toString(verdict);
    }
}

TEST(Indication, checkOutThatLeavesEarlyIsANoticeNotAnAcceptance)
{
    rollcall::protocol::Ack ack{"door-1", 7, Verdict::CheckedOut, "王五 早退 85 分钟（签退已记录）", 1};
    EXPECT_EQ(signalFor(ack), Signal::Accepted) << "without early_minutes: an ordinary check-out";
    ack.early_minutes = 85;
    EXPECT_EQ(signalFor(ack), Signal::Notice);
    ack.early_minutes = 0;
    EXPECT_EQ(signalFor(ack), Signal::Accepted);
    ack = {"door-1", 8, Verdict::Late, "李四 迟到 7 分钟", 1};
    EXPECT_EQ(signalFor(ack), Signal::Late) << "other verdicts keep their signal";
}

TEST(Indication, patternLastsTheDurationAndEndsWithEverythingOff)
{
    for (const auto s : {Signal::Accepted, Signal::Late, Signal::Notice, Signal::Rejected, Signal::Offline}) {
        const auto steps = patternFor({s, true, true, 2000ms});
        const auto total =
            std::accumulate(steps.begin(), steps.end(), 0ms, [](auto a, const auto& st) { return a + st.duration; });
        EXPECT_EQ(total, 2000ms) << to_string(s);
        EXPECT_EQ(steps.back(), IndicatorStep{}) << to_string(s);
        EXPECT_TRUE(steps.front().buzzer) << to_string(s);
    }
}

TEST(Indication, colourOfEachSignal)
{
    const auto hold = [](Signal s) { return patternFor({s, true, true, 1000ms}).rbegin()[1]; };
    EXPECT_TRUE(hold(Signal::Accepted).green);
    EXPECT_FALSE(hold(Signal::Accepted).red);
    EXPECT_TRUE(hold(Signal::Late).green);
    EXPECT_TRUE(hold(Signal::Notice).green && hold(Signal::Notice).red);
    EXPECT_TRUE(hold(Signal::Rejected).red);
    EXPECT_FALSE(hold(Signal::Rejected).green);
}

TEST(Indication, disabledOutputsStayOff)
{
    for (const auto& step : patternFor({Signal::Rejected, false, true, 1000ms})) EXPECT_FALSE(step.red || step.green);
    for (const auto& step : patternFor({Signal::Rejected, true, false, 1000ms})) EXPECT_FALSE(step.buzzer);
}

TEST(Indication, pn532WriteGpioSetsTheWiredPinsWithApplyBits)
{
    const Pn532Wiring wiring; // green P71, red P72, buzzer P35
    EXPECT_EQ(pn532WriteGpio({true, false, false, 0ms}, wiring), (std::array<std::uint8_t, 3>{0x0E, 0x80, 0x82}));
    EXPECT_EQ(pn532WriteGpio({false, true, true, 0ms}, wiring), (std::array<std::uint8_t, 3>{0x0E, 0xA0, 0x84}));
    EXPECT_EQ(pn532WriteGpio({}, wiring), (std::array<std::uint8_t, 3>{0x0E, 0x80, 0x80}));
    const Pn532Wiring other{{3, 0}, {3, 1}, {7, 1}};
    EXPECT_EQ(pn532WriteGpio({true, true, true, 0ms}, other), (std::array<std::uint8_t, 3>{0x0E, 0x83, 0x82}));
}

TEST(Indication, pn532PinNames)
{
    EXPECT_EQ(parsePn532Pin("P71"), (Pn532Pin{7, 1}));
    EXPECT_EQ(parsePn532Pin("p35"), (Pn532Pin{3, 5}));
    EXPECT_EQ(parsePn532Pin("P30"), (Pn532Pin{3, 0}));
    for (const auto* bad : {"P70", "P36", "P73", "P5", "Q71", "", "P711"}) EXPECT_FALSE(parsePn532Pin(bad)) << bad;
    EXPECT_EQ(to_string(Pn532Pin{7, 2}), "P72");
}

TEST(Indication, acr122uApduPerSignal)
{
    using A = std::array<std::uint8_t, 9>;
    EXPECT_EQ(acr122uLedBuzzerApdu({Signal::Accepted, true, true, 1000ms}),
              (A{0xFF, 0x00, 0x40, 0xAC, 0x04, 5, 1, 1, 0x01}));
    EXPECT_EQ(acr122uLedBuzzerApdu({Signal::Rejected, true, true, 1000ms}),
              (A{0xFF, 0x00, 0x40, 0x5C, 0x04, 2, 1, 3, 0x01}));
    EXPECT_EQ(acr122uLedBuzzerApdu({Signal::Notice, true, false, 1000ms}),
              (A{0xFF, 0x00, 0x40, 0xFC, 0x04, 5, 1, 1, 0x00}));
    EXPECT_EQ(acr122uLedBuzzerApdu({Signal::Late, false, true, 1000ms})[3], 0x00); // LEDs untouched
}

} // namespace
