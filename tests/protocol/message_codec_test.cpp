// Round trips through encode()/decode<Channel>() for every message type.
#include "protocol/codec.h"
#include "tests/protocol/sample_messages.h"

#include <chrono>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rollcall::protocol {
namespace {

using namespace test;

template <class Channel, class T>
T round_trip(const T& message)
{
    const std::string bytes = encode(message);
    auto result = decode<Channel>(bytes);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().detail) << "\n" << bytes;
    if (!result.ok()) return T{};
    if constexpr (std::is_same_v<T, typename Channel::Message>) {
        return result.value();
    } else {
        EXPECT_TRUE(std::holds_alternative<T>(result.value()));
        return std::get<T>(result.value());
    }
}

TEST(MessageCodec, helloRoundTrips)
{
    const Hello m{"door-1", "0.1.0", 1718000000000};
    EXPECT_EQ(round_trip<AgentToHub>(m), m);
}

TEST(MessageCodec, tapRoundTripsWithAllFields)
{
    const Tap m = sample_tap();
    EXPECT_EQ(round_trip<AgentToHub>(m), m);
}

TEST(MessageCodec, tapWithoutDirectionOmitsItAndRoundTrips)
{
    Tap m = sample_tap();
    m.direction.reset();
    m.clock_offset_ms = 0;
    const std::string bytes = encode(m);
    EXPECT_EQ(bytes.find("direction"), std::string::npos) << bytes;
    EXPECT_EQ(round_trip<AgentToHub>(m), m);
}

TEST(MessageCodec, tapAtLimitsRoundTrips)
{
    Tap m = sample_tap();
    m.seq = kMaxSeq;
    m.at_ms = kMaxTimeMs;
    m.clock_offset_ms = -kMaxTimeMs;
    m.badge_uid = "00000000";
    EXPECT_EQ(round_trip<AgentToHub>(m), m);
}

TEST(MessageCodec, heartbeatRoundTripsForEveryReaderState)
{
    for (auto state : {ReaderState::Ok, ReaderState::NoReader, ReaderState::Error}) {
        const Heartbeat m{"door-1", 1718000000000, 12345, state, "PN532 超时 / ۋاقىت ئۆتتى", "0.1.0"};
        EXPECT_EQ(round_trip<AgentToHub>(m), m);
    }
}

TEST(MessageCodec, welcomeRoundTrips)
{
    const Welcome m{1718000000000, true, "欢迎 / خۇش كەلدىڭىز"};
    EXPECT_EQ(round_trip<HubToAgent>(m), m);
}

TEST(MessageCodec, ackRoundTripsForEveryVerdict)
{
    for (auto v : {Verdict::Present, Verdict::Late, Verdict::CheckedOut, Verdict::WalkIn, Verdict::UnknownBadge,
                   Verdict::Duplicate, Verdict::NotInWindow, Verdict::UnknownReader, Verdict::RevokedBadge}) {
        const Ack m{"door-1", 42, v, std::string(kChineseName) + " 签到成功", 1718000000999};
        EXPECT_EQ(round_trip<HubToAgent>(m), m) << toString(v);
    }
}

TEST(MessageCodec, errorRoundTripsOnAgentAndQueryChannels)
{
    const Error m{"malformed", "seq: must be in [1, 9223372036854775807], got 0"};
    EXPECT_EQ(round_trip<HubToAgent>(m), m);
    EXPECT_EQ(round_trip<HubToQuery>(m), m);
}

TEST(MessageCodec, snapshotRequestRoundTrips)
{
    const SnapshotRequest m{"m-2024-06-10-01"};
    EXPECT_EQ(round_trip<QueryToHub>(m), m);
}

TEST(MessageCodec, meetingListRequestRoundTripsWithAndWithoutDay)
{
    EXPECT_EQ(round_trip<QueryToHub>(MeetingListRequest{"2024-02-29"}), MeetingListRequest{"2024-02-29"});
    EXPECT_EQ(round_trip<QueryToHub>(MeetingListRequest{}), MeetingListRequest{});
}

