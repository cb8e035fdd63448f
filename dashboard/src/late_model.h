#pragma once
// The late list: roster members whose status is late, most minutes first.

#include "dashboard/src/attendee_filter_model.h"

namespace rollcall::dashboard {

class LateModel : public AttendeeFilterModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")

public:
    explicit LateModel(AttendeeModel& source, QObject* parent = nullptr) : AttendeeFilterModel(parent)
    {
        follow(source);
    }

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;
};

} // namespace rollcall::dashboard
