#pragma once
// A filtered, sorted view of the attendees (the absentee list, the late
// list): the shared wiring; subclasses say which rows and in what order.

#include "protocol/messages.h"

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace rollcall::dashboard {

class AttendeeModel;

class AttendeeFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Only members expected at this venue (the board's venue filter); "" = everyone.
    Q_PROPERTY(QString venue READ venue WRITE setVenue NOTIFY venueChanged)

public:
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] QString venue() const { return venue_; }
    void setVenue(const QString& venueId);

signals:
    void countChanged();
    void venueChanged();

protected:
    explicit AttendeeFilterModel(QObject* parent);
    /// Starts filtering `source`. Called from the subclass's constructor: only
    /// then are its filterAcceptsRow and lessThan the ones that run.
    void follow(AttendeeModel& source);
    /// The attendee behind a row of the source model.
    [[nodiscard]] const protocol::AttendeeState& attendee(int sourceRow) const;
    /// Whether the venue filter lets the member through.
    [[nodiscard]] bool inVenue(const protocol::AttendeeState& a) const;

private:
    QString venue_;
    std::string venueStd_;
};

} // namespace rollcall::dashboard
