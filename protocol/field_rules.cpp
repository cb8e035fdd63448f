#include "protocol/field_rules.h"

#include "protocol/messages.h"

namespace rollcall::protocol {
namespace {

bool isIdChar(char c) noexcept
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
           || c == ':' || c == '-';
}

} // namespace

std::optional<std::string> idRuleViolation(std::string_view s)
{
    bool ok = !s.empty() && s.size() <= kMaxIdBytes;
    for (char c : s) ok = ok && isIdChar(c);
    if (ok) return std::nullopt;
    return "must be 1..64 characters of [A-Za-z0-9._:-]";
}

std::optional<std::string> textRuleViolation(std::string_view s)
{
    if (s.size() > kMaxTextBytes)
        return "is " + std::to_string(s.size()) + " bytes, at most " + std::to_string(kMaxTextBytes) + " allowed";
    if (s.find('\0') != std::string_view::npos) return "contains a NUL character";
    return std::nullopt;
}

} // namespace rollcall::protocol
