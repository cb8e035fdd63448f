#include "dashboard/src/meeting_board.h"

#include "common/attendance_rate.h"
#include "dashboard/src/display_text.h"

namespace rollcall::dashboard {

MeetingBoard::MeetingBoard(QObject* parent) : QObject(parent) {}

void MeetingBoard::setMeeting(const protocol::MeetingInfo& meeting)
{
    if (hasMeeting_ && meeting == meeting_) return;
    meeting_ = meeting;
    hasMeeting_ = true;
    emit meetingChanged();
    emit clockChanged();
}

void MeetingBoard::setSummary(const protocol::Summary& summary)
{
    if (summary == summary_) return;
    summary_ = summary;
    emit countsChanged();
}

void MeetingBoard::setVenue(const QString& venueId, int leftEarly, int leftMidMeeting)
{
    const auto venue = venueId.toStdString();
    if (venue == venue_ && leftEarly == venueLeftEarly_ && leftMidMeeting == venueLeftMid_) return;
    venue_ = venue;
    venueLeftEarly_ = leftEarly;
    venueLeftMid_ = leftMidMeeting;
    emit countsChanged();
}

const protocol::VenueCount* MeetingBoard::venueCount() const
{
    if (venue_.empty()) return nullptr;
    for (const auto& v : summary_.venues) {
        if (v.venue_id == venue_) return &v;
    }
    return nullptr;
}

protocol::VenueCount MeetingBoard::shown() const
{
    if (const auto* v = venueCount()) return *v;
    const auto& s = summary_;
    return {{}, s.expected, s.present, s.late, s.absent, s.excused, s.substituted, s.not_arrived};
}

void MeetingBoard::setNow(std::int64_t hubNowMs)
{
    now_ = hubNowMs;
    emit clockChanged();
}

void MeetingBoard::clear()
{
    hasMeeting_ = false;
    meeting_ = {};
    summary_ = {};
    emit meetingChanged();
    emit countsChanged();
    emit clockChanged();
}

QString MeetingBoard::meetingId() const { return DisplayText::fromStd(meeting_.id); }
QString MeetingBoard::title() const { return DisplayText::fromStd(meeting_.title); }

QString MeetingBoard::venuesText() const
{
    // Names when the hub sent them (it does since venue_names was added), else ids.
    const auto& venues = meeting_.venue_names.size() == meeting_.venues.size() ? meeting_.venue_names : meeting_.venues;
    QStringList v;
    for (const auto& name : venues) v << DisplayText::fromStd(name);
    return v.join(QStringLiteral(" · "));
}

QString MeetingBoard::dateText() const { return hasMeeting_ ? DisplayText::date(meeting_.start_ms) : QString(); }

QVariantMap MeetingBoard::venueNames() const
{
    const bool named = meeting_.venue_names.size() == meeting_.venues.size();
    QVariantMap names;
    for (std::size_t i = 0; i < meeting_.venues.size(); ++i)
        names.insert(DisplayText::fromStd(meeting_.venues[i]),
                     DisplayText::fromStd(named ? meeting_.venue_names[i] : meeting_.venues[i]));
    return names;
}

QString MeetingBoard::timeWindowText() const
{
    if (!hasMeeting_) return {};
    return QStringLiteral("%1 – %2").arg(DisplayText::clock(meeting_.start_ms), DisplayText::clock(meeting_.end_ms));
}

QString MeetingBoard::graceText() const
{
    if (!hasMeeting_) return {};
    return tr("Late after %1").arg(DisplayText::clock(meeting_.start_ms + std::int64_t{meeting_.late_grace_s} * 1000));
}

double MeetingBoard::rate() const { return common::attendanceRate(attended(), expected(), excused()).value_or(-1.0); }

QString MeetingBoard::rateText() const
{
    return DisplayText::ratePercent(common::attendancePercent(attended(), expected(), excused()));
}
QColor MeetingBoard::rateColor() const { return DisplayText::rateColor(rate()); }

QVariantList MeetingBoard::venueCounts() const
{
    QVariantList out;
    if (meeting_.venues.size() < 2) return out;
    const auto names = venueNames();
    for (const auto& v : summary_.venues) {
        const auto id = DisplayText::fromStd(v.venue_id);
        const int attended = v.present + v.late + v.substituted;
        const auto rate = common::attendanceRate(attended, v.expected, v.excused).value_or(-1.0);
        out.append(QVariantMap{
            {QStringLiteral("venueId"), id},
            {QStringLiteral("name"), names.value(id, id)},
            {QStringLiteral("main"), !meeting_.venues.empty() && meeting_.venues.front() == v.venue_id},
            {QStringLiteral("expected"), v.expected},
            {QStringLiteral("present"), v.present},
            {QStringLiteral("late"), v.late},
            {QStringLiteral("notArrived"), v.not_arrived},
            {QStringLiteral("absent"), v.absent},
            {QStringLiteral("excused"), v.excused},
            {QStringLiteral("substituted"), v.substituted},
            {QStringLiteral("rateText"),
             DisplayText::ratePercent(common::attendancePercent(attended, v.expected, v.excused))},
            {QStringLiteral("rateColor"), DisplayText::rateColor(rate)},
        });
    }
    return out;
}

MeetingBoard::Phase MeetingBoard::phase() const
{
    if (!hasMeeting_) return Phase::NoMeeting;
    if (meeting_.finalized) return Phase::Finalized;
    if (now_ < meeting_.opening_ms) return Phase::NotOpen;
    if (now_ < meeting_.start_ms) return Phase::CheckInOpen;
    if (now_ < meeting_.end_ms) return Phase::InProgress;
    return Phase::Ended;
}

QString MeetingBoard::phaseText() const
{
    switch (phase()) {
    case Phase::NoMeeting: return tr("No meeting selected");
    case Phase::NotOpen: return tr("Check-in opens in");
    case Phase::CheckInOpen: return tr("Starts in");
    case Phase::InProgress: return tr("Time left");
    case Phase::Ended: return tr("Meeting ended");
    case Phase::Finalized: return tr("Meeting finalized");
    }
    return {};
}

QString MeetingBoard::countdownText() const
{
    switch (phase()) {
    case Phase::NotOpen: return DisplayText::countdown(meeting_.opening_ms - now_);
    case Phase::CheckInOpen: return DisplayText::countdown(meeting_.start_ms - now_);
    case Phase::InProgress: return DisplayText::countdown(meeting_.end_ms - now_);
    case Phase::Ended:
    case Phase::Finalized: return DisplayText::clock(meeting_.end_ms);
    case Phase::NoMeeting: return {};
    }
    return {};
}

QColor MeetingBoard::phaseColor() const
{
    switch (phase()) {
    case Phase::CheckInOpen: return DisplayText::kInfo;
    case Phase::InProgress: return DisplayText::kGood;
    case Phase::Ended: return DisplayText::kWarn;
    default: return DisplayText::kMuted;
    }
}

QString MeetingBoard::nowText() const { return now_ > 0 ? DisplayText::clockSeconds(now_) : QString(); }

} // namespace rollcall::dashboard
