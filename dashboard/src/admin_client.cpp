#include "dashboard/src/admin_client.h"

#include "protocol/codec.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <random>
#include <zmq.hpp>
#include <zmq_addon.hpp>

Q_LOGGING_CATEGORY(lcAdmin, "rollcall.admin")

namespace rollcall::dashboard {

AdminClient::AdminClient(const QString& queryEndpoint, HubConnection::Keys keys, QObject* parent)
    : QObject(parent), context_(std::make_unique<zmq::context_t>(1))
{
    socket_ = std::make_unique<zmq::socket_t>(*context_, zmq::socket_type::dealer);
    socket_->set(zmq::sockopt::linger, 0);
    socket_->set(zmq::sockopt::maxmsgsize, static_cast<std::int64_t>(protocol::kMaxSnapshotFrameBytes));
    socket_->set(zmq::sockopt::reconnect_ivl_max, 2000);
    if (keys.clientKey) protocol::makeCurveClient(*socket_, *keys.clientKey, keys.serverPublicKey);
    socket_->connect(queryEndpoint.toStdString());
    notifier_ = std::make_unique<QSocketNotifier>(socket_->get(zmq::sockopt::fd), QSocketNotifier::Read);
    connect(notifier_.get(), &QSocketNotifier::activated, this, &AdminClient::drain);
    // Request ids differ between runs of the board, so a late reply to an earlier run is never taken for ours.
    next_ = std::random_device{}();
}

AdminClient::~AdminClient()
{
    notifier_.reset();
    socket_.reset();
}

QString AdminClient::run(const QStringList& argv, std::vector<protocol::AdminFile> files)
{
    protocol::AdminRequest request;
    request.request_id = "desk-" + std::to_string(++next_);
    for (const auto& a : argv) request.argv.push_back(a.toStdString());
    request.files = std::move(files);
    request.progress = true;
    const auto body = protocol::encode(protocol::QueryRequest{request});
    const auto id = request.request_id;
    // [empty][body], as a REQ would send it: the hub answers in the same shape.
    const bool sent = socket_->send(zmq::message_t(), zmq::send_flags::sndmore | zmq::send_flags::dontwait).has_value()
                      && socket_->send(zmq::buffer(body), zmq::send_flags::dontwait).has_value();
    auto timer = std::make_unique<QTimer>();
    timer->setSingleShot(true);
    connect(timer.get(), &QTimer::timeout, this, [this, id] {
        forget(id);
        emit failed(QString::fromStdString(id), tr("The hub did not answer"));
    });
    timer->start(timeoutMs_);
    timers_[id] = std::move(timer);
    emit pendingChanged();
    if (!sent) {
        // Not connected yet and the pipe is full: say so now rather than after the timeout.
        QTimer::singleShot(0, this, [this, id] {
            if (!timers_.contains(id)) return;
            forget(id);
            emit failed(QString::fromStdString(id), tr("Cannot reach the hub"));
        });
    }
    // ZMQ_FD is edge-triggered: a send can make the socket readable without a signal.
    QTimer::singleShot(0, this, &AdminClient::drain);
    return QString::fromStdString(id);
}

void AdminClient::cancel(const QString& requestId)
{
    const auto id = requestId.toStdString();
    if (!timers_.contains(id)) return;
    forget(id);
    // The hub stops the command too (a queued one never runs); its reply, exit 7, is dropped like any other.
    const auto body = protocol::encode(protocol::QueryRequest{protocol::AdminCancel{id}});
    (void)(socket_->send(zmq::message_t(), zmq::send_flags::sndmore | zmq::send_flags::dontwait).has_value()
           && socket_->send(zmq::buffer(body), zmq::send_flags::dontwait).has_value());
}

void AdminClient::forget(const std::string& id)
{
    const auto it = timers_.find(id);
    if (it == timers_.end()) return;
    it->second->stop();
    it->second.release()->deleteLater(); // may be the timer whose timeout is running now
    timers_.erase(it);
    emit pendingChanged();
}

void AdminClient::drain()
{
    if (draining_ || !socket_) return;
    draining_ = true;
    try {
        while (socket_->get(zmq::sockopt::events) & ZMQ_POLLIN) {
            std::vector<zmq::message_t> frames;
            if (!zmq::recv_multipart(*socket_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
            if (frames.empty()) continue;
            handle(frames.back().to_string());
        }
    } catch (const zmq::error_t& e) {
        qCWarning(lcAdmin) << "admin socket:" << e.what();
    }
    draining_ = false;
}

void AdminClient::handle(const std::string& body)
{
    auto decoded = protocol::decode<protocol::HubToQuery>(body);
    if (!decoded) {
        qCWarning(lcAdmin) << "undecodable reply:" << QString::fromStdString(decoded.error().detail);
        return;
    }
    if (const auto* figure = std::get_if<protocol::AdminProgress>(&decoded.value())) {
        if (timers_.contains(figure->request_id)) {
            emit progressed(QString::fromStdString(figure->request_id), QString::fromStdString(figure->label),
                            figure->done, figure->total);
        }
        return;
    }
    auto* reply = std::get_if<protocol::AdminReply>(&decoded.value());
    if (!reply) {
        if (auto* error = std::get_if<protocol::Error>(&decoded.value()))
            qCWarning(lcAdmin) << "hub error:" << QString::fromStdString(error->message);
        return;
    }
    if (!timers_.contains(reply->request_id)) return; // cancelled, or timed out
    forget(reply->request_id);
    emit finished(QString::fromStdString(reply->request_id), *reply);
}

} // namespace rollcall::dashboard
