// Qt Quick Test runner for the dashboard's QML: links the static QML module,
// installs the Chinese translation and exposes a Dashboard filled from a
// fixture snapshot, plus the list of every QML file of the module.
#include "dashboard/src/admin_client.h"
#include "dashboard/src/dashboard.h"
#include "dashboard/src/office_desk.h"
#include "dashboard/src/organizer_desk.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QFont>
#include <QGuiApplication>
#include <QQmlContext>
#include <QQmlEngine>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Rollcall_DashboardPlugin)

using namespace rollcall::dashboard;

class Setup : public QObject {
    Q_OBJECT

public slots:
    void applicationAvailable()
    {
        QFont font(QStringLiteral("WenQuanYi Micro Hei"));
        font.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("DejaVu Sans")});
        QGuiApplication::setFont(font);
        if (translator_.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")))
            QCoreApplication::installTranslator(&translator_);
    }

    void qmlEngineAvailable(QQmlEngine* engine)
    {
        engine->addImportPath(QStringLiteral("qrc:/"));
        auto* dashboard = new Dashboard([] { return test::kStartMs + 20 * test::kMinute; }, engine);
        test::HubSim sim(120);
        dashboard->applySnapshot(sim.snapshot());
        rollcall::protocol::MeetingList list;
        const auto& m = sim.snapshot().meeting;
        list.meetings.push_back(
            {m.id, m.title, m.venues, m.start_ms, m.end_ms, rollcall::protocol::MeetingState::InProgress});
        dashboard->applyMeetingList(list);
        engine->rootContext()->setContextProperty(QStringLiteral("fixtureDashboard"), dashboard);
        // A desk whose hub is nowhere: the panel loads and shows it idle.
        auto* admin = new AdminClient(QStringLiteral("tcp://127.0.0.1:9"), {}, engine);
        engine->rootContext()->setContextProperty(QStringLiteral("fixtureDesk"),
                                                  new OrganizerDesk(*admin, QStringLiteral("desk-1"), engine));
        engine->rootContext()->setContextProperty(QStringLiteral("fixtureOffice"), new OfficeDesk(*admin, engine));
        engine->rootContext()->setContextProperty(
            QStringLiteral("qmlFiles"), QString::fromUtf8(ROLLCALL_DASHBOARD_QML_FILES).split(QLatin1Char(',')));
    }

private:
    QTranslator translator_;
};

QUICK_TEST_MAIN_WITH_SETUP(dashboard_qml, Setup)

#include "qml_test_main.moc"
