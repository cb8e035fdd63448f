// The organizer's desk at the model layer against the real rollcall-hub over
// TCP on 127.0.0.1 with CURVE keys (issue 16): the desk, on an organizer
// key, finds a person, checks them in by hand, and a second board (a viewer
// key) sees them present through the live feed; the desk shows who did it
// and can undo it, and the second board sees that too. A viewer key's desk
// is refused with the hub's message.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/alarm_list_model.h"
#include "dashboard/src/dashboard.h"
#include "dashboard/src/meeting_board.h"
#include "dashboard/src/organizer_desk.h"
#include "hub/core/record.h"
#include "tests/dashboard/board_wait.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/hub_seed.h"
#include "tests/support/temp_dir.h"
#include "tests/support/test_keys.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;

namespace {

using rollcall::test::kWaitMs;

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

    /// The real rollcall-dashboard, offscreen, as the organizer's desk on the key desk-1 against this hub.
    struct Run {
        int exitCode = -1;
        QString out, err;
    };
    Run runDesk(QStringList args, int waitMs) const
    {
        args << QStringLiteral("--query") << query() << QStringLiteral("--desk") << QStringLiteral("organizer")
             << QStringLiteral("--key") << QString::fromStdString(keys_.secretFile("desk-1"))
             << QStringLiteral("--server-key") << QString::fromStdString(keys_.serverPublicFile());
        QProcess proc;
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        proc.setProcessEnvironment(env);
        proc.start(QStringLiteral(ROLLCALL_DASHBOARD_BIN), args);
        Run run;
        if (!proc.waitForFinished(waitMs)) return run;
        run.exitCode = proc.exitCode();
        run.out = QString::fromUtf8(proc.readAllStandardOutput());
        run.err = QString::fromUtf8(proc.readAllStandardError());
        return run;
    }

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
    // The desk's own line (here untranslated), with the hub's amendment number; not the CLI's English.
    EXPECT_EQ(desk.message(), QStringLiteral("Done: check in 张三 by hand (amendment %1)")
                                  .arg(action.value(QStringLiteral("amendment")).toInt()));
    EXPECT_EQ(action.value(QStringLiteral("who")).toString(), QStringLiteral("desk-1"));
    EXPECT_GT(action.value(QStringLiteral("amendment")).toInt(), 0);
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM amendments WHERE author = 'desk-1' AND person_id = 'p1'"), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.board()->present() == presentBefore + 1; }, kWaitMs))
        << "the other board did not see the check-in";

    desk.undo(action.value(QStringLiteral("amendment")).toInt(), QStringLiteral("点错了人"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 2; }, kWaitMs));
    EXPECT_TRUE(done.at(1).at(0).toBool()) << desk.message().toStdString();
    EXPECT_EQ(desk.message(),
              QStringLiteral("Done: undo amendment %1").arg(action.value(QStringLiteral("amendment")).toInt()));
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

namespace {

/// The person ids the desk's search finds for `text`.
QStringList found(OrganizerDesk& desk, const QString& text)
{
    desk.search(text);
    QStringList ids;
    for (const auto& m : desk.matches()) ids << m.toMap().value(QStringLiteral("person_id")).toString();
    return ids;
}

} // namespace

