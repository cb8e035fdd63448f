// LiveState in process, on a real SQLite record: the alarms a board joining
// now is told of in its snapshot (issue 16) — the hub's own alarm while it is
// raised, and an acknowledgement of it only for the occurrence acknowledged.
#include "hub/core/alarm_acks.h"
#include "tests/hub/live_state_fixture.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::test;
using namespace std::chrono_literals;

namespace {

class LiveStateAlarms : public LiveStateFixture {
protected:
    void raise()
    {
        state_->publishHubAlarm("记录写入失败：磁盘已满（full）", true, "record_write_failed", {"disk_full", "full"});
    }
    void recover() { state_->publishHubAlarm("记录写入已恢复", false, "record_write_recovered"); }
    /// Records an acknowledgement of the hub's alarm at `at` and lets the hub's tick publish it.
    void acknowledge(const std::string& note, common::TimePoint at)
    {
        core::AlarmAck ack{0, "hub", "record_write_failed", note, at, "huiwuzu-1"};
        core::addAlarmAck(*db_, ack);
        state_->tick(at);
    }
    /// The notes of the acknowledgements a board joining now is told of ("" for the raised alarm itself).
    std::vector<std::string> standing(common::TimePoint since)
    {
        std::vector<std::string> out;
        for (const auto& a : state_->standingAlarms({}, since)) out.push_back(a.ack_note.value_or(""));
        return out;
    }
};

} // namespace

TEST_F(LiveStateAlarms, theHubsAlarmIsToldWhileRaisedWithItsAcknowledgement)
{
    EXPECT_TRUE(standing(t0_ - 1h).empty());
    raise();
    const auto raised = state_->standingAlarms({}, t0_ - 1h);
    ASSERT_EQ(raised.size(), 1u);
    EXPECT_EQ(raised[0].reader_id, "hub");
    EXPECT_TRUE(raised[0].active);
    EXPECT_EQ(raised[0].code, "record_write_failed");

    acknowledge("已清理磁盘", t0_ + 1s);
    const auto acked = state_->standingAlarms({}, t0_ - 1h);
    ASSERT_EQ(acked.size(), 2u);
    EXPECT_EQ(acked[1].ack_by.value_or(""), "huiwuzu-1");
    EXPECT_EQ(acked[1].ack_note.value_or(""), "已清理磁盘");
    EXPECT_TRUE(acked[1].active);
    EXPECT_EQ(standing(t0_ + 2s), std::vector<std::string>{""}) << "an acknowledgement before `since` is not told";

    recover();
    EXPECT_TRUE(standing(t0_ - 1h).empty()) << "over: nothing to show";
}

TEST_F(LiveStateAlarms, anAcknowledgementDoesNotCoverTheHubsNextAlarm)
{
    raise();
    acknowledge("第一次", t0_ + 1s);
    recover();
    raise();
    EXPECT_EQ(standing(t0_ - 1h), std::vector<std::string>{""}) << "raised again: new and unacknowledged";
    acknowledge("第二次", t0_ + 2s);
    EXPECT_EQ(standing(t0_ - 1h), (std::vector<std::string>{"", "第二次"}));
}

TEST_F(LiveStateAlarms, aBadgesAcknowledgementIsToldAndOnlyTheLastOfEachAlarm)
{
    for (const auto* note : {"已收卡", "本人在场"}) {
        core::AlarmAck ack{0, "04A1B2C3", "revoked_badge", note, t0_ + 1s, "huiwuzu-1"};
        core::addAlarmAck(*db_, ack);
    }
    EXPECT_TRUE(standing(t0_ - 1h).empty()) << "not published yet: the live feed brings it first";
    state_->tick(t0_ + 1s);
    EXPECT_EQ(standing(t0_ - 1h), std::vector<std::string>{"本人在场"});
}
