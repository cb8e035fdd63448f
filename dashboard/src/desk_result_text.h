#pragma once
// The line a desk shows when an action ends (issue 17): built from what the
// desk asked and the hub's reply, in the board's language, so a Chinese desk
// says 已为 吴敏 补签到（更正 5） and not the command line's English
// ("manual check-in of P013 … recorded (amendment 5)"), which stays the
// CLI's. A refusal says what was not done, then the hub's own message.
#include <QCoreApplication>
#include <QString>

namespace rollcall::dashboard {

class DeskResultText {
    Q_DECLARE_TR_FUNCTIONS(DeskResultText)

public:
    enum class Action {
        CheckIn,          ///< subject: the person's name
        CheckOut,         ///< subject: the person's name
        Leave,            ///< subject: the person's name
        Substitute,       ///< subject: the substitute's name, other: the member's
        WalkIn,           ///< subject: the walk-in's name, other: the unit
        Undo,             ///< subject: the amendment's number
        AcknowledgeAlarm, ///< subject: the alarm's source (reader, badge, hub), other: the note
        IssueNotices,     ///< subject: the period
        WithdrawNotice,   ///< subject: the notice's number
        AddAppeal,        ///< subject: the person, other: the meeting
        UpholdAppeal,     ///< subject: the person, other: the meeting
        RejectAppeal,     ///< subject: the person, other: the meeting
    };
    struct Request {
        Action action = Action::CheckIn;
        QString subject;
        QString other;
    };

    /// The action done; numbers the hub gave (an amendment, a notice, an appeal) read from `out`, the command's output.
    [[nodiscard]] static QString done(const Request& request, const QString& out);
    /// The action refused: what was not done, and the hub's `message`.
    [[nodiscard]] static QString failed(const Request& request, const QString& message);

private:
    /// What was asked, as a phrase both lines share ("为 吴敏 补签到").
    [[nodiscard]] static QString what(const Request& request);
};

} // namespace rollcall::dashboard
