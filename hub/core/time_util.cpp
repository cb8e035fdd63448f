#include "hub/core/time_util.h"

#include <charconv>
#include <cstdio>
#include <date/date.h>
#include <date/tz.h>

namespace rollcall::core {
namespace {

const date::time_zone* tz(const void* p) { return static_cast<const date::time_zone*>(p); }

bool readInt(std::string_view text, std::size_t& pos, std::size_t digits, int& out)
{
    if (pos + digits > text.size()) return false;
    int value = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return false;
        value = value * 10 + (c - '0');
    }
    pos += digits;
    out = value;
    return true;
}

bool expect(std::string_view text, std::size_t& pos, char c)
{
    if (pos < text.size() && text[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

[[noreturn]] void badTime(std::string_view text, std::string_view what, std::string_view why)
{
    throw common::InputError(std::string(what) + ": \"" + std::string(text) + "\" is not a valid time ("
                             + std::string(why) + "); expected ISO 8601 like 2026-11-28T09:00:00+08:00");
}

} // namespace

Zone::Zone(const std::string& name) : name_(name)
{
    try {
        zone_ = date::locate_zone(name);
    } catch (const std::exception& e) {
        throw common::InputError("time zone \"" + name + "\" is unknown: " + e.what());
    }
}

std::string Zone::format(common::TimePoint t) const
{
    const auto local = date::make_zoned(tz(zone_), std::chrono::floor<std::chrono::seconds>(t));
    return date::format("%Y-%m-%d %H:%M:%S", local);
}

std::string Zone::formatIso(common::TimePoint t) const
{
    const auto local = date::make_zoned(tz(zone_), std::chrono::floor<std::chrono::seconds>(t));
    std::string s = date::format("%Y-%m-%dT%H:%M:%S%z", local);
    // %z gives +0800; ISO 8601 extended form wants +08:00.
    if (s.size() >= 5) s.insert(s.size() - 2, ":");
    return s;
}

std::string Zone::formatClock(common::TimePoint t) const
{
    const auto local = date::make_zoned(tz(zone_), std::chrono::floor<std::chrono::seconds>(t));
    return date::format("%H:%M", local);
}

std::string Zone::formatDate(common::TimePoint t) const
{
    const auto local = date::make_zoned(tz(zone_), std::chrono::floor<std::chrono::seconds>(t));
    return date::format("%Y-%m-%d", local);
}

common::TimePoint Zone::fromLocal(std::chrono::local_time<common::Millis> local) const
{
    const date::local_time<common::Millis> l(local.time_since_epoch());
    const auto sys = tz(zone_)->to_sys(l, date::choose::earliest);
    return common::TimePoint(sys.time_since_epoch());
}

common::TimePoint Zone::startOfDay(std::string_view text) const
{
    std::size_t pos = 0;
    int y = 0, m = 0, d = 0;
    if (!(readInt(text, pos, 4, y) && expect(text, pos, '-') && readInt(text, pos, 2, m) && expect(text, pos, '-')
          && readInt(text, pos, 2, d) && pos == text.size())) {
        throw common::InputError("date \"" + std::string(text) + "\" is not YYYY-MM-DD");
    }
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(m)),
                                          std::chrono::day(unsigned(d))};
    if (!ymd.ok()) throw common::InputError("date \"" + std::string(text) + "\" does not exist");
    return fromLocal(std::chrono::local_time<common::Millis>(std::chrono::local_days(ymd).time_since_epoch()));
}

common::TimePoint parseTime(std::string_view text, std::string_view what, const Zone* localZone)
{
    std::size_t pos = 0;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    if (!(readInt(text, pos, 4, y) && expect(text, pos, '-') && readInt(text, pos, 2, mo) && expect(text, pos, '-')
          && readInt(text, pos, 2, d))) {
        badTime(text, what, "bad date");
    }
    if (!(expect(text, pos, 'T') || expect(text, pos, 't') || expect(text, pos, ' ')))
        badTime(text, what, "missing time of day");
    if (!(readInt(text, pos, 2, h) && expect(text, pos, ':') && readInt(text, pos, 2, mi)))
        badTime(text, what, "bad time of day");
    if (expect(text, pos, ':')) {
        if (!readInt(text, pos, 2, s)) badTime(text, what, "bad seconds");
        if (expect(text, pos, '.') || expect(text, pos, ',')) {
            int digits = 0;
            while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
                if (digits < 3) ms = ms * 10 + (text[pos] - '0');
                ++digits;
                ++pos;
            }
            if (digits == 0) badTime(text, what, "bad fraction of a second");
            for (; digits < 3; ++digits) ms *= 10;
        }
    }
    const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(unsigned(mo)),
                                          std::chrono::day(unsigned(d))};
    if (!ymd.ok()) badTime(text, what, "no such date");
    if (h > 23 || mi > 59 || s > 59) badTime(text, what, "no such time of day");
    const auto local = std::chrono::local_days(ymd).time_since_epoch() + std::chrono::hours(h)
                       + std::chrono::minutes(mi) + std::chrono::seconds(s) + common::Millis(ms);

    if (pos == text.size()) {
        if (!localZone) badTime(text, what, "missing time zone offset, add Z or +08:00");
        return localZone->fromLocal(std::chrono::local_time<common::Millis>(local));
    }
    int offsetMinutes = 0;
    if (expect(text, pos, 'Z') || expect(text, pos, 'z')) {
        offsetMinutes = 0;
    } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
        const int sign = text[pos] == '-' ? -1 : 1;
        ++pos;
        int oh = 0, om = 0;
        if (!readInt(text, pos, 2, oh)) badTime(text, what, "bad offset");
        (void)(expect(text, pos, ':'));
        if (pos < text.size() && !readInt(text, pos, 2, om)) badTime(text, what, "bad offset");
        if (oh > 14 || om > 59) badTime(text, what, "offset out of range");
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        badTime(text, what, "unexpected characters after the time");
    }
    if (pos != text.size()) badTime(text, what, "unexpected characters after the offset");
    return common::TimePoint(local - std::chrono::minutes(offsetMinutes));
}

} // namespace rollcall::core
