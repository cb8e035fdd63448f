// [scheduling] realtime_priority (issue 10, the ack tail under load): the real
// hub runs its socket thread and ZeroMQ's I/O thread at SCHED_FIFO when it may,
// and every other thread (the writer above all) at the normal policy; a hub
// that may not says so in its log and records taps at the normal policy.
#include "hub/service/realtime_threads.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <map>
#include <sched.h>
#include <sstream>

using namespace rollcall;
using namespace rollcall::test;

namespace {

constexpr int kPriority = 3;

/// A thread's scheduling policy, from /proc/PID/task/TID/stat (field 41).
int policyOf(const std::filesystem::path& task)
{
    std::ifstream file(task / "stat");
    const std::string stat((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    std::istringstream rest(stat.substr(stat.rfind(')') + 2)); // field 3 on
    std::string field;
    for (int i = 3; i <= 41 && rest >> field; ++i) {
        if (i == 41) return std::stoi(field);
    }
    throw std::runtime_error("no policy in " + (task / "stat").string());
}

/// Each thread's policy by name ("main" for the main thread: threads the hub
/// leaves unnamed carry its name too), from /proc/PID/task.
std::map<std::string, int> policiesByThread(pid_t pid)
{
    std::map<std::string, int> out;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
        std::ifstream comm(task.path() / "comm");
        std::string name;
        std::getline(comm, name);
        if (task.path().filename() == std::to_string(pid)) name = "main";
        out[name] = policyOf(task.path());
    }
    return out;
}

class HubRealtime : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(db_);
        config_ = dir_.write("hub.toml", "[scheduling]\nrealtime_priority = " + std::to_string(kPriority) + "\n");
    }

    /// One tap through the hub: its threads, at whatever policy, still answer.
    void expectATapIsAcknowledged(const HubEndpoints& at)
    {
        AgentClient agent(ctx_, at.taps);
        const auto ack = agent.tap(makeTap("r-hall", 1, "04A1B2C1"));
        EXPECT_EQ(ack.seq, 1u);
    }

    TempDir dir_;
    std::string db_ = dir_.file("rollcall.db");
    std::string config_;
    zmq::context_t ctx_;
};

TEST_F(HubRealtime, socketAndIoThreadsRunRealTimeAndTheWriterDoesNot)
{
    if (!service::mayRunRealtime(kPriority)) GTEST_SKIP() << "this test may not run real-time threads";
    HubProcess hub(db_, {"--config", config_});
    ASSERT_TRUE(hub.process().waitForLine("real-time: the socket thread")) << hub.process().output();
    expectATapIsAcknowledged(hub.endpoints());

    const auto policies = policiesByThread(hub.process().pid());
    EXPECT_EQ(policies.at("main"), SCHED_FIFO) << "the socket thread";
    EXPECT_EQ(policies.at("ZMQbg/IO/0"), SCHED_FIFO);
    for (const char* normal : {"hub-writer", "hub-publisher", "hub-zap"}) {
        EXPECT_EQ(policies.at(normal), SCHED_OTHER) << normal;
    }
}

TEST_F(HubRealtime, aHubThatMayNotSaysSoAndRunsAtTheNormalPolicy)
{
    // No RLIMIT_RTPRIO, and for root no CAP_SYS_NICE either: as a unit without LimitRTPRIO= runs it.
    std::vector<std::string> argv{"/usr/bin/prlimit", "--rtprio=0", "--"};
    if (::geteuid() == 0) argv.insert(argv.end(), {"/usr/bin/setpriv", "--bounding-set", "-sys_nice", "--"});
    argv.insert(argv.end(),
                {std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub", "--config", config_, "--db", db_, "--taps",
                 "tcp://127.0.0.1:*", "--live", "tcp://127.0.0.1:*", "--query", "tcp://127.0.0.1:*", "--insecure"});
    ChildProcess hub(argv);
    const auto line = hub.waitForLine("rollcall-hub: listening", std::chrono::seconds(20));
    ASSERT_TRUE(line) << hub.output();
    const auto warning = hub.waitForLine("realtime_priority = 3: this process may not run real-time threads");
    ASSERT_TRUE(warning) << hub.output();
    EXPECT_NE(warning->find("LimitRTPRIO="), std::string::npos) << "it says what would grant it: " << *warning;
    const auto taps =
        line->substr(line->find("taps=") + 5, line->find(' ', line->find("taps=")) - line->find("taps=") - 5);
    expectATapIsAcknowledged({taps, "", ""});

    for (const auto& [name, policy] : policiesByThread(hub.pid())) EXPECT_EQ(policy, SCHED_OTHER) << name;
}

} // namespace
