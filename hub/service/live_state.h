#pragma once
// The hub's working state: today's meetings tracked tap by tap, the caches
// that make ingest cheap (readers, badges, people), reader health, and the
// live updates each change produces. Single-threaded: the server calls it
// from its loop only.
#include "hub/core/attendance_tracker.h"
#include "hub/core/record.h"
#include "hub/service/alarm_ack_feed.h"
#include "hub/service/hub_config.h"
#include "hub/service/live_publisher.h"
#include "hub/service/reader_health_board.h"
#include "protocol/messages.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <unordered_map>

namespace rollcall::service {

/// The reader_id of an alarm about the hub itself (docs/protocol.md §5.9).
inline constexpr std::string_view kHubAlarmSource = "hub";

struct IncomingTap {
    std::string peer; // ZeroMQ routing id, to send the ack back
    protocol::Tap tap;
};

/// What goes back to an agent for one tap: an Ack, or an Error when the tap
/// must stay in the agent's outbox.
struct OutgoingAck {
    std::string peer;
    protocol::HubMessage reply;
};

struct IngestCounters {
    std::uint64_t recorded = 0;
    std::uint64_t resent = 0;      // (reader, seq) already recorded: acknowledged again, not recorded twice
    std::uint64_t quarantined = 0; // from readers nobody registered
    std::uint64_t replayed = 0;    // out of time order: verdict by replay
    std::uint64_t conflicts = 0;   // a recorded (reader, seq) sent again with another badge or time
    std::uint64_t seqJumps = 0;    // a seq too far beyond the reader's highest (core::SequenceWindow)
    std::uint64_t batches = 0;
};

class LiveState {
public:
    LiveState(common::Database& db, const HubConfig& config, LivePublisher& publisher);
    ~LiveState();

    /// Re-reads caches and today's meetings from the record and publishes
    /// whatever changed since the last load.
    void reload(common::TimePoint now);

    /// Records a batch of taps in one transaction and returns their acks.
    /// Returns only after the commit; throws db::DatabaseError (nothing
    /// acknowledged, state reloaded) if it fails. Its live updates wait for
    /// publishPending().
    std::vector<OutgoingAck> ingest(std::vector<IncomingTap>& batch, common::TimePoint now);

    /// Publishes the live updates of the batches recorded since the last call
    /// (the server calls it after sending their acks).
    void publishPending();

    /// Welcome for a hello (and the reader counts as heard from).
    [[nodiscard]] protocol::Welcome hello(const protocol::Hello& hello, common::TimePoint now);
    void heartbeat(const protocol::Heartbeat& heartbeat, common::TimePoint now);

    /// Clock-driven work: statuses at S + Gl and E, reader offline alarms,
    /// other writers' changes (PRAGMA data_version), periodic summaries.
    void tick(common::TimePoint now);

    /// A tracked meeting's result as of `now` (its members advanced to now and
    /// the changes published first, so a snapshot and its seq agree); nullopt
    /// if the meeting is not tracked. For LiveQueries.
    [[nodiscard]] std::optional<core::MeetingResult> trackedResult(const std::string& meetingId, common::TimePoint now);
    /// The latest taps shown on a tracked meeting's board, newest first.
    [[nodiscard]] std::vector<protocol::TapEvent> recentTaps(const std::string& meetingId) const;
    /// The latest taps of a meeting the hub no longer tracks (one that ended),
    /// newest first, at most kMaxRecentTaps: a past meeting's board shows its taps too.
    [[nodiscard]] std::vector<protocol::TapEvent> pastTaps(const core::Meeting& meeting, common::TimePoint now);
    /// The health of the readers at any of these venues.
    [[nodiscard]] std::vector<protocol::ReaderHealth> readersAt(const std::vector<std::string>& venues) const
    {
        return health_.readersAt(venues);
    }

    /// A hub-wide alarm (reader_id "hub", e.g. the record cannot be written):
    /// on the hub stream and on the stream of every tracked meeting. `code` and
    /// `params` let a board word it in its own language (docs/protocol.md §5.9).
    void publishHubAlarm(const std::string& message, bool active, const std::string& code = {},
                         const std::vector<std::string>& params = {});

    /// Every registered reader's health (the hub's status).
    [[nodiscard]] std::vector<protocol::ReaderHealth> allReaders() const { return health_.allReaders(); }
    /// Hellos and heartbeats refused as from unregistered readers, by reason.
    [[nodiscard]] const std::map<std::string, std::uint64_t>& readerRejections() const noexcept
    {
        return health_.rejections();
    }

    [[nodiscard]] const IngestCounters& counters() const noexcept { return counters_; }
    [[nodiscard]] std::size_t trackedMeetings() const;

private:
    void loadCaches();
    [[nodiscard]] std::optional<std::string> holderOf(const std::string& uid, common::TimePoint at) const;
    [[nodiscard]] const core::Person* person(const std::string& id) const;
    /// A replayed tap as the live feed shows it; nullopt for manual taps and taps of no meeting.
    static void markEarlyCheckOuts(std::deque<protocol::TapEvent>& taps, const core::AttendanceTracker& tracker,
                                   const std::string& meetingId);
    [[nodiscard]] std::optional<protocol::TapEvent> tapEventOf(const core::TapInput& in, const core::TapEvidence& ev,
                                                               const core::TapResult& r) const;
    void publishMeetingDiff(const std::string& meetingId, const core::MeetingResult* before,
                            const core::MeetingResult& after);
    void publishChanged(const std::string& meetingId, const std::vector<std::string>& personIds);
    /// On the hub stream and the stream of every tracked meeting at the venue.
    void publishAtVenue(const std::string& venueId, const protocol::UpdatePayload& payload);
    /// On the hub stream and the stream of every tracked meeting.
    void publishEverywhere(const protocol::UpdatePayload& payload);
    [[nodiscard]] bool meetingOpenAtVenue(const std::string& venueId, common::TimePoint now) const;
    void rememberTap(const std::string& meetingId, const protocol::TapEvent& event);

    common::Database& db_;
    core::Record record_;
    const HubConfig& config_;
    LivePublisher& publisher_;
    std::unique_ptr<core::AttendanceTracker> tracker_;
    common::TimePoint horizonFrom_{};
    common::TimePoint horizonTo_{};
    common::TimePoint lastReload_{};
    std::int64_t dataVersion_ = 0;
    std::unordered_map<std::string, core::Reader> readers_;
    core::BadgeHoldings badges_;
    std::unordered_map<std::string, core::Person> people_;
    // Highest seq recorded per reader: a higher one is new for sure (agents
    // never reuse a seq), so only lower ones need the idempotency lookup.
    std::unordered_map<std::string, std::int64_t> maxSeq_;
    // Per meeting, how many of the instants at which statuses change with no
    // tap (S + Gl, E, end of the check-out window) had passed at the last tick.
    std::map<std::string, int> phase_;
    ReaderHealthBoard health_;    // hellos, heartbeats, offline alarms, reader_health and uptime spans
    bool hubAlarmActive_ = false; // the hub-wide alarm (record not written) is raised
    AlarmAckFeed acks_;           // desks' acknowledgements, onto the feed
    std::map<std::string, std::deque<protocol::TapEvent>> recentTaps_;
    std::map<std::string, common::TimePoint> lastSummary_;
    IngestCounters counters_;
    std::vector<std::pair<std::string, protocol::UpdatePayload>>
        pendingUpdates_; // of committed batches, see publishPending()
    struct Statements;
    std::unique_ptr<Statements> sql_;
};

} // namespace rollcall::service
