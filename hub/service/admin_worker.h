#pragma once
// The hub's admin desk (issue 16): runs the `admin_request`s that arrive on
// the query socket, one at a time, on a thread of its own with its own
// record connection (the command opens one, as rollcallctl would), so a
// long report never holds up tap ingest or the boards' queries. The socket
// thread submits requests and sends the replies it takes back; an eventfd
// says when there are some. Every request is logged with the key's name,
// its role, the command and the exit code. A request its own key cancels
// (admin_cancel) is dropped from the queue, or, running, stopped at its next
// safe point through the cancel token the runner passes on. A request that
// asks for progress (AdminRequest::progress) gets the command's figures as
// admin_progress messages before its reply, through the same queue.
#include "common/cancel_token.h"
#include "common/progress_listener.h"
#include "hub/service/key_directory.h"
#include "protocol/messages.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rollcall::service {

/// Runs one request for an authenticated caller (in rollcall-hub: the
/// rollcallctl commands, hub/ctl/admin_commands.h), stopping early when the
/// token is stopped and telling `progress` how far a long command has come.
/// Must not throw.
using AdminRunner =
    std::function<protocol::AdminReply(const AllowedKey& caller, const protocol::AdminRequest&,
                                       const common::CancelToken& cancel, const common::ProgressListener& progress)>;

/// The exit code of a request stopped by admin_cancel (rollcallctl's kExitCancelled).
inline constexpr int kAdminExitCancelled = 7;

struct AdminOutput {
    std::string peer;
    bool delimited = false;
    std::string encoded; ///< the encoded AdminReply, or an AdminProgress before it
};

class AdminWorker {
public:
    explicit AdminWorker(AdminRunner runner);
    ~AdminWorker();
    AdminWorker(const AdminWorker&) = delete;
    AdminWorker& operator=(const AdminWorker&) = delete;

    /// Queues a request from `caller` (nullopt: a hub without keys, which
    /// runs nothing over the wire and says so).
    void submit(std::string peer, bool delimited, std::optional<AllowedKey> caller, protocol::AdminRequest request);
    /// Cancels `caller`'s request `requestId` (another key's requests are not
    /// its to cancel): a queued one is answered at once with exit
    /// kAdminExitCancelled, the running one is asked to stop. Unknown or
    /// finished: nothing happens (its reply is on its way or gone).
    void cancel(const std::optional<AllowedKey>& caller, const std::string& requestId);
    /// Readable when replies (or progress figures) are waiting.
    [[nodiscard]] int notifyFd() const noexcept { return notifyFd_; }
    [[nodiscard]] std::vector<AdminOutput> takeOutputs();
    /// Finishes the request running (its reply is still taken), drops the rest, joins.
    void stop();

private:
    struct Job {
        std::string peer;
        bool delimited = false;
        std::optional<AllowedKey> caller;
        protocol::AdminRequest request;
        common::CancelToken cancel;
    };
    void run();
    [[nodiscard]] protocol::AdminReply handle(const Job& job);
    /// Queues a reply (or a progress figure) for the socket thread and signals it. Call with mutex_ held.
    void post(const Job& job, const protocol::QueryReply& message);
    /// Queues `step` for the job running, if it asked for progress and is not being cancelled.
    void postProgress(const Job& job, const common::ProgressStep& step);

    AdminRunner runner_;
    int notifyFd_ = -1;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> jobs_;
    std::optional<Job> running_; // a copy of the job being run: its caller, id and token
    std::vector<AdminOutput> outputs_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace rollcall::service
