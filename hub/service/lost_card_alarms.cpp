#include "hub/service/lost_card_alarms.h"

#include "hub/core/time_util.h"

#include <algorithm>
#include <chrono>
#include <utility>

namespace rollcall::service {
namespace {

std::string reasonText(const std::string& reason)
{
    if (reason == "lost") return "挂失";
    if (reason == "broken") return "损坏停用";
    if (reason == "left") return "离职停用";
    return "已停用";
}

} // namespace

LostCardAlarms::LostCardAlarms(std::string zone) : zone_(std::move(zone)) {}

protocol::Alarm LostCardAlarms::toWire(const protocol::TapEvent& tap, const std::string& holderName,
                                       const std::string& reason)
{
    protocol::Alarm a;
    a.reader_id = tap.badge_uid;
    const std::string holder = holderName.empty() ? std::string() : "（" + holderName + "）";
    a.message = reasonText(reason) + "卡 " + tap.badge_uid + holder + " 在读卡器 " + tap.reader_id + " 使用";
    a.active = true;
    a.code = std::string(kLostCardCode);
    // A board words it in its own language; the time also tells it which taps an acknowledgement covers.
    a.params = {tap.badge_uid, holderName, reason, tap.reader_id, tap.venue_id, std::to_string(tap.at_ms)};
    return a;
}

std::optional<protocol::Alarm> LostCardAlarms::raise(const protocol::TapEvent& tap, const std::string& holderName,
                                                     const std::string& reason)
{
    const auto it = byBadge_.find(tap.badge_uid);
    if (it != byBadge_.end() && it->second.atMs >= tap.at_ms) return std::nullopt; // an older tap replayed
    const core::Zone zone(zone_);
    const auto at = common::fromMillis(tap.at_ms);
    // The next day's midnight: a day of 23 or 25 hours (daylight saving) ends at its own.
    const auto dayStart = zone.startOfDay(zone.formatDate(at));
    const auto dayEnd = zone.startOfDay(zone.formatDate(dayStart + std::chrono::hours(26)));
    Entry e{toWire(tap, holderName, reason), tap.venue_id, tap.at_ms, dayEnd};
    auto alarm = e.alarm;
    byBadge_.insert_or_assign(tap.badge_uid, std::move(e));
    return alarm;
}

std::vector<std::pair<std::string, protocol::Alarm>> LostCardAlarms::expire(common::TimePoint now)
{
    std::vector<std::pair<std::string, protocol::Alarm>> ended;
    for (auto it = byBadge_.begin(); it != byBadge_.end();) {
        if (now < it->second.dayEnd) {
            ++it;
            continue;
        }
        auto cleared = it->second.alarm;
        cleared.active = false;
        ended.emplace_back(it->second.venueId, std::move(cleared));
        it = byBadge_.erase(it);
    }
    return ended;
}

std::vector<protocol::Alarm> LostCardAlarms::at(const std::vector<std::string>& venues, common::TimePoint since) const
{
    std::vector<const Entry*> kept;
    for (const auto& [uid, e] : byBadge_) {
        if (std::find(venues.begin(), venues.end(), e.venueId) == venues.end()) continue;
        if (e.atMs < common::toMillis(since)) continue;
        kept.push_back(&e);
    }
    std::sort(kept.begin(), kept.end(), [](const auto* a, const auto* b) { return a->atMs < b->atMs; });
    std::vector<protocol::Alarm> out;
    for (const auto* e : kept) out.push_back(e->alarm);
    return out;
}

std::map<std::string, std::pair<std::string, protocol::Alarm>> LostCardAlarms::all() const
{
    std::map<std::string, std::pair<std::string, protocol::Alarm>> out;
    for (const auto& [uid, e] : byBadge_) out.emplace(uid, std::make_pair(e.venueId, e.alarm));
    return out;
}

} // namespace rollcall::service
