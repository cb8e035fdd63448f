#include "dashboard/src/display_text.h"

#include <QDateTime>

namespace rollcall::dashboard {

namespace {
QTimeZone& zoneStorage()
{
    static QTimeZone zone{QByteArrayLiteral("Asia/Shanghai")};
    return zone;
}
} // namespace

void DisplayText::setDisplayZone(const QTimeZone& zone) { zoneStorage() = zone; }
QTimeZone DisplayText::displayZone() { return zoneStorage(); }

QString DisplayText::clock(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zoneStorage()).toString(QStringLiteral("HH:mm"));
}

QString DisplayText::date(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zoneStorage()).toString(QStringLiteral("yyyy-MM-dd"));
}

QString DisplayText::clockSeconds(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zoneStorage()).toString(QStringLiteral("HH:mm:ss"));
}

QString DisplayText::countdown(std::int64_t ms)
{
    const std::int64_t s = std::max<std::int64_t>(0, ms / 1000);
    const auto h = s / 3600, m = (s % 3600) / 60, sec = s % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3").arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(sec, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(sec, 2, 10, QLatin1Char('0'));
}

QString DisplayText::ago(std::int64_t ms)
{
    const std::int64_t s = std::max<std::int64_t>(0, ms / 1000);
    if (s < 60) return tr("%1 s ago").arg(s);
    if (s < 3600) return tr("%1 min ago").arg(s / 60);
    return tr("%1 h ago").arg(s / 3600);
}

QString DisplayText::status(protocol::AttendanceStatus s)
{
    using S = protocol::AttendanceStatus;
    switch (s) {
    case S::Present: return tr("On time");
    case S::Late: return tr("Late");
    case S::Absent: return tr("Absent");
    case S::Excused: return tr("On leave");
    case S::Substituted: return tr("Substituted");
    case S::NotArrived: return tr("Not arrived");
    case S::Overdue: return tr("Overdue");
    }
    return {};
}

QColor DisplayText::statusColor(protocol::AttendanceStatus s)
{
    using S = protocol::AttendanceStatus;
    switch (s) {
    case S::Present: return kGood;
    case S::Late: return kWarn;
    case S::Absent: return kBad;
    case S::Overdue: return kBad;
    case S::Excused: return kInfo;
    case S::Substituted: return kSubst;
    case S::NotArrived: return kMuted;
    }
    return kMuted;
}

QString DisplayText::flag(protocol::AttendanceFlag f)
{
    using F = protocol::AttendanceFlag;
    switch (f) {
    case F::LeftEarly: return tr("Left early");
    case F::LeftMidMeeting: return tr("Left mid-meeting");
    case F::NoCheckout: return tr("No check-out");
    }
    return {};
}

QString DisplayText::verdict(protocol::Verdict v)
{
    using V = protocol::Verdict;
    switch (v) {
    case V::Present: return tr("On time");
    case V::Late: return tr("Late");
    case V::CheckedOut: return tr("Checked out");
    case V::WalkIn: return tr("Walk-in");
    case V::UnknownBadge: return tr("Unknown badge");
    case V::Duplicate: return tr("Repeat tap");
    case V::NotInWindow: return tr("Outside window");
    case V::UnknownReader: return tr("Unknown reader");
    case V::RevokedBadge: return tr("Revoked badge");
    }
    return {};
}

namespace {
bool leavesEarly(const protocol::TapEvent& t)
{
    return t.verdict == protocol::Verdict::CheckedOut && t.early_minutes.value_or(0) > 0;
}
} // namespace

QString DisplayText::tapVerdict(const protocol::TapEvent& t)
{
    return leavesEarly(t) ? tr("Left early") : verdict(t.verdict);
}

QColor DisplayText::tapVerdictColor(const protocol::TapEvent& t)
{
    return leavesEarly(t) ? kEarly : verdictColor(t.verdict);
}

