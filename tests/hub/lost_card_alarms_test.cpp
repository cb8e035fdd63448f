// LostCardAlarms (issue 17): a lost card used at a door is a standing alarm,
// raised by its tap with the holder and the reason, raised anew by a later
// tap but not by an older one replayed, told to the boards of its venue, and
// over when the tap's day ends in the display zone.
#include "hub/core/time_util.h"
#include "hub/service/lost_card_alarms.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;

namespace {

const core::Zone kZone("Asia/Shanghai");

protocol::TapEvent lostTap(const std::string& at, const std::string& venue = "annex")
{
    protocol::TapEvent t;
    t.tap_id = 1;
    t.reader_id = "r-" + venue;
    t.venue_id = venue;
    t.badge_uid = "04A1B2C3";
    t.at_ms = common::toMillis(core::parseTime(at, "tap", &kZone));
    t.verdict = protocol::Verdict::RevokedBadge;
    return t;
}

} // namespace

TEST(LostCardAlarms, aTapRaisesTheBadgesAlarmWithItsHolderReasonDoorAndTime)
{
    service::LostCardAlarms alarms("Asia/Shanghai");
    const auto tap = lostTap("2026-11-30 09:05:00");
    const auto raised = alarms.raise(tap, "吴敏", "lost");
    ASSERT_TRUE(raised.has_value());
    EXPECT_EQ(raised->reader_id, "04A1B2C3");
    EXPECT_EQ(raised->code, "revoked_badge");
    EXPECT_TRUE(raised->active);
    EXPECT_FALSE(raised->ack_by.has_value());
    EXPECT_EQ(raised->params,
              (std::vector<std::string>{"04A1B2C3", "吴敏", "lost", "r-annex", "annex", std::to_string(tap.at_ms)}));
    EXPECT_EQ(raised->message, "挂失卡 04A1B2C3（吴敏） 在读卡器 r-annex 使用");
    EXPECT_TRUE(alarms.raised("04A1B2C3"));
}

TEST(LostCardAlarms, aLaterTapRaisesItAnewAndAnOlderOneReplayedChangesNothing)
{
    service::LostCardAlarms alarms("Asia/Shanghai");
    ASSERT_TRUE(alarms.raise(lostTap("2026-11-30 09:05:00"), "吴敏", "lost"));
    EXPECT_FALSE(alarms.raise(lostTap("2026-11-30 09:05:00"), "吴敏", "lost")) << "the same tap again";
    EXPECT_FALSE(alarms.raise(lostTap("2026-11-30 08:00:00"), "吴敏", "lost")) << "an older tap";
    const auto again = alarms.raise(lostTap("2026-11-30 10:00:00", "hall"), "吴敏", "lost");
    ASSERT_TRUE(again.has_value());
    EXPECT_EQ(again->params[3], "r-hall");
    EXPECT_EQ(alarms.all().size(), 1u) << "one alarm per badge";
}

TEST(LostCardAlarms, aBoardIsToldTheAlarmsOfItsVenuesSinceItsDayBegan)
{
    service::LostCardAlarms alarms("Asia/Shanghai");
    (void)alarms.raise(lostTap("2026-11-30 09:05:00"), "吴敏", "lost");
    const auto dayStart = kZone.startOfDay("2026-11-30");
    EXPECT_EQ(alarms.at({"annex"}, dayStart).size(), 1u);
    EXPECT_TRUE(alarms.at({"hall"}, dayStart).empty()) << "another venue's board";
    EXPECT_TRUE(alarms.at({"annex"}, dayStart + 10h).empty()) << "before the board's day";
}

struct DayEndCase {
    const char* name;
    const char* tapAt;
    const char* now;
    bool over;
};

class LostCardAlarmsDayEnd : public ::testing::TestWithParam<DayEndCase> {};

TEST_P(LostCardAlarmsDayEnd, anAlarmLastsUntilItsDayEndsInTheDisplayZone)
{
    const auto& c = GetParam();
    service::LostCardAlarms alarms("Asia/Shanghai");
    (void)alarms.raise(lostTap(c.tapAt), "吴敏", "lost");
    const auto ended = alarms.expire(core::parseTime(c.now, "now", &kZone));
    EXPECT_EQ(ended.size(), c.over ? 1u : 0u);
    EXPECT_EQ(alarms.raised("04A1B2C3"), !c.over);
    if (c.over) {
        EXPECT_FALSE(ended[0].second.active) << "told to the boards as cleared";
        EXPECT_EQ(ended[0].first, "annex");
    }
}

INSTANTIATE_TEST_SUITE_P(
    Rules, LostCardAlarmsDayEnd,
    ::testing::Values(DayEndCase{"sameEvening", "2026-11-30 09:05:00", "2026-11-30 23:59:59", false},
                      DayEndCase{"midnight", "2026-11-30 09:05:00", "2026-12-01 00:00:00", true},
                      DayEndCase{"justBeforeMidnightTap", "2026-11-30 23:59:00", "2026-12-01 00:00:01", true},
                      DayEndCase{"nextMorning", "2026-11-30 09:05:00", "2026-12-01 08:00:00", true}),
    [](const auto& info) { return std::string(info.param.name); });
