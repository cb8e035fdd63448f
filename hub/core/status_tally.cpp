#include "hub/core/status_tally.h"

#include "common/attendance_rate.h"

namespace rollcall::core {

void StatusTally::add(Status status, unsigned flags, int sign)
{
    expected += sign;
    switch (status) {
    case Status::Present: present += sign; break;
    case Status::Late: late += sign; break;
    case Status::Absent: absent += sign; break;
    case Status::Excused: excused += sign; break;
    case Status::Substituted: substituted += sign; break;
    case Status::NotArrived: notArrived += sign; break;
    case Status::Overdue: overdue += sign; break;
    }
    if (flags & LeftEarly) leftEarly += sign;
    if (flags & LeftMidMeeting) leftMidMeeting += sign;
    if (flags & NoCheckout) noCheckout += sign;
}

StatusTally& StatusTally::operator+=(const StatusTally& o)
{
    expected += o.expected;
    present += o.present;
    late += o.late;
    absent += o.absent;
    excused += o.excused;
    substituted += o.substituted;
    notArrived += o.notArrived;
    overdue += o.overdue;
    leftEarly += o.leftEarly;
    leftMidMeeting += o.leftMidMeeting;
    noCheckout += o.noCheckout;
    return *this;
}

std::optional<double> StatusTally::attendanceRate() const
{
    return common::attendanceRate(attended(), expected, excused);
}

} // namespace rollcall::core
