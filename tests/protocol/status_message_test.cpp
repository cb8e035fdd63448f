// The hub status query (docs/protocol.md §5.10): status_request and status
// round-trip on the query channel, optional parts are left out when absent,
// and the rules of its fields hold.
#include "protocol/codec.h"

#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

Status sampleStatus()
{
    Status s;
    s.hub_version = "0.1.0";
    s.hub_clock_ms = 1718000060000;
    s.started_ms = 1718000000000;
    s.schema_version = 10;
    s.chain_head = std::string(64, 'a');
    s.chain_rows = 1234;
    s.live_subscribers = 3;
    ReaderHealth r;
    r.reader_id = "door-1";
    r.venue_id = "venue.main";
    r.online = true;
    r.last_seen_ms = 1718000055000;
    r.outbox_depth = 7;
    r.clock_offset_ms = -250;
    r.agent_version = "0.1.0";
    r.reader_state = ReaderState::Ok;
    s.readers.push_back(r);
    ReaderHealth never;
    never.reader_id = "door-2";
    never.venue_id = "venue.main";
    s.readers.push_back(never);
    s.rejections = {{"key_not_allowed", 4}, {"bad_field", 1}};
    s.recorded = 99;
    s.failed_batches = 2;
    s.write_failure = "disk_full";
    s.held_taps = 5;
    s.queued = 1;
    s.disk_free_bytes = 50ull << 20;
    s.disk_reserve_bytes = 64ull << 20;
    return s;
}

TEST(StatusMessage, requestRoundTripsOnTheQueryChannel)
{
    const auto bytes = encode(QueryRequest{StatusRequest{}});
    EXPECT_EQ(bytes, R"({"v":1,"type":"status_request"})");
    const auto decoded = decode<QueryToHub>(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_TRUE(std::holds_alternative<StatusRequest>(decoded.value()));
}

TEST(StatusMessage, statusRoundTripsWithEveryField)
{
    const auto s = sampleStatus();
    const auto decoded = decode<HubToQuery>(encode(s));
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    ASSERT_TRUE(std::holds_alternative<Status>(decoded.value()));
    EXPECT_EQ(std::get<Status>(decoded.value()), s);
}

TEST(StatusMessage, absentFailureAndUnknownDiskAreLeftOut)
{
    auto s = sampleStatus();
    s.write_failure.clear();
    s.disk_free_bytes.reset();
    const auto bytes = encode(s);
    EXPECT_EQ(bytes.find("write_failure"), std::string::npos) << bytes;
    EXPECT_EQ(bytes.find("disk_free_bytes"), std::string::npos) << bytes;
    const auto decoded = decode<HubToQuery>(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(std::get<Status>(decoded.value()), s);
}

TEST(StatusMessage, aRejectionReasonMustBeAToken)
{
    auto s = sampleStatus();
    s.rejections = {{"two words", 1}};
    const auto decoded = decode<HubToQuery>(encode(s));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().kind, DecodeErrorKind::BadField);
    EXPECT_NE(decoded.error().detail.find("rejections[0].reason"), std::string::npos) << decoded.error().detail;
}

TEST(StatusMessage, aStatusIsNotAnAgentMessage)
{
    const auto decoded = decode<AgentToHub>(encode(StatusRequest{}));
    ASSERT_FALSE(decoded.ok());
    EXPECT_EQ(decoded.error().kind, DecodeErrorKind::UnknownType);
}

} // namespace
} // namespace rollcall::protocol
