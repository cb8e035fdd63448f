#include "hub/core/delegation_rules.h"

#include <algorithm>
#include <array>

namespace rollcall::core {
namespace {

constexpr std::array<std::string_view, 6> kNames{"gathering", "met", "met_late", "short", "excused", "absent"};

common::TimePoint toSecond(common::TimePoint t)
{
    return common::TimePoint(std::chrono::floor<std::chrono::seconds>(t).time_since_epoch());
}

} // namespace

std::string_view toString(DelegationStatus s) { return kNames.at(static_cast<std::size_t>(s)); }

std::string_view labelZh(DelegationStatus s)
{
    switch (s) {
    case DelegationStatus::Gathering: return "未到齐";
    case DelegationStatus::Met: return "已到齐";
    case DelegationStatus::MetLate: return "到齐(迟到)";
    case DelegationStatus::Short: return "人数不足";
    case DelegationStatus::Excused: return "请假";
    case DelegationStatus::Absent: return "缺席";
    }
    return "?";
}

DelegationStatus evaluateDelegation(const MeetingTimes& meeting, const DelegationFacts& facts, common::TimePoint now)
{
    const auto end = toSecond(meeting.end);
    std::vector<common::TimePoint> ins;
    for (const auto t : facts.firstCheckIns) {
        if (toSecond(t) < end) ins.push_back(toSecond(t));
    }
    std::sort(ins.begin(), ins.end());
    const auto quota = static_cast<std::size_t>(std::max(facts.quota, 1));
    if (ins.size() >= quota) {
        // The Nth earliest check-in decides whether the unit came in time.
        return ins[quota - 1] <= toSecond(meeting.start) + meeting.lateGrace ? DelegationStatus::Met
                                                                             : DelegationStatus::MetLate;
    }
    if (toSecond(now) < end) return DelegationStatus::Gathering;
    if (!ins.empty()) return DelegationStatus::Short;
    return facts.excused ? DelegationStatus::Excused : DelegationStatus::Absent;
}

bool delegationAttended(DelegationStatus s) { return s == DelegationStatus::Met || s == DelegationStatus::MetLate; }

} // namespace rollcall::core
