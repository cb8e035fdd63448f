#pragma once
// rollcall-hub's event loop: binds the taps ROUTER, the live PUB and the
// query ROUTER, receives in batches, commits each batch once (group commit),
// then acknowledges. Stops when `stop` becomes true (set from a signal
// handler), after finishing the batch in hand.
#include "hub/service/hub_config.h"
#include "hub/service/live_state.h"
#include "protocol/codec.h"

#include <zmq.hpp>

#include <atomic>
#include <deque>
#include <memory>

namespace rollcall::service {

class HubServer {
public:
    HubServer(const HubConfig& config, const common::Clock& clock);
    ~HubServer();

    /// Endpoints actually bound (ports resolved when the config said "*").
    [[nodiscard]] const std::string& tapsEndpoint() const noexcept { return tapsEndpoint_; }
    [[nodiscard]] const std::string& liveEndpoint() const noexcept { return publisher_->endpoint(); }
    [[nodiscard]] const std::string& queryEndpoint() const noexcept { return queryEndpoint_; }

    /// Runs until `stop` is set. Throws db::DatabaseError if the record cannot be written.
    void run(const std::atomic<bool>& stop);

    [[nodiscard]] const protocol::DecodeErrorCounters& rejected() const noexcept { return rejected_; }

private:
    void drainTaps();
    void drainQueries();
    void flushAcks();
    void sendTo(zmq::socket_t& socket, const std::string& peer, bool delimited, const std::string& body, bool queueIfBusy);
    void logStats();

    const HubConfig& config_;
    const common::Clock& clock_;
    zmq::context_t context_;
    common::Database db_;
    zmq::socket_t taps_;
    zmq::socket_t query_;
    std::unique_ptr<LivePublisher> publisher_;
    std::unique_ptr<LiveState> state_;
    std::string tapsEndpoint_;
    std::string queryEndpoint_;
    protocol::DecodeErrorCounters rejected_;
    struct PendingSend {
        std::string peer;
        std::string body;
        common::TimePoint since;
    };
    std::deque<PendingSend> pendingAcks_; // acks a full pipe refused; retried, then dropped (the agent re-sends)
    std::uint64_t acksDropped_ = 0;
    std::uint64_t failedBatches_ = 0;
    common::TimePoint lastStats_{};
};

} // namespace rollcall::service
