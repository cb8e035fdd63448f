#pragma once
// The discipline policy of a deployment (thresholds of docs/semantics.md §13 "Discipline
// policy"), read from TOML. The documented default is
// hub/reports/policy.default.toml, built into the program.
// Errors: InputError naming the file, the line, the key and what was wrong;
// an unknown key is an error (with the nearest valid key), never ignored.

#include <string>

namespace rollcall::reports {

enum class CountWindow { Month, Quarter, Year };

struct Policy {
    std::string office = "办公室（效能办）";
    bool absenceEnabled = true;
    std::string absenceMeasure = "效能告诫";
    CountWindow window = CountWindow::Quarter;
    int warningAt = 3; // 0 = off
    int talkAt = 5;    // 0 = off
    double unitRateBelow = 0.9;
    bool listPersonsWithAbsence = true;

    bool operator==(const Policy&) const = default;
};

/// Parses policy TOML text; `source` names it in messages.
[[nodiscard]] Policy parsePolicy(const std::string& text, const std::string& source);
/// Reads a policy file; throws InputError if it cannot be read or is invalid.
[[nodiscard]] Policy loadPolicy(const std::string& path);
/// The built-in default (policy.default.toml).
[[nodiscard]] Policy defaultPolicy();

// The shipped files, built into the program (generated from hub/reports/*.toml, *.txt).
[[nodiscard]] const std::string& defaultPolicyText();
[[nodiscard]] const std::string& defaultPersonTemplate();
[[nodiscard]] const std::string& defaultUnitTemplate();

/// Reads a whole text file; throws InputError naming `option` and the path.
[[nodiscard]] std::string readTextFile(const std::string& path, const std::string& option);

} // namespace rollcall::reports
