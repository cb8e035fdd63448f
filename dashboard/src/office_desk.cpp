#include "dashboard/src/office_desk.h"

#include "protocol/base64.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <optional>

namespace rollcall::dashboard {
namespace {

/// The figures every row of the ranking and of the people has (`report period --json`).
QStringList withFigures(QStringList keys)
{
    keys << QStringLiteral("expected") << QStringLiteral("attended") << QStringLiteral("present")
         << QStringLiteral("late") << QStringLiteral("substituted") << QStringLiteral("excused")
         << QStringLiteral("absent") << QStringLiteral("verify") << QStringLiteral("left_early")
         << QStringLiteral("rate");
    return keys;
}

QJsonArray jsonRows(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).array(); }

} // namespace

OfficeDesk::OfficeDesk(AdminClient& client, QObject* parent)
    : QObject(parent), client_(client), period_(QDate::currentDate().addMonths(-1).toString(QStringLiteral("yyyy-MM"))),
      ranking_(new JsonRowsModel(withFigures({QStringLiteral("group"), QStringLiteral("rank"), QStringLiteral("unit"),
                                              QStringLiteral("name")}),
                                 this)),
      people_(
          new JsonRowsModel(withFigures({QStringLiteral("person_id"), QStringLiteral("name"), QStringLiteral("unit")})
                                << QStringLiteral("notices"),
                            this)),
      notices_(new JsonRowsModel({QStringLiteral("number"), QStringLiteral("year"), QStringLiteral("n"),
                                  QStringLiteral("kind"), QStringLiteral("person_id"), QStringLiteral("unit"),
                                  QStringLiteral("name"), QStringLiteral("measure"), QStringLiteral("period"),
                                  QStringLiteral("issued"), QStringLiteral("issued_by"), QStringLiteral("state")},
                                 this)),
      appeals_(new JsonRowsModel({QStringLiteral("id"), QStringLiteral("meeting"), QStringLiteral("title"),
                                  QStringLiteral("person_id"), QStringLiteral("name"), QStringLiteral("by"),
                                  QStringLiteral("reason"), QStringLiteral("clerk"), QStringLiteral("received")},
                                 this))
{
    connect(&client_, &AdminClient::finished, this, &OfficeDesk::onFinished);
    connect(&client_, &AdminClient::failed, this, &OfficeDesk::onFailed);
    connect(&client_, &AdminClient::progressed, this, &OfficeDesk::onProgressed);
    // The elapsed time under the busy indicator, once a second while anything is out.
    ticker_.setInterval(1000);
    connect(&ticker_, &QTimer::timeout, this, &OfficeDesk::tick);
}

QStringList OfficeDesk::rankingColumns()
{
    return {QStringLiteral("排名"), QStringLiteral("单位"), QStringLiteral("应到"), QStringLiteral("到会"),
            QStringLiteral("迟到"), QStringLiteral("缺席"), QStringLiteral("请假"), QStringLiteral("出勤率")};
}

void OfficeDesk::setPeopleUnit(const QString& unitPath)
{
    if (unitPath == peopleUnit_) return;
    peopleUnit_ = unitPath;
    emit peopleUnitChanged();
    showPeople();
}

void OfficeDesk::showPeople()
{
    QJsonArray shown;
    for (const auto& row : allPeople_) {
        const auto unit = row.toObject().value(QStringLiteral("unit")).toString();
        if (peopleUnit_.isEmpty() || unit == peopleUnit_ || unit.startsWith(peopleUnit_ + QLatin1Char('/')))
            shown.append(row);
    }
    people_->setRows(shown);
}

void OfficeDesk::tick()
{
    if (!busy()) ticker_.stop();
    elapsedSeconds_ = busy() ? static_cast<int>(busyFor_.elapsed() / 1000) : 0;
    emit elapsedChanged();
}

void OfficeDesk::setPeriod(const QString& period)
{
    if (period == period_) return;
    period_ = period;
    emit periodChanged();
}

