// Hub ingest benchmark (issue 3): N simulated readers against the real
// rollcall-hub over TCP loopback, compared with raw batched SQLite inserts of
// the same rows on the same machine in the same run.
//
//   bench/hub_ingest_bench [--readers N] [--taps N] [--pairs N] [--rate-seconds S] [--window N]
//                          [--hub-config FILE] [--hub-binary FILE] [--own-group-nice N]
//
// Prints durable ingest rate (acknowledged taps/s) against the raw rate in
// --pairs alternating pairs (default 5: raw, then the hub, each N taps) and
// the median of their ratios, ack latency p50/p99 at a
// fixed 1,000 taps/s (on a quiet machine, then with the benchmark keeping
// every core busy), the raw insert rate, the disk's fdatasync latency in the
// same two phases (the floor under any durable ack), and a final line
//   ingest_ratio=<hub/raw> p99_ack_ms=<x> p99_ack_loaded_ms=<y> p99_ack_loaded_own_group_ms=<z>
//   fsync_p99_ms=<a> fsync_p99_loaded_ms=<b> fsync_p99_loaded_own_group_ms=<c>
// The loaded phase runs twice: with the hub as the benchmark's child in its
// session (so, with sched_autogroup, in one scheduling group with the
// background load), then with a hub restarted on the same record in a session
// of its own, as a deployed hub runs in its own service's cgroup. Then the
// same round trip to an echo peer (a ROUTER that answers at once, in a process
// of its own like the hub), quiet and loaded, in both groupings: the floor
// under any ack over this transport on this machine, printed as
//   roundtrip_floor_p99_ms=<d> roundtrip_floor_p99_loaded_ms=<e> roundtrip_floor_p99_loaded_own_group_ms=<f>
// Targets (issue 10): ingest_ratio >= 0.8, p99_ack_ms < 2, p99_ack_loaded_ms < 5.
#include "hub/core/record.h"
#include "hub/core/schema.h"
#include "protocol/curve_certificate.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <pthread.h>
#include <regex>
#include <sstream>
#include <thread>
#include <unistd.h>

using namespace rollcall;
using Steady = std::chrono::steady_clock;

namespace {

constexpr int kPeople = 5000;
constexpr const char* kVenue = "hall";

std::string uidOf(int person)
{
    char buf[9];
    std::snprintf(buf, sizeof buf, "%08X", 0x04000000 + person);
    return buf;
}

void seed(const std::string& path, int readers)
{
    common::Database db(path);
    core::migrate(db);
    core::Record r(db);
    common::Transaction tx(db);
    const auto now = common::fromMillis(test::nowMs());
    const auto unit = r.ensureUnitPath("州直机关");
    for (int p = 0; p < kPeople; ++p) {
        const auto id = "p" + std::to_string(p);
        r.addPerson({id, "人员" + std::to_string(p), unit, "州直机关", std::nullopt});
        r.addBadge(uidOf(p), id, now);
    }
    r.addVenue(kVenue, "州会议中心");
    for (int i = 0; i < readers; ++i) r.addReader({"r" + std::to_string(i), kVenue, core::ReaderDirection::Both}, now);
    core::Meeting m;
    m.id = "bench";
    m.title = "基准测试会议";
    m.venues = {kVenue};
    m.times.start = now + std::chrono::minutes(10);
    m.times.end = now + std::chrono::hours(3);
    m.times.opening = now - std::chrono::minutes(50);
    r.addMeeting(m, now);
    r.addInvite("bench", {std::string("州直机关"), std::nullopt});
    tx.commit();
}

struct SimReader {
    std::unique_ptr<zmq::socket_t> socket;
    std::string id;
    std::uint64_t seq = 0;
};

/// CPU seconds (user + system) per thread name of a process, from /proc:
/// who spends the two cores while the benchmark runs (the hub's threads, the
/// benchmark's own client).
std::map<std::string, double> cpuByThread(pid_t pid)
{
    std::map<std::string, double> out;
    const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream statFile(task.path() / "stat");
        std::string stat((std::istreambuf_iterator<char>(statFile)), std::istreambuf_iterator<char>());
        const auto open = stat.find('('), close = stat.rfind(')');
        if (open == std::string::npos || close == std::string::npos) continue;
        std::istringstream rest(stat.substr(close + 2));
        std::string field;
        double utime = 0, stime = 0;
        for (int i = 3; i <= 15 && rest >> field; ++i) {
            if (i == 14) utime = std::stod(field);
            if (i == 15) stime = std::stod(field);
        }
        out[stat.substr(open + 1, close - open - 1)] += (utime + stime) / tick;
    }
    return out;
}

