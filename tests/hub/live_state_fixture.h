#pragma once
// A LiveState in process on a freshly seeded real SQLite record
// (tests/support/hub_seed.h), loaded at t0_, publishing on a real socket.
#include "hub/service/live_state.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <memory>

namespace rollcall::test {

class LiveStateFixture : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(path_);
        db_ = std::make_unique<common::Database>(path_);
        config_.dbPath = path_;
        configure(config_);
        publisher_ = std::make_unique<service::LivePublisher>(ctx_, "tcp://127.0.0.1:*", t0_);
        state_ = std::make_unique<service::LiveState>(*db_, config_, *publisher_);
        state_->reload(t0_);
    }
    /// Settles the hub's config before the state is made (the record's path is set).
    virtual void configure(service::HubConfig& /*config*/) {}

    TempDir dir_;
    std::string path_ = dir_.file("record.db");
    const common::TimePoint t0_ = common::fromMillis(nowMs());
    zmq::context_t ctx_;
    std::unique_ptr<common::Database> db_;
    service::HubConfig config_;
    std::unique_ptr<service::LivePublisher> publisher_;
    std::unique_ptr<service::LiveState> state_;
};

} // namespace rollcall::test
