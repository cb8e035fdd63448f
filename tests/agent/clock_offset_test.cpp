// ClockOffset: hub − agent from welcome/ack exchanges, best (shortest) round trip wins.
#include "reader-agent/clock_offset.h"

#include <gtest/gtest.h>

using rollcall::agent::ClockOffset;

namespace {

TEST(ClockOffset, unknownUntilTheFirstSample)
{
    ClockOffset c;
    EXPECT_FALSE(c.estimate().has_value());
    EXPECT_FALSE(c.roundTrip().has_value());
}

TEST(ClockOffset, offsetIsHubClockMinusTheMidpointOfSendAndReceive)
{
    ClockOffset c;
    // Sent at 1000, received at 1100 (agent clock); hub said 1550 → the hub is 500 ahead.
    c.addSample(1000, 1100, 1550);
    EXPECT_EQ(c.estimate(), 500);
    EXPECT_EQ(c.roundTrip(), 100);
    ClockOffset behind;
    behind.addSample(10'000, 10'020, 9'010); // hub 1000 behind
    EXPECT_EQ(behind.estimate(), -1000);
}

TEST(ClockOffset, sampleWithTheShortestRoundTripWins)
{
    ClockOffset c;
    c.addSample(0, 200, 400);      // offset 300, rtt 200 (ack delayed by a group commit)
    c.addSample(1000, 1010, 1505); // offset 500, rtt 10
    c.addSample(2000, 2100, 2350); // offset 300, rtt 100
    EXPECT_EQ(c.estimate(), 500);
    EXPECT_EQ(c.roundTrip(), 10);
}

TEST(ClockOffset, oldSamplesLeaveTheWindow)
{
    ClockOffset c;
    c.addSample(0, 1, 100); // rtt 1, offset 100
    for (int i = 0; i < static_cast<int>(ClockOffset::kWindow); ++i)
        c.addSample(1000 * (i + 1), 1000 * (i + 1) + 50, 1000 * (i + 1) + 25 + 7);
    EXPECT_EQ(c.estimate(), 7);
}

TEST(ClockOffset, sampleWhereTheAgentClockWentBackIsIgnored)
{
    ClockOffset c;
    c.addSample(5000, 4000, 1);
    EXPECT_FALSE(c.estimate().has_value());
}

} // namespace
