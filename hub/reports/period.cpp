#include "hub/reports/period.h"

#include <array>
#include <cstdio>

namespace rollcall::reports {
namespace {

bool digits(std::string_view s)
{
    if (s.empty()) return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

int toInt(std::string_view s)
{
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysIn(int y, int m)
{
    static constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : days.at(static_cast<std::size_t>(m - 1));
}

std::string date(int y, int m, int d)
{
    char buf[40]; // room for any three ints, so the compiler can see nothing is cut off
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return buf;
}

std::string nextDay(int y, int m, int d)
{
    if (d < daysIn(y, m)) return date(y, m, d + 1);
    if (m < 12) return date(y, m + 1, 1);
    return date(y + 1, 1, 1);
}

Period span(PeriodKind kind, int y, int m1, int m2, const core::Zone& zone)
{
    Period p;
    p.kind = kind;
    p.year = y;
    p.firstDate = date(y, m1, 1);
    p.lastDate = date(y, m2, daysIn(y, m2));
    p.from = zone.startOfDay(p.firstDate);
    p.to = zone.startOfDay(nextDay(y, m2, daysIn(y, m2)));
    return p;
}

constexpr std::array<const char*, 4> kQuarterZh{"第一季度", "第二季度", "第三季度", "第四季度"};

[[noreturn]] void bad(std::string_view what, std::string_view text, std::string_view expected)
{
    throw common::InputError(std::string(what) + ": \"" + std::string(text) + "\" is not " + std::string(expected));
}

Period month(int y, int m, const core::Zone& zone)
{
    auto p = span(PeriodKind::Month, y, m, m, zone);
    p.month = m;
    p.quarter = (m - 1) / 3 + 1;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    p.label = buf;
    p.labelZh = std::to_string(y) + "年" + std::to_string(m) + "月";
    return p;
}

bool validDate(std::string_view s, int& y, int& m, int& d)
{
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return false;
    y = toInt(s.substr(0, 4));
    m = toInt(s.substr(5, 2));
    d = toInt(s.substr(8, 2));
    return y >= 1970 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m);
}

} // namespace

Period quarterOf(int year, int m, const core::Zone& zone)
{
    const int q = (m - 1) / 3 + 1;
    auto p = span(PeriodKind::Quarter, year, q * 3 - 2, q * 3, zone);
    p.quarter = q;
    p.label = std::to_string(year) + "-Q" + std::to_string(q);
    p.labelZh = std::to_string(year) + "年" + kQuarterZh.at(static_cast<std::size_t>(q - 1));
    return p;
}

Period parsePeriod(std::string_view text, const core::Zone& zone, std::string_view what)
{
    constexpr std::string_view expected = "a month (2026-11), a quarter (2026-Q4) or a year (2026)";
    if (text.size() < 4 || !digits(text.substr(0, 4))) bad(what, text, expected);
    const int y = toInt(text.substr(0, 4));
    if (y < 1970 || y > 9999) bad(what, text, expected);
    if (text.size() == 4) {
        auto p = span(PeriodKind::Year, y, 1, 12, zone);
        p.label = std::string(text);
        p.labelZh = std::to_string(y) + "年度";
        return p;
    }
    if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q') && text[6] >= '1' && text[6] <= '4') {
        return quarterOf(y, (text[6] - '0') * 3, zone);
    }
    if (text.size() == 7 && text[4] == '-' && digits(text.substr(5, 2))) {
        const int m = toInt(text.substr(5, 2));
        if (m >= 1 && m <= 12) return month(y, m, zone);
    }
    bad(what, text, expected);
}

Period parseMonth(std::string_view text, const core::Zone& zone, std::string_view what)
{
    constexpr std::string_view expected = "a month like 2026-11";
    if (text.size() != 7 || text[4] != '-' || !digits(text.substr(0, 4)) || !digits(text.substr(5, 2))) {
        bad(what, text, expected);
    }
    const int y = toInt(text.substr(0, 4));
    const int m = toInt(text.substr(5, 2));
    if (y < 1970 || m < 1 || m > 12) bad(what, text, expected);
    return month(y, m, zone);
}

Period dateRange(std::string_view fromDate, std::string_view toDate, const core::Zone& zone)
{
    int y1, m1, d1, y2, m2, d2;
    if (!validDate(fromDate, y1, m1, d1)) bad("--from", fromDate, "a date like 2026-11-01");
    if (!validDate(toDate, y2, m2, d2)) bad("--to", toDate, "a date like 2026-11-30");
    if (toDate < fromDate) {
        throw common::InputError("--to (" + std::string(toDate) + ") is before --from (" + std::string(fromDate) + ")");
    }
    Period p;
    p.kind = PeriodKind::Range;
    p.year = y1;
    p.month = m1;
    p.firstDate = std::string(fromDate);
    p.lastDate = std::string(toDate);
    p.from = zone.startOfDay(p.firstDate);
    p.to = zone.startOfDay(nextDay(y2, m2, d2));
    p.label = p.firstDate + " – " + p.lastDate;
    p.labelZh = p.firstDate + " 至 " + p.lastDate;
    return p;
}

std::vector<Period> monthsOf(const Period& period, const core::Zone& zone)
{
    std::vector<Period> out;
    int y = toInt(std::string_view(period.firstDate).substr(0, 4));
    int m = toInt(std::string_view(period.firstDate).substr(5, 2));
    const int yEnd = toInt(std::string_view(period.lastDate).substr(0, 4));
    const int mEnd = toInt(std::string_view(period.lastDate).substr(5, 2));
    while (y < yEnd || (y == yEnd && m <= mEnd)) {
        out.push_back(month(y, m, zone));
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }
    return out;
}

std::vector<Period> quartersOf(const Period& period, const core::Zone& zone)
{
    std::vector<Period> out;
    for (const auto& m : monthsOf(period, zone)) {
        if (out.empty() || out.back().year != m.year || out.back().quarter != m.quarter) {
            out.push_back(quarterOf(m.year, m.month, zone));
        }
    }
    return out;
}

} // namespace rollcall::reports
