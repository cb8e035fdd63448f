// The dashboard against the REAL hub: a record seeded with the real
// rollcallctl (init, roster import, venues, readers, meeting, taps import),
// rollcall-hub on tcp://127.0.0.1:* (endpoints parsed from its ready line),
// a reader agent's heartbeat and a live tap over ZeroMQ, then the in-process
// board and the rollcall-dashboard binary's screenshot.
#include "dashboard/src/dashboard.h"
#include "dashboard/src/hub_connection.h"
#include "tests/dashboard/board_wait.h"
#include "tests/dashboard/support/board_fixture.h"
#include "tests/support/child_process.h"
#include "tests/support/hub_clients.h"
#include "tests/support/hub_process.h"
#include "tests/support/test_keys.h"

#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
namespace rt = rollcall::test;
namespace fx = rollcall::dashboard::test;
namespace p = rollcall::protocol;

namespace {

using rollcall::test::kWaitMs;
constexpr int kPeople = 120;
const std::string kCtl = std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcallctl";

const std::vector<std::string> kUnits = {"州直机关/州发改委", "州直机关/州财政局", "州直机关/州教育局",
                                         "伊宁市/市政府办",   "伊宁市/市教育局",   "霍城县/县政府办",
                                         "霍城县/县发改委"};

std::string iso(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate).toStdString();
}

void ctl(const std::string& db, std::vector<std::string> args)
{
    std::vector<std::string> argv{kCtl, "--db", db};
    argv.insert(argv.end(), args.begin(), args.end());
    rt::ChildProcess p(argv);
    const int rc = p.wait();
    ASSERT_EQ(rc, 0) << "rollcallctl " << args.front() << " failed:\n" << p.output();
}

QJsonObject status(const std::string& db, const std::string& meeting)
{
    rt::ChildProcess p({kCtl, "--db", db, "status", "--meeting", meeting, "--json"});
    EXPECT_EQ(p.wait(), 0);
    // stdout and stderr share the pipe: the JSON document is from the first '{' to the last '}'.
    const std::string out = p.output();
    const auto from = out.find('{');
    const auto to = out.rfind('}');
    EXPECT_TRUE(from != std::string::npos && to != std::string::npos) << out;
    if (from == std::string::npos || to == std::string::npos) return {};
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(out.substr(from, to - from + 1)), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return doc.object();
}

/// A prefecture meeting that started 20 minutes ago: most came on time, some late, some not yet.
struct Seeded {
    std::string db;
    std::int64_t startMs = 0;
};

Seeded seed(const QTemporaryDir& dir)
{
    Seeded s;
    s.db = dir.filePath(QStringLiteral("rollcall.db")).toStdString();
    const auto now = rt::nowMs();
    s.startMs = now - 20 * fx::kMinute;
    const std::string roster = dir.filePath(QStringLiteral("roster.csv")).toStdString();
    const std::string taps = dir.filePath(QStringLiteral("taps.csv")).toStdString();
    {
        std::ofstream r(roster);
        r << "person_id,name,unit,badge_uid\n";
        for (int i = 0; i < kPeople; ++i)
            r << fx::personId(i) << ',' << fx::personName(i) << ','
              << kUnits[static_cast<std::size_t>(i * 3 + i / 7) % kUnits.size()] << ',' << fx::badgeOf(i) << '\n';
        std::ofstream t(taps);
        t << "reader_id,seq,badge_uid,time,direction\n";
        int seq = 0;
        for (int i = 0; i < kPeople; ++i) {
            const int k = i % 10;
            if (k <= 6) // on time
                t << "r-hall," << ++seq << ',' << fx::badgeOf(i) << ',' << iso(s.startMs - (40 - i % 37) * fx::kMinute)
                  << ",in\n";
            else if (k == 7) // late
                t << "r-hall," << ++seq << ',' << fx::badgeOf(i) << ',' << iso(s.startMs + (6 + i % 12) * fx::kMinute)
                  << ",in\n";
        }
        t << "r-hall," << ++seq << ",DEADBEEF," << iso(s.startMs - 3 * fx::kMinute) << ",in\n"; // a badge nobody holds
    }
    ctl(s.db, {"init"});
    ctl(s.db, {"roster", "import", "--effective", "2020-01-01", roster}); // in service long before the meeting
    ctl(s.db, {"venue", "add", "--id", "hall", "--name", "州会议中心"});
    ctl(s.db, {"venue", "add", "--id", "yining", "--name", "伊宁市分会场"});
    ctl(s.db, {"reader", "add", "--id", "r-hall", "--venue", "hall", "--direction", "in"});
    ctl(s.db, {"reader", "add", "--id", "r-hall-2", "--venue", "hall", "--direction", "in"});
    ctl(s.db, {"reader", "add", "--id", "r-yining", "--venue", "yining", "--direction", "in"});
    ctl(s.db, {"meeting",       "add",
               "--id",          "M1",
               "--title",       "全州效能建设推进会",
               "--venue",       "hall",
               "--venue",       "yining",
               "--start",       iso(s.startMs),
               "--end",         iso(s.startMs + 120 * fx::kMinute),
               "--invite-unit", "州直机关",
               "--invite-unit", "伊宁市",
               "--invite-unit", "霍城县"});
    ctl(s.db, {"taps", "import", taps});
    return s;
}

