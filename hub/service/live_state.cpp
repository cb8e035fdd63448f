#include "hub/service/live_state.h"

#include "common/logging.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/service/wire_mapping.h"

#include <algorithm>
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
                                "VALUES (?,?,?,?,?,?) ON CONFLICT(reader_id, seq) DO NOTHING")),
          upsertHealth(db.prepare(
              "INSERT INTO reader_health(reader_id, last_seen_ms, outbox_depth, clock_offset_ms, agent_version, reader_state, "
              "reader_detail) VALUES (?,?,?,?,?,?,?) ON CONFLICT(reader_id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms, "
              "outbox_depth = excluded.outbox_depth, clock_offset_ms = excluded.clock_offset_ms, "
              "agent_version = excluded.agent_version, reader_state = excluded.reader_state, reader_detail = excluded.reader_detail")),
          insertUptime(db.prepare("INSERT INTO reader_uptime(reader_id, from_ms, to_ms) VALUES (?, ?, ?)")),
          extendUptime(db.prepare("UPDATE reader_uptime SET to_ms = ? WHERE id = ?"))
    {}
    common::Statement findTap, insertTap, setVerdict, quarantine, upsertHealth, insertUptime, extendUptime;
};

LiveState::LiveState(common::Database& db, const HubConfig& config, LivePublisher& publisher)
    : db_(db), record_(db), config_(config), publisher_(publisher), sql_(std::make_unique<Statements>(db))
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

    // Health rows survive restarts; readers never heard from get an empty entry.
    std::map<std::string, Health> fresh;
    for (const auto& [id, r] : readers_) {
        Health h;
        if (auto old = health_.find(id); old != health_.end()) h = old->second;
        h.venueId = r.venueId;
        fresh.emplace(id, std::move(h));
    }
    auto hs = db_.prepare("SELECT reader_id, last_seen_ms, outbox_depth, clock_offset_ms, agent_version, reader_state, "
                          "reader_detail FROM reader_health");
    while (hs.step()) {
        auto it = fresh.find(hs.getText(0));
        if (it == fresh.end() || it->second.lastSeen) continue; // memory is newer than the table
        Health& h = it->second;
        h.lastSeen = common::fromMillis(hs.getInt(1));
        h.outboxDepth = static_cast<std::uint64_t>(hs.getInt(2));
        h.clockOffsetMs = hs.getInt(3);
        h.agentVersion = hs.getText(4);
        h.state = protocol::readerStateFromString(hs.getText(5));
        h.detail = hs.getText(6);
    }
    health_ = std::move(fresh);
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
        if (ev.manual() || !r.assignment.meetingId) return;
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
        e.direction =
            r.assignment.direction == core::Direction::In ? protocol::Direction::In : protocol::Direction::Out;
        e.verdict = toWire(r.verdict);
        rememberTap(*r.assignment.meetingId, e);
    };
    tracker_ = std::make_unique<core::AttendanceTracker>(
        core::replayRecord(record_, meetings, now, config_.debounce, observer));
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

            const auto reader = readers_.find(t.reader_id);
            if (reader == readers_.end()) {
                auto& q = sql_->quarantine;
                q.bind(1, t.reader_id)
                    .bind(2, seq)
                    .bind(3, t.badge_uid)
                    .bind(4, common::toMillis(at))
                    .bind(5, nowMs)
                    .bind(6, "unknown reader");
                q.run();
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
                    auto& q = sql_->quarantine;
                    q.bind(1, t.reader_id)
                        .bind(2, seq)
                        .bind(3, t.badge_uid)
                        .bind(4, common::toMillis(at))
                        .bind(5, nowMs)
                        .bind(6, "seq already recorded for another tap");
                    q.run();
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
    const auto it = health_.find(h.reader_id);
    w.reader_known = it != health_.end();
    // The highest number recorded for this reader, kept or quarantined.
    std::int64_t last = 0;
    if (const auto m = maxSeq_.find(h.reader_id); m != maxSeq_.end()) last = m->second;
    auto q = db_.prepare("SELECT max(seq) FROM quarantined_taps WHERE reader_id = ?");
    q.bind(1, h.reader_id);
    if (q.step() && !q.isNull(0)) last = std::max(last, q.getInt(0));
    if (last > 0) w.last_seq = static_cast<std::uint64_t>(last);
    if (w.reader_known) {
        Health& hl = it->second;
        hl.agentVersion = h.agent_version;
        hl.clockOffsetMs = common::toMillis(now) - h.agent_clock_ms;
        w.message = "欢迎，读卡器 " + h.reader_id + " 已登记";
    } else {
        w.message = "读卡器 " + h.reader_id + " 未登记：刷卡会被保存但不计入考勤，请联系管理员";
        log()->warn("hello from unregistered reader {}", h.reader_id);
    }
    return w;
}

