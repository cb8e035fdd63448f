#pragma once
// ReaderHealthBoard: the hub's view of its readers' health — last heard from,
// outbox depth, clock offset, reader state, online/offline and the offline
// alarm — kept from hellos and heartbeats, published on the live feed and
// persisted in reader_health and reader_uptime spans (reports use the spans
// to hold absences). Part of the hub's live state; single-threaded (the
// writer thread).
#include "common/database.h"
#include "hub/core/record.h"
#include "hub/service/hub_config.h"
#include "hub/service/rejection_log.h"
#include "protocol/messages.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace rollcall::service {

class ReaderHealthBoard {
public:
    /// Where an update about a reader goes: the hub stream and the streams of the meetings at its venue.
    using PublishAtVenue = std::function<void(const std::string& venueId, const protocol::UpdatePayload&)>;
    /// Whether a meeting at the venue is open now (an offline reader is an alarm only then).
    using MeetingOpenAt = std::function<bool(const std::string& venueId, common::TimePoint now)>;

    ReaderHealthBoard(common::Database& db, const HubConfig& config, PublishAtVenue publish, MeetingOpenAt openAt);
    ~ReaderHealthBoard();

    /// Takes the registered readers; rows of reader_health fill in what memory does not know yet.
    void load(const std::unordered_map<std::string, core::Reader>& readers);

    /// A hello: false for a reader nobody registered (logged rate-limited and counted).
    bool hello(const protocol::Hello& hello, common::TimePoint now);
    void heartbeat(const protocol::Heartbeat& heartbeat, common::TimePoint now);
    /// Readers silent for `offline_after` go offline (alarm while a meeting at their venue is open).
    void sweep(common::TimePoint now);
    /// Writes what changed since the last call in one transaction; false if
    /// nothing had. Throws DatabaseError (memory unchanged).
    bool persist();

    [[nodiscard]] bool known(const std::string& readerId) const { return health_.count(readerId) != 0; }
    /// Whether the reader's offline alarm is raised now (false for an unknown reader).
    [[nodiscard]] bool alarmActive(const std::string& readerId) const
    {
        const auto it = health_.find(readerId);
        return it != health_.end() && it->second.alarm;
    }
    /// Whether the reader's alarm `code` is raised now: `reader_offline` as
    /// alarmActive(readerId); `reader_fault` while it is heard from with its
    /// reader reporting a fault (no_reader, error) and a meeting at its venue
    /// was open at its last heartbeat (as the boards show it).
    [[nodiscard]] bool alarmActive(const std::string& readerId, const std::string& code) const;
    /// Whether an acknowledgement made at `ackAt` covers the alarm `code` raised
    /// now: the outage or the fault began before it (a later one is new).
    [[nodiscard]] bool acknowledged(const std::string& readerId, const std::string& code,
                                    common::TimePoint ackAt) const;
    /// The venue of a registered reader ("" for an unknown one).
    [[nodiscard]] std::string venueOf(const std::string& readerId) const
    {
        const auto it = health_.find(readerId);
        return it == health_.end() ? std::string() : it->second.venueId;
    }
    [[nodiscard]] std::size_t size() const noexcept { return health_.size(); }
    /// The readers at any of these venues, as the wire shows them.
    [[nodiscard]] std::vector<protocol::ReaderHealth> readersAt(const std::vector<std::string>& venues) const;
    /// Every registered reader, as the wire shows them (the hub's status).
    [[nodiscard]] std::vector<protocol::ReaderHealth> allReaders() const;
    /// Hellos and heartbeats from readers nobody registered, by reason.
    [[nodiscard]] const std::map<std::string, std::uint64_t>& rejections() const noexcept
    {
        return unregistered_.counts();
    }

private:
    RejectionLog unregistered_{"taps"};
    struct Health {
        std::string venueId;
        std::optional<common::TimePoint> lastSeen;
        std::uint64_t outboxDepth = 0;
        std::int64_t clockOffsetMs = 0;
        std::string agentVersion;
        std::optional<protocol::ReaderState> state;
        std::string detail;
        bool online = false;
        bool alarm = false;
        // Since when its reader reports a fault (no_reader, error); the epoch when
        // the hub started with it faulty (it began before anything the hub knows).
        std::optional<common::TimePoint> faultSince;
        std::optional<std::int64_t> uptimeRow; // reader_uptime row being extended
        bool dirty = false;
    };
    [[nodiscard]] protocol::ReaderHealth readerWire(const std::string& readerId, const Health& h) const;
    void publishReader(const std::string& readerId, const Health& h);
    /// The reader's alarm as it stands (raised or cleared).
    void publishAlarm(const std::string& readerId, const Health& h);

    common::Database& db_;
    const HubConfig& config_;
    PublishAtVenue publishAtVenue_;
    MeetingOpenAt meetingOpenAt_;
    std::map<std::string, Health> health_;
    struct Statements;
    std::unique_ptr<Statements> sql_;
};

} // namespace rollcall::service