void OfficeDesk::setLevel(int level)
{
    if (level == level_) return;
    level_ = level;
    emit periodChanged();
}

std::pair<QString, QString> OfficeDesk::periodDates(const QString& period)
{
    static const QRegularExpression month(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarter(QStringLiteral("^(\\d{4})-Q([1-4])$"));
    static const QRegularExpression year(QStringLiteral("^(\\d{4})$"));
    QDate first;
    QDate last;
    if (const auto m = month.match(period); m.hasMatch()) {
        first = QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1);
        last = first.addMonths(1).addDays(-1);
    } else if (const auto q = quarter.match(period); q.hasMatch()) {
        first = QDate(q.captured(1).toInt(), (q.captured(2).toInt() - 1) * 3 + 1, 1);
        last = first.addMonths(3).addDays(-1);
    } else if (const auto y = year.match(period); y.hasMatch()) {
        first = QDate(y.captured(1).toInt(), 1, 1);
        last = QDate(y.captured(1).toInt(), 12, 31);
    }
    if (!first.isValid()) return {};
    return {first.toString(Qt::ISODate), last.toString(Qt::ISODate)};
}

void OfficeDesk::refresh()
{
    const auto [from, to] = periodDates(period_);
    if (from.isEmpty()) {
        setMessage(tr("Period \"%1\" is not YYYY-MM, YYYY-Qn or YYYY").arg(period_), true);
        return;
    }
    const QStringList report{
        QStringLiteral("report"), QStringLiteral("period"), QStringLiteral("--from"), from, QStringLiteral("--to"), to,
        QStringLiteral("--json"), QStringLiteral("--by")};
    send(Kind::Ranking, QStringList(report)
                            << QStringLiteral("unit") << QStringLiteral("--level") << QString::number(level_));
    send(Kind::People, QStringList(report) << QStringLiteral("person"));
    send(Kind::Notices, {QStringLiteral("notices"), QStringLiteral("list"), QStringLiteral("--json")});
    send(Kind::Appeals, {QStringLiteral("appeal"), QStringLiteral("list"), QStringLiteral("--json")});
}

void OfficeDesk::openHistory(const QString& personId)
{
    send(Kind::History, {QStringLiteral("person"), QStringLiteral("history"), personId}, {}, {}, personId);
}

void OfficeDesk::issueNotices()
{
    sendChange(Kind::Issue, {QStringLiteral("notices"), QStringLiteral("issue"), QStringLiteral("--period"), period_},
               {DeskResultText::Action::IssueNotices, period_, {}});
}

void OfficeDesk::withdrawNotice(const QString& number, const QString& reason)
{
    sendChange(Kind::Withdraw,
               {QStringLiteral("notices"), QStringLiteral("withdraw"), number, QStringLiteral("--reason"), reason},
               {DeskResultText::Action::WithdrawNotice, number, {}});
}

QStringList OfficeDesk::documentCommand(const QString& kind, const QString& name)
{
    const auto [from, to] = periodDates(period_);
    QStringList argv;
    if (kind == QLatin1String("period")) {
        argv = {QStringLiteral("report"),  QStringLiteral("period"),
                QStringLiteral("--from"),  from,
                QStringLiteral("--to"),    to,
                QStringLiteral("--by"),    QStringLiteral("unit"),
                QStringLiteral("--level"), QString::number(level_)};
    } else if (kind == QLatin1String("performance")) {
        argv = {QStringLiteral("report"),  QStringLiteral("performance"), QStringLiteral("--period"), period_,
                QStringLiteral("--level"), QString::number(level_)};
    } else if (kind == QLatin1String("disclosure")) {
        argv = {QStringLiteral("disclosure"), QStringLiteral("--month"), period_};
    } else if (kind.startsWith(QLatin1String("meeting:"))) {
        argv = {QStringLiteral("report"), QStringLiteral("meeting"), kind.mid(8)};
    } else if (kind.startsWith(QLatin1String("notice:"))) {
        argv = {QStringLiteral("notices"), QStringLiteral("show"), kind.mid(7)};
    } else {
        setMessage(tr("Unknown document \"%1\"").arg(kind), true);
        return {};
    }
    return argv << QStringLiteral("--output") << name;
}

