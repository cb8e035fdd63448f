#pragma once
// FaultRig: the whole chain the fault suite breaks on purpose — emulated
// PN532 readers (hardware/emulator, on ptys) → the real libnfc pn532_uart
// driver in real rollcall-agent processes → ZeroMQ over TCP (optionally
// through a TcpProxy) → the real rollcall-hub → a real SQLite record.
//
// Each tap is a fresh badge of an invited person. finish() waits until the
// record holds every tap made, then compares made vs recorded, lost and
// duplicated, and every verdict and every invited person's status with a real
// fault-free run of the same taps: a second hub on a copy of the record as
// seeded, fed the taps made (each at the time it was presented) by a plain
// agent client, and asked for its snapshot beside the faulted hub's. It prints
// one line per scenario:
//   scenario <name> taps_made=<n> taps_recorded=<n> lost=<n> duplicated=<n>
#include "hardware/emulator/pn532_emulator.h"
#include "tests/fault/tcp_proxy.h"
#include "tests/support/agent_process.h"
#include "tests/support/eventually.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <regex>
#include <set>

namespace rollcall::test {

struct FaultTotals {
    std::int64_t made = 0, recorded = 0, lost = 0, duplicated = 0;
    static FaultTotals& get()
    {
        static FaultTotals t;
        return t;
    }
};

struct RigOptions {
    int readers = 2;
    /// Meeting m-fault at hall: start and end from now, late grace.
    std::chrono::seconds startIn = std::chrono::minutes(30);
    std::chrono::seconds endIn = std::chrono::minutes(150);
    std::chrono::seconds lateGrace = std::chrono::minutes(5);
    bool proxy = false;
    /// Extra environment per agent index (e.g. a clock skew).
    std::map<int, std::vector<std::string>> agentEnv;
    bool startHub = true;
    /// A compressed day: `meetings` meetings at hall, m-fault first, then
    /// m-fault-2, m-fault-3, … each `meetingEvery` later than the one before.
    int meetings = 1;
    std::chrono::seconds meetingEvery{0};
    /// Check-in opens this long before S (every meeting).
    std::chrono::seconds openingBefore = std::chrono::minutes(60);
};

class FaultRig {
public:
    /// Invited people, one fresh badge per tap: 3,000, or ROLLCALL_FAULT_PERSONS for a long soak.
    static int persons()
    {
        const char* v = std::getenv("ROLLCALL_FAULT_PERSONS");
        return v && *v ? std::max(3000, std::atoi(v)) : 3000;
    }

    explicit FaultRig(RigOptions options) : options_(std::move(options))
    {
        seed();
        {
            // The record as seeded, before any hub ran: the fault-free baseline starts from it.
            common::Database seeded(db_);
            seeded.exec("VACUUM INTO '" + seededCopy_ + "'");
        }
        (void)dir_.write("fault", "ok");
        config_ = writeAgentConfig(dir_);
        // Ports are picked by a first hub run and kept, so restarts reuse them.
        {
            HubProcess first(db_);
            endpoints_ = first.endpoints();
            first.process().kill(SIGTERM);
            (void)first.process().wait();
        }
        if (options_.proxy) proxy_ = std::make_unique<TcpProxy>(portOf(endpoints_.taps));
        if (options_.startHub) startHub();
        for (int i = 0; i < options_.readers; ++i) {
            emulators_.push_back(std::make_unique<emulator::Pn532Emulator>(emulatorOptions(i)));
            emulators_.back()->start();
            agents_.emplace_back();
            startAgent(i);
        }
        for (int i = 0; i < options_.readers; ++i) waitReaderOk(i);
    }

