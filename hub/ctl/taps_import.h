#pragma once
// `rollcallctl taps import FILE.csv`: a reader's offline log or a standalone
// terminal's export. Idempotent: a tap already recorded (same reader and seq,
// same content) changes nothing.
#include "hub/core/record.h"

namespace rollcall::ctl {

struct TapsImportResult {
    int inserted = 0;
    int alreadyRecorded = 0;
};

/// Throws InputError naming FILE:LINE and field for a bad row, an unknown
/// reader, or a (reader, seq) already recorded with different content.
TapsImportResult importTaps(core::Record& record, const std::string& path, common::TimePoint now);

} // namespace rollcall::ctl
