#pragma once
// RFC 4180 quoting of CSV fields, shared by every CSV the reports write (the
// CSV format of a Document and the notices' index.csv).

#include <string>
#include <string_view>
#include <vector>

namespace rollcall::reports {

/// The field as it goes into a CSV line: unchanged, or in double quotes (with
/// quotes doubled) when it holds a comma, a quote, CR or LF.
[[nodiscard]] std::string csvField(std::string_view text);

/// The fields quoted and joined by commas, without a line end.
[[nodiscard]] std::string csvLine(const std::vector<std::string>& fields);

} // namespace rollcall::reports
