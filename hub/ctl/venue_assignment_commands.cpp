#include "hub/ctl/venue_assignment_commands.h"

#include "hub/core/record.h"
#include "hub/core/venue_assignments.h"
#include "hub/ctl/csv_reader.h"
#include "hub/ctl/database_file.h"
#include "hub/ctl/wire_fields.h"

#include <CLI/CLI.hpp>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace rollcall::ctl {
namespace {

struct VenueAssignmentCommandOptions {
    std::string meeting, venue, unit, person, file;
    bool withdraw = false;
    bool json = false;
};

std::string targetText(const core::VenueAssignment& a)
{
    return a.unitPath ? "unit " + *a.unitPath : "person " + a.personId.value_or("");
}

/// The venue's name as the meeting lists it, after its id.
std::string venueText(const core::Meeting& m, const std::string& venueId)
{
    for (std::size_t i = 0; i < m.venues.size(); ++i) {
        if (m.venues[i] == venueId && i < m.venueNames.size()) return venueId + " (" + m.venueNames[i] + ")";
    }
    return venueId;
}

/// The rows of an assignment file: columns venue and one of unit / person_id;
/// an empty venue withdraws. Every field keeps the wire's rules; FILE:LINE.
std::vector<core::VenueAssignment> readAssignmentFile(const std::string& path, const std::string& meetingId,
                                                      const std::string& author, common::TimePoint now)
{
    CsvReader csv(path);
    csv.requireColumns({"venue"});
    const bool units = csv.header().count("unit") != 0, persons = csv.header().count("person_id") != 0;
    if (!units && !persons) throw common::InputError(path + ": needs a column unit or person_id (or both)");
    std::vector<core::VenueAssignment> out;
    for (const auto& row : csv.rows()) {
        core::VenueAssignment a{meetingId, std::nullopt, std::nullopt, std::nullopt, now, author};
        const auto unit = units ? csv.field(row, "unit").value_or("") : std::string();
        const auto person = persons ? csv.field(row, "person_id").value_or("") : std::string();
        if (unit.empty() == person.empty())
            throw common::InputError(csv.where(row) + ": give either unit or person_id");
        if (!unit.empty()) {
            if (const auto p = wireNameProblem(unit)) throw common::InputError(csv.where(row, "unit") + ": " + *p);
            a.unitPath = unit;
        } else {
            if (const auto p = wireIdProblem(person)) throw common::InputError(csv.where(row, "person_id") + ": " + *p);
            a.personId = person;
        }
        const auto venue = csv.field(row, "venue").value_or("");
        if (!venue.empty()) {
            if (const auto p = wireIdProblem(venue)) throw common::InputError(csv.where(row, "venue") + ": " + *p);
            a.venueId = venue;
        }
        out.push_back(std::move(a));
    }
    return out;
}

void cmdAssignVenue(const VenueAssignmentCommandOptions& o, const CommandContext& c)
{
    requireWireId(o.meeting, "meeting");
    const auto now = c.clock.now();
    std::vector<core::VenueAssignment> rows;
    // Rows of a file keep their line for messages; a single assignment has none.
    std::vector<std::string> where;
    if (!o.file.empty()) {
        if (!o.unit.empty() || !o.person.empty() || !o.venue.empty() || o.withdraw)
            throw common::InputError("--file takes its units, persons and venues from the file");
        rows = readAssignmentFile(o.file, o.meeting, c.author, now);
        CsvReader csv(o.file);
        for (const auto& row : csv.rows()) where.push_back(csv.where(row) + ": ");
    } else {
        if (o.unit.empty() == o.person.empty()) throw common::InputError("give either --unit or --person");
        if (o.venue.empty() == !o.withdraw) throw common::InputError("give either --venue or --withdraw");
        core::VenueAssignment a{o.meeting, std::nullopt, std::nullopt, std::nullopt, now, c.author};
        if (!o.unit.empty()) {
            requireWireName(o.unit, "--unit");
            a.unitPath = o.unit;
        } else {
            requireWireId(o.person, "--person");
            a.personId = o.person;
        }
        if (!o.venue.empty()) {
            requireWireId(o.venue, "--venue");
            a.venueId = o.venue;
        }
        rows.push_back(std::move(a));
        where.emplace_back();
    }
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    core::VenueAssignments assignments(db);
    common::Transaction tx(db); // all or nothing
    for (std::size_t i = 0; i < rows.size(); ++i) {
        try {
            assignments.assign(rows[i]);
        } catch (const common::InputError& e) {
            throw common::InputError(where[i] + e.what());
        }
    }
    const auto meeting = *record.findMeeting(o.meeting);
    const auto expected = assignments.expectedVenues(meeting, record.roster(o.meeting));
    tx.commit();
    for (const auto& a : rows) {
        c.out << o.meeting << ": " << targetText(a) << " → "
              << (a.venueId ? venueText(meeting, *a.venueId) : std::string("(withdrawn)")) << "\n";
    }
    std::map<std::string, int> counts;
    for (const auto& [person, venue] : expected) ++counts[venue];
    c.out << "expected:";
    for (const auto& v : meeting.venues) c.out << " " << venueText(meeting, v) << " " << counts[v];
    c.out << "\n";
}

void cmdMeetingVenues(const VenueAssignmentCommandOptions& o, const CommandContext& c)
{
    requireWireId(o.meeting, "meeting");
    auto db = openDatabaseFile(c.db, false);
    core::Record record(db);
    const auto meeting = record.findMeeting(o.meeting);
    if (!meeting) throw common::InputError("meeting \"" + o.meeting + "\" does not exist");
    core::VenueAssignments assignments(db);
    const auto inForce = assignments.inForce(o.meeting);
    const auto expected = assignments.expectedVenues(*meeting, record.roster(o.meeting));
    std::map<std::string, int> counts;
    for (const auto& [person, venue] : expected) ++counts[venue];
    const core::Zone zone(c.zone);
    if (o.json) {
        nlohmann::json j;
        j["meeting"] = o.meeting;
        j["venues"] = nlohmann::json::array();
        for (std::size_t i = 0; i < meeting->venues.size(); ++i) {
            const auto& v = meeting->venues[i];
            j["venues"].push_back({{"id", v},
                                   {"name", i < meeting->venueNames.size() ? meeting->venueNames[i] : v},
                                   {"main", i == 0},
                                   {"expected", expected.empty() ? 0 : counts[v]}});
        }
        j["assignments"] = nlohmann::json::array();
        for (const auto& a : inForce) {
            nlohmann::json row{{"venue", *a.venueId}, {"set", zone.format(a.setAt)}, {"by", a.setBy}};
            if (a.unitPath) row["unit"] = *a.unitPath;
            if (a.personId) row["person_id"] = *a.personId;
            j["assignments"].push_back(std::move(row));
        }
        c.out << j.dump(2) << "\n";
        return;
    }
    c.out << "meeting " << o.meeting << " (" << meeting->title << ")\n";
    for (std::size_t i = 0; i < meeting->venues.size(); ++i) {
        c.out << (i == 0 ? "  main venue   " : "  branch venue ") << venueText(*meeting, meeting->venues[i]);
        if (!expected.empty()) c.out << ": " << counts[meeting->venues[i]] << " expected";
        c.out << "\n";
    }
    if (meeting->venues.size() < 2) c.out << "one venue: everyone is expected there\n";
    for (const auto& a : inForce) {
        c.out << "  " << targetText(a) << " → " << venueText(*meeting, *a.venueId) << " (" << zone.format(a.setAt)
              << ", " << a.setBy << ")\n";
    }
    if (inForce.empty() && meeting->venues.size() > 1)
        c.out << "no assignments: everyone is expected at the main venue\n";
}

} // namespace

