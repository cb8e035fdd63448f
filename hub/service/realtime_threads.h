#pragma once
// Real-time scheduling for the hub's two short, latency-critical threads —
// the socket thread and ZeroMQ's I/O thread — when the settings ask for it
// ([scheduling] realtime_priority) and the system allows it (CAP_SYS_NICE, or
// an RLIMIT_RTPRIO at least that high: the unit's LimitRTPRIO=). Under load
// an ordinary thread that wakes may wait behind busy threads of other groups
// for tens of ms (README, "Performance"); a SCHED_FIFO thread runs at once.
// Never the writer: its rounds are long, and a real-time thread that never
// sleeps would hold a core (bounded only by the kernel's RT throttling).
#include <zmq.hpp>

namespace rollcall::service {

/// Whether this process may run a thread at SCHED_FIFO `priority`: asks the
/// kernel on a throwaway thread, so nothing of this process changes.
[[nodiscard]] bool mayRunRealtime(int priority);

/// Before the context's first socket: its I/O (and reaper) threads start at
/// SCHED_FIFO `priority`. ZeroMQ aborts if the kernel refuses, so call it
/// only after mayRunRealtime(priority).
void makeIoThreadsRealtime(zmq::context_t& context, int priority);

/// The calling thread at SCHED_FIFO `priority`, with SCHED_RESET_ON_FORK so
/// that threads it starts later (an admin command's) run at the normal
/// policy. Returns false, changing nothing, if the kernel refuses.
bool makeCallingThreadRealtime(int priority);

} // namespace rollcall::service
