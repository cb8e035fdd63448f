#include "hub/service/tap_ingest.h"

#include "hub/core/meeting_evaluator.h"
#include "hub/core/sequence_window.h"
#include "hub/service/hub_log.h"
#include "hub/service/wire_mapping.h"

#include <algorithm>
#include <map>
#include <set>
#include <spdlog/spdlog.h>

namespace rollcall::service {
namespace {

using protocol::Verdict;

/// When the tap was made by the hub's clock: the agent's stamp corrected by the offset it knew.
common::TimePoint hubTimeOf(const protocol::Tap& t) { return common::fromMillis(t.at_ms + t.clock_offset_ms); }

} // namespace

IngestCounters& IngestCounters::operator+=(const IngestCounters& other)
{
    recorded += other.recorded;
    resent += other.resent;
    quarantined += other.quarantined;
    replayed += other.replayed;
    conflicts += other.conflicts;
    seqJumps += other.seqJumps;
    batches += other.batches;
    return *this;
}

struct TapIngest::Statements {
    explicit Statements(common::Database& db)
        : findTap(db.prepare("SELECT id, verdict, badge_uid, agent_at_ms FROM taps WHERE reader_id = ? AND seq = ?")),
          insertTap(
              db.prepare("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms, "
                         "agent_at_ms, clock_offset_ms, verdict) VALUES (?,?,?,?,?,?,'reader',?,?,?,?) "
                         "ON CONFLICT(reader_id, seq) DO NOTHING")),
          setVerdict(db.prepare("UPDATE taps SET verdict = ? WHERE id = ? AND verdict IS NULL")),
          quarantine(db.prepare("INSERT INTO quarantined_taps(reader_id, seq, badge_uid, at_ms, received_ms, reason) "
                                "VALUES (?,?,?,?,?,?) ON CONFLICT(reader_id, seq) DO NOTHING")),
          lastQuarantined(db.prepare("SELECT max(seq) FROM quarantined_taps WHERE reader_id = ?"))
    {}
    common::Statement findTap, insertTap, setVerdict, quarantine, lastQuarantined;
};

TapIngest::TapIngest(common::Database& db, const HubConfig& config, const LiveDirectory& directory, LiveTracker& live,
                     LivePublisher& publisher)
    : record_(db), db_(db), config_(config), directory_(directory), live_(live), publisher_(publisher),
      sql_(std::make_unique<Statements>(db))
{}

TapIngest::~TapIngest() = default;

void TapIngest::loadSeqs()
{
    maxSeq_.clear();
    auto seqs = db_.prepare("SELECT reader_id, max(seq) FROM taps GROUP BY reader_id");
    while (seqs.step()) maxSeq_[seqs.getText(0)] = seqs.getInt(1);
}

std::uint64_t TapIngest::lastSeq(const std::string& readerId)
{
    std::int64_t last = 0;
    if (const auto m = maxSeq_.find(readerId); m != maxSeq_.end()) last = m->second;
    auto& q = sql_->lastQuarantined;
    q.bind(1, readerId);
    if (q.step() && !q.isNull(0)) last = std::max(last, q.getInt(0));
    q.reset();
    return static_cast<std::uint64_t>(std::max<std::int64_t>(last, 0));
}

TapIngest::Round TapIngest::ingest(std::vector<IncomingTap>& batch, common::TimePoint now)
{
    auto round = judge(std::move(batch), now);
    try {
        if (round.complete()) {
            commitRound(round);
        } else {
            recordRest(round);
        }
    } catch (...) {
        batch = std::move(round.batch);
        throw;
    }
    batch = std::move(round.batch);
    return finish(round);
}

JudgedRound TapIngest::judge(std::vector<IncomingTap>&& batch, common::TimePoint now)
{
    JudgedRound r;
    r.batch = std::move(batch);
    r.now = now;
    r.nowMs = common::toMillis(now);
    r.acks.reserve(r.batch.size());
    r.rows.reserve(r.batch.size());
    r.updates.reserve(r.batch.size() * 2);
    while (!r.complete() && take(r, r.judged)) ++r.judged;
    if (r.complete()) noteSummaries(r);
    return r;
}

void TapIngest::recordRest(JudgedRound& r)
{
    common::Transaction tx(db_);
    r.direct = true;
    for (auto& row : r.rows) insertRow(r, row);
    for (; !r.complete(); ++r.judged) (void)take(r, r.judged);
    replayDeferred(r);
    noteSummaries(r);
    tx.commit();
}

void TapIngest::commitRound(JudgedRound& r)
{
    common::Transaction tx(db_);
    insertRound(r);
    tx.commit();
}

void TapIngest::insertRound(JudgedRound& r)
{
    for (auto& row : r.rows) insertRow(r, row);
}

void TapIngest::noteSummaries(JudgedRound& r)
{
    // Taken with the round's last tap, before the tracker takes the next round's.
    for (const auto& m : r.summaryDirty) r.summaries.emplace_back(m, live_.summaryUpdate(m, r.now));
}

TapIngest::Round TapIngest::finish(JudgedRound& r)
{
    std::size_t from = 0;
    for (const auto& row : r.rows) {
        const auto to = row.updatesEnd;
        if (!row.inserted) {
            // Recorded meanwhile by another writer (rollcallctl taps import of this reader's log):
            // the record wins; the tracker saw a tap twice, so rebuild it after the round.
            r.reloadAfter = true;
            ++r.counted.resent;
            auto& ack = std::get<protocol::Ack>(r.acks[row.tap].reply);
            ack.verdict = Verdict::Duplicate;
            ack.text = ackText({Verdict::Duplicate});
            ack.early_minutes.reset();
            from = to;
            continue;
        }
        ++r.counted.recorded;
        auto& [stream, event] = r.updates[to - 1];
        auto& tapEvent = std::get<protocol::TapEvent>(event);
        tapEvent.tap_id = static_cast<std::uint64_t>(row.id);
        if (!stream.empty()) live_.rememberTap(stream, tapEvent);
        for (; from < to; ++from) pendingUpdates_.push_back(std::move(r.updates[from]));
    }
    ++r.counted.batches;
    counters_ += r.counted;
    // Kept until the server has sent the acks (publishPending()): encoding a
    // busy meeting's updates must not delay the attendee's verdict.
    for (auto& s : r.summaries) pendingUpdates_.push_back(std::move(s));
    return {std::move(r.acks), r.reloadAfter};
}

void TapIngest::publishPending()
{
    publisher_.publishAll(std::move(pendingUpdates_));
    pendingUpdates_.clear();
}

void TapIngest::quarantine(const protocol::Tap& t, common::TimePoint at, const std::string& reason,
                           const JudgedRound& r)
{
    // Kept aside, not recorded as a reader's tap: the reason says why.
    auto& q = sql_->quarantine;
    q.bind(1, t.reader_id).bind(2, static_cast<std::int64_t>(t.seq)).bind(3, t.badge_uid);
    q.bind(4, common::toMillis(at)).bind(5, r.nowMs).bind(6, reason);
    q.run();
}

bool TapIngest::take(JudgedRound& r, std::size_t i)
{
    auto& in = r.batch[i];
    const auto& t = in.tap;
    const auto* reader = directory_.reader(t.reader_id);
    if (!reader) {
        if (!r.direct) return false;
        quarantine(t, hubTimeOf(t), "unknown reader", r);
        ++r.counted.quarantined;
        auto ack = r.ackOf(t);
        ack.verdict = Verdict::UnknownReader;
        ack.text = ackText({Verdict::UnknownReader});
        r.acks.push_back({in.peer, std::move(ack)});
        return true;
    }
    // Idempotency: a (reader, seq) already recorded is acknowledged again with its first verdict.
    const auto seq = static_cast<std::int64_t>(t.seq);
    auto& maxSeq = maxSeq_[t.reader_id];
    if (seq <= maxSeq) {
        if (!r.direct) return false;
        auto& find = sql_->findTap;
        find.bind(1, t.reader_id).bind(2, seq);
        if (find.step()) {
            answerRecorded(r, i);
            return true;
        }
        find.reset();
    }
    // A number far beyond what this reader has sent is forged or corrupt: recorded, it
    // would turn the reader's real taps into conflicts. Kept aside, not acknowledged.
    if (const auto why =
            core::SequenceWindow(config_.seqWindow)
                .refusal(maxSeq > 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(maxSeq)) : std::nullopt,
                         t.seq)) {
        if (!r.direct) return false;
        quarantine(t, hubTimeOf(t), "seq out of window: " + *why, r);
        ++r.counted.seqJumps;
        r.acks.push_back({in.peer, protocol::Error{"seq_out_of_window", "reader " + t.reader_id + ": " + *why}});
        return true;
    }
    // Taps of one person must reach the tracker in time order; an older
    // tap (an agent's backlog) or one outside today's horizon is
    // recorded first and given its verdict by replaying the record.
    const auto at = hubTimeOf(t);
    const auto badge = directory_.badgeAt(t.badge_uid, at);
    const auto last = badge.personId ? live_.tracker().lastTapOf(*badge.personId) : std::nullopt;
    const bool inOrder = live_.inHorizon(at) && (!last || at >= *last);
    if (!inOrder && !r.direct) return false;
    maxSeq = std::max(maxSeq, seq);
    if (inOrder) {
        judgeInOrder(r, i, *reader, badge, at);
    } else {
        recordDeferred(r, i, *reader, badge.personId, at);
    }
    return true;
}

