#include "dashboard/src/hub_connection.h"

#include "protocol/base64.h"
#include "protocol/topics.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <cstring>
#include <iterator>
#include <zmq.hpp>
#include <zmq_addon.hpp>

Q_LOGGING_CATEGORY(lcHub, "rollcall.dashboard.hub", QtInfoMsg)

namespace rollcall::dashboard {

namespace {
std::string toStd(const QString& s) { return s.toStdString(); }
} // namespace

HubConnection::HubConnection(const QString& liveEndpoint, const QString& queryEndpoint, QObject* parent)
    : HubConnection(liveEndpoint, queryEndpoint, Timing{}, parent)
{}

HubConnection::HubConnection(const QString& liveEndpoint, const QString& queryEndpoint, Timing timing, QObject* parent)
    : HubConnection(liveEndpoint, queryEndpoint, timing, Keys{}, parent)
{}

HubConnection::HubConnection(const QString& liveEndpoint, const QString& queryEndpoint, Timing timing, Keys keys,
                             QObject* parent)
    : QObject(parent), liveEndpoint_(toStd(liveEndpoint)), queryEndpoint_(toStd(queryEndpoint)), timing_(timing),
      keys_(std::move(keys)), context_(std::make_unique<zmq::context_t>(1))
{
    queryTimer_.setSingleShot(true);
    queryTimer_.setInterval(timing_.queryTimeoutMs);
    connect(&queryTimer_, &QTimer::timeout, this, &HubConnection::onQueryTimeout);
    retryTimer_.setSingleShot(true);
    retryTimer_.setInterval(timing_.retryMs);
    connect(&retryTimer_, &QTimer::timeout, this, &HubConnection::sendNext);
    silenceTimer_.setSingleShot(true);
    silenceTimer_.setInterval(timing_.silenceMs);
    connect(&silenceTimer_, &QTimer::timeout, this, &HubConnection::onSilence);

    createLiveSocket();
    createQuerySocket();
    silenceTimer_.start();
}

HubConnection::~HubConnection()
{
    // Notifiers go before their sockets, sockets before the context.
    liveMonitorNotifier_.reset();
    liveNotifier_.reset();
    queryNotifier_.reset();
    liveMonitor_.reset();
    live_.reset();
    query_.reset();
}

void HubConnection::createLiveSocket()
{
    liveMonitorNotifier_.reset();
    liveNotifier_.reset();
    liveMonitor_.reset();
    live_ = std::make_unique<zmq::socket_t>(*context_, zmq::socket_type::sub);
    live_->set(zmq::sockopt::linger, 0);
    live_->set(zmq::sockopt::rcvhwm, 100'000);
    live_->set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(protocol::kMaxFrameBytes));
    live_->set(zmq::sockopt::heartbeat_ivl, 2000);
    live_->set(zmq::sockopt::heartbeat_timeout, 6000);
    live_->set(zmq::sockopt::reconnect_ivl_max, 2000);
    // The hub-wide stream carries reader health and alarms for every reader.
    live_->set(zmq::sockopt::subscribe, std::string(protocol::kHubTopic));
    if (!meetingTopic_.empty()) live_->set(zmq::sockopt::subscribe, meetingTopic_);
    if (keys_.clientKey) {
        protocol::makeCurveClient(*live_, *keys_.clientKey, keys_.serverPublicKey);
        monitorLiveSocket(); // before connect: the first handshake is watched too
    }
    live_->connect(liveEndpoint_);
    liveNotifier_ = std::make_unique<QSocketNotifier>(live_->get(zmq::sockopt::fd), QSocketNotifier::Read);
    connect(liveNotifier_.get(), &QSocketNotifier::activated, this, &HubConnection::drainLive);
    QTimer::singleShot(0, this, &HubConnection::drainLive);
}

void HubConnection::monitorLiveSocket()
{
    // A fresh inproc name per live socket: the old socket's monitor may not have let go of its name yet.
    const auto endpoint = "inproc://rollcall.dashboard.live-monitor." + std::to_string(++liveGeneration_);
    const int events =
        ZMQ_EVENT_HANDSHAKE_FAILED_AUTH | ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_SUCCEEDED;
    if (zmq_socket_monitor(live_->handle(), endpoint.c_str(), events) != 0) {
        qCWarning(lcHub) << "cannot watch the live socket's handshakes:" << zmq_strerror(zmq_errno());
        return;
    }
    liveMonitor_ = std::make_unique<zmq::socket_t>(*context_, zmq::socket_type::pair);
    liveMonitor_->set(zmq::sockopt::linger, 0);
    liveMonitor_->connect(endpoint);
    liveMonitorNotifier_ =
        std::make_unique<QSocketNotifier>(liveMonitor_->get(zmq::sockopt::fd), QSocketNotifier::Read);
    connect(liveMonitorNotifier_.get(), &QSocketNotifier::activated, this, &HubConnection::drainLiveMonitor);
}

void HubConnection::drainLiveMonitor()
{
    if (!liveMonitor_) return;
    try {
        while (liveMonitor_->get(zmq::sockopt::events) & ZMQ_POLLIN) {
            // [event id (16 bits) + value (32 bits)][the peer's endpoint]
            std::vector<zmq::message_t> frames;
            if (!zmq::recv_multipart(*liveMonitor_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
            if (frames.empty() || frames[0].size() < sizeof(std::uint16_t)) continue;
            std::uint16_t event = 0;
            std::memcpy(&event, frames[0].data(), sizeof event);
            if (event == ZMQ_EVENT_HANDSHAKE_SUCCEEDED) {
                liveRefused_ = false;
            } else if (!liveRefused_) {
                liveRefused_ = true;
                qCWarning(lcHub) << "the hub refused the live feed's handshake (key not allowed yet, or too many "
                                    "boards); it is reopened once the hub answers a query";
            }
        }
    } catch (const zmq::error_t& e) {
        qCWarning(lcHub) << "live monitor:" << e.what();
    }
}

void HubConnection::reopenLiveSocket()
{
    liveRefused_ = false;
    ++liveReopens_;
    qCInfo(lcHub) << "the hub answers again: reopening the live socket";
    hubSeq_.reset();
    createLiveSocket();
    resync(); // updates published while the feed was closed are in the snapshot only
}

void HubConnection::createQuerySocket()
{
    queryNotifier_.reset();
    query_ = std::make_unique<zmq::socket_t>(*context_, zmq::socket_type::dealer);
    query_->set(zmq::sockopt::linger, 0);
    query_->set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(protocol::kMaxSnapshotFrameBytes));
    query_->set(zmq::sockopt::heartbeat_ivl, 2000);
    query_->set(zmq::sockopt::heartbeat_timeout, 6000);
    query_->set(zmq::sockopt::reconnect_ivl_max, 2000);
    if (keys_.clientKey) protocol::makeCurveClient(*query_, *keys_.clientKey, keys_.serverPublicKey);
    query_->connect(queryEndpoint_);
    queryNotifier_ = std::make_unique<QSocketNotifier>(query_->get(zmq::sockopt::fd), QSocketNotifier::Read);
    connect(queryNotifier_.get(), &QSocketNotifier::activated, this, &HubConnection::drainQuery);
}

void HubConnection::setMeeting(const QString& meetingId)
{
    const auto id = toStd(meetingId);
    if (id == meetingId_) return;
    if (!meetingTopic_.empty()) live_->set(zmq::sockopt::unsubscribe, meetingTopic_);
    meetingId_ = id;
    meetingTopic_ = id.empty() ? std::string() : protocol::meetingTopic(id);
    sequencer_.reset();
    // Drop queued snapshots of the previous meeting.
    std::erase_if(queue_, [](const Request& r) { return r.kind == Request::Kind::Snapshot; });
    if (!meetingTopic_.empty()) {
        // Subscribe first, then ask for the snapshot (Clone pattern step 3).
        live_->set(zmq::sockopt::subscribe, meetingTopic_);
        enqueue({Request::Kind::Snapshot, meetingId_, std::nullopt});
    }
    updateStatus();
    QTimer::singleShot(0, this, &HubConnection::drainLive);
}

void HubConnection::requestMeetingList(const QString& day)
{
    Request r{Request::Kind::MeetingList, {}, std::nullopt};
    if (!day.isEmpty()) r.day = toStd(day);
    enqueue(std::move(r));
}

void HubConnection::requestPhoto(const QString& personId)
{
    enqueue({Request::Kind::Photo, toStd(personId), std::nullopt});
}

void HubConnection::resync()
{
    if (meetingId_.empty()) return;
    sequencer_.reset();
    enqueue({Request::Kind::Snapshot, meetingId_, std::nullopt});
    updateStatus();
}

void HubConnection::enqueue(Request request)
{
    auto same = [&](const Request& r) {
        return r.kind == request.kind && r.meetingId == request.meetingId && r.day == request.day;
    };
    if ((inFlight_ && same(*inFlight_)) || std::any_of(queue_.begin(), queue_.end(), same)) return;
    queue_.push_back(std::move(request));
    sendNext();
}

void HubConnection::sendNext()
{
    if (inFlight_ || queue_.empty() || retryTimer_.isActive()) return;
    Request r = std::move(queue_.front());
    queue_.pop_front();
    std::string body;
    if (r.kind == Request::Kind::Snapshot)
        body = protocol::encode(protocol::SnapshotRequest{r.meetingId});
    else if (r.kind == Request::Kind::Photo)
        body = protocol::encode(protocol::PhotoRequest{r.meetingId});
    else
        body = protocol::encode(protocol::MeetingListRequest{r.day});
    inFlight_ = std::move(r);
    queryTimer_.start();
    // DEALER talking to a ROUTER: the empty delimiter frame, then the body.
    const bool sent = query_->send(zmq::message_t(), zmq::send_flags::sndmore | zmq::send_flags::dontwait).has_value()
                      && query_->send(zmq::buffer(body), zmq::send_flags::dontwait).has_value();
    if (!sent) qCWarning(lcHub) << "query send would block; waiting for the timeout";
    qCDebug(lcHub) << "sent"
                   << (inFlight_->kind == Request::Kind::Snapshot
                           ? "snapshot_request"
                           : (inFlight_->kind == Request::Kind::Photo ? "photo_request" : "meeting_list_request"));
    // ZMQ_FD is edge-triggered: a send can make the socket readable without a signal.
    drainQuery();
}

void HubConnection::drainQuery()
{
    if (drainingQuery_ || !query_) return;
    drainingQuery_ = true;
    try {
        zmq::socket_t* socket = query_.get();
        while (socket == query_.get() && (query_->get(zmq::sockopt::events) & ZMQ_POLLIN)) {
            std::vector<zmq::message_t> frames;
            if (!zmq::recv_multipart(*query_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
            if (frames.size() != 2 || frames[0].size() != 0) {
                reject({protocol::DecodeErrorKind::Malformed,
                        "query reply: expected [empty][body], got " + std::to_string(frames.size()) + " frames"},
                       "query");
                continue;
            }
            handleReply(frames[1].to_string());
        }
    } catch (const zmq::error_t& e) {
        qCWarning(lcHub) << "query socket:" << e.what();
    }
    drainingQuery_ = false;
}

void HubConnection::drainLive()
{
    if (drainingLive_ || !live_) return;
    drainingLive_ = true;
    try {
        while (live_->get(zmq::sockopt::events) & ZMQ_POLLIN) {
            std::vector<zmq::message_t> frames;
            if (!zmq::recv_multipart(*live_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
            if (frames.size() != 2) {
                reject({protocol::DecodeErrorKind::Malformed,
                        "live: expected [topic][body], got " + std::to_string(frames.size()) + " frames"},
                       "live");
                continue;
            }
            handleLive(frames[0].to_string(), frames[1].to_string());
        }
    } catch (const zmq::error_t& e) {
        qCWarning(lcHub) << "live socket:" << e.what();
    }
    drainingLive_ = false;
}

void HubConnection::handleLive(const std::string& topic, const std::string& body)
{
    const bool hubStream = topic == protocol::kHubTopic;
    // Exact comparison: the prefix subscription "meeting/1" also delivers "meeting/12".
    const bool ourMeeting = !meetingTopic_.empty() && topic == meetingTopic_;
    if (!hubStream && !ourMeeting) return;
    silenceTimer_.start();
    auto decoded = protocol::decode<protocol::LiveFeed>(body);
    if (!decoded.ok()) {
        reject(decoded.error(), "live");
        return;
    }
    protocol::Update update = std::move(decoded).value();
    if (hubStream) {
        if (!update.meeting_id.empty()) {
            reject({protocol::DecodeErrorKind::BadField, "meeting_id: non-empty on the hub topic"}, "live");
            return;
        }
        const bool gap = hubSeq_ && update.seq != *hubSeq_ + 1;
        hubSeq_ = update.seq;
        if (gap) {
            // The hub stream has no snapshot: refresh what it feeds.
            qCInfo(lcHub) << "gap in the hub stream; refreshing";
            ++resyncCount_;
            emit countersChanged();
            requestMeetingList();
            resync();
        }
        emit hubUpdateReceived(update);
        return;
    }
    if (update.meeting_id != meetingId_) {
        reject({protocol::DecodeErrorKind::BadField, "meeting_id: does not match topic " + topic}, "live");
        return;
    }
    switch (sequencer_.offer(update)) {
    case UpdateSequencer::Decision::Apply:
        emit updateReceived(update);
        if (std::holds_alternative<protocol::MeetingInfo>(update.payload)) {
            // The meeting's definition or roster changed (protocol.md §10.6).
            qCInfo(lcHub) << "meeting changed; re-snapshot";
            resync();
        }
        break;
    case UpdateSequencer::Decision::Buffered: break;
    case UpdateSequencer::Decision::Gap:
        qCInfo(lcHub) << "gap in meeting stream at seq" << update.seq << "; re-snapshot";
        ++resyncCount_;
        emit countersChanged();
        enqueue({Request::Kind::Snapshot, meetingId_, std::nullopt});
        updateStatus();
        break;
    }
}

void HubConnection::handleReply(const std::string& body)
{
    qCDebug(lcHub) << "reply of" << body.size() << "bytes";
    queryTimer_.stop();
    const auto request = std::move(inFlight_);
    inFlight_.reset();
    auto decoded = protocol::decode<protocol::HubToQuery>(body);
    const bool wasLost = !answered_;
    answered_ = true;
    silenceTimer_.start();
    // The hub talks to this key on the query socket, so it will on the live socket too.
    drainLiveMonitor(); // ZMQ_FD signals edges only: read what the monitor holds
    if (liveRefused_) QTimer::singleShot(0, this, &HubConnection::reopenLiveSocket);
    if (!decoded.ok()) {
        reject(decoded.error(), "query");
    } else {
        auto& reply = decoded.value();
        if (auto* snap = std::get_if<protocol::Snapshot>(&reply)) {
            if (snap->meeting.id == meetingId_) handleSnapshot(std::move(*snap));
        } else if (auto* list = std::get_if<protocol::MeetingList>(&reply)) {
            emit meetingListReceived(*list);
            if (wasLost && !meetingId_.empty()) resync(); // we may have missed updates while the hub was away
        } else if (auto* photo = std::get_if<protocol::Photo>(&reply)) {
            if (auto bytes = protocol::fromBase64(photo->data))
                emit photoReceived(QString::fromStdString(photo->person_id), QString::fromStdString(photo->mime),
                                   QByteArray::fromStdString(*bytes));
        } else if (auto* err = std::get_if<protocol::Error>(&reply);
                   err && err->code == "no_photo" && request && request->kind == Request::Kind::Photo) {
            emit photoMissing(QString::fromStdString(request->meetingId)); // a person without a photo: no error
        } else if (auto* err = std::get_if<protocol::Error>(&reply)) {
            lastError_ = QString::fromStdString(err->code + ": " + err->message);
            qCWarning(lcHub) << "hub answered with an error:" << lastError_;
            emit queryError(QString::fromStdString(err->code), QString::fromStdString(err->message));
        }
    }
    updateStatus();
    sendNext();
}

void HubConnection::handleSnapshot(protocol::Snapshot snapshot)
{
    lastError_.clear();
    auto outcome = sequencer_.acceptSnapshot(snapshot.seq);
    emit snapshotReceived(snapshot);
    bool meetingChanged = false;
    for (const auto& u : outcome.updates) {
        emit updateReceived(u);
        meetingChanged = meetingChanged || std::holds_alternative<protocol::MeetingInfo>(u.payload);
    }
    if (meetingChanged) {
        resync();
        return;
    }
    if (outcome.gap) {
        qCInfo(lcHub) << "buffered updates do not continue snapshot" << snapshot.seq << "; re-snapshot";
        ++resyncCount_;
        emit countersChanged();
        enqueue({Request::Kind::Snapshot, meetingId_, std::nullopt});
    }
}

void HubConnection::onQueryTimeout()
{
    qCWarning(lcHub) << "no answer from the hub at" << QString::fromStdString(queryEndpoint_) << "within"
                     << timing_.queryTimeoutMs << "ms; reconnecting";
    answered_ = false;
    // A fresh socket drops the unanswered request and any late reply to it.
    if (inFlight_) queue_.push_front(std::move(*inFlight_));
    inFlight_.reset();
    createQuerySocket();
    setStatus(Status::Lost);
    retryTimer_.start();
}

void HubConnection::onSilence()
{
    // Nothing heard for a while: ask the hub something small to prove it is there.
    if (!inFlight_ && queue_.empty()) requestMeetingList();
    silenceTimer_.start();
}

void HubConnection::updateStatus()
{
    if (!answered_) {
        setStatus(status_ == Status::Lost ? Status::Lost : Status::Connecting);
        return;
    }
    if (meetingId_.empty())
        setStatus(Status::Connected);
    else
        setStatus(sequencer_.live() ? Status::Live : Status::Syncing);
}

void HubConnection::setStatus(Status status)
{
    if (status == status_) return;
    status_ = status;
    qCInfo(lcHub) << "status" << status;
    emit statusChanged();
}

QString HubConnection::statusText() const
{
    switch (status_) {
    case Status::Connecting: return tr("Connecting to the hub…");
    case Status::Connected: return tr("Connected");
    case Status::Syncing: return tr("Loading the meeting…");
    case Status::Live: return tr("Live");
    case Status::Lost: return tr("Connection lost — reconnecting…");
    }
    return {};
}

void HubConnection::reject(const protocol::DecodeError& error, const char* where)
{
    rejects_.bump(error);
    qCWarning(lcHub) << "rejected" << where << "frame:" << QString::fromStdString(error.detail);
    emit countersChanged();
}

} // namespace rollcall::dashboard
