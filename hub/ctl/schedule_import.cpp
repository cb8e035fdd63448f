#include "hub/ctl/schedule_import.h"

#include "hub/ctl/csv_reader.h"
#include "hub/ctl/meeting_commands.h"
#include "hub/ctl/wire_fields.h"

#include <sstream>

namespace rollcall::ctl {
namespace {

/// A field holding several values separated by ';' (blank ones skipped).
std::vector<std::string> listField(const CsvReader& csv, const CsvRow& row, const std::string& column)
{
    std::vector<std::string> out;
    const auto text = csv.field(row, column);
    if (!text) return out;
    std::stringstream in(*text);
    std::string item;
    while (std::getline(in, item, ';')) {
        const auto b = item.find_first_not_of(' ');
        if (b == std::string::npos) continue;
        out.push_back(item.substr(b, item.find_last_not_of(' ') - b + 1));
    }
    return out;
}

/// Throws the rule's words (the caller adds FILE:LINE: field NAME) if `problem`.
void refuse(const std::optional<std::string>& problem)
{
    if (problem) throw common::InputError(*problem);
}

/// Every id of a list field keeps the wire's rule for ids.
void refuseIds(const std::vector<std::string>& ids)
{
    for (const auto& id : ids) refuse(wireIdProblem(id));
}

std::string optionalField(const CsvReader& csv, const CsvRow& row, const std::string& column, std::string fallback)
{
    const auto v = csv.field(row, column);
    return v && !v->empty() ? *v : fallback;
}

} // namespace

ScheduleImportResult importSchedule(core::Record& record, const std::string& path, const core::Zone& zone,
                                    common::TimePoint now)
{
    CsvReader csv(path);
    csv.requireColumns({"id", "title", "venue", "start", "end"});
    ScheduleImportResult result;
    for (const auto& row : csv.rows()) {
        // Which field a failure belongs to, so the message names it.
        std::string column = "id";
        try {
            MeetingSpec spec;
            auto& m = spec.meeting;
            m.id = *csv.field(row, "id");
            if (m.id.empty()) throw common::InputError("is empty");
            refuse(wireIdProblem(m.id));
            column = "title";
            m.title = *csv.field(row, "title");
            if (m.title.empty()) throw common::InputError("is empty");
            refuse(wireNameProblem(m.title));
            column = "venue";
            m.venues = listField(csv, row, "venue");
            if (m.venues.empty()) throw common::InputError("is empty");
            refuseIds(m.venues);
            column = "start";
            m.times.start = core::parseTime(*csv.field(row, "start"), "start", &zone);
            column = "end";
            m.times.end = core::parseTime(*csv.field(row, "end"), "end", &zone);
            if (m.times.end <= m.times.start) throw common::InputError("must be after start");
            column = "late_grace";
            m.times.lateGrace = common::parseDuration(optionalField(csv, row, column, "5m"), column);
            column = "early_grace";
            m.times.earlyGrace = common::parseDuration(optionalField(csv, row, column, "5m"), column);
            column = "opens_before";
            m.times.opening = m.times.start - common::parseDuration(optionalField(csv, row, column, "60m"), column);
            column = "checkout_required";
            const auto checkout = optionalField(csv, row, column, "no");
            if (checkout != "yes" && checkout != "no")
                throw common::InputError("\"" + checkout + "\" is not yes or no");
            m.times.checkoutRequired = checkout == "yes";
            column = "invite_units";
            spec.inviteUnits = listField(csv, row, column);
            column = "invite_persons";
            spec.invitePersons = listField(csv, row, column);
            refuseIds(spec.invitePersons);
            column = "invite_groups";
            spec.inviteGroups = listField(csv, row, column);
            refuseIds(spec.inviteGroups);
            column = "invite_unit_quotas";
            for (const auto& q : listField(csv, row, column)) spec.quotas.push_back(parseQuota(q, "UNIT:N"));
            column.clear(); // the message names the venue, unit, person or meeting
            const auto added = addScheduledMeeting(record, spec, zone, now);
            for (const auto& w : added.warnings) result.warnings.push_back(csv.where(row) + ": " + w);
            ++result.meetings;
        } catch (const common::InputError& e) {
            throw common::InputError(csv.where(row, column) + ": " + e.what());
        }
    }
    if (result.meetings == 0) throw common::InputError(path + ": no meeting in the file");
    return result;
}

} // namespace rollcall::ctl
