#pragma once
// What `notices issue` adds to the register: the discipline findings of a
// period, less what the register already covers, with the measure escalated
// by what the register says was issued before (docs/semantics.md §13). Pure
// computation from findings, register entries and the policy; numbering and
// writing are NoticeRegister's.
#include "hub/reports/discipline_findings.h"
#include "hub/reports/notice_register.h"

#include <map>
#include <string>
#include <vector>

namespace rollcall::reports {

/// The editable texts of issued notices: line 1 the title, line 2 the
/// addressee (主送), then one paragraph a line (blank lines are skipped).
struct OfficialTemplates {
    std::string person, personSource;
    std::string unit, unitSource;
};
/// The shipped ones (hub/reports/notice_person.txt's companions
/// official_person.txt and official_unit.txt, built in).
[[nodiscard]] OfficialTemplates defaultOfficialTemplates();

struct IssueContext {
    const core::Zone& zone;
    common::TimePoint now;
    std::string issuedBy;
    /// The addressee (主送) of a unit: its display name today. The one place
    /// to switch to the unit's official name.
    std::map<std::int64_t, std::string> unitNames;
    /// venue id → name, for the venue a person was at.
    std::map<std::string, std::string> venueNames;
    /// reader id → venue id.
    std::map<std::string, std::string> readerVenues;
};

/// The new entries, in the order they are to be numbered (persons by unit
/// path and id, then units), not yet numbered. Throws InputError naming the
/// template for an unknown placeholder.
[[nodiscard]] std::vector<RegisterEntry> planNotices(const DisciplineFindings& findings,
                                                     const std::vector<RegisterEntry>& issued,
                                                     const OfficialTemplates& templates, const IssueContext& context);

/// The withdrawal of `notice`: its own entry (numbered when added).
[[nodiscard]] RegisterEntry withdrawalOf(const RegisterEntry& notice, const std::string& reason,
                                         std::optional<std::int64_t> appealId, const core::Zone& zone,
                                         common::TimePoint now, const std::string& by);

/// The unit's addressee name (主送): the last part of its path today.
[[nodiscard]] std::string unitAddressee(const std::string& unitPath);

} // namespace rollcall::reports
