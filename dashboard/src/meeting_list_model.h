#pragma once
// The meeting picker: today's meetings from the hub, grouped by main venue
// and ordered by start time.

#include "protocol/messages.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace rollcall::dashboard {

class MeetingListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        MeetingIdRole = Qt::UserRole + 1,
        TitleRole,
        MainVenueRole,    ///< the main venue's id
        VenueHeadingRole, ///< "Venue venue.main" on the first meeting of each venue, else ""
        VenuesTextRole,   ///< "venue.main · venue.yining"
        TimeTextRole,     ///< "09:00 – 11:00"
        StateTextRole,
        StateColorRole,
    };
    Q_ENUM(Role)

    explicit MeetingListModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void reset(const protocol::MeetingList& list);
    [[nodiscard]] Q_INVOKABLE QString meetingIdAt(int row) const;

signals:
    void countChanged();

private:
    std::vector<protocol::MeetingListEntry> rows_;
};

} // namespace rollcall::dashboard
