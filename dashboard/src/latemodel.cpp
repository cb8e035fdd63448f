#include "latemodel.h"

#include "attendeemodel.h"

namespace rollcall::dashboard {

LateModel::LateModel(AttendeeModel& source, QObject* parent) : QSortFilterProxyModel(parent)
{
    setSourceModel(&source);
    setDynamicSortFilter(true);
    sort(0);
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, sig, this, &LateModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &LateModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &LateModel::countChanged);
}

bool LateModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    return static_cast<const AttendeeModel*>(sourceModel())->at(sourceRow).status == protocol::AttendanceStatus::Late;
}

bool LateModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto* m = static_cast<const AttendeeModel*>(sourceModel());
    const auto& a = m->at(left.row());
    const auto& b = m->at(right.row());
    if (a.late_minutes != b.late_minutes)
        return a.late_minutes > b.late_minutes;  // most minutes first
    return left.row() < right.row();
}

} // namespace rollcall::dashboard
