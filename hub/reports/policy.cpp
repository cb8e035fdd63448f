#include "hub/reports/policy.h"

#include "hub/core/time_util.h"

#include <toml++/toml.h>

#include <fstream>
#include <set>
#include <sstream>

namespace rollcall::reports {
namespace {

[[noreturn]] void bad(const std::string& source, const std::string& key, const std::string& why)
{
    throw common::InputError("policy " + source + ": " + key + " " + why);
}

void onlyKeys(const toml::table& t, const std::string& source, const std::string& prefix, const std::set<std::string>& allowed)
{
    for (const auto& [k, v] : t) {
        const std::string key(k.str());
        if (!allowed.count(key)) bad(source, prefix + key, "is not a policy key (see docs/reports.md)");
    }
}

const toml::table* section(const toml::table& root, const std::string& name, const std::string& source)
{
    const auto* node = root.get(name);
    if (!node) return nullptr;
    if (!node->is_table()) bad(source, "[" + name + "]", "must be a table");
    return node->as_table();
}

template <class T>
void read(const toml::table* t, const std::string& sectionName, const std::string& key, T& out, const std::string& source)
{
    if (!t) return;
    const auto* node = t->get(key);
    if (!node) return;
    const std::string full = sectionName + "." + key;
    if constexpr (std::is_same_v<T, bool>) {
        if (!node->is_boolean()) bad(source, full, "must be true or false");
        out = node->as_boolean()->get();
    } else if constexpr (std::is_same_v<T, int>) {
        if (!node->is_integer()) bad(source, full, "must be a whole number");
        const auto v = node->as_integer()->get();
        if (v < 0 || v > 1000) bad(source, full, "must be between 0 and 1000");
        out = static_cast<int>(v);
    } else if constexpr (std::is_same_v<T, double>) {
        if (node->is_integer()) out = static_cast<double>(node->as_integer()->get());
        else if (node->is_floating_point()) out = node->as_floating_point()->get();
        else bad(source, full, "must be a number");
    } else {
        if (!node->is_string()) bad(source, full, "must be a string");
        out = node->as_string()->get();
    }
}

} // namespace

Policy parsePolicy(const std::string& text, const std::string& source)
{
    toml::table root;
    try {
        root = toml::parse(text, source);
    } catch (const toml::parse_error& e) {
        std::ostringstream where;
        where << "policy " << source << ":" << e.source().begin.line << ":" << e.source().begin.column << ": "
              << e.description();
        throw common::InputError(where.str());
    }
    onlyKeys(root, source, "", {"office", "absence", "late_or_early", "disclosure"});
    Policy p;
    const auto* office = section(root, "office", source);
    const auto* absence = section(root, "absence", source);
    const auto* late = section(root, "late_or_early", source);
    const auto* disclosure = section(root, "disclosure", source);
    if (office) onlyKeys(*office, source, "office.", {"name"});
    if (absence) onlyKeys(*absence, source, "absence.", {"enabled", "measure"});
    if (late) onlyKeys(*late, source, "late_or_early.", {"window", "warning_at", "talk_at"});
    if (disclosure) onlyKeys(*disclosure, source, "disclosure.", {"unit_rate_below", "list_persons_with_absence"});
    read(office, "office", "name", p.office, source);
    read(absence, "absence", "enabled", p.absenceEnabled, source);
    read(absence, "absence", "measure", p.absenceMeasure, source);
    std::string window = "quarter";
    read(late, "late_or_early", "window", window, source);
    if (window == "month") p.window = CountWindow::Month;
    else if (window == "quarter") p.window = CountWindow::Quarter;
    else if (window == "year") p.window = CountWindow::Year;
    else bad(source, "late_or_early.window", "\"" + window + "\" is not month, quarter or year");
    read(late, "late_or_early", "warning_at", p.warningAt, source);
    read(late, "late_or_early", "talk_at", p.talkAt, source);
    if (p.warningAt > 0 && p.talkAt > 0 && p.talkAt <= p.warningAt) {
        bad(source, "late_or_early.talk_at", "(" + std::to_string(p.talkAt) + ") must be more than warning_at ("
                                                 + std::to_string(p.warningAt) + ")");
    }
    read(disclosure, "disclosure", "unit_rate_below", p.unitRateBelow, source);
    if (!(p.unitRateBelow > 0.0 && p.unitRateBelow <= 1.0)) {
        bad(source, "disclosure.unit_rate_below", "must be a fraction in (0, 1], e.g. 0.9 for 90 %");
    }
    read(disclosure, "disclosure", "list_persons_with_absence", p.listPersonsWithAbsence, source);
    if (p.office.empty()) bad(source, "office.name", "must not be empty");
    if (p.absenceMeasure.empty()) bad(source, "absence.measure", "must not be empty");
    return p;
}

std::string readTextFile(const std::string& path, const std::string& option)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw common::InputError(option + ": cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

Policy loadPolicy(const std::string& path) { return parsePolicy(readTextFile(path, "--policy"), path); }

Policy defaultPolicy() { return parsePolicy(defaultPolicyText(), "policy.default.toml"); }

} // namespace rollcall::reports
