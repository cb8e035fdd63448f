#include "hub/reports/labels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace rollcall::reports {

std::string flagsZh(unsigned flags)
{
    std::string out;
    auto add = [&](const char* s) { out += out.empty() ? s : std::string("、") + s; };
    if (flags & core::LeftEarly) add("早退");
    if (flags & core::LeftMidMeeting) add("中途离场");
    if (flags & core::NoCheckout) add("未签退");
    return out;
}

std::string amendmentKindZh(core::AmendmentKind k)
{
    switch (k) {
    case core::AmendmentKind::Leave: return "请假";
    case core::AmendmentKind::Substitute: return "代会";
    case core::AmendmentKind::ManualTap: return "补签";
    case core::AmendmentKind::StatusOverride: return "更正状态";
    case core::AmendmentKind::Revoke: return "撤销";
    case core::AmendmentKind::Appeal: return "申诉";
    case core::AmendmentKind::AppealResolution: return "申诉裁定";
    case core::AmendmentKind::AbsenceConfirmation: return "确认缺席";
    }
    return "?";
}

std::string formatRate(std::optional<double> rate)
{
    if (!rate) return "n/a";
    char buf[32];
    // Round half up on the tenth of a percent, independent of binary noise.
    const double tenths = std::floor(*rate * 1000.0 + 0.5 + 1e-9);
    std::snprintf(buf, sizeof buf, "%.1f%%", tenths / 10.0);
    return buf;
}

std::string describeAmendment(const core::Amendment& a, const core::Zone& zone)
{
    std::string what = amendmentKindZh(a.kind);
    switch (a.kind) {
    case core::AmendmentKind::ManualTap:
        what += a.direction == core::Direction::Out ? "签退" : "签到";
        if (a.at) what += " " + zone.format(*a.at).substr(11);
        break;
    case core::AmendmentKind::Substitute:
        if (a.otherPersonId) what += " 由 " + *a.otherPersonId;
        break;
    case core::AmendmentKind::StatusOverride:
        if (a.status) {
            if (auto s = core::statusFromString(*a.status)) what += "为" + std::string(core::labelZh(*s));
        }
        break;
    case core::AmendmentKind::Revoke:
        if (a.refId) what += " #" + std::to_string(*a.refId);
        break;
    case core::AmendmentKind::AppealResolution:
        if (a.status) what += *a.status == "upheld" ? "：成立" : "：驳回";
        break;
    default: break;
    }
    return "#" + std::to_string(a.id) + " " + what + "（" + a.author + "，" + zone.format(a.createdAt).substr(0, 16)
           + "）：" + a.reason;
}

std::vector<core::Amendment> amendmentsShown(const core::AttendeeResult& a)
{
    auto all = a.amendments;
    all.insert(all.end(), a.withdrawn.begin(), a.withdrawn.end());
    std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) { return x.id < y.id; });
    return all;
}

} // namespace rollcall::reports
