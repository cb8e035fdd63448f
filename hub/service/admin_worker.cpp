#include "hub/service/admin_worker.h"

#include "common/printable.h"
#include "hub/service/hub_log.h"
#include "protocol/codec.h"

#include <algorithm>
#include <spdlog/spdlog.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace rollcall::service {
namespace {

/// The command line as one loggable string: printable, and not a screenful.
std::string commandLine(const std::vector<std::string>& argv)
{
    std::string s;
    for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
    return common::printable(s, 300);
}

std::string keyName(const std::optional<AllowedKey>& key) { return key ? key->name : "-"; }

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

void AdminWorker::cancel(const std::optional<AllowedKey>& caller, const std::string& requestId)
{
    const auto same = [&](const Job& job) {
        return job.request.request_id == requestId && keyName(job.caller) == keyName(caller);
    };
    std::lock_guard lock(mutex_);
    if (running_ && same(*running_)) {
        hubLog()->info("admin: key {} cancels request {}, running: it stops at its next safe point", keyName(caller),
                       requestId);
        running_->cancel.requestStop();
        return;
    }
    const auto it = std::find_if(jobs_.begin(), jobs_.end(), same);
    if (it == jobs_.end()) return;
    hubLog()->info("admin: key {} cancels request {} before it ran", keyName(caller), requestId);
    protocol::AdminReply reply;
    reply.request_id = requestId;
    reply.exit_code = kAdminExitCancelled;
    reply.stderr_text = "rollcallctl: cancelled at the caller's request before it ran\nnothing was changed\n";
    post(*it, reply);
    jobs_.erase(it);
}

void AdminWorker::post(const Job& job, const protocol::QueryReply& message)
{
    outputs_.push_back({job.peer, job.delimited, protocol::encode(message)});
    const std::uint64_t one = 1;
    (void)!::write(notifyFd_, &one, sizeof one);
}

void AdminWorker::postProgress(const Job& job, const common::ProgressStep& step)
{
    if (!job.request.progress.value_or(false)) return; // an older client takes the reply alone
    const auto count = [](long n) { return static_cast<std::int32_t>(std::clamp<long>(n, 0, INT32_MAX)); };
    protocol::AdminProgress figure{job.request.request_id, step.label, count(step.done), count(step.total)};
    std::lock_guard lock(mutex_);
    // Once a cancel is asked for, the next figure is the reply saying it stopped.
    if (running_ && running_->cancel.stopRequested()) return;
    post(job, figure);
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
    return runner_(*job.caller, job.request, job.cancel,
                   [this, &job](const common::ProgressStep& step) { postProgress(job, step); });
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
            running_ = job;
        }
        // Said before it runs, so whoever waits for a long command (or a test of admin_cancel) sees it start.
        hubLog()->info("admin: key {} request {} started: {}", keyName(job.caller), job.request.request_id,
                       commandLine(job.request.argv));
        const auto reply = handle(job);
        // Who ran what, and how it ended: the hub's log is where an admin request is accounted for.
        hubLog()->info("admin: key {} ({}) request {}: {} -> exit {}{}", keyName(job.caller),
                       job.caller ? toString(job.caller->role) : "insecure", job.request.request_id,
                       commandLine(job.request.argv), reply.exit_code,
                       reply.files.empty() ? "" : ", " + std::to_string(reply.files.size()) + " file(s)");
        std::lock_guard lock(mutex_);
        running_.reset();
        post(job, reply);
    }
}

} // namespace rollcall::service
