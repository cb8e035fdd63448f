#pragma once
// Every alarm a board raises, in one list (issue 16), each with the identity
// an organizer's desk acknowledges it by (`alarm ack --source --code`):
//  - a reader offline or faulty while the meeting is open (source: the reader
//    id; from ReaderHealthModel, which keeps its acknowledgement),
//  - a lost card used at a door (source: the badge UID, code revoked_badge):
//    the hub's standing alarm for the badge (raised by its tap, kept until
//    the day ends, in the snapshot whatever the feed holds), or, from an
//    older hub without it, a revoked_badge tap in the feed; the newest of each badge,
//  - the hub's own: the record cannot be written (source "hub", code
//    record_write_failed; raised and cleared on the live feed).
// An acknowledgement of a badge covers its taps up to when it was made; a
// later tap is a new, unacknowledged alarm. One of the hub's lasts while the
// alarm does. The desk lists these rows; the board's banner says the badges'
// and the hub's, with 已处理 and who once acknowledged.
#include "dashboard/src/reader_health_model.h"
#include "dashboard/src/tap_feed_model.h"
#include "protocol/messages.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <optional>
#include <vector>

namespace rollcall::dashboard {

class AlarmListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY alarmsChanged)
    /// Alarms nobody has acknowledged yet.
    Q_PROPERTY(int openCount READ openCount NOTIFY alarmsChanged)
    /// The alarms other than the readers' (they have their own bar): one sentence each, with who handled it.
    Q_PROPERTY(QString bannerText READ bannerText NOTIFY alarmsChanged)
    /// Whether any alarm of the banner is unacknowledged.
    Q_PROPERTY(bool bannerOpen READ bannerOpen NOTIFY alarmsChanged)

public:
    enum Role {
        SourceRole = Qt::UserRole + 1, ///< what `alarm ack --source` takes: reader id, badge UID or "hub"
        CodeRole,                      ///< what `alarm ack --code` takes
        MessageRole,                   ///< the alarm in the board's language
        AcknowledgedRole,
        AckTextRole, ///< "已处理：who 09:05（note）", empty if not acknowledged
    };
    Q_ENUM(Role)

    AlarmListModel(const ReaderHealthModel& readers, const TapFeedModel& taps, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// An alarm of the live feed or a snapshot: the hub's or a lost card's
    /// raised or cleared, or an acknowledgement of a badge's or the hub's (a
    /// reader's is ReaderHealthModel's).
    void applyAlarm(const protocol::Alarm& alarm);
    /// Forgets the hub's alarm and the acknowledgements (another meeting, or a snapshot that tells them again).
    void reset();

    [[nodiscard]] int openCount() const;
    [[nodiscard]] QString bannerText() const;
    [[nodiscard]] bool bannerOpen() const;

signals:
    void alarmsChanged();

private:
    struct Ack {
        QString by, note;
        std::int64_t atMs = 0;
    };
    struct Row {
        QString source, code, message, ackText;
        bool reader = false;
        bool operator==(const Row&) const = default;
    };
    [[nodiscard]] static QString ackText(const Ack& ack);
    /// When the tap that raised a lost card's alarm was made (its sixth parameter), 0 if not said.
    [[nodiscard]] static std::int64_t tapTime(const protocol::Alarm& lostCard);
    /// Each badge's newest lost-card alarm, from the hub's standing alarms and the feed's taps.
    void addLostCardRows(std::vector<Row>& rows) const;
    void rebuild();

    const ReaderHealthModel& readers_;
    const TapFeedModel& taps_;
    std::optional<protocol::Alarm> hubAlarm_;
    std::optional<Ack> hubAck_;
    std::map<std::string, Ack> badgeAcks_;             // by badge UID: the last acknowledgement
    std::map<std::string, protocol::Alarm> lostCards_; // by badge UID: the hub's standing alarm, while raised
    std::vector<Row> rows_;
};

} // namespace rollcall::dashboard
