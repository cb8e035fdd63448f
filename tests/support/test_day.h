#pragma once
// Times in the tests as an organizer writes them, in UTC+8 (Beijing time):
// a clock time on the rule tests' day (2026-11-28), or a full local time.

#include "hub/core/time_util.h"

#include <string>

namespace rollcall::test {

/// `clock` ("09:00" or "09:00:30") on the test day, UTC+8.
inline common::TimePoint at(const std::string& clock)
{
    return core::parseTime("2026-11-28T" + clock + "+08:00", "test");
}

/// A local date and time ("2026-11-28T09:00") in UTC+8.
inline common::TimePoint atLocal(const std::string& local) { return core::parseTime(local + "+08:00", "test"); }

} // namespace rollcall::test
