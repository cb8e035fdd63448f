#include "hub/service/live_state.h"

#include "hub/core/finality.h"

#include <algorithm>

namespace rollcall::service {

LiveState::LiveState(common::Database& db, const HubConfig& config, LivePublisher& publisher)
    : db_(db), record_(db), config_(config), tracker_(db, config, publisher, directory_),
      health_(
          db, config,
          [this](const std::string& venueId, const protocol::UpdatePayload& p) { tracker_.publishAtVenue(venueId, p); },
          [this](const std::string& venueId, common::TimePoint now) {
              return tracker_.meetingOpenAtVenue(venueId, now);
          }),
      ingest_(db, config, directory_, tracker_, publisher),
      acks_(
          db,
          [this](const core::AlarmAck& ack) {
              if (ack.source == kHubAlarmSource) return tracker_.hubAlarmActive();
              if (health_.known(ack.source)) return health_.alarmActive(ack.source, ack.code);
              return tracker_.lostCardRaised(ack.source); // a badge's
          },
          [this](const protocol::Alarm& alarm) {
              // A reader's alarm where the reader is shown; any other on every board.
              if (const auto venue = health_.venueOf(alarm.reader_id); !venue.empty()) {
                  tracker_.publishAtVenue(venue, alarm);
              } else {
                  tracker_.publishEverywhere(alarm);
              }
          })
{}

void LiveState::reload(common::TimePoint now)
{
    dataVersion_ = db_.dataVersion();
    directory_.load(db_);
    ingest_.loadSeqs();
    health_.load(directory_.readers());
    tracker_.reload(now);
    lastReload_ = now;
}

std::vector<OutgoingAck> LiveState::ingest(std::vector<IncomingTap>& batch, common::TimePoint now)
{
    loadIfNeeded(now);
    TapIngest::Round round;
    try {
        round = ingest_.ingest(batch, now);
    } catch (...) {
        // Nothing was acknowledged; the tracker and the seqs may hold taps that were rolled back.
        abandon(now);
        throw;
    }
    if (round.reloadNeeded) {
        // Its updates precede the reload's diff.
        ingest_.publishPending();
        reload(now);
    }
    return std::move(round.acks);
}

void LiveState::abandon(common::TimePoint now)
{
    tracker_.forget();
    reload(now);
}

void LiveState::publishHubAlarm(const std::string& message, bool active, const std::string& code,
                                const std::vector<std::string>& params)
{
    // A new occurrence: what was acknowledged before it does not cover it.
    if (active && !tracker_.hubAlarmActive()) hubAlarmAfterAck_ = acks_.lastPublished();
    tracker_.publishHubAlarm(message, active, code, params);
}

std::vector<protocol::Alarm> LiveState::standingAlarms(const std::vector<protocol::ReaderHealth>& readers,
                                                       common::TimePoint since,
                                                       const std::vector<std::string>& venues) const
{
    std::vector<protocol::Alarm> alarms;
    if (const auto& hub = tracker_.hubAlarm()) alarms.push_back(*hub);
    for (auto& a : tracker_.lostCardsAt(venues, since)) alarms.push_back(std::move(a));
    const auto stands = [&](const core::AlarmAck& ack) {
        if (ack.source == kHubAlarmSource) return tracker_.hubAlarmActive() && ack.id > hubAlarmAfterAck_;
        if (health_.known(ack.source)) {
            // A reader of the meeting's, its alarm raised now and begun before the acknowledgement.
            const bool shown = std::any_of(readers.begin(), readers.end(),
                                           [&](const protocol::ReaderHealth& h) { return h.reader_id == ack.source; });
            return shown && health_.acknowledged(ack.source, ack.code, ack.at);
        }
        return true; // a badge's: the board matches it to the card's alarm and taps by time
    };
    for (auto& a : acks_.standing(since, stands)) alarms.push_back(std::move(a));
    return alarms;
}

protocol::Welcome LiveState::hello(const protocol::Hello& h, common::TimePoint now)
{
    if (directory_.readers().empty()) loadIfNeeded(now);
    protocol::Welcome w;
    w.hub_clock_ms = common::toMillis(now);
    w.reader_known = health_.hello(h, now);
    // The highest number recorded for this reader, kept or quarantined.
    if (const auto last = ingest_.lastSeq(h.reader_id); last > 0) w.last_seq = last;
    if (w.reader_known) {
        w.message = "欢迎，读卡器 " + h.reader_id + " 已登记";
    } else {
        w.message = "读卡器 " + h.reader_id + " 未登记：刷卡会被保存但不计入考勤，请联系管理员";
    }
    return w;
}

void LiveState::tick(common::TimePoint now)
{
    (void)core::finalizeDue(record_, now, config_.finalizeAfter, config_.debounce);
    if (!tracker_.loaded() || db_.dataVersion() != dataVersion_ || now - lastReload_ >= config_.reloadEvery) {
        reload(now);
    }
    tracker_.advance(now);
    health_.sweep(now);
    acks_.poll();
    // Not followed by a fresh read of PRAGMA data_version: this connection's own
    // commits leave it unchanged, and re-reading it here would swallow another
    // writer's commit made since the check above (a rollcallctl change that
    // then reached no board until the periodic reload).
    health_.persist();
}

std::optional<core::MeetingResult> LiveState::trackedResult(const std::string& meetingId, common::TimePoint now)
{
    loadIfNeeded(now);
    return tracker_.trackedResult(meetingId, now);
}

} // namespace rollcall::service