void OfficeDesk::save(const QString& kind, const QString& localPath)
{
    // The hub writes under the file's own name; the reply's file is saved at localPath.
    const auto name = QFileInfo(localPath).fileName();
    const auto argv = documentCommand(kind, name);
    if (!argv.isEmpty()) send(Kind::Save, argv, localPath, name);
}

void OfficeDesk::showPreview(const QString& kind)
{
    // Always a PDF, whatever the document is saved as: XLSX and CSV are saved, not previewed.
    const auto name = QStringLiteral("preview.pdf");
    const auto argv = documentCommand(kind, name);
    if (!argv.isEmpty()) send(Kind::Preview, argv, {}, name, documentTitle(kind));
}

QString OfficeDesk::documentTitle(const QString& kind) const
{
    if (kind == QLatin1String("period")) return tr("Period report %1").arg(period_);
    if (kind == QLatin1String("performance")) return tr("Performance table %1").arg(period_);
    if (kind == QLatin1String("disclosure")) return tr("Disclosure list %1").arg(period_);
    if (kind.startsWith(QLatin1String("meeting:"))) return tr("Sign-in sheet %1").arg(kind.mid(8));
    if (kind.startsWith(QLatin1String("notice:"))) return kind.mid(7);
    return kind;
}

void OfficeDesk::addAppeal(const QString& meeting, const QString& person, const QString& reason)
{
    sendChange(Kind::Appeal,
               {QStringLiteral("appeal"), QStringLiteral("add"), QStringLiteral("--meeting"), meeting,
                QStringLiteral("--person"), person, QStringLiteral("--reason"), reason},
               {DeskResultText::Action::AddAppeal, person, meeting});
}

void OfficeDesk::resolveAppeal(const QString& meeting, const QString& person, bool upheld, const QString& reason)
{
    sendChange(Kind::Appeal,
               {QStringLiteral("appeal"), QStringLiteral("resolve"), QStringLiteral("--meeting"), meeting,
                QStringLiteral("--person"), person, upheld ? QStringLiteral("--upheld") : QStringLiteral("--rejected"),
                QStringLiteral("--reason"), reason},
               {upheld ? DeskResultText::Action::UpholdAppeal : DeskResultText::Action::RejectAppeal, person, meeting});
}

void OfficeDesk::cancel()
{
    for (const auto& [id, pending] : inFlight_) client_.cancel(id);
    inFlight_.clear();
    dropProgressOf(progressOf_);
    emit busyChanged();
    tick();
    setMessage(tr("Cancelled"), false);
}

QString OfficeDesk::send(Kind kind, const QStringList& argv, const QString& localPath, const QString& outputName,
                         const QString& title)
{
    const bool wasBusy = busy();
    const auto id = client_.run(argv);
    inFlight_[id] = {kind, localPath, outputName, title, std::nullopt};
    if (!wasBusy) {
        busyFor_.start();
        ticker_.start();
        tick();
        emit busyChanged();
    }
    return id;
}

void OfficeDesk::sendChange(Kind kind, const QStringList& argv, const DeskResultText::Request& result)
{
    const auto id = send(kind, argv);
    if (const auto it = inFlight_.find(id); it != inFlight_.end()) it->second.result = result;
}

