#pragma once
// `rollcallctl roster import FILE.csv`: a reconciliation of the record's
// persons with a roster file, as of an effective date (docs/semantics.md §10).
#include "hub/core/record.h"

#include <string>
#include <vector>

namespace rollcall::ctl {

struct RosterImportOptions {
    common::TimePoint effective;
    bool missingLeave = false;          // persons in service but not in the file leave at `effective`
    std::string badgeReason = "broken"; // why a badge the file no longer lists is revoked
    core::Zone zone;                    // for the dates in messages
};

struct RosterImportResult {
    int persons = 0; // joins
    int moves = 0;
    int leaves = 0;
    int badges = 0; // badges issued
    int badgesRevoked = 0;
    int unitsCreated = 0;
    int unitsListed = 0;              // units whose official order or name the file set or changed
    std::vector<std::string> changes; // one line per change, in the order applied ("join p5 …")
};

/// Reconciles the record with every row, or throws InputError naming
/// FILE:LINE and the field. A person not recorded joins their unit at
/// `effective`; a recorded person whose unit differs moves then; a recorded
/// person whose listed badges differ from those they hold has the others
/// revoked (o.badgeReason) and the new ones issued then (an empty badge
/// column changes no badge). Persons missing from the file are left alone,
/// or leave at `effective` with o.missingLeave. The caller owns the
/// transaction (all rows or none; a dry run rolls it back).
RosterImportResult importRoster(core::Record& record, const std::string& path, const RosterImportOptions& o);

} // namespace rollcall::ctl
