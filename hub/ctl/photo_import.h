#pragma once
// `rollcallctl roster import FILE.csv --photos DIR`: persons' photos from a
// folder, one file per person named by the person's id (p001.jpg, p002.png),
// stored in the record (hub/core/person_photos.h) for the venue screen.
#include "common/database.h"
#include "hub/core/time_util.h"

#include <string>

namespace rollcall::ctl {

struct PhotoImportResult {
    int photos = 0;   // stored (new or replaced)
    int replaced = 0; // of those, persons who had one
};

/// Stores every photo in `dir`, or throws InputError naming the file and the
/// problem (not a directory; a file not named PERSON_ID.jpg, .jpeg or .png;
/// an unknown person; two files for one person; empty, over 256 KiB, not a
/// JPEG or PNG, or of another type than its name says). Files whose names
/// start with '.' are skipped. The caller owns the transaction.
PhotoImportResult importPhotos(common::Database& db, const std::string& dir, const std::string& author,
                               common::TimePoint now);

} // namespace rollcall::ctl
