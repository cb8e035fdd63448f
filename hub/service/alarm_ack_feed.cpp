#include "hub/service/alarm_ack_feed.h"

#include <algorithm>
#include <map>
#include <utility>

namespace rollcall::service {

AlarmAckFeed::AlarmAckFeed(common::Database& db, ActiveNow active, Publish publish)
    : db_(db), active_(std::move(active)), publish_(std::move(publish)), last_(core::lastAlarmAckId(db))
{}

void AlarmAckFeed::poll()
{
    for (const auto& ack : core::alarmAcksAfter(db_, last_)) {
        publish_(toWire(ack, active_(ack)));
        last_ = ack.id;
    }
}

std::vector<protocol::Alarm> AlarmAckFeed::standing(common::TimePoint since, const Stands& stands) const
{
    std::map<std::pair<std::string, std::string>, core::AlarmAck> last; // a later acknowledgement replaces an earlier
    for (auto& ack : core::alarmAcksSince(db_, since)) {
        if (ack.id > last_) continue; // not published yet: the feed brings it
        last[{ack.source, ack.code}] = std::move(ack);
    }
    std::vector<core::AlarmAck> kept;
    for (auto& [key, ack] : last) {
        if (stands(ack)) kept.push_back(std::move(ack));
    }
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    std::vector<protocol::Alarm> alarms;
    for (const auto& ack : kept) alarms.push_back(toWire(ack, active_(ack)));
    return alarms;
}

protocol::Alarm AlarmAckFeed::toWire(const core::AlarmAck& ack, bool active)
{
    protocol::Alarm a;
    a.reader_id = ack.source;
    a.message = "告警已确认：" + ack.by + "（" + ack.note + "）";
    a.active = active;
    a.code = ack.code;
    a.params = {ack.source};
    a.ack_by = ack.by;
    a.ack_note = ack.note;
    a.ack_ms = common::toMillis(ack.at);
    return a;
}

} // namespace rollcall::service