/// The machine's CPU time so far, busy and in all, in clock ticks (/proc/stat's
/// first line): how much of the two cores a phase left idle.
struct MachineCpu {
    double busy = 0, all = 0;
};
MachineCpu machineCpu()
{
    std::ifstream stat("/proc/stat");
    std::string cpu;
    stat >> cpu; // "cpu": the sum over every core
    MachineCpu out;
    double field = 0;
    for (int i = 0; i < 8 && stat >> field; ++i) { // user nice system idle iowait irq softirq steal
        out.all += field;
        if (i != 3 && i != 4) out.busy += field;
    }
    return out;
}

/// Milliseconds each thread (by name) of a process has waited on a run queue
/// for a CPU since it started (/proc/PID/task/TID/schedstat, second field):
/// where a loaded ack's time goes, thread by thread.
std::map<std::string, double> runDelayByThread(pid_t pid)
{
    std::map<std::string, double> out;
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
        std::ifstream commFile(task.path() / "comm"), schedFile(task.path() / "schedstat");
        std::string comm;
        double onCpu = 0, waited = 0;
        if (!std::getline(commFile, comm) || !(schedFile >> onCpu >> waited)) continue;
        out[comm] += waited / 1e6;
    }
    return out;
}

/// Adds each thread's growth between two samples to `into`: a figure summed
/// over several phases (the hub's max-rate phases, with the raw loop between).
void addGrowth(std::map<std::string, double>& into, const std::map<std::string, double>& before,
               const std::map<std::string, double>& after)
{
    for (const auto& [name, v] : after) {
        const auto it = before.find(name);
        into[name] += v - (it == before.end() ? 0.0 : it->second);
    }
}

/// "name=12 other=40": the growth of each thread's figure between two samples, rounded.
std::string deltas(const std::map<std::string, double>& before, const std::map<std::string, double>& after)
{
    std::string out;
    for (const auto& [name, v] : after) {
        const auto it = before.find(name);
        const double grown = v - (it == before.end() ? 0.0 : it->second);
        if (grown >= 0.5) out += " " + name + "=" + std::to_string(static_cast<long>(grown + 0.5));
    }
    return out.empty() ? " none" : out;
}

