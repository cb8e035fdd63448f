#include "hub/service/live_state.h"

#include "common/logging.h"
#include "hub/core/finality.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/core/sequence_window.h"
#include "hub/service/wire_mapping.h"

#include <algorithm>
#include <set>
#include <spdlog/spdlog.h>

namespace rollcall::service {
namespace {

using namespace std::chrono_literals;
using protocol::Verdict;

// Meetings tracked live: those whose tap window touches [now − 12 h, now + 24 h].
constexpr auto kHorizonBack = 12h;
constexpr auto kHorizonAhead = 24h;
constexpr auto kSummaryEvery = 10s; // protocol.md: a silent feed for 30 s means the hub is gone
constexpr std::size_t kRecentTaps = 50;

std::shared_ptr<spdlog::logger> log()
{
    static const auto logger = common::namedLogger("hub");
    return logger;
}

} // namespace

struct LiveState::Statements {
    explicit Statements(common::Database& db)
        : findTap(db.prepare("SELECT id, verdict, badge_uid, agent_at_ms FROM taps WHERE reader_id = ? AND seq = ?")),
          insertTap(
              db.prepare("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms, "
                         "agent_at_ms, clock_offset_ms, verdict) VALUES (?,?,?,?,?,?,'reader',?,?,?,?) "
                         "ON CONFLICT(reader_id, seq) DO NOTHING")),
          setVerdict(db.prepare("UPDATE taps SET verdict = ? WHERE id = ? AND verdict IS NULL")),
          quarantine(db.prepare("INSERT INTO quarantined_taps(reader_id, seq, badge_uid, at_ms, received_ms, reason) "
                                "VALUES (?,?,?,?,?,?) ON CONFLICT(reader_id, seq) DO NOTHING"))
    {}
    common::Statement findTap, insertTap, setVerdict, quarantine;
};

LiveState::LiveState(common::Database& db, const HubConfig& config, LivePublisher& publisher)
    : db_(db), record_(db), config_(config), publisher_(publisher),
      health_(
          db, config,
          [this](const std::string& venueId, const protocol::UpdatePayload& p) { publishAtVenue(venueId, p); },
          [this](const std::string& venueId, common::TimePoint now) { return meetingOpenAtVenue(venueId, now); }),
      acks_(
          db,
          [this](const core::AlarmAck& ack) {
              return ack.source == kHubAlarmSource ? hubAlarmActive_ : health_.alarmActive(ack.source);
          },
          [this](const protocol::Alarm& alarm) {
              // A reader's alarm where the reader is shown; any other on every board.
              if (const auto venue = health_.venueOf(alarm.reader_id); !venue.empty()) {
                  publishAtVenue(venue, alarm);
              } else {
                  publishEverywhere(alarm);
              }
          }),
      sql_(std::make_unique<Statements>(db))
{}

LiveState::~LiveState() = default;

std::size_t LiveState::trackedMeetings() const { return tracker_ ? tracker_->meetingIds().size() : 0; }

void LiveState::loadCaches()
{
    readers_.clear();
    for (auto& r : record_.readers()) readers_.emplace(r.id, r);
    badges_ = core::BadgeHoldings::load(db_);
    people_.clear();
    auto p =
        db_.prepare("SELECT p.id, p.name, p.unit_id, u.path, p.title FROM persons p JOIN units u ON u.id = p.unit_id");
    while (p.step())
        people_.emplace(p.getText(0),
                        core::Person{p.getText(0), p.getText(1), p.getInt(2), p.getText(3), p.getOptionalText(4)});
    maxSeq_.clear();
    auto seqs = db_.prepare("SELECT reader_id, max(seq) FROM taps GROUP BY reader_id");
    while (seqs.step()) maxSeq_[seqs.getText(0)] = seqs.getInt(1);

    health_.load(readers_);
}

std::optional<std::string> LiveState::holderOf(const std::string& uid, common::TimePoint at) const
{
    return badges_.at(uid, at).personId;
}

const core::Person* LiveState::person(const std::string& id) const
{
    const auto it = people_.find(id);
    return it == people_.end() ? nullptr : &it->second;
}

void LiveState::rememberTap(const std::string& meetingId, const protocol::TapEvent& event)
{
    auto& q = recentTaps_[meetingId];
    q.push_front(event);
    while (q.size() > kRecentTaps) q.pop_back();
}

void LiveState::reload(common::TimePoint now)
{
    std::map<std::string, core::MeetingResult> before;
    if (tracker_) {
        for (const auto& id : tracker_->meetingIds()) before.emplace(id, tracker_->result(id));
    }
    dataVersion_ = db_.dataVersion();
    loadCaches();
    horizonFrom_ = now - kHorizonBack;
    horizonTo_ = now + kHorizonAhead;
    const auto meetings = record_.meetingsOverlapping(horizonFrom_, horizonTo_);
    recentTaps_.clear();
    auto observer = [this](const core::TapInput& in, const core::TapEvidence& ev, const core::TapResult& r) {
        if (auto e = tapEventOf(in, ev, r)) rememberTap(*r.assignment.meetingId, *e);
    };
    tracker_ = std::make_unique<core::AttendanceTracker>(
        core::replayRecord(record_, meetings, now, config_.debounce, observer));
    for (auto& [meetingId, taps] : recentTaps_) markEarlyCheckOuts(taps, *tracker_, meetingId);
    phase_.clear();
    lastReload_ = now;
    for (const auto& id : tracker_->meetingIds()) {
        const auto it = before.find(id);
        publishMeetingDiff(id, it == before.end() ? nullptr : &it->second, tracker_->result(id));
    }
    log()->info("loaded {} meeting(s), {} reader(s), {} badge(s)", meetings.size(), readers_.size(), badges_.size());
}

void LiveState::publishMeetingDiff(const std::string& meetingId, const core::MeetingResult* before,
                                   const core::MeetingResult& after)
{
    // A new meeting, or a changed definition or roster: dashboards re-snapshot on a "meeting" update.
    bool rosterChanged = !before || before->attendees.size() != after.attendees.size();
    if (before && !rosterChanged) {
        for (std::size_t i = 0; i < after.attendees.size(); ++i) {
            if (before->attendees[i].person.id != after.attendees[i].person.id) rosterChanged = true;
        }
    }
    const auto info = toWire(after.meeting);
    if (rosterChanged || !before || !(toWire(before->meeting) == info)) {
        publisher_.publish(meetingId, info);
    } else {
        for (std::size_t i = 0; i < after.attendees.size(); ++i) {
            const auto now = toWire(after.attendees[i]);
            if (!(toWire(before->attendees[i]) == now)) publisher_.publish(meetingId, now);
        }
    }
    if (!before || !(toWire(before->summary) == toWire(after.summary)))
        publisher_.publish(meetingId, toWire(after.summary));
}

void LiveState::publishChanged(const std::string& meetingId, const std::vector<std::string>& personIds)
{
    if (personIds.empty()) return;
    for (const auto& id : personIds) {
        if (const auto* a = tracker_->attendee(meetingId, id)) publisher_.publish(meetingId, toWire(*a));
    }
    publisher_.publish(meetingId, toWire(tracker_->summary(meetingId)));
}

std::vector<OutgoingAck> LiveState::ingest(std::vector<IncomingTap>& batch, common::TimePoint now)
{
    if (!tracker_) reload(now);
    struct Deferred {
        std::size_t ack;
        std::int64_t tapId;
        std::string venueId;
        common::TimePoint at;
        std::optional<std::string> personId;
    };
    std::vector<OutgoingAck> acks;
    std::vector<Deferred> deferred;
    // Updates go out only after the commit: a dashboard never sees a tap that could still be lost.
    std::vector<std::pair<std::string, protocol::UpdatePayload>> updates;
    std::set<std::string> summaryDirty;
    bool reloadAfter = false;
    const std::int64_t nowMs = common::toMillis(now);
    // Counted here and added only after the commit: a failed batch recorded nothing.
    IngestCounters counted;

    try {
        common::Transaction tx(db_);
        for (auto& in : batch) {
            const auto& t = in.tap;
            protocol::Ack ack;
            ack.reader_id = t.reader_id;
            ack.seq = t.seq;
            ack.hub_clock_ms = nowMs;
            const common::TimePoint at = common::fromMillis(t.at_ms + t.clock_offset_ms);
            const auto seq = static_cast<std::int64_t>(t.seq);
            // Kept aside, not recorded as a reader's tap: the reason says why.
            auto quarantine = [&](const std::string& reason) {
                auto& q = sql_->quarantine;
                q.bind(1, t.reader_id).bind(2, seq).bind(3, t.badge_uid).bind(4, common::toMillis(at)).bind(5, nowMs);
                q.bind(6, reason);
                q.run();
            };

            const auto reader = readers_.find(t.reader_id);
            if (reader == readers_.end()) {
                quarantine("unknown reader");
                ++counted.quarantined;
                ack.verdict = Verdict::UnknownReader;
                ack.text = ackText({Verdict::UnknownReader});
                acks.push_back({in.peer, std::move(ack)});
                continue;
            }

            // Idempotency: a (reader, seq) already recorded is acknowledged again with its first verdict.
            auto& maxSeq = maxSeq_[t.reader_id];
            auto& find = sql_->findTap;
            if (seq <= maxSeq && (find.bind(1, t.reader_id).bind(2, seq), find.step())) {
                const auto stored = find.getOptionalText(1);
                const auto uid = find.getText(2);
                const auto agentAt = find.getOptionalInt(3);
                find.reset();
                if (uid != t.badge_uid || (agentAt && *agentAt != t.at_ms)) {
                    // Not a re-send: another tap under a recorded number (an agent whose outbox
                    // was lost starts again at 1). Keep it aside and refuse it, so the agent keeps
                    // it too, instead of acknowledging someone else's verdict.
                    quarantine("seq already recorded for another tap");
                    ++counted.conflicts;
                    log()->warn("reader {} seq {} is already recorded for another tap (was its outbox reset?): refused",
                                t.reader_id, seq);
                    acks.push_back({in.peer, protocol::Error{"seq_conflict",
                                                             "reader " + t.reader_id + " seq " + std::to_string(seq)
                                                                 + " is already recorded for another tap"}});
                    continue;
                }
                ++counted.resent;
                ack.verdict =
                    stored ? protocol::verdictFromString(*stored).value_or(Verdict::Duplicate) : Verdict::Duplicate;
                AckTextFacts facts{ack.verdict};
                if (auto h = holderOf(uid, at)) {
                    if (auto p = person(*h)) facts.name = p->name;
                }
                facts.badgeUid = uid;
                facts.revokeReason = badges_.at(uid, at).revokedReason.value_or("");
                ack.text = ackText(facts);
                acks.push_back({in.peer, std::move(ack)});
                continue;
            }
            find.reset();
            // A number far beyond what this reader has sent is forged or corrupt: recorded, it
            // would turn the reader's real taps into conflicts. Kept aside, not acknowledged.
            if (const auto why =
                    core::SequenceWindow(config_.seqWindow)
                        .refusal(maxSeq > 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(maxSeq))
                                            : std::nullopt,
                                 t.seq)) {
                quarantine("seq out of window: " + *why);
                ++counted.seqJumps;
                acks.push_back({in.peer, protocol::Error{"seq_out_of_window", "reader " + t.reader_id + ": " + *why}});
                continue;
            }
            maxSeq = std::max(maxSeq, seq);

            auto badge = badges_.at(t.badge_uid, at);
            const auto personId = badge.personId;
            core::TapInput input;
            input.readerId = t.reader_id;
            input.venueId = reader->second.venueId;
            input.badgeUid = t.badge_uid;
            input.personId = personId;
            input.revokedReason = badge.revokedReason;
            input.at = at;
            input.readerDirection = reader->second.direction;
            if (t.direction)
                input.explicitDirection =
                    *t.direction == protocol::Direction::In ? core::Direction::In : core::Direction::Out;

            // Taps of one person must reach the tracker in time order; an older
            // tap (an agent's backlog) or one outside today's horizon is
            // recorded first and given its verdict by replaying the record.
            const auto last = personId ? tracker_->lastTapOf(*personId) : std::nullopt;
            const bool inOrder = at >= horizonFrom_ && at <= horizonTo_ && (!last || at >= *last);

            auto& ins = sql_->insertTap;
            ins.bind(1, t.reader_id).bind(2, seq).bind(3, t.badge_uid).bind(4, common::toMillis(at));
            if (t.direction)
                ins.bind(5, protocol::toString(*t.direction));
            else
                ins.bindNull(5);
            ins.bind(6, input.venueId).bind(7, nowMs).bind(8, t.at_ms).bind(9, t.clock_offset_ms);

            if (!inOrder) {
                ins.bindNull(10);
                ins.run();
                const auto id = db_.lastInsertRowId();
                deferred.push_back({acks.size(), id, input.venueId, at, personId});
                acks.push_back({in.peer, std::move(ack)});
                ++counted.replayed;
                ++counted.recorded;
                if (at >= horizonFrom_ && at <= horizonTo_) reloadAfter = true;
                continue;
            }

            // The tap id is needed as evidence before insert: it is the next rowid.
            input.ref = 0;
            core::TapEvidence evidence{0, at, core::Direction::In, t.reader_id, t.badge_uid, now};
            const auto result = tracker_->addTap(input, evidence, now);
            const Verdict verdict = toWire(result.verdict);
            ins.bind(10, protocol::toString(verdict));
            ins.run();
            if (db_.changes() == 0) {
                // Recorded meanwhile by another writer (rollcallctl taps import of this reader's log):
                // the record wins; the tracker saw a tap twice, so rebuild it after the batch.
                reloadAfter = true;
                ++counted.resent;
                ack.verdict = Verdict::Duplicate;
                ack.text = ackText({Verdict::Duplicate});
                acks.push_back({in.peer, std::move(ack)});
                continue;
            }
            const auto id = db_.lastInsertRowId();
            ++counted.recorded;

            AckTextFacts facts{verdict};
            facts.badgeUid = t.badge_uid;
            facts.afterEnd = result.afterEnd;
            facts.revokeReason = badge.revokedReason.value_or("");
            if (personId) {
                if (auto p = person(*personId)) facts.name = p->name;
            }
            if (result.assignment.meetingId) {
                const auto& meetingId = *result.assignment.meetingId;
                facts.lateMinutes = result.lateMinutes;
                // A check-out before E − Ge is leaving early: the reader and the board say so.
                if (verdict == Verdict::CheckedOut && personId) {
                    if (const auto* a = tracker_->attendee(meetingId, *personId);
                        a && a->outcome.has(core::LeftEarly) && !a->outcome.inside)
                        facts.earlyMinutes = a->outcome.earlyMinutes;
                }
                if (result.substituteFor) {
                    if (auto p = person(*result.substituteFor)) facts.substituteFor = p->name;
                }
                for (const auto& changed : result.changedAttendees) {
                    if (const auto* a = tracker_->attendee(meetingId, changed))
                        updates.emplace_back(meetingId, toWire(*a));
                }
                if (!result.changedAttendees.empty() || result.walkInsChanged || result.unknownBadgesChanged) {
                    summaryDirty.insert(meetingId);
                }
            }
            ack.verdict = verdict;
            ack.text = ackText(facts);
            if (facts.earlyMinutes > 0) ack.early_minutes = static_cast<std::int32_t>(facts.earlyMinutes);

            protocol::TapEvent event;
            event.tap_id = static_cast<std::uint64_t>(id);
            event.reader_id = t.reader_id;
            event.venue_id = input.venueId;
            event.badge_uid = t.badge_uid;
            event.person_id = personId;
            if (!facts.name.empty()) event.name = facts.name;
            event.at_ms = common::toMillis(at);
            if (result.assignment.disposition == core::Disposition::Applied) {
                event.direction = result.assignment.direction == core::Direction::In ? protocol::Direction::In
                                                                                     : protocol::Direction::Out;
            }
            event.verdict = verdict;
            event.early_minutes = ack.early_minutes;
            event.expected_venue_id = result.expectedVenue;
            const std::string stream = result.assignment.meetingId.value_or("");
            if (!stream.empty()) rememberTap(stream, event);
            updates.emplace_back(stream, event);
            acks.push_back({in.peer, std::move(ack)});
        }

        // Verdicts of out-of-order taps (an agent's backlog comes as many at once):
        // one replay per venue, over the meetings around all of that venue's taps.
        std::map<std::string, std::vector<const Deferred*>> deferredByVenue;
        for (const auto& d : deferred) deferredByVenue[d.venueId].push_back(&d);
        for (const auto& [venueId, taps] : deferredByVenue) {
            common::TimePoint from = taps.front()->at, to = taps.front()->at;
            std::unordered_map<std::int64_t, std::pair<core::TapVerdict, std::int64_t>>
                outcome; // tap id -> verdict, late minutes
            for (const auto* d : taps) {
                from = std::min(from, d->at);
                to = std::max(to, d->at);
                outcome.emplace(d->tapId, std::pair{core::TapVerdict::NotInWindow, std::int64_t{0}});
            }
            (void)core::replayRecord(record_, record_.meetingsAt({venueId}, from, to), now, config_.debounce,
                                     [&](const core::TapInput&, const core::TapEvidence& ev, const core::TapResult& r) {
                                         if (auto it = outcome.find(ev.ref); it != outcome.end())
                                             it->second = {r.verdict, r.lateMinutes};
                                     });
            for (const auto* d : taps) {
                const auto& [verdict, lateMinutes] = outcome.at(d->tapId);
                auto& ack = std::get<protocol::Ack>(acks[d->ack].reply);
                ack.verdict = toWire(verdict);
                AckTextFacts facts{ack.verdict};
                if (d->personId) {
                    if (auto p = person(*d->personId)) facts.name = p->name;
                }
                facts.lateMinutes = lateMinutes;
                ack.text = ackText(facts);
                auto& set = sql_->setVerdict;
                set.bind(1, protocol::toString(ack.verdict)).bind(2, d->tapId);
                set.run();
            }
        }
        tx.commit();
    } catch (...) {
        // Nothing was acknowledged; the tracker may hold taps that were rolled back.
        tracker_.reset();
        reload(now);
        throw;
    }
    counters_.recorded += counted.recorded;
    counters_.resent += counted.resent;
    counters_.quarantined += counted.quarantined;
    counters_.replayed += counted.replayed;
    counters_.conflicts += counted.conflicts;
    counters_.seqJumps += counted.seqJumps;
    ++counters_.batches;
    // Kept until the server has sent the acks (publishPending()): encoding a
    // busy meeting's updates must not delay the attendee's verdict. A batch
    // that reloads publishes at once, so its updates precede the reload's diff.
    for (auto& u : updates) pendingUpdates_.push_back(std::move(u));
    for (const auto& m : summaryDirty) {
        pendingUpdates_.emplace_back(m, toWire(tracker_->summary(m)));
        lastSummary_[m] = now;
    }
    if (reloadAfter) {
        publishPending();
        reload(now);
    }
    return acks;
}

