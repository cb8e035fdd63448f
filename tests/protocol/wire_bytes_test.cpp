// Exact bytes the encoder writes: member order, omitted optionals, escaping.
// The codec is driven by one description per message; these pin its output
// to the bytes the hand-written encoders produced before.
#include "protocol/codec.h"
#include "tests/protocol/sample_messages.h"

#include <gtest/gtest.h>
#include <string>

namespace rollcall::protocol {
namespace {

TEST(WireBytes, tapInDescriptionOrder)
{
    EXPECT_EQ(encode(test::sample_tap()),
              R"({"v":1,"type":"tap","reader_id":"door-1","seq":42,"badge_uid":"04A22B1C5D6E80","direction":"out",)"
              R"("at_ms":1718000000123,"clock_offset_ms":-350})");
}

TEST(WireBytes, ackKeepsUtf8Text)
{
    EXPECT_EQ(encode(Ack{"door-1", 42, Verdict::Late, "迟到 7 分钟", 1718000000456}),
              R"({"v":1,"type":"ack","reader_id":"door-1","seq":42,"verdict":"late","text":"迟到 7 分钟",)"
              R"("hub_clock_ms":1718000000456})");
}

TEST(WireBytes, attendeeUpdateNestsThePayload)
{
    EXPECT_EQ(encode(Update{"m-1", 3, test::sample_attendee()}),
              R"({"v":1,"type":"update","meeting_id":"m-1","seq":3,"kind":"attendee","payload":{"person_id":"P-0001",)"
              R"("name":"阿卜杜热合曼·艾买提","unit":"州直机关/州发改委","status":"late",)"
              R"("flags":["left_early","left_mid_meeting","no_checkout"],"first_in_ms":1718000400000,)"
              R"("last_out_ms":1718003000000,"late_minutes":6,"early_minutes":12,"substitute":"ئابدۇرېھىم ئەمەت",)"
              R"("inside":true}})");
}

TEST(WireBytes, absentOptionalsAreLeftOut)
{
    EXPECT_EQ(encode(Welcome{5, true, "ok", std::nullopt}),
              R"({"v":1,"type":"welcome","hub_clock_ms":5,"reader_known":true,"message":"ok"})");
    EXPECT_EQ(encode(MeetingListRequest{}), R"({"v":1,"type":"meeting_list_request"})");
    AttendeeState a;
    a.person_id = "P-1";
    EXPECT_EQ(encode(Update{"", 1, a}),
              R"({"v":1,"type":"update","meeting_id":"","seq":1,"kind":"attendee","payload":{"person_id":"P-1",)"
              R"("name":"","unit":"","status":"not_arrived","flags":[],"late_minutes":0,"early_minutes":0,)"
              R"("inside":false}})");
}

TEST(WireBytes, emptyVenueNamesAreLeftOutAndReadBackEmpty)
{
    MeetingInfo m = test::sample_meeting();
    m.venue_names.clear();
    const std::string bytes = encode(Update{"", 9, m});
    EXPECT_EQ(bytes.find("venue_names"), std::string::npos) << bytes;
    EXPECT_NE(bytes.find(R"("venues":["venue.main","venue.yining","venue.huocheng"],"start_ms")"), std::string::npos)
        << bytes;
    const auto decoded = decode<LiveFeed>(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(std::get<MeetingInfo>(decoded.value().payload), m);
}

TEST(WireBytes, escapesControlsAndReplacesInvalidUtf8)
{
    const std::string message = "q\"b\\s/\b\f\n\r\t\x01\x1f\x7f"
                                "|\xff|\xc0\xaf|\xed\xa0\x80|\xe4\xb8|\xf4\x90\x80\x80|\xf0\x9f\x98\x80";
    const std::string r = "\xEF\xBF\xBD"; // U+FFFD per invalid byte
    EXPECT_EQ(encode(Error{"x", message}),
              R"({"v":1,"type":"error","code":"x","message":"q\"b\\s/\b\f\n\r\t\u0001\u001f)"
              "\x7f|"
                  + r + "|" + r + r + "|" + r + r + r + "|" + r + r + "|" + r + r + r + r + "|\xf0\x9f\x98\x80\"}");
}

} // namespace
} // namespace rollcall::protocol
