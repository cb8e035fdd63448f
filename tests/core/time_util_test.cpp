// Time parsing and display: parseTime, parseDuration, Zone.
#include "hub/core/time_util.h"

#include <date/date.h>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;

namespace {

/// UTC instant from its parts, computed independently of parseTime.
common::TimePoint utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0, int ms = 0)
{
    const auto days = std::chrono::sys_days(std::chrono::year(y) / std::chrono::month(mo) / std::chrono::day(d));
    return common::TimePoint(days.time_since_epoch() + std::chrono::hours(h) + std::chrono::minutes(mi)
                             + std::chrono::seconds(s) + common::Millis(ms));
}

std::string iso(common::TimePoint t) { return date::format("%FT%TZ", t); }

} // namespace

TEST(TimeUtil, parseTimeAcceptsTheWrittenForms)
{
    const core::Zone shanghai("Asia/Shanghai");
    struct Case {
        const char* name;
        const char* text;
        const core::Zone* zone;
        common::TimePoint expected;
    };
    const Case cases[] = {
        {"utc Z", "2026-11-28T09:00:00Z", nullptr, utc(2026, 11, 28, 9, 0)},
        {"lower-case t and z", "2026-11-28t09:00:00z", nullptr, utc(2026, 11, 28, 9, 0)},
        {"+08:00", "2026-11-28T09:00:00+08:00", nullptr, utc(2026, 11, 28, 1, 0)},
        {"-05:30", "2026-11-28T09:00:00-05:30", nullptr, utc(2026, 11, 28, 14, 30)},
        {"+0800 without colon", "2026-11-28T09:00:00+0800", nullptr, utc(2026, 11, 28, 1, 0)},
        {"+08 hours only", "2026-11-28T09:00:00+08", nullptr, utc(2026, 11, 28, 1, 0)},
        {"offset crosses midnight back", "2026-11-28T03:00:00+08:00", nullptr, utc(2026, 11, 27, 19, 0)},
        {"fraction .5", "2026-11-28T09:00:00.5Z", nullptr, utc(2026, 11, 28, 9, 0, 0, 500)},
        {"fraction .123", "2026-11-28T09:00:00.123+08:00", nullptr, utc(2026, 11, 28, 1, 0, 0, 123)},
        {"fraction beyond ms is cut", "2026-11-28T09:00:00.123987Z", nullptr, utc(2026, 11, 28, 9, 0, 0, 123)},
        {"decimal comma", "2026-11-28T09:00:00,25Z", nullptr, utc(2026, 11, 28, 9, 0, 0, 250)},
        {"space instead of T", "2026-11-28 09:00:00+08:00", nullptr, utc(2026, 11, 28, 1, 0)},
        {"no seconds", "2026-11-28T09:05+08:00", nullptr, utc(2026, 11, 28, 1, 5)},
        {"no offset read in local zone", "2026-11-28T09:00:00", &shanghai, utc(2026, 11, 28, 1, 0)},
        {"no offset, space, local zone", "2026-11-28 09:00", &shanghai, utc(2026, 11, 28, 1, 0)},
        {"explicit offset wins over local zone", "2026-11-28T09:00:00Z", &shanghai, utc(2026, 11, 28, 9, 0)},
        {"leap day", "2024-02-29T12:00:00Z", nullptr, utc(2024, 2, 29, 12, 0)},
        {"last second of the day", "2026-12-31T23:59:59Z", nullptr, utc(2026, 12, 31, 23, 59, 59)},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        common::TimePoint got;
        ASSERT_NO_THROW(got = core::parseTime(c.text, "--at", c.zone)) << c.text;
        EXPECT_EQ(iso(got), iso(c.expected)) << c.text;
        EXPECT_EQ(got, c.expected) << c.text;
    }
}

TEST(TimeUtil, parseTimeRefusesBadInputNamingIt)
{
    const core::Zone shanghai("Asia/Shanghai");
    struct Case {
        const char* name;
        const char* text;
        const core::Zone* zone;
        const char* why; // part of the message
    };
    const Case cases[] = {
        {"no offset and no local zone", "2026-11-28T09:00:00", nullptr, "offset"},
        {"february 30", "2026-02-30T09:00:00Z", nullptr, "no such date"},
        {"february 29 in a common year", "2025-02-29T09:00:00Z", nullptr, "no such date"},
        {"month 13", "2026-13-01T09:00:00Z", nullptr, "no such date"},
        {"day 0", "2026-11-00T09:00:00Z", nullptr, "no such date"},
        {"hour 25", "2026-11-28T25:00:00Z", nullptr, "no such time"},
        {"hour 24", "2026-11-28T24:00:00Z", nullptr, "no such time"},
        {"minute 60", "2026-11-28T09:60:00Z", nullptr, "no such time"},
        {"second 60", "2026-11-28T09:00:60Z", nullptr, "no such time"},
        {"garbage", "yesterday at nine", nullptr, "bad date"},
        {"empty", "", &shanghai, "bad date"},
        {"date only", "2026-11-28", &shanghai, "missing time of day"},
        {"one-digit hour", "2026-11-28T9:00:00Z", nullptr, "bad time of day"},
        {"slashes", "2026/11/28T09:00:00Z", nullptr, "bad date"},
        {"empty fraction", "2026-11-28T09:00:00.Z", nullptr, "fraction"},
        {"offset out of range", "2026-11-28T09:00:00+15:00", nullptr, "offset"},
        {"offset minutes out of range", "2026-11-28T09:00:00+08:75", nullptr, "offset"},
        {"one-digit offset", "2026-11-28T09:00:00+8:00", nullptr, "offset"},
        {"trailing text after offset", "2026-11-28T09:00:00+08:00 CST", nullptr, "after the offset"},
        {"trailing text after time", "2026-11-28T09:00:00 CST", &shanghai, "after the time"},
        {"zone name instead of offset", "2026-11-28T09:00:00Asia/Shanghai", nullptr, "after the time"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        try {
            (void)core::parseTime(c.text, "taps.csv:3: field time", c.zone);
            ADD_FAILURE() << "\"" << c.text << "\" must be refused";
        } catch (const common::InputError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("taps.csv:3: field time"), std::string::npos) << message;
            EXPECT_NE(message.find(std::string("\"") + c.text + "\""), std::string::npos) << message;
            EXPECT_NE(message.find(c.why), std::string::npos) << message;
        }
    }
}

