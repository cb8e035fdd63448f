#pragma once
// Runs one of our real binaries for an end-to-end test: stdout and stderr are
// captured line by line so the test can wait for an event ("listening",
// "recorded") instead of sleeping. Killed (SIGKILL) if still running at the end.

#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstring>
#include <mutex>
#include <optional>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

// rollcall_test_support defines it (tests/CMakeLists.txt); bench/ programs that
// include this header without that target run natively.
#ifndef ROLLCALL_CROSSCOMPILING_EMULATOR
#define ROLLCALL_CROSSCOMPILING_EMULATOR ""
#endif

namespace rollcall::test {

/// The command that starts `argv` (a program's path, then its arguments). In a
/// cross build whose tests run under an emulator (CMAKE_CROSSCOMPILING_EMULATOR,
/// e.g. qemu-aarch64 for an arm64 build on amd64), a program of this build is
/// started through that emulator too: without binfmt_misc the kernel cannot
/// exec a foreign binary. Other programs (the machine's own) start as they are.
inline std::vector<std::string> commandFor(std::vector<std::string> argv)
{
    const std::string emulator = ROLLCALL_CROSSCOMPILING_EMULATOR; // words separated by spaces; empty when native
    const std::string binaryDir = std::string(ROLLCALL_BINARY_DIR) + "/";
    if (emulator.empty() || argv.empty() || argv[0].rfind(binaryDir, 0) != 0) return argv;
    std::vector<std::string> command;
    std::istringstream words(emulator);
    for (std::string word; words >> word;) command.push_back(word);
    command.insert(command.end(), argv.begin(), argv.end());
    return command;
}

class ChildProcess {
public:
    /// Starts `argv[0]` (a path) with the given arguments and extra environment ("K=V").
    explicit ChildProcess(std::vector<std::string> argv, std::vector<std::string> env = {})
    {
        argv = commandFor(std::move(argv));
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
        posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
        posix_spawn_file_actions_addclose(&actions, fds[0]);
        std::vector<char*> args;
        for (auto& a : argv) args.push_back(a.data());
        args.push_back(nullptr);
        std::vector<std::string> envStrings;
        for (char** e = environ; *e; ++e) envStrings.emplace_back(*e);
        for (auto& e : env) envStrings.push_back(e);
        std::vector<char*> envp;
        for (auto& e : envStrings) envp.push_back(e.data());
        envp.push_back(nullptr);
        const int rc = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        if (rc != 0) {
            ::close(fds[0]);
            throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
        }
        reader_ = std::thread([this, fd = fds[0]] { readLines(fd); });
    }

    ~ChildProcess()
    {
        if (running()) kill(SIGKILL);
        (void)wait();
        if (reader_.joinable()) reader_.join();
    }

    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    /// Waits until a line containing `needle` appears (counting from line `from`);
    /// returns the line, or nullopt on timeout or exit.
    std::optional<std::string> waitForLine(const std::string& needle,
                                           std::chrono::milliseconds timeout = std::chrono::seconds(10),
                                           std::size_t from = 0)
    {
        std::unique_lock lock(mutex_);
        std::optional<std::string> found;
        cv_.wait_for(lock, timeout, [&] {
            for (std::size_t i = from; i < lines_.size(); ++i) {
                if (lines_[i].find(needle) != std::string::npos) {
                    found = lines_[i];
                    return true;
                }
            }
            return eof_;
        });
        return found;
    }

    /// Number of lines seen so far (to wait only for lines after this point).
    [[nodiscard]] std::size_t lineCount()
    {
        std::lock_guard lock(mutex_);
        return lines_.size();
    }

    [[nodiscard]] std::string output()
    {
        std::lock_guard lock(mutex_);
        std::string all;
        for (const auto& l : lines_) all += l + "\n";
        return all;
    }

    void kill(int sig)
    {
        if (pid_ > 0 && !exited_) ::kill(pid_, sig);
    }

    /// Waits for exit; returns the exit code, or 128 + signal.
    int wait()
    {
        if (pid_ <= 0) return -1;
        if (!exited_) {
            int status = 0;
            ::waitpid(pid_, &status, 0);
            exited_ = true;
            exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        }
        if (reader_.joinable()) reader_.join();
        return exitCode_;
    }

    [[nodiscard]] bool running()
    {
        if (pid_ <= 0 || exited_) return false;
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            exited_ = true;
            exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return false;
        }
        return true;
    }

    [[nodiscard]] pid_t pid() const noexcept { return pid_; }

private:
    void readLines(int fd)
    {
        std::string partial;
        char buf[4096];
        while (true) {
            const ssize_t n = ::read(fd, buf, sizeof buf);
            if (n <= 0) break;
            partial.append(buf, static_cast<std::size_t>(n));
            std::size_t pos;
            std::lock_guard lock(mutex_);
            while ((pos = partial.find('\n')) != std::string::npos) {
                lines_.push_back(partial.substr(0, pos));
                partial.erase(0, pos + 1);
            }
            cv_.notify_all();
        }
        ::close(fd);
        std::lock_guard lock(mutex_);
        if (!partial.empty()) lines_.push_back(partial);
        eof_ = true;
        cv_.notify_all();
    }

    pid_t pid_ = -1;
    bool exited_ = false;
    int exitCode_ = -1;
    std::thread reader_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<std::string> lines_;
    bool eof_ = false;
};

} // namespace rollcall::test
