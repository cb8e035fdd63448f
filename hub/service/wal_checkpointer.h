#pragma once
// WalCheckpointer: copies the record's WAL back into the database file on a
// thread and connection of its own (issue 10). A checkpoint of a few thousand
// pages takes 10–20 ms on a quiet machine and a few hundred under CPU load;
// run on the writer thread, every tap that arrived meanwhile waited for it.
// Here the writer keeps committing while the pages are copied (PASSIVE: it
// never blocks the writer or a reader). The writer finishes each cycle with a
// short checkpoint of its own over the few frames committed meanwhile (see
// IngestWriter::checkpointIfDue), so that the WAL is restarted from its start.
#include "common/database.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace rollcall::service {

/// The step by which a checkpointing connection grows the database file.
inline constexpr int kRecordChunkBytes = 8 << 20;

/// Makes `db` grow the database file in kRecordChunkBytes steps. A
/// checkpoint that grows the file allocates blocks, and its fdatasync then
/// commits the file system's journal as well, which on a busy machine waits
/// for the journal's kernel thread to get a core; every tap behind the
/// writer's own checkpoint waited with it. In chunks, most checkpoints write
/// into space already allocated (in the benchmark's loaded phase the longest
/// checkpoint on the writer fell from 11–83 ms to 7–13 ms). A chunk that
/// cannot be allocated (a full disk) is only a hint missed: the file grows by pages.
void growInChunks(common::Database& db);

class WalCheckpointer {
public:
    struct Result {
        bool done = false;   // a checkpoint finished since the last take()
        int walFrames = 0;   // frames in the WAL when it ran
        int backfilled = 0;  // frames copied into the database file (all of them, when caught up)
        std::int64_t ms = 0; // how long it took
        std::string error;   // why it failed (a full disk, an I/O error); tried again later
    };

    explicit WalCheckpointer(std::string dbPath);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /// Starts a checkpoint unless one is running. Never waits.
    void request();
    [[nodiscard]] bool running() const;
    /// The last finished checkpoint's result, once.
    [[nodiscard]] Result take();
    /// take(), waiting up to `timeout` for a checkpoint to finish (for shutdown and tests).
    [[nodiscard]] Result waitAndTake(std::chrono::milliseconds timeout);

private:
    void loop();

    const std::string dbPath_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable finished_;
    bool requested_ = false;
    bool running_ = false;
    bool stopping_ = false;
    Result result_;
    std::thread thread_;
};

} // namespace rollcall::service
