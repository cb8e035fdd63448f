#include "dashboard/src/update_sequencer.h"

#include <algorithm>

namespace rollcall::dashboard {

UpdateSequencer::UpdateSequencer(std::size_t maxBuffered) : maxBuffered_(std::max<std::size_t>(1, maxBuffered)) {}

void UpdateSequencer::reset()
{
    live_ = false;
    last_ = 0;
    buffer_.clear();
}

void UpdateSequencer::buffer(protocol::Update update)
{
    if (buffer_.size() >= maxBuffered_) buffer_.pop_front();
    buffer_.push_back(std::move(update));
}

UpdateSequencer::Decision UpdateSequencer::offer(protocol::Update update)
{
    if (!live_) {
        buffer(std::move(update));
        return Decision::Buffered;
    }
    if (update.seq == last_ + 1) {
        last_ = update.seq;
        return Decision::Apply;
    }
    // Anything else (a hole, a repeat, a stream that went back) means our
    // state no longer follows the hub's: wait for a new snapshot, keeping
    // this update in case the snapshot predates it.
    live_ = false;
    buffer_.clear();
    buffer(std::move(update));
    return Decision::Gap;
}

UpdateSequencer::SnapshotOutcome UpdateSequencer::acceptSnapshot(std::uint64_t snapshotSeq)
{
    SnapshotOutcome out;
    // Updates already contained in the snapshot are dropped.
    std::erase_if(buffer_, [&](const protocol::Update& u) { return u.seq <= snapshotSeq; });
    std::sort(buffer_.begin(), buffer_.end(),
              [](const protocol::Update& a, const protocol::Update& b) { return a.seq < b.seq; });
    std::uint64_t expect = snapshotSeq + 1;
    for (const auto& u : buffer_) {
        if (u.seq != expect) {
            out.gap = true;
            break;
        }
        ++expect;
    }
    if (out.gap) {
        // Keep waiting; the buffer still holds what a newer snapshot may need.
        live_ = false;
        last_ = snapshotSeq;
        return out;
    }
    out.updates.assign(std::make_move_iterator(buffer_.begin()), std::make_move_iterator(buffer_.end()));
    buffer_.clear();
    last_ = expect - 1;
    live_ = true;
    return out;
}

} // namespace rollcall::dashboard
