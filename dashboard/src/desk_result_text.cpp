#include "dashboard/src/desk_result_text.h"

#include <QRegularExpression>

namespace rollcall::dashboard {
namespace {

/// The first capture of `pattern` in `out`, or "".
QString numberIn(const QString& out, const QString& pattern)
{
    const QRegularExpression re(pattern);
    const auto m = re.match(out);
    return m.hasMatch() ? m.captured(1) : QString();
}

} // namespace

QString DeskResultText::what(const Request& r)
{
    switch (r.action) {
    case Action::CheckIn: return tr("check in %1 by hand").arg(r.subject);
    case Action::CheckOut: return tr("check out %1 by hand").arg(r.subject);
    case Action::Leave: return tr("record leave for %1").arg(r.subject);
    case Action::Substitute: return tr("record %1 attending for %2").arg(r.subject, r.other);
    case Action::WalkIn: return tr("record %1 as a walk-in for %2").arg(r.subject, r.other);
    case Action::Undo: return tr("undo amendment %1").arg(r.subject);
    case Action::AcknowledgeAlarm: return tr("acknowledge the alarm of %1").arg(r.subject);
    case Action::IssueNotices: return tr("issue the notices for %1").arg(r.subject);
    case Action::WithdrawNotice: return tr("withdraw notice %1").arg(r.subject);
    case Action::AddAppeal: return tr("record the appeal of %1 at meeting %2").arg(r.subject, r.other);
    case Action::UpholdAppeal: return tr("uphold the appeal of %1 at meeting %2").arg(r.subject, r.other);
    case Action::RejectAppeal: return tr("reject the appeal of %1 at meeting %2").arg(r.subject, r.other);
    }
    return {};
}

QString DeskResultText::done(const Request& r, const QString& out)
{
    QString detail;
    switch (r.action) {
    case Action::AcknowledgeAlarm:
        if (!r.other.isEmpty()) detail = tr(" (%1)").arg(r.other);
        break;
    case Action::IssueNotices: {
        const auto issued = numberIn(out, QStringLiteral(": (\\d+) issued"));
        const auto held = numberIn(out, QStringLiteral("(\\d+) held"));
        if (!issued.isEmpty())
            detail = tr(": %1 issued, %2 held").arg(issued, held.isEmpty() ? QStringLiteral("0") : held);
        break;
    }
    case Action::WithdrawNotice: {
        const auto by = numberIn(out, QStringLiteral("withdrawn by (\\S+)"));
        if (!by.isEmpty()) detail = tr(" (withdrawal %1)").arg(by);
        break;
    }
    case Action::AddAppeal: {
        const auto id = numberIn(out, QStringLiteral("appeal #(\\d+)"));
        if (!id.isEmpty()) detail = tr(" (appeal #%1)").arg(id);
        break;
    }
    default: {
        const auto amendment = numberIn(out, QStringLiteral("\\(amendment (\\d+)"));
        if (!amendment.isEmpty()) detail = tr(" (amendment %1)").arg(amendment);
        break;
    }
    }
    return tr("Done: %1").arg(what(r)) + detail;
}

QString DeskResultText::failed(const Request& r, const QString& message)
{
    return tr("Could not %1: %2").arg(what(r), message);
}

} // namespace rollcall::dashboard
