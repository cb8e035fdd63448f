#pragma once
// The real rollcall-hub binary on tcp://127.0.0.1:* with the endpoints read
// back from its "listening" line.
#include "tests/support/child_process.h"

#include <algorithm>
#include <memory>
#include <regex>

namespace rollcall::test {

struct HubEndpoints {
    std::string taps, live, query;
};

class HubProcess {
public:
    /// Starts the hub on `db` (extra arguments appended) and waits until it listens.
    /// Without "--server-key" (TestKeys::hubArgs()) in `extra` it runs --insecure.
    /// Endpoints default to fresh ports; pass fixed ones to restart on the same ports.
    /// `env` adds "K=V" entries to the hub's environment (e.g. ROLLCALL_FAULT_FILE).
    explicit HubProcess(const std::string& db, std::vector<std::string> extra = {}, std::optional<HubEndpoints> at = {},
                        std::vector<std::string> env = {})
    {
        std::vector<std::string> argv{std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub",
                                      "--db",
                                      db,
                                      "--taps",
                                      at ? at->taps : "tcp://127.0.0.1:*",
                                      "--live",
                                      at ? at->live : "tcp://127.0.0.1:*",
                                      "--query",
                                      at ? at->query : "tcp://127.0.0.1:*"};
        // Plain text only when asked: a test that gives no keys runs the hub --insecure.
        const auto has = [&](const char* flag) { return std::find(extra.begin(), extra.end(), flag) != extra.end(); };
        if (!has("--server-key") && !has("--insecure")) argv.push_back("--insecure");
        argv.insert(argv.end(), extra.begin(), extra.end());
        process_ = std::make_unique<ChildProcess>(argv, std::move(env));
        const auto line = process_->waitForLine("rollcall-hub: listening", std::chrono::seconds(20));
        if (!line) throw std::runtime_error("rollcall-hub did not start:\n" + process_->output());
        std::smatch m;
        static const std::regex re("taps=(\\S+) live=(\\S+) query=(\\S+)");
        if (!std::regex_search(*line, m, re)) throw std::runtime_error("unexpected line: " + *line);
        endpoints_ = {m[1], m[2], m[3]};
    }

    [[nodiscard]] const HubEndpoints& endpoints() const noexcept { return endpoints_; }
    [[nodiscard]] ChildProcess& process() noexcept { return *process_; }

private:
    std::unique_ptr<ChildProcess> process_;
    HubEndpoints endpoints_;
};

} // namespace rollcall::test
