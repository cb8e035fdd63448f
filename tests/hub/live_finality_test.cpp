// The hub's tick finalizes meetings by itself (docs/semantics.md §12):
// LiveState in process on a real SQLite record, with rules.finalize_after
// set short; the meeting's roster, taps and results are stored.
#include "hub/core/finality.h"
#include "tests/hub/live_state_fixture.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class LiveFinality : public LiveStateFixture {
protected:
    void configure(service::HubConfig& config) override { config.finalizeAfter = 2h; }

    bool finalized(const std::string& meeting)
    {
        return countRows(path_, "SELECT count(*) FROM meetings WHERE id = '" + meeting
                                    + "' AND finalized_ms IS NOT NULL AND frozen_ms IS NOT NULL")
               == 1;
    }
};

} // namespace

TEST_F(LiveFinality, theTickFinalizesAMeetingTheConfiguredTimeAfterItsWindowCloses)
{
    // p3 checks in late at m-now (annex, started 20 minutes ago).
    std::vector<service::IncomingTap> batch{{"peer", makeTap("r-annex", 1, "04A1B2C3", common::toMillis(t0_))}};
    (void)state_->ingest(batch, t0_);
    // m-now ends at t0 + 60 min, its window at t0 + 90 min; finalize_after is 2 h.
    state_->tick(t0_ + 90min + 2h - 1s);
    EXPECT_FALSE(finalized("m-now"));
    state_->tick(t0_ + 90min + 2h + 1s); // the seed placed the meetings a moment after t0
    EXPECT_TRUE(finalized("m-now"));
    EXPECT_FALSE(finalized("m-soon")); // its window closes at t0 + 180 min
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM final_taps WHERE meeting_id = 'm-now'"), 1);
    EXPECT_EQ(countRows(path_, "SELECT count(*) FROM final_results WHERE meeting_id = 'm-now' AND person_id = 'p3' "
                               "AND status = 'late'"),
              1);
    state_->tick(t0_ + 180min + 2h + 1s);
    EXPECT_TRUE(finalized("m-soon"));
}
