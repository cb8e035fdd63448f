// rollcall-dashboard: the live attendance board. Wires the hub connection,
// the models and the QML window; all logic lives in rollcall_dashboard_lib.

#include "dashboard/src/admin_client.h"
#include "dashboard/src/dashboard.h"
#include "dashboard/src/desk_script.h"
#include "dashboard/src/display_text.h"
#include "dashboard/src/hub_connection.h"
#include "dashboard/src/meeting_board.h"
#include "dashboard/src/office_desk.h"
#include "dashboard/src/organizer_desk.h"
#include "dashboard/src/screenshot.h"
#include "protocol/curve_certificate.h"
#include "protocol/messages.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QTimer>
#include <QTranslator>
#include <QtQml/qqmlextensionplugin.h>
#include <cstdio>
#include <memory>
#include <optional>

Q_IMPORT_QML_PLUGIN(Rollcall_DashboardPlugin)

using namespace rollcall::dashboard;

namespace {

/// --help, --version and friends: answered before any GUI exists, so they work with no display.
bool asksForHelpOrVersion(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QLatin1String a(argv[i]);
        if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("-?")
            || a == QLatin1String("--help-all") || a == QLatin1String("--version") || a == QLatin1String("-v"))
            return true;
    }
    return false;
}

/// The reading distance's text factor: a desk, a meeting room, a hall's wall screen.
std::optional<double> distanceFactor(const QString& name)
{
    if (name == QLatin1String("desk")) return 1.0;
    if (name == QLatin1String("room")) return 1.25;
    if (name == QLatin1String("hall")) return 1.5;
    return std::nullopt;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication::setApplicationName(QStringLiteral("rollcall-dashboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));

    QCommandLineParser cli;
    cli.setApplicationDescription(QStringLiteral("Rollcall live attendance board"));
    cli.addHelpOption();
    cli.addVersionOption();
    const QCommandLineOption liveOpt(QStringLiteral("live"), QStringLiteral("Hub live (PUB) endpoint."),
                                     QStringLiteral("ENDPOINT"),
                                     QString::fromLatin1(rollcall::protocol::kDefaultLiveEndpoint));
    const QCommandLineOption queryOpt(QStringLiteral("query"), QStringLiteral("Hub query (ROUTER) endpoint."),
                                      QStringLiteral("ENDPOINT"),
                                      QString::fromLatin1(rollcall::protocol::kDefaultQueryEndpoint));
    const QCommandLineOption meetingOpt(QStringLiteral("meeting"),
                                        QStringLiteral("Meeting to show (default: pick one)."), QStringLiteral("M"));
    const QCommandLineOption fullOpt(QStringLiteral("fullscreen"),
                                     QStringLiteral("Venue screen: full screen, no controls."));
    const QCommandLineOption langOpt(QStringLiteral("lang"), QStringLiteral("Language: zh (default) or en."),
                                     QStringLiteral("zh|en"), QStringLiteral("zh"));
    const QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                                     QStringLiteral("Save the board to FILE.png and exit."),
                                     QStringLiteral("FILE.png"));
    const QCommandLineOption quitOpt(QStringLiteral("quit-after"),
                                     QStringLiteral("Exit after SECONDS (with --screenshot: grab then)."),
                                     QStringLiteral("SECONDS"));
    const QCommandLineOption sizeOpt(QStringLiteral("size"), QStringLiteral("Window size, e.g. 1920x1080."),
                                     QStringLiteral("WxH"), QStringLiteral("1920x1080"));
    const QCommandLineOption keyOpt(QStringLiteral("key"),
                                    QStringLiteral("This board's secret certificate (NAME.key_secret; role viewer, "
                                                   "organizer or office)."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption serverKeyOpt(QStringLiteral("server-key"),
                                          QStringLiteral("The hub's public certificate (hub.key)."),
                                          QStringLiteral("FILE"));
    const QCommandLineOption insecureOpt(QStringLiteral("insecure"),
                                         QStringLiteral("Plain text, no keys (only against a hub run with "
                                                        "--insecure); the board shows a red banner."));
    const QCommandLineOption distanceOpt(
        QStringLiteral("distance"),
        QStringLiteral("Reading distance: desk (default), room or hall (larger text for a wall screen)."),
        QStringLiteral("desk|room|hall"), QStringLiteral("desk"));
    const QCommandLineOption deskOpt(
        QStringLiteral("desk"),
        QStringLiteral("organizer: the organizer's desk beside the board (an organizer key): check in by hand, leave, "
                       "substitutes, undo. office: the office's desk instead of the board (an office key): rankings, "
                       "notices, a person's history, documents."),
        QStringLiteral("organizer|office"));
    const QCommandLineOption deskDirOpt(QStringLiteral("desk-dir"),
                                        QStringLiteral("Where the office's desk saves documents (default: here)."),
                                        QStringLiteral("DIR"), QStringLiteral("."));
    const QCommandLineOption deskPeriodOpt(QStringLiteral("desk-period"),
                                           QStringLiteral("The office's desk starts at PERIOD (default: last month)."),
                                           QStringLiteral("PERIOD"));
    const QCommandLineOption deskPreviewOpt(
        QStringLiteral("desk-preview"),
        QStringLiteral("The office's desk starts showing document KIND: period, performance, disclosure, meeting:M or "
                       "notice:N."),
        QStringLiteral("KIND"));
    const QCommandLineOption deskSearchOpt(
        QStringLiteral("desk-search"), QStringLiteral("Start the desk's search with TEXT."), QStringLiteral("TEXT"));
    const QCommandLineOption deskScriptOpt(
        QStringLiteral("desk-script"),
        QStringLiteral("Drive the organizer's desk with the steps in FILE once the meeting and the roster are in "
                       "(type, click, expect, board; docs/dashboard.md), then take the screenshot or exit."),
        QStringLiteral("FILE"));
    cli.addOptions({liveOpt, queryOpt, meetingOpt, fullOpt, langOpt, shotOpt, quitOpt, sizeOpt, keyOpt, serverKeyOpt,
                    insecureOpt, distanceOpt, deskOpt, deskSearchOpt, deskDirOpt, deskPeriodOpt, deskPreviewOpt,
                    deskScriptOpt});

    if (asksForHelpOrVersion(argc, argv)) {
        // A QGuiApplication would need a display (xcb aborts without one); answering needs none.
        QCoreApplication console(argc, argv);
        cli.process(console); // prints and exits
        return 0;
    }

    QGuiApplication app(argc, argv);
    cli.process(app);

    auto fail = [](const QString& message) {
        std::fprintf(stderr, "rollcall-dashboard: %s\n", qPrintable(message));
        return 2;
    };
    const QString lang = cli.value(langOpt);
    if (lang != QLatin1String("zh") && lang != QLatin1String("en"))
        return fail(QStringLiteral("--lang: expected zh or en, got '%1'").arg(lang));
    int quitAfterMs = -1;
    if (cli.isSet(quitOpt)) {
        bool ok = false;
        const double s = cli.value(quitOpt).toDouble(&ok);
        if (!ok || s <= 0)
            return fail(QStringLiteral("--quit-after: expected a positive number of seconds, got '%1'")
                            .arg(cli.value(quitOpt)));
        quitAfterMs = static_cast<int>(s * 1000);
    }
    const auto sizeParts = cli.value(sizeOpt).split(QLatin1Char('x'));
    const int width = sizeParts.size() == 2 ? sizeParts[0].toInt() : 0;
    const int height = sizeParts.size() == 2 ? sizeParts[1].toInt() : 0;
    if (width < 320 || height < 240)
        return fail(QStringLiteral("--size: expected WxH of at least 320x240, got '%1'").arg(cli.value(sizeOpt)));
    const QString shotPath = cli.value(shotOpt);
    const auto distance = distanceFactor(cli.value(distanceOpt));
    if (!distance)
        return fail(QStringLiteral("--distance: expected desk, room or hall, got '%1'").arg(cli.value(distanceOpt)));

    QTranslator translator;
    const QString qm = QStringLiteral(":/i18n/rollcall_dashboard_%1.qm")
                           .arg(lang == QLatin1String("zh") ? QStringLiteral("zh_CN") : lang);
    if (translator.load(qm))
        QCoreApplication::installTranslator(&translator);
    else if (lang == QLatin1String("zh"))
        return fail(QStringLiteral("missing translation %1").arg(qm));

    // Chinese names and labels need a CJK font; other scripts fall back through fontconfig.
    QFont font(QStringLiteral("WenQuanYi Micro Hei"));
    font.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("DejaVu Sans")});
    QGuiApplication::setFont(font);

    HubConnection::Keys keys;
    if (cli.isSet(insecureOpt)) {
        std::fprintf(stderr, "rollcall-dashboard: INSECURE: plain text without keys (--insecure): anyone on the "
                             "network can read this board\n");
    } else {
        if (!cli.isSet(keyOpt) || !cli.isSet(serverKeyOpt))
            return fail(QStringLiteral("no keys: give --key NAME.key_secret and --server-key hub.key, or run plain "
                                       "text with --insecure"));
        try {
            keys.clientKey = rollcall::protocol::readCurveSecretCertificate(cli.value(keyOpt).toStdString());
            keys.serverPublicKey =
                rollcall::protocol::readCurveCertificate(cli.value(serverKeyOpt).toStdString()).publicKey;
        } catch (const std::exception& e) {
            return fail(QString::fromUtf8(e.what()));
        }
    }
    const bool organizerDesk = cli.value(deskOpt) == QLatin1String("organizer");
    const bool officeDesk = cli.value(deskOpt) == QLatin1String("office");
    if (cli.isSet(deskOpt) && !organizerDesk && !officeDesk)
        return fail(QStringLiteral("--desk: expected organizer or office, got '%1'").arg(cli.value(deskOpt)));
    if (cli.isSet(deskOpt) && !keys.clientKey)
        return fail(QStringLiteral("--desk needs keys: the hub records who did what by the key's name"));
    std::vector<DeskScript::Step> scriptSteps;
    if (cli.isSet(deskScriptOpt)) {
        if (!organizerDesk)
            return fail(QStringLiteral("--desk-script drives the organizer's desk: give --desk organizer"));
        if (const auto problem = DeskScript::parse(cli.value(deskScriptOpt), scriptSteps)) return fail(*problem);
    }
    const auto deskKeys = keys;
    std::unique_ptr<HubConnection> connection;
    try {
        connection = std::make_unique<HubConnection>(cli.value(liveOpt), cli.value(queryOpt), HubConnection::Timing{},
                                                     std::move(keys));
    } catch (const std::exception& e) {
        return fail(QStringLiteral("cannot connect to %1 / %2: %3")
                        .arg(cli.value(liveOpt), cli.value(queryOpt), QString::fromUtf8(e.what())));
    }
    Dashboard dashboard([] { return QDateTime::currentMSecsSinceEpoch(); });
    dashboard.attach(*connection);
    dashboard.setVenueMode(cli.isSet(fullOpt));

    // The organizer's desk: its own connection for admin requests, so the board never waits on one.
    std::unique_ptr<AdminClient> admin;
    std::unique_ptr<OrganizerDesk> desk;
    std::unique_ptr<OfficeDesk> office;
    if (cli.isSet(deskOpt)) admin = std::make_unique<AdminClient>(cli.value(queryOpt), deskKeys);
    if (officeDesk) {
        office = std::make_unique<OfficeDesk>(*admin);
        if (cli.isSet(deskPeriodOpt)) office->setPeriod(cli.value(deskPeriodOpt));
        office->refresh();
        if (cli.isSet(deskPreviewOpt)) office->showPreview(cli.value(deskPreviewOpt));
    }
    if (organizerDesk) {
        desk = std::make_unique<OrganizerDesk>(*admin, QString::fromStdString(deskKeys.clientKey->meta("name")));
        QObject::connect(dashboard.board(), &MeetingBoard::meetingChanged, desk.get(),
                         [&] { desk->setMeetingId(dashboard.board()->meetingId()); });
        // Another desk's amendment reaches this board as a live update: the action list is read again.
        QObject::connect(&dashboard, &Dashboard::meetingUpdated, desk.get(), &OrganizerDesk::recordChanged);
        if (cli.isSet(deskSearchOpt)) desk->search(cli.value(deskSearchOpt));
        desk->loadRoster();
    }

    QQmlApplicationEngine engine;
    engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&dashboard)},
                                 {QStringLiteral("distance"), *distance},
                                 {QStringLiteral("desk"), QVariant::fromValue(desk.get())},
                                 {QStringLiteral("office"), QVariant::fromValue(office.get())},
                                 {QStringLiteral("officeDir"), cli.value(deskDirOpt)}});
    engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
    if (engine.rootObjects().isEmpty()) return fail(QStringLiteral("could not load the QML user interface"));
    auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
    if (!window) return fail(QStringLiteral("the root QML object is not a window"));
    window->resize(width, height);
    if (cli.isSet(fullOpt) && shotPath.isEmpty())
        window->showFullScreen();
    else
        window->show();

    if (shotPath.isEmpty()) {
        // The venue screen fills the display; leaving it (Esc) returns to a window.
        QObject::connect(&dashboard, &Dashboard::venueModeChanged, window, [&dashboard, window] {
            if (dashboard.venueMode())
                window->showFullScreen();
            else
                window->showNormal();
        });
    }

    int exitCode = 0;
    std::unique_ptr<Screenshot> shot;
    if (!shotPath.isEmpty()) {
        shot = std::make_unique<Screenshot>(*window, shotPath);
        QObject::connect(shot.get(), &Screenshot::saved, &app, [&](bool ok) {
            if (!ok) exitCode = 1; // a failed desk script has set it already
            QCoreApplication::exit(exitCode);
        });
        // Ready: the meeting's snapshot is on the board (or the meeting list, with no meeting),
        // and with a desk its roster too, whichever comes last.
        if (office) {
            // The office's desk: once the ranking and the register are in.
            QObject::connect(office.get(), &OfficeDesk::busyChanged, shot.get(), [&office, &shot] {
                if (!office->busy()) shot->takeAfterNextFrame();
            });
        } else if (desk && scriptSteps.empty()) {
            const auto ready = [&dashboard, &desk, &shot] {
                if (dashboard.snapshotCount() > 0 && desk->rosterLoaded()) shot->takeAfterNextFrame();
            };
            QObject::connect(&dashboard, &Dashboard::snapshotApplied, shot.get(), ready);
            QObject::connect(desk.get(), &OrganizerDesk::rosterChanged, shot.get(), ready);
        } else if (desk) {
            // The desk script below takes the screenshot when it is done.
        } else if (cli.isSet(meetingOpt))
            QObject::connect(&dashboard, &Dashboard::snapshotApplied, shot.get(), &Screenshot::takeAfterNextFrame);
        else
            QObject::connect(&dashboard, &Dashboard::meetingListApplied, shot.get(), &Screenshot::takeAfterNextFrame);
    }
    // A desk script starts once the meeting and the roster are in, and ends in the screenshot (or the exit).
    std::unique_ptr<DeskScript> script;
    if (!scriptSteps.empty()) {
        script = std::make_unique<DeskScript>(*window, std::move(scriptSteps), [&dashboard](const QString& personId) {
            const int row = dashboard.attendees()->rowOf(personId);
            if (row < 0) return QString();
            const auto status = rollcall::protocol::toString(dashboard.attendees()->at(row).status);
            return QString::fromUtf8(status.data(), static_cast<qsizetype>(status.size()));
        });
        QObject::connect(script.get(), &DeskScript::stepDone, &app, [](const QString& step) {
            std::printf("desk-script: %s\n", step.toUtf8().constData());
            std::fflush(stdout);
        });
        QObject::connect(script.get(), &DeskScript::finished, &app, [&](bool ok, const QString& message) {
            std::fprintf(ok ? stdout : stderr, "%s\n", message.toUtf8().constData());
            std::fflush(ok ? stdout : stderr);
            if (!ok) exitCode = 1;
            if (shot)
                shot->takeAfterNextFrame();
            else
                QCoreApplication::exit(exitCode);
        });
        const auto ready = [&dashboard, &desk, &script, started = std::make_shared<bool>(false)] {
            if (*started || dashboard.snapshotCount() == 0 || !desk->rosterLoaded()) return;
            *started = true;
            script->start();
        };
        QObject::connect(&dashboard, &Dashboard::snapshotApplied, script.get(), ready);
        QObject::connect(desk.get(), &OrganizerDesk::rosterChanged, script.get(), ready);
    }
    // Only now ask the hub: a request drains the query socket right after it is
    // sent, so a fast hub's answer can be applied inside these calls. Asked
    // before the screenshot was waiting for it, that answer went unnoticed and
    // the screenshot waited for --quit-after (the "no snapshot within 20000 ms"
    // flake, with a complete image).
    connection->requestMeetingList();
    if (cli.isSet(meetingOpt)) dashboard.selectMeeting(cli.value(meetingOpt));

    if (quitAfterMs > 0) {
        QTimer::singleShot(quitAfterMs, &app, [&] {
            if (shot && !shot->taken()) {
                std::fprintf(stderr, "rollcall-dashboard: no snapshot within %d ms; saving what is shown\n",
                             quitAfterMs);
                shot->takeNow(); // exits through saved()
                return;
            }
            QCoreApplication::exit(exitCode);
        });
    }
    const int rc = QGuiApplication::exec();
    return rc;
}