TEST(MessageCodec, snapshotRoundTripsWithMultilingualNames)
{
    const Snapshot m = sample_snapshot();
    EXPECT_EQ(round_trip<HubToQuery>(m), m);
}

TEST(MessageCodec, emptySnapshotRoundTrips)
{
    Snapshot m;
    m.meeting = sample_meeting();
    m.meeting.venues.clear();
    EXPECT_EQ(round_trip<HubToQuery>(m), m);
}

TEST(MessageCodec, snapshotOfAnOlderHubWithoutAlarmsDecodes)
{
    Snapshot m = sample_snapshot();
    m.alarms.clear();
    const std::string bytes = encode(m);
    EXPECT_EQ(bytes.find("\"alarms\""), std::string::npos); // left out when empty, as an older hub sends it
    EXPECT_EQ(round_trip<HubToQuery>(m), m);
}

TEST(MessageCodec, meetingListRoundTripsForEveryState)
{
    MeetingList m;
    for (auto s : {MeetingState::Scheduled, MeetingState::Open, MeetingState::InProgress, MeetingState::Ended,
                   MeetingState::Finalized}) {
        m.meetings.push_back(MeetingListEntry{
            "m-" + std::string(toString(s)), kUyghurName, {"venue.main"}, 1718002800000, 1718010000000, s});
    }
    EXPECT_EQ(round_trip<HubToQuery>(m), m);
    EXPECT_EQ(round_trip<HubToQuery>(MeetingList{}), MeetingList{});
}

TEST(MessageCodec, updateRoundTripsForEveryKind)
{
    const std::vector<UpdatePayload> payloads{sample_attendee(),
                                              sample_summary(),
                                              sample_tap_event(),
                                              sample_reader(),
                                              Alarm{"door-1", "读卡器离线 / ئوقۇغۇچ تورسىز", true},
                                              sample_meeting()};
    std::uint64_t seq = 1;
    for (const auto& p : payloads) {
        const Update m{"m-2024-06-10-01", seq++, p};
        EXPECT_EQ(round_trip<LiveFeed>(m), m) << kindName(p);
    }
}

TEST(MessageCodec, leavingEarlyAlarmCodesAndVenueNamesRoundTrip)
{
    Ack ack{"door-1", 42, Verdict::CheckedOut, "王五 早退 85 分钟（签退已记录）", 1718000000456};
    ack.early_minutes = 85;
    EXPECT_EQ(round_trip<HubToAgent>(ack), ack);
    TapEvent tap = sample_tap_event();
    tap.verdict = Verdict::CheckedOut;
    tap.early_minutes = 85;
    EXPECT_EQ(round_trip<LiveFeed>(Update{"m1", 1, tap}), (Update{"m1", 1, tap}));
    const Alarm alarm{"hub",
                      "记录写入失败：磁盘已满（database or disk is full）",
                      true,
                      "record_write_failed",
                      {"disk_full", "database or disk is full"}};
    EXPECT_EQ(round_trip<LiveFeed>(Update{"", 2, alarm}), (Update{"", 2, alarm}));
    MeetingList list;
    list.meetings.push_back(
        MeetingListEntry{"m1", kChineseName, {"hall", "cb-fhc"}, 1, 2, MeetingState::Open, {"主会场", "霍城县分会场"}});
    EXPECT_EQ(round_trip<HubToQuery>(list), list);
}

