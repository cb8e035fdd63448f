#pragma once
// Config files refuse keys they do not know. The one check every TOML loader
// (hub/service/hub_config, reader-agent/agent_config, hub/reports/policy) runs
// before it reads a value, and the "FILE:LINE: key" head their messages share,
// so a misspelt key is an error naming the file, the line and the key, with
// the nearest valid key as a suggestion, never a default used without a word.
//
// This header uses toml++: rollcall_common links it privately; each loader
// links it itself.

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <toml++/toml.h>

namespace rollcall::common {

/// The keys a config file may hold: plain keys at the top (before any
/// [section]) and the sections with the keys each may hold.
struct ConfigKeys {
    std::set<std::string> topLevel;
    std::map<std::string, std::set<std::string>> sections;
};

/// Every key of `root` that `allowed` does not hold, one line each, in file order:
///   FILE:LINE: unknown key "readers.offline_afer" (did you mean offline_after?)
///   FILE:LINE: unknown section [reader] (did you mean [readers]?)
///   FILE:LINE: readers must be a section ([readers]), not a value
/// Empty when every key is known. The caller throws its own error type with it.
[[nodiscard]] std::string unknownConfigKeys(const toml::table& root, const ConfigKeys& allowed,
                                            const std::string& file);

/// "FILE:LINE: KEY" (or "FILE: KEY" when toml++ knows no line): the head of a
/// message about the value `node` of `key`.
[[nodiscard]] std::string configKeyWhere(const std::string& file, const toml::node& node, std::string_view key);

/// Levenshtein distance (insertions, deletions, substitutions of bytes).
[[nodiscard]] std::size_t editDistance(std::string_view a, std::string_view b);

/// The candidate nearest to `key` if at most 2 edits away (the first in order
/// on a tie), else "".
[[nodiscard]] std::string nearestKey(std::string_view key, const std::set<std::string>& candidates);

} // namespace rollcall::common
