#include "hub/ctl/wire_fields.h"

#include "common/input_error.h"
#include "protocol/field_rules.h"

#include <cstdio>

namespace rollcall::ctl {
namespace {

/// The value as a person can read it in a message: control bytes as \xNN,
/// at most 80 bytes shown.
std::string shown(std::string_view value)
{
    std::string out;
    for (std::size_t i = 0; i < value.size() && i < 80; ++i) {
        const auto c = static_cast<unsigned char>(value[i]);
        if (c < 0x20 || c == 0x7f) {
            char buf[5];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (value.size() > 80) out += "…";
    return out;
}

void require(const std::optional<std::string>& problem, std::string_view value, const std::string& where)
{
    if (problem) throw common::InputError(where + ": " + *problem + ", got \"" + shown(value) + "\"");
}

} // namespace

void requireWireId(std::string_view value, const std::string& where)
{
    require(protocol::idRuleViolation(value), value, where);
}

void requireWireText(std::string_view value, const std::string& where)
{
    require(protocol::textRuleViolation(value), value, where);
}

} // namespace rollcall::ctl
