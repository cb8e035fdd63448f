#pragma once
// Settings of rollcall-hub: defaults, a TOML file (hub/rollcall-hub.toml
// documents every key) and command-line overrides, in that order.
#include "hub/core/time_util.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace rollcall::service {

/// Who may connect, and how much any connection may cost (docs/security.md).
struct HubSecurity {
    bool insecure = false;         // plain text, no keys: only with --insecure or [security] insecure = true
    std::string serverKeyFile;     // the hub's own NAME.key_secret
    std::string keysDir;           // allowed client public keys (rollcallctl key allow)
    int maxMessageBytes = 131'072; // ZMQ_MAXMSGSIZE of every hub socket: a bigger frame drops its connection
    int liveHighWaterMark = 1000;  // updates queued per live subscriber; beyond, it misses them and re-snapshots
    std::size_t maxLiveSubscribers = 500;

    bool operator==(const HubSecurity&) const = default;
};

/// The highest [scheduling] realtime_priority: below the kernel's threaded
/// interrupt handlers (SCHED_FIFO 50), which the hub must never hold up.
constexpr int kMaxRealtimePriority = 49;

struct HubConfig {
    std::string dbPath;
    std::string tapsEndpoint = "tcp://127.0.0.1:7700";  // ROUTER: reader agents
    std::string liveEndpoint = "tcp://127.0.0.1:7701";  // PUB: dashboards
    std::string queryEndpoint = "tcp://127.0.0.1:7702"; // ROUTER: snapshots, meeting lists
    std::string zone = "Asia/Shanghai";
    common::Millis debounce = std::chrono::seconds(10);
    common::Millis finalizeAfter = std::chrono::hours(48); // a meeting finalizes by itself this long after its window
    common::Millis readerOfflineAfter = std::chrono::seconds(30); // no heartbeat for this long = offline
    common::Millis tick = std::chrono::milliseconds(250);         // clock-driven rules, data_version, reader health
    common::Millis reloadEvery = std::chrono::minutes(10);        // picks up meetings entering today's horizon
    std::size_t maxBatch = 1024;                                  // taps per group commit
    int routerHighWaterMark = 100'000;                            // messages queued per peer before EAGAIN
    std::uint64_t diskReserveBytes = 64ull << 20; // stop recording (and acking) below this much free disk
    // How far beyond a reader's highest recorded seq a tap may be (core::SequenceWindow).
    std::uint64_t seqWindow = 100'000;
    std::string logLevel = "info";
    // SCHED_FIFO priority of the socket thread and ZeroMQ's I/O thread
    // (realtime_threads.h); 0: the normal policy, as every other thread.
    int realtimePriority = 0;
    HubSecurity security;

    bool operator==(const HubConfig&) const = default;
};

/// Reads a TOML file over `config` (keys absent from the file keep their
/// value). Throws InputError naming the file, the line, the key and the
/// problem for a parse error, an unknown key (with the nearest valid one), a
/// wrong type or a bad value; `config` is then left as it was.
void loadHubConfigFile(HubConfig& config, const std::string& path);

} // namespace rollcall::service
