#include "hub/service/admin_worker.h"

#include "common/logging.h"
#include "common/printable.h"
#include "protocol/codec.h"

#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace rollcall::service {
namespace {

std::shared_ptr<spdlog::logger> log() { return common::namedLogger("hub"); }

/// The command line as one loggable string: printable, and not a screenful.
std::string commandLine(const std::vector<std::string>& argv)
{
    std::string s;
    for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
    return common::printable(s, 300);
}

} // namespace

AdminWorker::AdminWorker(AdminRunner runner) : runner_(std::move(runner))
{
    notifyFd_ = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (notifyFd_ < 0) throw std::runtime_error("eventfd failed");
    thread_ = std::thread([this] { run(); });
}

AdminWorker::~AdminWorker()
{
    stop();
    if (notifyFd_ >= 0) ::close(notifyFd_);
}

void AdminWorker::submit(std::string peer, bool delimited, std::optional<AllowedKey> caller,
                         protocol::AdminRequest request)
{
    {
        std::lock_guard lock(mutex_);
        jobs_.push_back({std::move(peer), delimited, std::move(caller), std::move(request)});
    }
    wake_.notify_one();
}

std::vector<AdminOutput> AdminWorker::takeOutputs()
{
    std::uint64_t n = 0;
    (void)!::read(notifyFd_, &n, sizeof n);
    std::lock_guard lock(mutex_);
    return std::exchange(outputs_, {});
}

void AdminWorker::stop()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        jobs_.clear();
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

protocol::AdminReply AdminWorker::handle(const Job& job)
{
    if (!job.caller) {
        protocol::AdminReply reply;
        reply.request_id = job.request.request_id;
        reply.exit_code = 5;
        reply.stderr_text = "rollcallctl: the hub runs without keys (--insecure): it runs no command over the wire, "
                            "because it cannot tell who asks\nnothing was changed\n";
        return reply;
    }
    return runner_(*job.caller, job.request);
}

void AdminWorker::run()
{
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        const auto reply = handle(job);
        // Who ran what, and how it ended: the hub's log is where an admin request is accounted for.
        log()->info("admin: key {} ({}) request {}: {} -> exit {}{}", job.caller ? job.caller->name : "-",
                    job.caller ? toString(job.caller->role) : "insecure", job.request.request_id,
                    commandLine(job.request.argv), reply.exit_code,
                    reply.files.empty() ? "" : ", " + std::to_string(reply.files.size()) + " file(s)");
        auto encoded = protocol::encode(protocol::QueryReply{reply});
        {
            std::lock_guard lock(mutex_);
            outputs_.push_back({std::move(job.peer), job.delimited, std::move(encoded)});
        }
        const std::uint64_t one = 1;
        (void)!::write(notifyFd_, &one, sizeof one);
    }
}

} // namespace rollcall::service
