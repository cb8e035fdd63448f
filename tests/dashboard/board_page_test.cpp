// The board page rendered in process (QML, offscreen): a revoked badge tapped
// at a door shows as an alert banner, in Chinese, until it leaves the feed.
#include "dashboard/src/dashboard.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QCoreApplication>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

TEST(BoardPage, aRevokedBadgeTapShowsTheLostCardAlert)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    HubSim sim(40);
    Dashboard dashboard([] { return kStartMs + 20 * kMinute; });
    dashboard.applySnapshot(sim.snapshot());
    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)}});
    engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
    ASSERT_FALSE(engine.rootObjects().isEmpty());
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    window->resize(1920, 1080);
    window->show();
    auto* alert = window->findChild<QQuickItem*>(QStringLiteral("lostCardAlert"));
    auto* text = window->findChild<QQuickItem*>(QStringLiteral("lostCardAlertText"));
    ASSERT_NE(alert, nullptr);
    ASSERT_NE(text, nullptr);
    EXPECT_FALSE(alert->isVisible()); // no lost card tapped yet

    for (const auto& u : sim.revokedBadge("04A1B2C2", kStartMs + 12 * kMinute)) dashboard.applyUpdate(u);
    EXPECT_TRUE(alert->isVisible());
    const auto shown = text->property("text").toString();
    EXPECT_TRUE(shown.contains(QStringLiteral("挂失卡 04A1B2C2"))) << shown.toStdString();
    EXPECT_TRUE(shown.contains(QStringLiteral("door-2"))) << shown.toStdString();
    EXPECT_EQ(dashboard.board()->unknownBadges(), 1);
    QCoreApplication::removeTranslator(&translator);
}
