#include "hub/core/venue_assignments.h"

#include "common/input_error.h"

#include <algorithm>
#include <map>

namespace rollcall::core {
namespace {

constexpr const char* kColumns =
    "SELECT a.meeting_id, u.path, a.person_id, a.venue_id, a.set_ms, a.set_by FROM venue_assignments a "
    "LEFT JOIN units u ON u.id = a.unit_id WHERE a.meeting_id = ? ORDER BY a.id";

std::string targetName(const VenueAssignment& a)
{
    return a.unitPath ? "unit \"" + *a.unitPath + "\"" : "person \"" + a.personId.value_or("") + "\"";
}

} // namespace

void VenueAssignments::assign(const VenueAssignment& a)
{
    const auto meeting = record_.findMeeting(a.meetingId);
    if (!meeting) throw common::InputError("meeting \"" + a.meetingId + "\" does not exist");
    if (meeting->finalizedAt) {
        throw common::InputError("meeting \"" + a.meetingId
                                 + "\" is finalized: its venue assignments are part of its record");
    }
    if (meeting->cancelledAt) throw common::InputError("meeting \"" + a.meetingId + "\" is cancelled");
    if (a.unitPath.has_value() == a.personId.has_value())
        throw common::InputError("a venue assignment names either a unit or a person");
    std::optional<std::int64_t> unitId;
    if (a.unitPath) {
        unitId = record_.findUnit(*a.unitPath);
        if (!unitId) throw common::InputError("unit \"" + *a.unitPath + "\" does not exist");
    } else if (!record_.findPerson(*a.personId)) {
        throw common::InputError("person \"" + *a.personId + "\" does not exist");
    }
    if (a.venueId) {
        const auto& venues = meeting->venues;
        if (std::find(venues.begin(), venues.end(), *a.venueId) == venues.end()) {
            std::string list;
            for (const auto& v : venues) list += (list.empty() ? "" : ", ") + v;
            throw common::InputError("venue \"" + *a.venueId + "\" is not a venue of meeting \"" + a.meetingId + "\" ("
                                     + list + ")");
        }
    } else {
        const auto current = inForce(a.meetingId);
        const bool assigned = std::any_of(current.begin(), current.end(), [&](const VenueAssignment& c) {
            return c.unitPath == a.unitPath && c.personId == a.personId;
        });
        if (!assigned) {
            throw common::InputError(targetName(a) + " has no venue assignment at meeting \"" + a.meetingId
                                     + "\" to withdraw");
        }
    }
    if (a.setBy.empty()) throw common::InputError("a venue assignment needs its author");
    auto s = db_.prepare("INSERT INTO venue_assignments(meeting_id, unit_id, person_id, venue_id, set_ms, set_by) "
                         "VALUES (?, ?, ?, ?, ?, ?)");
    s.bind(1, a.meetingId);
    if (unitId) s.bind(2, *unitId);
    if (a.personId) s.bind(3, *a.personId);
    if (a.venueId) s.bind(4, *a.venueId);
    s.bind(5, common::toMillis(a.setAt)).bind(6, a.setBy);
    s.run();
}

std::vector<VenueAssignment> VenueAssignments::history(const std::string& meetingId)
{
    std::vector<VenueAssignment> out;
    auto s = db_.prepare(kColumns);
    s.bind(1, meetingId);
    while (s.step()) {
        out.push_back({s.getText(0), s.getOptionalText(1), s.getOptionalText(2), s.getOptionalText(3),
                       common::fromMillis(s.getInt(4)), s.getText(5)});
    }
    return out;
}

std::vector<VenueAssignment> VenueAssignments::inForce(const std::string& meetingId)
{
    // Keyed so that units come first by path, then persons by id; a later row replaces an earlier one.
    std::map<std::pair<int, std::string>, VenueAssignment> latest;
    for (auto& a : history(meetingId)) {
        const auto key = a.unitPath ? std::make_pair(0, *a.unitPath) : std::make_pair(1, *a.personId);
        latest.insert_or_assign(key, std::move(a));
    }
    std::vector<VenueAssignment> out;
    for (auto& [key, a] : latest)
        if (a.venueId) out.push_back(std::move(a));
    return out;
}

std::unordered_map<std::string, std::string> VenueAssignments::expectedVenues(const Meeting& meeting,
                                                                              const std::vector<Person>& roster)
{
    if (meeting.venues.size() < 2) return {};
    return resolveExpectedVenues(meeting, roster, inForce(meeting.id));
}

std::unordered_map<std::string, std::string> resolveExpectedVenues(const Meeting& meeting,
                                                                   const std::vector<Person>& roster,
                                                                   const std::vector<VenueAssignment>& inForce)
{
    std::unordered_map<std::string, std::string> out;
    if (meeting.venues.size() < 2) return out;
    std::unordered_map<std::string, std::string> byUnit, byPerson;
    for (const auto& a : inForce) {
        if (!a.venueId) continue;
        if (a.unitPath)
            byUnit[*a.unitPath] = *a.venueId;
        else if (a.personId)
            byPerson[*a.personId] = *a.venueId;
    }
    for (const auto& p : roster) {
        if (const auto it = byPerson.find(p.id); it != byPerson.end()) {
            out[p.id] = it->second;
            continue;
        }
        // The nearest unit on the path at S: 伊宁县/县政府办 before 伊宁县.
        std::string path = p.unitPath;
        std::string venue = meeting.venues.front();
        while (!path.empty()) {
            if (const auto it = byUnit.find(path); it != byUnit.end()) {
                venue = it->second;
                break;
            }
            const auto slash = path.rfind('/');
            path = slash == std::string::npos ? std::string() : path.substr(0, slash);
        }
        out[p.id] = venue;
    }
    return out;
}

} // namespace rollcall::core