void OfficeDesk::onFinished(const QString& id, const protocol::AdminReply& reply)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return;
    const auto pending = it->second;
    inFlight_.erase(it);
    dropProgressOf(id);
    if (!busy()) {
        emit busyChanged();
        tick();
    }
    const auto out = QString::fromStdString(reply.stdout_text).trimmed();
    const auto err = QString::fromStdString(reply.stderr_text).trimmed();
    if (reply.exit_code != 0) {
        setMessage(pending.result ? DeskResultText::failed(*pending.result, err) : err, true);
        if (pending.kind == Kind::Save) emit saved(false, pending.localPath);
        return;
    }
    const auto fileNamed = [&](const QString& name) -> std::optional<std::string> {
        for (const auto& f : reply.files) {
            if (QString::fromStdString(f.name) == name) return protocol::fromBase64(f.bytes_base64);
        }
        return std::nullopt;
    };
    switch (pending.kind) {
    case Kind::Ranking: ranking_->setRows(jsonRows(out)); break;
    case Kind::People:
        allPeople_ = jsonRows(out);
        showPeople();
        break;
    case Kind::Notices: notices_->setRows(jsonRows(out)); break;
    case Kind::Appeals: appeals_->setRows(jsonRows(out)); break;
    case Kind::History:
        history_ = out;
        historyPerson_ = pending.title;
        emit historyChanged();
        break;
    case Kind::Issue:
    case Kind::Withdraw:
        setMessage(pending.result ? DeskResultText::done(*pending.result, out) : out, false);
        send(Kind::Notices, {QStringLiteral("notices"), QStringLiteral("list"), QStringLiteral("--json")});
        break;
    case Kind::Appeal:
        // An upheld appeal may also withdraw notices: both lists are read again.
        setMessage(pending.result ? DeskResultText::done(*pending.result, out) : out, false);
        send(Kind::Appeals, {QStringLiteral("appeal"), QStringLiteral("list"), QStringLiteral("--json")});
        send(Kind::Notices, {QStringLiteral("notices"), QStringLiteral("list"), QStringLiteral("--json")});
        break;
    case Kind::Preview:
        if (const auto bytes = fileNamed(pending.outputName)) {
            preview_ = QByteArray::fromStdString(*bytes);
            previewTitle_ = pending.title;
            emit previewChanged();
        }
        break;
    case Kind::Save: {
        const auto bytes = fileNamed(pending.outputName);
        QSaveFile file(pending.localPath);
        const bool ok =
            bytes && file.open(QIODevice::WriteOnly)
            && file.write(bytes->data(), static_cast<qint64>(bytes->size())) == static_cast<qint64>(bytes->size())
            && file.commit();
        setMessage(ok ? tr("Saved %1").arg(pending.localPath) : tr("Cannot save %1").arg(pending.localPath), !ok);
        emit saved(ok, pending.localPath);
        break;
    }
    }
}

void OfficeDesk::onFailed(const QString& id, const QString& message)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return;
    const auto pending = it->second;
    inFlight_.erase(it);
    dropProgressOf(id);
    if (!busy()) {
        emit busyChanged();
        tick();
    }
    setMessage(pending.result ? DeskResultText::failed(*pending.result, message) : message, true);
    if (pending.kind == Kind::Save) emit saved(false, pending.localPath);
}

void OfficeDesk::onProgressed(const QString& id, const QString& label, int done, int total)
{
    if (!inFlight_.contains(id)) return;
    // Several requests may be out (a refresh sends four): the desk shows the one that reported last.
    progressOf_ = id;
    progressLabel_ = label;
    progressDone_ = done;
    progressTotal_ = total;
    emit progressChanged();
}

void OfficeDesk::dropProgressOf(const QString& id)
{
    if (progressOf_.isEmpty() || id != progressOf_) return;
    progressOf_.clear();
    progressLabel_.clear();
    progressDone_ = 0;
    progressTotal_ = 0;
    emit progressChanged();
}

QString OfficeDesk::progressText() const
{
    if (progressTotal_ <= 0) return {};
    // The reports' one long step (reports::AttendanceLedger) says so in words; another, by the hub's label.
    if (progressLabel_ == QStringLiteral("评估会议"))
        return tr("Meeting %1 of %2").arg(progressDone_).arg(progressTotal_);
    return tr("%1: %2 of %3").arg(progressLabel_).arg(progressDone_).arg(progressTotal_);
}

void OfficeDesk::setMessage(const QString& text, bool failed)
{
    message_ = text;
    lastFailed_ = failed;
    emit messageChanged();
}

} // namespace rollcall::dashboard
