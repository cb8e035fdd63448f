#include "dashboard/src/office_desk.h"

#include "protocol/base64.h"

#include <QDate>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSaveFile>
#include <optional>

namespace rollcall::dashboard {
namespace {

/// One line of the report's CSV: fields split at commas, quotes as RFC 4180 writes them.
QStringList csvFields(const QString& line)
{
    QStringList fields;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
        } else {
            field += c;
        }
    }
    fields << field;
    return fields;
}

} // namespace

OfficeDesk::OfficeDesk(AdminClient& client, QObject* parent)
    : QObject(parent), client_(client), period_(QDate::currentDate().addMonths(-1).toString(QStringLiteral("yyyy-MM")))
{
    connect(&client_, &AdminClient::finished, this, &OfficeDesk::onFinished);
    connect(&client_, &AdminClient::failed, this, &OfficeDesk::onFailed);
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
    send(Kind::Ranking,
         {QStringLiteral("report"), QStringLiteral("period"), QStringLiteral("--from"), from, QStringLiteral("--to"),
          to, QStringLiteral("--by"), QStringLiteral("unit"), QStringLiteral("--level"), QString::number(level_),
          QStringLiteral("--format"), QStringLiteral("csv"), QStringLiteral("--output"), QStringLiteral("ranking.csv")},
         {}, QStringLiteral("ranking.csv"));
    send(Kind::Notices, {QStringLiteral("notices"), QStringLiteral("list"), QStringLiteral("--json")});
}

void OfficeDesk::openHistory(const QString& personId)
{
    send(Kind::History, {QStringLiteral("person"), QStringLiteral("history"), personId});
}

void OfficeDesk::issueNotices()
{
    send(Kind::Issue, {QStringLiteral("notices"), QStringLiteral("issue"), QStringLiteral("--period"), period_});
}

void OfficeDesk::withdrawNotice(const QString& number, const QString& reason)
{
    send(Kind::Withdraw,
         {QStringLiteral("notices"), QStringLiteral("withdraw"), number, QStringLiteral("--reason"), reason});
}

void OfficeDesk::save(const QString& kind, const QString& localPath)
{
    // The hub writes under the file's own name; the reply's file is saved at localPath.
    const auto name = QFileInfo(localPath).fileName();
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
        return;
    }
    argv << QStringLiteral("--output") << name;
    send(Kind::Save, argv, localPath, name);
}

void OfficeDesk::cancel()
{
    for (const auto& [id, pending] : inFlight_) client_.cancel(id);
    inFlight_.clear();
    emit busyChanged();
    setMessage(tr("Cancelled"), false);
}

void OfficeDesk::send(Kind kind, const QStringList& argv, const QString& localPath, const QString& outputName)
{
    const bool wasBusy = busy();
    inFlight_[client_.run(argv)] = {kind, localPath, outputName};
    if (!wasBusy) emit busyChanged();
}

void OfficeDesk::readRanking(const std::string& csv)
{
    auto text = QString::fromStdString(csv);
    if (text.startsWith(QChar(0xFEFF))) text.remove(0, 1);
    ranking_.clear();
    rankingColumns_.clear();
    // The table: its header row starts with 排名, its rows with a rank; the lines around it are titles and notes.
    for (const auto& line : text.split(QLatin1Char('\n'))) {
        const auto row = line.trimmed();
        if (row.startsWith(QStringLiteral("排名,"))) {
            rankingColumns_ = csvFields(row);
        } else if (!rankingColumns_.isEmpty() && !row.isEmpty() && row[0].isDigit()) {
            const auto fields = csvFields(row);
            QVariantMap m;
            for (qsizetype i = 0; i < fields.size() && i < rankingColumns_.size(); ++i)
                m[rankingColumns_[i]] = fields[i];
            ranking_.push_back(m);
        }
    }
    emit rankingChanged();
}

void OfficeDesk::onFinished(const QString& id, const protocol::AdminReply& reply)
{
    const auto it = inFlight_.find(id);
    if (it == inFlight_.end()) return;
    const auto pending = it->second;
    inFlight_.erase(it);
    if (!busy()) emit busyChanged();
    const auto out = QString::fromStdString(reply.stdout_text).trimmed();
    const auto err = QString::fromStdString(reply.stderr_text).trimmed();
    if (reply.exit_code != 0) {
        setMessage(err, true);
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
    case Kind::Ranking:
        if (const auto csv = fileNamed(pending.outputName)) readRanking(*csv);
        break;
    case Kind::Notices:
        notices_ = QJsonDocument::fromJson(out.toUtf8()).array().toVariantList();
        emit noticesChanged();
        break;
    case Kind::History:
        history_ = out;
        emit historyChanged();
        break;
    case Kind::Issue:
    case Kind::Withdraw:
        setMessage(out, false);
        send(Kind::Notices, {QStringLiteral("notices"), QStringLiteral("list"), QStringLiteral("--json")});
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
    if (!busy()) emit busyChanged();
    setMessage(message, true);
    if (pending.kind == Kind::Save) emit saved(false, pending.localPath);
}

void OfficeDesk::setMessage(const QString& text, bool failed)
{
    message_ = text;
    lastFailed_ = failed;
    emit messageChanged();
}

} // namespace rollcall::dashboard
