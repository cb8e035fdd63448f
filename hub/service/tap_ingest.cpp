#include "hub/service/tap_ingest.h"

#include "common/logging.h"
#include "hub/core/meeting_evaluator.h"
#include "hub/core/sequence_window.h"
#include "hub/service/wire_mapping.h"

#include <algorithm>
#include <map>
#include <set>
#include <spdlog/spdlog.h>

namespace rollcall::service {
namespace {

using protocol::Verdict;

std::shared_ptr<spdlog::logger> log()
{
    static const auto logger = common::namedLogger("hub");
    return logger;
}

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

/// One batch in progress: what is answered, and what waits for the commit.
struct TapIngest::Batch {
    common::TimePoint now;
    std::int64_t nowMs = 0;
    /// A tap recorded out of time order: its verdict comes from a replay (replayDeferred()).
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
    // Counted here and added only after the commit: a failed batch recorded nothing.
    IngestCounters counted;

    [[nodiscard]] protocol::Ack ackOf(const protocol::Tap& t) const
    {
        protocol::Ack ack;
        ack.reader_id = t.reader_id;
        ack.seq = t.seq;
        ack.hub_clock_ms = nowMs;
        return ack;
    }
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
    Batch b;
    b.now = now;
    b.nowMs = common::toMillis(now);
    b.acks.reserve(batch.size());
    common::Transaction tx(db_);
    for (auto& in : batch) take(in, b);
    replayDeferred(b);
    tx.commit();

