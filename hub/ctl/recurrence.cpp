#include "hub/ctl/recurrence.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <functional>
#include <set>

namespace rollcall::ctl {
namespace {

using namespace std::chrono;

sys_days parseDate(const std::string& text, std::string_view option)
{
    int y = 0;
    unsigned m = 0, d = 0;
    char tail = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3)
        throw common::InputError(std::string(option) + ": \"" + text + "\" is not a date YYYY-MM-DD");
    const year_month_day ymd{year(y), month(m), day(d)};
    if (!ymd.ok()) throw common::InputError(std::string(option) + ": date \"" + text + "\" does not exist");
    return sys_days(ymd);
}

std::string formatDate(sys_days d)
{
    const year_month_day ymd(d);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

constexpr std::array<std::string_view, 7> kDays{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

std::string upper(std::string s)
{
    for (auto& c : s) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
    return s;
}

[[noreturn]] void badRule(const std::string& rule, const std::string& why)
{
    throw common::InputError("--repeat: \"" + rule + "\" " + why
                             + " (daily, weekly:MON[,WED…] or monthly:DAY, DAY 1–31)");
}

} // namespace

std::vector<std::string> recurrenceDates(const std::string& rule, const std::string& firstDate,
                                         const std::string& until)
{
    const auto first = parseDate(firstDate, "--start");
    const auto last = parseDate(until, "--until");
    if (last < first) throw common::InputError("--until (" + until + ") is before the first date (" + firstDate + ")");

    std::function<bool(sys_days)> matches;
    const auto colon = rule.find(':');
    const auto kind = rule.substr(0, colon);
    const auto arg = colon == std::string::npos ? std::string() : rule.substr(colon + 1);
    if (kind == "daily" && colon == std::string::npos) {
        matches = [](sys_days) { return true; };
    } else if (kind == "weekly") {
        std::set<unsigned> days;
        std::size_t pos = 0;
        while (pos <= arg.size()) {
            const auto comma = std::min(arg.find(',', pos), arg.size());
            const auto name = upper(arg.substr(pos, comma - pos));
            const auto it = std::find(kDays.begin(), kDays.end(), name);
            if (it == kDays.end()) badRule(rule, "names no weekday \"" + name + "\"");
            days.insert(static_cast<unsigned>(it - kDays.begin()));
            pos = comma + 1;
        }
        matches = [days](sys_days d) { return days.count(weekday(d).c_encoding()) != 0; };
    } else if (kind == "monthly") {
        unsigned dom = 0;
        char tail = 0;
        if (std::sscanf(arg.c_str(), "%u%c", &dom, &tail) != 1 || dom < 1 || dom > 31) badRule(rule, "has no day 1–31");
        matches = [dom](sys_days d) { return static_cast<unsigned>(year_month_day(d).day()) == dom; };
    } else {
        badRule(rule, "is not a rule");
    }

    std::vector<std::string> out;
    for (auto d = first; d <= last; d += days(1)) {
        if (!matches(d)) continue;
        if (out.size() == kMaxOccurrences) {
            throw common::InputError("--repeat " + rule + " until " + until + " gives more than "
                                     + std::to_string(kMaxOccurrences) + " meetings; choose an earlier --until");
        }
        out.push_back(formatDate(d));
    }
    if (out.empty())
        throw common::InputError("--repeat " + rule + " gives no meeting from " + firstDate + " to " + until);
    return out;
}

std::string occurrenceId(const std::string& seriesId, const std::string& date) { return seriesId + "-" + date; }

} // namespace rollcall::ctl