TEST_F(OrganizerDeskTest, aWalkInForAUnitShowsUnderItOnAnotherBoardAndEveryDeskListsAndCanUndoIt)
{
    const auto viewer = keys_.viewer("board-2");
    HubConnection connection(live(), query(), HubConnection::Timing{}, keysOf(viewer));
    Dashboard board([] { return QDateTime::currentMSecsSinceEpoch(); });
    board.attach(connection);
    board.selectMeeting(QStringLiteral("m-soon"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.status() == HubConnection::Status::Live; }, kWaitMs));

    const auto key1 = keys_.client("organizer", "desk-1");
    const auto key2 = keys_.client("organizer", "desk-2");
    AdminClient client1(query(), keysOf(key1));
    AdminClient client2(query(), keysOf(key2));
    OrganizerDesk desk1(client1, QStringLiteral("desk-1"));
    OrganizerDesk desk2(client2, QStringLiteral("desk-2"));
    desk1.setMeetingId(QStringLiteral("m-soon"));
    desk1.loadRoster();
    ASSERT_TRUE(QTest::qWaitFor([&] { return desk1.rosterLoaded() && !desk1.busy(); }, kWaitMs));
    // 王五 (p9, not invited) by pinyin initials and by full pinyin with a space.
    EXPECT_EQ(found(desk1, QStringLiteral("ww")), QStringList{QStringLiteral("p9")});
    EXPECT_EQ(found(desk1, QStringLiteral("Wang Wu")), QStringList{QStringLiteral("p9")});
    EXPECT_EQ(desk1.searchText(), QStringLiteral("Wang Wu"));

    QSignalSpy done(&desk1, &OrganizerDesk::actionFinished);
    desk1.recordWalkIn(QStringLiteral("p9"), QStringLiteral("州直机关/州发改委"), QStringLiteral("代表州发改委列席"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1; }, kWaitMs));
    ASSERT_TRUE(done.front().at(0).toBool()) << desk1.message().toStdString();
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM walk_in_units"), 1);

    // The other board: the walk-in counted, and listed under the unit they came for.
    auto walkInsUnderNdrc = [&] {
        const int row = board.units()->rowOfPath(QStringLiteral("州直机关/州发改委"));
        if (row < 0) return QString();
        return board.units()->data(board.units()->index(row), UnitTreeModel::WalkInNamesRole).toString();
    };
    ASSERT_TRUE(QTest::qWaitFor([&] { return walkInsUnderNdrc() == QStringLiteral("王五"); }, kWaitMs))
        << "walk-ins " << board.board()->walkIns() << ", under the unit: " << walkInsUnderNdrc().toStdString();

    // Another desk lists it, by who did it, and can undo it.
    desk2.setMeetingId(QStringLiteral("m-soon"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return desk2.actions().size() == 1; }, kWaitMs));
    const auto action = desk2.actions().front().toMap();
    EXPECT_EQ(action.value(QStringLiteral("who")).toString(), QStringLiteral("desk-1"));
    EXPECT_FALSE(action.value(QStringLiteral("mine")).toBool());
    EXPECT_TRUE(action.value(QStringLiteral("text")).toString().contains(QStringLiteral("州直机关/州发改委")))
        << action.value(QStringLiteral("text")).toString().toStdString();
    QSignalSpy undone(&desk2, &OrganizerDesk::actionFinished);
    desk2.undo(action.value(QStringLiteral("amendment")).toInt(), QStringLiteral("登记错了"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return undone.count() == 1; }, kWaitMs));
    ASSERT_TRUE(undone.front().at(0).toBool()) << desk2.message().toStdString();
    ASSERT_TRUE(
        QTest::qWaitFor([&] { return board.board()->walkIns() == 0 && walkInsUnderNdrc().isEmpty(); }, kWaitMs));

    // The first desk learns of it when its board's feed says the meeting changed.
    desk1.recordChanged();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return !desk1.actions().isEmpty()
                   && desk1.actions().front().toMap().value(QStringLiteral("undoneBy")) == QStringLiteral("desk-2");
        },
        kWaitMs));
}

