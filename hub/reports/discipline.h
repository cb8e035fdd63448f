#pragma once
// Who crossed a threshold of the discipline policy in a period, with the
// evidence for each finding, and the documents made from that: one notice per
// person or unit (from an editable {{placeholder}} template), an index CSV,
// and the monthly disclosure list (每月公示).
//
// Held findings: an absence at a meeting whose reader was offline (until an
// absence_confirmation amendment confirms it) and anything under an open
// appeal are listed in the index as held and never make a notice.
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/document.h"
#include "hub/reports/period.h"
#include "hub/reports/period_report.h"
#include "hub/reports/policy.h"

#include <map>

namespace rollcall::reports {

enum class Hold { None, Appeal, Verify };

/// One piece of evidence: a person's outcome at one meeting.
struct Occurrence {
    std::size_t meeting = 0;  // index into DisciplineFindings::results
    std::size_t attendee = 0; // index into that result's attendees
    bool absence = false;     // else late and/or left early
    Hold hold = Hold::None;
};

struct WindowCount {
    Period window;
    int count = 0;           // occurrences in the window up to the period's end (not held)
    std::string level;       // measure reached in this period, if any
    std::vector<Occurrence> cited;
};

struct PersonFinding {
    core::Person person;
    std::vector<Occurrence> absences; // unexcused absences in the period, not held
    std::vector<WindowCount> windows; // windows in which a lateness level was reached in the period
    std::vector<Occurrence> held;
    std::string measure;              // most severe measure, empty if none (held only)
    std::string noticeNo;
    std::string file;
};

struct UnitFinding {
    UnitInfo unit;
    Period month;
    Counts counts; // held absences left out
    std::vector<Occurrence> absences;
    std::string noticeNo;
    std::string file;
};

struct DisciplineFindings {
    Period period;
    Policy policy;
    std::vector<core::MeetingResult> results; // every meeting the findings cite, by start
    std::vector<PersonFinding> persons; // with a notice or a held item, by unit path and id
    std::vector<UnitFinding> units;     // by month, then rate
    int meetings = 0;
};

[[nodiscard]] DisciplineFindings findDiscipline(AttendanceLedger& ledger, const Policy& policy, const Period& period,
                                                const core::Zone& zone, common::TimePoint now, Progress* progress = nullptr);

/// Fills {{name}} placeholders. Throws InputError naming `source` for a
/// placeholder the template uses that is not in `values`.
[[nodiscard]] std::string renderTemplate(const std::string& tmpl, const std::map<std::string, std::string>& values,
                                         const std::string& source);

struct NoticeTemplates {
    std::string person, personSource;
    std::string unit, unitSource;
};

struct NoticeOutput {
    int personNotices = 0, unitNotices = 0, held = 0;
    std::string indexPath;
};

/// Writes notice files and index.csv into `dir` (created if missing; existing
/// notice files of the same names are replaced). Numbers notices
/// "<period>-001" … in index order.
NoticeOutput writeNotices(DisciplineFindings& findings, const NoticeTemplates& templates, const std::string& dir,
                          const core::Zone& zone, common::TimePoint madeAt);

/// The monthly disclosure list of a month's findings.
[[nodiscard]] Document disclosureList(const DisciplineFindings& findings, const core::Zone& zone, common::TimePoint madeAt);

/// The evidence lines of one occurrence, as a notice cites it.
[[nodiscard]] std::string describeOccurrence(const DisciplineFindings& f, const Occurrence& o, const core::Zone& zone);

} // namespace rollcall::reports
