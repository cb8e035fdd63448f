#include "hub/service/live_publisher.h"

#include "hub/service/hub_log.h"
#include "hub/service/server_socket.h"
#include "hub/service/zap_handler.h"
#include "protocol/codec.h"
#include "protocol/topics.h"
#include "protocol/zmq_endpoint.h"

#include <pthread.h>
#include <spdlog/spdlog.h>

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
    thread_ = std::thread([this] { loop(); }); // from here on the socket is the thread's
}

LivePublisher::~LivePublisher()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

protocol::Update LivePublisher::numbered(const std::string& meetingId, protocol::UpdatePayload&& payload)
{
    protocol::Update update;
    update.meeting_id = meetingId;
    auto [it, fresh] = seq_.try_emplace(meetingId, base_);
    update.seq = ++it->second;
    update.payload = std::move(payload);
    ++published_;
    return update;
}

void LivePublisher::publish(const std::string& meetingId, protocol::UpdatePayload payload)
{
    std::vector<protocol::Update> one;
    one.push_back(numbered(meetingId, std::move(payload)));
    enqueue(std::move(one));
}

void LivePublisher::publishAll(std::vector<std::pair<std::string, protocol::UpdatePayload>>&& updates)
{
    if (updates.empty()) return;
    std::vector<protocol::Update> batch;
    batch.reserve(updates.size());
    for (auto& [meetingId, payload] : updates) batch.push_back(numbered(meetingId, std::move(payload)));
    enqueue(std::move(batch));
}

void LivePublisher::enqueue(std::vector<protocol::Update>&& updates)
{
    bool wasEmpty = false;
    {
        std::lock_guard lock(mutex_);
        wasEmpty = queue_.empty();
        if (wasEmpty) {
            queue_ = std::move(updates);
        } else {
            for (auto& u : updates) queue_.push_back(std::move(u));
        }
    }
    if (wasEmpty) wake_.notify_one(); // otherwise the thread is awake and takes these with the rest
}

void LivePublisher::flush()
{
    std::unique_lock lock(mutex_);
    drained_.wait(lock, [&] { return queue_.empty() && !sending_; });
}

std::uint64_t LivePublisher::lastSeq(const std::string& meetingId) const
{
    const auto it = seq_.find(meetingId);
    return it == seq_.end() ? base_ : it->second;
}

void LivePublisher::send(const protocol::Update& update)
{
    const auto topic = protocol::topicFor(update);
    const auto body = protocol::encode(update);
    socket_.send(zmq::buffer(topic), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
    socket_.send(zmq::buffer(body), zmq::send_flags::dontwait);
}

void LivePublisher::loop()
{
    ::pthread_setname_np(::pthread_self(), "hub-publisher"); // named in top, perf and the benchmark's CPU shares
    std::vector<protocol::Update> sending;
    while (true) {
        {
            std::unique_lock lock(mutex_);
            sending_ = false;
            if (queue_.empty()) drained_.notify_all();
            wake_.wait(lock, [&] { return !queue_.empty() || stopping_; });
            if (queue_.empty()) return; // stopping, and everything is sent
            sending.swap(queue_);
            sending_ = true;
        }
        for (const auto& update : sending) {
            try {
                send(update);
            } catch (const std::exception& e) {
                // One update lost is a gap in its stream: its dashboards take a new snapshot.
                hubLog()->error("live update {} of stream \"{}\" not sent: {}", update.seq, update.meeting_id,
                                e.what());
            }
        }
        sending.clear(); // keeps its capacity: the next swap hands it to the writer
    }
}

} // namespace rollcall::service
