#pragma once
// rollcall-hub's event loop: binds the taps ROUTER, the live PUB and the
// query ROUTER, receives in batches, commits each batch once (group commit),
// then acknowledges. Stops when `stop` becomes true (set from a signal
// handler), after finishing the batch in hand.
#include "hub/service/checkpointer.h"
#include "hub/service/hub_config.h"
#include "hub/service/live_state.h"
#include "protocol/codec.h"

#include <atomic>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <zmq.hpp>

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
    /// Records one batch and sends its acks; false (nothing acknowledged, `why`
    /// says what failed) if it could not be committed or the disk reserve is reached.
    bool tryRecord(std::vector<IncomingTap>& batch, std::string& why);
    /// Keeps taps for the next retry (each (reader, seq) once; beyond a cap the
    /// agents keep them: they are not acknowledged either way).
    void hold(std::vector<IncomingTap>&& taps);
    /// Retries the held taps once the backoff has passed.
    void retryHeld();
    void onWriteFailure(const std::string& why, std::size_t taps);
    void onWriteRecovered();
    /// "记录写入失败：磁盘已满（…）" when the record's disk has less free space than the reserve.
    [[nodiscard]] std::optional<std::string> diskReserveProblem() const;
    void drainQueries();
    void flushAcks();
    void sendTo(zmq::socket_t& socket, const std::string& peer, bool delimited, const std::string& body,
                bool queueIfBusy);
    void logStats();

    const HubConfig& config_;
    const common::Clock& clock_;
    zmq::context_t context_;
    common::Database db_;
    std::unique_ptr<Checkpointer> checkpointer_; // after db_: stops before the record closes
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
    // While the record cannot be written: the taps not yet recorded (and not
    // acknowledged), when to try again, and the alarm raised.
    std::vector<IncomingTap> held_;
    std::set<std::pair<std::string, std::uint64_t>> heldKeys_;
    common::TimePoint retryAt_{};
    std::chrono::milliseconds retryBackoff_{0};
    std::optional<std::string> writeAlarm_;
    std::uint64_t heldDropped_ = 0;
    std::string lastTickError_;
    common::TimePoint lastStats_{};
};

} // namespace rollcall::service
