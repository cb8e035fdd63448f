#pragma once
// Ctrl-C as an event for a poll loop (issue 16: `rollcallctl --hub` cancels
// the command at the hub on Ctrl-C instead of dying with the command still
// running there). While an InterruptPipe lives, SIGINT only writes a byte
// to a pipe whose read end the loop polls beside its sockets; the previous
// handling comes back when it goes. One at a time per process.

namespace rollcall::ctl {

class InterruptPipe {
public:
    InterruptPipe();
    ~InterruptPipe();
    InterruptPipe(const InterruptPipe&) = delete;
    InterruptPipe& operator=(const InterruptPipe&) = delete;

    /// Readable after a SIGINT; poll it for POLLIN.
    [[nodiscard]] int fd() const noexcept { return read_; }
    /// How many SIGINTs arrived since the last call (0 if none).
    [[nodiscard]] int take();

private:
    int read_ = -1;
    int write_ = -1;
};

} // namespace rollcall::ctl
