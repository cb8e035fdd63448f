#pragma once
// The discipline policy of a deployment (thresholds of docs/semantics.md §13 "Discipline
// policy"), read from TOML. The documented default is
// hub/reports/policy.default.toml, built into the program.
// Errors: InputError naming the file, the line, the key and what was wrong;
// an unknown key is an error (with the nearest valid key), never ignored.

#include <cstdint>
#include <string>
#include <vector>

namespace rollcall::reports {

enum class CountWindow { Month, Quarter, Year };

/// 绩效考评: a unit's score is base − per_absence × unexcused absences −
/// per_late_or_early × meetings late or left early − per_missed_delegation ×
/// delegations short or absent. Weights are kept in hundredths, so scores are
/// exact and equal scores share a rank.
struct PerformanceWeights {
    std::int64_t base = 10000; // hundredths: 100
    std::int64_t perAbsence = 200;
    std::int64_t perLateOrEarly = 100;
    std::int64_t perMissedDelegation = 200;

    /// Decimals the score needs: 0 when every weight is whole, else 1 or 2.
    [[nodiscard]] int decimals() const;
    bool operator==(const PerformanceWeights&) const = default;
};

/// 每月公示's objection period (公示期), where objections go and whom to ask.
struct DisclosureNotice {
    int objectionDays = 5;
    std::string objectionChannel = "书面向办公室（效能办）提出";
    std::string contact; // empty: no contact line
    bool operator==(const DisclosureNotice&) const = default;
};

struct Policy {
    std::string office = "办公室（效能办）";
    bool absenceEnabled = true;
    std::string absenceMeasure = "效能告诫";
    CountWindow window = CountWindow::Quarter;
    int warningAt = 3; // 0 = off
    int talkAt = 5;    // 0 = off
    double unitRateBelow = 0.9;
    bool listPersonsWithAbsence = true;
    DisclosureNotice disclosure;
    PerformanceWeights performance;

    // The notice register (notice_register.h).
    std::string numberFormat = "效能办〔{year}〕{n}号"; // {year}, {n}
    std::string regulation = "《会议纪律规定》";        // named in every notice's basis
    int appealDeadlineDays = 15;                        // after the notice was issued; 0 = none
    // Escalation read from the register: a person with a notice at ladder[i]
    // within `escalationMonths` who earns another gets at least ladder[i + 1].
    bool escalate = true;
    int escalationMonths = 12;
    std::vector<std::string> ladder{"效能告诫", "诫勉谈话", "通报批评"};
    // Units: absent from a delegation, or below the rate `unitBelowMonths`
    // months running (the earlier ones read from the register) → unitMeasure.
    std::string unitMeasure = "通报批评";
    int unitBelowMonths = 2;
    bool delegationAbsent = true;

    bool operator==(const Policy&) const = default;
};

/// The measures a policy may name (a measure outside the office's power, such
/// as 记过, is an error): 提醒谈话, 批评教育, 效能告诫, 诫勉谈话, 通报批评.
[[nodiscard]] const std::vector<std::string>& knownMeasures();

/// A notice number in the policy's form: "效能办〔{year}〕{n}号" → "效能办〔2026〕17号".
[[nodiscard]] std::string formatNoticeNumber(const std::string& format, int year, int n);

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
// The texts of issued notices (notice_issuer.h): official_person.txt, official_unit.txt.
[[nodiscard]] const std::string& defaultOfficialPersonTemplate();
[[nodiscard]] const std::string& defaultOfficialUnitTemplate();

/// Reads a whole text file; throws InputError naming `option` and the path.
[[nodiscard]] std::string readTextFile(const std::string& path, const std::string& option);

} // namespace rollcall::reports
