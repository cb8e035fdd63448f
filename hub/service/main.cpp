// rollcall-hub: the place of record. See hub/rollcall-hub.toml for settings.
#include "common/fault_vfs.h"
#include "common/logging.h"
#include "hub/core/record_guard.h"
#include "hub/core/schema.h"
#ifndef ROLLCALL_HUB_WITHOUT_ADMIN
#include "hub/ctl/admin_commands.h"
#endif
#include "hub/service/hub_config.h"
#include "hub/service/hub_server.h"

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>
#include <spdlog/spdlog.h>

namespace {

// Exit statuses (docs/operations.md, "Exit statuses"). systemd restarts the hub
// after 3 only (hub/systemd/rollcall-hub.service, RestartPreventExitStatus=):
// after the others, starting again would fail the same way until someone acts.
constexpr int kExitBadSettings = 1;   // a bad option, setting or command line: the message names it
constexpr int kExitFailed = 3;        // anything else (a port in use, the record unreadable): may pass
constexpr int kExitRecordRefused = 4; // the record fails its start-up check
constexpr int kExitNewerSchema = 5;   // the record was written by a newer Rollcall

std::atomic<bool> g_stop{false};

extern "C" void onSignal(int) { g_stop.store(true); } // only sets a flag: the loop acts on it

} // namespace

int main(int argc, char** argv)
{
    using namespace rollcall;
    service::HubConfig config;
    std::string configFile;
    CLI::App app{"rollcall-hub — records badge taps exactly once and serves live attendance", "rollcall-hub"};
    app.add_option("--config", configFile, "TOML settings file (see hub/rollcall-hub.toml)")->check(CLI::ExistingFile);
    auto* db = app.add_option("--db", config.dbPath, "SQLite record");
    auto* taps = app.add_option("--taps", config.tapsEndpoint, "ROUTER endpoint for reader agents");
    auto* live = app.add_option("--live", config.liveEndpoint, "PUB endpoint for dashboards");
    auto* query = app.add_option("--query", config.queryEndpoint, "ROUTER endpoint for snapshots and lists");
    auto* level = app.add_option("--log-level", config.logLevel, "trace, debug, info, warn, error");
    auto* serverKey = app.add_option("--server-key", config.security.serverKeyFile,
                                     "the hub's secret certificate (NAME.key_secret, rollcallctl key generate)");
    auto* keysDir = app.add_option("--keys-dir", config.security.keysDir, "directory of allowed client keys");
    auto* insecure =
        app.add_flag("--insecure", config.security.insecure, "plain text, no keys: anyone on the network may connect");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help ends here with 0; a refused command line (an unknown option, a
        // --config file that is not there) is bad settings.
        return app.exit(e) == 0 ? 0 : kExitBadSettings;
    }

    spdlog::set_default_logger(common::namedLogger("hub"));
    try {
        if (!configFile.empty()) {
            // The file is read first; options given on the command line win.
            service::HubConfig fromFile;
            service::loadHubConfigFile(fromFile, configFile);
            if (db->count() == 0) config.dbPath = fromFile.dbPath;
            if (taps->count() == 0) config.tapsEndpoint = fromFile.tapsEndpoint;
            if (live->count() == 0) config.liveEndpoint = fromFile.liveEndpoint;
            if (query->count() == 0) config.queryEndpoint = fromFile.queryEndpoint;
            if (level->count() == 0) config.logLevel = fromFile.logLevel;
            config.zone = fromFile.zone;
            config.debounce = fromFile.debounce;
            config.finalizeAfter = fromFile.finalizeAfter;
            config.readerOfflineAfter = fromFile.readerOfflineAfter;
            config.tick = fromFile.tick;
            config.reloadEvery = fromFile.reloadEvery;
            config.maxBatch = fromFile.maxBatch;
            config.routerHighWaterMark = fromFile.routerHighWaterMark;
            config.diskReserveBytes = fromFile.diskReserveBytes;
            config.seqWindow = fromFile.seqWindow;
            config.realtimePriority = fromFile.realtimePriority;
            const auto cli = config.security;
            config.security = fromFile.security;
            if (serverKey->count() > 0) config.security.serverKeyFile = cli.serverKeyFile;
            if (keysDir->count() > 0) config.security.keysDir = cli.keysDir;
            if (insecure->count() > 0) config.security.insecure = true;
        }
        if (config.dbPath.empty())
            throw common::InputError("no database: give --db PATH or database.path in the config file");
        const auto lvl = spdlog::level::from_str(config.logLevel);
        if (lvl == spdlog::level::off && config.logLevel != "off")
            throw common::InputError("--log-level: \"" + config.logLevel + "\" is not a level");
        spdlog::set_level(lvl);

        // Tests only (tests/fault): writes that fail on demand; nothing without ROLLCALL_FAULT_FILE.
        if (common::installFaultVfsFromEnvironment()) spdlog::warn("fault injection on: ROLLCALL_FAULT_FILE is set");
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        if (config.security.insecure) {
            spdlog::warn("INSECURE: plain text without keys (--insecure): anyone who reaches the hub's ports can "
                         "send taps for any reader and read every board. Never run so on a shared network.");
        }
        const common::SystemClock clock;
#ifndef ROLLCALL_HUB_WITHOUT_ADMIN
        // Organizer and office keys run rollcallctl commands here, on the hub's record (issue 16).
        const auto admin = [&config, &clock](const service::AllowedKey& caller, const protocol::AdminRequest& request,
                                             const common::CancelToken& cancel,
                                             const common::ProgressListener& progress) {
            return ctl::runAdminRequest({service::toString(caller.role), caller.name}, request, config.dbPath, clock,
                                        cancel, progress);
        };
#else
        // An agent-only build has no rollcallctl: every admin request is refused (hub/CMakeLists.txt).
        const service::AdminRunner admin;
#endif
        service::HubServer server(config, clock, admin);
        // Tests and scripts wait for this line and read the bound endpoints from it. One write:
        // the ZAP handler's thread may be logging at the same moment.
        const std::string listening = "rollcall-hub: listening taps=" + server.tapsEndpoint()
                                      + " live=" + server.liveEndpoint() + " query=" + server.queryEndpoint() + " db="
                                      + config.dbPath + (config.security.insecure ? " INSECURE" : " curve") + "\n";
        std::cerr.write(listening.data(), static_cast<std::streamsize>(listening.size()));
        std::cerr.flush();
        server.run(g_stop);
        return 0;
    } catch (const common::InputError& e) {
        std::cerr << "rollcall-hub: " << e.what() << "\n";
        return kExitBadSettings;
    } catch (const core::RecordIntegrityError& e) {
        std::cerr << "rollcall-hub: refusing to run: " << e.what() << "\n";
        return kExitRecordRefused;
    } catch (const core::NewerSchemaError& e) {
        std::cerr << "rollcall-hub: refusing to run: " << e.what()
                  << " (install the newer Rollcall, or restore a backup made by this one)\n";
        return kExitNewerSchema;
    } catch (const std::exception& e) {
        std::cerr << "rollcall-hub: " << e.what() << "\n";
        return kExitFailed;
    }
}
