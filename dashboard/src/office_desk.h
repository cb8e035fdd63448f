#pragma once
// The office's desk (办公室, issue 16): the month-end paperwork from a desktop
// in another building, over the wire with an office key (AdminClient):
// choose a period and a level, see the units ranked by attendance rate and
// the notice register, open a person's history, issue and withdraw notices,
// and have reports, sheets, notices and the disclosure made at the hub and
// saved here. Long requests show as busy and can be cancelled: the board
// never waits (a cancelled request may still finish at the hub; its reply
// is dropped).
#include "dashboard/src/admin_client.h"

#include <QObject>
#include <QString>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>

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
    Q_PROPERTY(QVariantList ranking READ ranking NOTIFY rankingChanged)
    Q_PROPERTY(QStringList rankingColumns READ rankingColumns NOTIFY rankingChanged)
    Q_PROPERTY(QVariantList notices READ notices NOTIFY noticesChanged)
    Q_PROPERTY(QString history READ history NOTIFY historyChanged)

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
    /// The units ranked: one map per row, keyed by rankingColumns() (排名, 单位, 应到, …, 出勤率).
    [[nodiscard]] QVariantList ranking() const { return ranking_; }
    [[nodiscard]] QStringList rankingColumns() const { return rankingColumns_; }
    /// The notice register (`notices list --json`): number, person_id, unit, measure, period, issued, state.
    [[nodiscard]] QVariantList notices() const { return notices_; }
    [[nodiscard]] QString history() const { return history_; }

    /// The first and last date of a period ("2026-11" → 2026-11-01, 2026-11-30); empty strings if it is not one.
    [[nodiscard]] static std::pair<QString, QString> periodDates(const QString& period);

    /// Asks for the ranking and the register.
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void openHistory(const QString& personId);
    /// Issues into the register what the policy finds for the period.
    Q_INVOKABLE void issueNotices();
    Q_INVOKABLE void withdrawNotice(const QString& number, const QString& reason);
    /// Has the hub make a document and saves it at `localPath` (its extension picks the format):
    /// `kind` is "period" (by unit at the level), "performance", "disclosure" (the period's month),
    /// "meeting:M" (a sign-in sheet) or "notice:N" (a notice as issued, .pdf or .txt).
    Q_INVOKABLE void save(const QString& kind, const QString& localPath);
    /// Drops every request still waiting.
    Q_INVOKABLE void cancel();

signals:
    void periodChanged();
    void busyChanged();
    void messageChanged();
    void rankingChanged();
    void noticesChanged();
    void historyChanged();
    /// A document was saved (or not: `ok` false, the message says why).
    void saved(bool ok, const QString& localPath);

private:
    enum class Kind { Ranking, Notices, History, Issue, Withdraw, Save };
    struct Pending {
        Kind kind = Kind::Ranking;
        QString localPath;
        QString outputName;
    };
    void send(Kind kind, const QStringList& argv, const QString& localPath = {}, const QString& outputName = {});
    void onFinished(const QString& id, const protocol::AdminReply& reply);
    void onFailed(const QString& id, const QString& message);
    void setMessage(const QString& text, bool failed);
    void readRanking(const std::string& csv);

    AdminClient& client_;
    QString period_;
    int level_ = 1;
    QString message_;
    bool lastFailed_ = false;
    QVariantList ranking_;
    QStringList rankingColumns_;
    QVariantList notices_;
    QString history_;
    std::map<QString, Pending> inFlight_;
};

} // namespace rollcall::dashboard
