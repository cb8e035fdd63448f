#include "dashboard/src/organizer_desk.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <algorithm>

namespace rollcall::dashboard {
namespace {

const QString kOther = QStringLiteral("其他");
using Action = DeskResultText::Action;

/// "… (amendment 12)" in what the command printed: the amendment's number, or 0.
int amendmentIn(const QString& out)
{
    static const QRegularExpression re(QStringLiteral("\\(amendment (\\d+)\\)"));
    const auto m = re.match(out);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

QString plainKey(const QString& s) { return QString(s).remove(QLatin1Char(':')).toCaseFolded(); }

/// "2026-11-10T09:10:00+08:00" → "09:10".
QString clockOf(const QString& iso) { return iso.mid(11, 5); }

QString withNote(const QString& reason, const QString& note)
{
    if (reason == kOther || reason.isEmpty()) return note.trimmed();
    return note.trimmed().isEmpty() ? reason : reason + QStringLiteral("：") + note.trimmed();
}

} // namespace

OrganizerDesk::OrganizerDesk(AdminClient& client, QString keyName, QObject* parent)
    : QObject(parent), client_(client), keyName_(std::move(keyName))
{
    connect(&client_, &AdminClient::finished, this, &OrganizerDesk::onFinished);
    connect(&client_, &AdminClient::failed, this, &OrganizerDesk::onFailed);
    refresh_.setSingleShot(true);
    refresh_.setInterval(kRefreshMs);
    connect(&refresh_, &QTimer::timeout, this, &OrganizerDesk::loadActions);
}

QStringList OrganizerDesk::reasons() const { return {QStringLiteral("忘带卡"), QStringLiteral("卡损坏"), kOther}; }

void OrganizerDesk::setMeetingId(const QString& id)
{
    if (id == meetingId_) return;
    meetingId_ = id;
    // Undo is within the meeting: another meeting has its own list.
    actions_.clear();
    emit meetingIdChanged();
    emit actionsChanged();
    if (!meetingId_.isEmpty()) loadActions();
}

void OrganizerDesk::loadActions()
{
    if (meetingId_.isEmpty()) return;
    send(Kind::ActionList,
         {QStringLiteral("amendment"), QStringLiteral("list"), QStringLiteral("--meeting"), meetingId_,
          QStringLiteral("--json")},
         {});
}

void OrganizerDesk::recordChanged()
{
    if (!refresh_.isActive()) refresh_.start();
}

QString OrganizerDesk::nameOf(const QString& personId) const
{
    for (const auto& v : roster_) {
        const auto p = v.toMap();
        if (p.value(QStringLiteral("person_id")).toString() == personId)
            return p.value(QStringLiteral("name")).toString();
    }
    return personId;
}

void OrganizerDesk::setActions(const QByteArray& json)
{
    const auto rows = QJsonDocument::fromJson(json).array();
    std::map<int, QString> undoneBy; // amendment → who revoked it
    for (const auto& v : rows) {
        const auto a = v.toObject();
        if (a.value(QStringLiteral("kind")).toString() == QStringLiteral("revoke"))
            undoneBy[a.value(QStringLiteral("ref_id")).toInt()] = a.value(QStringLiteral("author")).toString();
    }
    QVariantList list;
    for (const auto& v : rows) {
        const auto a = v.toObject();
        const auto kind = a.value(QStringLiteral("kind")).toString();
        if (kind == QStringLiteral("revoke")) continue; // shown on what it undoes
        const int id = a.value(QStringLiteral("id")).toInt();
        const auto who = nameOf(a.value(QStringLiteral("person_id")).toString());
        const auto why = a.value(QStringLiteral("reason")).toString();
        QString text;
        if (kind == QStringLiteral("manual_tap") && a.contains(QStringLiteral("for_unit")))
            text = tr("Walk-in for %1: %2 (%3)").arg(a.value(QStringLiteral("for_unit")).toString(), who, why);
        else if (kind == QStringLiteral("manual_tap")
                 && a.value(QStringLiteral("direction")).toString() == QStringLiteral("out"))
            text = tr("Checked out by hand: %1 (%2)").arg(who, why);
        else if (kind == QStringLiteral("manual_tap"))
            text = tr("Checked in by hand: %1 (%2)").arg(who, why);
        else if (kind == QStringLiteral("leave"))
            text = tr("Leave: %1 (%2)").arg(who, why);
        else if (kind == QStringLiteral("substitute"))
            text = tr("%1 attends for %2").arg(nameOf(a.value(QStringLiteral("other_person_id")).toString()), who);
        else
            text = QStringLiteral("%1 %2 (%3)").arg(kind, who, why);
        const auto author = a.value(QStringLiteral("author")).toString();
        const auto undone = undoneBy.find(id);
        list.prepend(QVariantMap{{QStringLiteral("amendment"), id},
                                 {QStringLiteral("text"), text},
                                 {QStringLiteral("who"), author},
                                 {QStringLiteral("when"), clockOf(a.value(QStringLiteral("created")).toString())},
                                 {QStringLiteral("undone"), undone != undoneBy.end()},
                                 {QStringLiteral("undoneBy"), undone != undoneBy.end() ? undone->second : QString()},
                                 {QStringLiteral("mine"), author == keyName_}});
    }
    if (list == actions_) return;
    actions_ = list;
    emit actionsChanged();
}

void OrganizerDesk::loadRoster()
{
    send(Kind::Roster, {QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--json")}, {});
}

void OrganizerDesk::search(const QString& text)
{
    lastSearch_ = text;
    const auto needle = plainKey(text.trimmed());
    const auto spelled = Pinyin::queryKey(text); // "wu min" → "wumin"; empty unless letters
    matches_.clear();
    if (!needle.isEmpty()) {
        for (std::size_t i = 0; i < rosterKeys_.size(); ++i) {
            const auto& keys = rosterKeys_[i];
            const auto contains = [](const QString& needleText) {
                return [&needleText](const QString& f) { return f.contains(needleText); };
            };
            const bool hit =
                std::any_of(keys.plain.begin(), keys.plain.end(), contains(needle))
                || (!spelled.isEmpty() && std::any_of(keys.pinyin.begin(), keys.pinyin.end(), contains(spelled)));
            if (hit) matches_.push_back(roster_[static_cast<qsizetype>(i)]);
        }
    }
    emit matchesChanged();
}

void OrganizerDesk::manual(const QString& direction, const QString& personId, const QString& reason,
                           const QString& note)
{
    const auto why = withNote(reason, note);
    if (why.isEmpty()) {
        setMessage(tr("Give a reason"), true);
        return;
    }
    const auto at = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    send(Kind::Action,
         {QStringLiteral("checkin"), QStringLiteral("--meeting"), meetingId_, QStringLiteral("--person"), personId,
          QStringLiteral("--at"), at, QStringLiteral("--direction"), direction, QStringLiteral("--reason"), why},
         (direction == QStringLiteral("in") ? tr("Checked in by hand: %1 (%2)") : tr("Checked out by hand: %1 (%2)"))
             .arg(nameOf(personId), why),
         {direction == QStringLiteral("in") ? Action::CheckIn : Action::CheckOut, nameOf(personId), {}});
}

void OrganizerDesk::checkIn(const QString& personId, const QString& reason, const QString& note)
{
    manual(QStringLiteral("in"), personId, reason, note);
}

void OrganizerDesk::checkOut(const QString& personId, const QString& reason, const QString& note)
{
    manual(QStringLiteral("out"), personId, reason, note);
}

void OrganizerDesk::recordLeave(const QString& personId, const QString& reason)
{
    send(Kind::Action,
         {QStringLiteral("leave"), QStringLiteral("add"), QStringLiteral("--meeting"), meetingId_,
          QStringLiteral("--person"), personId, QStringLiteral("--reason"), reason},
         tr("Leave: %1 (%2)").arg(nameOf(personId), reason), {Action::Leave, nameOf(personId), {}});
}

void OrganizerDesk::recordSubstitute(const QString& personId, const QString& byPersonId, const QString& reason)
{
    QStringList argv{QStringLiteral("substitute"), QStringLiteral("add"),
                     QStringLiteral("--meeting"),  meetingId_,
                     QStringLiteral("--person"),   personId,
                     QStringLiteral("--by"),       byPersonId};
    if (!reason.trimmed().isEmpty()) argv << QStringLiteral("--reason") << reason;
    send(Kind::Action, argv, tr("%1 attends for %2").arg(nameOf(byPersonId), nameOf(personId)),
         {Action::Substitute, nameOf(byPersonId), nameOf(personId)});
}

void OrganizerDesk::recordWalkIn(const QString& personId, const QString& unitPath, const QString& reason)
{
    if (unitPath.trimmed().isEmpty()) {
        setMessage(tr("Give the unit the walk-in attends for"), true);
        return;
    }
    send(Kind::Action,
         {QStringLiteral("walkin"), QStringLiteral("add"), QStringLiteral("--meeting"), meetingId_,
          QStringLiteral("--person"), personId, QStringLiteral("--unit"), unitPath.trimmed(),
          QStringLiteral("--reason"), reason.trimmed().isEmpty() ? QStringLiteral("列席") : reason.trimmed()},
         tr("Walk-in for %1: %2").arg(unitPath.trimmed(), nameOf(personId)),
         {Action::WalkIn, nameOf(personId), unitPath.trimmed()});
}

void OrganizerDesk::acknowledgeAlarm(const QString& source, const QString& code, const QString& note)
{
    if (note.trimmed().isEmpty()) {
        setMessage(tr("Give a note: what was seen or done"), true);
        return;
    }
    // Not an amendment of the meeting: no meeting is needed, and it is not in the action list.
    const bool wasBusy = busy();
    inFlight_[client_.run({QStringLiteral("alarm"), QStringLiteral("ack"), QStringLiteral("--source"), source,
                           QStringLiteral("--code"), code, QStringLiteral("--note"), note.trimmed()})] = {
        Kind::Acknowledge,
        {}, // no line in the action list; the board shows the acknowledgement (DeskResultText says it here)
        {Action::AcknowledgeAlarm, source, note.trimmed()},
        0};
    if (wasBusy != busy()) emit busyChanged();
}

void OrganizerDesk::undo(int amendment, const QString& reason)
{
    send(Kind::Undo,
         {QStringLiteral("amendment"), QStringLiteral("revoke"), QString::number(amendment), QStringLiteral("--reason"),
          reason.trimmed().isEmpty() ? QStringLiteral("会务组撤销") : reason},
         tr("Undo #%1").arg(amendment), {Action::Undo, QString::number(amendment), {}}, amendment);
}

void OrganizerDesk::send(Kind kind, const QStringList& argv, const QString& text, const DeskResultText::Request& result,
                         int undoes)
{
    if (kind != Kind::Roster && kind != Kind::ActionList && meetingId_.isEmpty()) {
        setMessage(tr("Choose a meeting first"), true);
        return;
    }
    const bool wasBusy = busy();
    inFlight_[client_.run(argv)] = {kind, text, result, undoes};
    if (wasBusy != busy()) emit busyChanged();
}

void OrganizerDesk::onFinished(const QString& id, const protocol::AdminReply& reply)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return; // another desk's request on the same client
    const auto pending = it->second;
    const bool wasBusy = busy();
    inFlight_.erase(it);
    if (wasBusy != busy()) emit busyChanged();
    const auto out = QString::fromStdString(reply.stdout_text);
    const auto err = QString::fromStdString(reply.stderr_text).trimmed();
    const bool ok = reply.exit_code == 0;
    if (pending.kind == Kind::ActionList) {
        // Quietly: a list that cannot be read leaves the last one (the actions say why they fail).
        if (ok) setActions(out.toUtf8());
        return;
    }
    if (pending.kind == Kind::Roster) {
        if (ok) {
            roster_ = QJsonDocument::fromJson(out.toUtf8()).array().toVariantList();
            rosterKeys_.clear();
            for (const auto& v : roster_) {
                const auto p = v.toMap();
                SearchKeys keys;
                const auto name = p.value(QStringLiteral("name")).toString();
                const auto unit = p.value(QStringLiteral("unit")).toString();
                keys.plain << plainKey(p.value(QStringLiteral("person_id")).toString()) << plainKey(name)
                           << plainKey(unit);
                for (const auto& b : p.value(QStringLiteral("badges")).toList()) keys.plain << plainKey(b.toString());
                for (const auto& k : {pinyin_.keysOf(name, true), pinyin_.keysOf(unit, false)})
                    keys.pinyin << k.full << k.initials;
                rosterKeys_.push_back(std::move(keys));
            }
            rosterLoaded_ = true;
            emit rosterChanged();
            search(lastSearch_);
        } else {
            setMessage(err, true);
        }
        return;
    }
    if (ok && pending.kind == Kind::Action) {
        // Who did it is the key's name: the hub recorded the amendment so.
        // Shown at once; the record's list, read next, replaces it.
        actions_.prepend(
            QVariantMap{{QStringLiteral("amendment"), amendmentIn(out)},
                        {QStringLiteral("text"), pending.text},
                        {QStringLiteral("who"), keyName_},
                        {QStringLiteral("when"), QDateTime::currentDateTime().toString(QStringLiteral("HH:mm"))},
                        {QStringLiteral("undone"), false},
                        {QStringLiteral("undoneBy"), QString()},
                        {QStringLiteral("mine"), true}});
        emit actionsChanged();
    } else if (ok && pending.kind == Kind::Undo) {
        for (auto& a : actions_) {
            auto m = a.toMap();
            if (m.value(QStringLiteral("amendment")).toInt() == pending.undoes) {
                m[QStringLiteral("undone")] = true;
                m[QStringLiteral("undoneBy")] = keyName_;
                a = m;
            }
        }
        emit actionsChanged();
    }
    if (ok) loadActions();
    // In the desk's language, from what it asked and the numbers the hub gave; the CLI's English stays the CLI's.
    const auto line = ok ? DeskResultText::done(pending.result, out) : DeskResultText::failed(pending.result, err);
    setMessage(line, !ok);
    emit actionFinished(ok, line);
}

void OrganizerDesk::onFailed(const QString& id, const QString& message)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return;
    const auto pending = it->second;
    const bool wasBusy = busy();
    inFlight_.erase(it);
    if (wasBusy != busy()) emit busyChanged();
    if (pending.kind == Kind::ActionList) return; // read again with the next change
    const auto line = pending.kind == Kind::Roster ? message : DeskResultText::failed(pending.result, message);
    setMessage(line, true);
    emit actionFinished(false, line);
}

bool OrganizerDesk::busy() const
{
    // Reading the action list in the background does not hold the desk.
    return std::any_of(inFlight_.begin(), inFlight_.end(),
                       [](const auto& p) { return p.second.kind != Kind::ActionList; });
}

void OrganizerDesk::setMessage(const QString& text, bool failed)
{
    message_ = text;
    lastFailed_ = failed;
    emit messageChanged();
}

} // namespace rollcall::dashboard