void LiveState::publishPending()
{
    for (auto& [stream, payload] : pendingUpdates_) publisher_.publish(stream, std::move(payload));
    pendingUpdates_.clear();
}

protocol::Welcome LiveState::hello(const protocol::Hello& h, common::TimePoint now)
{
    if (readers_.empty() && !tracker_) reload(now);
    protocol::Welcome w;
    w.hub_clock_ms = common::toMillis(now);
    w.reader_known = health_.hello(h, now);
    // The highest number recorded for this reader, kept or quarantined.
    std::int64_t last = 0;
    if (const auto m = maxSeq_.find(h.reader_id); m != maxSeq_.end()) last = m->second;
    auto q = db_.prepare("SELECT max(seq) FROM quarantined_taps WHERE reader_id = ?");
    q.bind(1, h.reader_id);
    if (q.step() && !q.isNull(0)) last = std::max(last, q.getInt(0));
    if (last > 0) w.last_seq = static_cast<std::uint64_t>(last);
    if (w.reader_known) {
        w.message = "欢迎，读卡器 " + h.reader_id + " 已登记";
    } else {
        w.message = "读卡器 " + h.reader_id + " 未登记：刷卡会被保存但不计入考勤，请联系管理员";
    }
    return w;
}

void LiveState::heartbeat(const protocol::Heartbeat& hb, common::TimePoint now) { health_.heartbeat(hb, now); }

