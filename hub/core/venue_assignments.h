#pragma once
// Venue assignments at a plenary held over a main venue and branch venues
// (分会场): which venue a unit (its sub-units included) or a person is
// expected at, per meeting (docs/semantics.md §10). A person's own assignment
// wins over their unit's, the nearest unit above them over one further up,
// and a member nobody assigned is expected at the main venue. Assignments
// change no status: boards count per venue and show a check-in at another
// venue than the member's.
#include "common/database.h"
#include "hub/core/record.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace rollcall::core {

struct VenueAssignment {
    std::string meetingId;
    std::optional<std::string> unitPath; // exactly one of unitPath and personId
    std::optional<std::string> personId;
    std::optional<std::string> venueId; // nullopt: a withdrawal (back to the unit's, or the main venue)
    common::TimePoint setAt;
    std::string setBy;
};

class VenueAssignments {
public:
    explicit VenueAssignments(common::Database& db) : db_(db), record_(db) {}

    /// Assigns a unit or a person (`target.unitPath` or `target.personId`) to
    /// `target.venueId`, or withdraws their assignment when it is empty.
    /// Throws InputError naming the input for an unknown meeting, unit,
    /// person or venue, a venue that is not one of the meeting's, a
    /// finalized or cancelled meeting, and a withdrawal of nothing.
    void assign(const VenueAssignment& target);

    /// The assignments in force (the latest per unit and per person,
    /// withdrawals left out): units by path, then persons by id.
    [[nodiscard]] std::vector<VenueAssignment> inForce(const std::string& meetingId);
    /// Every assignment and withdrawal of the meeting, oldest first.
    [[nodiscard]] std::vector<VenueAssignment> history(const std::string& meetingId);

    /// Where each roster member is expected (person id → venue id). Empty for
    /// a meeting with one venue: there is nowhere else to be.
    [[nodiscard]] std::unordered_map<std::string, std::string> expectedVenues(const Meeting& meeting,
                                                                              const std::vector<Person>& roster);

private:
    common::Database& db_;
    Record record_;
};

/// The rule of expectedVenues() over given assignments in force: the
/// person's own, else the nearest unit on their unit path (the unit at S),
/// else the main venue.
[[nodiscard]] std::unordered_map<std::string, std::string>
resolveExpectedVenues(const Meeting& meeting, const std::vector<Person>& roster,
                      const std::vector<VenueAssignment>& inForce);

} // namespace rollcall::core
