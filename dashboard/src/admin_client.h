#pragma once
// The desks' connection to the hub (issue 16): a DEALER of its own on the
// hub's query endpoint, with the board's key (an organizer or office key),
// sending `admin_request`s and handing back their `admin_reply`s
// (docs/protocol.md §5.8a). Read through a QSocketNotifier in the owning
// thread, so a long report never blocks the board; each request has its own
// timeout, and a cancelled one is stopped at the hub and its reply dropped.
// Every request asks for progress: a long report's figures (admin_progress,
// §5.8c) come as progressed() before its finished().
#include "dashboard/src/hub_connection.h"
#include "protocol/messages.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <map>
#include <memory>

class QSocketNotifier;
namespace zmq {
class context_t;
class socket_t;
} // namespace zmq

namespace rollcall::dashboard {

class AdminClient : public QObject {
    Q_OBJECT
    Q_PROPERTY(int pending READ pending NOTIFY pendingChanged)

public:
    /// Connects to the hub's query endpoint; throws zmq::error_t for a bad address.
    AdminClient(const QString& queryEndpoint, HubConnection::Keys keys, QObject* parent = nullptr);
    ~AdminClient() override;

    /// Sends a command (argv after the program name) with its input files;
    /// returns the request id its finished() or failed() carries.
    QString run(const QStringList& argv, std::vector<protocol::AdminFile> files = {});
    /// Forgets a request (nothing is emitted for it) and asks the hub to stop it (admin_cancel).
    void cancel(const QString& requestId);
    [[nodiscard]] int pending() const { return static_cast<int>(timers_.size()); }
    /// How long a request may take before failed() (default 10 min: a year's report).
    void setTimeoutMs(int ms) { timeoutMs_ = ms; }

signals:
    void finished(const QString& requestId, const rollcall::protocol::AdminReply& reply);
    /// How far a request still awaited has come: `done` of `total` steps of `label` ("评估会议").
    void progressed(const QString& requestId, const QString& label, int done, int total);
    void failed(const QString& requestId, const QString& message);
    void pendingChanged();

private:
    void drain();
    void handle(const std::string& body);
    void forget(const std::string& id);

    std::unique_ptr<zmq::context_t> context_;
    std::unique_ptr<zmq::socket_t> socket_;
    std::unique_ptr<QSocketNotifier> notifier_;
    std::map<std::string, std::unique_ptr<QTimer>> timers_; // by request id: the requests awaiting a reply
    int timeoutMs_ = 10 * 60 * 1000;
    std::uint64_t next_ = 0;
    bool draining_ = false;
};

} // namespace rollcall::dashboard
