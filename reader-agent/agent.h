#pragma once
// Agent: the reader agent's main loop. Takes taps from the ReaderPoller,
// stores each in the Outbox before sending it, sends it to the hub over the
// HubLink, shows the hub's verdict (or an offline verdict when no ack comes
// in time), deletes a tap only on its ack, re-sends with backoff and on every
// reconnect, measures the clock offset and sends heartbeats.
//
// One thread: run() polls the hub socket, the link monitor and the poller's
// eventfd with a timeout taken from the next deadline (ack timeout, resend,
// heartbeat). Dependencies come in by reference and outlive the Agent.
// Errors: run() throws db::DatabaseError when the outbox cannot be written
// (going on without it would lose taps); hub and reader trouble is logged,
// reported in heartbeats and retried.

#include "common/clock.h"
#include "reader-agent/clock_offset.h"
#include "reader-agent/hub_link.h"
#include "reader-agent/indication.h"
#include "reader-agent/outbox.h"
#include "reader-agent/reader_poller.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace rollcall::agent {

struct AgentOptions {
    using ms = std::chrono::milliseconds;
    std::string agentVersion{"0.1.0"};
    ms ackTimeout{1000};        ///< no ack this long after a tap: offline verdict
    ms resendBackoffMin{1000};  ///< first re-send of an unacknowledged tap; doubles ...
    ms resendBackoffMax{60000}; ///< ... up to this
    ms heartbeatInterval{10000};
    bool led = true;
    bool buzzer = true;
    ms indicationDuration{1000};
    std::size_t maxInFlight = 64;                    ///< taps sent and not yet acknowledged, at most
    ms outboxRetention{std::chrono::hours(24 * 30)}; ///< acknowledged taps kept to refill a restored hub
};

class Agent {
public:
    Agent(AgentOptions options, Outbox& outbox, HubLink& link, ReaderPoller& poller, const common::Clock& clock);
    Agent(const Agent&) = delete;
    Agent& operator=(const Agent&) = delete;

    /// Starts the poller and runs until `stop` is set (from a signal handler:
    /// the poll returns with EINTR, or within one deadline). Stops the poller.
    void run(const std::atomic<bool>& stop);

    /// The current clock offset estimate (hub − agent), if any.
    [[nodiscard]] std::optional<std::int64_t> clockOffset() const { return wallOffset(); }

private:
    using Steady = std::chrono::steady_clock;

    void onLinkEvents();
    void onHubMessages();
    void onReaderEvents();
    void onTimers(Steady::time_point now);
    void onTap(const CardTapped& tap);
    void onAck(const protocol::Ack& ack);
    void onWelcome(const protocol::Welcome& welcome);
    void sayHello();
    void sendHeartbeat();
    /// Sends taps not yet sent on this connection and re-sends those due, oldest first.
    void pump(Steady::time_point now);
    void showVerdict(std::uint64_t seq, const std::string& uid, Signal signal, std::string_view verdict,
                     std::string_view text);
    [[nodiscard]] Steady::time_point nextDeadline(Steady::time_point now) const;
    [[nodiscard]] std::int64_t wallMs() const { return common::toMillis(clock_.now()); }
    [[nodiscard]] static std::int64_t steadyMs()
    {
        return std::chrono::duration_cast<std::chrono::milliseconds>(Steady::now().time_since_epoch()).count();
    }
    /// Hub clock − agent wall clock now. The estimator works against the
    /// steady clock, so a wall clock that jumps (an NTP step, a wrong RTC set
    /// right) changes this at once instead of after the next samples (issue 10).
    [[nodiscard]] std::optional<std::int64_t> wallOffset() const
    {
        const auto e = offset_.estimate();
        if (!e) return std::nullopt;
        return *e + steadyMs() - wallMs();
    }

    AgentOptions options_;
    Outbox& outbox_;
    HubLink& link_;
    ReaderPoller& poller_;
    const common::Clock& clock_;
    ClockOffset offset_; ///< hub clock − steady clock (see wallOffset())
    std::string bootId_; ///< this boot (/proc/sys/kernel/random/boot_id); empty if unknown

    /// Taps of this run whose verdict the attendee is waiting for.
    struct Live {
        std::string uid;
        Steady::time_point tappedAt;
        bool offlineShown = false;
    };
    std::map<std::uint64_t, Live> live_;
    /// Taps sent on the current connection and not yet acknowledged.
    struct Sent {
        Steady::time_point at;
        std::int64_t steadyMs = 0;
    };
    std::map<std::uint64_t, Sent> sent_;
    std::chrono::milliseconds resendBackoff_;
    Steady::time_point nextResend_{Steady::time_point::max()};

    bool welcomed_ = false;
    std::int64_t helloSentMs_ = 0;
    std::int64_t helloSentSteadyMs_ = 0;
    Steady::time_point helloSentAt_{};
    Steady::time_point nextHeartbeat_{};
    Steady::time_point nextPrune_{};
    std::optional<std::string> hubError_; ///< the hub's last error reply, until the next ack
    std::uint64_t badFrames_ = 0;
};

} // namespace rollcall::agent
