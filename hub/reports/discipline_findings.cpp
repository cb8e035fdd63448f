#include "hub/reports/discipline_findings.h"

#include "hub/reports/progress.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace rollcall::reports {
namespace {

int severity(const std::string& measure)
{
    if (measure == kMeasureTalk) return 3;
    if (measure == "通报批评") return 2;
    if (measure == kMeasureWarning) return 1;
    return measure.empty() ? 0 : 1;
}

bool openAppeal(const core::AttendeeResult& a)
{
    for (const auto& appeal : a.amendments) {
        if (appeal.kind != core::AmendmentKind::Appeal) continue;
        const bool resolved = std::any_of(a.amendments.begin(), a.amendments.end(), [&](const core::Amendment& r) {
            return r.kind == core::AmendmentKind::AppealResolution && r.refId == appeal.id;
        });
        if (!resolved) return true;
    }
    return false;
}

std::vector<Period> windowsOf(const Policy& policy, const Period& period, const core::Zone& zone)
{
    switch (policy.window) {
    case CountWindow::Month: return monthsOf(period, zone);
    case CountWindow::Quarter: return quartersOf(period, zone);
    case CountWindow::Year: {
        std::vector<Period> years;
        for (const auto& m : monthsOf(period, zone)) {
            if (years.empty() || years.back().year != m.year)
                years.push_back(parsePeriod(std::to_string(m.year), zone));
        }
        return years;
    }
    }
    return {};
}

} // namespace

