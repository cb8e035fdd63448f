#pragma once
// The head of the board: the meeting's title, venues and times, the time to
// start or time left, and the large counts and attendance rate, all
// display-ready. Counts are the hub's Summary; times follow the hub clock.

#include "protocol/messages.h"

#include <QColor>
#include <QObject>
#include <QString>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace rollcall::dashboard {

class MeetingBoard : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Owned by Dashboard")

    Q_PROPERTY(bool hasMeeting READ hasMeeting NOTIFY meetingChanged)
    Q_PROPERTY(QString meetingId READ meetingId NOTIFY meetingChanged)
    Q_PROPERTY(QString title READ title NOTIFY meetingChanged)
    Q_PROPERTY(QString venuesText READ venuesText NOTIFY meetingChanged)
    Q_PROPERTY(QString dateText READ dateText NOTIFY meetingChanged)
    Q_PROPERTY(QString timeWindowText READ timeWindowText NOTIFY meetingChanged)
    Q_PROPERTY(QVariantMap venueNames READ venueNames NOTIFY meetingChanged)
    Q_PROPERTY(QString graceText READ graceText NOTIFY meetingChanged)

    Q_PROPERTY(int expected READ expected NOTIFY countsChanged)
    Q_PROPERTY(int present READ present NOTIFY countsChanged)
    Q_PROPERTY(int late READ late NOTIFY countsChanged)
    Q_PROPERTY(int absent READ absent NOTIFY countsChanged)
    Q_PROPERTY(int notArrived READ notArrived NOTIFY countsChanged)
    Q_PROPERTY(int excused READ excused NOTIFY countsChanged)
    Q_PROPERTY(int substituted READ substituted NOTIFY countsChanged)
    Q_PROPERTY(int leftEarly READ leftEarly NOTIFY countsChanged)
    Q_PROPERTY(int leftMidMeeting READ leftMidMeeting NOTIFY countsChanged)
    Q_PROPERTY(int walkIns READ walkIns NOTIFY countsChanged)
    Q_PROPERTY(int unknownBadges READ unknownBadges NOTIFY countsChanged)
    Q_PROPERTY(int attended READ attended NOTIFY countsChanged)
    Q_PROPERTY(double rate READ rate NOTIFY countsChanged)
    Q_PROPERTY(QString rateText READ rateText NOTIFY countsChanged)
    Q_PROPERTY(QColor rateColor READ rateColor NOTIFY countsChanged)
    /// At a meeting with branch venues, one entry per venue (main venue first):
    /// {venueId, name, main, expected, present, late, notArrived, absent, excused,
    /// substituted, rateText, rateColor}; empty otherwise.
    Q_PROPERTY(QVariantList venueCounts READ venueCounts NOTIFY countsChanged)
    /// The counts are one venue's (the board's venue filter, at a meeting the
    /// hub counts per venue): every tile but walk-ins and unknown badges,
    /// which have no venue and stay the whole meeting's.
    Q_PROPERTY(bool venueScoped READ venueScoped NOTIFY countsChanged)

    Q_PROPERTY(Phase phase READ phase NOTIFY clockChanged)
    Q_PROPERTY(QString phaseText READ phaseText NOTIFY clockChanged)
    Q_PROPERTY(QString countdownText READ countdownText NOTIFY clockChanged)
    Q_PROPERTY(QColor phaseColor READ phaseColor NOTIFY clockChanged)
    Q_PROPERTY(QString nowText READ nowText NOTIFY clockChanged)

public:
    enum class Phase { NoMeeting, NotOpen, CheckInOpen, InProgress, Ended, Finalized };
    Q_ENUM(Phase)

    explicit MeetingBoard(QObject* parent = nullptr);

    void setMeeting(const protocol::MeetingInfo& meeting);
    void setSummary(const protocol::Summary& summary);
    /// Counts of one venue only (the venue filter; "" = the whole meeting),
    /// with the members expected there who left early or mid-meeting (the
    /// hub's per-venue counts have no flags: the board counts its attendees).
    void setVenue(const QString& venueId, int leftEarly, int leftMidMeeting);
    [[nodiscard]] bool venueScoped() const { return venueCount() != nullptr; }
    /// Hub-clock time now (drives the countdown).
    void setNow(std::int64_t hubNowMs);
    void clear();

    [[nodiscard]] bool hasMeeting() const { return hasMeeting_; }
    [[nodiscard]] const protocol::MeetingInfo& meeting() const { return meeting_; }
    [[nodiscard]] const protocol::Summary& summary() const { return summary_; }
    [[nodiscard]] QString meetingId() const;
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString venuesText() const;
    /// The meeting's day ("2024-06-10"), so a past meeting never looks like today's.
    [[nodiscard]] QString dateText() const;
    [[nodiscard]] QString timeWindowText() const;
    /// Venue id → name for the meeting's venues (ids map to themselves when the hub sent no names).
    [[nodiscard]] QVariantMap venueNames() const;
    [[nodiscard]] QString graceText() const;

    [[nodiscard]] int expected() const { return shown().expected; }
    [[nodiscard]] int present() const { return shown().present; }
    [[nodiscard]] int late() const { return shown().late; }
    [[nodiscard]] int absent() const { return shown().absent; }
    [[nodiscard]] int notArrived() const { return shown().not_arrived; }
    [[nodiscard]] int excused() const { return shown().excused; }
    [[nodiscard]] int substituted() const { return shown().substituted; }
    [[nodiscard]] int leftEarly() const { return venueScoped() ? venueLeftEarly_ : summary_.left_early; }
    [[nodiscard]] int leftMidMeeting() const { return venueScoped() ? venueLeftMid_ : summary_.left_mid_meeting; }
    [[nodiscard]] int walkIns() const { return summary_.walk_ins; }
    [[nodiscard]] int unknownBadges() const { return summary_.unknown_badges; }
    [[nodiscard]] int attended() const { return present() + late() + substituted(); }
    /// (present + late + substituted) ÷ (expected − excused); −1 when the denominator is 0.
    [[nodiscard]] double rate() const;
    [[nodiscard]] QString rateText() const;
    [[nodiscard]] QColor rateColor() const;
    [[nodiscard]] QVariantList venueCounts() const;

    [[nodiscard]] Phase phase() const;
    [[nodiscard]] QString phaseText() const;
    [[nodiscard]] QString countdownText() const;
    [[nodiscard]] QColor phaseColor() const;
    [[nodiscard]] QString nowText() const;

signals:
    void meetingChanged();
    void countsChanged();
    void clockChanged();

private:
    /// The venue filter's counts in the summary, or nullptr (no filter, or a hub that does not count per venue).
    [[nodiscard]] const protocol::VenueCount* venueCount() const;
    /// The counts the tiles show: the venue's, or the meeting's.
    [[nodiscard]] protocol::VenueCount shown() const;

    bool hasMeeting_ = false;
    protocol::MeetingInfo meeting_;
    protocol::Summary summary_;
    std::int64_t now_ = 0;
    std::string venue_;
    int venueLeftEarly_ = 0;
    int venueLeftMid_ = 0;
};

} // namespace rollcall::dashboard
