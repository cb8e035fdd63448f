#include "hub/service/wal_checkpointer.h"

#include "common/database.h"

#include <chrono>
#include <pthread.h>
#include <sqlite3.h>
#include <utility>

namespace rollcall::service {

WalCheckpointer::WalCheckpointer(std::string dbPath) : dbPath_(std::move(dbPath)), thread_([this] { loop(); }) {}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void WalCheckpointer::request()
{
    {
        std::lock_guard lock(mutex_);
        if (running_ || requested_) return;
        requested_ = true;
    }
    wake_.notify_one();
}

bool WalCheckpointer::running() const
{
    std::lock_guard lock(mutex_);
    return running_ || requested_;
}

void growInChunks(common::Database& db)
{
    int chunk = kRecordChunkBytes;
    (void)sqlite3_file_control(db.handle(), "main", SQLITE_FCNTL_CHUNK_SIZE,
                               &chunk); // a hint: growing by pages works too
}

WalCheckpointer::Result WalCheckpointer::take()
{
    std::lock_guard lock(mutex_);
    return std::exchange(result_, {});
}

WalCheckpointer::Result WalCheckpointer::waitAndTake(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(mutex_);
    finished_.wait_for(lock, timeout, [this] { return result_.done; });
    return std::exchange(result_, {});
}

void WalCheckpointer::loop()
{
    ::pthread_setname_np(::pthread_self(), "hub-checkpoint");
    std::unique_ptr<common::Database> db; // opened on first use, on this thread
    while (true) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return requested_ || stopping_; });
            if (stopping_) return;
            requested_ = false;
            running_ = true;
        }
        Result r;
        const auto started = std::chrono::steady_clock::now();
        try {
            if (!db) {
                db = std::make_unique<common::Database>(dbPath_);
                growInChunks(*db);
            }
            const int rc = sqlite3_wal_checkpoint_v2(db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &r.walFrames,
                                                     &r.backfilled);
            if (rc != SQLITE_OK && rc != SQLITE_BUSY) r.error = sqlite3_errmsg(db->handle());
        } catch (const common::DatabaseError& e) {
            r.error = e.what();
            db.reset(); // reopened next time
        }
        r.ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
        r.done = true;
        {
            std::lock_guard lock(mutex_);
            result_ = r;
            running_ = false;
        }
        finished_.notify_all();
    }
}

} // namespace rollcall::service