void LiveState::publishAtVenue(const std::string& venueId, const protocol::UpdatePayload& payload)
{
    publisher_.publish("", payload);
    if (!tracker_) return;
    for (const auto& id : tracker_->meetingIds()) {
        const auto& venues = tracker_->meeting(id).venues;
        if (std::find(venues.begin(), venues.end(), venueId) != venues.end()) publisher_.publish(id, payload);
    }
}

void LiveState::publishHubAlarm(const std::string& message, bool active, const std::string& code,
                                const std::vector<std::string>& params)
{
    hubAlarmActive_ = active;
    publishEverywhere(protocol::Alarm{std::string(kHubAlarmSource), message, active, code, params});
}

void LiveState::publishEverywhere(const protocol::UpdatePayload& payload)
{
    publisher_.publish("", payload);
    if (!tracker_) return;
    for (const auto& id : tracker_->meetingIds()) publisher_.publish(id, payload);
}

bool LiveState::meetingOpenAtVenue(const std::string& venueId, common::TimePoint now) const
{
    if (!tracker_) return false;
    for (const auto& id : tracker_->meetingIds()) {
        const auto& m = tracker_->meeting(id);
        if (now < m.times.opening || now > m.times.end) continue;
        if (std::find(m.venues.begin(), m.venues.end(), venueId) != m.venues.end()) return true;
    }
    return false;
}

