#include "reader-agent/agent.h"

#include "common/logging.h"

#include <algorithm>
#include <array>
#include <fstream>

namespace rollcall::agent {
namespace {

constexpr std::string_view kOfflineText = "saved, will send";

std::int64_t msBetween(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count();
}

// This boot of the machine: steady-clock stamps from another boot cannot be compared with now.
std::string readBootId()
{
    std::ifstream in("/proc/sys/kernel/random/boot_id");
    std::string id;
    std::getline(in, id);
    return id;
}

} // namespace

Agent::Agent(AgentOptions options, Outbox& outbox, HubLink& link, ReaderPoller& poller, const common::Clock& clock)
    : options_(std::move(options)), outbox_(outbox), link_(link), poller_(poller), clock_(clock), bootId_(readBootId()),
      resendBackoff_(options_.resendBackoffMin)
{}

void Agent::run(const std::atomic<bool>& stop)
{
    auto log = common::namedLogger("agent");
    struct PollerGuard {
        ReaderPoller& poller;
        ~PollerGuard() { poller.stop(); }
    } guard{poller_};
    poller_.start();
    nextHeartbeat_ = Steady::now() + options_.heartbeatInterval;

    while (!stop.load()) {
        const auto now = Steady::now();
        const auto wait = std::clamp(std::chrono::duration_cast<std::chrono::milliseconds>(nextDeadline(now) - now),
                                     std::chrono::milliseconds(0), options_.heartbeatInterval);
        std::array<zmq::pollitem_t, 3> items{{
            {link_.socket().handle(), 0, ZMQ_POLLIN, 0},
            {link_.monitor().handle(), 0, ZMQ_POLLIN, 0},
            {nullptr, poller_.events().fd(), ZMQ_POLLIN, 0},
        }};
        try {
            (void)zmq::poll(items.data(), items.size(), wait);
        } catch (const zmq::error_t& e) {
            if (e.num() == EINTR) continue; // a signal: the loop condition decides
            throw;
        }
        // Link events first: a reconnect resets what was sent before anything is pumped.
        onLinkEvents();
        onHubMessages();
        onReaderEvents();
        onTimers(Steady::now());
    }
    log->info("stopping: {} tap(s) in the outbox will be sent on the next start", outbox_.depth());
}

Agent::Steady::time_point Agent::nextDeadline(Steady::time_point now) const
{
    auto next = nextHeartbeat_;
    next = std::min(next, nextResend_);
    for (const auto& [seq, live] : live_) {
        if (!live.offlineShown) next = std::min(next, live.tappedAt + options_.ackTimeout);
    }
    if (link_.connected() && !welcomed_) next = std::min(next, helloSentAt_ + resendBackoff_);
    return std::max(next, now);
}

void Agent::onLinkEvents()
{
    auto log = common::namedLogger("hub");
    for (const auto event : link_.takeEvents()) {
        if (event == LinkEvent::Connected) {
            log->info("connected to the hub at {}", link_.endpoint());
            sent_.clear(); // anything sent on the old connection is re-sent on this one
            resendBackoff_ = options_.resendBackoffMin;
            welcomed_ = false;
            sayHello();
            sendHeartbeat();
            pump(Steady::now());
        } else if (event == LinkEvent::Refused) {
            log->error("the hub at {} refused this reader's key (not allowed there, revoked, or not a reader key); "
                       "{} tap(s) kept in the outbox until it is allowed",
                       link_.endpoint(), outbox_.depth());
        } else {
            log->warn("lost the connection to the hub at {}; {} tap(s) in the outbox", link_.endpoint(),
                      outbox_.depth());
            welcomed_ = false;
            sent_.clear();
            nextResend_ = Steady::time_point::max();
        }
    }
}

void Agent::onHubMessages()
{
    auto log = common::namedLogger("hub");
    while (auto received = link_.receive()) {
        if (auto* bad = std::get_if<BadHubFrame>(&*received)) {
            ++badFrames_;
            log->warn("ignoring an undecodable message from the hub ({} so far): {}: {}", badFrames_,
                      protocol::toString(bad->error.kind), bad->error.detail);
            continue;
        }
        auto& message = std::get<protocol::HubMessage>(*received);
        if (auto* ack = std::get_if<protocol::Ack>(&message)) {
            onAck(*ack);
        } else if (auto* welcome = std::get_if<protocol::Welcome>(&message)) {
            onWelcome(*welcome);
        } else {
            const auto& error = std::get<protocol::Error>(message);
            // The outbox keeps the taps: an error never deletes a row (docs/protocol.md §9).
            log->error("hub refused a message: {}: {}", error.code, error.message);
            hubError_ = error.code + ": " + error.message;
        }
    }
}

void Agent::onWelcome(const protocol::Welcome& welcome)
{
    auto log = common::namedLogger("hub");
    if (!welcomed_) offset_.addSample(helloSentSteadyMs_, steadyMs(), welcome.hub_clock_ms);
    welcomed_ = true;
    const auto offset = wallOffset().value_or(0);
    // The hub has recorded numbers this outbox has not reached: the outbox was
    // lost or replaced. Continue after them, so new taps are never refused as
    // conflicts with taps already in the record.
    // The hub has less of this reader than it acknowledged: it was restored from
    // a backup (or replaced). Send the retained taps after its last seq again —
    // from a little earlier, as acks of one window may commit out of order; the
    // hub records a tap it has once and acks it again with its verdict.
    const std::uint64_t hubLast = welcome.last_seq.value_or(0);
    if (const auto acked = outbox_.highestAcknowledged(); acked && *acked > hubLast) {
        const auto from = hubLast > options_.maxInFlight ? hubLast - options_.maxInFlight : 0;
        const auto n = outbox_.reopenAfter(from);
        log->warn(
            "the hub has recorded up to seq {} of this reader but acknowledged seq {} before (restored from a backup?): "
            "sending {} retained tap(s) again",
            hubLast, *acked, n);
    }
    if (welcome.last_seq && *welcome.last_seq >= Outbox::kMaxSeq) {
        // Any number the hub sends is data: one no outbox could reach is not
        // believed (issue 12: a forged seq 2^63 − 1 once killed the agent).
        log->error("the hub says it has recorded seq {} of this reader, beyond any sequence number an outbox uses "
                   "({}): not believed; numbering stays at {}",
                   *welcome.last_seq, Outbox::kMaxSeq, outbox_.nextSeq());
    } else if (welcome.last_seq && outbox_.advanceTo(*welcome.last_seq + 1)) {
        log->warn(
            "the hub has recorded seq {} of this reader, beyond this outbox (was it lost?): numbering continues at {}",
            *welcome.last_seq, *welcome.last_seq + 1);
    }
    if (welcome.reader_known) {
        log->info("welcome from the hub: \"{}\" clock_offset_ms={}", welcome.message, offset);
    } else {
        log->warn("the hub does not know this reader (taps are kept as unknown_reader): \"{}\" clock_offset_ms={}",
                  welcome.message, offset);
    }
    pump(Steady::now()); // taps that waited for a clock offset go now
}

void Agent::onAck(const protocol::Ack& ack)
{
    auto log = common::namedLogger("hub");
    if (ack.reader_id != outbox_.readerId()) {
        log->warn("ignoring an ack for reader {} (this is {})", ack.reader_id, outbox_.readerId());
        return;
    }
    const auto now = Steady::now();
    if (const auto sent = sent_.find(ack.seq); sent != sent_.end()) {
        offset_.addSample(sent->second.steadyMs, steadyMs(), ack.hub_clock_ms);
        sent_.erase(sent);
    }
    const auto verdict = protocol::toString(ack.verdict);
    const auto it = live_.find(ack.seq);
    // Someone is waiting at the reader: the verdict first, the outbox's
    // bookkeeping (a durable write, an fsync) after it. Were the agent to die
    // in between, the tap is sent again and the hub answers it from its record.
    if (it != live_.end() && !it->second.offlineShown)
        showVerdict(ack.seq, it->second.uid, signalFor(ack), verdict, ack.text);
    const auto stored = outbox_.find(ack.seq);
    const bool removed =
        outbox_.remove(ack.seq, wallMs()); // the hub has it durably: only now (kept for the retention window)
    resendBackoff_ = options_.resendBackoffMin;
    hubError_.reset();
    if (it != live_.end()) {
        if (it->second.offlineShown) {
            log->info("delivered seq={} uid={} {} \"{}\" after {} ms", ack.seq, it->second.uid, verdict, ack.text,
                      msBetween(it->second.tappedAt, now));
        }
        live_.erase(it);
    } else if (removed && stored) {
        log->info("delivered seq={} uid={} {} \"{}\"", ack.seq, stored->tap.badge_uid, verdict, ack.text);
    } else {
        log->debug("repeated ack for seq={}", ack.seq);
    }
    pump(now);
}

void Agent::onReaderEvents()
{
    for (auto& event : poller_.events().drain()) {
        if (auto* tap = std::get_if<CardTapped>(&event)) {
            onTap(*tap);
        } else {
            const auto& status = std::get<ReaderStatus>(event);
            common::namedLogger("reader")->info("reader state {}{}{}", protocol::toString(status.state),
                                                status.detail.empty() ? "" : ": ", status.detail);
            sendHeartbeat(); // the hub learns of a lost or recovered reader at once
        }
    }
}

void Agent::onTap(const CardTapped& tap)
{
    // Durable before anything else: from here on the tap survives a crash.
    const auto now = Steady::now();
    std::optional<SteadyStamp> steady;
    if (!bootId_.empty()) {
        steady =
            SteadyStamp{bootId_, std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count()};
    }
    const auto stored = outbox_.add(tap.uid, std::nullopt, tap.atMs, wallOffset(), steady);
    common::namedLogger("agent")->info("tap seq={} uid={} stored (outbox depth {})", stored.seq, tap.uid,
                                       outbox_.depth());
    Live live{tap.uid, now, false};
    if (!link_.connected()) {
        showVerdict(stored.seq, tap.uid, Signal::Offline, "offline", kOfflineText);
        live.offlineShown = true;
    }
    live_.emplace(stored.seq, std::move(live));
    pump(now);
}

void Agent::onTimers(Steady::time_point now)
{
    for (auto& [seq, live] : live_) {
        if (!live.offlineShown && now >= live.tappedAt + options_.ackTimeout) {
            showVerdict(seq, live.uid, Signal::Offline, "offline", kOfflineText);
            live.offlineShown = true;
        }
    }
    if (link_.connected() && !welcomed_ && now >= helloSentAt_ + resendBackoff_) sayHello();
    if (now >= nextResend_) {
        pump(now);
        // No ack since the last round: the hub is slow or gone; back off.
        resendBackoff_ = std::min(resendBackoff_ * 2, options_.resendBackoffMax);
    }
    if (now >= nextHeartbeat_) {
        sendHeartbeat();
        nextHeartbeat_ = now + options_.heartbeatInterval;
    }
    if (now >= nextPrune_) {
        if (const auto n = outbox_.prune(wallMs() - options_.outboxRetention.count())) {
            common::namedLogger("agent")->info("pruned {} acknowledged tap(s) older than the retention window", n);
        }
        nextPrune_ = now + std::chrono::minutes(10);
    }
}

void Agent::pump(Steady::time_point now)
{
    nextResend_ = Steady::time_point::max();
    if (!link_.connected()) return;
    auto log = common::namedLogger("hub");
    for (const auto& stored : outbox_.pending(options_.maxInFlight)) {
        const auto seq = stored.tap.seq;
        const auto sent = sent_.find(seq);
        const bool due =
            sent == sent_.end() ? sent_.size() < options_.maxInFlight : now >= sent->second.at + resendBackoff_;
        if (!due) {
            if (sent != sent_.end()) nextResend_ = std::min(nextResend_, sent->second.at + resendBackoff_);
            continue;
        }
        // A tap stored before any offset was known (the hub was down since the
        // agent started) waits for the welcome: sent with offset 0 it would be
        // recorded at the agent's clock, however wrong (issue 10).
        if (!stored.offsetKnown && !offset_.estimate()) continue;
        auto tap = stored.tap;
        if (!stored.offsetKnown) {
            // Hub time at the tap from where it lies on the monotonic clock,
            // stored with it, so a tap from an earlier run of the agent (killed,
            // restarted with its wall clock set right meanwhile) is placed as
            // well as one of this run. Only a tap from before a reboot has
            // nothing but the wall clock to relate it to now: it gets the offset of now.
            if (stored.steady && stored.steady->bootId == bootId_) {
                tap.clock_offset_ms = *offset_.estimate() + stored.steady->steadyMs - tap.at_ms;
            } else if (const auto it = live_.find(seq); it != live_.end()) {
                const auto steadyAtTap =
                    std::chrono::duration_cast<std::chrono::milliseconds>(it->second.tappedAt.time_since_epoch())
                        .count();
                tap.clock_offset_ms = *offset_.estimate() + steadyAtTap - tap.at_ms;
            } else {
                tap.clock_offset_ms = *wallOffset();
            }
        }
        if (!link_.send(tap)) {
            // Connection gone (the Connected event re-sends everything) or the pipe is full: try again later.
            nextResend_ = now + resendBackoff_;
            return;
        }
        if (sent != sent_.end()) log->info("re-sent seq={} (no ack after {} ms)", seq, msBetween(sent->second.at, now));
        sent_[seq] = Sent{now, steadyMs()};
        nextResend_ = std::min(nextResend_, now + resendBackoff_);
    }
}

void Agent::sayHello()
{
    helloSentMs_ = wallMs();
    helloSentSteadyMs_ = steadyMs();
    helloSentAt_ = Steady::now();
    (void)link_.send(protocol::Hello{outbox_.readerId(), options_.agentVersion, helloSentMs_});
}

void Agent::sendHeartbeat()
{
    protocol::Heartbeat hb;
    hb.reader_id = outbox_.readerId();
    hb.agent_clock_ms = wallMs();
    hb.outbox_depth = outbox_.depth();
    const auto status = poller_.status();
    hb.reader_state = status.state;
    hb.reader_detail = status.detail;
    if (hubError_ && status.state == protocol::ReaderState::Ok) {
        hb.reader_state = protocol::ReaderState::Error;
        hb.reader_detail = "hub refused: " + *hubError_;
    }
    if (hb.reader_detail.size() > protocol::kMaxTextBytes) hb.reader_detail.resize(protocol::kMaxTextBytes);
    hb.agent_version = options_.agentVersion;
    if (link_.send(hb)) {
        common::namedLogger("hub")->debug("heartbeat depth={} reader_state={}", hb.outbox_depth,
                                          protocol::toString(hb.reader_state));
    }
}

void Agent::showVerdict(std::uint64_t seq, const std::string& uid, Signal signal, std::string_view verdict,
                        std::string_view text)
{
    // Tests and operators read this line; the attendee sees/hears the indicator.
    common::namedLogger("agent")->info("verdict seq={} uid={} {} \"{}\"", seq, uid, verdict, text);
    poller_.show(Indication{signal, options_.led, options_.buzzer, options_.indicationDuration});
}

} // namespace rollcall::agent
