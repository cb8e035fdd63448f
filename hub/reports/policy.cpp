#include "hub/reports/policy.h"

#include "common/config_keys.h"
#include "hub/core/time_util.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <toml++/toml.h>

namespace rollcall::reports {
namespace {

const common::ConfigKeys& policyKeys()
{
    static const common::ConfigKeys keys{
        {},
        {
            {"office", {"name"}},
            {"absence", {"enabled", "measure"}},
            {"late_or_early", {"window", "warning_at", "talk_at"}},
            {"disclosure",
             {"unit_rate_below", "list_persons_with_absence", "objection_days", "objection_channel", "contact"}},
            {"notices", {"number_format", "regulation"}},
            {"appeal", {"deadline_days"}},
            {"escalation", {"enabled", "within_months", "ladder"}},
            {"unit_measures", {"measure", "below_rate_months", "delegation_absent"}},
            {"performance", {"base", "per_absence", "per_late_or_early", "per_missed_delegation"}},
        },
    };
    return keys;
}

/// Reads typed values; every message starts "policy FILE:LINE: key".
class PolicyFile {
public:
    PolicyFile(const toml::table& root, const std::string& source) : root_(root), file_("policy " + source) {}

    template <class T>
    void read(const char* key, T& out) const
    {
        const auto node = root_.at_path(key);
        if (!node) return;
        if constexpr (std::is_same_v<T, bool>) {
            if (!node.is_boolean()) bad(key, "must be true or false");
            out = node.as_boolean()->get();
        } else if constexpr (std::is_same_v<T, int>) {
            if (!node.is_integer()) bad(key, "must be a whole number");
            const auto v = node.as_integer()->get();
            if (v < 0 || v > 1000) bad(key, "must be between 0 and 1000");
            out = static_cast<int>(v);
        } else if constexpr (std::is_same_v<T, double>) {
            if (node.is_integer())
                out = static_cast<double>(node.as_integer()->get());
            else if (node.is_floating_point())
                out = node.as_floating_point()->get();
            else
                bad(key, "must be a number");
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            const auto* array = node.as_array();
            if (!array) bad(key, "must be a list of strings, e.g. [\"效能告诫\", \"诫勉谈话\"]");
            out.clear();
            for (const auto& item : *array) {
                if (!item.is_string()) bad(key, "must be a list of strings");
                out.push_back(item.as_string()->get());
            }
        } else {
            if (!node.is_string()) bad(key, "must be a string");
            out = node.as_string()->get();
        }
    }

    /// A number from 0 to 1000 with at most two decimals, in hundredths.
    void readHundredths(const char* key, std::int64_t& out) const
    {
        if (!root_.at_path(key)) return;
        double v = 0;
        read(key, v);
        const double hundredths = std::round(v * 100.0);
        if (!(v >= 0 && v <= 1000)) bad(key, "must be a number from 0 to 1000");
        if (std::fabs(v * 100.0 - hundredths) > 1e-6) bad(key, "must have at most two decimals");
        out = static_cast<std::int64_t>(hundredths);
    }