void LiveState::tick(common::TimePoint now)
{
    (void)core::finalizeDue(record_, now, config_.finalizeAfter, config_.debounce);
    if (!tracker_ || db_.dataVersion() != dataVersion_ || now - lastReload_ >= config_.reloadEvery) {
        reload(now);
    }
    for (const auto& id : tracker_->meetingIds()) {
        const auto& t = tracker_->meeting(id).times;
        const int phase = (now > t.start + t.lateGrace) + (now >= t.end) + (now > t.windowEnd());
        auto [known, fresh] = phase_.try_emplace(id, -1);
        if (known->second != phase) {
            publishChanged(id, tracker_->advanceTo(id, now));
            known->second = phase;
        }
        auto& last = lastSummary_[id];
        if (now - last >= kSummaryEvery) {
            publisher_.publish(id, toWire(tracker_->summary(id)));
            last = now;
        }
    }
    health_.sweep(now);
    acks_.poll();
    if (health_.persist()) dataVersion_ = db_.dataVersion(); // our own writes do not count as another writer's
}

std::optional<core::MeetingResult> LiveState::trackedResult(const std::string& meetingId, common::TimePoint now)
{
    if (!tracker_) reload(now);
    if (!tracker_->hasMeeting(meetingId)) return std::nullopt;
    publishChanged(meetingId, tracker_->advanceTo(meetingId, now)); // so the snapshot and its seq agree
    return tracker_->result(meetingId);
}

