// The real pn532-emulator executable: ready line, control socket, shutdown.
#include "tests/hardware/hardware_test_support.h"
#include "tests/support/child_process.h"

#include <cstring>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <signal.h>
#include <spawn.h>
#include <string>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>

extern char** environ;

using namespace std::chrono_literals;
namespace t = rollcall::emulator::test;

namespace {

constexpr auto kWait = 10s;

/// A child process with its stdout on a pipe; killed and reaped if still running.
class Child {
public:
    explicit Child(const std::vector<std::string>& program, const std::filesystem::path& stderrFile)
    {
        const auto args = rollcall::test::commandFor(program);
        int out[2];
        if (::pipe2(out, O_CLOEXEC) != 0) {
            throw std::runtime_error("pipe2");
        }
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderrFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                         0644);
        std::vector<char*> argv;
        for (const auto& a : args) {
            argv.push_back(const_cast<char*>(a.c_str()));
        }
        argv.push_back(nullptr);
        const int rc = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(out[1]);
        stdout_ = out[0];
        if (rc != 0) {
            ::close(stdout_);
            throw std::runtime_error(std::string("posix_spawn: ") + std::strerror(rc));
        }
    }
    ~Child()
    {
        if (!exitStatus_) {
            ::kill(pid_, SIGKILL);
            (void)wait(kWait);
        }
        ::close(stdout_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    /// Next line on stdout, or nullopt on EOF / timeout.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            if (const auto nl = buffer_.find('\n'); nl != std::string::npos) {
                std::string line = buffer_.substr(0, nl);
                buffer_.erase(0, nl + 1);
                return line;
            }
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            pollfd pfd{stdout_, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&pfd, 1, static_cast<int>(left.count())) <= 0) {
                return std::nullopt;
            }
            char buf[256];
            const ssize_t n = ::read(stdout_, buf, sizeof buf);
            if (n <= 0) {
                return std::nullopt;
            }
            buffer_.append(buf, static_cast<std::size_t>(n));
        }
    }

    void signal(int sig) const { ::kill(pid_, sig); }

    /// Waits for exit; returns the wait status, or nullopt on timeout.
    std::optional<int> wait(std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!exitStatus_) {
            int status = 0;
            const pid_t r = ::waitpid(pid_, &status, WNOHANG);
            if (r == pid_) {
                exitStatus_ = status;
                break;
            }
            if (std::chrono::steady_clock::now() >= deadline) {
                return std::nullopt;
            }
            // No child-exit event is available without a SIGCHLD handler; the
            // stdout pipe's EOF is that event, so wait on it between checks.
            pollfd pfd{stdout_, POLLIN, 0};
            ::poll(&pfd, 1, 10);
        }
        return exitStatus_;
    }

private:
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string buffer_;
    std::optional<int> exitStatus_;
};

/// A connected control-socket client speaking one line at a time.
class ControlClient {
public:
    explicit ControlClient(const std::filesystem::path& path) : fd_(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        std::strncpy(addr.sun_path, path.c_str(), sizeof addr.sun_path - 1);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
            throw std::runtime_error("connect " + path.string() + ": " + std::strerror(errno));
        }
    }
    ~ControlClient() { ::close(fd_); }
    ControlClient(const ControlClient&) = delete;
    ControlClient& operator=(const ControlClient&) = delete;

    std::string ask(const std::string& line)
    {
        const std::string out = line + "\n";
        if (::send(fd_, out.data(), out.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(out.size())) {
            return "<send failed>";
        }
        std::string answer;
        char c = 0;
        pollfd pfd{fd_, POLLIN, 0};
        while (::poll(&pfd, 1, static_cast<int>(std::chrono::milliseconds(kWait).count())) > 0
               && ::read(fd_, &c, 1) == 1) {
            if (c == '\n') {
                return answer;
            }
            answer.push_back(c);
        }
        return "<no answer>";
    }

private:
    int fd_;
};

