#pragma once
// The dashboard's ZeroMQ client of the hub (docs/protocol.md §10, the Clone
// pattern): a SUB socket on the live channel and a DEALER on the query
// channel, both driven by QSocketNotifiers on ZMQ_FD in the owning thread.
//
// Selecting a meeting subscribes to "meeting/<id>" (topic frames compared
// exactly), buffers its updates, requests a snapshot and then passes on
// only consecutive updates; any seq != last + 1 triggers a new snapshot, and
// so does a `meeting` update (the definition or roster changed).
// Silence on the live channel is probed with a meeting-list request; a query
// that is not answered in time marks the connection lost, recreates the
// query socket and retries until the hub answers, then re-snapshots.
// libzmq never retries a handshake the hub refused (a key not allowed yet,
// the live subscriber cap): a monitor on the live socket notices the
// refusal, and the next answer on the query socket — the hub talks to this
// key again — reopens the live socket and re-snapshots.
//
// Errors: nothing throws out of the event loop; bad frames are counted
// (rejectedCount) and logged, query errors are emitted as queryError.

#include "dashboard/src/update_sequencer.h"
#include "protocol/codec.h"
#include "protocol/curve_certificate.h"
#include "protocol/messages.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <deque>
#include <memory>
#include <optional>
#include <string>

class QSocketNotifier;
namespace zmq {
class context_t;
class socket_t;
} // namespace zmq

namespace rollcall::dashboard {

class HubConnection : public QObject {
    Q_OBJECT
    Q_PROPERTY(Status status READ status NOTIFY statusChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY statusChanged)
    Q_PROPERTY(bool lost READ lost NOTIFY statusChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged)
    Q_PROPERTY(int resyncCount READ resyncCount NOTIFY countersChanged)
    Q_PROPERTY(int rejectedCount READ rejectedCount NOTIFY countersChanged)

public:
    enum class Status {
        Connecting, ///< no answer from the hub yet
        Connected,  ///< hub answers; no meeting selected
        Syncing,    ///< waiting for a meeting snapshot
        Live,       ///< snapshot applied, updates consecutive
        Lost,       ///< the hub stopped answering; retrying
    };
    Q_ENUM(Status)

    struct Timing {
        int queryTimeoutMs = 3000; ///< a query unanswered this long marks the connection lost
        int silenceMs = 10000;     ///< live silence this long triggers a liveness probe
        int retryMs = 1000;        ///< pause between retries while lost
    };

    /// CURVE keys for both sockets (docs/protocol.md §11); none = plain text (--insecure).
    struct Keys {
        std::optional<protocol::CurveCertificate> clientKey;
        std::string serverPublicKey;
    };

    /// Connects (does not bind) to the hub's live PUB and query ROUTER endpoints.
    /// Throws zmq::error_t if an endpoint is not a valid ZeroMQ address.
    HubConnection(const QString& liveEndpoint, const QString& queryEndpoint, Timing timing, QObject* parent = nullptr);
    HubConnection(const QString& liveEndpoint, const QString& queryEndpoint, QObject* parent = nullptr);
    HubConnection(const QString& liveEndpoint, const QString& queryEndpoint, Timing timing, Keys keys,
                  QObject* parent = nullptr);
    ~HubConnection() override;

    /// Follows a meeting ("" = none): subscribe, buffer, snapshot.
    void setMeeting(const QString& meetingId);
    [[nodiscard]] QString meetingId() const { return QString::fromStdString(meetingId_); }
    /// Asks for the meeting list of a day ("YYYY-MM-DD"; empty = today).
    Q_INVOKABLE void requestMeetingList(const QString& day = {});
    /// Asks for a person's photo (photoReceived, or photoMissing when the hub has none).
    void requestPhoto(const QString& personId);
    /// Drops the meeting's state and takes a new snapshot.
    Q_INVOKABLE void resync();

