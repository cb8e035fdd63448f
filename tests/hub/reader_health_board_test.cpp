// ReaderHealthBoard in process, on a real SQLite record: what hellos and
// heartbeats make of a reader's health, when a silent reader is an alarm,
// and the reader_health rows and uptime spans it persists.
#include "hub/service/reader_health_board.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <gtest/gtest.h>
#include <set>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class ReaderHealthBoardTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        seedHubRecord(path_);
        db_ = std::make_unique<common::Database>(path_);
        board_ = std::make_unique<service::ReaderHealthBoard>(
            *db_, config_,
            [this](const std::string& venueId, const protocol::UpdatePayload& p) {
                published_.emplace_back(venueId, p);
            },
            [this](const std::string& venueId, common::TimePoint) { return openVenues_.count(venueId) != 0; });
        std::unordered_map<std::string, core::Reader> readers;
        for (auto& r : core::Record(*db_).readers()) readers.emplace(r.id, r);
        board_->load(readers);
    }
    protocol::Heartbeat beat(const std::string& reader, common::TimePoint agentClock)
    {
        protocol::Heartbeat hb;
        hb.reader_id = reader;
        hb.agent_clock_ms = common::toMillis(agentClock);
        hb.reader_state = protocol::ReaderState::Ok;
        hb.agent_version = "test";
        hb.outbox_depth = 2;
        return hb;
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> spans(const std::string& reader)
    {
        auto s = db_->prepare("SELECT from_ms, to_ms FROM reader_uptime WHERE reader_id = ? ORDER BY id");
        s.bind(1, reader);
        std::vector<std::pair<std::int64_t, std::int64_t>> out;
        while (s.step()) out.emplace_back(s.getInt(0), s.getInt(1));
        return out;
    }
    protocol::ReaderHealth wire(const std::string& venue)
    {
        const auto readers = board_->readersAt({venue});
        EXPECT_EQ(readers.size(), 1u);
        return readers.empty() ? protocol::ReaderHealth{} : readers.front();
    }
    TempDir dir_;
    std::string path_ = dir_.file("record.db");
    const common::TimePoint t0_ = common::fromMillis(nowMs());
    std::unique_ptr<common::Database> db_;
    service::HubConfig config_;
    std::set<std::string> openVenues_;
    std::vector<std::pair<std::string, protocol::UpdatePayload>> published_;
    std::unique_ptr<service::ReaderHealthBoard> board_;
};

TEST_F(ReaderHealthBoardTest, heartbeatShowsTheReaderOnlineWithItsClockOffsetAndIsPersisted)
{
    board_->heartbeat(beat("r-hall", t0_ + 1h), t0_); // an agent an hour fast
    const auto w = wire("hall");
    EXPECT_TRUE(w.online);
    EXPECT_EQ(w.clock_offset_ms, -3'600'000);
    EXPECT_EQ(w.outbox_depth, 2u);
    ASSERT_FALSE(published_.empty());
    EXPECT_EQ(published_.back().first, "hall");
    EXPECT_TRUE(board_->persist());
    EXPECT_FALSE(board_->persist()) << "nothing changed since";
    auto s = db_->prepare("SELECT clock_offset_ms, outbox_depth FROM reader_health WHERE reader_id = 'r-hall'");
    ASSERT_TRUE(s.step());
    EXPECT_EQ(s.getInt(0), -3'600'000);
    EXPECT_EQ(s.getInt(1), 2);
}

TEST_F(ReaderHealthBoardTest, uptimeSpanGrowsWhileHeartbeatsComeAndANewOneStartsAfterAGap)
{
    const auto t0 = common::toMillis(t0_);
    board_->heartbeat(beat("r-hall", t0_), t0_);
    board_->persist();
    board_->heartbeat(beat("r-hall", t0_ + 20s), t0_ + 20s);
    board_->persist();
    board_->heartbeat(beat("r-hall", t0_ + 120s), t0_ + 120s); // silent for more than offline_after
    board_->persist();
    EXPECT_EQ(spans("r-hall"),
              (std::vector<std::pair<std::int64_t, std::int64_t>>{{t0, t0 + 20'000}, {t0 + 120'000, t0 + 120'000}}));
}

TEST_F(ReaderHealthBoardTest, helloFromAReaderNobodyRegisteredIsNotKnown)
{
    protocol::Hello hello{"r-ghost", "test", common::toMillis(t0_)};
    EXPECT_FALSE(board_->hello(hello, t0_));
    EXPECT_FALSE(board_->known("r-ghost"));
    hello.reader_id = "r-hall";
    EXPECT_TRUE(board_->hello(hello, t0_ + 5s));
    EXPECT_EQ(wire("hall").clock_offset_ms, 5'000);
}

TEST(ReaderHealthBoardOffline, silentReaderIsAnAlarmOnlyWhileAMeetingAtItsVenueIsOpen)
{
    struct Case {
        const char* name;
        bool meetingOpen;
        bool alarm;
    };
    const std::vector<Case> cases{
        {"meeting open at the venue", true, true},
        {"no meeting open", false, false},
    };
    for (const auto& c : cases) {
        TempDir dir;
        const auto path = dir.file("record.db");
        seedHubRecord(path);
        common::Database db(path);
        service::HubConfig config;
        std::vector<protocol::Alarm> alarms;
        std::vector<protocol::ReaderHealth> updates;
        service::ReaderHealthBoard board(
            db, config,
            [&](const std::string&, const protocol::UpdatePayload& p) {
                if (const auto* a = std::get_if<protocol::Alarm>(&p)) alarms.push_back(*a);
                if (const auto* r = std::get_if<protocol::ReaderHealth>(&p)) updates.push_back(*r);
            },
            [&](const std::string& venueId, common::TimePoint) { return c.meetingOpen && venueId == "hall"; });
        std::unordered_map<std::string, core::Reader> readers;
        for (auto& r : core::Record(db).readers()) readers.emplace(r.id, r);
        board.load(readers);
        const auto t0 = common::fromMillis(nowMs());
        protocol::Heartbeat hb;
        hb.reader_id = "r-hall";
        hb.agent_clock_ms = common::toMillis(t0);
        hb.reader_state = protocol::ReaderState::Ok;
        board.heartbeat(hb, t0);
        board.sweep(t0 + 10s);
        EXPECT_TRUE(alarms.empty()) << c.name << ": still within offline_after";
        board.sweep(t0 + config.readerOfflineAfter + 1s);
        ASSERT_FALSE(updates.empty()) << c.name;
        EXPECT_FALSE(updates.back().online) << c.name;
        EXPECT_EQ(updates.back().alarm, c.alarm) << c.name;
        EXPECT_EQ(alarms.size(), c.alarm ? 1u : 0u) << c.name;
        if (c.alarm) {
            EXPECT_TRUE(alarms.back().active);
            board.heartbeat(hb, t0 + 60s); // back: the alarm is cleared
            ASSERT_EQ(alarms.size(), 2u);
            EXPECT_FALSE(alarms.back().active) << c.name;
        }
    }
}

} // namespace
