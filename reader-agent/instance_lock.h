#pragma once
// InstanceLock: one rollcall-agent per outbox and per reader device. Two
// agents on one reader fight over it (libnfc checksum errors, the reader
// flaps); two on one outbox would send the same sequence numbers. Each agent
// holds an flock on "<outbox>.lock" and, for a device path in the connstring
// (pn532_uart:/dev/ttyUSB0), on a lock file named after the device path in the
// temp directory (the path as configured: use one name per device, e.g. its
// /dev/serial/by-id link). The lock files hold the owner's pid for the message.
// The kernel drops the locks when the process ends, also on SIGKILL.

#include <optional>
#include <string>
#include <vector>

namespace rollcall::agent {

class InstanceLock {
public:
    /// Takes both locks, or returns why not ("… is in use by another rollcall-agent (pid N)").
    static std::optional<std::string> acquire(const std::string& outboxPath, const std::string& connstring,
                                              InstanceLock& out);
    InstanceLock() = default;
    ~InstanceLock();
    InstanceLock(const InstanceLock&) = delete;
    InstanceLock& operator=(const InstanceLock&) = delete;

private:
    std::vector<int> fds_;
};

} // namespace rollcall::agent
