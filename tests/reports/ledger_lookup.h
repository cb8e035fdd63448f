#pragma once
// Finding a meeting's and a member's lines in AttendanceLedger::lines() output
// (shared by the ledger and results cache tests).
#include "hub/reports/meeting_lines.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace rollcall::testing {

inline const reports::MemberLine& lineOf(const reports::MeetingLines& m, const std::string& person)
{
    for (const auto& l : m.members) {
        if (l.personId == person) return l;
    }
    throw std::runtime_error("no line for " + person);
}

inline const reports::MeetingLines& meetingOf(const std::vector<reports::MeetingLines>& all, const std::string& id)
{
    for (const auto& m : all) {
        if (m.meeting.id == id) return m;
    }
    throw std::runtime_error("no meeting " + id);
}

} // namespace rollcall::testing
