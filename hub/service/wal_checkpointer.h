#pragma once
// Moves the WAL into the database file from a thread of its own, so the
// ingest loop never pays for a checkpoint inside a commit (SQLite's
// auto-checkpoint would run it in the committing connection, stalling acks
// for tens of milliseconds).
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace rollcall::hub {

class WalCheckpointer {
public:
    /// Starts checkpointing `dbPath` every `every` with its own connection.
    WalCheckpointer(std::string dbPath, std::chrono::milliseconds every);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

private:
    void run();

    std::string path_;
    std::chrono::milliseconds every_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

} // namespace rollcall::hub
