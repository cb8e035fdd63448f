#include "dashboard/src/alarm_list_model.h"

#include "dashboard/src/display_text.h"

#include <algorithm>
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
    } else if (alarm.code == "revoked_badge") {
        if (!alarm.active) {
            lostCards_.erase(alarm.reader_id); // its day ended
        } else if (const auto it = lostCards_.find(alarm.reader_id);
                   it == lostCards_.end() || tapTime(it->second) <= tapTime(alarm)) {
            lostCards_.insert_or_assign(alarm.reader_id, alarm);
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
    lostCards_.clear();
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
    addLostCardRows(rows);
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

std::int64_t AlarmListModel::tapTime(const protocol::Alarm& lostCard)
{
    return lostCard.params.size() > 5 ? QString::fromStdString(lostCard.params[5]).toLongLong() : 0;
}

void AlarmListModel::addLostCardRows(std::vector<Row>& rows) const
{
    struct Newest {
        std::int64_t atMs = 0;
        QString message;
    };
    std::map<std::string, Newest> byBadge;
    for (const auto& [uid, alarm] : lostCards_) byBadge[uid] = {tapTime(alarm), DisplayText::alarm(alarm)};
    // The feed is newest first: each badge's newest tap, if the hub's alarm (an older hub has none) is older.
    std::set<std::string> seen;
    for (int i = 0; i < taps_.rowCount(); ++i) {
        const auto& tap = taps_.at(i);
        if (tap.verdict != protocol::Verdict::RevokedBadge || !seen.insert(tap.badge_uid).second) continue;
        const auto it = byBadge.find(tap.badge_uid);
        if (it == byBadge.end() || it->second.atMs < tap.at_ms)
            byBadge[tap.badge_uid] = {tap.at_ms, TapFeedModel::lostCardText(tap)};
    }
    std::vector<std::pair<std::string, Newest>> newestFirst(byBadge.begin(), byBadge.end());
    std::stable_sort(newestFirst.begin(), newestFirst.end(),
                     [](const auto& a, const auto& b) { return a.second.atMs > b.second.atMs; });
    for (const auto& [uid, newest] : newestFirst) {
        // An acknowledgement covers the card's taps up to when it was made; a later one is a new alarm.
        const auto ack = badgeAcks_.find(uid);
        const bool covered = ack != badgeAcks_.end() && ack->second.atMs >= newest.atMs;
        rows.push_back({DisplayText::fromStd(uid), QStringLiteral("revoked_badge"), newest.message,
                        covered ? ackText(ack->second) : QString(), false});
    }
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
