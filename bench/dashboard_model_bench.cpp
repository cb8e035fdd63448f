// Benchmark: a 5,000-person meeting receiving 200 taps/s worth of live
// updates (each tap = attendee + tap + summary update, as the hub publishes
// them). Prints the time the dashboard takes per tap to apply them to every
// model (p50/p99/max; target p99 < 2 ms), with the models alone and with the
// full QML board attached (offscreen). A benchmark that prints figures, not a test.
#include "dashboard.h"

#include "support/board_fixture.h"

#include <QElapsedTimer>
#include <QFont>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <random>

Q_IMPORT_QML_PLUGIN(Rollcall_DashboardPlugin)

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {

constexpr int kPeople = 5000;
constexpr int kTapsPerSecond = 200;
constexpr int kSeconds = 15;

struct Workload {
    p::Snapshot snapshot;
    std::vector<std::vector<p::Update>> taps;  // the updates of each tap
};

Workload makeWorkload()
{
    HubSim sim(kPeople);
    Workload w;
    w.snapshot = sim.snapshot();
    std::mt19937 rng(20240610);
    std::uniform_int_distribution<int> person(0, kPeople - 1);
    const int n = kTapsPerSecond * kSeconds;
    for (int i = 0; i < n; ++i) {
        const auto at = kStartMs + 20 * kMinute + static_cast<std::int64_t>(i) * 1000 / kTapsPerSecond;
        w.taps.push_back(sim.tapIn(person(rng), at));
    }
    return w;
}

void report(const char* label, std::vector<double> us)
{
    std::sort(us.begin(), us.end());
    auto pct = [&](double q) { return us[static_cast<std::size_t>(q * static_cast<double>(us.size() - 1))]; };
    double total = 0;
    for (double v : us)
        total += v;
    std::printf("%-34s taps=%zu  p50=%.3f ms  p99=%.3f ms  max=%.3f ms  busy=%.1f%% of real time  p99<2ms: %s\n", label,
                us.size(), pct(0.5) / 1000, pct(0.99) / 1000, us.back() / 1000,
                100.0 * total / (1e6 * kSeconds), pct(0.99) < 2000 ? "yes" : "NO");
}

std::vector<double> run(Dashboard& d, const Workload& w)
{
    std::vector<double> us;
    us.reserve(w.taps.size());
    QElapsedTimer t;
    for (const auto& tap : w.taps) {
        t.start();
        for (const auto& u : tap)
            d.applyUpdate(u);
        us.push_back(static_cast<double>(t.nsecsElapsed()) / 1000.0);
        QCoreApplication::processEvents();  // let views react as they would between taps
    }
    return us;
}

} // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QGuiApplication::setFont(QFont(QStringLiteral("WenQuanYi Micro Hei")));
    std::printf("dashboard_model_bench: %d people, %d taps/s for %d s (3 updates per tap)\n", kPeople, kTapsPerSecond, kSeconds);
    const Workload w = makeWorkload();
    const auto clock = [] { return kStartMs + 25 * kMinute; };

    {
        Dashboard d(clock);
        QElapsedTimer t;
        t.start();
        d.applySnapshot(w.snapshot);
        std::printf("%-34s %.1f ms\n", "snapshot (models only)", static_cast<double>(t.nsecsElapsed()) / 1e6);
        report("models only, roster order", run(d, w));
    }
    {
        Dashboard d(clock);
        d.units()->setSortMode(UnitTreeModel::SortMode::RateAscending);
        d.applySnapshot(w.snapshot);
        report("models only, units by rate", run(d, w));
    }
    {
        Dashboard d(clock);
        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.setInitialProperties({{QStringLiteral("dashboard"), QVariant::fromValue(&d)}});
        engine.load(QUrl(QStringLiteral("qrc:/Rollcall/Dashboard/Main.qml")));
        if (engine.rootObjects().isEmpty())
            return 1;
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        window->resize(1920, 1080);
        window->show();
        QElapsedTimer t;
        t.start();
        d.applySnapshot(w.snapshot);
        std::printf("%-34s %.1f ms\n", "snapshot (with QML board)", static_cast<double>(t.nsecsElapsed()) / 1e6);
        report("with the QML board attached", run(d, w));
    }
    return 0;
}