    /// Throws "policy FILE:LINE: key why", the line being where the key's value is.
    [[noreturn]] void bad(const char* key, const std::string& why) const
    {
        const auto node = root_.at_path(key);
        if (!node) throw common::InputError(file_ + ": " + key + " " + why);
        throw common::InputError(common::configKeyWhere(file_, *node.node(), key) + " " + why);
    }

private:
    const toml::table& root_;
    std::string file_;
};

/// A measure must be one the office may give.
void requireKnownMeasure(const PolicyFile& f, const char* key, const std::string& measure)
{
    const auto& known = knownMeasures();
    if (std::find(known.begin(), known.end(), measure) != known.end()) return;
    std::string list;
    for (const auto& m : known) list += (list.empty() ? "" : ", ") + m;
    f.bad(key, "\"" + measure + "\" is not a known measure (" + list + ")");
}

} // namespace

const std::vector<std::string>& knownMeasures()
{
    static const std::vector<std::string> measures{"提醒谈话", "批评教育", "效能告诫", "诫勉谈话", "通报批评"};
    return measures;
}

std::string formatNoticeNumber(const std::string& format, int year, int n)
{
    std::string out = format;
    for (const auto& [key, value] : {std::pair<std::string, std::string>{"{year}", std::to_string(year)},
                                     std::pair<std::string, std::string>{"{n}", std::to_string(n)}}) {
        for (auto pos = out.find(key); pos != std::string::npos; pos = out.find(key, pos + value.size()))
            out.replace(pos, key.size(), value);
    }
    return out;
}

int PerformanceWeights::decimals() const
{
    int d = 0;
    for (auto w : {base, perAbsence, perLateOrEarly, perMissedDelegation}) {
        if (w % 100 != 0) d = std::max(d, w % 10 != 0 ? 2 : 1);
    }
    return d;
}

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
    if (const auto unknown = common::unknownConfigKeys(root, policyKeys(), "policy " + source); !unknown.empty()) {
        throw common::InputError(unknown);
    }
    const PolicyFile f(root, source);
    Policy p;
    f.read("office.name", p.office);
    if (p.office.empty()) f.bad("office.name", "must not be empty");
    f.read("absence.enabled", p.absenceEnabled);
    f.read("absence.measure", p.absenceMeasure);
    if (p.absenceMeasure.empty()) f.bad("absence.measure", "must not be empty");
    std::string window = "quarter";
    f.read("late_or_early.window", window);
    if (window == "month")
        p.window = CountWindow::Month;
    else if (window == "quarter")
        p.window = CountWindow::Quarter;
    else if (window == "year")
        p.window = CountWindow::Year;
    else
        f.bad("late_or_early.window", "\"" + window + "\" is not month, quarter or year");
    f.read("late_or_early.warning_at", p.warningAt);
    f.read("late_or_early.talk_at", p.talkAt);
    if (p.warningAt > 0 && p.talkAt > 0 && p.talkAt <= p.warningAt) {
        // Two keys disagree: named without a line (either may be the one to change).
        throw common::InputError("policy " + source + ": late_or_early.talk_at (" + std::to_string(p.talkAt)
                                 + ") must be more than warning_at (" + std::to_string(p.warningAt) + ")");
    }
    f.read("disclosure.unit_rate_below", p.unitRateBelow);
    if (!(p.unitRateBelow > 0.0 && p.unitRateBelow <= 1.0)) {
        f.bad("disclosure.unit_rate_below", "must be a fraction in (0, 1], e.g. 0.9 for 90 %");
    }
    f.read("disclosure.list_persons_with_absence", p.listPersonsWithAbsence);
    requireKnownMeasure(f, "absence.measure", p.absenceMeasure);

    f.read("notices.number_format", p.numberFormat);
    if (p.numberFormat.find("{n}") == std::string::npos)
        f.bad("notices.number_format", "must hold {n} (the number within the year), e.g. \"效能办〔{year}〕{n}号\"");
    for (auto open = p.numberFormat.find('{'); open != std::string::npos; open = p.numberFormat.find('{', open + 1)) {
        const auto close = p.numberFormat.find('}', open);
        const auto name =
            p.numberFormat.substr(open, close == std::string::npos ? std::string::npos : close - open + 1);
        if (name != "{year}" && name != "{n}")
            f.bad("notices.number_format", "has \"" + name + "\"; only {year} and {n} are filled in");
    }
    f.read("notices.regulation", p.regulation);
    if (p.regulation.empty()) f.bad("notices.regulation", "must name the regulation notices cite");
    f.read("appeal.deadline_days", p.appealDeadlineDays);
    f.read("escalation.enabled", p.escalate);
    f.read("escalation.within_months", p.escalationMonths);
    if (p.escalationMonths < 1) f.bad("escalation.within_months", "must be at least 1");
    f.read("escalation.ladder", p.ladder);
    if (p.ladder.empty()) f.bad("escalation.ladder", "must name at least one measure");
    for (std::size_t i = 0; i < p.ladder.size(); ++i) {
        requireKnownMeasure(f, "escalation.ladder", p.ladder[i]);
        if (std::find(p.ladder.begin(), p.ladder.begin() + static_cast<std::ptrdiff_t>(i), p.ladder[i])
            != p.ladder.begin() + static_cast<std::ptrdiff_t>(i))
            f.bad("escalation.ladder", "names \"" + p.ladder[i] + "\" twice");
    }
    f.read("unit_measures.measure", p.unitMeasure);
    requireKnownMeasure(f, "unit_measures.measure", p.unitMeasure);
    f.read("unit_measures.below_rate_months", p.unitBelowMonths);
    f.read("unit_measures.delegation_absent", p.delegationAbsent);
    f.read("disclosure.objection_days", p.disclosure.objectionDays);
    if (p.disclosure.objectionDays < 1 || p.disclosure.objectionDays > 60)
        f.bad("disclosure.objection_days", "must be from 1 to 60 days");
    f.read("disclosure.objection_channel", p.disclosure.objectionChannel);
    if (p.disclosure.objectionChannel.empty()) f.bad("disclosure.objection_channel", "must not be empty");
    f.read("disclosure.contact", p.disclosure.contact);
    f.readHundredths("performance.base", p.performance.base);
    if (p.performance.base <= 0) f.bad("performance.base", "must be more than 0");
    f.readHundredths("performance.per_absence", p.performance.perAbsence);
    f.readHundredths("performance.per_late_or_early", p.performance.perLateOrEarly);
    f.readHundredths("performance.per_missed_delegation", p.performance.perMissedDelegation);
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