TEST(TimeUtil, parseDurationReadsUnitsAndBareMinutes)
{
    struct Case {
        const char* text;
        std::chrono::seconds expected;
    };
    const Case cases[] = {
        {"5m", 5min},  {"90s", 90s}, {"1h", 1h}, {"1h30m", 90min}, {"1h30m15s", 5415s},
        {"15", 15min}, {"0", 0s},    {"0m", 0s}, {"120m", 2h},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.text);
        EXPECT_EQ(common::parseDuration(c.text, "--late-grace"), c.expected);
    }
}

TEST(TimeUtil, parseDurationRefusesBadInputNamingIt)
{
    for (const char* text : {"", "m", "5x", "-5m", "1h30", "5 m", "1.5h", "five", "5m "}) {
        SCOPED_TRACE(text);
        try {
            (void)common::parseDuration(text, "--late-grace");
            ADD_FAILURE() << "\"" << text << "\" must be refused";
        } catch (const common::InputError& e) {
            const std::string message = e.what();
            EXPECT_NE(message.find("--late-grace"), std::string::npos) << message;
            EXPECT_NE(message.find(std::string("\"") + text + "\""), std::string::npos) << message;
        }
    }
}

TEST(TimeUtil, zoneFormatsInAsiaShanghai)
{
    const core::Zone zone; // the default
    EXPECT_EQ(zone.name(), "Asia/Shanghai");
    const auto t = utc(2026, 11, 28, 1, 5, 30, 999);
    EXPECT_EQ(zone.format(t), "2026-11-28 09:05:30");
    EXPECT_EQ(zone.formatIso(t), "2026-11-28T09:05:30+08:00");
    EXPECT_EQ(zone.formatClock(t), "09:05");
    EXPECT_EQ(zone.formatDate(t), "2026-11-28");
    // 16:30 UTC is already the next day in Shanghai.
    EXPECT_EQ(zone.formatDate(utc(2026, 11, 28, 16, 30)), "2026-11-29");
    EXPECT_EQ(zone.formatIso(utc(2026, 11, 28, 16, 30)), "2026-11-29T00:30:00+08:00");
    EXPECT_EQ(zone.startOfDay("2026-11-29"), utc(2026, 11, 28, 16, 0));
    // Formatting and parsing agree.
    EXPECT_EQ(core::parseTime(zone.formatIso(t), "round trip"), utc(2026, 11, 28, 1, 5, 30));
    EXPECT_EQ(core::parseTime(zone.format(t), "round trip", &zone), utc(2026, 11, 28, 1, 5, 30));
}

TEST(TimeUtil, zoneFormatsOtherOffsetsWithAColon)
{
    struct Case {
        const char* zone;
        const char* expected;
    };
    const Case cases[] = {
        {"UTC", "2026-11-28T01:05:30+00:00"},
        {"America/New_York", "2026-11-27T20:05:30-05:00"},
        {"Asia/Kolkata", "2026-11-28T06:35:30+05:30"},
        {"Asia/Urumqi", "2026-11-28T07:05:30+06:00"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.zone);
        EXPECT_EQ(core::Zone(c.zone).formatIso(utc(2026, 11, 28, 1, 5, 30)), c.expected);
    }
}

TEST(TimeUtil, unknownZoneIsRefusedNamingIt)
{
    try {
        const core::Zone zone("Mars/Olympus_Mons");
        FAIL() << "an unknown zone must be refused";
    } catch (const common::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("Mars/Olympus_Mons"), std::string::npos) << e.what();
    }
}

TEST(TimeUtil, badDateForStartOfDayIsRefused)
{
    const core::Zone zone;
    EXPECT_THROW((void)zone.startOfDay("2026-02-30"), common::InputError);
    EXPECT_THROW((void)zone.startOfDay("2026-2-3"), common::InputError);
    EXPECT_THROW((void)zone.startOfDay("2026-11-28T00:00"), common::InputError);
}

TEST(TimeUtil, fixedClockReturnsWhatItIsSetTo)
{
    common::FixedClock clock(utc(2026, 11, 28, 1, 0));
    EXPECT_EQ(clock.now(), utc(2026, 11, 28, 1, 0));
    clock.set(utc(2026, 11, 28, 2, 0));
    EXPECT_EQ(clock.now(), utc(2026, 11, 28, 2, 0));
}
