#include "reader-agent/agent_config.h"

#include "common/config_keys.h"
#include "common/input_error.h"
#include "protocol/codec.h"
#include "protocol/curve_certificate.h"

#include <charconv>
#include <spdlog/common.h>
#include <toml++/toml.h>
#include <utility>

namespace rollcall::agent {
namespace {

const common::ConfigKeys& agentKeys()
{
    static const common::ConfigKeys keys{
        {},
        {
            {"reader",
             {"id", "connstring", "poll_period", "presence_check", "debounce", "reopen_backoff_min",
              "reopen_backoff_max"}},
            {"outbox", {"path", "retention"}},
            {"hub", {"endpoint", "ack_timeout", "resend_backoff_min", "resend_backoff_max", "heartbeat_interval"}},
            {"indicator", {"led", "buzzer", "duration", "pn532_green", "pn532_red", "pn532_buzzer"}},
            {"log", {"level"}},
            {"security", {"key", "server_key", "insecure"}},
        },
    };
    return keys;
}

bool isLogLevel(const std::string& text)
{
    return spdlog::level::from_str(text) != spdlog::level::off || text == "off";
}

/// Reads typed values; every message starts "FILE:LINE: key".
class FileReader {
public:
    FileReader(const toml::table& table, std::string path) : table_(table), path_(std::move(path)) {}

    template <class T>
    void read(const char* key, T& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        if (auto v = node.value_exact<T>()) {
            out = *v;
            return;
        }
        throw ConfigError(where(node, key) + " must be " + kindName<T>());
    }

    void readString(const char* key, std::string& out) const
    {
        const auto node = table_.at_path(key);
        read(key, out);
        if (node && out.empty()) throw ConfigError(where(node, key) + " must not be empty");
    }

    void readDuration(const char* key, std::chrono::milliseconds& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        const auto text = node.value_exact<std::string>();
        if (!text) throw ConfigError(where(node, key) + " must be a duration string like \"150ms\", \"1s\" or \"5m\"");
        out = parseAgentDuration(*text, where(node, key));
    }

    /// A retention window: whole days or hours, "30d" or "12h", up to ten years.
    void readRetention(const char* key, std::chrono::milliseconds& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        const auto text = node.value_exact<std::string>();
        const auto bad = [&] {
            return ConfigError(path_ + ": " + key
                               + ": must be a whole number of days or hours from 1h to 3650d, like \"30d\""
                               + (text ? ", got \"" + *text + "\"" : std::string()));
        };
        if (!text || text->size() < 2) throw bad();
        const char unit = text->back();
        std::int64_t value = 0;
        const auto* begin = text->data();
        const auto* end = text->data() + text->size() - 1;
        const auto [rest, ec] = std::from_chars(begin, end, value);
        if (ec != std::errc() || rest != end || value <= 0 || (unit != 'd' && unit != 'h')) throw bad();
        const auto hours = unit == 'd' ? value * 24 : value;
        if (hours > 3650 * 24) throw bad();
        out = std::chrono::hours(hours);
    }

    void readPin(const char* key, Pn532Pin& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        std::string text;
        read(key, text);
        const auto pin = parsePn532Pin(text);
        if (!pin)
            throw ConfigError(where(node, key) + " = \"" + text + "\" is not a PN532 GPIO pin (P30..P35, P71, P72)");
        out = *pin;
    }

