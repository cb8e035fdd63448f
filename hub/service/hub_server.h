#pragma once
// rollcall-hub's socket thread: binds the taps ROUTER and the query ROUTER,
// decodes what arrives, answers taps already recorded from memory (AckCache)
// and queues the rest for the writer thread (IngestWriter), which commits
// them in groups and hands the acks back; this thread sends them. Stops when
// `stop` becomes true (set from a signal handler), after the writer has
// finished what was queued (committed and acknowledged, or not acknowledged).
#include "hub/service/ack_cache.h"
#include "hub/service/admin_worker.h"
#include "hub/service/hub_config.h"
#include "hub/service/ingest_writer.h"
#include "hub/service/rejection_log.h"
#include "hub/service/zap_handler.h"
#include "protocol/codec.h"

#include <atomic>
#include <deque>
#include <memory>
#include <zmq.hpp>

namespace rollcall::service {

class HubServer {
public:
    /// `admin` runs the admin requests of organizer and office keys (rollcall-hub
    /// passes the rollcallctl commands); without it the hub refuses them.
    HubServer(const HubConfig& config, const common::Clock& clock, AdminRunner admin = {});
    ~HubServer();

    /// Endpoints actually bound (ports resolved when the config said "*").
    [[nodiscard]] const std::string& tapsEndpoint() const noexcept { return tapsEndpoint_; }
    [[nodiscard]] const std::string& liveEndpoint() const noexcept { return writer_->liveEndpoint(); }
    [[nodiscard]] const std::string& queryEndpoint() const noexcept { return queryEndpoint_; }

    /// Runs until `stop` is set. Throws db::DatabaseError if the record cannot be written.
    void run(const std::atomic<bool>& stop);

    [[nodiscard]] const protocol::DecodeErrorCounters& rejected() const noexcept { return rejected_; }
    /// Every rejection by reason: refused connections (the ZAP handler's),
    /// messages refused on the socket thread, and wire decode errors.
    [[nodiscard]] std::map<std::string, std::uint64_t> rejectionsByReason() const;
    /// Those counted on this thread and by the ZAP handler (not the writer's).
    [[nodiscard]] std::map<std::string, std::uint64_t> socketRejections() const;

private:
    void drainTaps();
    void drainQueries();
    /// Answers a status_request (through the writer, which adds its part), or refuses it.
    void answerStatus(const std::string& peer, bool delimited, const std::string& userId);
    /// Sends what the writer handed back; remembers committed taps' acks.
    void deliverOutputs();
    void deliverAdminReplies();
    void flushAcks();
    void sendTo(zmq::socket_t& socket, const std::string& peer, bool delimited, const std::string& body,
                bool queueIfBusy);
    void logStats();
    /// For a secure hub: may the connection that sent this message speak for `readerId`?
    [[nodiscard]] bool mayActFor(const std::string& userId, const std::string& readerId, const std::string& what);

    const HubConfig& config_;
    const common::Clock& clock_;
    int realtimePriority_; // the setting's, if this process may run real-time threads; else 0
    zmq::context_t context_;
    std::unique_ptr<ZapHandler> zap_;      // first: bound before any socket can take a connection
    std::unique_ptr<IngestWriter> writer_; // owns the record; before the sockets: its PUB socket is in context_
    std::unique_ptr<AdminWorker> admin_;   // admin requests, on a thread and record connection of their own
    zmq::socket_t taps_;
    zmq::socket_t query_;
    std::string tapsEndpoint_;
    std::string queryEndpoint_;
    protocol::DecodeErrorCounters rejected_;
    RejectionLog rejections_{""}; // its lines say "taps: …" or "query: …"
    AckCache ackCache_;
    struct PendingSend {
        std::string peer;
        std::string body;
        common::TimePoint since;
    };
    std::deque<PendingSend> pendingAcks_; // acks a full pipe refused; retried, then dropped (the agent re-sends)
    std::uint64_t acksDropped_ = 0;
    std::uint64_t answeredFromMemory_ = 0;
    common::TimePoint lastStats_{};
    common::TimePoint started_;
};

} // namespace rollcall::service
