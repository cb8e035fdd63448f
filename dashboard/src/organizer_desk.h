#pragma once
// The organizer's desk (会务组, issue 16): what the people at the door do
// from the board, over the wire with an organizer key (AdminClient): find a
// person on the roster, check them in or out by hand with a reason, record
// leave, an arriving substitute or a walk-in attending for a unit, and undo
// (revoke) an amendment of the meeting. The hub records each as an amendment
// by the key's name, and every board sees it through the live feed. The page
// asks for confirmation before it calls an action; the model only sends and
// reports.
//
// Search: the roster (`person list --json`) carries names, units, person ids
// and badge UIDs; pinyin keys (full and initials, pinyin.h) are derived here
// for names and units, so 吴敏 is found by "wm", "wumin" or "wu min".
//
// The action list is the meeting's amendments by anyone (`amendment list`),
// read again after each action and whenever the board's live feed says the
// meeting changed (recordChanged), so every desk shows what the others did.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/desk_result_text.h"
#include "dashboard/src/pinyin.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <vector>

namespace rollcall::dashboard {

class OrganizerDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created in main")
    Q_PROPERTY(QString meetingId READ meetingId WRITE setMeetingId NOTIFY meetingIdChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool lastFailed READ lastFailed NOTIFY messageChanged)
    Q_PROPERTY(QVariantList matches READ matches NOTIFY matchesChanged)
    Q_PROPERTY(QVariantList actions READ actions NOTIFY actionsChanged)
    Q_PROPERTY(QStringList reasons READ reasons CONSTANT)
    Q_PROPERTY(QString keyName READ keyName CONSTANT)
    Q_PROPERTY(bool rosterLoaded READ rosterLoaded NOTIFY rosterChanged)
    Q_PROPERTY(QString searchText READ searchText NOTIFY matchesChanged)

public:
    /// `keyName` is the name of the board's key: who the hub records as having done it.
    OrganizerDesk(AdminClient& client, QString keyName, QObject* parent = nullptr);

    [[nodiscard]] QString meetingId() const { return meetingId_; }
    void setMeetingId(const QString& id);
    [[nodiscard]] bool busy() const;
    [[nodiscard]] QString message() const { return message_; }
    [[nodiscard]] bool lastFailed() const { return lastFailed_; }
    [[nodiscard]] QVariantList matches() const { return matches_; }
    /// The meeting's amendments by anyone, newest first (revocations mark
    /// what they undo): {amendment, text, who, when, undone, undoneBy, mine}.
    [[nodiscard]] QVariantList actions() const { return actions_; }
    /// The short list of reasons for a check by hand (the last one wants free text).
    [[nodiscard]] QStringList reasons() const;
    [[nodiscard]] QString keyName() const { return keyName_; }
    [[nodiscard]] bool rosterLoaded() const { return rosterLoaded_; }
    /// What the search was last asked for (the page's search field shows it).
    [[nodiscard]] QString searchText() const { return lastSearch_; }

    /// Loads the roster for searching (person list --json).
    Q_INVOKABLE void loadRoster();
    /// Persons whose name, unit, person id or badge UID contains `text` (case-insensitive; ':' in a UID ignored),
    /// or whose name's or unit's pinyin or pinyin initials contain it (spaces ignored); searched again when the
    /// roster arrives.
    Q_INVOKABLE void search(const QString& text);
    /// Reads the meeting's amendments again (the action list).
    Q_INVOKABLE void loadActions();
    /// The live feed changed the meeting: reads the action list again, at most every kRefreshMs.
    void recordChanged();
    /// By hand, now: `reason` from reasons(), `note` the free text (required with 其他).
    Q_INVOKABLE void checkIn(const QString& personId, const QString& reason, const QString& note = {});
    Q_INVOKABLE void checkOut(const QString& personId, const QString& reason, const QString& note = {});
    Q_INVOKABLE void recordLeave(const QString& personId, const QString& reason);
    Q_INVOKABLE void recordSubstitute(const QString& personId, const QString& byPersonId, const QString& reason);
    /// A person not on the roster, checked in now as attending for `unitPath` (walkin add).
    Q_INVOKABLE void recordWalkIn(const QString& personId, const QString& unitPath, const QString& reason);
    /// Acknowledges an alarm of the board with a note (alarm ack): `source` a
    /// reader id (or a badge UID, or "hub"), `code` as the alarm's.
    Q_INVOKABLE void acknowledgeAlarm(const QString& source, const QString& code, const QString& note);
    /// Revokes amendment `amendment` (one of actions()).
    Q_INVOKABLE void undo(int amendment, const QString& reason);

signals:
    void meetingIdChanged();
    void busyChanged();
    void messageChanged();
    void matchesChanged();
    void actionsChanged();
    void rosterChanged();
    /// An action ended: the hub's exit code and what it said.
    void actionFinished(bool ok, const QString& text);

private:
    static constexpr int kRefreshMs = 500;

    enum class Kind { Roster, Action, Undo, ActionList, Acknowledge };
    /// `text`: the action list's line; `result`: what the message line says when it ends.
    void send(Kind kind, const QStringList& argv, const QString& text, const DeskResultText::Request& result = {},
              int undoes = 0);
    void onFinished(const QString& id, const protocol::AdminReply& reply);
    void onFailed(const QString& id, const QString& message);
    void setMessage(const QString& text, bool failed);
    void manual(const QString& direction, const QString& personId, const QString& reason, const QString& note);
    void setActions(const QByteArray& json);
    [[nodiscard]] QString nameOf(const QString& personId) const;

    struct Pending {
        Kind kind = Kind::Action;
        QString text;
        DeskResultText::Request result;
        int undoes = 0;
    };
    AdminClient& client_;
    QString keyName_;
    QString meetingId_;
    QString message_;
    bool lastFailed_ = false;
    QVariantList roster_;
    struct SearchKeys {
        QStringList plain;  ///< id, name, unit, badges: case-folded, without ':'
        QStringList pinyin; ///< full pinyin and initials of the name and the unit
    };
    std::vector<SearchKeys> rosterKeys_; // one per roster_ entry
    Pinyin pinyin_;
    QTimer refresh_;
    bool rosterLoaded_ = false;
    QString lastSearch_;
    QVariantList matches_;
    QVariantList actions_;
    std::map<QString, Pending> inFlight_;
};

} // namespace rollcall::dashboard
