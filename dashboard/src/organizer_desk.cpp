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

/// "… (amendment 12)" in what the command printed: the amendment's number, or 0.
int amendmentIn(const QString& out)
{
    static const QRegularExpression re(QStringLiteral("\\(amendment (\\d+)\\)"));
    const auto m = re.match(out);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

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
}

QStringList OrganizerDesk::reasons() const { return {QStringLiteral("忘带卡"), QStringLiteral("卡损坏"), kOther}; }

void OrganizerDesk::setMeetingId(const QString& id)
{
    if (id == meetingId_) return;
    meetingId_ = id;
    // Undo is within the meeting: another meeting starts with an empty list.
    actions_.clear();
    emit meetingIdChanged();
    emit actionsChanged();
}

void OrganizerDesk::loadRoster()
{
    send(Kind::Roster, {QStringLiteral("person"), QStringLiteral("list"), QStringLiteral("--json")}, {});
}

void OrganizerDesk::search(const QString& text)
{
    lastSearch_ = text;
    const auto needle = text.trimmed().remove(QLatin1Char(':')).toCaseFolded();
    matches_.clear();
    if (!needle.isEmpty()) {
        for (const auto& v : roster_) {
            const auto p = v.toMap();
            QStringList fields{p.value(QStringLiteral("person_id")).toString(),
                               p.value(QStringLiteral("name")).toString(), p.value(QStringLiteral("unit")).toString()};
            for (const auto& b : p.value(QStringLiteral("badges")).toList()) fields << b.toString();
            const bool hit = std::any_of(fields.begin(), fields.end(), [&](const QString& f) {
                return QString(f).remove(QLatin1Char(':')).toCaseFolded().contains(needle);
            });
            if (hit) matches_.push_back(p);
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
             .arg(personId, why));
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
         tr("Leave: %1 (%2)").arg(personId, reason));
}

void OrganizerDesk::recordSubstitute(const QString& personId, const QString& byPersonId, const QString& reason)
{
    QStringList argv{QStringLiteral("substitute"), QStringLiteral("add"),
                     QStringLiteral("--meeting"),  meetingId_,
                     QStringLiteral("--person"),   personId,
                     QStringLiteral("--by"),       byPersonId};
    if (!reason.trimmed().isEmpty()) argv << QStringLiteral("--reason") << reason;
    send(Kind::Action, argv, tr("%1 attends for %2").arg(byPersonId, personId));
}

void OrganizerDesk::undo(int amendment, const QString& reason)
{
    send(Kind::Undo,
         {QStringLiteral("amendment"), QStringLiteral("revoke"), QString::number(amendment), QStringLiteral("--reason"),
          reason.trimmed().isEmpty() ? QStringLiteral("会务组撤销") : reason},
         tr("Undo #%1").arg(amendment), amendment);
}

void OrganizerDesk::send(Kind kind, const QStringList& argv, const QString& text, int undoes)
{
    if (kind != Kind::Roster && meetingId_.isEmpty()) {
        setMessage(tr("Choose a meeting first"), true);
        return;
    }
    const bool wasBusy = busy();
    inFlight_[client_.run(argv)] = {kind, text, undoes};
    if (!wasBusy) emit busyChanged();
}

void OrganizerDesk::onFinished(const QString& id, const protocol::AdminReply& reply)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return; // another desk's request on the same client
    const auto pending = it->second;
    inFlight_.erase(it);
    if (!busy()) emit busyChanged();
    const auto out = QString::fromStdString(reply.stdout_text);
    const auto err = QString::fromStdString(reply.stderr_text).trimmed();
    const bool ok = reply.exit_code == 0;
    if (pending.kind == Kind::Roster) {
        if (ok) {
            roster_ = QJsonDocument::fromJson(out.toUtf8()).array().toVariantList();
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
        actions_.prepend(QVariantMap{{QStringLiteral("amendment"), amendmentIn(out)},
                                     {QStringLiteral("text"), pending.text},
                                     {QStringLiteral("who"), keyName_},
                                     {QStringLiteral("undone"), false}});
        emit actionsChanged();
    } else if (ok && pending.kind == Kind::Undo) {
        for (auto& a : actions_) {
            auto m = a.toMap();
            if (m.value(QStringLiteral("amendment")).toInt() == pending.undoes) {
                m[QStringLiteral("undone")] = true;
                a = m;
            }
        }
        emit actionsChanged();
    }
    setMessage(ok ? out.trimmed() : err, !ok);
    emit actionFinished(ok, ok ? out.trimmed() : err);
}

void OrganizerDesk::onFailed(const QString& id, const QString& message)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return;
    inFlight_.erase(it);
    if (!busy()) emit busyChanged();
    setMessage(message, true);
    emit actionFinished(false, message);
}

void OrganizerDesk::setMessage(const QString& text, bool failed)
{
    message_ = text;
    lastFailed_ = failed;
    emit messageChanged();
}

} // namespace rollcall::dashboard
