#pragma once
// LiveState: the hub's live state, composed of its parts — who is who
// (LiveDirectory), the meetings tracked live (LiveTracker), tap ingest
// (TapIngest) and reader health (ReaderHealthBoard) — and the policy that
// keeps them in step with the record: when to reload (another writer's
// commit, the periodic reload, a failed batch) and what the tick does.
// Single-threaded: the writer thread calls it from its loop only.
#include "hub/core/record.h"
#include "hub/service/alarm_ack_feed.h"
#include "hub/service/hub_config.h"
#include "hub/service/live_directory.h"
#include "hub/service/live_publisher.h"
#include "hub/service/live_tracker.h"
#include "hub/service/reader_health_board.h"
#include "hub/service/tap_ingest.h"
#include "protocol/messages.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::service {

class LiveState {
public:
    LiveState(common::Database& db, const HubConfig& config, LivePublisher& publisher);

    /// Re-reads the directory, the seqs and today's meetings from the record
    /// and publishes whatever changed since the last load.
    void reload(common::TimePoint now);

    /// Records a batch of taps in one transaction and returns their acks.
    /// Returns only after the commit; throws common::DatabaseError (nothing
    /// acknowledged, state reloaded) if it fails. Its live updates wait for
    /// publishPending().
    std::vector<OutgoingAck> ingest(std::vector<IncomingTap>& batch, common::TimePoint now);
    /// The same in steps, for the writer's pipeline (TapIngest::judge and the
    /// rest; docs/architecture.md, "The hub"). judge() needs the live state
    /// loaded (ready()); recordRest(), commitRound() and insertRound() throw
    /// common::DatabaseError, after which the caller calls abandon().
    [[nodiscard]] bool ready() const noexcept { return tracker_.loaded(); }
    [[nodiscard]] JudgedRound judge(std::vector<IncomingTap>&& batch, common::TimePoint now)
    {
        return ingest_.judge(std::move(batch), now);
    }
    void recordRest(JudgedRound& round) { ingest_.recordRest(round); }
    void commitRound(JudgedRound& round) { ingest_.commitRound(round); }
    void insertRound(JudgedRound& round) { ingest_.insertRound(round); }
    [[nodiscard]] TapIngest::Round finish(JudgedRound& round) { return ingest_.finish(round); }
    /// After a failed round: the tracker and the seqs may hold taps that were
    /// rolled back (and those of a round judged on top of it), so both start again from the record.
    void abandon(common::TimePoint now);

    /// Publishes the live updates of the batches recorded since the last call
    /// (the server calls it after sending their acks).
    void publishPending() { ingest_.publishPending(); }

    /// Welcome for a hello (and the reader counts as heard from).
    [[nodiscard]] protocol::Welcome hello(const protocol::Hello& hello, common::TimePoint now);
    void heartbeat(const protocol::Heartbeat& heartbeat, common::TimePoint now) { health_.heartbeat(heartbeat, now); }

    /// Clock-driven work: finality, statuses at S + Gl and E, reader offline
    /// alarms, other writers' changes (PRAGMA data_version), periodic summaries.
    void tick(common::TimePoint now);

    /// For LiveQueries: see LiveTracker (loaded first if need be).
    [[nodiscard]] std::optional<core::MeetingResult> trackedResult(const std::string& meetingId, common::TimePoint now);
    [[nodiscard]] std::vector<protocol::TapEvent> recentTaps(const std::string& meetingId) const
    {
        return tracker_.recentTaps(meetingId);
    }
    [[nodiscard]] std::vector<protocol::TapEvent> pastTaps(const core::Meeting& meeting, common::TimePoint now)
    {
        return tracker_.pastTaps(meeting, now);
    }
    /// The health of the readers at any of these venues.
    [[nodiscard]] std::vector<protocol::ReaderHealth> readersAt(const std::vector<std::string>& venues) const
    {
        return health_.readersAt(venues);
    }

    /// A hub-wide alarm (reader_id "hub"): see LiveTracker::publishHubAlarm.
    void publishHubAlarm(const std::string& message, bool active, const std::string& code = {},
                         const std::vector<std::string>& params = {});
    /// The alarms a board joining now has missed on the live feed
    /// (Snapshot::alarms): the hub's own while raised, the lost cards used at
    /// `venues` since `since`, and the acknowledgements recorded since `since`
    /// that still stand — of a reader among `readers` (the meeting's) whose
    /// outage or fault began before it, of the hub's alarm raised now, of any
    /// badge (the board matches them to its lost-card alarms and taps).
    [[nodiscard]] std::vector<protocol::Alarm> standingAlarms(const std::vector<protocol::ReaderHealth>& readers,
                                                              common::TimePoint since,
                                                              const std::vector<std::string>& venues = {}) const;

    /// Every registered reader's health (the hub's status).
    [[nodiscard]] std::vector<protocol::ReaderHealth> allReaders() const { return health_.allReaders(); }
    /// Hellos and heartbeats refused as from unregistered readers, by reason.
    [[nodiscard]] const std::map<std::string, std::uint64_t>& readerRejections() const noexcept
    {
        return health_.rejections();
    }

    [[nodiscard]] const IngestCounters& counters() const noexcept { return ingest_.counters(); }
    [[nodiscard]] std::size_t trackedMeetings() const { return tracker_.trackedMeetings(); }

private:
    void loadIfNeeded(common::TimePoint now)
    {
        if (!tracker_.loaded()) reload(now);
    }

    common::Database& db_;
    core::Record record_;
    const HubConfig& config_;
    LiveDirectory directory_;
    LiveTracker tracker_;
    ReaderHealthBoard health_; // hellos, heartbeats, offline alarms, reader_health and uptime spans
    TapIngest ingest_;
    AlarmAckFeed acks_;                 // desks' acknowledgements, onto the feed
    std::int64_t hubAlarmAfterAck_ = 0; // the hub's alarm was raised after this acknowledgement
    common::TimePoint lastReload_{};
    std::int64_t dataVersion_ = 0;
};

} // namespace rollcall::service
