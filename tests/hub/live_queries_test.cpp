// LiveQueries in process, on a real SQLite record: snapshots from the live
// state (and their seq), an unknown meeting, and the day's meeting list.
#include "hub/service/live_queries.h"
#include "tests/hub/live_state_fixture.h"

#include <gtest/gtest.h>
#include <set>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class LiveQueriesTest : public LiveStateFixture {
protected:
    void configure(service::HubConfig& config) override { config.zone = "UTC"; }
    void SetUp() override
    {
        LiveStateFixture::SetUp();
        queries_ = std::make_unique<service::LiveQueries>(*db_, config_, *state_, *publisher_);
    }
    std::unique_ptr<service::LiveQueries> queries_;
};

TEST_F(LiveQueriesTest, trackedMeetingSnapshotCarriesTheLiveSeqItsReadersAndItsRecentTaps)
{
    protocol::Heartbeat hb;
    hb.reader_id = "r-hall";
    hb.agent_clock_ms = common::toMillis(t0_);
    hb.reader_state = protocol::ReaderState::Ok;
    state_->heartbeat(hb, t0_);
    std::vector<service::IncomingTap> batch{{"peer", makeTap("r-hall", 1, "04A1B2C1", common::toMillis(t0_))}};
    (void)state_->ingest(batch, t0_);
    state_->publishPending();

    const auto reply = queries_->snapshot("m-soon", t0_ + 1s);
    ASSERT_TRUE(std::holds_alternative<protocol::Snapshot>(reply));
    const auto& s = std::get<protocol::Snapshot>(reply);
    EXPECT_EQ(s.meeting.id, "m-soon");
    EXPECT_EQ(s.seq, publisher_->lastSeq("m-soon")) << "a dashboard applies updates after this seq";
    ASSERT_EQ(s.readers.size(), 1u);
    EXPECT_EQ(s.readers.front().reader_id, "r-hall");
    EXPECT_TRUE(s.readers.front().online);
    ASSERT_EQ(s.recent_taps.size(), 1u);
    EXPECT_EQ(s.recent_taps.front().badge_uid, "04A1B2C1");
}

TEST_F(LiveQueriesTest, unknownMeetingIsAnErrorNamingIt)
{
    const auto reply = queries_->snapshot("m-nowhere", t0_);
    ASSERT_TRUE(std::holds_alternative<protocol::Error>(reply));
    EXPECT_EQ(std::get<protocol::Error>(reply).code, "unknown_meeting");
    EXPECT_NE(std::get<protocol::Error>(reply).message.find("m-nowhere"), std::string::npos);
}

TEST_F(LiveQueriesTest, meetingListOfADay)
{
    const core::Zone zone("UTC");
    struct Case {
        const char* name;
        std::optional<std::string> day;
        bool listsSeeded;
    };
    const std::vector<Case> cases{
        {"today by default", std::nullopt, true},
        {"today by date", zone.formatDate(t0_ + 30min), true},
        {"a day without meetings", "2001-01-01", false},
    };
    for (const auto& c : cases) {
        const auto list = queries_->meetingList(c.day, t0_);
        std::set<std::string> ids;
        for (const auto& m : list.meetings) ids.insert(m.id);
        // m-soon starts in 30 min, m-now started 20 min ago: both today except right around midnight.
        if (c.listsSeeded && zone.formatDate(t0_ - 20min) == zone.formatDate(t0_ + 30min)) {
            EXPECT_EQ(ids, (std::set<std::string>{"m-now", "m-soon"})) << c.name;
        }
        if (!c.listsSeeded) {
            EXPECT_TRUE(ids.empty()) << c.name;
        }
    }
    EXPECT_THROW((void)queries_->meetingList(std::string("2026-13-45"), t0_), common::InputError);
}

} // namespace

TEST_F(LiveQueriesTest, pastMeetingSnapshotCarriesItsTapsAndTheListNamesVenues)
{
    {
        // A meeting that ended 14 h ago at the hall, out of the live state's horizon (12 h back),
        // with two taps (the seeded badges were issued a day ago).
        core::Record r(*db_);
        common::Transaction tx(*db_);
        core::Meeting past;
        past.id = "m-past";
        past.title = "上周的会";
        past.venues = {"hall"};
        past.times.start = t0_ - 16h;
        past.times.end = t0_ - 14h;
        past.times.opening = past.times.start - 60min;
        r.addMeeting(past, t0_ - 20h);
        r.addInvite("m-past", {std::string("州直机关"), std::nullopt});
        for (const auto& [seq, uid, at] :
             {std::tuple{1, "04A1B2C1", t0_ - 16h - 10min}, std::tuple{2, "04A1B2C2", t0_ - 16h + 7min}}) {
            core::TapRecord tap;
            tap.readerId = "r-hall";
            tap.seq = seq;
            tap.badgeUid = uid;
            tap.at = at;
            tap.venueId = "hall";
            tap.receivedAt = at;
            (void)r.insertTap(tap);
        }
        tx.commit();
    }
    const auto reply = queries_->snapshot("m-past", t0_);
    ASSERT_TRUE(std::holds_alternative<protocol::Snapshot>(reply));
    const auto& s = std::get<protocol::Snapshot>(reply);
    ASSERT_EQ(s.recent_taps.size(), 2u) << "an ended meeting's board shows its taps";
    EXPECT_EQ(s.recent_taps[0].badge_uid, "04A1B2C2") << "newest first";
    EXPECT_EQ(s.recent_taps[0].verdict, protocol::Verdict::Late);
    EXPECT_EQ(s.recent_taps[1].badge_uid, "04A1B2C1");
    EXPECT_EQ(s.recent_taps[1].verdict, protocol::Verdict::Present);

    const auto list = queries_->meetingList(std::nullopt, t0_);
    for (const auto& m : list.meetings)
        if (m.id == "m-soon") {
            EXPECT_EQ(m.venue_names, std::vector<std::string>{"州会议中心"});
        }
}