DisciplineFindings findDiscipline(AttendanceLedger& ledger, const Policy& policy, const Period& period,
                                  const core::Zone& zone, common::TimePoint now, Progress* progress)
{
    DisciplineFindings f;
    f.period = period;
    f.policy = policy;
    const auto windows = windowsOf(policy, period, zone);
    common::TimePoint from = period.from;
    for (const auto& w : windows) from = std::min(from, w.from);
    const auto meetings = ledger.meetingsOver(from, period.to, now);
    f.results = ledger.evaluate(meetings, now, progress);
    std::sort(f.results.begin(), f.results.end(), [](const core::MeetingResult& a, const core::MeetingResult& b) {
        return std::tie(a.meeting.times.start, a.meeting.id) < std::tie(b.meeting.times.start, b.meeting.id);
    });
    auto inPeriod = [&](const core::Meeting& m) { return m.times.start >= period.from && m.times.start < period.to; };

    struct PersonItems {
        std::vector<Occurrence> absences, lateEarly;
    };
    std::map<std::string, PersonItems> items;
    // Each person as at their latest meeting considered (unit at its start, §10).
    std::unordered_map<std::string, core::Person> asAt;
    std::unordered_map<std::string, bool> offline;
    for (std::size_t mi = 0; mi < f.results.size(); ++mi) {
        const auto& r = f.results[mi];
        if (inPeriod(r.meeting)) ++f.meetings;
        for (std::size_t ai = 0; ai < r.attendees.size(); ++ai) {
            const auto& a = r.attendees[ai];
            const auto& o = a.outcome;
            asAt.insert_or_assign(a.person.id, a.person);
            Occurrence occ{mi, ai, false, Hold::None};
            if (o.status == core::Status::Absent) {
                if (!inPeriod(r.meeting)) continue;
                occ.absence = true;
                auto off = offline.find(r.meeting.id);
                if (off == offline.end()) {
                    off = offline.emplace(r.meeting.id, !ledger.coverage().offlineDuring(r.meeting).empty()).first;
                }
                if (openAppeal(a))
                    occ.hold = Hold::Appeal;
                else if (off->second && !absenceConfirmed(a.amendments, a.person.id))
                    occ.hold = Hold::Verify;
                items[a.person.id].absences.push_back(occ);
            } else if (o.attended() && (o.status == core::Status::Late || o.has(core::LeftEarly))) {
                if (openAppeal(a)) occ.hold = Hold::Appeal;
                items[a.person.id].lateEarly.push_back(occ);
            }
        }
    }

    for (auto& [personId, it] : items) {
        PersonFinding pf;
        pf.person = asAt.at(personId);
        for (const auto& occ : it.absences) {
            if (!policy.absenceEnabled) break;
            (occ.hold != Hold::None ? pf.held : pf.absences).push_back(occ);
        }
        for (const auto& occ : it.lateEarly) {
            if (occ.hold != Hold::None && inPeriod(f.results[occ.meeting].meeting)) pf.held.push_back(occ);
        }
        for (const auto& w : windows) {
            WindowCount wc;
            wc.window = w;
            const common::TimePoint end = std::min(w.to, period.to);
            for (const auto& occ : it.lateEarly) {
                const auto start = f.results[occ.meeting].meeting.times.start;
                if (occ.hold == Hold::None && start >= w.from && start < end) wc.cited.push_back(occ);
            }
            wc.count = static_cast<int>(wc.cited.size());
            // A level is reached in this period if the occurrence that reached it is in the period.
            for (const auto& [at, name] :
                 {std::pair{policy.talkAt, kMeasureTalk}, std::pair{policy.warningAt, kMeasureWarning}}) {
                if (at <= 0 || wc.count < at) continue;
                if (inPeriod(f.results[wc.cited[static_cast<std::size_t>(at - 1)].meeting].meeting)) {
                    wc.level = name;
                    break;
                }
            }
            if (!wc.level.empty()) pf.windows.push_back(std::move(wc));
        }
        if (!pf.absences.empty()) pf.measure = policy.absenceMeasure;
        for (const auto& wc : pf.windows) {
            if (severity(wc.level) > severity(pf.measure)) pf.measure = wc.level;
        }
        if (!pf.measure.empty() || !pf.held.empty()) f.persons.push_back(std::move(pf));
    }
    std::sort(f.persons.begin(), f.persons.end(), [](const PersonFinding& a, const PersonFinding& b) {
        return std::tie(a.person.unitPath, a.person.id) < std::tie(b.person.unitPath, b.person.id);
    });

    // Units below the monthly rate, held absences left out of their figures.
    const auto& units = ledger.units();
    auto ancestors = [&](std::int64_t unit) {
        std::vector<std::int64_t> chain;
        for (std::optional<std::int64_t> u = unit; u;) {
            chain.push_back(*u);
            const auto it = units.find(*u);
            u = it == units.end() ? std::nullopt : it->second.parent;
        }
        return chain;
    };
    for (const auto& month : monthsOf(period, zone)) {
        std::map<std::int64_t, Counts> counts;
        std::map<std::int64_t, std::vector<Occurrence>> absences;
        std::map<std::int64_t, std::vector<std::pair<std::size_t, std::size_t>>> failedDelegations;
        std::set<std::pair<std::size_t, std::size_t>> heldOnes;
        for (const auto& [pid, it] : items) {
            for (const auto& occ : it.absences) {
                if (occ.hold != Hold::None) heldOnes.emplace(occ.meeting, occ.attendee);
            }
        }
        for (std::size_t mi = 0; mi < f.results.size(); ++mi) {
            const auto& r = f.results[mi];
            if (r.meeting.times.start < month.from || r.meeting.times.start >= month.to) continue;
            for (std::size_t ai = 0; ai < r.attendees.size(); ++ai) {
                if (heldOnes.count({mi, ai})) continue;
                const auto& a = r.attendees[ai];
                MemberLine line{a.person.id, a.outcome.status, a.outcome.flags, 0, 0, false};
                for (auto u : ancestors(a.person.unitId)) {
                    counts[u].add(line);
                    if (a.outcome.status == core::Status::Absent) absences[u].push_back({mi, ai, true, Hold::None});
                }
            }
            // A delegation is one place of its unit; its shortfall is the unit's, never a person's (§11).
            for (std::size_t di = 0; di < r.delegations.size(); ++di) {
                const auto& d = r.delegations[di];
                for (auto u : ancestors(d.delegation.unitId)) {
                    counts[u].add(DelegationLine{d.delegation.unitId, d.status});
                    if (d.status == core::DelegationStatus::Short || d.status == core::DelegationStatus::Absent)
                        failedDelegations[u].emplace_back(mi, di);
                }
            }
        }
        std::vector<UnitFinding> below;
        // Every unit once: one whose figures all come from its single sub-unit gets no notice of its own.
        const auto listed =
            unitGroups(units, [&](std::int64_t id) { return counts.count(id) ? counts.at(id).expected : 0L; }, {})
                .front()
                .members;
        for (const auto& [unitId, c] : counts) {
            if (std::find(listed.begin(), listed.end(), unitId) == listed.end()) continue;
            const auto rate = c.attendanceRate();
            if (!rate || *rate >= policy.unitRateBelow) continue;
            UnitFinding uf;
            uf.unit = units.at(unitId);
            uf.month = month;
            uf.counts = c;
            uf.absences = absences[unitId];
            uf.delegations = failedDelegations[unitId];
            below.push_back(std::move(uf));
        }
        std::sort(below.begin(), below.end(), [](const UnitFinding& a, const UnitFinding& b) {
            const auto l = a.counts.attended() * b.counts.denominator();
            const auto r = b.counts.attended() * a.counts.denominator();
            if (l != r) return l < r;
            return a.unit.path < b.unit.path;
        });
        for (auto& uf : below) f.units.push_back(std::move(uf));
    }
    return f;
}

} // namespace rollcall::reports
