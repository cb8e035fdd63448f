// AlarmListModel through a board's Dashboard (issue 16): every alarm the board
// raises — a lost card used at a door, the hub's own — is a row with the
// identity `alarm ack` takes; an acknowledgement covers the badge's taps up
// to when it was made and the hub's alarm while it lasts; a snapshot's alarms
// tell a board that joins late what it missed; an older hub's snapshot without
// them still loads.
#include "dashboard/src/alarm_list_model.h"
#include "dashboard/src/dashboard.h"
#include "tests/dashboard/support/board_fixture.h"

#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;
namespace p = rollcall::protocol;

namespace {

constexpr const char* kLost = "04A1B2C2";

p::Alarm ackOf(const std::string& source, const std::string& code, std::int64_t atMs, bool active = true)
{
    p::Alarm a{source, "告警已确认：desk-1（已收卡）", active, code, {source}};
    a.ack_by = "desk-1";
    a.ack_note = "已收卡";
    a.ack_ms = atMs;
    return a;
}

p::Alarm hubAlarm(bool active)
{
    return active
               ? p::Alarm{"hub", "记录写入失败：磁盘已满（full）", true, "record_write_failed", {"disk_full", "full"}}
               : p::Alarm{"hub", "记录写入已恢复", false, "record_write_recovered", {}};
}

QString role(const AlarmListModel& m, int row, AlarmListModel::Role r) { return m.index(row).data(r).toString(); }

/// The simulated hub's snapshot without its offline reader: a board with no alarm yet.
p::Snapshot quietSnapshot(const HubSim& sim)
{
    auto s = sim.snapshot();
    std::erase_if(s.readers, [](const p::ReaderHealth& r) { return !r.online; });
    return s;
}

struct BoardWithAlarms {
    HubSim sim{40};
    Dashboard dashboard{[] { return kStartMs + 20 * kMinute; }};
    BoardWithAlarms() { dashboard.applySnapshot(quietSnapshot(sim)); }
    void tap(std::int64_t atMs)
    {
        for (const auto& u : sim.revokedBadge(kLost, atMs)) dashboard.applyUpdate(u);
    }
    void alarm(const p::Alarm& a) { dashboard.applyUpdate(sim.publish(a)); }
    AlarmListModel& alarms() { return *dashboard.alarms(); }
};

} // namespace

TEST(AlarmListModel, aLostCardTapIsAnOpenAlarmNamedByItsBadge)
{
    BoardWithAlarms b;
    EXPECT_EQ(b.alarms().rowCount(), 0);
    EXPECT_TRUE(b.alarms().bannerText().isEmpty());
    b.tap(kStartMs + 12 * kMinute);
    ASSERT_EQ(b.alarms().rowCount(), 1);
    EXPECT_EQ(role(b.alarms(), 0, AlarmListModel::SourceRole), QString::fromLatin1(kLost));
    EXPECT_EQ(role(b.alarms(), 0, AlarmListModel::CodeRole), QStringLiteral("revoked_badge"));
    EXPECT_FALSE(b.alarms().index(0).data(AlarmListModel::AcknowledgedRole).toBool());
    EXPECT_TRUE(b.alarms().bannerOpen());
    EXPECT_EQ(b.alarms().openCount(), 1);
    EXPECT_EQ(b.alarms().bannerText(), b.dashboard.tapFeed()->lostCardAlert()) << "the same sentence as before";
}

struct BadgeAckCase {
    const char* name;
    std::int64_t tapAt, ackAt;
    bool acknowledged;
};

class AlarmListModelBadgeAck : public ::testing::TestWithParam<BadgeAckCase> {};

