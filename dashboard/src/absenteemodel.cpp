#include "absenteemodel.h"

#include "attendeemodel.h"

namespace rollcall::dashboard {

AbsenteeModel::AbsenteeModel(AttendeeModel& source, QObject* parent) : QSortFilterProxyModel(parent)
{
    setSourceModel(&source);
    setDynamicSortFilter(true);
    sort(0);
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, sig, this, &AbsenteeModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &AbsenteeModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &AbsenteeModel::countChanged);
}

bool AbsenteeModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto& a = static_cast<const AttendeeModel*>(sourceModel())->at(sourceRow);
    return a.status == protocol::AttendanceStatus::Absent || a.status == protocol::AttendanceStatus::Overdue;
}

bool AbsenteeModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* m = static_cast<const AttendeeModel*>(sourceModel());
    const auto& a = m->at(left.row());
    const auto& b = m->at(right.row());
    if (a.unit != b.unit)
        return a.unit < b.unit;
    return left.row() < right.row();
}

} // namespace rollcall::dashboard