TEST(MessageCodec, messagesOfOlderHubsWithoutTheIssue14FieldsStillDecode)
{
    // What a hub before issue 14 sends: no early_minutes, code, params or venue_names.
    const auto ack = decode<HubToAgent>(
        R"({"v":1,"type":"ack","reader_id":"door-1","seq":7,"verdict":"checked_out","text":"签退成功","hub_clock_ms":5})");
    ASSERT_TRUE(ack.ok());
    EXPECT_FALSE(std::get<Ack>(ack.value()).early_minutes.has_value());
    const auto alarm = decode<LiveFeed>(
        R"({"v":1,"type":"update","meeting_id":"","seq":3,"kind":"alarm","payload":{"reader_id":"door-1","message":"读卡器 door-1 离线","active":true}})");
    ASSERT_TRUE(alarm.ok());
    const auto& a = std::get<Alarm>(alarm.value().payload);
    EXPECT_TRUE(a.code.empty());
    EXPECT_TRUE(a.params.empty());
    // And an encoder leaves them out when they are empty, so older receivers see the same bytes.
    EXPECT_EQ(encode(Update{"", 1, Alarm{"door-1", "x", true}}).find("code"), std::string::npos);
}

TEST(MessageCodec, venueCountsExpectedVenuesAndWrongVenueTapsRoundTrip)
{
    Summary summary = sample_summary();
    summary.venues = {VenueCount{"venue.main", 80, 60, 5, 0, 2, 1, 12},
                      VenueCount{"venue.yining", 40, 30, 2, 0, 2, 2, 4}};
    EXPECT_EQ(round_trip<LiveFeed>(Update{"m1", 1, summary}), (Update{"m1", 1, summary}));
    AttendeeState a = sample_attendee();
    a.venue_id = "venue.yining";
    a.check_in_venue_id = "venue.main";
    EXPECT_EQ(round_trip<LiveFeed>(Update{"m1", 2, a}), (Update{"m1", 2, a}));
    TapEvent tap = sample_tap_event();
    tap.expected_venue_id = "venue.yining";
    EXPECT_EQ(round_trip<LiveFeed>(Update{"m1", 3, tap}), (Update{"m1", 3, tap}));
    // Absent and empty, they are left out: a meeting with one venue sends the bytes it always sent.
    const auto plain = encode(Update{"m1", 4, sample_summary()}) + encode(Update{"m1", 5, sample_attendee()})
                       + encode(Update{"m1", 6, sample_tap_event()});
    EXPECT_EQ(plain.find("venues"), std::string::npos) << plain;
    EXPECT_EQ(plain.find("check_in_venue_id"), std::string::npos) << plain;
    EXPECT_EQ(plain.find("expected_venue_id"), std::string::npos) << plain;
    // A venue id keeps the wire's rule for ids.
    const auto bad = decode<LiveFeed>(
        R"({"v":1,"type":"update","meeting_id":"m1","seq":7,"kind":"tap","payload":{"tap_id":1,"reader_id":"door-1",)"
        R"("venue_id":"venue.main","badge_uid":"04A22B1C","at_ms":5,"verdict":"present","expected_venue_id":"分会场"}})");
    EXPECT_FALSE(bad.ok());
}

TEST(MessageCodec, photoRequestAndPhotoRoundTripAndKeepTheirRules)
{
    EXPECT_EQ(round_trip<QueryToHub>(PhotoRequest{"P-0001"}), PhotoRequest{"P-0001"});
    const Photo photo{"P-0001", "image/png", "iVBORw0KGgo="};
    EXPECT_EQ(round_trip<HubToQuery>(photo), photo);
    EXPECT_FALSE(
        decode<HubToQuery>(R"({"v":1,"type":"photo","person_id":"P-0001","mime":"image/gif","data":"R0lG"})").ok());
    EXPECT_FALSE(
        decode<HubToQuery>(R"({"v":1,"type":"photo","person_id":"P-0001","mime":"image/png","data":"not base64"})")
            .ok());
    EXPECT_FALSE(
        decode<HubToQuery>(R"({"v":1,"type":"photo","person_id":"P-0001","mime":"image/png","data":""})").ok());
    // A photo never travels on the live feed: it is no update kind.
    EXPECT_FALSE(
        decode<LiveFeed>(R"({"v":1,"type":"photo","person_id":"P-0001","mime":"image/png","data":"iVBO"})").ok());
}