TEST_F(OrganizerDeskTest, anAlarmAcknowledgedAtTheDeskShowsAsAcknowledgedOnAnotherBoard)
{
    // r-annex was last heard from ten minutes ago, during m-now: the hub, started again, raises its offline alarm.
    hub_.reset();
    {
        rollcall::common::Database db(db_);
        auto s = db.prepare("INSERT INTO reader_health(reader_id, last_seen_ms, agent_version, reader_state) "
                            "VALUES ('r-annex', ?, '1.0', 'ok')");
        s.bind(1, static_cast<std::int64_t>(QDateTime::currentMSecsSinceEpoch() - 10 * 60 * 1000));
        s.run();
    }
    hub_ = std::make_unique<rt::HubProcess>(db_, keys_.hubArgs()); // it reads reader_health as it starts
    const auto viewer = keys_.viewer("board-2");
    HubConnection connection(live(), query(), HubConnection::Timing{}, keysOf(viewer));
    Dashboard board([] { return QDateTime::currentMSecsSinceEpoch(); });
    board.attach(connection);
    board.selectMeeting(QStringLiteral("m-now"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.readers()->alarmCount() == 1; }, kWaitMs));
    EXPECT_TRUE(board.readers()->ackOf(QStringLiteral("r-annex")).isEmpty());

    const auto organizer = keys_.client("organizer", "desk-1");
    AdminClient client(query(), keysOf(organizer));
    OrganizerDesk desk(client, QStringLiteral("desk-1"));
    QSignalSpy done(&desk, &OrganizerDesk::actionFinished);
    desk.acknowledgeAlarm(QStringLiteral("r-annex"), QStringLiteral("reader_offline"), QStringLiteral("已派人查看"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1; }, kWaitMs));
    ASSERT_TRUE(done.front().at(0).toBool()) << desk.message().toStdString();
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM alarm_acks WHERE acked_by = 'desk-1' AND source = 'r-annex' "
                                 "AND note = '已派人查看'"),
              1);

    // The other board: still an alarm, now acknowledged, by whom and with the note.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !board.readers()->ackOf(QStringLiteral("r-annex")).isEmpty(); }, kWaitMs));
    const auto ack = board.readers()->ackOf(QStringLiteral("r-annex"));
    EXPECT_TRUE(ack.contains(QStringLiteral("desk-1")) && ack.contains(QStringLiteral("已派人查看")))
        << ack.toStdString();
    EXPECT_EQ(board.readers()->alarmCount(), 1);
    EXPECT_TRUE(board.readers()->alarmText().contains(QStringLiteral("已派人查看")))
        << board.readers()->alarmText().toStdString();
}

TEST_F(OrganizerDeskTest, aLostCardAcknowledgedAtTheDeskShowsAsHandledOnEveryBoardAndOneStartedLater)
{
    // p3's card reported lost an hour ago; the hub started again reads it.
    hub_.reset();
    {
        rollcall::common::Database db(db_);
        rollcall::core::Record record(db);
        record.revokeBadge("04A1B2C3", rollcall::common::fromMillis(QDateTime::currentMSecsSinceEpoch() - 3600'000),
                           "lost");
    }
    const auto readerKey = keys_.reader("r-annex");
    hub_ = std::make_unique<rt::HubProcess>(db_, keys_.hubArgs());
    const auto viewer = keys_.viewer("board-2");
    HubConnection connection(live(), query(), HubConnection::Timing{}, keysOf(viewer));
    Dashboard board([] { return QDateTime::currentMSecsSinceEpoch(); });
    board.attach(connection);
    board.selectMeeting(QStringLiteral("m-now"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.status() == HubConnection::Status::Live; }, kWaitMs));

    // Someone uses the lost card at the annex's door.
    zmq::context_t ctx;
    rt::AgentClient agent(ctx, hub_->endpoints().taps, &readerKey);
    ASSERT_EQ(agent.tap(rt::makeTap("r-annex", 1, "04A1B2C3")).verdict, rollcall::protocol::Verdict::RevokedBadge);
    auto* alarms = board.alarms();
    ASSERT_TRUE(QTest::qWaitFor([&] { return alarms->rowCount() == 1; }, kWaitMs));
    const auto row = alarms->index(0);
    EXPECT_EQ(row.data(AlarmListModel::SourceRole).toString(), QStringLiteral("04A1B2C3"));
    EXPECT_TRUE(alarms->bannerOpen());

    // The desk acknowledges it by the row's identity, as its list's button does.
    const auto organizer = keys_.client("organizer", "desk-1");
    AdminClient client(query(), keysOf(organizer));
    OrganizerDesk desk(client, QStringLiteral("desk-1"));
    QSignalSpy done(&desk, &OrganizerDesk::actionFinished);
    desk.acknowledgeAlarm(row.data(AlarmListModel::SourceRole).toString(),
                          row.data(AlarmListModel::CodeRole).toString(), QStringLiteral("已收卡，本人在场"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return done.count() == 1; }, kWaitMs));
    ASSERT_TRUE(done.front().at(0).toBool()) << desk.message().toStdString();
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM alarm_acks WHERE acked_by = 'desk-1' AND source = '04A1B2C3' "
                                 "AND code = 'revoked_badge'"),
              1);

    // The board: still shown, handled, by whom and with the note.
    ASSERT_TRUE(QTest::qWaitFor([&] { return !alarms->bannerOpen(); }, kWaitMs)) << alarms->bannerText().toStdString();
    EXPECT_TRUE(alarms->bannerText().contains(QStringLiteral("desk-1"))) << alarms->bannerText().toStdString();
    EXPECT_TRUE(alarms->bannerText().contains(QStringLiteral("已收卡，本人在场")));

    // A board started after the acknowledgement learns it from its snapshot.
    const auto lateKey = keys_.viewer("board-3");
    HubConnection lateConnection(live(), query(), HubConnection::Timing{}, keysOf(lateKey));
    Dashboard late([] { return QDateTime::currentMSecsSinceEpoch(); });
    late.attach(lateConnection);
    late.selectMeeting(QStringLiteral("m-now"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return late.alarms()->rowCount() == 1; }, kWaitMs));
    EXPECT_FALSE(late.alarms()->bannerOpen());
    EXPECT_EQ(late.alarms()->bannerText(), alarms->bannerText());
}