    [[nodiscard]] std::string where(toml::node_view<const toml::node> node, const char* key) const
    {
        return common::configKeyWhere(path_, *node.node(), key);
    }

private:
    template <class T>
    static std::string kindName()
    {
        if constexpr (std::is_same_v<T, bool>)
            return "true or false";
        else
            return "a string";
    }
    const toml::table& table_;
    std::string path_;
};

} // namespace

std::chrono::milliseconds parseAgentDuration(std::string_view text, std::string_view what)
{
    const auto bad = [&]() -> ConfigError {
        return ConfigError(std::string(what) + ": \"" + std::string(text)
                           + "\" is not a duration (a whole number and a unit: ms, s, m or h, e.g. \"150ms\", \"1s\")");
    };
    std::int64_t value = 0;
    const auto* begin = text.data();
    const auto* end = text.data() + text.size();
    const auto [rest, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc() || rest == begin) throw bad();
    const std::string_view unit(rest, static_cast<std::size_t>(end - rest));
    std::int64_t factor = 0;
    if (unit == "ms")
        factor = 1;
    else if (unit == "s")
        factor = 1000;
    else if (unit == "m")
        factor = 60'000;
    else if (unit == "h")
        factor = 3'600'000;
    else
        throw bad();
    if (value <= 0) throw ConfigError(std::string(what) + ": must be more than 0, got \"" + std::string(text) + "\"");
    if (value > 24 * 3'600'000 / factor)
        throw ConfigError(std::string(what) + ": \"" + std::string(text) + "\" is more than a day");
    return std::chrono::milliseconds(value * factor);
}

void loadAgentConfigFile(AgentConfig& config, const std::string& path)
{
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw ConfigError(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    if (const auto unknown = common::unknownConfigKeys(t, agentKeys(), path); !unknown.empty())
        throw ConfigError(unknown);
    // Read into a copy: a rejected file leaves `config` as it was.
    AgentConfig c = config;
    const FileReader r(t, path);
    r.readString("reader.id", c.readerId);
    r.readString("reader.connstring", c.connstring);
    r.readDuration("reader.poll_period", c.pollPeriod);
    r.readDuration("reader.presence_check", c.presenceCheck);
    r.readDuration("reader.debounce", c.debounce);
    r.readDuration("reader.reopen_backoff_min", c.reopenBackoffMin);
    r.readDuration("reader.reopen_backoff_max", c.reopenBackoffMax);
    r.readString("outbox.path", c.outboxPath);
    r.readRetention("outbox.retention", c.outboxRetention);
    r.readString("hub.endpoint", c.hubEndpoint);
    r.readDuration("hub.ack_timeout", c.ackTimeout);
    r.readDuration("hub.resend_backoff_min", c.resendBackoffMin);
    r.readDuration("hub.resend_backoff_max", c.resendBackoffMax);
    r.readDuration("hub.heartbeat_interval", c.heartbeatInterval);
    r.read("indicator.led", c.led);
    r.read("indicator.buzzer", c.buzzer);
    r.readDuration("indicator.duration", c.indicationDuration);
    r.readPin("indicator.pn532_green", c.wiring.green);
    r.readPin("indicator.pn532_red", c.wiring.red);
    r.readPin("indicator.pn532_buzzer", c.wiring.buzzer);
    r.readString("log.level", c.logLevel);
    r.readString("security.key", c.keyFile);
    r.readString("security.server_key", c.serverKeyFile);
    r.read("security.insecure", c.insecure);
    if (const auto node = std::as_const(t).at_path("log.level"); node && !isLogLevel(c.logLevel)) {
        throw ConfigError(r.where(node, "log.level") + " \"" + c.logLevel
                          + "\" is not one of trace, debug, info, warn, error, off");
    }
    config = std::move(c);
}

void validateAgentConfig(const AgentConfig& c)
{
    if (c.readerId.empty()) throw ConfigError("no reader id: give --reader-id ID or reader.id in the config file");
    if (c.connstring.empty())
        throw ConfigError(
            "no reader: give --reader CONNSTRING (e.g. pn532_uart:/dev/ttyUSB0) or reader.connstring in the config file");
    if (c.outboxPath.empty()) throw ConfigError("no outbox: give --outbox PATH or outbox.path in the config file");
    if (c.hubEndpoint.empty())
        throw ConfigError("no hub: give --hub ENDPOINT (e.g. tcp://hub:7700) or hub.endpoint in the config file");
    // The reader id must pass the hub's decoder, or every tap would be refused.
    const auto probe = protocol::decode<protocol::AgentToHub>(protocol::encode(protocol::Hello{c.readerId, "0", 0}));
    if (!probe)
        throw ConfigError("reader id \"" + c.readerId + "\" is not valid: 1..64 characters of A-Z a-z 0-9 . _ : -");
    const auto pair = [](const char* what, std::chrono::milliseconds min, std::chrono::milliseconds max) {
        if (min > max)
            throw ConfigError(std::string(what) + ": the minimum (" + std::to_string(min.count())
                              + " ms) is more than the maximum (" + std::to_string(max.count()) + " ms)");
    };
    pair("reader.reopen_backoff_min/max", c.reopenBackoffMin, c.reopenBackoffMax);
    pair("hub.resend_backoff_min/max", c.resendBackoffMin, c.resendBackoffMax);
    if (!isLogLevel(c.logLevel)) {
        throw ConfigError("log level \"" + c.logLevel + "\" is not one of trace, debug, info, warn, error, off");
    }
    const auto w = c.wiring;
    if (w.green == w.red || w.green == w.buzzer || w.red == w.buzzer) {
        throw ConfigError("indicator: pn532_green, pn532_red and pn532_buzzer must be three different pins");
    }
    if (!c.insecure) {
        if (c.keyFile.empty() || c.serverKeyFile.empty()) {
            throw ConfigError("no keys: give --key READER.key_secret and --server-key hub.key (security.key, "
                              "security.server_key; rollcallctl reader add --key-out writes both), or run plain "
                              "text with --insecure");
        }
        try {
            (void)protocol::readCurveSecretCertificate(c.keyFile);
            (void)protocol::readCurveCertificate(c.serverKeyFile);
        } catch (const common::InputError& e) {
            throw ConfigError(e.what());
        }
    }
}

} // namespace rollcall::agent
