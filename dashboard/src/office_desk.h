#pragma once
// The office's desk (办公室, issue 16): the month-end paperwork from a desktop
// in another building, over the wire with an office key (AdminClient):
// choose a period and a level, see the units ranked by attendance rate, the
// people with their absences, late arrivals, early departures and notices,
// the notice register and the open appeals (each a table with real columns,
// from the commands' --json), open a person's history, issue and withdraw
// notices, record and resolve appeals, and have reports, sheets, notices and
// the disclosure made at the hub, previewed here (PDF) and saved. Long
// requests show as busy with the time they have taken and how far they have
// come (the hub's figures: meeting 37 of 120), and can be cancelled: the hub
// stops them (admin_cancel) and the board never waits.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/desk_result_text.h"
#include "dashboard/src/json_rows_model.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <map>
#include <optional>

namespace rollcall::dashboard {

class OfficeDesk : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Created in main")
    Q_PROPERTY(QString period READ period WRITE setPeriod NOTIFY periodChanged)
    Q_PROPERTY(int level READ level WRITE setLevel NOTIFY periodChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(bool lastFailed READ lastFailed NOTIFY messageChanged)
    Q_PROPERTY(int elapsedSeconds READ elapsedSeconds NOTIFY elapsedChanged)
    Q_PROPERTY(int progressDone READ progressDone NOTIFY progressChanged)
    Q_PROPERTY(int progressTotal READ progressTotal NOTIFY progressChanged)
    Q_PROPERTY(QString progressText READ progressText NOTIFY progressChanged)
    Q_PROPERTY(JsonRowsModel* ranking READ ranking CONSTANT)
    Q_PROPERTY(QStringList rankingColumns READ rankingColumns CONSTANT)
    Q_PROPERTY(JsonRowsModel* people READ people CONSTANT)
    Q_PROPERTY(QString peopleUnit READ peopleUnit WRITE setPeopleUnit NOTIFY peopleUnitChanged)
    Q_PROPERTY(JsonRowsModel* notices READ notices CONSTANT)
    Q_PROPERTY(JsonRowsModel* appeals READ appeals CONSTANT)
    Q_PROPERTY(QString history READ history NOTIFY historyChanged)
    Q_PROPERTY(QString historyPerson READ historyPerson NOTIFY historyChanged)
    Q_PROPERTY(QByteArray preview READ preview NOTIFY previewChanged)
    Q_PROPERTY(QString previewTitle READ previewTitle NOTIFY previewChanged)

public:
    OfficeDesk(AdminClient& client, QObject* parent = nullptr);

    /// "2026-11", "2026-Q4" or "2026".
    [[nodiscard]] QString period() const { return period_; }
    void setPeriod(const QString& period);
    /// The level of the unit tree the ranking is at (1 = top level).
    [[nodiscard]] int level() const { return level_; }
    void setLevel(int level);
    [[nodiscard]] bool busy() const { return !inFlight_.empty(); }
    [[nodiscard]] QString message() const { return message_; }
    [[nodiscard]] bool lastFailed() const { return lastFailed_; }
    /// How long the oldest request still out has taken (0 when none is).
    [[nodiscard]] int elapsedSeconds() const { return elapsedSeconds_; }
    /// The last figure a request still out sent (done of total; total 0: none yet, or nothing long running).
    [[nodiscard]] int progressDone() const { return progressDone_; }
    [[nodiscard]] int progressTotal() const { return progressTotal_; }
    /// That figure in words ("Meeting 37 of 120"); empty when there is none.
    [[nodiscard]] QString progressText() const;
    /// The units ranked (`report period --by unit --json`): group, rank, unit, name, expected, present, late,
    /// substituted, excused, absent, verify, left_early, rate.
    [[nodiscard]] JsonRowsModel* ranking() const { return ranking_; }
    /// The ranking's column headings as the reports print them (排名, 单位, 应到, …, 出勤率).
    [[nodiscard]] static QStringList rankingColumns();
    /// The people with anything expected in the period (`report period --by person --json`): person_id, name,
    /// unit, the figures, notices; only those under peopleUnit() when it is set.
    [[nodiscard]] JsonRowsModel* people() const { return people_; }
    [[nodiscard]] QString peopleUnit() const { return peopleUnit_; }
    /// Shows only the people of this unit and its sub-units ("" for everyone).
    void setPeopleUnit(const QString& unitPath);
    /// The notice register (`notices list --json`): number, kind, person_id, unit, name, measure, period,
    /// issued, issued_by, state.
    [[nodiscard]] JsonRowsModel* notices() const { return notices_; }
    /// The open appeals (`appeal list --json`): id, meeting, title, person_id, name, by, reason, clerk, received.
    [[nodiscard]] JsonRowsModel* appeals() const { return appeals_; }
    [[nodiscard]] QString history() const { return history_; }
    [[nodiscard]] QString historyPerson() const { return historyPerson_; }
    /// The PDF last previewed (empty: none), and what it is.
    [[nodiscard]] QByteArray preview() const { return preview_; }
    [[nodiscard]] QString previewTitle() const { return previewTitle_; }

    /// The first and last date of a period ("2026-11" → 2026-11-01, 2026-11-30); empty strings if it is not one.
    [[nodiscard]] static std::pair<QString, QString> periodDates(const QString& period);

    /// Asks for the ranking, the people, the register and the open appeals.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void openHistory(const QString& personId);
    /// Issues into the register what the policy finds for the period.
    Q_INVOKABLE void issueNotices();
    Q_INVOKABLE void withdrawNotice(const QString& number, const QString& reason);
    /// Has the hub make a document and saves it at `localPath` (its extension picks the format):
    /// `kind` is "period" (by unit at the level), "performance", "disclosure" (the period's month),
    /// "meeting:M" (a sign-in sheet) or "notice:N" (a notice as issued, .pdf or .txt).
    Q_INVOKABLE void save(const QString& kind, const QString& localPath);
    /// Has the hub make a document (a `kind` as for save()) as PDF and keeps it for preview().
    Q_INVOKABLE void showPreview(const QString& kind);
    /// What a document `kind` is, as the preview's title says it ("Period report 2026-11").
    [[nodiscard]] Q_INVOKABLE QString documentTitle(const QString& kind) const;
    /// Records an appeal (`appeal add`) received today; the appeals are read again afterwards.
    Q_INVOKABLE void addAppeal(const QString& meeting, const QString& person, const QString& reason);
    /// Upholds (the status becomes excused) or rejects an open appeal (`appeal resolve`).
    Q_INVOKABLE void resolveAppeal(const QString& meeting, const QString& person, bool upheld, const QString& reason);
    /// Stops every request still out: the hub is asked to stop each (admin_cancel), and their replies are dropped.
    Q_INVOKABLE void cancel();

signals:
    void periodChanged();
    void busyChanged();
    void messageChanged();
    void rankingChanged();
    void noticesChanged();
    void historyChanged();
    void elapsedChanged();
    void progressChanged();
    void peopleUnitChanged();
    void previewChanged();
    /// A document was saved (or not: `ok` false, the message says why).
    void saved(bool ok, const QString& localPath);

private:
    enum class Kind { Ranking, People, Notices, Appeals, History, Issue, Withdraw, Appeal, Save, Preview };
    struct Pending {
        Kind kind = Kind::Ranking;
        QString localPath;
        QString outputName;
        QString title;                                 ///< a preview's, or a history's person
        std::optional<DeskResultText::Request> result; ///< a change: what the message line says when it ends
    };
    /// Returns the request's id.
    QString send(Kind kind, const QStringList& argv, const QString& localPath = {}, const QString& outputName = {},
                 const QString& title = {});
    /// A change the office asked for (issue, withdraw, an appeal): its result line says what was asked.
    void sendChange(Kind kind, const QStringList& argv, const DeskResultText::Request& result);
    /// The command that makes document `kind` into `name` at the hub; empty (and a message) for an unknown kind.
    QStringList documentCommand(const QString& kind, const QString& name);
    void showPeople();
    void tick();
    void onFinished(const QString& id, const protocol::AdminReply& reply);
    void onFailed(const QString& id, const QString& message);
    void onProgressed(const QString& id, const QString& label, int done, int total);
    /// Forgets the figure when the request that sent it is no longer out.
    void dropProgressOf(const QString& id);
    void setMessage(const QString& text, bool failed);

    AdminClient& client_;
    QString period_;
    int level_ = 1;
    QString message_;
    bool lastFailed_ = false;
    JsonRowsModel* ranking_;
    JsonRowsModel* people_;
    JsonRowsModel* notices_;
    JsonRowsModel* appeals_;
    QJsonArray allPeople_;
    QString peopleUnit_;
    QString history_;
    QString historyPerson_;
    QByteArray preview_;
    QString previewTitle_;
    QElapsedTimer busyFor_;
    QTimer ticker_;
    int elapsedSeconds_ = 0;
    QString progressOf_; ///< the request the figure is of
    QString progressLabel_;
    int progressDone_ = 0;
    int progressTotal_ = 0;
    std::map<QString, Pending> inFlight_;
};

} // namespace rollcall::dashboard
