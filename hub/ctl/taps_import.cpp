#include "hub/ctl/taps_import.h"

#include "hub/ctl/csv_reader.h"
#include "hub/ctl/wire_fields.h"
#include "protocol/badge_uid.h"

#include <charconv>
#include <map>
#include <set>

namespace rollcall::ctl {

TapsImportResult importTaps(core::Record& record, const std::string& path, common::TimePoint now)
{
    CsvReader csv(path);
    csv.requireColumns({"reader_id", "seq", "badge_uid", "time"});
    TapsImportResult result;
    std::map<std::string, std::optional<core::Reader>> readers;
    std::set<std::pair<std::string, std::int64_t>> seenInFile;

    for (const auto& row : csv.rows()) {
        core::TapRecord tap;
        tap.source = "import";
        tap.receivedAt = now;
        tap.readerId = *csv.field(row, "reader_id");
        requireWireId(tap.readerId, csv.where(row, "reader_id"));
        auto reader = readers.find(tap.readerId);
        if (reader == readers.end()) reader = readers.emplace(tap.readerId, record.findReader(tap.readerId)).first;
        if (!reader->second) {
            throw common::InputError(csv.where(row, "reader_id") + ": reader \"" + tap.readerId
                                     + "\" is not registered (add it with `rollcallctl reader add`)");
        }
        tap.venueId = reader->second->venueId;

        const auto seqText = *csv.field(row, "seq");
        const auto [end, ec] = std::from_chars(seqText.data(), seqText.data() + seqText.size(), tap.seq);
        if (ec != std::errc() || end != seqText.data() + seqText.size() || tap.seq <= 0) {
            throw common::InputError(csv.where(row, "seq") + ": \"" + seqText + "\" is not a positive whole number");
        }
        if (!seenInFile.emplace(tap.readerId, tap.seq).second) {
            throw common::InputError(csv.where(row, "seq") + ": reader " + tap.readerId + " seq " + seqText
                                     + " appears twice in the file");
        }
        const auto uidText = *csv.field(row, "badge_uid");
        const auto uid = protocol::normalizeBadgeUid(uidText);
        if (!uid) throw common::InputError(csv.where(row, "badge_uid") + ": \"" + uidText + "\" is not a badge UID");
        tap.badgeUid = *uid;
        try {
            tap.at = core::parseTime(*csv.field(row, "time"), csv.where(row, "time"));
        } catch (const common::InputError& e) {
            throw common::InputError(e.what());
        }
        if (auto dir = csv.field(row, "direction"); dir && !dir->empty()) {
            tap.direction = core::directionFromString(*dir);
            if (!tap.direction)
                throw common::InputError(csv.where(row, "direction") + ": \"" + *dir + "\" is not in or out");
        }

        if (record.insertTap(tap) == core::InsertOutcome::Inserted) {
            ++result.inserted;
            continue;
        }
        const auto existing = record.findTap(tap.readerId, tap.seq);
        if (existing
            && (existing->badgeUid != tap.badgeUid || existing->at != tap.at || existing->direction != tap.direction)) {
            throw common::InputError(csv.where(row, "seq") + ": reader " + tap.readerId + " seq " + seqText
                                     + " is already recorded with a different badge, time or direction");
        }
        ++result.alreadyRecorded;
    }
    return result;
}

} // namespace rollcall::ctl
