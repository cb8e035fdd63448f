#include "reader-agent/hub_link.h"

#include <cstdint>
#include <cstring>
#include <iterator>
#include <sstream>
#include <vector>
#include <zmq_addon.hpp>

namespace rollcall::agent {

HubLink::HubLink(zmq::context_t& context, const std::string& endpoint, HubLinkOptions options)
    : endpoint_(endpoint), socket_(context, zmq::socket_type::dealer), monitor_(context, zmq::socket_type::pair)
{
    socket_.set(zmq::sockopt::linger, 0);    // the outbox, not ZeroMQ, keeps unsent taps
    socket_.set(zmq::sockopt::immediate, 1); // no queueing towards a hub that is not there
    socket_.set(zmq::sockopt::reconnect_ivl, static_cast<int>(options.reconnect.count()));
    socket_.set(zmq::sockopt::reconnect_ivl_max, static_cast<int>(options.reconnectMax.count()));
    socket_.set(zmq::sockopt::heartbeat_ivl, static_cast<int>(options.heartbeat.count()));
    socket_.set(zmq::sockopt::heartbeat_timeout, static_cast<int>(options.heartbeatTimeout.count()));
    socket_.set(zmq::sockopt::sndhwm, 10000);
    socket_.set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(protocol::kMaxFrameBytes));
    if (options.clientKey) protocol::makeCurveClient(socket_, *options.clientKey, options.serverPublicKey);

    std::ostringstream monitorEndpoint;
    monitorEndpoint << "inproc://rollcall-agent-hub-monitor-" << static_cast<const void*>(this);
    if (zmq_socket_monitor(socket_.handle(), monitorEndpoint.str().c_str(),
                           ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_DISCONNECTED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH)
        != 0) {
        throw zmq::error_t();
    }
    monitor_.set(zmq::sockopt::linger, 0);
    monitor_.connect(monitorEndpoint.str());
    refusedRetry_ = options.reconnectMax;
    socket_.connect(endpoint); // throws zmq::error_t for a malformed endpoint
}

bool HubLink::send(const protocol::AgentMessage& message)
{
    if (!connected()) return false;
    const auto bytes = protocol::encode(message);
    try {
        return socket_.send(zmq::buffer(bytes), zmq::send_flags::dontwait).has_value();
    } catch (const zmq::error_t&) { // EHOSTUNREACH and the like: the hub is not there
        return false;
    }
}

std::optional<HubReceive> HubLink::receive()
{
    std::vector<zmq::message_t> frames;
    if (!zmq::recv_multipart(socket_, std::back_inserter(frames), zmq::recv_flags::dontwait)) return std::nullopt;
    if (frames.size() != 1) { // one frame per message on this channel
        return BadHubFrame{{protocol::DecodeErrorKind::Malformed, "hub sent a multi-frame message"}};
    }
    auto decoded = protocol::decode<protocol::HubToAgent>(frames.front().to_string_view());
    if (!decoded) return BadHubFrame{decoded.error()};
    return HubReceive{std::move(decoded).value()};
}

std::vector<LinkEvent> HubLink::takeEvents()
{
    std::vector<LinkEvent> events;
    while (true) {
        std::vector<zmq::message_t> frames; // [event header][endpoint address]
        if (!zmq::recv_multipart(monitor_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
        const zmq::message_t& header = frames.front();
        if (header.size() < sizeof(std::uint16_t)) continue;
        std::uint16_t event = 0;
        std::memcpy(&event, header.data(), sizeof event);
        if (event == ZMQ_EVENT_HANDSHAKE_SUCCEEDED) {
            connections_ = 1;
            refusedSaid_ = false;
            events.push_back(LinkEvent::Connected);
        } else if (event == ZMQ_EVENT_DISCONNECTED && connections_ > 0) {
            // Only a connection that was up is lost; a refused handshake never was.
            connections_ = 0;
            events.push_back(LinkEvent::Disconnected);
        } else if (event == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH) {
            if (!retryAt_) retryAt_ = std::chrono::steady_clock::now() + refusedRetry_;
            if (!refusedSaid_) events.push_back(LinkEvent::Refused); // said once; the hub counts every refusal
            refusedSaid_ = true;
        }
    }
    if (retryAt_ && std::chrono::steady_clock::now() >= *retryAt_) {
        retryAt_.reset();
        try {
            socket_.disconnect(endpoint_); // the refused session is gone already: nothing to undo
        } catch (const zmq::error_t&) {
        }
        socket_.connect(endpoint_);
    }
    return events;
}

} // namespace rollcall::agent
