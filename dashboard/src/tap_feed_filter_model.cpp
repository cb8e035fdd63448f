#include "dashboard/src/tap_feed_filter_model.h"

#include "dashboard/src/tap_feed_model.h"

namespace rollcall::dashboard {

TapFeedFilterModel::TapFeedFilterModel(TapFeedModel& feed, QObject* parent) : QSortFilterProxyModel(parent)
{
    for (auto sig : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(this, sig, this, &TapFeedFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &TapFeedFilterModel::countChanged);
    setSourceModel(&feed);
}

void TapFeedFilterModel::setVenue(const QString& venueId)
{
    if (venueId == venue_) return;
    venue_ = venueId;
    invalidateFilter();
    emit venueChanged();
    emit countChanged();
}

bool TapFeedFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (venue_.isEmpty()) return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(TapFeedModel::VenueIdRole).toString() == venue_;
}

} // namespace rollcall::dashboard