/// A replay knows a check-out's verdict when it reaches it, but not yet that
/// the person left for good: once replayed, the person's latest check-out,
/// when their outcome is "left early" and they are not inside again, gets its
/// minutes, as the live tap did (the board shows 早退, not 签退). `taps` is
/// newest first.
void LiveState::markEarlyCheckOuts(std::deque<protocol::TapEvent>& taps, const core::AttendanceTracker& tracker,
                                   const std::string& meetingId)
{
    if (!tracker.hasMeeting(meetingId)) return;
    std::set<std::string> seen;
    auto latestFirst = [&](protocol::TapEvent& e) {
        if (e.verdict != Verdict::CheckedOut || !e.person_id || !seen.insert(*e.person_id).second) return;
        const auto* a = tracker.attendee(meetingId, *e.person_id);
        if (a && a->outcome.has(core::LeftEarly) && !a->outcome.inside && a->outcome.earlyMinutes > 0)
            e.early_minutes = static_cast<std::int32_t>(a->outcome.earlyMinutes);
    };
    for (auto& e : taps) latestFirst(e); // newest first, as both callers keep them
}

std::optional<protocol::TapEvent> LiveState::tapEventOf(const core::TapInput& in, const core::TapEvidence& ev,
                                                        const core::TapResult& r) const
{
    if (ev.manual() || !r.assignment.meetingId) return std::nullopt;
    protocol::TapEvent e;
    e.tap_id = static_cast<std::uint64_t>(ev.ref);
    e.reader_id = in.readerId;
    e.venue_id = in.venueId;
    e.badge_uid = in.badgeUid;
    e.person_id = in.personId;
    if (in.personId) {
        if (auto p = person(*in.personId)) e.name = p->name;
    }
    e.at_ms = common::toMillis(in.at);
    e.direction = r.assignment.direction == core::Direction::In ? protocol::Direction::In : protocol::Direction::Out;
    e.verdict = toWire(r.verdict);
    e.expected_venue_id = r.expectedVenue;
    return e;
}

