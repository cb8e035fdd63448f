#include "hub/service/hub_config.h"

#include <toml++/toml.h>

#include <set>

namespace rollcall::service {
namespace {

template <class T>
void read(const toml::table& t, const std::string& path, const char* key, T& out)
{
    const auto node = t.at_path(key);
    if (!node) return;
    if (auto v = node.value<T>()) {
        out = *v;
        return;
    }
    throw common::InputError(path + ": " + key + " has the wrong type");
}

void readDuration(const toml::table& t, const std::string& path, const char* key, common::Millis& out)
{
    const auto node = t.at_path(key);
    if (!node) return;
    const auto text = node.value<std::string>();
    if (!text) throw common::InputError(path + ": " + key + " must be a duration string like \"30s\" or \"5m\"");
    const auto d = common::parseDuration(*text, path + ": " + key);
    if (d.count() <= 0) throw common::InputError(path + ": " + key + " must be more than 0");
    out = d;
}

} // namespace

void loadHubConfigFile(HubConfig& c, const std::string& path)
{
    toml::table t;
    try {
        t = toml::parse_file(path);
    } catch (const toml::parse_error& e) {
        throw common::InputError(path + ":" + std::to_string(e.source().begin.line) + ": " + std::string(e.description()));
    }
    static const std::set<std::string> known{"database", "endpoints", "time_zone", "rules", "readers", "ingest", "log"};
    for (const auto& [key, value] : t) {
        if (!known.count(std::string(key.str()))) throw common::InputError(path + ": unknown key \"" + std::string(key.str()) + "\"");
    }
    read(t, path, "database.path", c.dbPath);
    read(t, path, "endpoints.taps", c.tapsEndpoint);
    read(t, path, "endpoints.live", c.liveEndpoint);
    read(t, path, "endpoints.query", c.queryEndpoint);
    read(t, path, "time_zone", c.zone);
    readDuration(t, path, "rules.debounce", c.debounce);
    readDuration(t, path, "readers.offline_after", c.readerOfflineAfter);
    readDuration(t, path, "ingest.tick", c.tick);
    readDuration(t, path, "ingest.reload_every", c.reloadEvery);
    std::int64_t batch = static_cast<std::int64_t>(c.maxBatch);
    read(t, path, "ingest.max_batch", batch);
    if (batch < 1 || batch > 100'000) throw common::InputError(path + ": ingest.max_batch must be 1 … 100000");
    c.maxBatch = static_cast<std::size_t>(batch);
    std::int64_t hwm = c.routerHighWaterMark;
    read(t, path, "ingest.router_high_water_mark", hwm);
    if (hwm < 1000) throw common::InputError(path + ": ingest.router_high_water_mark must be at least 1000");
    c.routerHighWaterMark = static_cast<int>(hwm);
    std::int64_t reserveMb = static_cast<std::int64_t>(c.diskReserveBytes >> 20);
    read(t, path, "ingest.disk_reserve_mb", reserveMb);
    if (reserveMb < 0 || reserveMb > 1'000'000) throw common::InputError(path + ": ingest.disk_reserve_mb must be 0 … 1000000");
    c.diskReserveBytes = static_cast<std::uint64_t>(reserveMb) << 20;
    read(t, path, "log.level", c.logLevel);
    (void)core::Zone(c.zone); // throws for an unknown zone
}

} // namespace rollcall::service
