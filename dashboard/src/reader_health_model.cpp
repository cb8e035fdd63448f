#include "dashboard/src/reader_health_model.h"

#include "dashboard/src/display_text.h"

#include <cmath>

namespace rollcall::dashboard {

ReaderHealthModel::ReaderHealthModel(QObject* parent) : QAbstractListModel(parent) {}

int ReaderHealthModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

bool ReaderHealthModel::alarmAt(int row) const
{
    const auto& r = rows_[static_cast<std::size_t>(row)];
    if (r.health.alarm || !r.hubAlarm.isEmpty()) return true;
    // A reader never heard from is a standalone terminal whose logs are
    // imported later: shown as never connected, but no alarm (the hub's rule too).
    if (!r.health.last_seen_ms) return false;
    const bool faulty =
        !r.health.online || (r.health.reader_state && *r.health.reader_state != protocol::ReaderState::Ok);
    return faulty && inWindow();
}

QVariant ReaderHealthModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    const auto& h = r.health;
    switch (role) {
    case Qt::DisplayRole:
    case ReaderIdRole: return DisplayText::fromStd(h.reader_id);
    case VenueIdRole: return DisplayText::fromStd(h.venue_id);
    case OnlineRole: return h.online;
    case StateTextRole: return DisplayText::readerState(h);
    case StateColorRole:
        if (!h.online) return alarmAt(index.row()) ? DisplayText::kBad : DisplayText::kMuted;
        return h.reader_state == protocol::ReaderState::Ok ? DisplayText::kGood : DisplayText::kWarn;
    case LastSeenTextRole:
        if (!h.last_seen_ms) return tr("never");
        return DisplayText::ago(now_ - *h.last_seen_ms);
    case OutboxDepthRole: return QVariant::fromValue<qulonglong>(h.outbox_depth);
    case ClockOffsetTextRole: {
        // clock_offset_ms is hub − agent; the board says how far the reader's
        // clock is off: "+60" for a clock an hour fast.
        const std::int64_t skew = -h.clock_offset_ms;
        if (std::abs(skew) >= kClockSkewShownFromMs) {
            const auto minutes = static_cast<long long>(std::llround(static_cast<double>(skew) / 60'000.0));
            return tr("Clock off %1 min")
                .arg((minutes > 0 ? QStringLiteral("+") : QString()) + QString::number(minutes));
        }
        return QStringLiteral("%1%2 ms")
            .arg(h.clock_offset_ms > 0 ? QStringLiteral("+") : QString())
            .arg(h.clock_offset_ms);
    }
    case ClockSkewedRole: return std::abs(h.clock_offset_ms) >= kClockSkewShownFromMs;
    case AgentVersionRole: return DisplayText::fromStd(h.agent_version);
    case AlarmRole: return alarmAt(index.row());
    case AckTextRole: return r.ack.isEmpty() ? QString() : tr("Acknowledged: %1").arg(r.ack);
    case AlarmMessageRole:
        if (!r.hubAlarm.isEmpty()) return r.hubAlarm;
        return alarmAt(index.row())
                   ? tr("%1: %2 during the meeting").arg(DisplayText::fromStd(h.reader_id), DisplayText::readerState(h))
                   : QString();
    default: return {};
    }
}

QHash<int, QByteArray> ReaderHealthModel::roleNames() const
{
    return {
        {ReaderIdRole, "readerId"},
        {VenueIdRole, "venueId"},
        {OnlineRole, "online"},
        {StateTextRole, "stateText"},
        {StateColorRole, "stateColor"},
        {LastSeenTextRole, "lastSeenText"},
        {OutboxDepthRole, "outboxDepth"},
        {ClockOffsetTextRole, "clockOffsetText"},
        {AgentVersionRole, "agentVersion"},
        {AlarmRole, "alarm"},
        {AlarmMessageRole, "alarmMessage"},
        {ClockSkewedRole, "clockSkewed"},
        {AckTextRole, "ackText"},
    };
}

void ReaderHealthModel::reset(const std::vector<protocol::ReaderHealth>& readers)
{
    const auto oldCount = rows_.size();
    beginResetModel();
    rows_.clear();
    for (const auto& r : readers) rows_.push_back({r, {}});
    endResetModel();
    if (oldCount != rows_.size()) emit countChanged();
    emit alarmsChanged();
}

void ReaderHealthModel::rowChanged(int row)
{
    emit dataChanged(index(row), index(row));
    emit alarmsChanged();
}

void ReaderHealthModel::upsert(const protocol::ReaderHealth& reader, bool addIfUnknown)
{
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].health.reader_id == reader.reader_id) {
            if (rows_[i].health == reader) return;
            // Back, or its reader fixed: the alarm acknowledged is over, and a later one is new.
            const auto& was = rows_[i].health;
            const bool wasFaulty = was.reader_state && *was.reader_state != protocol::ReaderState::Ok;
            const bool healthy = reader.online && reader.reader_state == protocol::ReaderState::Ok;
            if ((reader.online && !was.online) || (wasFaulty && healthy)) rows_[i].ack.clear();
            rows_[i].health = reader;
            rowChanged(static_cast<int>(i));
            return;
        }
    }
    if (!addIfUnknown) return;
    const int at = static_cast<int>(rows_.size());
    beginInsertRows({}, at, at);
    rows_.push_back({reader, {}});
    endInsertRows();
    emit countChanged();
    emit alarmsChanged();
}