/// "name=12% other=40%": CPU per thread name between two samples, as a share of `seconds` of wall time.
std::string cpuShares(const std::map<std::string, double>& before, const std::map<std::string, double>& after,
                      double seconds)
{
    std::string out;
    double total = 0;
    for (const auto& [name, s] : after) {
        const auto it = before.find(name);
        const double used = s - (it == before.end() ? 0.0 : it->second);
        total += used;
        if (used / seconds < 0.01) continue;
        out += " " + name + "=" + std::to_string(static_cast<int>(100 * used / seconds)) + "%";
    }
    return "total=" + std::to_string(static_cast<int>(100 * total / seconds)) + "%" + out;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

protocol::Tap nextTap(SimReader& r, int& person)
{
    person = (person + 7) % kPeople;
    auto t = test::makeTap(r.id, ++r.seq, uidOf(person));
    return t;
}

/// Sends `total` taps across readers keeping `window` in flight per reader; returns acked taps/s.
/// Taps are encoded before the clock starts so the load generator spends its
/// share of the two cores on sockets only.
double maxRate(std::vector<SimReader>& readers, int total, int window)
{
    int person = 0;
    int sent = 0, acked = 0;
    std::vector<std::vector<std::string>> frames(readers.size());
    for (int k = 0; k < total; ++k) {
        const auto i = static_cast<std::size_t>(k) % readers.size();
        frames[i].push_back(protocol::encode(nextTap(readers[i], person)));
    }
    std::vector<std::size_t> next(readers.size(), 0);
    std::vector<int> inFlight(readers.size(), 0);
    const auto start = Steady::now();
    std::vector<zmq::pollitem_t> items;
    for (auto& r : readers) items.push_back({r.socket->handle(), 0, ZMQ_POLLIN, 0});
    while (acked < total) {
        for (std::size_t i = 0; i < readers.size() && sent < total; ++i) {
            while (inFlight[i] < window && next[i] < frames[i].size()) {
                readers[i].socket->send(zmq::buffer(frames[i][next[i]++]), zmq::send_flags::none);
                ++inFlight[i];
                ++sent;
            }
        }
        if (zmq::poll(items, std::chrono::milliseconds(5000)) == 0) throw std::runtime_error("no acks for 5 s");
        for (std::size_t i = 0; i < readers.size(); ++i) {
            zmq::message_t msg;
            while (readers[i].socket->recv(msg, zmq::recv_flags::dontwait)) {
                --inFlight[i];
                ++acked;
            }
        }
    }
    return acked / std::chrono::duration<double>(Steady::now() - start).count();
}

/// Sends at a fixed rate for `seconds`; returns ack latencies in ms.
std::vector<double> fixedRate(std::vector<SimReader>& readers, int perSecond, int seconds)
{
    int person = 1;
    std::map<std::pair<std::size_t, std::uint64_t>, Steady::time_point> sentAt;
    std::vector<double> latencies;
    const auto start = Steady::now();
    const auto interval = std::chrono::nanoseconds(1'000'000'000 / perSecond);
    const int total = perSecond * seconds;
    int sent = 0;
    std::vector<zmq::pollitem_t> items;
    for (auto& r : readers) items.push_back({r.socket->handle(), 0, ZMQ_POLLIN, 0});
    while (static_cast<int>(latencies.size()) < total) {
        const auto due = start + interval * sent;
        if (sent < total && Steady::now() >= due) {
            const std::size_t i = static_cast<std::size_t>(sent) % readers.size();
            const auto tap = nextTap(readers[i], person);
            sentAt[{i, tap.seq}] = Steady::now();
            readers[i].socket->send(zmq::buffer(protocol::encode(tap)), zmq::send_flags::none);
            ++sent;
            continue;
        }
        // Rounded up: zmq::poll counts whole milliseconds, and a timeout truncated
        // to 0 would spin this thread on a core the hub needs (an ack still wakes it at once).
        const auto wait = sent < total ? std::chrono::ceil<std::chrono::milliseconds>(due - Steady::now())
                                       : std::chrono::milliseconds(2000);
        if (zmq::poll(items, std::max(wait, std::chrono::milliseconds(0))) == 0 && sent >= total) {
            throw std::runtime_error("acks missing at fixed rate");
        }
        for (std::size_t i = 0; i < readers.size(); ++i) {
            zmq::message_t msg;
            while (readers[i].socket->recv(msg, zmq::recv_flags::dontwait)) {
                const auto decoded = protocol::decode<protocol::HubToAgent>(msg.to_string_view());
                if (!decoded) continue;
                if (const auto* ack = std::get_if<protocol::Ack>(&decoded.value())) {
                    const auto it = sentAt.find({i, ack->seq});
                    if (it == sentAt.end()) continue;
                    latencies.push_back(std::chrono::duration<double, std::milli>(Steady::now() - it->second).count());
                    sentAt.erase(it);
                }
            }
        }
    }
    return latencies;
}

/// The latency floor any durable ack has on this disk: a 4 KiB write and
/// fdatasync() at the same pace, in the record's directory. Measured in the
/// same phase as the hub's ack latency, so a slow or loaded disk shows as such.
std::vector<double> fsyncFloor(const std::filesystem::path& dir, int perSecond, int seconds)
{
    const auto path = dir / "fsync-floor";
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0) throw std::runtime_error("cannot create " + path.string());
    const std::string page(4096, 'x');
    std::vector<double> latencies;
    const auto interval = std::chrono::nanoseconds(1'000'000'000 / perSecond);
    const auto start = Steady::now();
    for (int i = 0; i < perSecond * seconds; ++i) {
        std::this_thread::sleep_until(start + interval * i);
        const auto t = Steady::now();
        if (::pwrite(fd, page.data(), page.size(), static_cast<off_t>(i % 256) * 4096) < 0 || ::fdatasync(fd) != 0) {
            ::close(fd);
            throw std::runtime_error("write/fdatasync failed on " + path.string());
        }
        latencies.push_back(std::chrono::duration<double, std::milli>(Steady::now() - t).count());
    }
    ::close(fd);
    std::filesystem::remove(path);
    return latencies;
}

/// Keeps every core busy while it lives (a report run, another engineer's
/// build): threads of the benchmark's own process, so in its scheduling group.
class BackgroundLoad {
public:
    BackgroundLoad()
    {
        for (unsigned k = 0; k < std::max(2u, std::thread::hardware_concurrency()); ++k) {
            threads_.emplace_back([this] {
                ::pthread_setname_np(::pthread_self(), "bench-load"); // apart from the client in the figures
                volatile std::uint64_t x = 1;
                while (!stop_.load(std::memory_order_relaxed)) {
                    for (int i = 0; i < 100000; ++i) x = x * 6364136223846793005ULL + 1442695040888963407ULL;
                }
            });
        }
    }
    ~BackgroundLoad()
    {
        stop_ = true;
        for (auto& t : threads_) t.join();
    }
    BackgroundLoad(const BackgroundLoad&) = delete;
    BackgroundLoad& operator=(const BackgroundLoad&) = delete;

private:
    std::atomic<bool> stop_{false};
    std::vector<std::thread> threads_;
};

struct LoadedFigures {
    double ackP99 = 0;
    double fsyncP99 = 0;
};

/// The fixed rate while the benchmark keeps every core busy: the ack tail the
/// hub shows on a loaded machine, and the disk's fdatasync floor under the same load.
LoadedFigures loadedPhase(std::vector<SimReader>& readers, const std::filesystem::path& dir, int rateSeconds,
                          const std::string& which, pid_t hubPid)
{
    std::vector<double> acks, floor;
    std::string waited;
    {
        const BackgroundLoad load;
        const auto hubBefore = runDelayByThread(hubPid), clientBefore = runDelayByThread(::getpid());
        acks = fixedRate(readers, 1000, rateSeconds);
        waited = "  run delay (ms waiting for a CPU) over the phase: hub:" + deltas(hubBefore, runDelayByThread(hubPid))
                 + "; client:" + deltas(clientBefore, runDelayByThread(::getpid()));
        floor = fsyncFloor(dir, 1000, 2);
    }
    LoadedFigures f{percentile(acks, 0.99), percentile(floor, 0.99)};
    std::printf("ack latency at 1000 taps/s over %d s with both cores busy%s: p50=%.3f ms p99=%.3f ms max=%.3f ms\n",
                rateSeconds, which.c_str(), percentile(acks, 0.50), f.ackP99, percentile(acks, 1.0));
    std::cout << waited << std::endl;
    std::printf("fdatasync floor with both cores busy%s: p50=%.3f ms p99=%.3f ms\n", which.c_str(),
                percentile(floor, 0.5), f.fsyncP99);
    return f;
}

/// The round-trip floor's peer: a ROUTER with the hub's key that answers each
/// tap at once with an ack of its seq (no record, no writer, no other thread
/// of ours). Runs as `hub_ingest_bench --echo-peer HUB.key_secret`, a process
/// of its own like the hub; prints its endpoint and runs until killed.
int runEchoPeer(const std::string& serverKeyFile)
{
    zmq::context_t ctx;
    zmq::socket_t router(ctx, zmq::socket_type::router);
    router.set(zmq::sockopt::linger, 0);
    // A ZAP domain with no ZAP handler in this process: every client is let in.
    protocol::makeCurveServer(router, protocol::readCurveSecretCertificate(serverKeyFile), "echo");
    router.bind("tcp://127.0.0.1:*");
    std::cerr << "echo-peer: listening taps=" << router.get(zmq::sockopt::last_endpoint) << std::endl;
    while (true) {
        zmq::message_t peer, body;
        if (!router.recv(peer) || !router.recv(body)) continue;
        const auto decoded = protocol::decode<protocol::AgentToHub>(body.to_string_view());
        const auto* tap = decoded ? std::get_if<protocol::Tap>(&decoded.value()) : nullptr;
        if (!tap) continue;
        protocol::Ack ack;
        ack.reader_id = tap->reader_id;
        ack.seq = tap->seq;
        ack.hub_clock_ms = test::nowMs();
        router.send(peer, zmq::send_flags::sndmore);
        router.send(zmq::buffer(protocol::encode(protocol::HubMessage{std::move(ack)})), zmq::send_flags::none);
    }
}

/// The same rows the hub writes, inserted with prepared statements in
/// transactions of `batch` rows, with the hub's durability settings, into a
/// record that grows from run to run as the hub's does.
class RawBaseline {
public:
    RawBaseline(const std::string& path, int readers)
        : seqs_(static_cast<std::size_t>(readers), 0), db_((seed(path, readers), path))
    {
        core::migrate(db_); // as the hub's connection: registers the hash chain's functions its triggers call
    }
    /// Inserts `total` rows; returns rows/s.
    double run(int total, int batch)
    {
        auto ins =
            db_.prepare("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms, "
                        "agent_at_ms, clock_offset_ms, verdict) VALUES (?,?,?,?,NULL,?,'reader',?,?,0,'present')");
        const auto readers = seqs_.size();
        const auto start = Steady::now();
        for (int done = 0; done < total;) {
            common::Transaction tx(db_);
            for (int k = 0; k < batch && done < total; ++k, ++done) {
                const auto r = static_cast<std::size_t>(done) % readers;
                person_ = (person_ + 7) % kPeople;
                const auto now = test::nowMs();
                ins.bind(1, "r" + std::to_string(r))
                    .bind(2, static_cast<std::int64_t>(++seqs_[r]))
                    .bind(3, uidOf(person_))
                    .bind(4, now)
                    .bind(5, kVenue)
                    .bind(6, now)
                    .bind(7, now);
                ins.run();
            }
            tx.commit();
        }
        return total / std::chrono::duration<double>(Steady::now() - start).count();
    }

private:
    std::vector<std::uint64_t> seqs_;
    int person_ = 0;
    common::Database db_;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const auto n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

int main(int argc, char** argv)
{
    int readerCount = 8, total = 60000, rateSeconds = 5, window = 64, pairs = 5;
    std::string hubConfig; // a TOML file for the hub (A/B runs of its [ingest] settings)
    // The nice value of the second hub's scheduling group (/proc/PID/autogroup):
    // a weight above the default's models a CPUWeight= above 100 for its service.
    std::optional<int> ownGroupNice;
    std::string hubBinary = std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub"; // or another build's, for A/B runs
    if (argc == 3 && std::string(argv[1]) == "--echo-peer") return runEchoPeer(argv[2]);
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        if (a == "--readers")
            readerCount = std::stoi(argv[i + 1]);
        else if (a == "--taps")
            total = std::stoi(argv[i + 1]);
        else if (a == "--rate-seconds")
            rateSeconds = std::stoi(argv[i + 1]);
        else if (a == "--pairs")
            pairs = std::max(1, std::stoi(argv[i + 1]));
        else if (a == "--window")
            window = std::stoi(argv[i + 1]);
        else if (a == "--hub-config")
            hubConfig = argv[i + 1];
        else if (a == "--hub-binary")
            hubBinary = argv[i + 1];
        else if (a == "--own-group-nice")
            ownGroupNice = std::stoi(argv[i + 1]);
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    const auto dir = std::filesystem::temp_directory_path() / ("rollcall-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    RawBaseline raw((dir / "raw.db").string(), readerCount);
    const auto hubDb = (dir / "hub.db").string();
    seed(hubDb, readerCount);

    // With keys, as deployed: CURVE's cost is part of the figure.
    std::filesystem::create_directories(dir / "allowed");
    const auto hubKey = protocol::generateCurveCertificate({{"name", "hub"}, {"role", "hub"}});
    protocol::writeCurveCertificate(hubKey, dir.string(), "hub");
    std::vector<protocol::CurveCertificate> readerKeys;
    for (int i = 0; i < readerCount; ++i) {
        const auto id = "r" + std::to_string(i);
        readerKeys.push_back(protocol::generateCurveCertificate({{"name", id}, {"role", "reader"}, {"reader", id}}));
        protocol::writeCurveCertificate(readerKeys.back(), (dir / "allowed").string(), id);
    }
    std::vector<std::string> hubArgs{hubBinary,
                                     "--db",
                                     hubDb,
                                     "--taps",
                                     "tcp://127.0.0.1:*",
                                     "--live",
                                     "tcp://127.0.0.1:*",
                                     "--query",
                                     "tcp://127.0.0.1:*",
                                     "--log-level",
                                     "info",
                                     "--server-key",
                                     (dir / "hub.key_secret").string(),
                                     "--keys-dir",
                                     (dir / "allowed").string()};
    if (!hubConfig.empty()) {
        hubArgs.emplace_back("--config");
        hubArgs.push_back(hubConfig);
    }
    zmq::context_t ctx;
    std::vector<SimReader> readers;
    for (int i = 0; i < readerCount; ++i) readers.push_back({nullptr, "r" + std::to_string(i), 0});
    // Starts the hub and connects the readers to it (again: their seqs go on).
    // The first hub is the benchmark's child in its session, as the benchmark
    // always ran it; the second runs in a session of its own (setsid), so with
    // sched_autogroup its threads are weighed as one group against the
    // benchmark's background load, as a hub in its own systemd service is.
    auto startPeer = [&](std::vector<std::string> args, bool ownSession) -> std::unique_ptr<test::ChildProcess> {
        if (ownSession) args.insert(args.begin(), "/usr/bin/setsid"); // execs the peer itself: the same pid
        auto hub = std::make_unique<test::ChildProcess>(args);
        const auto line = hub->waitForLine(": listening taps=", std::chrono::seconds(60));
        if (!line) {
            std::cerr << hub->output();
            return nullptr;
        }
        std::smatch m;
        std::regex_search(*line, m, std::regex("taps=(\\S+)"));
        for (std::size_t i = 0; i < readers.size(); ++i) {
            auto& r = readers[i];
            r.socket = std::make_unique<zmq::socket_t>(ctx, zmq::socket_type::dealer);
            r.socket->set(zmq::sockopt::linger, 0);
            protocol::makeCurveClient(*r.socket, readerKeys[i], hubKey.publicKey);
            r.socket->connect(m[1].str());
        }
        return hub;
    };
    auto startHub = [&](bool ownSession) { return startPeer(hubArgs, ownSession); };
    auto stopHub = [](test::ChildProcess& hub) {
        hub.kill(SIGTERM);
        hub.wait();
        if (auto stats = hub.waitForLine("taps recorded=")) {
            std::cout << "hub: " << stats->substr(stats->find("taps recorded=")) << "\n";
        }
    };
    auto hub = startHub(false);
    if (!hub) return 1;

    std::cout << "hub ingest benchmark: " << readerCount << " readers, " << total << " taps, window " << window
              << " per reader, " << kPeople << "-person meeting\n";
    (void)maxRate(readers, 2000, window); // warm up: connections, caches, WAL
    // The max rate against the baseline in alternating pairs (raw, then the
    // hub), and the median of the pairs' ratios: a phase lasts about a second,
    // and on a shared machine one second can be a third slower than the next.
    std::vector<double> ratios, hubRates, rawRates;
    // Counted over the hub's phases only: the raw loop runs on the client's main thread in between.
    std::map<std::string, double> hubCpu, clientCpu, hubWaited, clientWaited;
    MachineCpu machine;
    double maxSeconds = 0;
    for (int k = 1; k <= pairs; ++k) {
        rawRates.push_back(raw.run(total, 256));
        const auto hubCpuBefore = cpuByThread(hub->pid()), clientCpuBefore = cpuByThread(::getpid());
        const auto hubWaitedBefore = runDelayByThread(hub->pid()), clientWaitedBefore = runDelayByThread(::getpid());
        const auto machineBefore = machineCpu();
        const auto maxStart = Steady::now();
        hubRates.push_back(maxRate(readers, total, window));
        maxSeconds += std::chrono::duration<double>(Steady::now() - maxStart).count();
        const auto machineAfter = machineCpu();
        machine.busy += machineAfter.busy - machineBefore.busy;
        machine.all += machineAfter.all - machineBefore.all;
        addGrowth(hubCpu, hubCpuBefore, cpuByThread(hub->pid()));
        addGrowth(clientCpu, clientCpuBefore, cpuByThread(::getpid()));
        addGrowth(hubWaited, hubWaitedBefore, runDelayByThread(hub->pid()));
        addGrowth(clientWaited, clientWaitedBefore, runDelayByThread(::getpid()));
        ratios.push_back(hubRates.back() / rawRates.back());
        std::printf("pair %d: raw %ld rows/s, hub %ld taps/s, ratio %.2f\n", k, static_cast<long>(rawRates.back()),
                    static_cast<long>(hubRates.back()), ratios.back());
    }
    const double hubRate = median(hubRates), rawRate = median(rawRates), ingestRatio = median(ratios);
    std::cout << "hub durable ingest: " << static_cast<long>(hubRate)
              << " taps/s (acknowledged after commit; median of " << pairs << ")\n";
    std::cout << "  cpu of the hub: " << cpuShares({}, hubCpu, maxSeconds) << "\n";
    std::cout << "  cpu of the benchmark's client: " << cpuShares({}, clientCpu, maxSeconds) << "\n";
    std::printf("  the machine's cores busy during the hub's phases: %.0f %%\n",
                machine.all > 0 ? 100 * machine.busy / machine.all : 0.0);
    std::cout << "  run delay (ms waiting for a CPU) over the hub's phases: hub:" << deltas({}, hubWaited)
              << "; client:" << deltas({}, clientWaited) << "\n";
    std::cout << "raw SQLite batched insert (256 rows/transaction, synchronous=FULL): " << static_cast<long>(rawRate)
              << " rows/s (median of " << pairs << ")\n";
    const auto latencies = fixedRate(readers, 1000, rateSeconds);
    const double p50 = percentile(latencies, 0.50), p99 = percentile(latencies, 0.99);
    std::printf("ack latency at 1000 taps/s over %d s: p50=%.3f ms p99=%.3f ms max=%.3f ms\n", rateSeconds, p50, p99,
                percentile(latencies, 1.0));
    const auto floorQuiet = fsyncFloor(dir, 1000, 2);
    std::printf("fdatasync floor (4 KiB at 1000/s, same disk): p50=%.3f ms p99=%.3f ms\n", percentile(floorQuiet, 0.5),
                percentile(floorQuiet, 0.99));
    // The same fixed rate while the benchmark keeps both cores busy (a report
    // run, another engineer's build): the ack tail the hub shows on a loaded machine.
    const auto loaded = loadedPhase(readers, dir, rateSeconds, "", hub->pid());
    stopHub(*hub);
    hub = startHub(true);
    if (!hub) return 1;
    if (ownGroupNice) {
        std::ofstream group("/proc/" + std::to_string(hub->pid()) + "/autogroup");
        group << *ownGroupNice << "\n";
        if (!group.flush()) std::cerr << "cannot set the hub's autogroup nice to " << *ownGroupNice << "\n";
        std::cout << "the hub's own scheduling group runs at nice " << *ownGroupNice << "\n";
    }
    (void)fixedRate(readers, 1000, 1); // warm up: connections, the record's pages
    const auto loadedOwnGroup = loadedPhase(readers, dir, rateSeconds, " (the hub in its own session)", hub->pid());
    stopHub(*hub);
    hub.reset();

    // The floor under any ack over this transport: the same round trip (the
    // same client, CURVE over TCP loopback, the same pace) to a peer that
    // answers at once, quiet and under the same load, as the benchmark's
    // child and in a session of its own. What the hub adds is the difference.
    std::vector<double> roundtripFloor; // quiet, loaded, loaded in its own session
    for (const bool ownSession : {false, true}) {
        auto echo = startPeer({std::filesystem::read_symlink("/proc/self/exe").string(), "--echo-peer",
                               (dir / "hub.key_secret").string()},
                              ownSession);
        if (!echo) return 1;
        (void)fixedRate(readers, 1000, 1); // warm up: connections
        const char* which = ownSession ? " (the peer in its own session)" : "";
        if (!ownSession) {
            const auto quiet = fixedRate(readers, 1000, rateSeconds);
            roundtripFloor.push_back(percentile(quiet, 0.99));
            std::printf("round-trip floor (an echo peer) at 1000 msgs/s over %d s: p50=%.3f ms p99=%.3f ms max=%.3f "
                        "ms\n",
                        rateSeconds, percentile(quiet, 0.5), roundtripFloor.back(), percentile(quiet, 1.0));
        }
        std::vector<double> loadedTrips;
        std::string waited;
        {
            const BackgroundLoad load;
            const auto peerBefore = runDelayByThread(echo->pid()), clientBefore = runDelayByThread(::getpid());
            loadedTrips = fixedRate(readers, 1000, rateSeconds);
            waited = "  run delay (ms waiting for a CPU) over the phase: echo peer:"
                     + deltas(peerBefore, runDelayByThread(echo->pid()))
                     + "; client:" + deltas(clientBefore, runDelayByThread(::getpid()));
        }
        roundtripFloor.push_back(percentile(loadedTrips, 0.99));
        std::printf("round-trip floor (an echo peer) with both cores busy%s: p50=%.3f ms p99=%.3f ms max=%.3f ms\n",
                    which, percentile(loadedTrips, 0.5), roundtripFloor.back(), percentile(loadedTrips, 1.0));
        std::cout << waited << std::endl;
    }

    std::filesystem::remove_all(dir);
    std::printf("ingest_ratio=%.2f p99_ack_ms=%.3f p99_ack_loaded_ms=%.3f p99_ack_loaded_own_group_ms=%.3f "
                "fsync_p99_ms=%.3f fsync_p99_loaded_ms=%.3f fsync_p99_loaded_own_group_ms=%.3f "
                "roundtrip_floor_p99_ms=%.3f roundtrip_floor_p99_loaded_ms=%.3f "
                "roundtrip_floor_p99_loaded_own_group_ms=%.3f\n",
                ingestRatio, p99, loaded.ackP99, loadedOwnGroup.ackP99, percentile(floorQuiet, 0.99), loaded.fsyncP99,
                loadedOwnGroup.fsyncP99, roundtripFloor[0], roundtripFloor[1], roundtripFloor[2]);
    return 0;
}
