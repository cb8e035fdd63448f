// LiveTracker in process, on a real SQLite record: which meetings it tracks,
// the boards' recent taps, which venues have a meeting open, and the live
// updates it publishes (watched by a real subscriber over TCP on 127.0.0.1).
#include "hub/service/live_tracker.h"
#include "tests/support/seeded_hub_record.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class LiveTrackerTest : public SeededHubRecord {
protected:
    void SetUp() override
    {
        directory_.load(*db_);
        publisher_ = std::make_unique<service::LivePublisher>(ctx_, "tcp://127.0.0.1:*", t0_);
        live_ = std::make_unique<service::LiveTracker>(*db_, config_, *publisher_, directory_);
    }
    /// A tap as the board shows it.
    static protocol::TapEvent event(std::uint64_t tapId, std::int64_t atMs)
    {
        protocol::TapEvent e;
        e.tap_id = tapId;
        e.reader_id = "r-hall";
        e.at_ms = atMs;
        return e;
    }
    zmq::context_t ctx_;
    service::HubConfig config_;
    service::LiveDirectory directory_;
    std::unique_ptr<service::LivePublisher> publisher_;
    std::unique_ptr<service::LiveTracker> live_;
};

TEST_F(LiveTrackerTest, reloadTracksTheMeetingsAroundNowAndPublishesEachOnce)
{
    EXPECT_FALSE(live_->loaded());
    live_->reload(t0_);
    ASSERT_TRUE(live_->loaded());
    EXPECT_EQ(live_->trackedMeetings(), 2u);
    const auto seq = publisher_->lastSeq("m-soon");
    EXPECT_GT(seq, publisher_->lastSeq("m-nowhere")) << "a new meeting's definition and summary go out";
    live_->reload(t0_);
    EXPECT_EQ(publisher_->lastSeq("m-soon"), seq) << "nothing changed, nothing published";
    live_->forget();
    EXPECT_FALSE(live_->loaded());
}

TEST_F(LiveTrackerTest, horizonReachesTwelveHoursBackAndADayAhead)
{
    live_->reload(t0_);
    struct Case {
        const char* name;
        common::TimePoint at;
        bool inside;
    };
    const std::vector<Case> cases{
        {"now", t0_, true},
        {"11 hours ago", t0_ - 11h, true},
        {"13 hours ago", t0_ - 13h, false},
        {"23 hours ahead", t0_ + 23h, true},
        {"25 hours ahead", t0_ + 25h, false},
    };
    for (const auto& c : cases) EXPECT_EQ(live_->inHorizon(c.at), c.inside) << c.name;
}

TEST_F(LiveTrackerTest, meetingIsOpenAtItsVenuesFromItsOpeningToItsEnd)
{
    live_->reload(t0_);
    struct Case {
        const char* name;
        std::string venue;
        common::TimePoint at;
        bool open;
    };
    const std::vector<Case> cases{
        {"m-now is under way at the annex", "annex", t0_, true},
        {"m-soon's doors opened at the hall", "hall", t0_, true},
        {"no meeting at a venue nobody uses", "roof", t0_, false},
        {"m-now has ended", "annex", t0_ + 61min, false},
        {"before m-soon's doors open", "hall", t0_ - 31min, false},
    };
    for (const auto& c : cases) EXPECT_EQ(live_->meetingOpenAtVenue(c.venue, c.at), c.open) << c.name;
}

TEST_F(LiveTrackerTest, recentTapsAreNewestFirstAndOnlyTheLatestFifty)
{
    live_->reload(t0_);
    for (std::uint64_t i = 1; i <= 60; ++i) live_->rememberTap("m-soon", event(i, common::toMillis(t0_) + 1));
    const auto taps = live_->recentTaps("m-soon");
    ASSERT_EQ(taps.size(), 50u);
    EXPECT_EQ(taps.front().tap_id, 60u);
    EXPECT_EQ(taps.back().tap_id, 11u);
    EXPECT_TRUE(live_->recentTaps("m-now").empty());
}

TEST_F(LiveTrackerTest, hubAlarmGoesToTheHubStreamAndEveryTrackedMeeting)
{
    live_->reload(t0_);
    LiveSubscriber hub(ctx_, publisher_->endpoint(), "");
    LiveSubscriber meeting(ctx_, publisher_->endpoint(), "m-now");
    auto isAlarm = [](const protocol::Update& u) {
        const auto* a = std::get_if<protocol::Alarm>(&u.payload);
        return a && a->reader_id == service::kHubAlarmSource && a->code == "record_write_failed" && a->active;
    };
    // A subscriber joins asynchronously: publish until both have seen one.
    bool hubSaw = false, meetingSaw = false;
    for (int i = 0; i < 100 && !(hubSaw && meetingSaw); ++i) {
        live_->publishHubAlarm("记录写入失败：磁盘已满", true, "record_write_failed", {"disk_full", "test"});
        hubSaw = hubSaw || hub.waitFor(isAlarm, 50ms).has_value();
        meetingSaw = meetingSaw || meeting.waitFor(isAlarm, 50ms).has_value();
    }
    EXPECT_TRUE(hubSaw);
    EXPECT_TRUE(meetingSaw);
}

TEST_F(LiveTrackerTest, advancePublishesEachMeetingsSummaryEveryTenSeconds)
{
    live_->reload(t0_);
    live_->advance(t0_);
    const auto seq = publisher_->lastSeq("m-soon");
    live_->advance(t0_ + 5s);
    EXPECT_EQ(publisher_->lastSeq("m-soon"), seq) << "the last summary is still fresh";
    live_->advance(t0_ + 11s);
    EXPECT_EQ(publisher_->lastSeq("m-soon"), seq + 1);
    (void)live_->summaryUpdate("m-soon", t0_ + 15s); // sent with a batch: the periodic one waits again
    live_->advance(t0_ + 22s);
    EXPECT_EQ(publisher_->lastSeq("m-soon"), seq + 1);
}

TEST_F(LiveTrackerTest, trackedResultIsNulloptForAMeetingNotTracked)
{
    live_->reload(t0_);
    const auto result = live_->trackedResult("m-now", t0_);
    ASSERT_TRUE(result.has_value());
    EXPECT_EQ(result->meeting.id, "m-now");
    EXPECT_FALSE(live_->trackedResult("m-nowhere", t0_).has_value());
}

} // namespace
