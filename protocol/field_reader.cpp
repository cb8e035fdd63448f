// Single-value checks of the field reader: types, ranges, string rules.
#include "protocol/field_reader.h"

#include "protocol/badge_uid.h"
#include "protocol/base64.h"
#include "protocol/field_rules.h"

namespace rollcall::protocol::wire {
namespace {

void renderPath(const Path* p, std::string& out)
{
    if (p == nullptr) return;
    renderPath(p->parent, out);
    if (p->key.empty()) {
        out += '[';
        out += std::to_string(p->index);
        out += ']';
    } else {
        if (!out.empty()) out += '.';
        out += p->key;
    }
}

bool isValidDay(std::string_view s) noexcept
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8};
    const std::size_t lens[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p) {
        for (std::size_t i = 0; i < lens[p]; ++i) {
            const char c = s[starts[p] + i];
            if (c < '0' || c > '9') return false;
            parts[p] = parts[p] * 10 + (c - '0');
        }
    }
    const int y = parts[0], m = parts[1], d = parts[2];
    if (y < 1970 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

} // namespace

void DecodeState::fail(const Path& where, DecodeErrorKind kind, std::string_view problem)
{
    if (error) return;
    std::string detail;
    renderPath(&where, detail);
    detail += ": ";
    detail += problem;
    error = DecodeError{kind, std::move(detail)};
}

void DecodeState::wrongType(const Path& where, const Json& v, std::string_view expected)
{
    bad(where, "must be " + std::string(expected) + ", got " + v.type_name());
}

std::string DecodeState::str(const Json& v, const Path& where, StrRule rule)
{
    const auto* s = v.get_ptr<const Json::string_t*>();
    if (s == nullptr) {
        wrongType(where, v, "a string");
        return {};
    }
    if (!check(*s, where, rule)) return {};
    return *s;
}

std::int64_t DecodeState::i64(const Json& v, const Path& where, std::int64_t lo, std::int64_t hi)
{
    if (v.is_number_unsigned()) {
        const auto u = v.get<Json::number_unsigned_t>();
        if (u > static_cast<std::uint64_t>(hi)) return outOfRange(where, std::to_string(u), lo, hi);
        if (static_cast<std::int64_t>(u) < lo) return outOfRange(where, std::to_string(u), lo, hi);
        return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer()) {
        const auto i = v.get<Json::number_integer_t>();
        if (i < lo || i > hi) return outOfRange(where, std::to_string(i), lo, hi);
        return i;
    }
    notAnInteger(where, v);
    return 0;
}

std::uint64_t DecodeState::u64(const Json& v, const Path& where, std::uint64_t lo, std::uint64_t hi)
{
    if (v.is_number_unsigned()) {
        const auto u = v.get<Json::number_unsigned_t>();
        if (u < lo || u > hi) {
            bad(where, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + std::to_string(u));
            return 0;
        }
        return u;
    }
    if (v.is_number_integer()) {
        bad(where, "must not be negative, got " + std::to_string(v.get<Json::number_integer_t>()));
        return 0;
    }
    notAnInteger(where, v);
    return 0;
}

bool DecodeState::boolean(const Json& v, const Path& where)
{
    if (!v.is_boolean()) {
        wrongType(where, v, "true or false");
        return false;
    }
    return v.get<bool>();
}

std::size_t DecodeState::enumIndex(const Json& v, const Path& where, const std::string_view* names, std::size_t count)
{
    const auto* s = v.get_ptr<const Json::string_t*>();
    if (s == nullptr) {
        wrongType(where, v, "a string");
        return 0;
    }
    for (std::size_t i = 0; i < count; ++i) {
        if (names[i] == *s) return i;
    }
    std::string expected;
    for (std::size_t i = 0; i < count; ++i) expected.append(i ? "|" : "").append(names[i]);
    bad(where, "unknown value '" + escapeForDetail(*s) + "' (expected " + expected + ")");
    return 0;
}

const Json::array_t* DecodeState::array(const Json& v, const Path& where, std::size_t maxItems)
{
    const auto* items = v.get_ptr<const Json::array_t*>();
    if (items == nullptr) {
        wrongType(where, v, "an array");
        return nullptr;
    }
    if (items->size() > maxItems) {
        bad(where,
            "has " + std::to_string(items->size()) + " entries, at most " + std::to_string(maxItems) + " allowed");
        return nullptr;
    }
    return items;
}

std::int64_t DecodeState::outOfRange(const Path& where, const std::string& got, std::int64_t lo, std::int64_t hi)
{
    if (lo == 0 && !got.empty() && got[0] == '-') {
        bad(where, "must not be negative, got " + got);
    } else {
        bad(where, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + got);
    }
    return 0;
}

void DecodeState::notAnInteger(const Path& where, const Json& v)
{
    if (v.is_number_float()) {
        bad(where, "must be an integer in range, got " + v.dump());
    } else {
        wrongType(where, v, "an integer");
    }
}

bool DecodeState::check(const std::string& s, const Path& where, StrRule rule)
{
    switch (rule) {
    case StrRule::IdOrEmpty:
        if (s.empty()) return true;
        [[fallthrough]];
    case StrRule::Id:
        if (const auto problem = idRuleViolation(s)) {
            bad(where, *problem + ", got '" + escapeForDetail(s) + "'");
            return false;
        }
        return true;
    case StrRule::TokenOrEmpty:
        if (s.empty()) return true;
        [[fallthrough]];
    case StrRule::Token: {
        bool ok = !s.empty() && s.size() <= kMaxTokenBytes;
        for (char c : s) ok = ok && c > 0x20 && c < 0x7f;
        if (!ok) {
            bad(where, "must be 1..64 printable ASCII characters without spaces, got '" + escapeForDetail(s) + "'");
        }
        return ok;
    }
    case StrRule::Text:
        if (const auto problem = textRuleViolation(s)) {
            bad(where, *problem);
            return false;
        }
        return true;
    case StrRule::Uid:
        if (!isWireBadgeUid(s)) {
            bad(where, "must be 8..20 upper-case hex digits (4..10 bytes), got '" + escapeForDetail(s) + "'");
            return false;
        }
        return true;
    case StrRule::LongText:
        if (s.find('\0') != std::string::npos) {
            bad(where, "contains a NUL character");
            return false;
        }
        return true;
    case StrRule::Base64:
        if (!isBase64(s)) {
            bad(where, "must be base64 (RFC 4648, padded)");
            return false;
        }
        return true;
    case StrRule::Day:
        if (!isValidDay(s)) {
            bad(where, "must be a date YYYY-MM-DD, got '" + escapeForDetail(s) + "'");
            return false;
        }
        return true;
    case StrRule::PhotoBase64: {
        const bool ok = !s.empty() && s.size() <= kMaxPhotoBase64Bytes && isBase64(s);
        if (!ok) bad(where, "must be padded base64 of 1.." + std::to_string(kMaxPhotoBytes) + " bytes");
        return ok;
    }
    case StrRule::Mime:
        if (s != "image/jpeg" && s != "image/png") {
            bad(where, "must be image/jpeg or image/png, got '" + escapeForDetail(s) + "'");
            return false;
        }
        return true;
    }
    return false;
}

} // namespace rollcall::protocol::wire