void ReaderHealthModel::applyAlarm(const protocol::Alarm& alarm)
{
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        auto& row = rows_[i];
        if (row.health.reader_id != alarm.reader_id) continue;
        if (alarm.ack_by) {
            // An acknowledgement changes no alarm; it lasts while the alarm does.
            // Who, when (as the board shows times) and the note.
            if (alarm.active || alarmAt(static_cast<int>(i))) {
                const auto by = DisplayText::fromStd(*alarm.ack_by);
                row.ack =
                    tr("%1 (%2)").arg(alarm.ack_ms ? by + QLatin1Char(' ') + DisplayText::clock(*alarm.ack_ms) : by,
                                      DisplayText::fromStd(alarm.ack_note.value_or("")));
            }
        } else {
            row.hubAlarm = alarm.active ? DisplayText::alarm(alarm) : QString();
            if (!alarm.active) row.ack.clear(); // over: the next one is a new alarm
        }
        rowChanged(static_cast<int>(i));
        return;
    }
}

QString ReaderHealthModel::ackOf(const QString& readerId) const
{
    for (const auto& r : rows_) {
        if (DisplayText::fromStd(r.health.reader_id) == readerId) return r.ack;
    }
    return {};
}

void ReaderHealthModel::setNow(std::int64_t hubNowMs)
{
    now_ = hubNowMs;
    if (!rows_.empty())
        emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1),
                         {LastSeenTextRole, AlarmRole, AlarmMessageRole, StateColorRole});
    emit alarmsChanged();
}

void ReaderHealthModel::setAlarmWindow(std::int64_t fromMs, std::int64_t toMs)
{
    windowFrom_ = fromMs;
    windowTo_ = toMs;
    setNow(now_);
}

int ReaderHealthModel::alarmCount() const
{
    int n = 0;
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) n += alarmAt(i) ? 1 : 0;
    return n;
}

int ReaderHealthModel::onlineCount() const
{
    int n = 0;
    for (const auto& r : rows_) n += r.health.online ? 1 : 0;
    return n;
}

QString ReaderHealthModel::alarmText() const
{
    QStringList parts;
    for (int i = 0; i < static_cast<int>(rows_.size()); ++i) {
        if (!alarmAt(i)) continue;
        const auto& r = rows_[static_cast<std::size_t>(i)];
        parts << (r.hubAlarm.isEmpty()
                      ? QStringLiteral("%1 (%2): %3")
                            .arg(DisplayText::fromStd(r.health.reader_id), DisplayText::fromStd(r.health.venue_id),
                                 DisplayText::readerState(r.health))
                      : QStringLiteral("%1: %2").arg(DisplayText::fromStd(r.health.reader_id), r.hubAlarm));
        if (!r.ack.isEmpty()) parts.last() += QStringLiteral(" — ") + tr("Acknowledged: %1").arg(r.ack);
    }
    return parts.join(QStringLiteral(" · "));
}

} // namespace rollcall::dashboard
