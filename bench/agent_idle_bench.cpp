// agent_idle_bench: how much an idle rollcall-agent costs. Runs the real
// binary against a PN532 emulator with the chip's real poll timing and a real
// hub, lets it settle, then reads VmRSS/VmHWM from /proc/<pid>/status and CPU
// ticks (utime + stime) from /proc/<pid>/stat over a window. For comparison
// it measures a bare libnfc loop (nfc_initiator_poll_target with the same
// PollNr/Period, nothing else) on its own emulator the same way.
//
//   agent_idle_bench [SECONDS]     (default 10)
#include "hardware/emulator/pn532_emulator.h"
#include "protocol/curve_certificate.h"
#include "tests/support/child_process.h"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nfc/nfc.h>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

using rollcall::test::ChildProcess;

/// Waits for a line of the child's output containing `needle`; returns the line.
std::string waitFor(ChildProcess& child, const std::string& needle, std::chrono::seconds timeout = 20s)
{
    if (auto line = child.waitForLine(needle, timeout)) return *line;
    throw std::runtime_error("no \"" + needle + "\" in:\n" + child.output());
}

long statusKb(pid_t pid, const char* key)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) == 0) return std::strtol(line.c_str() + std::strlen(key), nullptr, 10);
    }
    return -1;
}

long cpuTicks(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::istringstream fields(all.substr(all.rfind(')') + 2)); // after "pid (comm) "
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; fields >> f; ++i) {
        if (i == 14) utime = std::stol(f);
        if (i == 15) {
            stime = std::stol(f);
            break;
        }
    }
    return utime + stime;
}

/// Proportional set size: shared library pages divided among the processes that map them.
long pssKb(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("Pss:", 0) == 0) return std::strtol(line.c_str() + 4, nullptr, 10);
    }
    return -1;
}

struct Figures {
    long rssKb, hwmKb, pssKb, anonKb, ticks;
    double cpuPercent;
};

Figures measure(ChildProcess& child, int seconds)
{
    const long hz = ::sysconf(_SC_CLK_TCK);
    const pid_t pid = child.pid();
    const long before = cpuTicks(pid);
    const auto t0 = std::chrono::steady_clock::now();
    std::this_thread::sleep_for(std::chrono::seconds(seconds)); // ChildProcess keeps the pipe drained
    const long ticks = cpuTicks(pid) - before;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return {statusKb(pid, "VmRSS:"),
            statusKb(pid, "VmHWM:"),
            pssKb(pid),
            statusKb(pid, "RssAnon:"),
            ticks,
            100.0 * static_cast<double>(ticks) / static_cast<double>(hz) / elapsed};
}

