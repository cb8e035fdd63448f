// What a hostile or stalled peer can cost the real hub: a frame declaring
// 1 GiB drops its connection instead of being read whole, 100 stalled live
// subscribers leave the hub's memory bounded (VmHWM of the real process,
// docs/security.md), live subscribers beyond the cap are refused, and a
// flood of bad frames writes a few log lines, counting every one.
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <arpa/inet.h>
#include <fstream>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

// GCC says __SANITIZE_ADDRESS__, clang says __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
#define ROLLCALL_UNDER_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROLLCALL_UNDER_ADDRESS_SANITIZER 1
#endif
#endif
#ifndef ROLLCALL_UNDER_ADDRESS_SANITIZER
#define ROLLCALL_UNDER_ADDRESS_SANITIZER 0
#endif

namespace rollcall::test {
namespace {

using namespace std::chrono_literals;

/// The hub's peak resident memory in kB (VmHWM of /proc/PID/status).
long peakKb(pid_t pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    }
    return -1;
}

int portOf(const std::string& endpoint) { return std::stoi(endpoint.substr(endpoint.rfind(':') + 1)); }

/// A raw TCP peer speaking just enough ZMTP 3.0 (NULL mechanism) to send one
/// frame header declaring `declared` bytes, then `send` bytes of it.
/// Returns how many bytes the hub took before it dropped the connection.
std::uint64_t sendHugeFrame(int port, std::uint64_t declared, std::uint64_t send)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) throw std::runtime_error("connect");
    std::string greeting(64, '\0');
    greeting[0] = '\xFF';
    greeting[9] = '\x7F';
    greeting[10] = 3; // version 3.0
    greeting.replace(12, 4, "NULL");
    std::string ready;
    const std::string type = "Socket-Type";
    const std::string value = "DEALER";
    std::string body = std::string(1, '\x05') + "READY" + std::string(1, static_cast<char>(type.size())) + type;
    body += std::string("\0\0\0", 3) + static_cast<char>(value.size()) + value;
    ready = std::string(1, '\x04') + static_cast<char>(body.size()) + body;
    std::string header(1, '\x02'); // long, last frame
    for (int i = 7; i >= 0; --i) header += static_cast<char>((declared >> (8 * i)) & 0xFF);
    const auto all = greeting + ready + header;
    std::uint64_t sent = 0;
    if (::send(fd, all.data(), all.size(), MSG_NOSIGNAL) < 0) {
        ::close(fd);
        return 0;
    }
    const std::string chunk(1 << 20, 'x');
    while (sent < send) {
        const auto n = ::send(fd, chunk.data(), chunk.size(), MSG_NOSIGNAL);
        if (n <= 0) break; // the hub closed the connection
        sent += static_cast<std::uint64_t>(n);
    }
    ::close(fd);
    return sent;
}

class HubSocketLimits : public ::testing::Test {
protected:
    void SetUp() override { seedHubRecord(db_); }
    TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    zmq::context_t ctx_;
};

TEST_F(HubSocketLimits, aFrameDeclaringOneGibibyteDropsItsConnectionAndMemoryStaysBounded)
{
    // Plain text: the worst case, a peer needing no key to reach the decoder.
    HubProcess hub(db_, {"--insecure"});
    const auto before = peakKb(hub.process().pid());
    const auto taken = sendHugeFrame(portOf(hub.endpoints().taps), 1ull << 30, 256ull << 20);
    const auto after = peakKb(hub.process().pid());
    std::cout << "[ figures ] hub VmHWM before " << before << " kB, after a 1 GiB frame " << after << " kB ("
              << (taken >> 20) << " MiB taken before the hub hung up)\n";
    EXPECT_LT(taken, 64ull << 20) << "the hub kept reading a frame beyond max_message_bytes";
    EXPECT_LT(after - before, 32 * 1024) << "kB";
    // And it still serves.
    AgentClient agent(ctx_, hub.endpoints().taps);
    EXPECT_EQ(agent.tap(makeTap("r-hall", 1, "04A1B2C1")).seq, 1u);
}

