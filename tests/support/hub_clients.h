#pragma once
// Test-side ZeroMQ peers of the hub, speaking the real protocol over TCP:
// a reader agent (DEALER), a dashboard subscriber (SUB) and a query client;
// each speaks CURVE when given a key (tests/support/test_keys.h).
#include "protocol/codec.h"
#include "protocol/topics.h"
#include "tests/support/test_keys.h"

#include <chrono>
#include <optional>
#include <string>
#include <zmq.hpp>

namespace rollcall::test {

inline std::int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

class AgentClient {
public:
    AgentClient(zmq::context_t& ctx, const std::string& endpoint, const ClientKey* key = nullptr)
        : socket_(ctx, zmq::socket_type::dealer)
    {
        socket_.set(zmq::sockopt::linger, 0);
        if (key) protocol::makeCurveClient(socket_, key->cert, key->serverPublicKey);
        socket_.connect(endpoint);
    }
    void sendRaw(const std::string& bytes) { socket_.send(zmq::buffer(bytes), zmq::send_flags::none); }
    template <class M>
    void send(const M& message)
    {
        sendRaw(protocol::encode(message));
    }
    /// Next hub message, or nullopt after `timeout`.
    std::optional<protocol::HubMessage> receive(std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
        if (zmq::poll(&item, 1, timeout) == 0) return std::nullopt;
        zmq::message_t msg;
        (void)socket_.recv(msg);
        auto decoded = protocol::decode<protocol::HubToAgent>(msg.to_string_view());
        if (!decoded) throw std::runtime_error("hub sent an undecodable message: " + decoded.error().detail);
        return decoded.value();
    }
    std::optional<protocol::Ack> receiveAck(std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        while (auto m = receive(timeout)) {
            if (auto* ack = std::get_if<protocol::Ack>(&*m)) return *ack;
        }
        return std::nullopt;
    }
    /// Sends one tap and waits for its ack.
    protocol::Ack tap(const protocol::Tap& t)
    {
        send(t);
        auto ack = receiveAck();
        if (!ack) throw std::runtime_error("no ack for seq " + std::to_string(t.seq));
        return *ack;
    }

private:
    zmq::socket_t socket_;
};

inline protocol::Tap makeTap(const std::string& reader, std::uint64_t seq, const std::string& uid,
                             std::int64_t atMs = nowMs())
{
    protocol::Tap t;
    t.reader_id = reader;
    t.seq = seq;
    t.badge_uid = uid;
    t.at_ms = atMs;
    return t;
}

class LiveSubscriber {
public:
    LiveSubscriber(zmq::context_t& ctx, const std::string& endpoint, const std::string& meetingId,
                   const ClientKey* key = nullptr)
        : socket_(ctx, zmq::socket_type::sub),
          topic_(meetingId.empty() ? std::string(protocol::kHubTopic) : protocol::meetingTopic(meetingId))
    {
        socket_.set(zmq::sockopt::linger, 0);
        if (key) protocol::makeCurveClient(socket_, key->cert, key->serverPublicKey);
        socket_.set(zmq::sockopt::subscribe, topic_);
        socket_.connect(endpoint);
    }
    /// Next update on exactly this topic, or nullopt after `timeout`.
    std::optional<protocol::Update> next(std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (true) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0) return std::nullopt;
            zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
            if (zmq::poll(&item, 1, left) == 0) return std::nullopt;
            zmq::message_t topic, body;
            (void)socket_.recv(topic);
            (void)socket_.recv(body);
            if (topic.to_string_view() != topic_) continue; // prefix subscriptions match more than we want
            auto decoded = protocol::decode<protocol::LiveFeed>(body.to_string_view());
            if (!decoded) throw std::runtime_error("undecodable update: " + decoded.error().detail);
            return decoded.value();
        }
    }
    /// Waits for an update whose payload satisfies `pred`.
    template <class Pred>
    std::optional<protocol::Update> waitFor(Pred pred, std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline) {
            auto u = next(
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
            if (!u) return std::nullopt;
            if (pred(*u)) return u;
        }
        return std::nullopt;
    }

private:
    zmq::socket_t socket_;
    std::string topic_;
};

class QueryClient {
public:
    QueryClient(zmq::context_t& ctx, const std::string& endpoint, const ClientKey* key = nullptr)
        : socket_(ctx, zmq::socket_type::dealer)
    {
        socket_.set(zmq::sockopt::linger, 0);
        if (key) protocol::makeCurveClient(socket_, key->cert, key->serverPublicKey);
        socket_.connect(endpoint);
    }
    protocol::QueryReply ask(const protocol::QueryRequest& request,
                             std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        send(request);
        return receive(timeout);
    }
    /// Sends without waiting: a DEALER may have several requests out (admin_request, then admin_cancel).
    void send(const protocol::QueryRequest& request)
    {
        socket_.send(zmq::message_t(), zmq::send_flags::sndmore); // REQ-style delimiter
        socket_.send(zmq::buffer(protocol::encode(request)), zmq::send_flags::none);
    }
    /// The next reply; throws if none comes within `timeout`.
    protocol::QueryReply receive(std::chrono::milliseconds timeout = std::chrono::seconds(10))
    {
        zmq::pollitem_t item{socket_.handle(), 0, ZMQ_POLLIN, 0};
        if (zmq::poll(&item, 1, timeout) == 0) throw std::runtime_error("no reply from the query socket");
        zmq::message_t delimiter, body;
        (void)socket_.recv(delimiter);
        (void)socket_.recv(body);
        auto decoded = protocol::decode<protocol::HubToQuery>(body.to_string_view());
        if (!decoded) throw std::runtime_error("undecodable reply: " + decoded.error().detail);
        return decoded.value();
    }
    protocol::Snapshot snapshot(const std::string& meetingId)
    {
        auto reply = ask(protocol::SnapshotRequest{meetingId});
        if (auto* s = std::get_if<protocol::Snapshot>(&reply)) return *s;
        throw std::runtime_error("snapshot request failed: " + std::get<protocol::Error>(reply).message);
    }
    protocol::Status status()
    {
        auto reply = ask(protocol::StatusRequest{});
        if (auto* s = std::get_if<protocol::Status>(&reply)) return *s;
        throw std::runtime_error("status request failed: " + std::get<protocol::Error>(reply).message);
    }

private:
    zmq::socket_t socket_;
};

/// ZeroMQ subscriptions take effect asynchronously ("slow joiner"): pokes the
/// hub with heartbeats from a reader at the meeting's venue until the
/// subscriber hears something on its topic; false if it never does.
[[nodiscard]] inline bool waitUntilSubscribed(AgentClient& agent, LiveSubscriber& live, const std::string& readerId)
{
    for (int i = 0; i < 50; ++i) {
        agent.send(protocol::Heartbeat{readerId, nowMs(), 0, protocol::ReaderState::Ok, "", "test-1.0"});
        if (live.next(std::chrono::milliseconds(100))) return true;
    }
    return false;
}

} // namespace rollcall::test