    ++b.counted.batches;
    counters_ += b.counted;
    // Kept until the server has sent the acks (publishPending()): encoding a
    // busy meeting's updates must not delay the attendee's verdict.
    for (auto& u : b.updates) pendingUpdates_.push_back(std::move(u));
    for (const auto& m : b.summaryDirty) pendingUpdates_.emplace_back(m, live_.summaryUpdate(m, now));
    return {std::move(b.acks), b.reloadAfter};
}

void TapIngest::publishPending()
{
    publisher_.publishAll(std::move(pendingUpdates_));
    pendingUpdates_.clear();
}

void TapIngest::quarantine(const protocol::Tap& t, common::TimePoint at, const std::string& reason, const Batch& b)
{
    // Kept aside, not recorded as a reader's tap: the reason says why.
    auto& q = sql_->quarantine;
    q.bind(1, t.reader_id).bind(2, static_cast<std::int64_t>(t.seq)).bind(3, t.badge_uid);
    q.bind(4, common::toMillis(at)).bind(5, b.nowMs).bind(6, reason);
    q.run();
}

void TapIngest::take(IncomingTap& in, Batch& b)
{
    const auto& t = in.tap;
    const auto* reader = directory_.reader(t.reader_id);
    if (!reader) {
        quarantine(t, hubTimeOf(t), "unknown reader", b);
        ++b.counted.quarantined;
        auto ack = b.ackOf(t);
        ack.verdict = Verdict::UnknownReader;
        ack.text = ackText({Verdict::UnknownReader});
        b.acks.push_back({in.peer, std::move(ack)});
        return;
    }
    // Idempotency: a (reader, seq) already recorded is acknowledged again with its first verdict.
    const auto seq = static_cast<std::int64_t>(t.seq);
    auto& maxSeq = maxSeq_[t.reader_id];
    if (seq <= maxSeq) {
        auto& find = sql_->findTap;
        find.bind(1, t.reader_id).bind(2, seq);
        if (find.step()) {
            answerRecorded(in, b);
            return;
        }
        find.reset();
    }
    // A number far beyond what this reader has sent is forged or corrupt: recorded, it
    // would turn the reader's real taps into conflicts. Kept aside, not acknowledged.
    if (const auto why =
            core::SequenceWindow(config_.seqWindow)
                .refusal(maxSeq > 0 ? std::optional<std::uint64_t>(static_cast<std::uint64_t>(maxSeq)) : std::nullopt,
                         t.seq)) {
        quarantine(t, hubTimeOf(t), "seq out of window: " + *why, b);
        ++b.counted.seqJumps;
        b.acks.push_back({in.peer, protocol::Error{"seq_out_of_window", "reader " + t.reader_id + ": " + *why}});
        return;
    }
    maxSeq = std::max(maxSeq, seq);
    record(in, *reader, b);
}

void TapIngest::answerRecorded(IncomingTap& in, Batch& b)
{
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
        quarantine(t, at, "seq already recorded for another tap", b);
        ++b.counted.conflicts;
        log()->warn("reader {} seq {} is already recorded for another tap (was its outbox reset?): refused",
                    t.reader_id, t.seq);
        b.acks.push_back(
            {in.peer, protocol::Error{"seq_conflict", "reader " + t.reader_id + " seq " + std::to_string(t.seq)
                                                          + " is already recorded for another tap"}});
        return;
    }
    ++b.counted.resent;
    auto ack = b.ackOf(t);
    ack.verdict = stored ? protocol::verdictFromString(*stored).value_or(Verdict::Duplicate) : Verdict::Duplicate;
    const auto badge = directory_.badgeAt(uid, at);
    AckTextFacts facts{ack.verdict};
    facts.name = directory_.nameOf(badge.personId);
    facts.badgeUid = uid;
    facts.revokeReason = badge.revokedReason.value_or("");
    ack.text = ackText(facts);
    b.acks.push_back({in.peer, std::move(ack)});
}

void TapIngest::record(IncomingTap& in, const core::Reader& reader, Batch& b)
{
    const auto& t = in.tap;
    const auto at = hubTimeOf(t);
    auto& tracker = live_.tracker();
    const auto badge = directory_.badgeAt(t.badge_uid, at);
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

    // Taps of one person must reach the tracker in time order; an older
    // tap (an agent's backlog) or one outside today's horizon is
    // recorded first and given its verdict by replaying the record.
    const auto last = personId ? tracker.lastTapOf(*personId) : std::nullopt;
    const bool inOrder = live_.inHorizon(at) && (!last || at >= *last);

    auto& ins = sql_->insertTap;
    ins.bind(1, t.reader_id).bind(2, static_cast<std::int64_t>(t.seq)).bind(3, t.badge_uid);
    ins.bind(4, common::toMillis(at));
    if (t.direction)
        ins.bind(5, protocol::toString(*t.direction));
    else
        ins.bindNull(5);
    ins.bind(6, input.venueId).bind(7, b.nowMs).bind(8, t.at_ms).bind(9, t.clock_offset_ms);
    auto ack = b.ackOf(t);

    if (!inOrder) {
        ins.bindNull(10);
        ins.run();
        b.deferred.push_back({b.acks.size(), db_.lastInsertRowId(), input.venueId, at, personId});
        b.acks.push_back({in.peer, std::move(ack)});
        ++b.counted.replayed;
        ++b.counted.recorded;
        if (live_.inHorizon(at)) b.reloadAfter = true;
        return;
    }

    // The tap id is needed as evidence before insert: it is the next rowid.
    input.ref = 0;
    core::TapEvidence evidence{0, at, core::Direction::In, t.reader_id, t.badge_uid, b.now};
    const auto result = tracker.addTap(input, evidence, b.now);
    const Verdict verdict = toWire(result.verdict);
    ins.bind(10, protocol::toString(verdict));
    ins.run();
    if (db_.changes() == 0) {
        // Recorded meanwhile by another writer (rollcallctl taps import of this reader's log):
        // the record wins; the tracker saw a tap twice, so rebuild it after the batch.
        b.reloadAfter = true;
        ++b.counted.resent;
        ack.verdict = Verdict::Duplicate;
        ack.text = ackText({Verdict::Duplicate});
        b.acks.push_back({in.peer, std::move(ack)});
        return;
    }
    const auto id = db_.lastInsertRowId();
    ++b.counted.recorded;

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
            if (const auto* a = tracker.attendee(meetingId, changed)) b.updates.emplace_back(meetingId, toWire(*a));
        }
        if (!result.changedAttendees.empty() || result.walkInsChanged || result.unknownBadgesChanged) {
            b.summaryDirty.insert(meetingId);
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
        event.direction =
            result.assignment.direction == core::Direction::In ? protocol::Direction::In : protocol::Direction::Out;
    }
    event.verdict = verdict;
    event.early_minutes = ack.early_minutes;
    event.expected_venue_id = result.expectedVenue;
    const std::string stream = result.assignment.meetingId.value_or("");
    if (!stream.empty()) live_.rememberTap(stream, event);
    b.updates.emplace_back(stream, std::move(event));
    b.acks.push_back({in.peer, std::move(ack)});
}

void TapIngest::replayDeferred(Batch& b)
{
    // An agent's backlog comes as many at once: one replay per venue, over
    // the meetings around all of that venue's taps.
    std::map<std::string, std::vector<const Batch::Deferred*>> byVenue;
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