std::vector<protocol::TapEvent> LiveState::pastTaps(const core::Meeting& meeting, common::TimePoint now)
{
    // A replay of the meetings at its venues around its window, as reload() does
    // for the tracked ones; the latest taps it assigned to this meeting.
    std::deque<protocol::TapEvent> taps;
    auto observer = [&](const core::TapInput& in, const core::TapEvidence& ev, const core::TapResult& r) {
        if (!r.assignment.meetingId || *r.assignment.meetingId != meeting.id) return;
        if (auto e = tapEventOf(in, ev, r)) {
            taps.push_front(*e);
            if (taps.size() > protocol::kMaxRecentTaps) taps.pop_back();
        }
    };
    const auto replayed =
        core::replayRecord(record_, record_.meetingsAt(meeting.venues, meeting.times.opening, meeting.times.end), now,
                           config_.debounce, observer);
    markEarlyCheckOuts(taps, replayed, meeting.id);
    std::vector<protocol::TapEvent> out(taps.begin(), taps.end());
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.at_ms != b.at_ms ? a.at_ms > b.at_ms : a.tap_id > b.tap_id;
    });
    return out;
}

std::vector<protocol::TapEvent> LiveState::recentTaps(const std::string& meetingId) const
{
    const auto it = recentTaps_.find(meetingId);
    if (it == recentTaps_.end()) return {};
    return {it->second.begin(), it->second.end()};
}

} // namespace rollcall::service
