#pragma once
// LostCardAlarms: a lost (revoked) card used at a door as a standing alarm
// (docs/protocol.md §5.9), like a reader's offline alarm: raised by the card's
// revoked_badge tap — its holder, why the card was revoked, the reader, the
// venue and the time — and kept until the tap's day ends, so a board that
// joins after the tap left its recent-taps feed still shows it. An
// acknowledgement does not end it (the board shows it handled); it covers the
// badge's taps up to its time. Derived from the record: the hub's replay of
// the tracked meetings raises them again after a restart. Part of the hub's
// live state (LiveTracker); single-threaded.
#include "common/clock.h"
#include "protocol/messages.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::service {

/// The code of a lost card's alarm, as `alarm ack --code` takes it.
inline constexpr std::string_view kLostCardCode = "revoked_badge";

class LostCardAlarms {
public:
    /// `zone`: the display zone whose midnight ends an alarm.
    explicit LostCardAlarms(std::string zone);

    /// A revoked_badge tap of a card held by `holderName` (may be empty),
    /// revoked for `reason` (lost, broken, left; may be empty): the badge's
    /// alarm, raised now or anew by a later tap. Returns it when it changed (to publish).
    std::optional<protocol::Alarm> raise(const protocol::TapEvent& tap, const std::string& holderName,
                                         const std::string& reason);
    /// Drops the alarms whose day ended by `now`; returns each as cleared (active false), with its venue.
    [[nodiscard]] std::vector<std::pair<std::string, protocol::Alarm>> expire(common::TimePoint now);
    /// Whether the badge's alarm is raised now.
    [[nodiscard]] bool raised(const std::string& uid) const { return byBadge_.count(uid) != 0; }
    /// The alarms of taps at any of these venues at or after `since`, oldest first.
    [[nodiscard]] std::vector<protocol::Alarm> at(const std::vector<std::string>& venues,
                                                  common::TimePoint since) const;
    /// Every raised alarm by badge, with its venue (the tracker's reload compares them).
    [[nodiscard]] std::map<std::string, std::pair<std::string, protocol::Alarm>> all() const;
    void clear() { byBadge_.clear(); }

    /// The alarm of a revoked_badge tap as the live feed carries it: params are
    /// the badge, its holder, the reason, the reader, the venue and the tap's
    /// time (ms since the epoch, as text; docs/protocol.md §5.9).
    [[nodiscard]] static protocol::Alarm toWire(const protocol::TapEvent& tap, const std::string& holderName,
                                                const std::string& reason);

private:
    struct Entry {
        protocol::Alarm alarm;
        std::string venueId;
        std::int64_t atMs = 0; // the tap's
        common::TimePoint dayEnd;
    };
    std::string zone_;
    std::map<std::string, Entry> byBadge_;
};

} // namespace rollcall::service