std::vector<std::pair<CLI::App*, ReportCommand>> addVenueAssignmentCommands(CLI::App& app)
{
    auto o = std::make_shared<VenueAssignmentCommandOptions>();
    std::vector<std::pair<CLI::App*, ReportCommand>> out;
    auto* meeting = app.get_subcommand("meeting");

    auto* assign = meeting->add_subcommand(
        "assign-venue",
        "at a meeting with branch venues, the venue a unit (sub-units included) or person is expected at");
    assign->add_option("meeting", o->meeting, "meeting id")->required();
    assign->add_option("--venue", o->venue, "one of the meeting's venues");
    assign->add_option("--unit", o->unit, "unit path; its sub-units too, unless assigned themselves");
    assign->add_option("--person", o->person, "person id; wins over the person's unit");
    assign->add_flag("--withdraw", o->withdraw, "withdraw the unit's or person's assignment");
    assign->add_option("--file", o->file,
                       "CSV: venue, and unit or person_id (an empty venue withdraws); all or nothing");
    out.emplace_back(assign, [o](const CommandContext& c) { cmdAssignVenue(*o, c); });

    auto* venues =
        meeting->add_subcommand("venues", "a meeting's venues, the assignments in force, who is expected where");
    venues->add_option("meeting", o->meeting, "meeting id")->required();
    venues->add_flag("--json", o->json);
    out.emplace_back(venues, [o](const CommandContext& c) { cmdMeetingVenues(*o, c); });
    return out;
}

} // namespace rollcall::ctl
