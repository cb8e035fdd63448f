#pragma once
// A record with days of work for a report (issue 16: progress and cancelling
// of long commands over the wire need a command that runs for seconds):
// `meetings` meetings, one every 3 minutes from 40 hours ago, each with
// `persons` invited who all tap in, and the command line of the period
// report that evaluates them all.
#include "hub/core/record.h"
#include "hub/core/time_util.h"
#include "tests/support/hub_clients.h"

#include <string>
#include <vector>

namespace rollcall::test {

/// Days of work for a period report: `meetings` meetings, one every 3 minutes
/// from 40 hours ago (the hub finalizes none of them: that waits 48 h), at 30
/// venues in turn (never two at a venue at once), each with `persons` invited
/// who all tap in. 600 × 120 takes the hub seconds to evaluate (3 s here),
/// hundreds of times what a cancel takes to arrive.
inline void seedBusyDays(const std::string& path, int meetings, int persons)
{
    using namespace std::chrono_literals;
    constexpr int kVenues = 30;
    common::Database db(path);
    core::Record r(db);
    common::Transaction tx(db);
    const auto now = common::fromMillis(nowMs());
    const auto unit = r.ensureUnitPath("州直机关/州统计局");
    for (int k = 0; k < persons; ++k) {
        const auto id = "s" + std::to_string(k);
        r.addPerson({id, "人员" + std::to_string(k), unit, "", std::nullopt});
        r.addBadge("05" + std::to_string(100000 + k), id, now - 72h);
    }
    for (int v = 0; v < kVenues; ++v) {
        r.addVenue("v" + std::to_string(v), "会场" + std::to_string(v));
        r.addReader({"rv" + std::to_string(v), "v" + std::to_string(v), core::ReaderDirection::In}, now - 72h);
    }
    auto tap = db.prepare("INSERT INTO taps(reader_id, seq, badge_uid, at_ms, direction, venue_id, source, "
                          "received_ms) VALUES (?,?,?,?,NULL,?,'reader',?)");
    std::vector<std::int64_t> seq(kVenues, 0);
    for (int i = 0; i < meetings; ++i) {
        const int v = i % kVenues;
        core::Meeting m;
        m.id = "busy-" + std::to_string(i);
        m.title = "调度会" + std::to_string(i);
        m.venues = {"v" + std::to_string(v)};
        m.times.start = now - 40h + std::chrono::minutes(3 * i);
        m.times.end = m.times.start + 30min;
        m.times.opening = m.times.start - 10min;
        r.addMeeting(m, now - 72h);
        r.addInvite(m.id, {std::string("州直机关/州统计局"), std::nullopt});
        for (int k = 0; k < persons; ++k) {
            const auto at = common::toMillis(m.times.start - 5min + std::chrono::seconds(k));
            tap.bind(1, "rv" + std::to_string(v))
                .bind(2, ++seq[v])
                .bind(3, "05" + std::to_string(100000 + k))
                .bind(4, at)
                .bind(5, "v" + std::to_string(v))
                .bind(6, at);
            tap.run();
        }
    }
    tx.commit();
}

/// The long command: the last three days' report by unit, every meeting
/// evaluated from its taps (the argv after the program name and its globals).
inline std::vector<std::string> busyReportArgv()
{
    using namespace std::chrono_literals;
    const auto zone = core::Zone("Asia/Shanghai");
    const auto now = common::fromMillis(nowMs());
    return {"report", "period", "--from", zone.formatDate(now - 72h), "--to", zone.formatDate(now),
            "--by",   "unit",   "--json"};
}

} // namespace rollcall::test
