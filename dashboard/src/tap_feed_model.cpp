#include "dashboard/src/tap_feed_model.h"

#include "dashboard/src/display_text.h"

#include <algorithm>

namespace rollcall::dashboard {

namespace {
// Newest first: later hub time first, then the larger tap id.
bool newer(const protocol::TapEvent& a, const protocol::TapEvent& b)
{
    if (a.at_ms != b.at_ms) return a.at_ms > b.at_ms;
    return a.tap_id > b.tap_id;
}
} // namespace

TapFeedModel::TapFeedModel(int capacity, QObject* parent) : QAbstractListModel(parent), capacity_(std::max(1, capacity))
{}

int TapFeedModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant TapFeedModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& t = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case TapIdRole: return QVariant::fromValue<qulonglong>(t.tap_id);
    case TimeTextRole: return DisplayText::clockSeconds(t.at_ms);
    case Qt::DisplayRole:
    case WhoRole:
        if (t.name && !t.name->empty()) return DisplayText::fromStd(*t.name);
        if (t.verdict == protocol::Verdict::RevokedBadge)
            return tr("Revoked badge %1").arg(DisplayText::fromStd(t.badge_uid));
        return tr("Badge %1").arg(DisplayText::fromStd(t.badge_uid));
    case BadgeUidRole: return DisplayText::fromStd(t.badge_uid);
    case VerdictRole: return QString::fromLatin1(protocol::toString(t.verdict));
    case VerdictTextRole: return DisplayText::tapVerdict(t);
    case VerdictColorRole: return DisplayText::tapVerdictColor(t);
    case DirectionTextRole: return DisplayText::direction(t.direction);
    case ReaderIdRole: return DisplayText::fromStd(t.reader_id);
    case VenueIdRole: return DisplayText::fromStd(t.venue_id);
    case ExpectedVenueRole: return t.expected_venue_id ? DisplayText::fromStd(*t.expected_venue_id) : QString();
    case WrongVenueRole: return t.expected_venue_id.has_value();
    default: return {};
    }
}

QHash<int, QByteArray> TapFeedModel::roleNames() const
{
    return {
        {TapIdRole, "tapId"},
        {TimeTextRole, "timeText"},
        {WhoRole, "who"},
        {BadgeUidRole, "badgeUid"},
        {VerdictRole, "verdict"},
        {VerdictTextRole, "verdictText"},
        {VerdictColorRole, "verdictColor"},
        {DirectionTextRole, "directionText"},
        {ReaderIdRole, "readerId"},
        {VenueIdRole, "venueId"},
        {ExpectedVenueRole, "expectedVenue"},
        {WrongVenueRole, "wrongVenue"},
    };
}

void TapFeedModel::reset(const std::vector<protocol::TapEvent>& taps)
{
    const auto oldCount = rows_.size();
    beginResetModel();
    rows_.assign(taps.begin(), taps.end());
    std::stable_sort(rows_.begin(), rows_.end(), newer);
    if (rows_.size() > static_cast<std::size_t>(capacity_)) rows_.resize(static_cast<std::size_t>(capacity_));
    endResetModel();
    if (oldCount != rows_.size()) emit countChanged();
    updateLostCardAlert();
}

void TapFeedModel::add(const protocol::TapEvent& tap)
{
    const auto pos = std::lower_bound(rows_.begin(), rows_.end(), tap, newer);
    if (pos != rows_.end() && pos->tap_id == tap.tap_id) return;
    const int row = static_cast<int>(pos - rows_.begin());
    if (row >= capacity_) return; // older than everything the feed keeps
    const bool full = rows_.size() >= static_cast<std::size_t>(capacity_);
    if (full) {
        beginRemoveRows({}, capacity_ - 1, capacity_ - 1);
        rows_.pop_back();
        endRemoveRows();
    }
    beginInsertRows({}, row, row);
    rows_.insert(rows_.begin() + row, tap);
    endInsertRows();
    if (!full) emit countChanged();
    updateLostCardAlert();
}

QString TapFeedModel::lostCardAlert() const { return lostCardAlert_; }

QString TapFeedModel::lostCardText(const protocol::TapEvent& tap)
{
    return tr("Revoked badge %1 tapped at %2, %3: someone is using a lost card")
        .arg(DisplayText::fromStd(tap.badge_uid), DisplayText::fromStd(tap.reader_id),
             DisplayText::clockSeconds(tap.at_ms));
}

void TapFeedModel::updateLostCardAlert()
{
    QString text;
    const auto it = std::find_if(rows_.begin(), rows_.end(),
                                 [](const auto& t) { return t.verdict == protocol::Verdict::RevokedBadge; });
    if (it != rows_.end()) text = lostCardText(*it);
    if (text == lostCardAlert_) return;
    lostCardAlert_ = text;
    emit lostCardAlertChanged();
}

} // namespace rollcall::dashboard
