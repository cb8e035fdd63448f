#pragma once
// The wire's rules (protocol/field_rules.h) applied to what rollcallctl takes
// in: ids and names that could never be sent are refused at the door, naming
// the file and line or the option, instead of blanking a board later.
#include <optional>
#include <string>
#include <string_view>

namespace rollcall::ctl {

/// What is wrong with `value` as a wire id, with the value shown
/// ("must be 1..64 characters of [A-Za-z0-9._:-], got "X/1""), or nullopt.
/// For callers that prefix the place themselves (a CSV row's column).
[[nodiscard]] std::optional<std::string> wireIdProblem(std::string_view value);

/// The same for a name, unit path or title: a wire text that is also one line.
[[nodiscard]] std::optional<std::string> wireNameProblem(std::string_view value);

/// Throws InputError "WHERE: <the rule>, got "VALUE"" unless `value` is a wire id.
void requireWireId(std::string_view value, const std::string& where);

/// The same for a name, unit path or title (wireNameProblem).
void requireWireName(std::string_view value, const std::string& where);

} // namespace rollcall::ctl
