#include "hub/ctl/wire_fields.h"

#include "common/input_error.h"
#include "common/printable.h"
#include "protocol/field_rules.h"

#include <cstdio>

namespace rollcall::ctl {
namespace {

std::optional<std::string> withValue(const std::optional<std::string>& problem, std::string_view value)
{
    if (!problem) return std::nullopt;
    return *problem + ", got \"" + common::printable(value, 80) + "\"";
}

/// The wire allows a line break in a text, but a name, unit or title is shown
/// on one line everywhere — a board cell, a sign-in sheet row, a notice — and
/// a break or a tab in one is a copying slip, not a name.
std::optional<std::string> lineRuleViolation(std::string_view s)
{
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f) return std::string("must be one line without control characters");
    }
    return std::nullopt;
}

void require(const std::optional<std::string>& problem, const std::string& where)
{
    if (problem) throw common::InputError(where + ": " + *problem);
}

} // namespace

std::optional<std::string> wireIdProblem(std::string_view value)
{
    return withValue(protocol::idRuleViolation(value), value);
}

std::optional<std::string> wireNameProblem(std::string_view value)
{
    auto problem = protocol::textRuleViolation(value);
    if (!problem) problem = lineRuleViolation(value);
    return withValue(problem, value);
}

void requireWireId(std::string_view value, const std::string& where) { require(wireIdProblem(value), where); }

void requireWireName(std::string_view value, const std::string& where) { require(wireNameProblem(value), where); }

} // namespace rollcall::ctl