/// A reader agent saying it is alive, so the board shows it online.
void heartbeat(rt::AgentClient& agent, const std::string& reader)
{
    p::Heartbeat hb;
    hb.reader_id = reader;
    hb.agent_clock_ms = rt::nowMs();
    hb.outbox_depth = 0;
    hb.reader_state = p::ReaderState::Ok;
    hb.agent_version = "0.1.0";
    agent.send(hb);
}

void expectBoardMatchesRecord(const Dashboard& board, const QJsonObject& st)
{
    const auto sum = st.value(QStringLiteral("summary")).toObject();
    EXPECT_EQ(board.board()->expected(), sum.value(QStringLiteral("expected")).toInt());
    EXPECT_EQ(board.board()->present(), sum.value(QStringLiteral("present")).toInt());
    EXPECT_EQ(board.board()->late(), sum.value(QStringLiteral("late")).toInt());
    EXPECT_EQ(board.board()->unknownBadges(), sum.value(QStringLiteral("unknown_badges")).toInt());
    EXPECT_EQ(board.attendees()->rowCount(), sum.value(QStringLiteral("expected")).toInt());
    EXPECT_EQ(board.lates()->count(), sum.value(QStringLiteral("late")).toInt());
}

} // namespace

TEST(RealHub, boardIsTheHubsTruthThroughTapsAndARestart)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto seeded = seed(dir);
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    rt::TestKeys keys; // with keys, as deployed: the board a viewer, the door a reader
    auto hub = std::make_unique<rt::HubProcess>(seeded.db, keys.hubArgs());
    const auto endpoints = hub->endpoints();
    const auto viewer = keys.viewer();

    HubConnection::Timing timing;
    timing.queryTimeoutMs = 1500;
    timing.silenceMs = 1000;
    timing.retryMs = 200;
    HubConnection connection(QString::fromStdString(endpoints.live), QString::fromStdString(endpoints.query), timing,
                             HubConnection::Keys{viewer.cert, viewer.serverPublicKey});
    Dashboard board([] { return QDateTime::currentMSecsSinceEpoch(); });
    board.attach(connection);
    QSignalSpy snapshots(&board, &Dashboard::snapshotApplied);
    board.selectMeeting(QStringLiteral("M1"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return snapshots.count() >= 1; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return connection.status() == HubConnection::Status::Live; }, kWaitMs));
    EXPECT_EQ(board.board()->title(), QString::fromUtf8("全州效能建设推进会"));
    expectBoardMatchesRecord(board, status(seeded.db, "M1"));
    EXPECT_EQ(board.readers()->rowCount(), 3);
    // Nobody has heard from the branch venue's reader: it is a terminal whose
    // logs are imported, shown as never connected but raising no alarm.
    EXPECT_EQ(board.readers()->alarmCount(), 0);

    // A latecomer taps at the door: the board follows through live updates.
    zmq::context_t ctx;
    const auto hallKey = keys.reader("r-hall");
    rt::AgentClient agent(ctx, endpoints.taps, &hallKey);
    heartbeat(agent, "r-hall");
    const int lateBefore = board.board()->late();
    const auto ack = agent.tap(rt::makeTap("r-hall", 1000, fx::badgeOf(8))); // index 8: not arrived yet
    EXPECT_EQ(ack.verdict, p::Verdict::Late);
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.board()->late() == lateBefore + 1; }, kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return board.tapFeed()->rowCount() > 0 && board.tapFeed()->at(0).badge_uid == fx::badgeOf(8); },
        kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.readers()->onlineCount() == 1; }, kWaitMs));
    expectBoardMatchesRecord(board, status(seeded.db, "M1"));

    // The hub dies; the board says so; taps recorded meanwhile (an offline log) show after it is back.
    hub->process().kill(SIGKILL);
    (void)hub->process().wait();
    hub.reset();
    ASSERT_TRUE(QTest::qWaitFor([&] { return board.connectionLost(); }, kWaitMs));
    {
        const std::string more = dir.filePath(QStringLiteral("more.csv")).toStdString();
        std::ofstream t(more);
        t << "reader_id,seq,badge_uid,time,direction\n";
        t << "r-hall-2,1," << fx::badgeOf(9) << ',' << iso(rt::nowMs() - fx::kMinute) << ",in\n";
        t << "r-hall-2,2," << fx::badgeOf(18) << ',' << iso(rt::nowMs() - fx::kMinute) << ",in\n";
    }
    ctl(seeded.db, {"taps", "import", dir.filePath(QStringLiteral("more.csv")).toStdString()});
    const int snapshotsBefore = static_cast<int>(snapshots.count());
    hub = std::make_unique<rt::HubProcess>(seeded.db, keys.hubArgs(), endpoints);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return snapshots.count() > snapshotsBefore && !board.connectionLost()
                   && connection.status() == HubConnection::Status::Live;
        },
        kWaitMs));
    expectBoardMatchesRecord(board, status(seeded.db, "M1"));
    EXPECT_EQ(board.board()->late(), lateBefore + 3);
}

