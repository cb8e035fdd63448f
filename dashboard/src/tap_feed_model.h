#pragma once
// The live feed of badge taps with their verdicts, newest first (by hub
// time, then tap id), capped so a busy door cannot grow it without bound.
// A revoked badge in the feed is also an alert: someone is using a card
// that was reported lost.

#include "protocol/messages.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <deque>

namespace rollcall::dashboard {

class TapFeedModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString lostCardAlert READ lostCardAlert NOTIFY lostCardAlertChanged)

public:
    enum Role {
        TapIdRole = Qt::UserRole + 1,
        TimeTextRole, ///< "09:06:12"
        WhoRole,      ///< the person's name, or "Unknown badge DEADBEEF"
        BadgeUidRole,
        VerdictRole, ///< wire name
        VerdictTextRole,
        VerdictColorRole,
        DirectionTextRole,
        ReaderIdRole,
        VenueIdRole,
        ExpectedVenueRole, ///< a tap at another venue than the person's: the venue id they are expected at, else ""
        WrongVenueRole,
    };
    Q_ENUM(Role)

    explicit TapFeedModel(int capacity = 100, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces the feed (a snapshot's recent taps, any order).
    void reset(const std::vector<protocol::TapEvent>& taps);
    /// Adds one tap at its place in time; ignored if already shown or too old to fit.
    void add(const protocol::TapEvent& tap);

    /// The newest revoked_badge tap in the feed, as a sentence; empty if none.
    [[nodiscard]] QString lostCardAlert() const;
    /// A revoked_badge tap as the lost-card alert says it.
    [[nodiscard]] static QString lostCardText(const protocol::TapEvent& tap);

    [[nodiscard]] int capacity() const { return capacity_; }
    [[nodiscard]] const protocol::TapEvent& at(int row) const { return rows_[static_cast<std::size_t>(row)]; }

signals:
    void countChanged();
    void lostCardAlertChanged();

private:
    int capacity_;
    std::deque<protocol::TapEvent> rows_;
    QString lostCardAlert_;
    void updateLostCardAlert();
};

} // namespace rollcall::dashboard
