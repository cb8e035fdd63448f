#include "hub/ctl/interrupt_pipe.h"

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <stdexcept>
#include <unistd.h>

namespace rollcall::ctl {
namespace {

volatile std::sig_atomic_t writeEnd = -1;
struct sigaction previous {};

void onInterrupt(int)
{
    const int saved = errno;
    const char byte = 1;
    if (writeEnd >= 0) (void)!::write(writeEnd, &byte, 1);
    errno = saved;
}

} // namespace

InterruptPipe::InterruptPipe()
{
    int fds[2];
    if (::pipe2(fds, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
    read_ = fds[0];
    write_ = fds[1];
    writeEnd = write_;
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previous);
}

InterruptPipe::~InterruptPipe()
{
    ::sigaction(SIGINT, &previous, nullptr);
    writeEnd = -1;
    ::close(read_);
    ::close(write_);
}

int InterruptPipe::take()
{
    int n = 0;
    char buf[16];
    for (ssize_t got; (got = ::read(read_, buf, sizeof buf)) > 0;) n += static_cast<int>(got);
    return n;
}

} // namespace rollcall::ctl
