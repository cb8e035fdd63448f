// A generated year — 2,000 people in 40 units, 3,000 meetings, about three
// million taps — then the period report by unit over the year: cold (every
// meeting replayed from the taps, filling the results cache) and warm (from
// the cache). Prints the figures. Usage: period_report_bench [DB_PATH]
// (default: a fresh file in the temp directory, removed afterwards).
#include "hub/core/schema.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/document.h"
#include "hub/reports/period_report.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>

using namespace rollcall;
using namespace rollcall::reports;
using Clk = std::chrono::steady_clock;

namespace {

double secondsSince(Clk::time_point t) { return std::chrono::duration<double>(Clk::now() - t).count(); }

long generate(common::Database& db, const core::Zone& zone)
{
    std::mt19937 rng(20261128);
    auto chance = [&](double p) { return std::uniform_real_distribution<>(0, 1)(rng) < p; };
    auto minutes = [&](int lo, int hi) { return std::chrono::minutes(std::uniform_int_distribution<>(lo, hi)(rng)); };
    core::Record record(db);
    common::Transaction tx(db);
    const common::TimePoint created = zone.startOfDay("2025-12-01");
    // 4 top-level units x 10 sub-units x 50 people.
    std::vector<std::string> top = {"州直机关", "县市", "群团组织", "事业单位"};
    for (int t = 0; t < 4; ++t) {
        for (int s = 0; s < 10; ++s) {
            const auto unit = record.ensureUnitPath(top[t] + "/单位" + std::to_string(t * 10 + s));
            for (int k = 0; k < 50; ++k) {
                const int n = (t * 10 + s) * 50 + k;
                char id[16], uid[16];
                std::snprintf(id, sizeof id, "P%04d", n);
                std::snprintf(uid, sizeof uid, "04%06X", 0xA00000 + n);
                record.addPerson(core::Person{id, "人员" + std::to_string(n), unit, "", std::nullopt});
                record.addBadge(uid, id, created);
            }
        }
    }
    for (int v = 0; v < 20; ++v) {
        const auto venue = "v" + std::to_string(v);
        record.addVenue(venue, "会场" + std::to_string(v));
        record.addReader({"in" + std::to_string(v), venue, core::ReaderDirection::In}, created);
        record.addReader({"out" + std::to_string(v), venue, core::ReaderDirection::Out}, created);
    }
    auto tapStmt =
        db.prepare("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms) "
                   "VALUES (?,?,?,?,NULL,?,'reader',?)");
    std::vector<std::int64_t> seq(40, 0);
    long taps = 0;
    int meetingNo = 0;
    common::TimePoint day = zone.startOfDay("2026-01-01");
    while (meetingNo < 3000) {
        const auto weekday = std::chrono::weekday(std::chrono::floor<std::chrono::days>(day + std::chrono::hours(12)));
        if (weekday != std::chrono::Saturday && weekday != std::chrono::Sunday) {
            for (int slot = 0; slot < 12 && meetingNo < 3000; ++slot, ++meetingNo) {
                const int v = slot % 20;
                core::Meeting m;
                m.id = "M" + std::to_string(meetingNo);
                m.title = "会议" + std::to_string(meetingNo);
                m.venues = {"v" + std::to_string(v)};
                m.times.start = day + std::chrono::hours(slot < 6 ? 9 : 15);
                m.times.end = m.times.start + std::chrono::hours(2);
                m.times.opening = m.times.start - std::chrono::hours(1);
                record.addMeeting(m, created);
                const int t = meetingNo % 4;
                record.addInvite(m.id, core::RosterInvite{top[t], std::nullopt});
                for (int k = 0; k < 500; ++k) {
                    if (!chance(0.92)) continue; // absent
                    const int n = t * 500 + k;
                    char uid[16];
                    std::snprintf(uid, sizeof uid, "04%06X", 0xA00000 + n);
                    auto in = m.times.start - minutes(0, 40);
                    if (chance(0.05)) in = m.times.start + minutes(6, 40);
                    auto out = m.times.end + minutes(0, 20);
                    if (chance(0.04)) out = m.times.end - minutes(10, 60);
                    auto put = [&](const std::string& reader, int r, common::TimePoint at) {
                        tapStmt.bind(1, reader)
                            .bind(2, ++seq[static_cast<std::size_t>(r)])
                            .bind(3, uid)
                            .bind(4, common::toMillis(at))
                            .bind(5, m.venues[0])
                            .bind(6, common::toMillis(at));
                        tapStmt.run();
                        ++taps;
                    };
                    put("in" + std::to_string(v), v, in);
                    if (chance(0.1)) put("in" + std::to_string(v), v, in + std::chrono::seconds(3)); // a double tap
                    put("out" + std::to_string(v), 20 + v, out);
                }
                auto fin = db.prepare("UPDATE meetings SET finalized_ms = ? WHERE id = ?");
                fin.bind(1, common::toMillis(m.times.windowEnd() + std::chrono::hours(1))).bind(2, m.id).run();
            }
        }
        day += std::chrono::hours(24);
    }
    tx.commit();
    return taps;
}

double report(core::Record& record, const Period& period, const core::Zone& zone, common::TimePoint now,
              const std::string& out, int& rows)
{
    const auto t0 = Clk::now();
    AttendanceLedger ledger(record);
    const auto figures = periodFigures(ledger, period, now);
    const auto doc = periodReport(figures, PeriodBy::Unit, ledger.persons(), zone, now);
    writeDocument(doc, Format::Csv, out);
    rows = static_cast<int>(doc.sections.front().rows.size());
    return secondsSince(t0);
}

} // namespace

int main(int argc, char** argv)
{
    namespace fs = std::filesystem;
    const bool temp = argc < 2;
    const fs::path dir = fs::temp_directory_path() / ("rollcall-bench-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = temp ? (dir / "year.db").string() : argv[1];
    const core::Zone zone("Asia/Shanghai");
    const auto now = zone.startOfDay("2027-01-10");
    const auto period = dateRange("2026-01-01", "2026-12-31", zone);
    {
        common::Database db(path);
        core::migrate(db);
        core::Record record(db);
        long taps = 0;
        auto t0 = Clk::now();
        {
            auto s = db.prepare("SELECT count(*) FROM taps");
            (void)s.step();
            taps = s.getInt(0);
        }
        if (taps == 0) {
            taps = generate(db, zone);
            std::printf("generated 2000 people, 3000 meetings, %ld taps in %.1f s\n", taps, secondsSince(t0));
        } else {
            std::printf("using %s: %ld taps\n", path.c_str(), taps);
            db.exec("DELETE FROM meeting_results");
        }
        int rows = 0;
        const auto out = (dir / "by-unit.csv").string();
        const double cold = report(record, period, zone, now, out, rows);
        std::printf("period report by unit, cold (replays every meeting, fills the cache): %.3f s, %d unit rows\n",
                    cold, rows);
        const double warm = report(record, period, zone, now, out, rows);
        std::printf("period report by unit, warm (results cache): %.3f s, %d unit rows\n", warm, rows);
        auto s = db.prepare("SELECT count(*) FROM meeting_results");
        (void)s.step();
        std::printf("results cache: %lld meetings\n", static_cast<long long>(s.getInt(0)));
    }
    if (temp) fs::remove_all(dir);
    return 0;
}