void LiveState::heartbeat(const protocol::Heartbeat& hb, common::TimePoint now)
{
    const auto it = health_.find(hb.reader_id);
    if (it == health_.end()) {
        log()->warn("heartbeat from unregistered reader {}", hb.reader_id);
        return;
    }
    Health& h = it->second;
    const bool continuing = h.lastSeen && now - *h.lastSeen <= config_.readerOfflineAfter;
    if (!continuing) h.uptimeRow.reset(); // a gap: start a new span of uptime
    h.lastSeen = now;
    h.outboxDepth = hb.outbox_depth;
    h.clockOffsetMs = common::toMillis(now) - hb.agent_clock_ms;
    h.agentVersion = hb.agent_version;
    h.state = hb.reader_state;
    h.detail = hb.reader_detail;
    h.dirty = true;
    const bool wasOnline = h.online;
    h.online = true;
    const bool alarmCleared = h.alarm;
    h.alarm = false;
    publishReader(hb.reader_id, h);
    if (!wasOnline) log()->info("reader {} online", hb.reader_id);
    if (alarmCleared) publishAlarm(hb.reader_id, h);
}

protocol::ReaderHealth LiveState::readerWire(const std::string& readerId, const Health& h) const
{
    protocol::ReaderHealth w;
    w.reader_id = readerId;
    w.venue_id = h.venueId;
    w.online = h.online;
    if (h.lastSeen) w.last_seen_ms = common::toMillis(*h.lastSeen);
    w.outbox_depth = h.outboxDepth;
    w.clock_offset_ms = h.clockOffsetMs;
    w.agent_version = h.agentVersion;
    w.reader_state = h.state;
    w.alarm = h.alarm;
    return w;
}

void LiveState::publishReader(const std::string& readerId, const Health& h)
{
    publishAtVenue(h.venueId, readerWire(readerId, h));
}

void LiveState::publishAlarm(const std::string& readerId, const Health& h)
{
    publishAtVenue(h.venueId,
                   protocol::Alarm{readerId, "读卡器 " + readerId + (h.alarm ? " 离线" : " 已恢复在线"), h.alarm});
}

void LiveState::publishAtVenue(const std::string& venueId, const protocol::UpdatePayload& payload)
{
    publisher_.publish("", payload);
    if (!tracker_) return;
    for (const auto& id : tracker_->meetingIds()) {
        const auto& venues = tracker_->meeting(id).venues;
        if (std::find(venues.begin(), venues.end(), venueId) != venues.end()) publisher_.publish(id, payload);
    }
}

