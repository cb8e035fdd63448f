#include "reader-agent/event_queue.h"

#include "common/system_error.h"

#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace rollcall::agent {

EventFd::EventFd() : fd_(::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (fd_ < 0) common::throwErrno("eventfd");
}

EventFd::~EventFd() { ::close(fd_); }

void EventFd::signal() noexcept
{
    const std::uint64_t one = 1;
    [[maybe_unused]] const auto n = ::write(fd_, &one, sizeof one); // only fails when the counter would overflow
}

void EventFd::clear() noexcept
{
    std::uint64_t value = 0;
    [[maybe_unused]] const auto n = ::read(fd_, &value, sizeof value); // EAGAIN when already clear
}

} // namespace rollcall::agent
