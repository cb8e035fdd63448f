#pragma once
// Every roster member of the shown meeting, one row each, in roster order;
// rows change in place as the hub publishes attendee updates.

#include "protocol/messages.h"

#include <QAbstractListModel>
#include <QHash>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace rollcall::dashboard {

class AttendeeModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Role {
        PersonIdRole = Qt::UserRole + 1,
        NameRole,
        UnitRole,       ///< full unit path
        UnitLeafRole,   ///< last part of the unit path
        StatusRole,     ///< wire name, e.g. "late"
        StatusTextRole, ///< localised
        StatusColorRole,
        LateMinutesRole,
        LateTextRole, ///< "6 min" or ""
        EarlyMinutesRole,
        FlagsTextRole,   ///< localised, "、"-joined
        FirstInTextRole, ///< "09:06" or ""
        LastOutTextRole,
        SubstituteRole,
        InsideRole,
        MissingRole,       ///< not attended and not excused (absent, overdue, not arrived)
        DetailTextRole,    ///< one line for lists: "6 min late (09:06)", "Absent", "Substitute: 李四"
        ExpectedVenueRole, ///< venue id the member is expected at ("" at a meeting with one venue)
        CheckInVenueRole,  ///< venue id of the reader check-in that counts, or ""
        WrongVenueRole,    ///< checked in at another venue than the expected one
    };
    Q_ENUM(Role)

    explicit AttendeeModel(QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /// Replaces all rows (a snapshot).
    void reset(const std::vector<protocol::AttendeeState>& attendees);
    /// Updates the person's row, or appends it if the roster grew.
    void upsert(const protocol::AttendeeState& attendee);
    /// The row of a person, or -1.
    [[nodiscard]] int rowOf(const QString& personId) const { return index_.value(personId, -1); }
    [[nodiscard]] const protocol::AttendeeState& at(int row) const { return rows_[static_cast<std::size_t>(row)]; }

signals:
    void countChanged();

private:
    std::vector<protocol::AttendeeState> rows_;
    QHash<QString, int> index_;
};

} // namespace rollcall::dashboard
