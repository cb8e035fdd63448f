#pragma once
// AlarmAckFeed: publishes on the live feed the alarm acknowledgements the
// organizers' desks record (alarm ack, hub/core/alarm_acks.h), so every board
// shows the alarm as acknowledged, by whom and with what note. The desks write
// through the admin API on another connection; the hub's tick polls for rows
// it has not published yet. Part of the hub's live state (the writer thread).
#include "common/database.h"
#include "hub/core/alarm_acks.h"
#include "protocol/messages.h"

#include <functional>
#include <vector>

namespace rollcall::service {

class AlarmAckFeed {
public:
    /// Whether the alarm an acknowledgement is about is raised now: the
    /// published alarm keeps that state (an acknowledgement raises nothing).
    using ActiveNow = std::function<bool(const core::AlarmAck&)>;
    using Publish = std::function<void(const protocol::Alarm&)>;

    /// Starts after the acknowledgements already recorded: they were published before.
    AlarmAckFeed(common::Database& db, ActiveNow active, Publish publish);

    /// Publishes the acknowledgements recorded since the last call.
    void poll();
    /// The last acknowledgement published (an alarm raised after it is a new occurrence).
    [[nodiscard]] std::int64_t lastPublished() const noexcept { return last_; }

    /// Whether an acknowledgement still stands: its alarm is the occurrence
    /// that was acknowledged, and one a board that joins now should show.
    using Stands = std::function<bool(const core::AlarmAck&)>;
    /// What a board joining now has missed (Snapshot::alarms): of the
    /// acknowledgements recorded since `since`, the last of each alarm
    /// (source and code) if it stands, as the live feed carried it.
    [[nodiscard]] std::vector<protocol::Alarm> standing(common::TimePoint since, const Stands& stands) const;

    /// The alarm as the live feed carries an acknowledgement of it.
    [[nodiscard]] static protocol::Alarm toWire(const core::AlarmAck& ack, bool active);

private:
    common::Database& db_;
    ActiveNow active_;
    Publish publish_;
    std::int64_t last_ = 0;
};

} // namespace rollcall::service