TEST(RealHub, dashboardBinaryScreenshotOfTheSeededMeeting)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const auto seeded = seed(dir);
    ASSERT_FALSE(testing::Test::HasFatalFailure());
    // The branch venue's reader is heard once, then falls silent: offline after 1 s.
    const QString config = dir.filePath(QStringLiteral("hub.toml"));
    {
        QFile f(config);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("[readers]\noffline_after = \"1s\"\n[ingest]\ntick = \"100ms\"\n");
    }
    rt::TestKeys keys;
    auto args = keys.hubArgs();
    args.insert(args.end(), {"--config", config.toStdString()});
    rt::HubProcess hub(seeded.db, args);
    zmq::context_t ctx;
    // Each reader speaks with its own key: a reader key is bound to its reader id.
    const auto hallKey = keys.reader("r-hall");
    const auto hall2Key = keys.reader("r-hall-2");
    const auto yiningKey = keys.reader("r-yining");
    const auto viewer = keys.viewer();
    rt::AgentClient agent(ctx, hub.endpoints().taps, &hallKey);
    rt::AgentClient hall2(ctx, hub.endpoints().taps, &hall2Key);
    rt::AgentClient yining(ctx, hub.endpoints().taps, &yiningKey);
    rt::LiveSubscriber hubStream(ctx, hub.endpoints().live, "", &viewer);
    heartbeat(agent, "r-hall");
    heartbeat(hall2, "r-hall-2");
    heartbeat(yining, "r-yining");
    (void)agent.tap(rt::makeTap("r-hall", 1000, fx::badgeOf(8)));
    ASSERT_TRUE(hubStream.waitFor(
        [](const p::Update& u) {
            const auto* a = std::get_if<p::Alarm>(&u.payload);
            return a && a->reader_id == "r-yining" && a->active;
        },
        std::chrono::seconds(10)));

    const QString png = dir.filePath(QStringLiteral("real-hub-board.png"));
    QProcess proc;
    proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    proc.setProcessEnvironment(env);
    proc.start(QStringLiteral(ROLLCALL_DASHBOARD_BIN),
               {QStringLiteral("--live"), QString::fromStdString(hub.endpoints().live), QStringLiteral("--query"),
                QString::fromStdString(hub.endpoints().query), QStringLiteral("--meeting"), QStringLiteral("M1"),
                QStringLiteral("--fullscreen"), QStringLiteral("--screenshot"), png, QStringLiteral("--quit-after"),
                QStringLiteral("30"), QStringLiteral("--key"), QString::fromStdString(keys.secretFile("viewer")),
                QStringLiteral("--server-key"), QString::fromStdString(keys.serverPublicFile())});
    ASSERT_TRUE(proc.waitForFinished(60000));
    EXPECT_EQ(proc.exitCode(), 0);
    QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1920, 1080));
    // The reader alarm banner (red) is on screen: the branch venue's reader fell silent.
    int red = 0;
    for (int x = 0; x < image.width(); x += 4)
        for (int y = 100; y < 180; y += 4) red += image.pixelColor(x, y) == QColor("#ef4444") ? 1 : 0;
    EXPECT_GT(red, 1000);
    // With keys there is no insecure banner.
    int bannerRed = 0;
    for (int x = 0; x < image.width(); x += 4)
        bannerRed += image.pixelColor(x, image.height() - 6) == QColor("#b91c1c");
    EXPECT_EQ(bannerRed, 0);
    if (qEnvironmentVariableIsSet("ROLLCALL_REAL_HUB_SCREENSHOT_OUT"))
        QFile::copy(png, qEnvironmentVariable("ROLLCALL_REAL_HUB_SCREENSHOT_OUT"));
}