/// The baseline: what libnfc alone costs polling an empty field the way the agent does.
int bareLibnfcLoop(const std::string& connstring)
{
    nfc_context* context = nullptr;
    nfc_init(&context);
    nfc_device* device = context ? nfc_open(context, connstring.c_str()) : nullptr;
    if (!device || nfc_initiator_init(device) < 0) {
        std::fprintf(stderr, "bare loop: cannot open %s\n", connstring.c_str());
        return 1;
    }
    std::fprintf(stderr, "bare loop: polling\n");
    const nfc_modulation modulation{NMT_ISO14443A, NBR_106};
    nfc_target target;
    while (true) (void)nfc_initiator_poll_target(device, &modulation, 1, 1, 1, &target);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 3 && std::string(argv[1]) == "--bare-libnfc-loop") return bareLibnfcLoop(argv[2]);
    const int seconds = argc > 1 ? std::atoi(argv[1]) : 10;
    if (seconds <= 0) {
        std::cerr << "usage: agent_idle_bench [SECONDS]\n";
        return 2;
    }
    char pattern[] = "/tmp/rollcall-agent-bench-XXXXXX";
    const fs::path dir = ::mkdtemp(pattern);
    ::setenv("LIBNFC_AUTO_SCAN", "no", 1);
    int rc = 0;
    try {
        // Real chip timing (poll scale 1): an empty InAutoPoll answers after 2 x 150 ms.
        rollcall::emulator::Pn532Emulator emulator({dir / "ttyAgent", 1.0});
        emulator.start();
        rollcall::emulator::Pn532Emulator baselineEmulator({dir / "ttyBare", 1.0});
        baselineEmulator.start();

        // With keys, as deployed: the hub's pair, the reader's, and the reader allowed.
        fs::create_directories(dir / "allowed");
        rollcall::protocol::writeCurveCertificate(
            rollcall::protocol::generateCurveCertificate({{"name", "hub"}, {"role", "hub"}}), dir.string(), "hub");
        rollcall::protocol::writeCurveCertificate(
            rollcall::protocol::generateCurveCertificate(
                {{"name", "bench-reader"}, {"role", "reader"}, {"reader", "bench-reader"}}),
            dir.string(), "bench-reader");
        fs::copy_file(dir / "bench-reader.key", dir / "allowed" / "bench-reader.key");
        ChildProcess hub({HUB_BINARY, "--db", (dir / "record.db").string(), "--taps", "tcp://127.0.0.1:*", "--live",
                          "tcp://127.0.0.1:*", "--query", "tcp://127.0.0.1:*", "--log-level", "warn", "--server-key",
                          (dir / "hub.key_secret").string(), "--keys-dir", (dir / "allowed").string()});
        const auto listening = waitFor(hub, "rollcall-hub: listening");
        const auto tapsAt = listening.find("taps=") + 5;
        const auto taps = listening.substr(tapsAt, listening.find(' ', tapsAt) - tapsAt);

        ChildProcess agent({AGENT_BINARY, "--reader", "pn532_uart:" + (dir / "ttyAgent").string(), "--hub", taps,
                            "--reader-id", "bench-reader", "--outbox", (dir / "outbox.db").string(), "--key",
                            (dir / "bench-reader.key_secret").string(), "--server-key", (dir / "hub.key").string()});
        waitFor(agent, "reader state ok");
        waitFor(agent, "the hub does not know this reader");
        ChildProcess bare({"/proc/self/exe", "--bare-libnfc-loop", "pn532_uart:" + (dir / "ttyBare").string()});
        // /proc/self/exe names the spawner here: posix_spawn resolves it in this process.
        waitFor(bare, "bare loop: polling");
        std::this_thread::sleep_for(1s); // settle: first heartbeats, page cache

        std::thread baselineThread;
        Figures bareFigures{};
        baselineThread = std::thread([&] { bareFigures = measure(bare, seconds); });
        const auto agentFigures = measure(agent, seconds);
        baselineThread.join();
        const auto polls = emulator.counters().autoPolls;

        std::printf("rollcall-agent idle for %d s (emulated PN532, real poll timing, hub connected, heartbeat 10 s)\n",
                    seconds);
        const auto print = [](const char* what, const Figures& f) {
            std::printf("  %-22s VmRSS %5ld kB (anon %ld kB, PSS %ld kB)  VmHWM %5ld kB  CPU %ld ticks = %.2f %%\n",
                        what, f.rssKb, f.anonKb, f.pssKb, f.hwmKb, f.ticks, f.cpuPercent);
        };
        print("rollcall-agent:", agentFigures);
        print("bare libnfc poll loop:", bareFigures);
        std::printf("  InAutoPolls answered for the agent so far: %llu\n", static_cast<unsigned long long>(polls));
        if (agentFigures.rssKb >= 10 * 1024) {
            std::printf("  FAIL: idle RSS is not under 10 MB\n");
            rc = 1;
        }
    } catch (const std::exception& e) {
        std::cerr << "agent_idle_bench: " << e.what() << "\n";
        rc = 1;
    }
    std::error_code ec;
    fs::remove_all(dir, ec);
    return rc;
}
