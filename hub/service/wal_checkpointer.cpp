#include "wal_checkpointer.h"

#include "database.h"

#include <spdlog/spdlog.h>

namespace rollcall::hub {

WalCheckpointer::WalCheckpointer(std::string dbPath, std::chrono::milliseconds every)
    : path_(std::move(dbPath)), every_(every), thread_([this] { run(); })
{
}

WalCheckpointer::~WalCheckpointer()
{
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void WalCheckpointer::run()
{
    try {
        db::Database db(path_);
        std::unique_lock lock(mutex_);
        while (!wake_.wait_for(lock, every_, [this] { return stop_; })) {
            lock.unlock();
            try {
                // PASSIVE never waits for the writer or readers; what it cannot copy now it copies next time.
                db.exec("PRAGMA wal_checkpoint(PASSIVE)");
            } catch (const db::DatabaseError& e) {
                spdlog::warn("WAL checkpoint: {}", e.what());
            }
            lock.lock();
        }
    } catch (const std::exception& e) {
        spdlog::error("WAL checkpointer stopped: {}", e.what());
    }
}

} // namespace rollcall::hub
