#pragma once
// Helpers for the reader agent's tests: the real rollcall-agent and
// pn532-emulator binaries as child processes, a fast test configuration, a
// log capture for in-process agents, and hub record queries.
#include "common/logging.h"
#include "reader-agent/outbox.h"
#include "tests/support/agent_process.h"
#include "tests/support/child_process.h"
#include "tests/support/eventually.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <condition_variable>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <spdlog/sinks/base_sink.h>
#include <sys/socket.h>
#include <sys/un.h>

namespace rollcall::test {

/// The real pn532-emulator executable on `link`, driven over its control socket.
class EmulatorProcess {
public:
    EmulatorProcess(std::string link, std::string control) : link_(std::move(link)), control_(std::move(control))
    {
        process_ = std::make_unique<ChildProcess>(
            std::vector<std::string>{emulatorBinary(), "--link", link_, "--control", control_, "--poll-scale", "0.1"});
        if (!process_->waitForLine("pn532-emulator: ready", std::chrono::seconds(10))) {
            throw std::runtime_error("pn532-emulator did not start:\n" + process_->output());
        }
    }
    /// One control command; returns the answer line.
    std::string command(const std::string& line)
    {
        const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", control_.c_str());
        if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            ::close(fd);
            throw std::runtime_error("cannot connect to " + control_);
        }
        const std::string out = line + "\n";
        if (::write(fd, out.data(), out.size()) != static_cast<ssize_t>(out.size())) {
            ::close(fd);
            throw std::runtime_error("cannot write to " + control_);
        }
        std::string answer;
        char c;
        while (::read(fd, &c, 1) == 1 && c != '\n') answer += c;
        ::close(fd);
        return answer;
    }
    ChildProcess& process() noexcept { return *process_; }

private:
    std::string link_;
    std::string control_;
    std::unique_ptr<ChildProcess> process_;
};

/// Endpoints of a hub that is not running: it ran once on `db` to pick its
/// ports, so an agent pointed at them finds nobody until a hub starts there.
inline HubEndpoints stoppedHubEndpoints(const std::string& db)
{
    HubProcess hub(db);
    const auto endpoints = hub.endpoints();
    hub.process().kill(SIGTERM);
    EXPECT_EQ(hub.process().wait(), 0);
    return endpoints;
}

/// (seq → badge) of the taps the hub recorded for `reader` (kept and quarantined alike).
inline std::map<std::int64_t, std::string> recordedTaps(const std::string& db, const std::string& reader)
{
    common::Database d(db, common::Database::Mode::ReadOnly);
    std::map<std::int64_t, std::string> out;
    for (const char* table : {"taps", "quarantined_taps"}) {
        auto s = d.prepare(std::string("SELECT seq, badge_uid FROM ") + table + " WHERE reader_id = ?");
        s.bind(1, reader);
        while (s.step()) {
            const auto [it, inserted] = out.emplace(s.getInt(0), s.getText(1));
            if (!inserted) ADD_FAILURE() << "seq " << s.getInt(0) << " recorded twice";
        }
    }
    return out;
}

inline std::int64_t recordedCount(const std::string& db, const std::string& reader)
{
    return countRows(db, "SELECT count(*) FROM taps WHERE reader_id = '" + reader + "'")
           + countRows(db, "SELECT count(*) FROM quarantined_taps WHERE reader_id = '" + reader + "'");
}

/// Records every line the in-process agent logs ("agent", "hub", "reader").
class LogCapture {
public:
    LogCapture()
    {
        sink_ = std::make_shared<Sink>(*this);
        for (const char* name : {"agent", "hub", "reader"}) common::namedLogger(name)->sinks().push_back(sink_);
    }
    ~LogCapture()
    {
        for (const char* name : {"agent", "hub", "reader"}) {
            auto& sinks = common::namedLogger(name)->sinks();
            sinks.erase(std::remove(sinks.begin(), sinks.end(), sink_), sinks.end());
        }
    }
    std::optional<std::string> waitFor(const std::string& needle,
                                       std::chrono::milliseconds timeout = std::chrono::seconds(15))
    {
        std::unique_lock lock(mutex_);
        std::optional<std::string> found;
        cv_.wait_for(lock, timeout, [&] {
            for (const auto& l : lines_) {
                if (l.find(needle) != std::string::npos) {
                    found = l;
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    std::size_t count(const std::string& needle)
    {
        std::lock_guard lock(mutex_);
        return static_cast<std::size_t>(std::count_if(
            lines_.begin(), lines_.end(), [&](const auto& l) { return l.find(needle) != std::string::npos; }));
    }
    std::string all()
    {
        std::lock_guard lock(mutex_);
        std::string s;
        for (const auto& l : lines_) s += l + "\n";
        return s;
    }

private:
    class Sink final : public spdlog::sinks::base_sink<std::mutex> {
    public:
        explicit Sink(LogCapture& owner) : owner_(owner) {}

    protected:
        void sink_it_(const spdlog::details::log_msg& msg) override
        {
            std::string line = "[" + std::string(msg.logger_name.data(), msg.logger_name.size()) + "] "
                               + std::string(msg.payload.data(), msg.payload.size());
            {
                std::lock_guard lock(owner_.mutex_);
                owner_.lines_.push_back(std::move(line));
            }
            owner_.cv_.notify_all();
        }
        void flush_() override {}

    private:
        LogCapture& owner_;
    };
    std::shared_ptr<Sink> sink_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::string> lines_;
};

} // namespace rollcall::test
