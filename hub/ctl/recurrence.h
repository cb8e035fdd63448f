#pragma once
// Recurring meetings (`meeting add … --repeat RULE --until DATE`): which local
// dates a rule gives, each occurrence its own meeting with its own id
// (ID-YYYY-MM-DD), so each can be moved or cancelled alone.
// Rules: "daily", "weekly:MON[,WED…]", "monthly:DAY" (a month without that
// day has no occurrence). Bad rules throw InputError naming --repeat.

#include "hub/core/time_util.h"

#include <string>
#include <vector>

namespace rollcall::ctl {

/// The local dates ("YYYY-MM-DD") from `firstDate` to `until` inclusive that
/// `rule` gives. Throws InputError for a bad rule or dates, until before the
/// first date, no occurrence at all, or more than kMaxOccurrences.
[[nodiscard]] std::vector<std::string> recurrenceDates(const std::string& rule, const std::string& firstDate,
                                                       const std::string& until);

inline constexpr std::size_t kMaxOccurrences = 400;

/// One occurrence: the meeting's id for that date.
[[nodiscard]] std::string occurrenceId(const std::string& seriesId, const std::string& date);

} // namespace rollcall::ctl
