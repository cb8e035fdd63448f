#include "dashboard/src/meeting_list_model.h"

#include "dashboard/src/display_text.h"

#include <algorithm>

namespace rollcall::dashboard {

MeetingListModel::MeetingListModel(QObject* parent) : QAbstractListModel(parent) {}

int MeetingListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

namespace {
// A venue's name when the hub sent the names (it does since venue_names was added), else its id.
QString venueName(const protocol::MeetingListEntry& m, std::size_t i)
{
    const bool named = m.venue_names.size() == m.venues.size();
    return DisplayText::fromStd(named ? m.venue_names[i] : m.venues[i]);
}
} // namespace

QVariant MeetingListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& m = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case MeetingIdRole: return DisplayText::fromStd(m.id);
    case Qt::DisplayRole:
    case TitleRole: return DisplayText::fromStd(m.title);
    case MainVenueRole: return m.venues.empty() ? QString() : DisplayText::fromStd(m.venues.front());
    case VenueHeadingRole: {
        const auto venue = [this](int r) {
            const auto& v = rows_[static_cast<std::size_t>(r)].venues;
            return v.empty() ? std::string() : v.front();
        };
        if (index.row() > 0 && venue(index.row() - 1) == venue(index.row())) return QString();
        return tr("Venue %1").arg(m.venues.empty() ? QString() : venueName(m, 0));
    }
    case VenuesTextRole: {
        QStringList v;
        for (std::size_t i = 0; i < m.venues.size(); ++i) v << venueName(m, i);
        return v.join(QStringLiteral(" · "));
    }
    case TimeTextRole:
        return QStringLiteral("%1 – %2").arg(DisplayText::clock(m.start_ms), DisplayText::clock(m.end_ms));
    case StateTextRole: return DisplayText::meetingState(m.state);
    case StateColorRole: return DisplayText::meetingStateColor(m.state);
    default: return {};
    }
}

QHash<int, QByteArray> MeetingListModel::roleNames() const
{
    return {
        {MeetingIdRole, "meetingId"},       {TitleRole, "title"},           {MainVenueRole, "mainVenue"},
        {VenueHeadingRole, "venueHeading"}, {VenuesTextRole, "venuesText"}, {TimeTextRole, "timeText"},
        {StateTextRole, "stateText"},       {StateColorRole, "stateColor"},
    };
}

void MeetingListModel::reset(const protocol::MeetingList& list)
{
    auto rows = list.meetings;
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        const auto& va = a.venues.empty() ? std::string() : a.venues.front();
        const auto& vb = b.venues.empty() ? std::string() : b.venues.front();
        if (va != vb) return va < vb;
        return a.start_ms < b.start_ms;
    });
    if (rows == rows_) return; // the periodic liveness probe usually brings the same list
    const auto oldCount = rows_.size();
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    if (oldCount != rows_.size()) emit countChanged();
}

QString MeetingListModel::meetingIdAt(int row) const
{
    if (row < 0 || row >= static_cast<int>(rows_.size())) return {};
    return DisplayText::fromStd(rows_[static_cast<std::size_t>(row)].id);
}

} // namespace rollcall::dashboard