void TapIngest::answerRecorded(JudgedRound& r, std::size_t i)
{
    auto& in = r.batch[i];
    const auto& t = in.tap;
    auto& find = sql_->findTap; // stepped onto the recorded row
    const auto stored = find.getOptionalText(1);
    const auto uid = find.getText(2);
    const auto agentAt = find.getOptionalInt(3);
    find.reset();
    const auto at = hubTimeOf(t);
    if (uid != t.badge_uid || (agentAt && *agentAt != t.at_ms)) {
        // Not a re-send: another tap under a recorded number (an agent whose outbox
        // was lost starts again at 1). Keep it aside and refuse it, so the agent keeps
        // it too, instead of acknowledging someone else's verdict.
        quarantine(t, at, "seq already recorded for another tap", r);
        ++r.counted.conflicts;
        hubLog()->warn("reader {} seq {} is already recorded for another tap (was its outbox reset?): refused",
                       t.reader_id, t.seq);
        r.acks.push_back(
            {in.peer, protocol::Error{"seq_conflict", "reader " + t.reader_id + " seq " + std::to_string(t.seq)
                                                          + " is already recorded for another tap"}});
        return;
    }
    ++r.counted.resent;
    auto ack = r.ackOf(t);
    ack.verdict = stored ? protocol::verdictFromString(*stored).value_or(Verdict::Duplicate) : Verdict::Duplicate;
    const auto badge = directory_.badgeAt(uid, at);
    AckTextFacts facts{ack.verdict};
    facts.name = directory_.nameOf(badge.personId);
    facts.badgeUid = uid;
    facts.revokeReason = badge.revokedReason.value_or("");
    ack.text = ackText(facts);
    r.acks.push_back({in.peer, std::move(ack)});
}