TEST_F(OrganizerDeskTest, aDeskScriptChecksAPersonInFromTheRenderedDeskAndTheBoardSeesIt)
{
    // The real rollcall-dashboard, offscreen, on an organizer key: the script
    // types initials into the search field, picks 张三, clicks 签到 and the
    // confirmation's OK, waits for the hub's answer and for the board's live
    // feed to show him present, and then the screenshot is taken.
    (void)keys_.client("organizer", "desk-1");
    const auto script = dir_.write("checkin.desk", "# at the door: 张三 forgot his badge\n"
                                                   "type deskSearch zs\n"
                                                   "click deskMatch_p1\n"
                                                   "click deskCheckIn\n"
                                                   "click deskConfirmOk\n"
                                                   "expect deskMessage 更正\n"
                                                   "board p1 present\n");
    const auto png = QString::fromStdString(dir_.file("desk.png"));
    const auto run =
        runDesk({QStringLiteral("--live"), live(), QStringLiteral("--meeting"), QStringLiteral("m-soon"),
                 QStringLiteral("--desk-script"), QString::fromStdString(script), QStringLiteral("--screenshot"), png,
                 QStringLiteral("--quit-after"), QStringLiteral("60")},
                90000);
    const auto& out = run.out;
    EXPECT_EQ(run.exitCode, 0) << out.toStdString() << run.err.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("desk-script: click deskConfirmOk"))) << out.toStdString();
    EXPECT_TRUE(out.contains(QStringLiteral("desk-script: board p1 present"))) << out.toStdString();
    // The desk and its confirmation dialog bind without a QML warning (it once logged a binding loop).
    EXPECT_FALSE(run.err.contains(QStringLiteral("qrc:/"))) << run.err.toStdString();
    EXPECT_EQ(rt::countRows(db_, "SELECT COUNT(*) FROM amendments WHERE author = 'desk-1' AND person_id = 'p1' "
                                 "AND kind = 'manual_tap'"),
              1);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1920, 1080));
}

TEST_F(OrganizerDeskTest, aBadDeskScriptIsRefusedNamingTheLine)
{
    (void)keys_.client("organizer", "desk-1");
    const auto script = dir_.write("bad.desk", "click deskCheckIn\npress deskCheckIn\n");
    const auto run = runDesk({QStringLiteral("--desk-script"), QString::fromStdString(script)}, 30000);
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(QStringLiteral("bad.desk:2: \"press\" is not a step"))) << run.err.toStdString();
}