    [[nodiscard]] Status status() const { return status_; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] bool lost() const { return status_ == Status::Lost; }
    [[nodiscard]] QString lastError() const { return lastError_; }
    [[nodiscard]] int resyncCount() const { return resyncCount_; }
    [[nodiscard]] int rejectedCount() const { return static_cast<int>(rejects_.total()); }
    /// How often the live socket was reopened after the hub refused its handshake.
    [[nodiscard]] int liveReopenCount() const { return liveReopens_; }
    [[nodiscard]] const UpdateSequencer& sequencer() const { return sequencer_; }
    /// Plain text, no keys: the board shows a red banner.
    [[nodiscard]] bool insecure() const { return !keys_.clientKey.has_value(); }

signals:
    /// A snapshot of the followed meeting; replace all state with it.
    void snapshotReceived(const rollcall::protocol::Snapshot& snapshot);
    /// The next update of the followed meeting's stream, in order, after its snapshot.
    void updateReceived(const rollcall::protocol::Update& update);
    /// An update of the hub-wide stream (readers, alarms, meetings).
    void hubUpdateReceived(const rollcall::protocol::Update& update);
    void meetingListReceived(const rollcall::protocol::MeetingList& list);
    /// A person's photo: the image file's bytes and its type (image/jpeg, image/png).
    void photoReceived(const QString& personId, const QString& mime, const QByteArray& bytes);
    void photoMissing(const QString& personId);
    void queryError(const QString& code, const QString& message);
    void statusChanged();
    void countersChanged();

private:
    struct Request {
        enum class Kind { Snapshot, MeetingList, Photo } kind = Kind::Snapshot;
        std::string meetingId; // Photo: the person's id
        std::optional<std::string> day;
    };

    void createLiveSocket();
    /// Watches the live socket's handshakes (zmq_socket_monitor) for a refusal.
    void monitorLiveSocket();
    void drainLiveMonitor();
    /// A new live socket with the same subscriptions, then a new snapshot (updates were missed).
    void reopenLiveSocket();
    void createQuerySocket();
    void drainLive();
    void drainQuery();
    void handleLive(const std::string& topic, const std::string& body);
    void handleReply(const std::string& body);
    void handleSnapshot(protocol::Snapshot snapshot);
    void enqueue(Request request);
    void sendNext();
    void onQueryTimeout();
    void onSilence();
    void updateStatus();
    void setStatus(Status status);
    void reject(const protocol::DecodeError& error, const char* where);

    std::string liveEndpoint_;
    std::string queryEndpoint_;
    Timing timing_;
    Keys keys_;
    std::unique_ptr<zmq::context_t> context_;
    std::unique_ptr<zmq::socket_t> live_;
    std::unique_ptr<zmq::socket_t> query_;
    std::unique_ptr<QSocketNotifier> liveNotifier_;
    std::unique_ptr<QSocketNotifier> queryNotifier_;
    std::unique_ptr<zmq::socket_t> liveMonitor_;
    std::unique_ptr<QSocketNotifier> liveMonitorNotifier_;
    int liveGeneration_ = 0;   // names each live socket's monitor endpoint
    bool liveRefused_ = false; // the hub refused the live socket's handshake; reopen once it answers
    int liveReopens_ = 0;
    bool drainingLive_ = false;
    bool drainingQuery_ = false;

    std::string meetingId_;
    std::string meetingTopic_;
    UpdateSequencer sequencer_;
    std::optional<std::uint64_t> hubSeq_;

    std::deque<Request> queue_;
    std::optional<Request> inFlight_;
    QTimer queryTimer_;
    QTimer retryTimer_;
    QTimer silenceTimer_;

    Status status_ = Status::Connecting;
    bool answered_ = false; // the hub has answered since the last loss
    QString lastError_;
    int resyncCount_ = 0;
    protocol::DecodeErrorCounters rejects_;
};

} // namespace rollcall::dashboard