QString DisplayText::alarm(const protocol::Alarm& a)
{
    const auto param = [&a](std::size_t i) { return i < a.params.size() ? fromStd(a.params[i]) : QString(); };
    if (a.code == "reader_offline") return tr("Reader %1 offline").arg(param(0));
    if (a.code == "reader_online") return tr("Reader %1 back online").arg(param(0));
    if (a.code == "record_write_recovered") return tr("The record is written again");
    if (a.code == "revoked_badge") {
        // uid, holder, reason, reader, venue, the tap's time in ms (docs/protocol.md §5.9)
        QStringList who;
        if (!param(1).isEmpty()) who << param(1);
        const auto reason = param(2);
        if (reason == QLatin1String("lost")) who << tr("reported lost");
        if (reason == QLatin1String("broken")) who << tr("reported broken");
        if (reason == QLatin1String("left")) who << tr("holder left");
        bool timed = false;
        const auto atMs = param(5).toLongLong(&timed);
        const auto at = timed ? clockSeconds(atMs) : QString();
        if (who.isEmpty())
            return tr("Revoked badge %1 tapped at %2, %3: someone is using a lost card").arg(param(0), param(3), at);
        return tr("Revoked badge %1 (%2) tapped at %3, %4: someone is using a lost card")
            .arg(param(0), who.join(tr(", ")), param(3), at);
    }
    if (a.code == "record_write_failed") {
        const auto cause = param(0);
        QString why = tr("database error");
        if (cause == QLatin1String("disk_full")) why = tr("disk full");
        if (cause == QLatin1String("io_error")) why = tr("disk read/write error");
        if (cause == QLatin1String("busy")) why = tr("the record is in use by another program");
        if (cause == QLatin1String("read_only")) why = tr("the record is read-only");
        if (cause == QLatin1String("cannot_open")) why = tr("cannot open the record file");
        return tr("The record cannot be written: %1 (%2)").arg(why, param(1));
    }
    return fromStd(a.message);
}

QColor DisplayText::verdictColor(protocol::Verdict v)
{
    using V = protocol::Verdict;
    switch (v) {
    case V::Present: return kGood;
    case V::Late: return kWarn;
    case V::CheckedOut: return kInfo;
    case V::WalkIn: return kSubst;
    case V::UnknownBadge: return kBad;
    case V::UnknownReader: return kBad;
    case V::RevokedBadge: return kBad;
    case V::Duplicate: return kMuted;
    case V::NotInWindow: return kMuted;
    }
    return kMuted;
}

QString DisplayText::direction(std::optional<protocol::Direction> d)
{
    if (!d) return {};
    return *d == protocol::Direction::In ? tr("In") : tr("Out");
}

QString DisplayText::readerState(const protocol::ReaderHealth& r)
{
    if (!r.reader_state) return tr("Never seen");
    if (!r.online) return tr("Offline");
    switch (*r.reader_state) {
    case protocol::ReaderState::Ok: return tr("Online");
    case protocol::ReaderState::NoReader: return tr("No reader attached");
    case protocol::ReaderState::Error: return tr("Reader error");
    }
    return {};
}

QString DisplayText::meetingState(protocol::MeetingState s)
{
    using M = protocol::MeetingState;
    switch (s) {
    case M::Scheduled: return tr("Scheduled");
    case M::Open: return tr("Check-in open");
    case M::InProgress: return tr("In progress");
    case M::Ended: return tr("Ended");
    case M::Finalized: return tr("Finalized");
    }
    return {};
}

QColor DisplayText::meetingStateColor(protocol::MeetingState s)
{
    using M = protocol::MeetingState;
    switch (s) {
    case M::Scheduled: return kMuted;
    case M::Open: return kInfo;
    case M::InProgress: return kGood;
    case M::Ended: return kWarn;
    case M::Finalized: return kMuted;
    }
    return kMuted;
}

QString DisplayText::ratePercent(std::optional<double> percent)
{
    if (!percent) return QStringLiteral("—");
    return QStringLiteral("%1%").arg(*percent, 0, 'f', 1);
}

QColor DisplayText::rateColor(double rate)
{
    if (rate < 0) return kMuted;
    if (rate >= 0.95) return kGood;
    if (rate >= 0.9) return kWarn;
    return kBad;
}

} // namespace rollcall::dashboard
