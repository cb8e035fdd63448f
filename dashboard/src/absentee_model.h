#pragma once
// The absentee list: roster members who are absent, or overdue (grace passed,
// not checked in, meeting running), grouped by unit in roster order.

#include "dashboard/src/attendee_filter_model.h"

namespace rollcall::dashboard {

class AbsenteeModel : public AttendeeFilterModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")

public:
    explicit AbsenteeModel(AttendeeModel& source, QObject* parent = nullptr) : AttendeeFilterModel(parent)
    {
        follow(source);
    }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace rollcall::dashboard
