#pragma once
// The wire's rules (protocol/field_rules.h) applied to what rollcallctl takes
// in: ids and names that could never be sent are refused at the door, naming
// the file and line or the option, instead of blanking a board later.
#include <string>
#include <string_view>

namespace rollcall::ctl {

/// Throws InputError "WHERE: <the rule>, got "VALUE"" unless `value` is a wire id.
void requireWireId(std::string_view value, const std::string& where);

/// The same for a wire text (names, unit paths, titles).
void requireWireText(std::string_view value, const std::string& where);

} // namespace rollcall::ctl
