#include "dashboard/src/attendee_model.h"

#include "dashboard/src/display_text.h"

namespace rollcall::dashboard {

AttendeeModel::AttendeeModel(QObject* parent) : QAbstractListModel(parent) {}

int AttendeeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant AttendeeModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& a = rows_[static_cast<std::size_t>(index.row())];
    using S = protocol::AttendanceStatus;
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return DisplayText::fromStd(a.name);
    case PersonIdRole: return DisplayText::fromStd(a.person_id);
    case UnitRole: return DisplayText::fromStd(a.unit);
    case UnitLeafRole: {
        const auto unit = DisplayText::fromStd(a.unit);
        return unit.section(QLatin1Char('/'), -1);
    }
    case StatusRole: return QString::fromLatin1(protocol::toString(a.status));
    case StatusTextRole: return DisplayText::status(a.status);
    case StatusColorRole: return DisplayText::statusColor(a.status);
    case LateMinutesRole: return a.late_minutes;
    case LateTextRole: return a.late_minutes > 0 ? tr("%1 min").arg(a.late_minutes) : QString();
    case EarlyMinutesRole: return a.early_minutes;
    case FlagsTextRole: {
        QStringList parts;
        for (auto f : a.flags) parts << DisplayText::flag(f);
        return parts.join(QStringLiteral("、"));
    }
    case FirstInTextRole: return a.first_in_ms ? DisplayText::clock(*a.first_in_ms) : QString();
    case LastOutTextRole: return a.last_out_ms ? DisplayText::clock(*a.last_out_ms) : QString();
    case SubstituteRole: return a.substitute ? DisplayText::fromStd(*a.substitute) : QString();
    case InsideRole: return a.inside;
    case MissingRole: return a.status == S::Absent || a.status == S::Overdue || a.status == S::NotArrived;
    case DetailTextRole: {
        QString text;
        switch (a.status) {
        case S::Late:
            text = a.first_in_ms ? tr("%1 min late (%2)").arg(a.late_minutes).arg(DisplayText::clock(*a.first_in_ms))
                                 : tr("%1 min late").arg(a.late_minutes);
            break;
        case S::Present:
            text =
                a.first_in_ms ? tr("In at %1").arg(DisplayText::clock(*a.first_in_ms)) : DisplayText::status(a.status);
            break;
        case S::Substituted:
            text = a.substitute ? tr("Substitute: %1").arg(DisplayText::fromStd(*a.substitute))
                                : DisplayText::status(a.status);
            break;
        default: text = DisplayText::status(a.status); break;
        }
        for (auto f : a.flags) text += QStringLiteral(" · ") + DisplayText::flag(f);
        return text;
    }
    case ExpectedVenueRole: return a.venue_id ? DisplayText::fromStd(*a.venue_id) : QString();
    case CheckInVenueRole: return a.check_in_venue_id ? DisplayText::fromStd(*a.check_in_venue_id) : QString();
    case WrongVenueRole: return a.venue_id && a.check_in_venue_id && *a.venue_id != *a.check_in_venue_id;
    default: return {};
    }
}

QHash<int, QByteArray> AttendeeModel::roleNames() const
{
    return {
        {PersonIdRole, "personId"},
        {NameRole, "name"},
        {UnitRole, "unit"},
        {UnitLeafRole, "unitLeaf"},
        {StatusRole, "status"},
        {StatusTextRole, "statusText"},
        {StatusColorRole, "statusColor"},
        {LateMinutesRole, "lateMinutes"},
        {LateTextRole, "lateText"},
        {EarlyMinutesRole, "earlyMinutes"},
        {FlagsTextRole, "flagsText"},
        {FirstInTextRole, "firstInText"},
        {LastOutTextRole, "lastOutText"},
        {SubstituteRole, "substitute"},
        {InsideRole, "inside"},
        {MissingRole, "missing"},
        {DetailTextRole, "detailText"},
        {ExpectedVenueRole, "expectedVenue"},
        {CheckInVenueRole, "checkInVenue"},
        {WrongVenueRole, "wrongVenue"},
    };
}

void AttendeeModel::reset(const std::vector<protocol::AttendeeState>& attendees)
{
    const bool countChanges = rows_.size() != attendees.size();
    beginResetModel();
    rows_ = attendees;
    index_.clear();
    index_.reserve(static_cast<qsizetype>(rows_.size()));
    for (std::size_t i = 0; i < rows_.size(); ++i)
        index_.insert(DisplayText::fromStd(rows_[i].person_id), static_cast<int>(i));
    endResetModel();
    if (countChanges) emit countChanged();
}

void AttendeeModel::upsert(const protocol::AttendeeState& attendee)
{
    const auto id = DisplayText::fromStd(attendee.person_id);
    const int row = index_.value(id, -1);
    if (row >= 0) {
        auto& slot = rows_[static_cast<std::size_t>(row)];
        if (slot == attendee) return;
        slot = attendee;
        const auto idx = index(row);
        emit dataChanged(idx, idx);
        return;
    }
    const int at = static_cast<int>(rows_.size());
    beginInsertRows({}, at, at);
    rows_.push_back(attendee);
    index_.insert(id, at);
    endInsertRows();
    emit countChanged();
}

} // namespace rollcall::dashboard
