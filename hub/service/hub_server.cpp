#include "hub/service/hub_server.h"

#include "common/fault_vfs.h"
#include "common/logging.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#include "protocol/zmq_endpoint.h"

#include <algorithm>
#include <filesystem>
#include <spdlog/spdlog.h>
#include <sys/statvfs.h>
#include <zmq_addon.hpp>

namespace rollcall::service {
namespace {

using namespace std::chrono_literals;

std::shared_ptr<spdlog::logger> log() { return common::namedLogger("hub"); }

// A ROUTER message: [peer][optional empty delimiter][body]. Anything else is malformed.
struct Envelope {
    std::string peer;
    bool delimited = false;
    std::string body;
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

constexpr std::size_t kMaxHeldTaps = 200'000;
constexpr std::chrono::milliseconds kRetryBackoffMin{100};
constexpr std::chrono::milliseconds kRetryBackoffMax{5000};

// The alarm text names the cause in words an operator acts on, then SQLite's own message.
std::string describeWriteFailure(const common::DatabaseError& e)
{
    std::string cause;
    switch (e.code() & 0xff) {
    case 13: cause = "磁盘已满"; break;     // SQLITE_FULL
    case 10: cause = "磁盘读写错误"; break; // SQLITE_IOERR
    case 5:
    case 6: cause = "记录被其他程序占用"; break; // SQLITE_BUSY, SQLITE_LOCKED
    case 8: cause = "记录只读"; break;           // SQLITE_READONLY
    case 14: cause = "无法打开记录文件"; break;  // SQLITE_CANTOPEN
    default: cause = "数据库错误"; break;
    }
    return "记录写入失败：" + cause + "（" + e.what() + "）";
}

} // namespace

HubServer::HubServer(const HubConfig& config, const common::Clock& clock)
    : config_(config), clock_(clock), context_(1), db_(config.dbPath), taps_(context_, zmq::socket_type::router),
      query_(context_, zmq::socket_type::router)
{
    core::migrate(db_);
    core::checkRecordIntegrity(db_); // refuses a record whose guards are gone or whose chain's tail is broken
    checkpointer_ = std::make_unique<Checkpointer>(db_);
    // Never lose an ack silently: a full pipe or a vanished peer is an error we handle.
    taps_.set(zmq::sockopt::router_mandatory, 1);
    taps_.set(zmq::sockopt::sndhwm, config.routerHighWaterMark);
    taps_.set(zmq::sockopt::rcvhwm, config.routerHighWaterMark);
    taps_.set(zmq::sockopt::linger, 0);
    taps_.bind(config.tapsEndpoint);
    tapsEndpoint_ = protocol::boundEndpoint(taps_);
    query_.set(zmq::sockopt::router_mandatory, 1);
    query_.set(zmq::sockopt::linger, 0);
    query_.bind(config.queryEndpoint);
    queryEndpoint_ = protocol::boundEndpoint(query_);
    publisher_ = std::make_unique<LivePublisher>(context_, config.liveEndpoint, clock_.now());
    state_ = std::make_unique<LiveState>(db_, config_, *publisher_);
    state_->reload(clock_.now());
}

HubServer::~HubServer() = default;

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
    const auto now = clock_.now();
    while (batch.size() < config_.maxBatch) {
        auto envelope = receive(taps_);
        if (!envelope) break;
        if (!envelope->wellFormed) {
            rejected_.bump(protocol::DecodeErrorKind::Malformed);
            log()->warn("taps: rejected a message with an unexpected number of frames");
            continue;
        }
        auto decoded = protocol::decode<protocol::AgentToHub>(envelope->body);
        if (!decoded) {
            rejected_.bump(decoded.error());
            log()->warn("taps: rejected {} message: {}", protocol::toString(decoded.error().kind),
                        decoded.error().detail);
            sendTo(taps_, envelope->peer, envelope->delimited,
                   protocol::encode(protocol::toErrorMessage(decoded.error())), false);
            continue;
        }
        std::visit(
            [&](auto& message) {
                using T = std::decay_t<decltype(message)>;
                if constexpr (std::is_same_v<T, protocol::Tap>) {
                    batch.push_back({envelope->peer, std::move(message)});
                } else if constexpr (std::is_same_v<T, protocol::Hello>) {
                    sendTo(taps_, envelope->peer, envelope->delimited, protocol::encode(state_->hello(message, now)),
                           false);
                } else {
                    state_->heartbeat(message, now);
                }
            },
            decoded.value());
    }
    if (batch.empty()) return;
    if (!held_.empty()) {
        hold(std::move(batch)); // in order behind the taps already waiting; retryHeld() records them
        return;
    }
    std::string why;
    if (!tryRecord(batch, why)) {
        const auto n = batch.size();
        hold(std::move(batch));
        onWriteFailure(why, n);
    }
}

bool HubServer::tryRecord(std::vector<IncomingTap>& batch, std::string& why)
{
    if (auto problem = diskReserveProblem()) {
        why = *problem;
        return false;
    }
    try {
        const auto acks = state_->ingest(batch, clock_.now());
        for (const auto& a : acks) sendTo(taps_, a.peer, false, protocol::encode(a.reply), true);
        state_->publishPending(); // acks first: the attendee waits for one, a dashboard does not
        return true;
    } catch (const common::DatabaseError& e) {
        // Nothing of this batch was committed or acknowledged: the agents keep
        // the taps in their outboxes, and the hub keeps them to try again.
        // A busy database (a long rollcallctl import) must not stop the hub either.
        ++failedBatches_;
        why = describeWriteFailure(e);
        return false;
    }
}

void HubServer::hold(std::vector<IncomingTap>&& taps)
{
    for (auto& t : taps) {
        if (held_.size() >= kMaxHeldTaps) {
            ++heldDropped_;
            continue;
        }
        if (heldKeys_.emplace(t.tap.reader_id, t.tap.seq).second) held_.push_back(std::move(t));
    }
}

void HubServer::retryHeld()
{
    if (held_.empty() || clock_.now() < retryAt_) return;
    auto pending = std::move(held_);
    held_.clear();
    heldKeys_.clear();
    for (std::size_t from = 0; from < pending.size(); from += config_.maxBatch) {
        const auto to = std::min(pending.size(), from + config_.maxBatch);
        std::vector<IncomingTap> chunk(std::make_move_iterator(pending.begin() + static_cast<std::ptrdiff_t>(from)),
                                       std::make_move_iterator(pending.begin() + static_cast<std::ptrdiff_t>(to)));
        std::string why;
        if (!tryRecord(chunk, why)) {
            hold(std::move(chunk));
            std::vector<IncomingTap> rest(std::make_move_iterator(pending.begin() + static_cast<std::ptrdiff_t>(to)),
                                          std::make_move_iterator(pending.end()));
            hold(std::move(rest));
            onWriteFailure(why, held_.size());
            return;
        }
    }
    onWriteRecovered();
}

void HubServer::onWriteFailure(const std::string& why, std::size_t taps)
{
    retryBackoff_ = std::clamp(retryBackoff_ * 2, kRetryBackoffMin, kRetryBackoffMax);
    retryAt_ = clock_.now() + retryBackoff_;
    log()->error("{}; {} tap(s) not acknowledged (the readers keep them), retry in {} ms", why, taps,
                 retryBackoff_.count());
    // Published again at every failed retry: the hub stream has no snapshot, so
    // a dashboard that joins during the outage learns of it within one backoff.
    writeAlarm_ = why;
    state_->publishHubAlarm(why, true);
}

void HubServer::onWriteRecovered()
{
    retryBackoff_ = std::chrono::milliseconds(0);
    if (!writeAlarm_) return;
    log()->warn("记录写入已恢复 (the record is written again after: {})", *writeAlarm_);
    writeAlarm_.reset();
    state_->publishHubAlarm("记录写入已恢复", false);
}

std::optional<std::string> HubServer::diskReserveProblem() const
{
    if (config_.diskReserveBytes == 0) return std::nullopt;
    std::uint64_t free = 0;
    if (const auto injected = common::faultFreeBytes()) {
        free = *injected;
    } else {
        auto dir = std::filesystem::path(config_.dbPath).parent_path();
        if (dir.empty()) dir = ".";
        struct statvfs fs {};
        if (::statvfs(dir.c_str(), &fs) != 0) return std::nullopt; // cannot tell: let SQLite find out
        free = static_cast<std::uint64_t>(fs.f_bavail) * fs.f_frsize;
    }
    if (free >= config_.diskReserveBytes) return std::nullopt;
    return "记录写入失败：磁盘已满（" + std::filesystem::path(config_.dbPath).parent_path().string() + " 剩余 "
           + std::to_string(free >> 20) + " MB，低于保留的 " + std::to_string(config_.diskReserveBytes >> 20) + " MB）";
}

void HubServer::drainQueries()
{
    while (auto envelope = receive(query_)) {
        if (!envelope->wellFormed) {
            rejected_.bump(protocol::DecodeErrorKind::Malformed);
            continue;
        }
        auto decoded = protocol::decode<protocol::QueryToHub>(envelope->body);
        protocol::QueryReply reply;
        if (!decoded) {
            rejected_.bump(decoded.error());
            log()->warn("query: rejected {} message: {}", protocol::toString(decoded.error().kind),
                        decoded.error().detail);
            reply = protocol::toErrorMessage(decoded.error());
        } else {
            const auto now = clock_.now();
            try {
                reply = std::visit(
                    [&](const auto& request) -> protocol::QueryReply {
                        using T = std::decay_t<decltype(request)>;
                        if constexpr (std::is_same_v<T, protocol::SnapshotRequest>) {
                            return state_->snapshot(request.meeting_id, now);
                        } else {
                            return state_->meetingList(request.day, now);
                        }
                    },
                    decoded.value());
            } catch (const common::InputError& e) {
                reply = protocol::Error{"bad_field", e.what()};
            }
        }
        sendTo(query_, envelope->peer, envelope->delimited, protocol::encode(reply), false);
    }
}

void HubServer::logStats()
{
    const auto& c = state_->counters();
    log()->info("taps recorded={} resent={} quarantined={} replayed={} seq_conflicts={} batches={} failed_batches={} "
                "rejected={} acks_dropped={} live_updates={} held={} checkpoints={}",
                c.recorded, c.resent, c.quarantined, c.replayed, c.conflicts, c.batches, failedBatches_,
                rejected_.total(), acksDropped_, publisher_->published(), held_.size(), checkpointer_->checkpoints());
}

void HubServer::run(const std::atomic<bool>& stop)
{
    auto nextTick = clock_.now();
    lastStats_ = clock_.now();
    while (!stop.load()) {
        const auto now = clock_.now();
        if (now >= nextTick) {
            try {
                state_->tick(now);
                lastTickError_.clear();
            } catch (const common::DatabaseError& e) {
                // Logged once per cause: a full disk fails every tick until space returns.
                if (lastTickError_ != e.what()) log()->error("tick: {} (will retry)", e.what());
                lastTickError_ = e.what();
            }
            nextTick = now + config_.tick;
            if (now - lastStats_ >= 60s) {
                logStats();
                lastStats_ = now;
            }
        }
        zmq::pollitem_t items[] = {{taps_.handle(), 0, ZMQ_POLLIN, 0}, {query_.handle(), 0, ZMQ_POLLIN, 0}};
        auto timeout = std::chrono::duration_cast<std::chrono::milliseconds>(nextTick - clock_.now());
        if (!pendingAcks_.empty()) timeout = std::min(timeout, std::chrono::milliseconds(5));
        if (!held_.empty()) {
            timeout = std::min(timeout, std::chrono::duration_cast<std::chrono::milliseconds>(retryAt_ - clock_.now()));
        }
        try {
            zmq::poll(items, 2, std::max(timeout, std::chrono::milliseconds(0)));
        } catch (const zmq::error_t& e) {
            if (e.num() == EINTR) continue; // a signal: the loop condition decides
            throw;
        }
        if (!pendingAcks_.empty()) flushAcks();
        retryHeld();
        if (items[0].revents & ZMQ_POLLIN) drainTaps();
        if (items[1].revents & ZMQ_POLLIN) drainQueries();
    }
    logStats();
    log()->info("stopped");
}

} // namespace rollcall::service
