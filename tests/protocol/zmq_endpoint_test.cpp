// boundEndpoint() and the framing on real ZeroMQ sockets over loopback TCP.
#include "protocol/codec.h"
#include "protocol/topics.h"
#include "protocol/zmq_endpoint.h"
#include "tests/protocol/sample_messages.h"

#include <chrono>
#include <gtest/gtest.h>
#include <thread>

namespace rollcall::protocol {
namespace {

constexpr int kTimeoutMs = 5000;

TEST(ZmqEndpoint, boundEndpointReportsTheEphemeralPort)
{
    zmq::context_t ctx;
    zmq::socket_t router(ctx, zmq::socket_type::router);
    router.bind("tcp://127.0.0.1:*");
    const std::string endpoint = boundEndpoint(router);
    ASSERT_EQ(endpoint.rfind("tcp://127.0.0.1:", 0), 0u) << endpoint;
    EXPECT_GT(std::stoi(endpoint.substr(endpoint.rfind(':') + 1)), 0);
}

TEST(ZmqEndpoint, tapTravelsDealerToRouterAndAckComesBack)
{
    zmq::context_t ctx;
    zmq::socket_t hub(ctx, zmq::socket_type::router);
    hub.set(zmq::sockopt::rcvtimeo, kTimeoutMs);
    hub.set(zmq::sockopt::router_mandatory, 1);
    hub.bind("tcp://127.0.0.1:*");
    zmq::socket_t agent(ctx, zmq::socket_type::dealer);
    agent.set(zmq::sockopt::rcvtimeo, kTimeoutMs);
    agent.connect(boundEndpoint(hub));

    const Tap tap = test::sample_tap();
    ASSERT_TRUE(agent.send(zmq::buffer(encode(tap)), zmq::send_flags::none));

    zmq::message_t routing_id;
    zmq::message_t body;
    ASSERT_TRUE(hub.recv(routing_id));
    ASSERT_TRUE(routing_id.more());
    ASSERT_TRUE(hub.recv(body));
    ASSERT_FALSE(body.more()) << "one logical message = one frame after the routing id";
    auto decoded = decode<AgentToHub>(body.to_string_view());
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    ASSERT_EQ(std::get<Tap>(decoded.value()), tap);

    const Ack ack{tap.reader_id, tap.seq, Verdict::Present, "张三 签到成功", 1718000000200};
    ASSERT_TRUE(hub.send(routing_id, zmq::send_flags::sndmore));
    ASSERT_TRUE(hub.send(zmq::buffer(encode(ack)), zmq::send_flags::none));

    zmq::message_t reply;
    ASSERT_TRUE(agent.recv(reply));
    auto got = decode<HubToAgent>(reply.to_string_view());
    ASSERT_TRUE(got.ok()) << got.error().detail;
    EXPECT_EQ(std::get<Ack>(got.value()), ack);
}

TEST(ZmqEndpoint, liveUpdateArrivesAsTopicThenBody)
{
    zmq::context_t ctx;
    zmq::socket_t pub(ctx, zmq::socket_type::pub);
    pub.bind("tcp://127.0.0.1:*");
    zmq::socket_t sub(ctx, zmq::socket_type::sub);
    sub.set(zmq::sockopt::rcvtimeo, 200);
    sub.set(zmq::sockopt::subscribe, meetingTopic("m1"));
    sub.connect(boundEndpoint(pub));

    const Update update{"m1", 1, test::sample_summary()};
    const std::string topic = topicFor(update);
    const std::string body = encode(update);
    // PUB drops messages until the subscription has propagated: retry briefly.
    zmq::message_t got_topic;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kTimeoutMs);
    bool received = false;
    while (!received && std::chrono::steady_clock::now() < deadline) {
        pub.send(zmq::buffer(topic), zmq::send_flags::sndmore);
        pub.send(zmq::buffer(body), zmq::send_flags::none);
        received = sub.recv(got_topic).has_value();
    }
    ASSERT_TRUE(received);
    EXPECT_EQ(got_topic.to_string_view(), "meeting/m1");
    ASSERT_TRUE(got_topic.more());
    zmq::message_t got_body;
    ASSERT_TRUE(sub.recv(got_body));
    auto decoded = decode<LiveFeed>(got_body.to_string_view());
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(decoded.value(), update);
}

} // namespace
} // namespace rollcall::protocol
