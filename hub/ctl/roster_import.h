#pragma once
// `rollcallctl roster import FILE.csv`: persons with their units and badges.
#include "hub/core/record.h"

namespace rollcall::ctl {

struct RosterImportResult {
    int persons = 0;
    int badges = 0;
    int unitsCreated = 0;
};

/// Imports every row or throws InputError naming FILE:LINE and the field.
/// New persons join their unit, and their badges are issued, at `effective`
/// (docs/semantics.md §10). The caller owns the transaction (all rows or none).
RosterImportResult importRoster(core::Record& record, const std::string& path, common::TimePoint effective);

} // namespace rollcall::ctl
