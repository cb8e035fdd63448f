// LivePublisher in process (issue 10): updates are numbered on the caller's
// thread (a snapshot's seq is read there) and encoded and sent on the
// publisher's own thread; subscribers see every stream in number order.
#include "hub/service/live_publisher.h"
#include "tests/support/hub_clients.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

protocol::Summary summaryWith(std::int32_t present)
{
    protocol::Summary s;
    s.expected = 100;
    s.present = present;
    return s;
}

/// Publishes probes on `meetingId` until the subscriber receives one (its
/// subscription has reached the PUB socket); returns the probe's seq.
std::uint64_t joined(service::LivePublisher& publisher, LiveSubscriber& subscriber, const std::string& meetingId)
{
    for (int i = 0; i < 200; ++i) {
        publisher.publish(meetingId, summaryWith(0));
        if (auto u = subscriber.next(50ms)) {
            // Probes sent before the subscription took hold are lost; drain the ones after it.
            auto last = u->seq;
            while (auto more = subscriber.next(200ms)) last = more->seq;
            return last;
        }
    }
    throw std::runtime_error("the subscriber never joined");
}

class LivePublisherTest : public ::testing::Test {
protected:
    zmq::context_t ctx_;
    const common::TimePoint t0_ = common::fromMillis(nowMs());
};

TEST_F(LivePublisherTest, numbersOnTheCallersThreadAndSendsEachStreamInOrder)
{
    service::LivePublisher publisher(ctx_, "tcp://127.0.0.1:*", t0_);
    LiveSubscriber meeting(ctx_, publisher.endpoint(), "m-1");
    LiveSubscriber hub(ctx_, publisher.endpoint(), "");
    const auto meetingBase = joined(publisher, meeting, "m-1");
    const auto hubBase = joined(publisher, hub, "");

    const auto publishedBefore = publisher.published();
    publisher.publish("m-1", summaryWith(1));
    publisher.publish("", protocol::Alarm{"hub", "记录写入失败", true, "record_write_failed", {}});
    std::vector<std::pair<std::string, protocol::UpdatePayload>> batch;
    for (int i = 2; i <= 50; ++i) batch.emplace_back("m-1", summaryWith(i));
    publisher.publishAll(std::move(batch));
    // Numbered at once: a snapshot taken now counts all of them.
    EXPECT_EQ(publisher.lastSeq("m-1"), meetingBase + 50);
    EXPECT_EQ(publisher.lastSeq(""), hubBase + 1);
    EXPECT_EQ(publisher.published(), publishedBefore + 51);

    for (std::int32_t i = 1; i <= 50; ++i) {
        const auto u = meeting.next();
        ASSERT_TRUE(u) << "update " << i;
        EXPECT_EQ(u->seq, meetingBase + static_cast<std::uint64_t>(i));
        ASSERT_TRUE(std::holds_alternative<protocol::Summary>(u->payload));
        EXPECT_EQ(std::get<protocol::Summary>(u->payload).present, i);
    }
    const auto alarm = hub.next();
    ASSERT_TRUE(alarm);
    EXPECT_EQ(alarm->seq, hubBase + 1);
    ASSERT_TRUE(std::holds_alternative<protocol::Alarm>(alarm->payload));
    EXPECT_EQ(std::get<protocol::Alarm>(alarm->payload).message, "记录写入失败");
}

TEST_F(LivePublisherTest, flushReturnsOnceEverythingQueuedIsSent)
{
    service::LivePublisher publisher(ctx_, "tcp://127.0.0.1:*", t0_);
    LiveSubscriber meeting(ctx_, publisher.endpoint(), "m-1");
    const auto base = joined(publisher, meeting, "m-1");
    for (std::int32_t i = 1; i <= 500; ++i) publisher.publish("m-1", summaryWith(i));
    publisher.flush();
    publisher.flush(); // nothing queued: returns at once
    for (std::uint64_t i = 1; i <= 500; ++i) {
        const auto u = meeting.next();
        ASSERT_TRUE(u) << "update " << i;
        ASSERT_EQ(u->seq, base + i);
    }
}

} // namespace
