#include "hub/service/alarm_ack_feed.h"

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