TEST_F(HubSocketLimits, oneHundredStalledSubscribersLeaveTheHubsMemoryBounded)
{
    TestKeys keys;
    HubProcess hub(db_, keys.hubArgs());
    const auto viewer = keys.viewer();
    const auto hall = keys.reader("r-hall");
    // Subscribers that read nothing: tiny buffers, so the hub's queue is what fills.
    std::vector<std::unique_ptr<zmq::socket_t>> stalled;
    for (int i = 0; i < 100; ++i) {
        auto s = std::make_unique<zmq::socket_t>(ctx_, zmq::socket_type::sub);
        s->set(zmq::sockopt::linger, 0);
        s->set(zmq::sockopt::rcvhwm, 1);
        s->set(zmq::sockopt::rcvbuf, 4096);
        s->set(zmq::sockopt::subscribe, "");
        protocol::makeCurveClient(*s, viewer.cert, viewer.serverPublicKey);
        s->connect(hub.endpoints().live);
        stalled.push_back(std::move(s));
    }
    AgentClient agent(ctx_, hub.endpoints().taps, &hall);
    // Every subscriber is in once it has received an update; after that none reads again.
    std::vector<bool> in(stalled.size(), false);
    std::size_t inCount = 0;
    std::uint64_t seq = 0;
    while (inCount < stalled.size() && seq < 200) {
        (void)agent.tap(makeTap("r-hall", ++seq, "04A1B2C9"));
        for (std::size_t i = 0; i < stalled.size(); ++i) {
            zmq::message_t m;
            while (!in[i] && stalled[i]->recv(m, zmq::recv_flags::dontwait)) {
                if (!m.more()) {
                    in[i] = true;
                    ++inCount;
                }
            }
        }
    }
    ASSERT_EQ(inCount, stalled.size()) << "not every subscriber was connected";
    const auto before = peakKb(hub.process().pid());
    // 6,000 taps in flight at once: each publishes on the meeting and hub streams.
    constexpr std::uint64_t kTaps = 6000;
    const char* badges[] = {"04A1B2C1", "04A1B2C2", "04A1B2C3", "04A1B2C4", "04A1B2C9", "04FFFFF1"};
    for (std::uint64_t i = 1; i <= kTaps; ++i) agent.send(makeTap("r-hall", seq + i, badges[i % 6]));
    std::uint64_t acks = 0;
    while (acks < kTaps && agent.receiveAck(30s)) ++acks;
    ASSERT_EQ(acks, kTaps);
    const auto after = peakKb(hub.process().pid());
    std::cout << "[ figures ] hub VmHWM with 100 stalled subscribers: " << before << " kB before, " << after
              << " kB after " << kTaps << " taps\n";
#if ROLLCALL_UNDER_ADDRESS_SANITIZER
    // AddressSanitizer keeps freed memory in its quarantine (hundreds of MB) and
    // shadows the rest: the peak measures the sanitizer, not the hub's bound.
    GTEST_SKIP() << "memory bound not checked under AddressSanitizer (peak " << after << " kB)";
#else
    EXPECT_LT(after, 200 * 1024) << "kB";
#endif
}

TEST_F(HubSocketLimits, liveSubscribersBeyondTheCapAreRefused)
{
    TestKeys keys;
    const auto config = dir_.write("hub.toml", "[limits]\nmax_live_subscribers = 3\n");
    auto args = keys.hubArgs();
    args.insert(args.end(), {"--config", config});
    HubProcess hub(db_, args);
    const auto viewer = keys.viewer();
    std::vector<std::unique_ptr<LiveSubscriber>> subs;
    for (int i = 0; i < 4; ++i) {
        subs.push_back(std::make_unique<LiveSubscriber>(ctx_, hub.endpoints().live, "", &viewer));
    }
    EXPECT_TRUE(hub.process().waitForLine("too many live subscribers (3)", 10s)) << hub.process().output();
}

TEST_F(HubSocketLimits, aFloodOfBadFramesLogsAFewLinesAndCountsEveryOne)
{
    HubProcess hub(db_, {"--insecure"});
    AgentClient agent(ctx_, hub.endpoints().taps);
    constexpr int kBad = 20'000;
    for (int i = 0; i < kBad; ++i) agent.sendRaw("not json");
    agent.send(protocol::Hello{"r-hall", "0.1.0", nowMs()});
    // Each bad frame is answered with an error; the welcome comes after all of them.
    int errors = 0;
    bool welcomed = false;
    while (!welcomed) {
        const auto m = agent.receive(20s);
        ASSERT_TRUE(m) << "after " << errors << " errors";
        if (std::holds_alternative<protocol::Error>(*m)) ++errors;
        welcomed = std::holds_alternative<protocol::Welcome>(*m);
    }
    EXPECT_EQ(errors, kBad);
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    const auto out = hub.process().output();
    std::size_t lines = 0;
    for (std::size_t p = 0; (p = out.find("rejected malformed", p)) != std::string::npos; ++p) ++lines;
    EXPECT_LE(lines, 10u) << out.substr(0, 4000);
    EXPECT_NE(out.find("malformed=" + std::to_string(kBad)), std::string::npos) << out.substr(out.size() - 2000);
}

} // namespace
} // namespace rollcall::test