    // --- the parts ---------------------------------------------------------
    void startHub()
    {
        hub_.emplace(db_, std::vector<std::string>{}, endpoints_,
                     std::vector<std::string>{"ROLLCALL_FAULT_FILE=" + dir_.file("fault")});
    }
    void killHub(int sig = SIGKILL)
    {
        if (!hub_) return;
        hub_->process().kill(sig);
        (void)hub_->process().wait();
        hub_.reset();
    }
    [[nodiscard]] bool hubRunning() { return hub_ && hub_->process().running(); }
    HubProcess& hub() { return *hub_; }
    void startAgent(int i)
    {
        std::vector<std::string> env;
        if (auto it = options_.agentEnv.find(i); it != options_.agentEnv.end()) env = it->second;
        const auto hub = proxy_ ? proxy_->endpoint() : endpoints_.taps;
        agents_[static_cast<std::size_t>(i)] = std::make_unique<AgentProcess>(
            config_, reader(i), hub, readerId(i), dir_.file("outbox-" + std::to_string(i) + ".db"),
            std::vector<std::string>{}, env);
    }
    void killAgent(int i)
    {
        auto& a = agents_[static_cast<std::size_t>(i)];
        if (!a) return;
        a->process().kill(SIGKILL);
        (void)a->process().wait();
        noteStored(i); // what it logged before dying still counts as made
        a.reset();
    }
    AgentProcess& agent(int i) { return *agents_[static_cast<std::size_t>(i)]; }
    void waitReaderOk(int i)
    {
        ASSERT_TRUE(agent(i).process().waitForLine("reader state ok", std::chrono::seconds(20)))
            << agent(i).process().output();
    }
    /// Reader i unplugged: its device node goes, then the chip.
    void unplug(int i)
    {
        std::filesystem::remove(emulatorOptions(i).linkPath);
        emulators_[static_cast<std::size_t>(i)]->stop();
        emulators_[static_cast<std::size_t>(i)].reset();
    }
    void plug(int i)
    {
        emulators_[static_cast<std::size_t>(i)] = std::make_unique<emulator::Pn532Emulator>(emulatorOptions(i));
        emulators_[static_cast<std::size_t>(i)]->start();
    }
    void setFault(const std::string& word) { (void)dir_.write("fault", word); }
    TcpProxy& proxy() { return *proxy_; }
    const TempDir& dir() const { return dir_; }
    const std::string& db() const { return db_; }
    const HubEndpoints& endpoints() const { return endpoints_; }
    static std::string readerId(int i)
    {
        char b[16];
        std::snprintf(b, sizeof b, "f-r%02d", i);
        return b;
    }

    // --- taps ----------------------------------------------------------------
    /// Presents a fresh badge at reader i (does not wait); returns its uid.
    std::string present(int i, std::chrono::milliseconds hold = std::chrono::milliseconds(200))
    {
        const int person = nextPerson_++;
        const auto uid = uidOf(person);
        presented_.push_back({readerId(i), uid});
        presentedAt_[{readerId(i), uid}] = nowMs();
        const std::uint32_t u = 0x0F000000u + static_cast<std::uint32_t>(person);
        emulators_[static_cast<std::size_t>(i)]->tap(
            emulator::Pn532Card({static_cast<std::uint8_t>(u >> 24), static_cast<std::uint8_t>(u >> 16),
                                 static_cast<std::uint8_t>(u >> 8), static_cast<std::uint8_t>(u)}),
            hold);
        return uid;
    }
    /// Presents a badge at reader i and waits until the agent has stored it.
    std::string tap(int i)
    {
        const auto uid = present(i);
        const auto line = agent(i).process().waitForLine("uid=" + uid + " stored", std::chrono::seconds(15));
        EXPECT_TRUE(line) << "reader " << i << " never stored " << uid << "\n" << agent(i).process().output();
        noteStored(i);
        waitCardGone(i);
        return uid;
    }
    void waitCardGone(int i)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (emulators_[static_cast<std::size_t>(i)]->card() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    }
    /// Taps every reader `rounds` times, all readers at once each round.
    void burst(int rounds)
    {
        for (int r = 0; r < rounds; ++r) {
            std::vector<std::string> uids;
            for (int i = 0; i < options_.readers; ++i) uids.push_back(present(i));
            for (int i = 0; i < options_.readers; ++i) {
                EXPECT_TRUE(agent(i).process().waitForLine("uid=" + uids[static_cast<std::size_t>(i)] + " stored",
                                                           std::chrono::seconds(15)))
                    << agent(i).process().output();
                noteStored(i);
            }
            for (int i = 0; i < options_.readers; ++i) waitCardGone(i);
        }
    }
    /// Taps the agents logged as stored (read from their logs).
    void noteStored(int i)
    {
        static const std::regex re("tap seq=\\d+ uid=([0-9A-F]+) stored");
        std::smatch m;
        const auto out = agent(i).process().output();
        for (std::sregex_iterator it(out.begin(), out.end(), re), end; it != end; ++it)
            stored_.insert({readerId(i), (*it)[1]});
    }

