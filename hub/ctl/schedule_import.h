#pragma once
// `rollcallctl meeting import FILE`: a schedule as CSV, one meeting per row
// with its invitations, all or nothing; every bad row is reported as
// FILE:LINE: field NAME (docs/cli.md, "Schedule CSV").
#include "hub/core/record.h"

#include <string>
#include <vector>

namespace rollcall::ctl {

struct ScheduleImportResult {
    int meetings = 0;
    std::vector<std::string> warnings; // overlaps with meetings not yet finalized
};

/// Adds every meeting of the file inside the caller's transaction; throws
/// InputError naming the file, line and field of the first bad row.
ScheduleImportResult importSchedule(core::Record& record, const std::string& path, const core::Zone& zone,
                                    common::TimePoint now);

} // namespace rollcall::ctl
