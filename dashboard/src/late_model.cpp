#include "dashboard/src/late_model.h"

namespace rollcall::dashboard {

bool LateModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const auto& a = attendee(sourceRow);
    return a.status == protocol::AttendanceStatus::Late && inVenue(a);
}

bool LateModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const auto& a = attendee(left.row());
    const auto& b = attendee(right.row());
    if (a.late_minutes != b.late_minutes) return a.late_minutes > b.late_minutes; // most minutes first
    return left.row() < right.row();
}

} // namespace rollcall::dashboard
