#include "hub/ctl/roster_import.h"

#include "hub/ctl/csv_reader.h"
#include "hub/ctl/wire_fields.h"
#include "protocol/badge_uid.h"

#include <map>
#include <sstream>

namespace rollcall::ctl {

RosterImportResult importRoster(core::Record& record, const std::string& path, common::TimePoint effective)
{
    CsvReader csv(path);
    csv.requireColumns({"person_id", "name", "unit", "badge_uid"});
    RosterImportResult result;
    std::map<std::string, int> badgeLines; // uid -> line, to name both lines of a clash in the file

    auto countUnits = [&] {
        auto s = record.database().prepare("SELECT count(*) FROM units");
        (void)s.step();
        return static_cast<int>(s.getInt(0));
    };
    const int unitsBefore = countUnits();

    for (const auto& row : csv.rows()) {
        const auto id = *csv.field(row, "person_id");
        const auto name = *csv.field(row, "name");
        const auto unit = *csv.field(row, "unit");
        if (id.empty()) throw common::InputError(csv.where(row, "person_id") + ": is empty");
        if (name.empty()) throw common::InputError(csv.where(row, "name") + ": is empty");
        if (unit.empty()) throw common::InputError(csv.where(row, "unit") + ": is empty");
        // What the hub records goes on the wire to boards: the same rules.
        requireWireId(id, csv.where(row, "person_id"));
        requireWireText(name, csv.where(row, "name"));
        requireWireText(unit, csv.where(row, "unit"));
        core::Person p;
        p.id = id;
        p.name = name;
        if (auto title = csv.field(row, "title"); title && !title->empty()) {
            requireWireText(*title, csv.where(row, "title"));
            p.title = *title;
        }
        try {
            p.unitId = record.ensureUnitPath(unit);
            p.unitPath = unit;
        } catch (const common::InputError& e) {
            throw common::InputError(csv.where(row, "unit") + ": " + e.what());
        }
        try {
            record.addPerson(p, effective);
        } catch (const common::InputError& e) {
            throw common::InputError(csv.where(row, "person_id") + ": " + e.what());
        }
        ++result.persons;

        std::stringstream badges(*csv.field(row, "badge_uid"));
        std::string raw;
        while (std::getline(badges, raw, ';')) {
            if (raw.find_first_not_of(" \t") == std::string::npos) continue;
            const auto uid = protocol::normalizeBadgeUid(raw);
            if (!uid) {
                throw common::InputError(csv.where(row, "badge_uid") + ": \"" + raw
                                         + "\" is not a badge UID (4, 7 or 10 bytes of hex, ':' allowed)");
            }
            if (auto prev = badgeLines.find(*uid); prev != badgeLines.end()) {
                throw common::InputError(csv.where(row, "badge_uid") + ": badge " + *uid + " is also given on line "
                                         + std::to_string(prev->second));
            }
            badgeLines.emplace(*uid, row.line);
            try {
                record.addBadge(*uid, id, effective);
            } catch (const common::InputError& e) {
                throw common::InputError(csv.where(row, "badge_uid") + ": " + e.what());
            }
            ++result.badges;
        }
    }
    result.unitsCreated = countUnits() - unitsBefore;
    return result;
}

} // namespace rollcall::ctl
