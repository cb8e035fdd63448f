#include "hub/service/checkpointer.h"

#include "common/logging.h"

#include <sqlite3.h>

namespace rollcall::service {

Checkpointer::Checkpointer(common::Database& writer, int thresholdPages)
    : writer_(writer), own_(writer.path()), threshold_(thresholdPages)
{
    writer_.exec("PRAGMA wal_autocheckpoint = 0");
    sqlite3_wal_hook(writer_.handle(), &Checkpointer::onCommit, this);
    thread_ = std::thread([this] { loop(); });
}

Checkpointer::~Checkpointer()
{
    sqlite3_wal_hook(writer_.handle(), nullptr, nullptr);
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
    // A last full pass on the way out, so a clean stop leaves a short WAL.
    try {
        own_.exec("PRAGMA wal_checkpoint(PASSIVE)");
    } catch (const common::DatabaseError&) { // the next start checkpoints instead
    }
}

int Checkpointer::onCommit(void* self, sqlite3*, const char*, int pages)
{
    auto* c = static_cast<Checkpointer*>(self);
    if (pages < c->threshold_) return SQLITE_OK;
    {
        std::lock_guard lock(c->mutex_);
        c->requested_ = true;
    }
    c->wake_.notify_one();
    return SQLITE_OK;
}

void Checkpointer::loop()
{
    while (true) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return requested_ || stop_; });
            if (stop_) return;
            requested_ = false;
        }
        try {
            own_.exec("PRAGMA wal_checkpoint(PASSIVE)");
            ++checkpoints_;
        } catch (const common::DatabaseError& e) {
            // A full disk or an I/O error: the WAL keeps growing, the record
            // stays correct; the next commit past the threshold asks again.
            if (failures_++ == 0) common::namedLogger("hub")->warn("checkpoint failed (will retry): {}", e.what());
        }
    }
}

} // namespace rollcall::service
