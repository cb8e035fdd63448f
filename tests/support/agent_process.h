#pragma once
// The real rollcall-agent as a child process with a fast test configuration
// (short backoffs, heartbeats, ack timeout), for tests/agent and tests/fault.
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <algorithm>
#include <gtest/gtest.h>
#include <memory>
#include <string>
#include <vector>

namespace rollcall::test {

inline std::string agentBinary() { return std::string(ROLLCALL_BINARY_DIR) + "/reader-agent/rollcall-agent"; }
inline std::string emulatorBinary() { return std::string(ROLLCALL_BINARY_DIR) + "/hardware/pn532-emulator"; }

/// Agent settings that make tests quick: short backoffs, heartbeats, ack timeout.
/// `extra` is appended (later keys of a section must not repeat earlier ones).
inline std::string writeAgentConfig(const TempDir& dir, const std::string& indicatorDuration = "300ms")
{
    return dir.write("agent.toml",
                     "[reader]\npoll_period = \"150ms\"\npresence_check = \"50ms\"\ndebounce = \"500ms\"\n"
                     "reopen_backoff_min = \"100ms\"\nreopen_backoff_max = \"400ms\"\n"
                     "[hub]\nack_timeout = \"1s\"\nresend_backoff_min = \"200ms\"\nresend_backoff_max = \"1s\"\n"
                     "heartbeat_interval = \"1s\"\n"
                     "[indicator]\nduration = \""
                         + indicatorDuration + "\"\n");
}

/// The real rollcall-agent; waits until it runs.
class AgentProcess {
public:
    AgentProcess(const std::string& config, const std::string& reader, const std::string& hub,
                 const std::string& readerId, const std::string& outbox, std::vector<std::string> extra = {},
                 std::vector<std::string> env = {})
    {
        std::vector<std::string> argv{agentBinary(), "--config",    config,   "--reader", reader, "--hub",
                                      hub,           "--reader-id", readerId, "--outbox", outbox};
        // Plain text only when asked: without --key (TestKeys) the agent runs --insecure.
        const auto has = [&](const char* flag) { return std::find(extra.begin(), extra.end(), flag) != extra.end(); };
        if (!has("--key") && !has("--insecure")) argv.push_back("--insecure");
        argv.insert(argv.end(), extra.begin(), extra.end());
        process_ = std::make_unique<ChildProcess>(argv, std::move(env));
        if (!process_->waitForLine("rollcall-agent: running", std::chrono::seconds(20))) {
            throw std::runtime_error("rollcall-agent did not start:\n" + process_->output());
        }
    }
    ChildProcess& process() noexcept { return *process_; }
    /// Waits for a line with `needle`; fails the test with the whole log if it never comes.
    std::string expectLine(const std::string& needle, std::chrono::milliseconds timeout = std::chrono::seconds(15))
    {
        auto line = process_->waitForLine(needle, timeout);
        if (!line) {
            ADD_FAILURE() << "no line with \"" << needle << "\" from rollcall-agent:\n" << process_->output();
            return {};
        }
        return *line;
    }

private:
    std::unique_ptr<ChildProcess> process_;
};

} // namespace rollcall::test
