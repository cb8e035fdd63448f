#pragma once
// A gtest fixture for the hub's parts in process: a fresh record seeded by
// seedHubRecord() in a temporary directory, open, and the moment just before
// it was seeded (the meetings are placed around it).
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <memory>

namespace rollcall::test {

class SeededHubRecord : public ::testing::Test {
protected:
    SeededHubRecord()
    {
        seedHubRecord(path_);
        db_ = std::make_unique<common::Database>(path_);
    }

    TempDir dir_;
    std::string path_ = dir_.file("record.db");
    const common::TimePoint t0_ = common::fromMillis(nowMs());
    std::unique_ptr<common::Database> db_;
};

} // namespace rollcall::test