TEST_P(AlarmListModelBadgeAck, anAcknowledgementCoversTheTapsMadeBeforeIt)
{
    const auto& c = GetParam();
    BoardWithAlarms b;
    b.tap(c.tapAt);
    b.alarm(ackOf(kLost, "revoked_badge", c.ackAt, false));
    ASSERT_EQ(b.alarms().rowCount(), 1);
    EXPECT_EQ(b.alarms().index(0).data(AlarmListModel::AcknowledgedRole).toBool(), c.acknowledged);
    EXPECT_EQ(b.alarms().bannerOpen(), !c.acknowledged);
    EXPECT_EQ(b.alarms().bannerText().contains(QStringLiteral("desk-1")), c.acknowledged)
        << b.alarms().bannerText().toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Rules, AlarmListModelBadgeAck,
    ::testing::Values(BadgeAckCase{"ackAfterTheTap", kStartMs + 12 * kMinute, kStartMs + 13 * kMinute, true},
                      BadgeAckCase{"ackAtTheTapsMillisecond", kStartMs + 12 * kMinute, kStartMs + 12 * kMinute, true},
                      BadgeAckCase{"ackBeforeTheTapIsAnEarlierOccurrence", kStartMs + 12 * kMinute,
                                   kStartMs + 11 * kMinute, false}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(AlarmListModel, theSameCardUsedAgainAfterTheAcknowledgementIsOpenAgain)
{
    BoardWithAlarms b;
    b.tap(kStartMs + 12 * kMinute);
    b.alarm(ackOf(kLost, "revoked_badge", kStartMs + 13 * kMinute, false));
    EXPECT_FALSE(b.alarms().bannerOpen());
    b.tap(kStartMs + 15 * kMinute);
    ASSERT_EQ(b.alarms().rowCount(), 1) << "one row per badge: its newest tap";
    EXPECT_TRUE(b.alarms().bannerOpen());
    EXPECT_FALSE(b.alarms().bannerText().contains(QStringLiteral("desk-1")));
}

TEST(AlarmListModel, theHubsAlarmIsListedAndItsAcknowledgementLastsWhileItDoes)
{
    BoardWithAlarms b;
    b.alarm(ackOf("hub", "record_write_failed", kStartMs)); // nothing raised: nothing to acknowledge
    EXPECT_EQ(b.alarms().rowCount(), 0);
    b.alarm(hubAlarm(true));
    ASSERT_EQ(b.alarms().rowCount(), 1);
    EXPECT_EQ(role(b.alarms(), 0, AlarmListModel::SourceRole), QStringLiteral("hub"));
    EXPECT_EQ(role(b.alarms(), 0, AlarmListModel::CodeRole), QStringLiteral("record_write_failed"));
    EXPECT_TRUE(b.alarms().bannerOpen());
    b.alarm(ackOf("hub", "record_write_failed", kStartMs + 14 * kMinute));
    EXPECT_FALSE(b.alarms().bannerOpen());
    EXPECT_TRUE(role(b.alarms(), 0, AlarmListModel::AckTextRole).contains(QStringLiteral("已收卡")));
    b.alarm(hubAlarm(true)); // the failed retry's repeat changes nothing
    EXPECT_FALSE(b.alarms().bannerOpen());

    b.alarm(hubAlarm(false));
    EXPECT_EQ(b.alarms().rowCount(), 0);
    b.alarm(hubAlarm(true));
    EXPECT_TRUE(b.alarms().bannerOpen()) << "raised again: a new alarm";
}

TEST(AlarmListModel, aReadersAlarmIsListedWithTheCodeTheDeskAcknowledgesItBy)
{
    BoardWithAlarms b;
    b.dashboard.applyUpdate(b.sim.readerState("door-2", false, kStartMs + 10 * kMinute));
    ASSERT_EQ(b.alarms().rowCount(), 1);
    EXPECT_EQ(role(b.alarms(), 0, AlarmListModel::SourceRole), QStringLiteral("door-2"));
    EXPECT_EQ(role(b.alarms(), 0, AlarmListModel::CodeRole), QStringLiteral("reader_offline"));
    EXPECT_TRUE(b.alarms().bannerText().isEmpty()) << "a reader's alarm has its own bar";
    b.alarm(ackOf("door-2", "reader_offline", kStartMs + 15 * kMinute));
    EXPECT_TRUE(b.alarms().index(0).data(AlarmListModel::AcknowledgedRole).toBool());
    EXPECT_EQ(b.alarms().openCount(), 0);
}

TEST(AlarmListModel, aBoardJoiningLateLearnsTheAcknowledgementsFromItsSnapshot)
{
    BoardWithAlarms first;
    first.tap(kStartMs + 12 * kMinute);
    auto snapshot = quietSnapshot(first.sim); // its recent taps hold the lost card's
    snapshot.alarms = {hubAlarm(true), ackOf("hub", "record_write_failed", kStartMs + 13 * kMinute),
                       ackOf(kLost, "revoked_badge", kStartMs + 13 * kMinute, false)};

    Dashboard late([] { return kStartMs + 20 * kMinute; });
    late.applySnapshot(snapshot);
    ASSERT_EQ(late.alarms()->rowCount(), 2);
    EXPECT_EQ(late.alarms()->openCount(), 0);
    EXPECT_FALSE(late.alarms()->bannerOpen());

    snapshot.alarms.clear(); // an older hub: no alarms' history, the lost card open as before
    late.applySnapshot(snapshot);
    ASSERT_EQ(late.alarms()->rowCount(), 1);
    EXPECT_TRUE(late.alarms()->bannerOpen());
}

namespace {

/// The hub's standing alarm of a lost card (issue 17), as the live feed and the snapshot carry it.
p::Alarm lostCard(std::int64_t atMs, bool active = true)
{
    return {kLost,
            "挂失卡 04A1B2C2（吴敏） 在读卡器 door-2 使用",
            active,
            "revoked_badge",
            {kLost, "吴敏", "lost", "door-2", "venue.main", std::to_string(atMs)}};
}

} // namespace

TEST(AlarmListModel, aLostCardsStandingAlarmIsListedWithItsHolderWhateverTheFeedHolds)
{
    BoardWithAlarms first;
    auto snapshot = quietSnapshot(first.sim);
    snapshot.recent_taps.clear(); // the lost card's tap long gone from the feed
    snapshot.alarms = {lostCard(kStartMs + 12 * kMinute)};
    Dashboard late([] { return kStartMs + 20 * kMinute; });
    late.applySnapshot(snapshot);
    auto& alarms = *late.alarms();
    ASSERT_EQ(alarms.rowCount(), 1);
    EXPECT_EQ(role(alarms, 0, AlarmListModel::SourceRole), QString::fromLatin1(kLost));
    EXPECT_EQ(role(alarms, 0, AlarmListModel::CodeRole), QStringLiteral("revoked_badge"));
    const auto message = role(alarms, 0, AlarmListModel::MessageRole);
    EXPECT_TRUE(message.contains(QStringLiteral("吴敏")) && message.contains(QStringLiteral("door-2")))
        << message.toStdString();
    EXPECT_TRUE(alarms.bannerOpen());

    // Acknowledged at a desk: handled, still shown.
    late.applyUpdate(first.sim.publish(ackOf(kLost, "revoked_badge", kStartMs + 14 * kMinute)));
    ASSERT_EQ(alarms.rowCount(), 1);
    EXPECT_FALSE(alarms.bannerOpen());
    EXPECT_TRUE(alarms.bannerText().contains(QStringLiteral("desk-1"))) << alarms.bannerText().toStdString();

    // The card used again: the hub raises the alarm anew, open again.
    late.applyUpdate(first.sim.publish(lostCard(kStartMs + 16 * kMinute)));
    ASSERT_EQ(alarms.rowCount(), 1);
    EXPECT_TRUE(alarms.bannerOpen());
}

TEST(AlarmListModel, aLostCardsStandingAlarmEndsWithItsDay)
{
    BoardWithAlarms b;
    b.alarm(lostCard(kStartMs + 12 * kMinute));
    ASSERT_EQ(b.alarms().rowCount(), 1);
    b.alarm(lostCard(kStartMs + 12 * kMinute, false));
    EXPECT_EQ(b.alarms().rowCount(), 0);
}

TEST(AlarmListModel, aLostCardsAlarmAndItsTapAreOneRowInTheHubsWords)
{
    BoardWithAlarms b;
    b.tap(kStartMs + 12 * kMinute);
    b.alarm(lostCard(kStartMs + 12 * kMinute));
    ASSERT_EQ(b.alarms().rowCount(), 1);
    EXPECT_TRUE(role(b.alarms(), 0, AlarmListModel::MessageRole).contains(QStringLiteral("吴敏")));
}

TEST(AlarmListModel, anotherVenuesLostCardOnTheHubStreamIsNotThisBoards)
{
    BoardWithAlarms b;
    p::Update u;
    u.seq = 1;
    u.payload = lostCard(kStartMs + 12 * kMinute);
    b.dashboard.applyHubUpdate(u);
    EXPECT_EQ(b.alarms().rowCount(), 0) << "the meeting's own stream carries the alarms of its venues";
}
