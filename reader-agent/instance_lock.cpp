#include "reader-agent/instance_lock.h"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>

namespace rollcall::agent {
namespace {

/// Locks `path`; on failure the reason, naming `what`.
std::optional<std::string> lockFile(const std::string& path, const std::string& what, std::vector<int>& fds)
{
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return what + ": cannot create lock file " + path + ": " + std::strerror(errno);
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char buf[32] = {};
        const auto n = ::pread(fd, buf, sizeof buf - 1, 0);
        ::close(fd);
        const std::string pid = n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string("?");
        return what + " is in use by another rollcall-agent (pid " + pid + "); run one agent per reader and outbox";
    }
    const auto pid = std::to_string(::getpid());
    if (::ftruncate(fd, 0) == 0) {
        // The pid is only a hint for another agent's message above: the lock holds without it.
        [[maybe_unused]] const auto written = ::pwrite(fd, pid.data(), pid.size(), 0);
    }
    fds.push_back(fd);
    return std::nullopt;
}

} // namespace

std::optional<std::string> InstanceLock::acquire(const std::string& outboxPath, const std::string& connstring,
                                                 InstanceLock& out)
{
    if (auto why = lockFile(outboxPath + ".lock", "outbox " + outboxPath, out.fds_)) return why;
    // "driver:/path/to/device[:options]": lock the resolved device path.
    const auto colon = connstring.find(':');
    if (colon != std::string::npos && colon + 1 < connstring.size() && connstring[colon + 1] == '/') {
        std::string device = connstring.substr(colon + 1);
        if (const auto more = device.find(':'); more != std::string::npos) device.resize(more);
        // The path as configured, made absolute but not resolved: a pty's number
        // is reused once its reader is gone, and must not lock out another reader.
        std::error_code ec;
        const auto absolute = std::filesystem::absolute(device, ec);
        const std::string key = ec ? device : absolute.lexically_normal().string();
        std::string name = "rollcall-agent-reader";
        for (const char c : key) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        const auto lock = (std::filesystem::temp_directory_path() / (name + ".lock")).string();
        if (auto why = lockFile(lock, "reader " + device, out.fds_)) return why;
    }
    return std::nullopt;
}

InstanceLock::~InstanceLock()
{
    for (const int fd : fds_) ::close(fd);
}

} // namespace rollcall::agent