TEST(MessageCodec, hubStreamUpdateHasEmptyMeetingId)
{
    const Update m{"", 1, sample_reader()};
    EXPECT_EQ(round_trip<LiveFeed>(m), m);
}

TEST(MessageCodec, encodesVersionAndTypeFirst)
{
    const std::string bytes = encode(sample_tap());
    EXPECT_EQ(bytes.rfind(R"({"v":1,"type":"tap",)", 0), 0u) << bytes;
}

TEST(MessageCodec, keepsUtf8NamesUnescapedOnTheWire)
{
    const std::string bytes = encode(Update{"m1", 1, sample_attendee()});
    EXPECT_NE(bytes.find(kMiddleDotName), std::string::npos) << bytes;
    EXPECT_NE(bytes.find(kUyghurName), std::string::npos) << bytes;
    EXPECT_NE(bytes.find(kUnitPath), std::string::npos) << bytes;
    EXPECT_EQ(bytes.find("\\u"), std::string::npos) << bytes;
}

TEST(MessageCodec, variantOverloadsEncodeLikeTheirAlternative)
{
    EXPECT_EQ(encode(AgentMessage{sample_tap()}), encode(sample_tap()));
    EXPECT_EQ(encode(HubMessage{Error{"x", "y"}}), encode(Error{"x", "y"}));
    EXPECT_EQ(encode(QueryRequest{SnapshotRequest{"m1"}}), encode(SnapshotRequest{"m1"}));
    EXPECT_EQ(encode(QueryReply{MeetingList{}}), encode(MeetingList{}));
}

TEST(MessageCodec, ignoresUnknownFields)
{
    auto j = nlohmann::json::parse(encode(sample_tap()));
    j["future_field"] = {{"nested", true}};
    const auto result = decode<AgentToHub>(j.dump());
    ASSERT_TRUE(result.ok()) << result.error().detail;
    EXPECT_EQ(std::get<Tap>(result.value()), sample_tap());
}

TEST(MessageCodec, treatsNullOptionalFieldAsAbsent)
{
    auto j = nlohmann::json::parse(encode(sample_tap()));
    j["direction"] = nullptr;
    const auto result = decode<AgentToHub>(j.dump());
    ASSERT_TRUE(result.ok()) << result.error().detail;
    EXPECT_FALSE(std::get<Tap>(result.value()).direction.has_value());
}

TEST(MessageCodec, acceptsWhitespaceAndAnyKeyOrder)
{
    const std::string bytes = " {\n \"clock_offset_ms\" : 0, \"at_ms\": 5, \"badge_uid\": \"04A22B1C\", \"seq\": 1,\n"
                              "  \"reader_id\": \"r1\", \"type\": \"tap\", \"v\": 1 }\n";
    const auto result = decode<AgentToHub>(bytes);
    ASSERT_TRUE(result.ok()) << result.error().detail;
    EXPECT_EQ(std::get<Tap>(result.value()), (Tap{"r1", 1, "04A22B1C", std::nullopt, 5, 0}));
}

TEST(MessageCodec, acceptsFrameOfExactlyTheLimit)
{
    std::string bytes = encode(sample_tap());
    bytes.append(kMaxFrameBytes - bytes.size(), ' ');
    ASSERT_EQ(bytes.size(), kMaxFrameBytes);
    EXPECT_TRUE(decode<AgentToHub>(bytes).ok());
}

TEST(MessageCodec, snapshotChannelAcceptsFramesAboveTheAgentLimit)
{
    Snapshot m = sample_snapshot();
    for (int i = 0; i < 2000; ++i) {
        AttendeeState a = sample_attendee();
        a.person_id = "P-" + std::to_string(i);
        m.attendees.push_back(a);
    }
    const std::string bytes = encode(m);
    ASSERT_GT(bytes.size(), kMaxFrameBytes);
    EXPECT_EQ(round_trip<HubToQuery>(m), m);
}

} // namespace
} // namespace rollcall::protocol
