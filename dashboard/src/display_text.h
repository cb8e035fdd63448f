#pragma once
// Display-ready words, colours and times for the models: every translatable
// word the board shows for a wire value lives here, so each model hands QML
// finished strings (QML only binds and lays out: docs/dashboard.md, "Code").

#include "protocol/messages.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QTimeZone>

namespace rollcall::dashboard {

class DisplayText {
    Q_DECLARE_TR_FUNCTIONS(DisplayText)

public:
    /// The zone times are shown in (Asia/Shanghai unless set).
    static void setDisplayZone(const QTimeZone& zone);
    [[nodiscard]] static QTimeZone displayZone();

    [[nodiscard]] static QString fromStd(const std::string& s) { return QString::fromStdString(s); }

    /// "09:05" in the display zone.
    [[nodiscard]] static QString clock(std::int64_t ms);
    /// "2024-06-10" in the display zone (the same in every language: ISO dates read alike).
    [[nodiscard]] static QString date(std::int64_t ms);
    /// "09:05:07" in the display zone.
    [[nodiscard]] static QString clockSeconds(std::int64_t ms);
    /// "h:mm:ss" or "m:ss" for a non-negative duration.
    [[nodiscard]] static QString countdown(std::int64_t ms);
    /// "12 s ago", "3 min ago", "2 h ago", localised.
    [[nodiscard]] static QString ago(std::int64_t ms);

    [[nodiscard]] static QString status(protocol::AttendanceStatus s);
    [[nodiscard]] static QColor statusColor(protocol::AttendanceStatus s);
    [[nodiscard]] static QString flag(protocol::AttendanceFlag f);
    [[nodiscard]] static QString verdict(protocol::Verdict v);
    [[nodiscard]] static QColor verdictColor(protocol::Verdict v);
    /// A tap's verdict as the feed shows it: a check-out that leaves early says so, in the early colour.
    [[nodiscard]] static QString tapVerdict(const protocol::TapEvent& t);
    [[nodiscard]] static QColor tapVerdictColor(const protocol::TapEvent& t);
    /// An alarm in the board's language from its code and parameters; the hub's
    /// own text when the code is unknown or absent (an older hub).
    [[nodiscard]] static QString alarm(const protocol::Alarm& a);
    [[nodiscard]] static QString direction(std::optional<protocol::Direction> d);
    [[nodiscard]] static QString readerState(const protocol::ReaderHealth& r);
    [[nodiscard]] static QString meetingState(protocol::MeetingState s);
    [[nodiscard]] static QColor meetingStateColor(protocol::MeetingState s);
    /// "87.5%" for common::attendancePercent's 87.5, or "—" when the rate is not defined.
    [[nodiscard]] static QString ratePercent(std::optional<double> percent);
    /// Attendance colour for a rate in [0,1] (or < 0 for n/a).
    [[nodiscard]] static QColor rateColor(double rate);

    // Palette shared with Theme.qml.
    static inline const QColor kGood{0x22, 0xc5, 0x5e};
    static inline const QColor kWarn{0xf5, 0x9e, 0x0b};
    static inline const QColor kBad{0xef, 0x44, 0x44};
    static inline const QColor kInfo{0x38, 0xbd, 0xf8};
    static inline const QColor kSubst{0xa7, 0x8b, 0xfa};
    static inline const QColor kEarly{0xfb, 0x92, 0x3c};
    static inline const QColor kMuted{0x94, 0xa3, 0xb8};
};

} // namespace rollcall::dashboard
