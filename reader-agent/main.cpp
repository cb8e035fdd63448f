// rollcall-agent: runs beside a badge reader; see docs/agent.md and
// reader-agent/rollcall-agent.toml for every setting.
#include "common/database.h"
#include "common/logging.h"
#include "reader-agent/agent.h"
#include "reader-agent/agent_config.h"
#include "reader-agent/instance_lock.h"
#include "reader-agent/libnfc/libnfc_card_reader.h"
#include "reader-agent/skewed_clock.h"

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <iostream>

#ifndef ROLLCALL_VERSION
#define ROLLCALL_VERSION "0.0.0"
#endif

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onSignal(int) { g_stop.store(true); } // only sets a flag: the loop acts on it

void installSignalHandlers()
{
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: the main loop's poll returns EINTR at once
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

} // namespace

int main(int argc, char** argv)
{
    using namespace rollcall;
    using namespace rollcall::agent;

    CLI::App app{"rollcall-agent — reads badge taps from an NFC reader, keeps them in a durable outbox and "
                 "delivers them to the hub exactly once",
                 "rollcall-agent"};
    std::string configFile;
    std::string reader;
    std::string hub;
    std::string readerId;
    std::string outbox;
    std::string logLevel;
    app.add_option("--config", configFile, "TOML settings file (see reader-agent/rollcall-agent.toml)")
        ->check(CLI::ExistingFile);
    app.add_option("--reader", reader, "libnfc connstring, e.g. pn532_uart:/dev/ttyUSB0 or acr122_usb");
    app.add_option("--hub", hub, "hub taps endpoint, e.g. tcp://hub.example:7700");
    app.add_option("--reader-id", readerId, "this reader's id as registered at the hub");
    app.add_option("--outbox", outbox, "SQLite outbox file (created if missing)");
    app.add_option("--log-level", logLevel, "trace, debug, info, warn, error");
    std::string keyFile;
    std::string serverKeyFile;
    bool insecure = false;
    app.add_option("--key", keyFile, "this reader's secret certificate (READER.key_secret)");
    app.add_option("--server-key", serverKeyFile, "the hub's public certificate (hub.key)");
    app.add_flag("--insecure", insecure, "plain text, no keys (only against a hub run with --insecure)");
    app.set_version_flag("--version", ROLLCALL_VERSION);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help and --version end here with 0. A refused command line is bad
        // settings like a refused file: exit 2, which systemd does not restart.
        return app.exit(e) == 0 ? 0 : 2;
    }

    AgentConfig config;
    try {
        if (!configFile.empty()) loadAgentConfigFile(config, configFile);
        // Command-line options win over the file.
        if (!reader.empty()) config.connstring = reader;
        if (!hub.empty()) config.hubEndpoint = hub;
        if (!readerId.empty()) config.readerId = readerId;
        if (!outbox.empty()) config.outboxPath = outbox;
        if (!logLevel.empty()) config.logLevel = logLevel;
        if (!keyFile.empty()) config.keyFile = keyFile;
        if (!serverKeyFile.empty()) config.serverKeyFile = serverKeyFile;
        if (insecure) config.insecure = true;
        validateAgentConfig(config);
    } catch (const ConfigError& e) {
        std::cerr << "rollcall-agent: " << e.what() << "\n";
        return 2;
    }

    spdlog::set_level(spdlog::level::from_str(config.logLevel));
    auto log = common::namedLogger("agent");
    installSignalHandlers();
    // One agent per outbox and reader: a second one is refused before it touches either.
    InstanceLock lock;
    if (const auto why = InstanceLock::acquire(config.outboxPath, config.connstring, lock)) {
        std::cerr << "rollcall-agent: " << *why << "\n";
        return 2;
    }
    try {
        Outbox box(config.outboxPath, config.readerId);
        zmq::context_t context(1);
        std::unique_ptr<HubLink> link;
        try {
            HubLinkOptions linkOptions;
            if (config.insecure) {
                log->warn("INSECURE: plain text without keys (--insecure): anyone on the network can read and "
                          "forge this reader's taps");
            } else {
                linkOptions.clientKey = protocol::readCurveSecretCertificate(config.keyFile);
                linkOptions.serverPublicKey = protocol::readCurveCertificate(config.serverKeyFile).publicKey;
            }
            link = std::make_unique<HubLink>(context, config.hubEndpoint, linkOptions);
        } catch (const zmq::error_t& e) {
            std::cerr << "rollcall-agent: --hub \"" << config.hubEndpoint << "\": " << e.what() << "\n";
            return 2;
        }
        LibnfcCardReader cardReader(
            LibnfcReaderOptions{config.connstring, config.pollPeriod, config.led || config.buzzer, config.wiring});
        // Tests only: an agent whose clock is wrong (ROLLCALL_AGENT_CLOCK_SKEW_MS / _FILE, docs/agent.md).
        const common::SystemClock systemClock;
        const auto skewed = SkewedClock::fromEnvironment();
        if (skewed) log->warn("clock skew injected for tests: agent time now {}", common::toMillis(skewed->now()));
        const common::Clock& clock = skewed ? static_cast<const common::Clock&>(*skewed) : systemClock;
        ReaderPoller poller(cardReader, clock,
                            ReaderPollerOptions{config.presenceCheck, config.debounce, config.reopenBackoffMin,
                                                config.reopenBackoffMax});
        AgentOptions options;
        options.agentVersion = ROLLCALL_VERSION;
        options.ackTimeout = config.ackTimeout;
        options.resendBackoffMin = config.resendBackoffMin;
        options.resendBackoffMax = config.resendBackoffMax;
        options.heartbeatInterval = config.heartbeatInterval;
        options.led = config.led;
        options.buzzer = config.buzzer;
        options.indicationDuration = config.indicationDuration;
        options.outboxRetention = config.outboxRetention;
        Agent agent(options, box, *link, poller, clock);
        // Tests and scripts wait for this line.
        log->info("rollcall-agent: running reader_id={} reader={} hub={} outbox={} next_seq={} depth={}",
                  config.readerId, config.connstring, config.hubEndpoint, config.outboxPath, box.nextSeq(),
                  box.depth());
        agent.run(g_stop);
        log->info("stopped");
        return 0;
    } catch (const OutboxError& e) {
        std::cerr << "rollcall-agent: --outbox: " << e.what() << "\n";
        return 2;
    } catch (const common::DatabaseError& e) {
        std::cerr << "rollcall-agent: outbox " << config.outboxPath << ": " << e.what() << "\n";
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "rollcall-agent: " << e.what() << "\n";
        return 3;
    }
}
