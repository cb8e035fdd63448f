#include "dashboard/src/absentee_model.h"

namespace rollcall::dashboard {

bool AbsenteeModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto& a = attendee(sourceRow);
    return (a.status == protocol::AttendanceStatus::Absent || a.status == protocol::AttendanceStatus::Overdue)
           && inVenue(a);
}

bool AbsenteeModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto& a = attendee(left.row());
    const auto& b = attendee(right.row());
    if (a.unit != b.unit) return a.unit < b.unit;
    return left.row() < right.row();
}

} // namespace rollcall::dashboard
