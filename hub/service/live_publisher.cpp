#include "hub/service/live_publisher.h"

#include "hub/service/server_socket.h"
#include "hub/service/zap_handler.h"
#include "protocol/codec.h"
#include "protocol/topics.h"
#include "protocol/zmq_endpoint.h"

namespace rollcall::service {

LivePublisher::LivePublisher(zmq::context_t& context, const std::string& endpoint, common::TimePoint start,
                             const HubSecurity* security)
    : socket_(context, zmq::socket_type::pub), base_(static_cast<std::uint64_t>(common::toMillis(start)) * 1000)
{
    // A slow dashboard must not make the hub queue without bound; it detects
    // the resulting gap and re-snapshots.
    socket_.set(zmq::sockopt::sndhwm, security ? security->liveHighWaterMark : 100'000);
    socket_.set(zmq::sockopt::linger, 0);
    if (security) {
        prepareServerSocket(socket_, *security, kLiveDomain);
        if (zmq_socket_monitor(socket_.handle(), kLiveMonitorEndpoint, ZMQ_EVENT_ACCEPTED | ZMQ_EVENT_DISCONNECTED)
            != 0) {
            throw zmq::error_t();
        }
    }
    socket_.bind(endpoint);
    endpoint_ = protocol::boundEndpoint(socket_);
}

void LivePublisher::publish(const std::string& meetingId, protocol::UpdatePayload payload)
{
    protocol::Update update;
    update.meeting_id = meetingId;
    auto [it, fresh] = seq_.try_emplace(meetingId, base_);
    update.seq = ++it->second;
    update.payload = std::move(payload);
    const auto topic = protocol::topicFor(update);
    const auto body = protocol::encode(update);
    socket_.send(zmq::buffer(topic), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
    socket_.send(zmq::buffer(body), zmq::send_flags::dontwait);
    ++published_;
}

std::uint64_t LivePublisher::lastSeq(const std::string& meetingId) const
{
    const auto it = seq_.find(meetingId);
    return it == seq_.end() ? base_ : it->second;
}

} // namespace rollcall::service
