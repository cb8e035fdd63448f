#pragma once
// Alarms acknowledged at the organizers' desks (issue 16; schema migration
// 14): a dead reader, a lost card used, the record not written — who saw it,
// when, and what they did (the note). Kept in the record, append-only and
// chained, as evidence of how the meeting was run. The hub publishes each new
// acknowledgement on the live feed so every board shows the alarm as
// acknowledged; a new occurrence after it is raised again (docs/dashboard.md).
#include "common/clock.h"
#include "common/database.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rollcall::core {

/// The alarm codes a desk may acknowledge, with what `source` names for each.
struct AlarmCode {
    std::string code;   ///< "reader_offline", as the live feed's alarms say (docs/protocol.md §5.9)
    std::string source; ///< "reader", "badge" or "hub"
};
[[nodiscard]] const std::vector<AlarmCode>& acknowledgeableAlarms();

struct AlarmAck {
    std::int64_t id = 0;
    std::string source; ///< a reader id, a badge UID or "hub"
    std::string code;
    std::string note;
    common::TimePoint at;
    std::string by; ///< the key's name (over the wire) or --operator
};

/// Records an acknowledgement; sets ack.id.
void addAlarmAck(common::Database& db, AlarmAck& ack);

/// Acknowledgements with an id above `afterId`, oldest first (the hub's live
/// feed reads the new ones; 0: all). Empty on a record older than migration 14.
[[nodiscard]] std::vector<AlarmAck> alarmAcksAfter(common::Database& db, std::int64_t afterId);

/// Acknowledgements recorded at or after `since`, oldest first (what a board
/// joining now is told, Snapshot::alarms). Empty on a record older than migration 14.
[[nodiscard]] std::vector<AlarmAck> alarmAcksSince(common::Database& db, common::TimePoint since);

/// The highest acknowledgement id so far (0: none).
[[nodiscard]] std::int64_t lastAlarmAckId(common::Database& db);

} // namespace rollcall::core
