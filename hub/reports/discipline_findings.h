#pragma once
// Who crossed a threshold of the discipline policy in a period, with the
// evidence for each finding: pure computation from the policy and the
// record's figures (rendering is notice_documents.h).
//
// Held findings: an absence at a meeting whose reader was offline (until an
// absence_confirmation amendment confirms it) and anything under an open
// appeal are kept apart as held and never make a notice.
#include "hub/reports/attendance_ledger.h"
#include "hub/reports/period.h"
#include "hub/reports/period_report.h"
#include "hub/reports/policy.h"

#include <string>
#include <vector>

namespace rollcall::reports {

/// The measures the lateness levels give (the absence measure comes from the policy).
inline constexpr const char* kMeasureTalk = "诫勉谈话";
inline constexpr const char* kMeasureWarning = "效能告诫";

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
    int count = 0;     // occurrences in the window up to the period's end (not held)
    std::string level; // measure reached in this period, if any
    std::vector<Occurrence> cited;
};

struct PersonFinding {
    core::Person person;
    std::vector<Occurrence> absences; // unexcused absences in the period, not held
    std::vector<WindowCount> windows; // windows in which a lateness level was reached in the period
    std::vector<Occurrence> held;
    std::string measure;  // most severe measure, empty if none (held only)
    std::string noticeNo; // set by writeNotices
    std::string file;     // set by writeNotices
};

struct UnitFinding {
    UnitInfo unit;
    Period month;
    Counts counts; // held absences left out
    std::vector<Occurrence> absences;
    /// Delegations of the unit that were short or absent: (meeting, delegation) indexes into results.
    std::vector<std::pair<std::size_t, std::size_t>> delegations;
    std::string noticeNo; // set by writeNotices
    std::string file;     // set by writeNotices
};

struct DisciplineFindings {
    Period period;
    Policy policy;
    std::vector<core::MeetingResult> results; // every meeting the findings cite, by start
    std::vector<PersonFinding> persons;       // with a notice or a held item, by unit path and id
    std::vector<UnitFinding> units;           // by month, then rate
    int meetings = 0;
    std::string recordAnchor; // record_anchor.h: the chain head the findings were made from, for notices
};

[[nodiscard]] DisciplineFindings findDiscipline(AttendanceLedger& ledger, const Policy& policy, const Period& period,
                                                const core::Zone& zone, common::TimePoint now,
                                                Progress* progress = nullptr);

} // namespace rollcall::reports
