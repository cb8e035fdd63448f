#include "hub/core/alarm_acks.h"

namespace rollcall::core {
namespace {

bool hasTable(common::Database& db)
{
    auto s = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alarm_acks'");
    return s.step();
}

/// The acknowledgements whose `column` (id or acked_ms) is at least `from`, oldest first.
std::vector<AlarmAck> acksWhere(common::Database& db, const char* column, std::int64_t from)
{
    std::vector<AlarmAck> acks;
    if (!hasTable(db)) return acks;
    auto s = db.prepare(std::string("SELECT id, source, code, note, acked_ms, acked_by FROM alarm_acks WHERE ") + column
                        + " >= ? ORDER BY id");
    s.bind(1, from);
    while (s.step()) {
        acks.push_back(
            {s.getInt(0), s.getText(1), s.getText(2), s.getText(3), common::fromMillis(s.getInt(4)), s.getText(5)});
    }
    return acks;
}

} // namespace

const std::vector<AlarmCode>& acknowledgeableAlarms()
{
    static const std::vector<AlarmCode> codes{
        {"reader_offline", "reader"},
        {"reader_fault", "reader"},
        {"revoked_badge", "badge"},
        {"record_write_failed", "hub"},
    };
    return codes;
}

void addAlarmAck(common::Database& db, AlarmAck& ack)
{
    auto s = db.prepare("INSERT INTO alarm_acks(source, code, note, acked_ms, acked_by) VALUES (?, ?, ?, ?, ?)");
    s.bind(1, ack.source).bind(2, ack.code).bind(3, ack.note).bind(4, common::toMillis(ack.at)).bind(5, ack.by);
    s.run();
    ack.id = db.lastInsertRowId();
}

std::vector<AlarmAck> alarmAcksAfter(common::Database& db, std::int64_t afterId)
{
    return acksWhere(db, "id", afterId + 1);
}

std::vector<AlarmAck> alarmAcksSince(common::Database& db, common::TimePoint since)
{
    return acksWhere(db, "acked_ms", common::toMillis(since));
}

std::int64_t lastAlarmAckId(common::Database& db)
{
    if (!hasTable(db)) return 0;
    auto s = db.prepare("SELECT coalesce(max(id), 0) FROM alarm_acks");
    (void)s.step();
    return s.getInt(0);
}

} // namespace rollcall::core
