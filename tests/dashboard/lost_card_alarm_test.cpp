// A lost card's alarm outlives the feed (issue 17): the real dashboard model
// layer against the real rollcall-hub over TCP on 127.0.0.1. A lost card used
// at a door, then 60 newer taps, so the card's tap has left the recent-taps
// feed: a board started then still lists the alarm, with the card's holder;
// after the real `rollcallctl alarm ack` it shows it handled, by whom and with
// the note; and a board started after the hub restarts still shows it.
#include "dashboard/src/alarm_list_model.h"
#include "dashboard/src/dashboard.h"
#include "dashboard/src/hub_connection.h"
#include "hub/core/record.h"
#include "tests/dashboard/board_wait.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"

#include <QDateTime>
#include <QTest>
#include <gtest/gtest.h>
#include <memory>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;
using rollcall::protocol::Verdict;

namespace {

using rollcall::test::kWaitMs;
constexpr const char* kLostCard = "04A1B2C3"; // p3's

/// A board on the hub's meeting m-now, as a person starts one.
struct Board {
    HubConnection connection;
    Dashboard dashboard{[] { return QDateTime::currentMSecsSinceEpoch(); }};
    explicit Board(const rt::HubProcess& hub)
        : connection(QString::fromStdString(hub.endpoints().live), QString::fromStdString(hub.endpoints().query))
    {
        dashboard.attach(connection);
        dashboard.selectMeeting(QStringLiteral("m-now"));
    }
    [[nodiscard]] AlarmListModel& alarms() const { return *dashboard.alarms(); }
};

} // namespace

TEST(LostCardAlarm, aBoardStartedAfterSixtyNewerTapsShowsItUntilHandledAndAfterAHubRestart)
{
    rt::TempDir dir;
    const auto db = dir.file("record.sqlite");
    rt::seedHubRecord(db);
    {
        rollcall::common::Database d(db);
        rollcall::core::Record record(d);
        record.revokeBadge(kLostCard, rollcall::common::fromMillis(QDateTime::currentMSecsSinceEpoch() - 3600'000),
                           "lost");
    }
    auto hub = std::make_unique<rt::HubProcess>(db);
    {
        zmq::context_t ctx;
        rt::AgentClient agent(ctx, hub->endpoints().taps);
        ASSERT_EQ(agent.tap(rt::makeTap("r-annex", 1, kLostCard)).verdict, Verdict::RevokedBadge);
        // 60 newer taps at the same door (badges nobody was given, each its own): the feed keeps 50.
        for (std::uint64_t seq = 2; seq <= 61; ++seq) {
            const auto uid = "DEAD" + std::to_string(1000 + seq);
            (void)agent.tap(rt::makeTap("r-annex", seq, uid));
        }
    }

    Board late(*hub);
    ASSERT_TRUE(QTest::qWaitFor([&] { return late.alarms().rowCount() == 1; }, kWaitMs))
        << "rows: " << late.alarms().rowCount();
    for (int r = 0; r < late.dashboard.tapFeed()->rowCount(); ++r)
        ASSERT_NE(late.dashboard.tapFeed()->at(r).verdict, Verdict::RevokedBadge)
            << "the tap is gone from the feed; row " << r << " of " << late.dashboard.tapFeed()->rowCount() << ": "
            << late.dashboard.tapFeed()->at(r).badge_uid << " " << late.dashboard.tapFeed()->at(r).at_ms;
    const auto row = late.alarms().index(0);
    EXPECT_EQ(row.data(AlarmListModel::SourceRole).toString(), QString::fromLatin1(kLostCard));
    EXPECT_EQ(row.data(AlarmListModel::CodeRole).toString(), QStringLiteral("revoked_badge"));
    const auto message = row.data(AlarmListModel::MessageRole).toString();
    EXPECT_TRUE(message.contains(QString::fromUtf8("ئابدۇرېھىم")) && message.contains(QStringLiteral("r-annex")))
        << "the holder and the door: " << message.toStdString();
    EXPECT_TRUE(late.alarms().bannerOpen());

    // Acknowledged with the real rollcallctl on the hub's record.
    rt::ChildProcess ctl({std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl", "--db", db, "--operator", "huiwuzu-1",
                          "alarm", "ack", "--source", kLostCard, "--code", "revoked_badge", "--note",
                          "已收卡，本人在场"});
    ASSERT_EQ(ctl.wait(), 0) << ctl.output();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !late.alarms().bannerOpen(); }, kWaitMs))
        << late.alarms().bannerText().toStdString();
    const auto handled = late.alarms().bannerText();
    EXPECT_TRUE(handled.contains(QStringLiteral("huiwuzu-1"))
                && handled.contains(QString::fromUtf8("已收卡，本人在场")))
        << handled.toStdString();
    EXPECT_EQ(late.alarms().rowCount(), 1) << "handled, still shown";

    // The hub restarts: the alarm is derived from the record again, handled as before.
    hub.reset();
    hub = std::make_unique<rt::HubProcess>(db);
    Board afterRestart(*hub);
    ASSERT_TRUE(QTest::qWaitFor([&] { return afterRestart.alarms().rowCount() == 1; }, kWaitMs));
    EXPECT_EQ(afterRestart.alarms().index(0).data(AlarmListModel::SourceRole).toString(),
              QString::fromLatin1(kLostCard));
    EXPECT_FALSE(afterRestart.alarms().bannerOpen());
    EXPECT_EQ(afterRestart.alarms().bannerText(), handled);
}