    // --- the verdict -----------------------------------------------------------
    struct Outcome {
        std::int64_t made = 0, recorded = 0, lost = 0, duplicated = 0;
    };
    /// Waits until every stored tap is in the record, then compares and prints.
    /// `expected` overrides the fault-free status of a person (default "present").
    Outcome finish(const std::string& scenario, std::map<std::string, std::string> expectedStatus = {},
                   std::chrono::seconds timeout = std::chrono::seconds(60))
    {
        for (int i = 0; i < options_.readers; ++i) {
            if (agents_[static_cast<std::size_t>(i)]) noteStored(i);
        }
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        std::map<std::pair<std::string, std::string>, int> rows;
        std::map<std::pair<std::string, std::string>, std::string> verdicts;
        std::map<std::pair<std::string, std::string>, std::int64_t> recordedAt; // the tap's hub time
        while (true) {
            rows.clear();
            verdicts.clear();
            common::Database d(db_, common::Database::Mode::ReadOnly);
            auto s = d.prepare("SELECT reader_id, badge_uid, verdict, at_ms FROM taps WHERE reader_id LIKE 'f-r%'");
            while (s.step()) {
                const std::pair<std::string, std::string> key{s.getText(0), s.getText(1)};
                ++rows[key];
                verdicts[key] = s.getOptionalText(2).value_or("");
                recordedAt[key] = s.getInt(3);
            }
            bool all = true;
            for (const auto& t : stored_) all = all && rows.count(t);
            if (all || std::chrono::steady_clock::now() >= deadline) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        Outcome o;
        // Made: every tap an agent stored, and any presented tap that reached the
        // record although its agent died before logging it.
        std::set<std::pair<std::string, std::string>> made = stored_;
        for (const auto& p : presented_) {
            if (rows.count(p)) made.insert(p);
        }
        o.made = static_cast<std::int64_t>(made.size());
        for (const auto& [key, n] : rows) {
            o.recorded += n;
            o.duplicated += n - 1;
        }
        for (const auto& t : made) o.lost += rows.count(t) ? 0 : 1;
        std::printf("scenario %-28s taps_made=%lld taps_recorded=%lld lost=%lld duplicated=%lld\n", scenario.c_str(),
                    static_cast<long long>(o.made), static_cast<long long>(o.recorded), static_cast<long long>(o.lost),
                    static_cast<long long>(o.duplicated));
        std::fflush(stdout);
        auto& totals = FaultTotals::get();
        totals.made += o.made;
        totals.recorded += o.recorded;
        totals.lost += o.lost;
        totals.duplicated += o.duplicated;
        EXPECT_EQ(o.lost, 0) << scenario;
        EXPECT_EQ(o.duplicated, 0) << scenario;
        EXPECT_EQ(o.recorded, o.made) << scenario;

        // Statuses and verdicts: what a fault-free run of the same taps gives,
        // person by person. The scenario's own expectations (`expectedStatus`)
        // are checked too, against both runs.
        const auto base = baseline(made);
        zmq::context_t ctx;
        QueryClient query(ctx, hub_ ? hub_->endpoints().query : endpoints_.query);
        std::map<std::string, std::map<std::string, std::string>> statusOf; // meeting -> person -> status
        for (int k = 0; k < options_.meetings; ++k) {
            for (const auto& a : query.snapshot(meetingId(k)).attendees)
                statusOf[meetingId(k)][a.person_id] = std::string(protocol::toString(a.status));
        }
        for (const auto& [meeting, people] : base.status) {
            auto& status = statusOf[meeting];
            EXPECT_EQ(status.size(), people.size()) << scenario << ": the same roster of " << meeting;
            for (const auto& [person, want] : people) {
                EXPECT_EQ(status[person], want)
                    << scenario << ": " << meeting << " " << person << " (fault-free run: " << want << ")";
            }
        }
        for (const auto& [key, want] : base.verdicts) {
            const auto presented = presentedAt_.find(key);
            const std::string when = presented == presentedAt_.end()
                                         ? "never presented"
                                         : "presented at " + std::to_string(presented->second)
                                               + " ms (recorded minus presented: "
                                               + std::to_string(recordedAt[key] - presented->second) + " ms)";
            EXPECT_EQ(verdicts[key], want) << scenario << ": verdict of " << key.first << " " << key.second
                                           << ", recorded at " << recordedAt[key] << " ms (hub time), " << when;
        }
        auto& status = statusOf["m-fault"];
        const auto& baseStatus = base.status.at("m-fault");
        for (const auto& [person, want] : expectedStatus) {
            if (!status.count(person))
                ADD_FAILURE() << scenario << ": " << person << " not in the snapshot";
            else
                EXPECT_EQ(status[person], want) << scenario << ": " << person;
            EXPECT_EQ(baseStatus.count(person) ? baseStatus.at(person) : "", want)
                << scenario << ": " << person << " in the fault-free run";
        }
        // With one meeting open since before the first tap, every fresh badge is on time.
        if (expectedStatus.empty() && options_.meetings == 1) {
            for (const auto& [key, v] : verdicts)
                EXPECT_EQ(v, "present") << scenario << ": " << key.first << " " << key.second;
        }
        return o;
    }

    /// The fault-free run: the statuses and verdicts a hub gives when the
    /// same taps reach it at the times they were made, with nothing broken.
    struct Baseline {
        std::map<std::string, std::map<std::string, std::string>> status;    // meeting -> person -> status
        std::map<std::pair<std::string, std::string>, std::string> verdicts; // (reader, uid) -> verdict
    };
    Baseline baseline(const std::set<std::pair<std::string, std::string>>& made)
    {
        const auto path = dir_.file("baseline-" + std::to_string(++baselines_) + ".db");
        std::filesystem::copy_file(seededCopy_, path);
        HubProcess hub(path);
        zmq::context_t ctx;
        AgentClient agent(ctx, hub.endpoints().taps);
        std::vector<std::pair<std::int64_t, std::pair<std::string, std::string>>> inOrder;
        for (const auto& t : made) {
            const auto at = presentedAt_.find(t);
            inOrder.push_back({at == presentedAt_.end() ? nowMs() : at->second, t});
        }
        std::sort(inOrder.begin(), inOrder.end());
        Baseline b;
        std::map<std::string, std::uint64_t> seq;
        for (const auto& [at, t] : inOrder) {
            const auto ack = agent.tap(makeTap(t.first, ++seq[t.first], t.second, at));
            b.verdicts[t] = std::string(protocol::toString(ack.verdict));
        }
        QueryClient query(ctx, hub.endpoints().query);
        for (int k = 0; k < options_.meetings; ++k) {
            for (const auto& a : query.snapshot(meetingId(k)).attendees)
                b.status[meetingId(k)][a.person_id] = std::string(protocol::toString(a.status));
        }
        return b;
    }

    static std::string uidOf(int person)
    {
        char b[9];
        std::snprintf(b, sizeof b, "%08X", 0x0F000000u + static_cast<unsigned>(person));
        return b;
    }
    static std::string personId(int person) { return "q" + std::to_string(person); }
    static std::string meetingId(int k) { return k == 0 ? "m-fault" : "m-fault-" + std::to_string(k + 1); }
    static std::string personFromUid(const std::string& uid)
    {
        return personId(static_cast<int>(std::stoul(uid, nullptr, 16) - 0x0F000000u));
    }
    int nextPerson() const { return nextPerson_; }
    /// When the meeting's times were set (they count from here).
    std::chrono::steady_clock::time_point seededAt() const { return seededAt_; }

private:
    static int portOf(const std::string& endpoint) { return std::stoi(endpoint.substr(endpoint.rfind(':') + 1)); }
    emulator::Pn532EmulatorOptions emulatorOptions(int i) const
    {
        return {dir_.path() / ("tty" + std::to_string(i)), 0.1};
    }
    std::string reader(int i) const { return "pn532_uart:" + emulatorOptions(i).linkPath.string(); }

    void seed()
    {
        common::Database db(db_);
        core::migrate(db);
        core::Record r(db);
        common::Transaction tx(db);
        const auto now = common::fromMillis(nowMs());
        seededAt_ = std::chrono::steady_clock::now();
        const auto unit = r.ensureUnitPath("州直机关/故障演练");
        for (int p = 0; p < persons(); ++p) {
            r.addPerson({personId(p), "演练" + std::to_string(p), unit, "州直机关/故障演练", std::nullopt});
            r.addBadge(uidOf(p), personId(p), now);
        }
        r.addVenue("hall", "州会议中心");
        for (int i = 0; i < options_.readers; ++i) r.addReader({readerId(i), "hall", core::ReaderDirection::In}, now);
        for (int k = 0; k < options_.meetings; ++k) {
            core::Meeting m;
            m.id = meetingId(k);
            m.title = "故障演练会议" + std::to_string(k + 1);
            m.venues = {"hall"};
            m.times.start = now + options_.startIn + k * options_.meetingEvery;
            m.times.end = now + options_.endIn + k * options_.meetingEvery;
            // One meeting: open since well before now. A day: each opens shortly before its start.
            m.times.opening =
                options_.meetings == 1 ? now - std::chrono::minutes(30) : m.times.start - options_.openingBefore;
            m.times.lateGrace = options_.lateGrace;
            r.addMeeting(m, now);
            r.addInvite(m.id, {std::string("州直机关/故障演练"), std::nullopt});
        }
        tx.commit();
    }

    RigOptions options_;
    TempDir dir_;
    std::string db_ = dir_.file("record.db");
    std::string config_;
    HubEndpoints endpoints_;
    std::unique_ptr<TcpProxy> proxy_;
    std::optional<HubProcess> hub_;
    std::vector<std::unique_ptr<emulator::Pn532Emulator>> emulators_;
    std::vector<std::unique_ptr<AgentProcess>> agents_;
    std::vector<std::pair<std::string, std::string>> presented_;
    std::map<std::pair<std::string, std::string>, std::int64_t> presentedAt_; // hub-clock ms (same machine)
    std::string seededCopy_ = dir_.file("seeded.db");
    int baselines_ = 0;
    std::set<std::pair<std::string, std::string>> stored_;
    int nextPerson_ = 0;
    std::chrono::steady_clock::time_point seededAt_;
};

} // namespace rollcall::test