common::Statement& TapIngest::bindInsert(const protocol::Tap& t, const std::string& venueId, std::int64_t atMs,
                                         std::int64_t nowMs)
{
    auto& ins = sql_->insertTap;
    ins.bind(1, t.reader_id).bind(2, static_cast<std::int64_t>(t.seq)).bind(3, t.badge_uid);
    ins.bind(4, atMs);
    if (t.direction)
        ins.bind(5, protocol::toString(*t.direction));
    else
        ins.bindNull(5);
    ins.bind(6, venueId).bind(7, nowMs).bind(8, t.at_ms).bind(9, t.clock_offset_ms);
    return ins;
}

void TapIngest::insertRow(JudgedRound& r, JudgedRound::Row& row)
{
    auto& ins = bindInsert(r.batch[row.tap].tap, *row.venueId, row.atMs, r.nowMs);
    ins.bind(10, protocol::toString(row.verdict));
    ins.run();
    row.inserted = db_.changes() != 0;
    if (row.inserted) row.id = db_.lastInsertRowId();
}

void TapIngest::recordDeferred(JudgedRound& r, std::size_t i, const core::Reader& reader,
                               const std::optional<std::string>& personId, common::TimePoint at)
{
    auto& in = r.batch[i];
    const auto& t = in.tap;
    auto& ins = bindInsert(t, reader.venueId, common::toMillis(at), r.nowMs);
    ins.bindNull(10); // its verdict after the replay
    ins.run();
    r.deferred.push_back({r.acks.size(), db_.lastInsertRowId(), reader.venueId, at, personId});
    r.acks.push_back({in.peer, r.ackOf(t)});
    ++r.counted.replayed;
    ++r.counted.recorded;
    if (live_.inHorizon(at)) r.reloadAfter = true;
}

