#include "hub/service/realtime_threads.h"

#include <sched.h>
#include <thread>

namespace rollcall::service {

bool mayRunRealtime(int priority)
{
    bool allowed = false;
    // A thread of its own: the probe's policy dies with it.
    std::thread([&allowed, priority] { allowed = makeCallingThreadRealtime(priority); }).join();
    return allowed;
}

void makeIoThreadsRealtime(zmq::context_t& context, int priority)
{
    context.set(zmq::ctxopt::thread_sched_policy, SCHED_FIFO);
    context.set(zmq::ctxopt::thread_priority, priority);
}

bool makeCallingThreadRealtime(int priority)
{
    sched_param param{};
    param.sched_priority = priority;
    return ::sched_setscheduler(0, SCHED_FIFO | SCHED_RESET_ON_FORK, &param) == 0;
}

} // namespace rollcall::service
