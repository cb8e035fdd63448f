#include "dashboard/src/attendee_filter_model.h"

#include "dashboard/src/attendee_model.h"

namespace rollcall::dashboard {

AttendeeFilterModel::AttendeeFilterModel(QObject* parent) : QSortFilterProxyModel(parent)
{
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, sig, this, &AttendeeFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &AttendeeFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &AttendeeFilterModel::countChanged);
}

void AttendeeFilterModel::follow(AttendeeModel& source)
{
    setSourceModel(&source);
    setDynamicSortFilter(true);
    sort(0);
}

void AttendeeFilterModel::setVenue(const QString& venueId)
{
    if (venueId == venue_) return;
    venue_ = venueId;
    venueStd_ = venueId.toStdString();
    invalidateFilter();
    emit venueChanged();
    emit countChanged();
}

bool AttendeeFilterModel::inVenue(const protocol::AttendeeState& a) const
{
    return venueStd_.empty() || (a.venue_id && *a.venue_id == venueStd_);
}

const protocol::AttendeeState& AttendeeFilterModel::attendee(int sourceRow) const
{
    return static_cast<const AttendeeModel*>(sourceModel())->at(sourceRow);
}

} // namespace rollcall::dashboard