void LiveState::publishHubAlarm(const std::string& message, bool active)
{
    const protocol::UpdatePayload payload = protocol::Alarm{std::string(kHubAlarmSource), message, active};
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

void LiveState::persistHealth()
{
    bool any = false;
    for (const auto& [id, h] : health_) any = any || h.dirty;
    if (!any) return;
    // A new span's row id is adopted only after the commit: a rolled-back
    // insert's id would be handed to the next insert (another reader's span),
    // which this reader would then stretch with its own times.
    std::vector<std::pair<Health*, std::int64_t>> newRows;
    common::Transaction tx(db_);
    for (auto& [id, h] : health_) {
        if (!h.dirty || !h.lastSeen) continue;
        auto& up = sql_->upsertHealth;
        up.bind(1, id)
            .bind(2, common::toMillis(*h.lastSeen))
            .bind(3, static_cast<std::int64_t>(h.outboxDepth))
            .bind(4, h.clockOffsetMs)
            .bind(5, h.agentVersion)
            .bind(6, h.state ? std::string(protocol::toString(*h.state)) : std::string())
            .bind(7, h.detail);
        up.run();
        if (h.uptimeRow) {
            auto& ext = sql_->extendUptime;
            ext.bind(1, common::toMillis(*h.lastSeen)).bind(2, *h.uptimeRow);
            ext.run();
        } else {
            auto& add = sql_->insertUptime;
            add.bind(1, id).bind(2, common::toMillis(*h.lastSeen)).bind(3, common::toMillis(*h.lastSeen));
            add.run();
            newRows.emplace_back(&h, db_.lastInsertRowId());
        }
    }
    tx.commit();
    for (auto& [h, row] : newRows) h->uptimeRow = row;
    for (auto& [id, h] : health_) h.dirty = false;
    dataVersion_ = db_.dataVersion(); // our own writes do not count as another writer's
}

void LiveState::tick(common::TimePoint now)
{
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
    for (auto& [id, h] : health_) {
        const bool online = h.lastSeen && now - *h.lastSeen <= config_.readerOfflineAfter;
        // A reader never heard from (a standalone terminal whose logs are imported) is
        // shown as such but raises no alarm; one that fell silent does (issue 6, fairness).
        const bool alarm = !online && h.lastSeen && meetingOpenAtVenue(h.venueId, now);
        if (online == h.online && alarm == h.alarm) continue;
        const bool alarmChanged = alarm != h.alarm;
        h.online = online;
        h.alarm = alarm;
        publishReader(id, h);
        if (!online)
            log()->warn("reader {} offline (last seen {})", id,
                        h.lastSeen ? core::Zone(config_.zone).format(*h.lastSeen) : "never");
        if (alarmChanged) publishAlarm(id, h);
    }
    persistHealth();
}

protocol::QueryReply LiveState::snapshot(const std::string& meetingId, common::TimePoint now)
{
    if (!tracker_) reload(now);
    protocol::Snapshot s;
    core::MeetingResult result;
    if (tracker_->hasMeeting(meetingId)) {
        publishChanged(meetingId, tracker_->advanceTo(meetingId, now)); // so the snapshot and its seq agree
        result = tracker_->result(meetingId);
    } else {
        if (!record_.findMeeting(meetingId))
            return protocol::Error{"unknown_meeting", "meeting \"" + meetingId + "\" does not exist"};
        result = core::MeetingEvaluator(record_, config_.debounce).evaluate(meetingId, now);
    }
    s.meeting = toWire(result.meeting);
    s.seq = publisher_.lastSeq(meetingId);
    s.hub_clock_ms = common::toMillis(now);
    s.summary = toWire(result.summary);
    for (const auto& a : result.attendees) s.attendees.push_back(toWire(a));
    for (const auto& w : result.walkIns) s.walk_ins.push_back(toWire(w));
    for (const auto& u : result.unknownBadges) s.unknown_badges.push_back(u.uid);
    if (auto it = recentTaps_.find(meetingId); it != recentTaps_.end())
        s.recent_taps.assign(it->second.begin(), it->second.end());
    for (const auto& [id, h] : health_) {
        if (std::find(result.meeting.venues.begin(), result.meeting.venues.end(), h.venueId)
            != result.meeting.venues.end()) {
            s.readers.push_back(readerWire(id, h));
        }
    }
    return s;
}

protocol::MeetingList LiveState::meetingList(const std::optional<std::string>& day, common::TimePoint now)
{
    const core::Zone zone(config_.zone);
    const common::TimePoint from = zone.startOfDay(day.value_or(zone.formatDate(now)));
    protocol::MeetingList list;
    for (const auto& m : record_.meetingsStartingIn(from, from + 24h)) {
        list.meetings.push_back({m.id, m.title, m.venues, common::toMillis(m.times.start),
                                 common::toMillis(m.times.end), meetingState(m, now)});
    }
    return list;
}

} // namespace rollcall::service
