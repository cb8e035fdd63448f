#pragma once
// The documents made from discipline findings: one notice per person or unit
// (from an editable {{placeholder}} template) and an index CSV. Findings are
// computed in discipline_findings.h; the monthly disclosure list (每月公示) is
// disclosure_list.h.
#include "hub/reports/discipline_findings.h"
#include "hub/reports/document.h"

#include <map>
#include <string>

namespace rollcall::reports {

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

/// The evidence lines of one occurrence, as a notice cites it.
[[nodiscard]] std::string describeOccurrence(const DisciplineFindings& f, const Occurrence& o, const core::Zone& zone);

} // namespace rollcall::reports
