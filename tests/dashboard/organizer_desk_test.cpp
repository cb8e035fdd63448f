// The organizer's desk at the model layer against the real rollcall-hub over
// TCP on 127.0.0.1 with CURVE keys (issue 16): the desk, on an organizer
// key, finds a person, checks them in by hand, and a second board (a viewer
// key) sees them present through the live feed; the desk shows who did it
// and can undo it, and the second board sees that too. A viewer key's desk
// is refused with the hub's message.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/dashboard.h"
#include "dashboard/src/meeting_board.h"
#include "dashboard/src/organizer_desk.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;

namespace {

constexpr int kWaitMs = 20000;

HubConnection::Keys keysOf(const rt::ClientKey& key) { return {key.cert, key.serverPublicKey}; }

class OrganizerDeskTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        rt::seedHubRecord(db_);
        hub_ = std::make_unique<rt::HubProcess>(db_, keys_.hubArgs());
    }
    QString query() const { return QString::fromStdString(hub_->endpoints().query); }
    QString live() const { return QString::fromStdString(hub_->endpoints().live); }

    rt::TempDir dir_;
    std::string db_ = dir_.file("record.sqlite");
    rt::TestKeys keys_;
    std::unique_ptr<rt::HubProcess> hub_;
};

TEST_F(OrganizerDeskTest, aCheckInByHandAtTheDeskShowsOnAnotherBoardAndCanBeUndone)
{
    // The second board, on a viewer key, follows the meeting.
    const auto viewer = keys_.viewer("board-2");
    HubConnection connection(live(), query(), HubConnection::Timing{}, keysOf(viewer));
    Dashboard board([] { return QDateTime::currentMSecsSinceEpoch(); });
    board.attach(connection);
    QSignalSpy snapshots(&board, &Dashboard::snapshotApplied);
    board.selectMeeting(QStringLiteral("m-soon"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.status() == HubConnection::Status::Live; }, kWaitMs));
    const int presentBefore = board.board()->present();

    // The desk, on an organizer key.
    const auto organizer = keys_.client("organizer", "desk-1");
    AdminClient client(query(), keysOf(organizer));
    OrganizerDesk desk(client, QStringLiteral("desk-1"));
    desk.setMeetingId(QStringLiteral("m-soon"));
    desk.loadRoster();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !desk.busy(); }, kWaitMs));
    desk.search(QStringLiteral("张"));
    ASSERT_EQ(desk.matches().size(), 1) << desk.message().toStdString();
    EXPECT_EQ(desk.matches().front().toMap().value(QStringLiteral("person_id")).toString(), QStringLiteral("p1"));
    desk.search(QStringLiteral("04:a1:b2:c2")); // a badge as printed on the card, any case
    ASSERT_EQ(desk.matches().size(), 1);
    EXPECT_EQ(desk.matches().front().toMap().value(QStringLiteral("person_id")).toString(), QStringLiteral("p2"));

    QSignalSpy done(&desk, &OrganizerDesk::actionFinished);
    desk.checkIn(QStringLiteral("p1"), QStringLiteral("忘带卡"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1; }, kWaitMs));
    ASSERT_TRUE(done.front().at(0).toBool()) << desk.message().toStdString();
    ASSERT_EQ(desk.actions().size(), 1);
    const auto action = desk.actions().front().toMap();
    EXPECT_EQ(action.value(QStringLiteral("who")).toString(), QStringLiteral("desk-1"));
    EXPECT_GT(action.value(QStringLiteral("amendment")).toInt(), 0);
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM amendments WHERE author = 'desk-1' AND person_id = 'p1'"), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.board()->present() == presentBefore + 1; }, kWaitMs))
        << "the other board did not see the check-in";

    desk.undo(action.value(QStringLiteral("amendment")).toInt(), QStringLiteral("点错了人"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 2; }, kWaitMs));
    EXPECT_TRUE(done.at(1).at(0).toBool()) << desk.message().toStdString();
    EXPECT_TRUE(desk.actions().front().toMap().value(QStringLiteral("undone")).toBool());
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.board()->present() == presentBefore; }, kWaitMs))
        << "the other board did not see the undo";
}

TEST_F(OrganizerDeskTest, aViewerKeysDeskIsRefusedWithTheHubsMessage)
{
    const auto viewer = keys_.viewer("board-1");
    AdminClient client(query(), keysOf(viewer));
    OrganizerDesk desk(client, QStringLiteral("board-1"));
    desk.setMeetingId(QStringLiteral("m-soon"));
    QSignalSpy done(&desk, &OrganizerDesk::actionFinished);
    desk.checkIn(QStringLiteral("p1"), QStringLiteral("其他"), QStringLiteral("代签"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1; }, kWaitMs));
    EXPECT_FALSE(done.front().at(0).toBool());
    EXPECT_TRUE(desk.lastFailed());
    EXPECT_TRUE(desk.message().contains(QStringLiteral("role viewer"))) << desk.message().toStdString();
    EXPECT_TRUE(desk.actions().isEmpty());
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM amendments"), 0);
}

} // namespace
