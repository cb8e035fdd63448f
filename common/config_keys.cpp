#include "common/config_keys.h"

#include <algorithm>
#include <numeric>
#include <tuple>
#include <vector>

namespace rollcall::common {
namespace {

struct Problem {
    toml::source_index line;
    toml::source_index column;
    std::string text;
};

std::string at(const std::string& file, const toml::source_region& where)
{
    return where.begin.line ? file + ":" + std::to_string(where.begin.line) : file;
}

/// Where a key that is not in its place would be right, for the hint.
std::string homeOf(const std::string& key, const ConfigKeys& allowed, const std::string& notIn)
{
    if (!notIn.empty() && allowed.topLevel.count(key)) return "at the top, before any [section]";
    for (const auto& [section, keys] : allowed.sections) {
        if (section != notIn && keys.count(key)) return "in [" + section + "]";
    }
    return {};
}

std::string keyHint(const std::string& key, const ConfigKeys& allowed, const std::string& section,
                    const std::set<std::string>& here)
{
    if (const auto near = nearestKey(key, here); !near.empty()) return " (did you mean " + near + "?)";
    if (const auto home = homeOf(key, allowed, section); !home.empty()) return " (it belongs " + home + ")";
    return {};
}

std::string sectionHint(const std::string& name, const ConfigKeys& allowed)
{
    std::set<std::string> names;
    for (const auto& [section, keys] : allowed.sections) names.insert(section);
    if (const auto near = nearestKey(name, names); !near.empty()) return " (did you mean [" + near + "]?)";
    return {};
}

} // namespace

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> previous(b.size() + 1);
    std::vector<std::size_t> current(b.size() + 1);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitute});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

std::string nearestKey(std::string_view key, const std::set<std::string>& candidates)
{
    constexpr std::size_t kMaxEdits = 2;
    std::string best;
    std::size_t bestDistance = kMaxEdits + 1;
    for (const auto& candidate : candidates) {
        const auto d = editDistance(key, candidate);
        if (d < bestDistance) {
            best = candidate;
            bestDistance = d;
        }
    }
    return best;
}

std::string configKeyWhere(const std::string& file, const toml::node& node, std::string_view key)
{
    return at(file, node.source()) + ": " + std::string(key);
}

std::string unknownConfigKeys(const toml::table& root, const ConfigKeys& allowed, const std::string& file)
{
    std::vector<Problem> problems;
    const auto add = [&](const toml::source_region& where, const std::string& text) {
        problems.push_back({where.begin.line, where.begin.column, at(file, where) + ": " + text});
    };
    for (const auto& [rootKey, value] : root) {
        const std::string name(rootKey.str());
        if (const auto section = allowed.sections.find(name); section != allowed.sections.end()) {
            const auto* table = value.as_table();
            if (!table) {
                add(rootKey.source(), name + " must be a section ([" + name + "]), not a value");
                continue;
            }
            for (const auto& [key, unused] : *table) {
                const std::string k(key.str());
                if (section->second.count(k)) continue;
                add(key.source(),
                    "unknown key \"" + name + "." + k + "\"" + keyHint(k, allowed, name, section->second));
            }
        } else if (!allowed.topLevel.count(name)) {
            if (value.is_table())
                add(rootKey.source(), "unknown section [" + name + "]" + sectionHint(name, allowed));
            else
                add(rootKey.source(), "unknown key \"" + name + "\"" + keyHint(name, allowed, "", allowed.topLevel));
        }
    }
    std::sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
    std::string all;
    for (const auto& p : problems) all += (all.empty() ? "" : "\n") + p.text;
    return all;
}

} // namespace rollcall::common
