// pn532-emulator: a PN532 on a pseudo-terminal, driven over a control socket.
#include "common/logging.h"
#include "hardware/emulator/pn532_control_server.h"
#include "hardware/emulator/pn532_emulator.h"

#include <CLI/CLI.hpp>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>

namespace {

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

extern "C" void onSignal(int) { g_stop.store(true); }

void installSignalHandlers()
{
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; // no SA_RESTART: let poll() return EINTR so we notice at once
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
    std::signal(SIGPIPE, SIG_IGN);
}

} // namespace

int main(int argc, char** argv)
{
    using namespace rollcall::emulator;
    CLI::App app{"PN532 emulator: speaks the PN532 HSU protocol on a pty so libnfc's pn532_uart driver "
                 "can be used without a reader (connstring pn532_uart:LINK)."};
    std::string link;
    std::string control;
    double pollScale = 1.0;
    std::string logLevel = "info";
    app.add_option("--link", link, "symlink to create, pointing at the pty slave (no ':')")->required();
    app.add_option("--control", control, "Unix socket for line commands (tap, present, remove, status, quit)")
        ->required();
    app.add_option("--poll-scale", pollScale, "scale of InAutoPoll's PollNr x Period x 150 ms (default 1)")
        ->check(CLI::PositiveNumber);
    app.add_option("--log-level", logLevel, "trace, debug, info, warn, error (default info)")
        ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
    CLI11_PARSE(app, argc, argv);

    auto log = rollcall::common::namedLogger("pn532-emulator");
    log->set_level(spdlog::level::from_str(logLevel));
    installSignalHandlers();
    try {
        Pn532Emulator emulator(Pn532EmulatorOptions{link, pollScale});
        emulator.start();
        Pn532ControlServer server(emulator, control);
        std::cout << "pn532-emulator: ready link=" << link << " control=" << control << std::endl;
        server.serve(g_stop);
        log->info("stopping ({})", server.quitRequested() ? "quit command" : "signal");
        // server and emulator destructors remove the socket and the link
    } catch (const std::exception& e) {
        log->error("{}", e.what());
        return 1;
    }
    return 0;
}
