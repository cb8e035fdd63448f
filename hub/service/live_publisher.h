#pragma once
// Numbers and publishes live updates (the Clone pattern's publisher): one
// consecutive sequence per stream ("meeting/<id>" or "hub"), so a dashboard
// that misses a number knows to take a new snapshot. Numbering happens on the
// caller's thread (the writer: a snapshot's seq must count every update before
// it); encoding and sending happen on a thread of its own (`hub-publisher`),
// which owns the PUB socket, so the writer spends no time on a subscriber's
// JSON (issue 10).
#include "hub/core/time_util.h"
#include "hub/service/hub_config.h"
#include "protocol/messages.h"

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>
#include <zmq.hpp>

namespace rollcall::service {

class LivePublisher {
public:
    /// Binds a PUB socket at `endpoint` (tcp://127.0.0.1:* allowed). Streams
    /// are numbered from `start` (ms since the epoch × 1000) so numbers keep
    /// growing across hub restarts and subscribers see the restart as a gap.
    /// With `security`, the socket takes the hub's keys and limits
    /// (server_socket.h), its high-water mark, and a monitor the ZAP handler
    /// counts live subscribers by.
    LivePublisher(zmq::context_t& context, const std::string& endpoint, common::TimePoint start,
                  const HubSecurity* security = nullptr);
    /// Sends what is queued, then stops the thread.
    ~LivePublisher();
    LivePublisher(const LivePublisher&) = delete;
    LivePublisher& operator=(const LivePublisher&) = delete;

    /// Numbers one update on the meeting's stream (empty id: the hub stream)
    /// and queues it for sending.
    void publish(const std::string& meetingId, protocol::UpdatePayload payload);
    /// The same for many, handed to the sending thread at once (a batch's updates).
    void publishAll(std::vector<std::pair<std::string, protocol::UpdatePayload>>&& updates);
    /// Returns once everything queued so far is on the PUB socket: a snapshot
    /// whose seq counts an update goes out after that update (a dashboard that
    /// saw the snapshot first would take the update for a gap).
    void flush();
    /// The last sequence number published on a stream (the base if none yet).
    [[nodiscard]] std::uint64_t lastSeq(const std::string& meetingId) const;
    [[nodiscard]] const std::string& endpoint() const noexcept { return endpoint_; }
    [[nodiscard]] std::uint64_t published() const noexcept { return published_; }

private:
    [[nodiscard]] protocol::Update numbered(const std::string& meetingId, protocol::UpdatePayload&& payload);
    void enqueue(std::vector<protocol::Update>&& updates);
    void send(const protocol::Update& update);
    void loop();

    zmq::socket_t socket_; // the sending thread's only, once it runs
    std::string endpoint_;
    // The caller's (the writer's) thread only.
    std::map<std::string, std::uint64_t> seq_;
    std::uint64_t base_;
    std::uint64_t published_ = 0;

    std::mutex mutex_; // guards queue_, sending_, stopping_
    std::condition_variable wake_;
    std::condition_variable drained_;
    std::vector<protocol::Update> queue_;
    bool sending_ = false; // the thread holds updates taken from queue_ and not yet sent
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace rollcall::service
