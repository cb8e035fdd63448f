#pragma once
// Health of the readers at the meeting's venues: online/offline, last seen,
// outbox depth, clock offset. A reader that is offline (or faulty) while the
// meeting is open, or that the hub raised an alarm for, is an alarm row.

#include "protocol/messages.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace rollcall::dashboard {

class ReaderHealthModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(int alarmCount READ alarmCount NOTIFY alarmsChanged)
    Q_PROPERTY(QString alarmText READ alarmText NOTIFY alarmsChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY alarmsChanged)

public:
    enum Role {
        ReaderIdRole = Qt::UserRole + 1,
        VenueIdRole,
        OnlineRole,
        StateTextRole,
        StateColorRole,
        LastSeenTextRole,
        OutboxDepthRole,
        ClockOffsetTextRole,
        AgentVersionRole,
        AlarmRole,
        AlarmMessageRole,
        ClockSkewedRole, ///< the reader's clock is off by kClockSkewShownFromMs or more
        AckTextRole,     ///< the alarm acknowledged at a desk: "已确认：who 09:05（note）", empty if not
    };
    Q_ENUM(Role)

    /// From this far off on, the reader's clock is shown as skewed ("时钟偏差 +60 分钟"):
    /// the hub records its taps at hub time regardless, but a box a minute or
    /// more off has a broken clock source someone should fix.
    static constexpr std::int64_t kClockSkewShownFromMs = 60'000;

    explicit ReaderHealthModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reset(const std::vector<protocol::ReaderHealth>& readers);
    /// Updates a known reader; `addIfUnknown` adds it (updates of the meeting's
    /// own stream), otherwise an unknown reader is ignored (hub-wide stream).
    void upsert(const protocol::ReaderHealth& reader, bool addIfUnknown);
    /// A hub alarm raised or cleared for a reader shown here, or acknowledged
    /// at a desk (ack_by): the acknowledgement lasts while the alarm does; one
    /// raised again after it ends is new and unacknowledged.
    void applyAlarm(const protocol::Alarm& alarm);
    /// The alarm of a reader shown here acknowledged: "who 09:05（note）"; empty if not.
    [[nodiscard]] Q_INVOKABLE QString ackOf(const QString& readerId) const;
    /// Hub-clock time now and the meeting window in which an offline reader is an alarm.
    void setNow(std::int64_t hubNowMs);
    void setAlarmWindow(std::int64_t fromMs, std::int64_t toMs);

    [[nodiscard]] int alarmCount() const;
    [[nodiscard]] QString alarmText() const;
    [[nodiscard]] int onlineCount() const;
    [[nodiscard]] bool alarmAt(int row) const;

signals:
    void countChanged();
    void alarmsChanged();

private:
    struct Row {
        protocol::ReaderHealth health;
        QString hubAlarm; // active hub alarm message, empty if none
        QString ack;      // acknowledged at a desk: who, when and note, empty if not
    };
    [[nodiscard]] bool inWindow() const { return now_ >= windowFrom_ && now_ <= windowTo_; }
    void rowChanged(int row);

    std::vector<Row> rows_;
    std::int64_t now_ = 0;
    std::int64_t windowFrom_ = 0;
    std::int64_t windowTo_ = -1;
};

} // namespace rollcall::dashboard