class Pn532EmulatorControlTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        child_.emplace(std::vector<std::string>{PN532_EMULATOR_PATH, "--link", link_.string(), "--control",
                                                control_.string(), "--poll-scale", "0.05"},
                       dir_ / "stderr.log");
        const auto ready = child_->readLine(kWait);
        ASSERT_TRUE(ready.has_value()) << "no ready line; stderr in " << (dir_ / "stderr.log");
        ASSERT_EQ(*ready, "pn532-emulator: ready link=" + link_.string() + " control=" + control_.string());
    }

    t::TempDir dir_;
    std::filesystem::path link_ = dir_ / "ttyPN532";
    std::filesystem::path control_ = dir_ / "control.sock";
    std::optional<Child> child_;
};

bool exitedCleanly(const std::optional<int>& status)
{
    return status && WIFEXITED(*status) && WEXITSTATUS(*status) == 0;
}

} // namespace

TEST_F(Pn532EmulatorControlTest, tapIsReadByLibnfcPoll)
{
    ControlClient control(control_);
    EXPECT_EQ(control.ask("tap 04:a1:b2:c3 5000"), "ok");
    auto session = t::openInitiator(link_);
    const nfc_modulation modulation{NMT_ISO14443A, NBR_106};
    nfc_target target{};
    ASSERT_EQ(nfc_initiator_poll_target(session.device.get(), &modulation, 1, 20, 2, &target), 1);
    EXPECT_EQ(t::uidOf(target), (std::vector<std::uint8_t>{0x04, 0xA1, 0xB2, 0xC3}));
    EXPECT_EQ(control.ask("status").rfind("ok card=04A1B2C3 type=classic reports=1 polls=1", 0), 0U);
}

TEST_F(Pn532EmulatorControlTest, badCommandsGetErrorLinesAndConnectionStays)
{
    ControlClient control(control_);
    EXPECT_EQ(control.ask("fly 04A1B2C3"),
              "error: unknown command 'fly' (expected tap, present, remove, status or quit)");
    EXPECT_EQ(control.ask("tap 04A1"), "error: bad UID '04A1' (want 4, 7 or 10 hex bytes, ':' allowed)");
    EXPECT_EQ(control.ask("tap 04A1B2C3 -5").rfind("error: ", 0), 0U);
    EXPECT_EQ(control.ask("present 04112233445566 iso14443-4"), "ok");
    EXPECT_EQ(control.ask("status").rfind("ok card=04112233445566 type=iso14443-4", 0), 0U);
}

TEST_F(Pn532EmulatorControlTest, quitRemovesLinkAndSocket)
{
    ASSERT_TRUE(std::filesystem::is_symlink(link_));
    {
        ControlClient control(control_);
        EXPECT_EQ(control.ask("quit"), "ok");
    }
    EXPECT_TRUE(exitedCleanly(child_->wait(kWait)));
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(link_)));
    EXPECT_FALSE(std::filesystem::exists(control_));
}

TEST_F(Pn532EmulatorControlTest, sigtermStopsCleanly)
{
    child_->signal(SIGTERM);
    EXPECT_TRUE(exitedCleanly(child_->wait(kWait)));
    EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(link_)));
    EXPECT_FALSE(std::filesystem::exists(control_));
}

TEST(Pn532EmulatorControl, linkWithColonIsRefusedWithMessage)
{
    t::TempDir dir;
    Child child({PN532_EMULATOR_PATH, "--link", (dir / "tty:PN532").string(), "--control", (dir / "c.sock").string()},
                dir / "stderr.log");
    EXPECT_FALSE(child.readLine(kWait).has_value()); // EOF, no ready line
    const auto status = child.wait(kWait);
    ASSERT_TRUE(status && WIFEXITED(*status));
    EXPECT_NE(WEXITSTATUS(*status), 0);
    std::ifstream err(dir / "stderr.log");
    const std::string text((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("must not contain ':'"), std::string::npos) << text;
}
