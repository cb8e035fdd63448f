#pragma once
// AgentConfig: every setting of rollcall-agent with its default, read from a
// TOML file (reader-agent/rollcall-agent.toml documents each key) and the
// command line (which wins).
//
// Error policy: bad input throws ConfigError whose message names the file
// and key (or the option) and what was wrong (docs/style.md, "Errors and comments").

#include "reader-agent/indication.h"

#include <chrono>
#include <stdexcept>
#include <string>
#include <string_view>

namespace rollcall::agent {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct AgentConfig {
    using ms = std::chrono::milliseconds;
    // [reader]
    std::string readerId;       ///< reader.id / --reader-id (required)
    std::string connstring;     ///< reader.connstring / --reader (required)
    ms pollPeriod{150};         ///< reader.poll_period
    ms presenceCheck{100};      ///< reader.presence_check
    ms debounce{1000};          ///< reader.debounce
    ms reopenBackoffMin{1000};  ///< reader.reopen_backoff_min
    ms reopenBackoffMax{30000}; ///< reader.reopen_backoff_max
    // [outbox]
    std::string outboxPath; ///< outbox.path / --outbox (required)
    ms outboxRetention{
        std::chrono::hours(24 * 30)}; ///< outbox.retention: acknowledged taps kept (refill a restored hub)
    // [hub]
    std::string hubEndpoint{"tcp://127.0.0.1:7700"}; ///< hub.endpoint / --hub
    ms ackTimeout{1000};                             ///< hub.ack_timeout
    ms resendBackoffMin{1000};                       ///< hub.resend_backoff_min
    ms resendBackoffMax{60000};                      ///< hub.resend_backoff_max
    ms heartbeatInterval{10000};                     ///< hub.heartbeat_interval
    // [indicator]
    bool led = true;             ///< indicator.led
    bool buzzer = true;          ///< indicator.buzzer
    ms indicationDuration{1000}; ///< indicator.duration
    Pn532Wiring wiring;          ///< indicator.pn532_green / pn532_red / pn532_buzzer
    // [log]
    std::string logLevel{"info"}; ///< log.level / --log-level
    // [security]
    std::string keyFile;       ///< security.key / --key: this reader's NAME.key_secret
    std::string serverKeyFile; ///< security.server_key / --server-key: the hub's public hub.key
    bool insecure = false;     ///< security.insecure / --insecure: plain text, no keys

    bool operator==(const AgentConfig&) const = default;
};

/// Reads `path` into `config` (keys absent from the file keep their value).
/// Throws ConfigError naming the file, the line and the key for a parse error,
/// an unknown key (with the nearest valid one), a wrong type or a bad value;
/// `config` is then left as it was.
void loadAgentConfigFile(AgentConfig& config, const std::string& path);

/// Checks the whole configuration after file and command line are merged:
/// required settings present, reader id valid on the wire, durations
/// positive, each min <= its max, known log level, keys given unless
/// insecure (and readable, with a secret key). Throws ConfigError.
void validateAgentConfig(const AgentConfig& config);

/// Parses "150ms", "1s", "5m", "1h" (a whole number and a unit). Throws
/// ConfigError naming `what` for anything else, zero or negative.
[[nodiscard]] std::chrono::milliseconds parseAgentDuration(std::string_view text, std::string_view what);

} // namespace rollcall::agent
