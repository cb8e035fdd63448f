#include "hub/service/hub_config.h"

#include "common/config_keys.h"

#include <climits>
#include <spdlog/common.h>
#include <toml++/toml.h>

namespace rollcall::service {
namespace {

const common::ConfigKeys& hubKeys()
{
    static const common::ConfigKeys keys{
        {"time_zone"},
        {
            {"database", {"path"}},
            {"endpoints", {"taps", "live", "query"}},
            {"rules", {"debounce", "finalize_after"}},
            {"readers", {"offline_after"}},
            {"ingest",
             {"max_batch", "router_high_water_mark", "tick", "reload_every", "disk_reserve_mb", "seq_window"}},
            {"log", {"level"}},
            {"scheduling", {"realtime_priority"}},
            {"security", {"insecure", "server_key", "keys_dir"}},
            {"limits", {"max_message_bytes", "live_high_water_mark", "max_live_subscribers"}},
        },
    };
    return keys;
}

/// Reads typed values; every message starts "FILE:LINE: key".
class HubFile {
public:
    HubFile(const toml::table& table, const std::string& path) : table_(table), path_(path) {}

    /// The value's text, or nullopt if the key is absent.
    std::optional<std::string> string(const char* key) const
    {
        const auto node = table_.at_path(key);
        if (!node) return std::nullopt;
        const auto v = node.value_exact<std::string>();
        if (!v) throw common::InputError(where(*node.node(), key) + " must be a string");
        if (v->empty()) throw common::InputError(where(*node.node(), key) + " must not be empty");
        return v;
    }

    void readString(const char* key, std::string& out) const
    {
        if (auto v = string(key)) out = std::move(*v);
    }

    void readDuration(const char* key, common::Millis& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        const auto text = node.value_exact<std::string>();
        const auto head = where(*node.node(), key);
        if (!text) throw common::InputError(head + " must be a duration string like \"30s\" or \"5m\"");
        const auto d = common::parseDuration(*text, head);
        if (d.count() <= 0) throw common::InputError(head + " must be more than 0");
        out = d;
    }

    void readInteger(const char* key, std::int64_t min, std::int64_t max, std::int64_t& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        const auto v = node.value_exact<std::int64_t>();
        const auto head = where(*node.node(), key);
        if (!v) throw common::InputError(head + " must be a whole number");
        if (*v < min || *v > max) {
            throw common::InputError(head + " must be " + std::to_string(min) + " … " + std::to_string(max) + ", not "
                                     + std::to_string(*v));
        }
        out = *v;
    }

    void readBool(const char* key, bool& out) const
    {
        const auto node = table_.at_path(key);
        if (!node) return;
        const auto v = node.value_exact<bool>();
        if (!v) throw common::InputError(where(*node.node(), key) + " must be true or false");
        out = *v;
    }

    [[nodiscard]] std::string where(const toml::node& node, const char* key) const
    {
        return common::configKeyWhere(path_, node, key);
    }
    [[nodiscard]] toml::node_view<const toml::node> find(const char* key) const { return table_.at_path(key); }

private:
    const toml::table& table_;
    const std::string& path_;
};

} // namespace

void loadHubConfigFile(HubConfig& config, const std::string& path)
{
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw common::InputError(path + ":" + std::to_string(e.source().begin.line) + ": "
                                 + std::string(e.description()));
    }
    if (const auto unknown = common::unknownConfigKeys(t, hubKeys(), path); !unknown.empty()) {
        throw common::InputError(unknown);
    }
    // Read into a copy: a rejected file leaves `config` as it was.
    HubConfig c = config;
    const HubFile f(t, path);
    f.readString("database.path", c.dbPath);
    f.readString("endpoints.taps", c.tapsEndpoint);
    f.readString("endpoints.live", c.liveEndpoint);
    f.readString("endpoints.query", c.queryEndpoint);
    if (auto zone = f.string("time_zone")) {
        try {
            (void)core::Zone(*zone);
        } catch (const common::InputError&) {
            throw common::InputError(f.where(*f.find("time_zone").node(), "time_zone") + " \"" + *zone
                                     + "\" is not a known time zone (an IANA name such as \"Asia/Shanghai\")");
        }
        c.zone = std::move(*zone);
    }
    f.readDuration("rules.debounce", c.debounce);
    f.readDuration("rules.finalize_after", c.finalizeAfter);
    f.readDuration("readers.offline_after", c.readerOfflineAfter);
    f.readDuration("ingest.tick", c.tick);
    f.readDuration("ingest.reload_every", c.reloadEvery);
    auto batch = static_cast<std::int64_t>(c.maxBatch);
    f.readInteger("ingest.max_batch", 1, 100'000, batch);
    c.maxBatch = static_cast<std::size_t>(batch);
    std::int64_t hwm = c.routerHighWaterMark;
    f.readInteger("ingest.router_high_water_mark", 1000, INT_MAX, hwm);
    c.routerHighWaterMark = static_cast<int>(hwm);
    auto reserveMb = static_cast<std::int64_t>(c.diskReserveBytes >> 20);
    f.readInteger("ingest.disk_reserve_mb", 0, 1'000'000, reserveMb);
    c.diskReserveBytes = static_cast<std::uint64_t>(reserveMb) << 20;
    auto seqWindow = static_cast<std::int64_t>(c.seqWindow);
    f.readInteger("ingest.seq_window", 1, 1'000'000'000, seqWindow);
    c.seqWindow = static_cast<std::uint64_t>(seqWindow);
    std::int64_t realtime = c.realtimePriority;
    f.readInteger("scheduling.realtime_priority", 0, kMaxRealtimePriority, realtime);
    c.realtimePriority = static_cast<int>(realtime);
    f.readBool("security.insecure", c.security.insecure);
    f.readString("security.server_key", c.security.serverKeyFile);
    f.readString("security.keys_dir", c.security.keysDir);
    std::int64_t maxMessage = c.security.maxMessageBytes;
    f.readInteger("limits.max_message_bytes", 1024, 16 << 20, maxMessage);
    c.security.maxMessageBytes = static_cast<int>(maxMessage);
    std::int64_t liveHwm = c.security.liveHighWaterMark;
    f.readInteger("limits.live_high_water_mark", 100, 1'000'000, liveHwm);
    c.security.liveHighWaterMark = static_cast<int>(liveHwm);
    auto maxSubscribers = static_cast<std::int64_t>(c.security.maxLiveSubscribers);
    f.readInteger("limits.max_live_subscribers", 1, 100'000, maxSubscribers);
    c.security.maxLiveSubscribers = static_cast<std::size_t>(maxSubscribers);
    if (auto level = f.string("log.level")) {
        const auto lvl = spdlog::level::from_str(*level);
        if (lvl == spdlog::level::off && *level != "off") {
            throw common::InputError(f.where(*f.find("log.level").node(), "log.level") + " \"" + *level
                                     + "\" is not one of trace, debug, info, warn, error, critical, off");
        }
        c.logLevel = std::move(*level);
    }
    (void)core::Zone(c.zone); // throws for an unknown zone (a default changed by the caller)
    config = std::move(c);
}

} // namespace rollcall::service
