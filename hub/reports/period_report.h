#pragma once
// Period figures per person and per unit (docs/semantics.md §9, attendance rate):
// meetings expected, present, late, left early, absent (unexcused), excused,
// substituted, absences to verify, and the rate. A unit's figures include the
// members of its sub-units; units are ranked by rate, "n/a" left unranked,
// at one level of the unit tree and within groups (unit_ranking.h).
// Each meeting counts for the unit its member belonged to at its start (§10).
#include "hub/core/status_tally.h"
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/document.h"
#include "hub/reports/period.h"
#include "hub/reports/unit_ranking.h"

#include <map>

namespace rollcall::reports {

/// A member's or a unit's status tally over the period, plus absences to verify.
struct Counts : core::StatusTally {
    long verify = 0;
    long delegations = 0, delegationsFailed = 0; // unit delegations, and those short or absent
    long lateOrEarly = 0;                        // members' meetings late, left early or both (each meeting once)
    void add(const MemberLine& line);
    /// A delegation is one expected place of its unit (§11): met → present,
    /// met late → late, short or absent → absent, excused → excused.
    void add(const DelegationLine& line);
    Counts& operator+=(const Counts& o);
    [[nodiscard]] long denominator() const { return expected - excused; }
};

struct PeriodFigures {
    Period period;
    int meetings = 0;                       // meetings over in the period
    int meetingsNotOver = 0;                // left out: statuses not final yet
    std::map<std::string, Counts> byPerson; // person id -> counts
    std::map<std::int64_t, Counts> byUnit;  // unit id -> counts, sub-units included
    UnitMap units;
    /// Each counted person with the unit of their latest meeting in the
    /// period (the unit at its start), so a later move changes no report.
    std::unordered_map<std::string, core::Person> persons;
};

/// Adds up the ledger's lines over the period.
[[nodiscard]] PeriodFigures periodFigures(AttendanceLedger& ledger, const Period& period, common::TimePoint now,
                                          Progress* progress = nullptr);

/// Units with anything expected, every unit once (unit_ranking.h), best rate
/// first; equal rates (compared exactly, as fractions) share a rank
/// (1, 2, 2, 4); n/a units last, unranked.
[[nodiscard]] std::vector<RankedUnit> rankUnits(const PeriodFigures& figures);

/// A group of units ranked on its own (`--level`, `--group`).
struct RankedGroup {
    std::optional<std::int64_t> unit; // the unit they are under; nullopt: the whole tree
    std::vector<RankedUnit> units;
};
/// The units `scope` lists, each group ranked by rate as rankUnits does.
/// Throws InputError naming --level or --group.
[[nodiscard]] std::vector<RankedGroup> rankUnitGroups(const PeriodFigures& figures, const UnitScope& scope);

/// The persons counted in `figures` (looked up in `persons`), by unit in the office's order, then id.
[[nodiscard]] std::vector<const core::Person*>
personsByUnit(const PeriodFigures& figures, const std::unordered_map<std::string, core::Person>& persons);

enum class PeriodBy { Person, Unit };
[[nodiscard]] Document periodReport(const PeriodFigures& figures, PeriodBy by,
                                    const std::unordered_map<std::string, core::Person>& persons,
                                    const core::Zone& zone, common::TimePoint madeAt, const UnitScope& scope = {});

} // namespace rollcall::reports
