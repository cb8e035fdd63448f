#include "hub/service/hub_server.h"

#include "hub/service/hub_log.h"
#include "hub/service/hub_status.h"
#include "hub/service/key_directory.h"
#include "hub/service/realtime_threads.h"
#include "hub/service/server_socket.h"
#include "protocol/zmq_endpoint.h"

#include <algorithm>
#include <spdlog/spdlog.h>
#include <zmq_addon.hpp>

#ifndef ROLLCALL_VERSION
#define ROLLCALL_VERSION "0.0.0"
#endif

namespace rollcall::service {
namespace {

using namespace std::chrono_literals;

// A ROUTER message: [peer][optional empty delimiter][body]. Anything else is malformed.
struct Envelope {
    std::string peer;
    bool delimited = false;
    std::string body;
    std::string userId; // the ZAP handler's "ROLE/READER/NAME"; empty when insecure
    bool wellFormed = false;
};

/// An output iterator for zmq::recv_multipart that keeps the first `cap` frames
/// and drops the rest: an oversized message is received whole but not kept.
class KeepFirstFrames {
public:
    KeepFirstFrames(std::vector<zmq::message_t>& kept, std::size_t cap) : kept_(&kept), cap_(cap) {}
    KeepFirstFrames& operator*() { return *this; }
    KeepFirstFrames& operator++() { return *this; }
    KeepFirstFrames operator++(int) { return *this; }
    KeepFirstFrames& operator=(zmq::message_t&& frame)
    {
        if (kept_->size() < cap_) kept_->push_back(std::move(frame));
        return *this;
    }

private:
    std::vector<zmq::message_t>* kept_;
    std::size_t cap_;
};

// More frames than any well-formed envelope has: enough to see it is malformed.
constexpr std::size_t kMaxFramesKept = 9;

std::optional<Envelope> receive(zmq::socket_t& socket)
{
    std::vector<zmq::message_t> parts;
    // ZeroMQ delivers a multipart message whole: once the first part is there, so is the rest.
    if (!zmq::recv_multipart(socket, KeepFirstFrames(parts, kMaxFramesKept), zmq::recv_flags::dontwait)) {
        return std::nullopt;
    }
    Envelope e;
    e.peer = parts.front().to_string();
    if (const char* user = zmq_msg_gets(parts.back().handle(), "User-Id")) e.userId = user;
    if (parts.size() == 2) {
        e.body = parts[1].to_string();
        e.wellFormed = true;
    } else if (parts.size() == 3 && parts[1].size() == 0) {
        e.delimited = true;
        e.body = parts[2].to_string();
        e.wellFormed = true;
    }
    return e;
}

AdminRunner orRefusal(AdminRunner runner)
{
    if (runner) return runner;
    return [](const AllowedKey&, const protocol::AdminRequest& request, const common::CancelToken&,
              const common::ProgressListener&) {
        protocol::AdminReply reply;
        reply.request_id = request.request_id;
        reply.exit_code = 5;
        reply.stderr_text = "rollcallctl: this hub runs no command over the wire\nnothing was changed\n";
        return reply;
    };
}

/// The priority the socket and I/O threads will run at: the setting's if this
/// process may, else 0 — a hub that cannot have it runs anyway, and says so.
int grantedRealtimePriority(int asked)
{
    if (asked == 0 || mayRunRealtime(asked)) return asked;
    hubLog()->warn("[scheduling] realtime_priority = {}: this process may not run real-time threads (it needs "
                   "CAP_SYS_NICE or an RLIMIT_RTPRIO of at least {}: LimitRTPRIO= in its unit); the socket and I/O "
                   "threads run at the normal policy",
                   asked, asked);
    return 0;
}

zmq::context_t hubContext(int realtimePriority)
{
    zmq::context_t context(1);
    if (realtimePriority > 0) makeIoThreadsRealtime(context, realtimePriority);
    return context;
}

} // namespace

HubServer::HubServer(const HubConfig& config, const common::Clock& clock, AdminRunner admin)
    : config_(config), clock_(clock), realtimePriority_(grantedRealtimePriority(config.realtimePriority)),
      context_(hubContext(realtimePriority_)),
      zap_((checkHubSecurity(config.security), std::make_unique<ZapHandler>(context_, config.security, clock))),
      writer_(std::make_unique<IngestWriter>(config, clock, context_)),
      admin_(std::make_unique<AdminWorker>(orRefusal(std::move(admin)))), taps_(context_, zmq::socket_type::router),
      query_(context_, zmq::socket_type::router), started_(clock.now())
{
    zap_->start();
    // Never lose an ack silently: a full pipe or a vanished peer is an error we handle.
    taps_.set(zmq::sockopt::router_mandatory, 1);
    taps_.set(zmq::sockopt::sndhwm, config.routerHighWaterMark);
    taps_.set(zmq::sockopt::rcvhwm, config.routerHighWaterMark);
    taps_.set(zmq::sockopt::linger, 0);
    prepareServerSocket(taps_, config.security, kTapsDomain);
    taps_.bind(config.tapsEndpoint);
    tapsEndpoint_ = protocol::boundEndpoint(taps_);
    query_.set(zmq::sockopt::router_mandatory, 1);
    query_.set(zmq::sockopt::linger, 0);
    prepareServerSocket(query_, config.security, kQueryDomain);
    query_.bind(config.queryEndpoint);
    queryEndpoint_ = protocol::boundEndpoint(query_);
}

HubServer::~HubServer()
{
    if (admin_) admin_->stop();
    if (writer_) writer_->stop();
    if (zap_) zap_->stop();
}

bool HubServer::mayActFor(const std::string& userId, const std::string& readerId, const std::string& what)
{
    if (config_.security.insecure) return true;
    const auto key = AllowedKey::fromUserId(userId);
    if (key && key->role == KeyRole::Reader && key->readerId == readerId) return true;
    rejections_.reject("reader_mismatch",
                       "taps: refused a " + what + " for reader " + readerId + " from key "
                           + (key ? key->name + " (" + toString(key->role) + " " + key->readerId + ")" : "?"),
                       clock_.now());
    return false;
}

std::map<std::string, std::uint64_t> HubServer::rejectionsByReason() const
{
    auto all = socketRejections();
    for (const auto& [reason, n] : writer_->stats().rejections) all[reason] += n;
    return all;
}

std::map<std::string, std::uint64_t> HubServer::socketRejections() const
{
    auto all = zap_->refusals();
    // Bad frames are counted by their decode error below; the rest by the socket thread's reason.
    for (const auto& [reason, n] : rejections_.counts()) {
        if (reason != "decode" && reason != "frames" && reason != "query_decode") all[reason] += n;
    }
    for (auto kind : {protocol::DecodeErrorKind::Oversized, protocol::DecodeErrorKind::Malformed,
                      protocol::DecodeErrorKind::UnsupportedVersion, protocol::DecodeErrorKind::UnknownType,
                      protocol::DecodeErrorKind::MissingField, protocol::DecodeErrorKind::BadField}) {
        if (const auto n = rejected_.count(kind)) all[std::string(protocol::toString(kind))] += n;
    }
    return all;
}

void HubServer::sendTo(zmq::socket_t& socket, const std::string& peer, bool delimited, const std::string& body,
                       bool queueIfBusy)
{
    try {
        if (!socket.send(zmq::buffer(peer), zmq::send_flags::sndmore | zmq::send_flags::dontwait)) {
            if (queueIfBusy) pendingAcks_.push_back({peer, body, clock_.now()});
            return;
        }
        if (delimited) socket.send(zmq::message_t(), zmq::send_flags::sndmore);
        socket.send(zmq::buffer(body), zmq::send_flags::none);
    } catch (const zmq::error_t& e) {
        if (e.num() == EHOSTUNREACH) {
            ++acksDropped_; // the peer went away; it re-sends its unacknowledged taps when it comes back
            return;
        }
        throw;
    }
}

void HubServer::flushAcks()
{
    const auto now = clock_.now();
    std::size_t n = pendingAcks_.size();
    while (n-- > 0) {
        auto p = std::move(pendingAcks_.front());
        pendingAcks_.pop_front();
        if (now - p.since > 10s) {
            ++acksDropped_;
            continue;
        }
        sendTo(taps_, p.peer, false, p.body, true);
    }
}

void HubServer::drainTaps()
{
    std::vector<IncomingTap> batch;
    std::int64_t nowMs = 0;
    while (batch.size() < config_.maxBatch) {
        auto envelope = receive(taps_);
        if (!envelope) break;
        if (!envelope->wellFormed) {
            rejected_.bump(protocol::DecodeErrorKind::Malformed);
            rejections_.reject("frames", "taps: rejected a message with an unexpected number of frames", clock_.now());
            continue;
        }
        auto decoded = protocol::decode<protocol::AgentToHub>(envelope->body);
        if (!decoded) {
            rejected_.bump(decoded.error());
            rejections_.reject("decode",
                               "taps: rejected " + std::string(protocol::toString(decoded.error().kind))
                                   + " message: " + decoded.error().detail,
                               clock_.now());
            sendTo(taps_, envelope->peer, envelope->delimited,
                   protocol::encode(protocol::toErrorMessage(decoded.error())), false);
            continue;
        }
        std::visit(
            [&](auto& message) {
                using T = std::decay_t<decltype(message)>;
                // A reader key speaks for its own reader only; the rest is refused and counted.
                constexpr const char* what = std::is_same_v<T, protocol::Tap>     ? "tap"
                                             : std::is_same_v<T, protocol::Hello> ? "hello"
                                                                                  : "heartbeat";
                if (!mayActFor(envelope->userId, message.reader_id, what)) {
                    sendTo(taps_, envelope->peer, envelope->delimited,
                           protocol::encode(protocol::HubMessage{
                               protocol::Error{"forbidden", "this key may not speak for reader " + message.reader_id}}),
                           false);
                    return;
                }
                if constexpr (std::is_same_v<T, protocol::Tap>) {
                    // A re-send of a committed tap is answered at once, without
                    // waiting behind the writer's next commit.
                    if (nowMs == 0) nowMs = common::toMillis(clock_.now());
                    if (auto ack = ackCache_.answer(message, nowMs)) {
                        ++answeredFromMemory_;
                        sendTo(taps_, envelope->peer, false, protocol::encode(protocol::HubMessage{std::move(*ack)}),
                               true);
                        return;
                    }
                    batch.push_back({envelope->peer, std::move(message)});
                } else if constexpr (std::is_same_v<T, protocol::Hello>) {
                    writer_->submitHello(envelope->peer, envelope->delimited, std::move(message));
                } else {
                    writer_->submitHeartbeat(std::move(message));
                }
            },
            decoded.value());
    }
    if (!batch.empty()) writer_->submitTaps(std::move(batch));
}

void HubServer::deliverOutputs()
{
    for (auto& o : writer_->takeOutputs()) {
        if (o.toQuery) {
            sendTo(query_, o.peer, o.delimited, o.encoded, false);
            continue;
        }
        sendTo(taps_, o.peer, o.delimited, protocol::encode(o.reply), o.isAck);
        if (o.cacheable) ackCache_.remember(std::get<protocol::Ack>(o.reply), o.badgeUid, o.agentAtMs);
    }
    writer_->rethrowFailure();
}

void HubServer::deliverAdminReplies()
{
    for (auto& o : admin_->takeOutputs()) sendTo(query_, o.peer, o.delimited, o.encoded, false);
}

void HubServer::drainQueries()
{
    while (auto envelope = receive(query_)) {
        if (!envelope->wellFormed) {
            rejected_.bump(protocol::DecodeErrorKind::Malformed);
            continue;
        }
        auto decoded = protocol::decode<protocol::QueryToHub>(envelope->body);
        if (!decoded) {
            rejected_.bump(decoded.error());
            rejections_.reject("query_decode",
                               "query: rejected " + std::string(protocol::toString(decoded.error().kind))
                                   + " message: " + decoded.error().detail,
                               clock_.now());
            sendTo(query_, envelope->peer, envelope->delimited,
                   protocol::encode(protocol::QueryReply{protocol::toErrorMessage(decoded.error())}), false);
            continue;
        }
        if (std::holds_alternative<protocol::StatusRequest>(decoded.value())) {
            answerStatus(envelope->peer, envelope->delimited, envelope->userId);
            continue;
        }
        if (auto* request = std::get_if<protocol::AdminRequest>(&decoded.value())) {
            // Who asks is who the ZAP handler authenticated; a hub without keys knows nobody.
            std::optional<AllowedKey> caller;
            if (!config_.security.insecure) caller = AllowedKey::fromUserId(envelope->userId);
            admin_->submit(envelope->peer, envelope->delimited, std::move(caller), std::move(*request));
            continue;
        }
        if (auto* cancel = std::get_if<protocol::AdminCancel>(&decoded.value())) {
            // Only the key that asked may cancel; the request's own reply answers (exit 7), this has none.
            std::optional<AllowedKey> caller;
            if (!config_.security.insecure) caller = AllowedKey::fromUserId(envelope->userId);
            admin_->cancel(caller, cancel->request_id);
            continue;
        }
        writer_->submitQuery(envelope->peer, envelope->delimited, std::move(decoded.value()));
    }
}

void HubServer::answerStatus(const std::string& peer, bool delimited, const std::string& userId)
{
    if (!mayAskForStatus(userId, config_.security.insecure)) {
        rejections_.reject("status_forbidden", "query: refused a status request from " + userId, clock_.now());
        sendTo(
            query_, peer, delimited,
            protocol::encode(protocol::QueryReply{protocol::Error{"forbidden", "this key may not ask for the status"}}),
            false);
        return;
    }
    // What this thread knows; the writer adds the readers, the record, ingest and the disk.
    protocol::Status status;
    status.hub_version = ROLLCALL_VERSION;
    status.started_ms = common::toMillis(started_);
    status.insecure = config_.security.insecure;
    status.live_subscribers = zap_->liveSubscribers();
    status.rejections = rejectionCounts(socketRejections()); // the writer adds its own
    writer_->submitStatus(peer, delimited, std::move(status));
}

void HubServer::logStats()
{
    const auto s = writer_->stats();
    const auto& c = s.counters;
    hubLog()->info(
        "taps recorded={} resent={} quarantined={} replayed={} seq_conflicts={} seq_jumps={} batches={} commits={} failed_batches={} "
        "rejected={} acks_dropped={} live_updates={} held={} checkpoints={} checkpoint_ms_max={} "
        "answered_from_memory={} live_subscribers={}",
        c.recorded, c.resent + answeredFromMemory_, c.quarantined, c.replayed, c.conflicts, c.seqJumps, c.batches,
        s.commits, s.failedBatches, rejected_.total(), acksDropped_, s.liveUpdates, s.held, s.checkpoints,
        s.checkpointMsMax, answeredFromMemory_, zap_->liveSubscribers());
    std::string reasons;
    for (const auto& [reason, n] : rejectionsByReason()) reasons += " " + reason + "=" + std::to_string(n);
    hubLog()->info("rejections{}", reasons.empty() ? " none" : reasons);
}

void HubServer::run(const std::atomic<bool>& stop)
{
    lastStats_ = clock_.now();
    writer_->start();
    // After every other thread of the hub has started: none of them inherits it.
    if (realtimePriority_ > 0) {
        if (makeCallingThreadRealtime(realtimePriority_)) {
            hubLog()->info("real-time: the socket thread and ZeroMQ's I/O thread run at SCHED_FIFO {}",
                           realtimePriority_);
        } else {
            hubLog()->warn("real-time: the socket thread could not have SCHED_FIFO {}; it runs at the normal policy",
                           realtimePriority_);
        }
    }
    while (!stop.load()) {
        const auto now = clock_.now();
        if (now - lastStats_ >= 60s) {
            logStats();
            lastStats_ = now;
        }
        zmq::pollitem_t items[] = {{taps_.handle(), 0, ZMQ_POLLIN, 0},
                                   {query_.handle(), 0, ZMQ_POLLIN, 0},
                                   {nullptr, writer_->notifyFd(), ZMQ_POLLIN, 0},
                                   {nullptr, admin_->notifyFd(), ZMQ_POLLIN, 0}};
        auto timeout = std::chrono::milliseconds(pendingAcks_.empty() ? 1000 : 5);
        try {
            zmq::poll(items, 4, timeout);
        } catch (const zmq::error_t& e) {
            if (e.num() == EINTR) continue; // a signal: the loop condition decides
            throw;
        }
        if (items[2].revents & ZMQ_POLLIN) deliverOutputs();
        if (items[3].revents & ZMQ_POLLIN) deliverAdminReplies();
        if (!pendingAcks_.empty()) flushAcks();
        if (items[0].revents & ZMQ_POLLIN) drainTaps();
        if (items[1].revents & ZMQ_POLLIN) drainQueries();
    }
    // The writer finishes what was queued; its acks still go out. A running admin command finishes too.
    admin_->stop();
    deliverAdminReplies();
    writer_->stop();
    deliverOutputs();
    logStats();
    hubLog()->info("stopped");
}

} // namespace rollcall::service
