#pragma once
// Checkpointer: WAL checkpoints off the ack path (issue 10). The hub's record
// connection commits with wal_autocheckpoint off; after each commit SQLite's
// WAL hook tells how long the WAL has grown, and past a threshold this
// thread, on its own connection, runs a PASSIVE checkpoint (copies committed
// frames into the database file and fsyncs it) while the writer goes on
// committing and acknowledging. A PASSIVE checkpoint never blocks the writer;
// the writer restarts the WAL from its start once a checkpoint has caught up.
#include "common/database.h"

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace rollcall::service {

class Checkpointer {
public:
    /// Attaches to `writer` (its WAL hook) and opens its own connection to the same file.
    Checkpointer(common::Database& writer, int thresholdPages = 1000);
    ~Checkpointer();
    Checkpointer(const Checkpointer&) = delete;
    Checkpointer& operator=(const Checkpointer&) = delete;

    [[nodiscard]] std::uint64_t checkpoints() const noexcept { return checkpoints_.load(); }
    [[nodiscard]] std::uint64_t failures() const noexcept { return failures_.load(); }

private:
    static int onCommit(void* self, struct sqlite3* db, const char* name, int pages);
    void loop();

    common::Database& writer_;
    common::Database own_;
    int threshold_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool requested_ = false;
    bool stop_ = false;
    std::atomic<std::uint64_t> checkpoints_{0};
    std::atomic<std::uint64_t> failures_{0};
    std::thread thread_;
};

} // namespace rollcall::service