void TapIngest::judgeInOrder(JudgedRound& r, std::size_t i, const core::Reader& reader, const core::BadgeAt& badge,
                             common::TimePoint at)
{
    auto& in = r.batch[i];
    const auto& t = in.tap;
    auto& tracker = live_.tracker();
    const auto& personId = badge.personId;
    core::TapInput input;
    input.readerId = t.reader_id;
    input.venueId = reader.venueId;
    input.badgeUid = t.badge_uid;
    input.personId = personId;
    input.revokedReason = badge.revokedReason;
    input.at = at;
    input.readerDirection = reader.direction;
    if (t.direction)
        input.explicitDirection = *t.direction == protocol::Direction::In ? core::Direction::In : core::Direction::Out;

    // The tap id is needed as evidence before insert: it is the next rowid.
    input.ref = 0;
    core::TapEvidence evidence{0, at, core::Direction::In, t.reader_id, t.badge_uid, r.now};
    const auto result = tracker.addTap(input, evidence, r.now);
    const Verdict verdict = toWire(result.verdict);
    auto ack = r.ackOf(t);

    AckTextFacts facts{verdict};
    facts.badgeUid = t.badge_uid;
    facts.afterEnd = result.afterEnd;
    facts.revokeReason = badge.revokedReason.value_or("");
    facts.name = directory_.nameOf(personId);
    if (result.assignment.meetingId) {
        const auto& meetingId = *result.assignment.meetingId;
        facts.lateMinutes = result.lateMinutes;
        // A check-out before E − Ge is leaving early: the reader and the board say so.
        if (verdict == Verdict::CheckedOut && personId) {
            if (const auto* a = tracker.attendee(meetingId, *personId);
                a && a->outcome.has(core::LeftEarly) && !a->outcome.inside)
                facts.earlyMinutes = a->outcome.earlyMinutes;
        }
        facts.substituteFor = directory_.nameOf(result.substituteFor);
        for (const auto& changed : result.changedAttendees) {
            if (const auto* a = tracker.attendee(meetingId, changed)) r.updates.emplace_back(meetingId, toWire(*a));
        }
        if (!result.changedAttendees.empty() || result.walkInsChanged || result.unknownBadgesChanged) {
            r.summaryDirty.insert(meetingId);
        }
    }
    ack.verdict = verdict;
    ack.text = ackText(facts);
    if (facts.earlyMinutes > 0) ack.early_minutes = static_cast<std::int32_t>(facts.earlyMinutes);

    protocol::TapEvent event; // its tap_id once inserted (finish())
    event.reader_id = t.reader_id;
    event.venue_id = input.venueId;
    event.badge_uid = t.badge_uid;
    event.person_id = personId;
    if (!facts.name.empty()) event.name = facts.name;
    event.at_ms = common::toMillis(at);
    if (result.assignment.disposition == core::Disposition::Applied) {
        event.direction =
            result.assignment.direction == core::Direction::In ? protocol::Direction::In : protocol::Direction::Out;
    }
    event.verdict = verdict;
    event.early_minutes = ack.early_minutes;
    event.expected_venue_id = result.expectedVenue;
    r.updates.emplace_back(result.assignment.meetingId.value_or(""), std::move(event));

    JudgedRound::Row row;
    row.tap = i;
    row.venueId = &reader.venueId;
    row.atMs = common::toMillis(at);
    row.verdict = verdict;
    row.updatesEnd = r.updates.size();
    r.rows.push_back(row);
    r.acks.push_back({in.peer, std::move(ack)});
    // In a direct round the row goes in at once, in order with the refusals and out-of-order taps around it.
    if (r.direct) insertRow(r, r.rows.back());
}

void TapIngest::replayDeferred(JudgedRound& b)
{
    // An agent's backlog comes as many at once: one replay per venue, over
    // the meetings around all of that venue's taps.
    std::map<std::string, std::vector<const JudgedRound::Deferred*>> byVenue;
    for (const auto& d : b.deferred) byVenue[d.venueId].push_back(&d);
    for (const auto& [venueId, taps] : byVenue) {
        common::TimePoint from = taps.front()->at, to = taps.front()->at;
        std::unordered_map<std::int64_t, std::pair<core::TapVerdict, std::int64_t>>
            outcome; // tap id -> verdict, late minutes
        for (const auto* d : taps) {
            from = std::min(from, d->at);
            to = std::max(to, d->at);
            outcome.emplace(d->tapId, std::pair{core::TapVerdict::NotInWindow, std::int64_t{0}});
        }
        (void)core::replayRecord(record_, record_.meetingsAt({venueId}, from, to), b.now, config_.debounce,
                                 [&](const core::TapInput&, const core::TapEvidence& ev, const core::TapResult& r) {
                                     if (auto it = outcome.find(ev.ref); it != outcome.end())
                                         it->second = {r.verdict, r.lateMinutes};
                                 });
        for (const auto* d : taps) {
            const auto& [verdict, lateMinutes] = outcome.at(d->tapId);
            auto& ack = std::get<protocol::Ack>(b.acks[d->ack].reply);
            ack.verdict = toWire(verdict);
            AckTextFacts facts{ack.verdict};
            facts.name = directory_.nameOf(d->personId);
            facts.lateMinutes = lateMinutes;
            ack.text = ackText(facts);
            auto& set = sql_->setVerdict;
            set.bind(1, protocol::toString(ack.verdict)).bind(2, d->tapId);
            set.run();
        }
    }
}

} // namespace rollcall::service
