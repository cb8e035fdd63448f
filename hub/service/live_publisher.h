#pragma once
// Numbers and publishes live updates (the Clone pattern's publisher): one
// consecutive sequence per stream ("meeting/<id>" or "hub"), so a dashboard
// that misses a number knows to take a new snapshot.
#include "hub/core/time_util.h"
#include "hub/service/hub_config.h"
#include "protocol/messages.h"

#include <map>
#include <string>
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

    /// Publishes one update on the meeting's stream (empty id: the hub stream).
    void publish(const std::string& meetingId, protocol::UpdatePayload payload);
    /// The last sequence number published on a stream (the base if none yet).
    [[nodiscard]] std::uint64_t lastSeq(const std::string& meetingId) const;
    [[nodiscard]] const std::string& endpoint() const noexcept { return endpoint_; }
    [[nodiscard]] std::uint64_t published() const noexcept { return published_; }

private:
    zmq::socket_t socket_;
    std::string endpoint_;
    std::map<std::string, std::uint64_t> seq_;
    std::uint64_t base_;
    std::uint64_t published_ = 0;
};

} // namespace rollcall::service
