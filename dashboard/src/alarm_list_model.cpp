#include "dashboard/src/alarm_list_model.h"

#include "dashboard/src/display_text.h"

#include <set>

namespace rollcall::dashboard {

AlarmListModel::AlarmListModel(const ReaderHealthModel& readers, const TapFeedModel& taps, QObject* parent)
    : QAbstractListModel(parent), readers_(readers), taps_(taps)
{
    connect(&readers, &ReaderHealthModel::alarmsChanged, this, &AlarmListModel::rebuild);
    for (const auto signal : {&TapFeedModel::rowsInserted, &TapFeedModel::rowsRemoved})
        connect(&taps, signal, this, &AlarmListModel::rebuild);
    connect(&taps, &TapFeedModel::modelReset, this, &AlarmListModel::rebuild);
}

int AlarmListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant AlarmListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case SourceRole: return r.source;
    case CodeRole: return r.code;
    case Qt::DisplayRole:
    case MessageRole: return r.message;
    case AcknowledgedRole: return !r.ackText.isEmpty();
    case AckTextRole: return r.ackText;
    default: return {};
    }
}

QHash<int, QByteArray> AlarmListModel::roleNames() const
{
    return {
        {SourceRole, "source"},   {CodeRole, "code"}, {MessageRole, "message"}, {AcknowledgedRole, "acknowledged"},
        {AckTextRole, "ackText"},
    };
}

void AlarmListModel::applyAlarm(const protocol::Alarm& alarm)
{
    const bool hub = alarm.reader_id == "hub";
    if (alarm.ack_by) {
        const Ack ack{DisplayText::fromStd(*alarm.ack_by), DisplayText::fromStd(alarm.ack_note.value_or("")),
                      alarm.ack_ms.value_or(0)};
        if (hub) {
            // An acknowledgement raises nothing: it lasts while the alarm does.
            if (!alarm.active || !hubAlarm_) return;
            hubAck_ = ack;
        } else if (alarm.code == "revoked_badge") {
            auto& last = badgeAcks_[alarm.reader_id];
            if (ack.atMs >= last.atMs) last = ack;
        } else {
            return; // a reader's: ReaderHealthModel keeps it
        }
    } else if (hub) {
        if (alarm.active) {
            hubAlarm_ = alarm;
        } else {
            hubAlarm_.reset();
            hubAck_.reset(); // over: the next one is a new alarm
        }
    } else {
        return;
    }
    rebuild();
}

void AlarmListModel::reset()
{
    hubAlarm_.reset();
    hubAck_.reset();
    badgeAcks_.clear();
    rebuild();
}

QString AlarmListModel::ackText(const Ack& ack)
{
    return tr("Handled: %1 %2 (%3)").arg(ack.by, DisplayText::clock(ack.atMs), ack.note);
}

void AlarmListModel::rebuild()
{
    std::vector<Row> rows;
    for (int i = 0; i < readers_.rowCount(); ++i) {
        if (!readers_.alarmAt(i)) continue;
        const auto at = readers_.index(i);
        rows.push_back({at.data(ReaderHealthModel::ReaderIdRole).toString(),
                        at.data(ReaderHealthModel::OnlineRole).toBool() ? QStringLiteral("reader_fault")
                                                                        : QStringLiteral("reader_offline"),
                        at.data(ReaderHealthModel::AlarmMessageRole).toString(),
                        at.data(ReaderHealthModel::AckTextRole).toString(), true});
    }
    // The feed is newest first: each badge's newest tap is its alarm.
    std::set<std::string> seen;
    for (int i = 0; i < taps_.rowCount(); ++i) {
        const auto& tap = taps_.at(i);
        if (tap.verdict != protocol::Verdict::RevokedBadge || !seen.insert(tap.badge_uid).second) continue;
        const auto ack = badgeAcks_.find(tap.badge_uid);
        const bool covered = ack != badgeAcks_.end() && ack->second.atMs >= tap.at_ms;
        rows.push_back({DisplayText::fromStd(tap.badge_uid), QStringLiteral("revoked_badge"),
                        TapFeedModel::lostCardText(tap), covered ? ackText(ack->second) : QString(), false});
    }
    if (hubAlarm_) {
        rows.push_back({QStringLiteral("hub"), DisplayText::fromStd(hubAlarm_->code), DisplayText::alarm(*hubAlarm_),
                        hubAck_ ? ackText(*hubAck_) : QString(), false});
    }
    if (rows == rows_) return; // the readers' model says so every second: the desk's buttons stay put
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
    emit alarmsChanged();
}

int AlarmListModel::openCount() const
{
    int n = 0;
    for (const auto& r : rows_) n += r.ackText.isEmpty() ? 1 : 0;
    return n;
}

QString AlarmListModel::bannerText() const
{
    QStringList parts;
    for (const auto& r : rows_) {
        if (r.reader) continue;
        parts << (r.ackText.isEmpty() ? r.message : r.message + QStringLiteral(" — ") + r.ackText);
    }
    return parts.join(QStringLiteral(" · "));
}

bool AlarmListModel::bannerOpen() const
{
    for (const auto& r : rows_) {
        if (!r.reader && r.ackText.isEmpty()) return true;
    }
    return false;
}

} // namespace rollcall::dashboard
