#pragma once
// The late list: roster members whose status is late, most minutes first.

#include <QSortFilterProxyModel>
#include <QtQml/qqmlregistration.h>

namespace rollcall::dashboard {

class AttendeeModel;

class LateModel : public QSortFilterProxyModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    explicit LateModel(AttendeeModel& source, QObject* parent = nullptr);
    [[nodiscard]] int count() const { return rowCount(); }

signals:
    void countChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace rollcall::dashboard
