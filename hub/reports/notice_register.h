#pragma once
// The register of issued notices (docs/semantics.md §13): every notice the
// office issues and every withdrawal of one is an entry, numbered per year in
// the policy's form, that never changes. An entry keeps the document as it
// went out (text and evidence table), so `notices show` prints it again
// exactly, and the grounds it covers, so a re-run issues only what is new and
// escalation reads what was issued before instead of recomputing it.
#include "common/database.h"
#include "hub/core/time_util.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rollcall::reports {

/// One finding a notice covers: "absence M03 P003", "late P002 2026-Q4 效能告诫",
/// "unit-rate 4 2026-11", "delegation D1 7", with the meetings it cites.
struct NoticeGround {
    std::string key;
    std::vector<std::string> meetings;
    bool operator==(const NoticeGround&) const = default;
};

/// One row of a notice's 附件 (evidence table).
struct EvidenceRow {
    std::string meeting, date, venue, taps, amendments, finding;
    bool operator==(const EvidenceRow&) const = default;
};

/// The document as issued: issuer, title, addressee (主送) and paragraphs.
struct NoticeText {
    std::string office, title, addressee;
    std::vector<std::string> paragraphs;
};

struct RegisterEntry {
    enum class Kind { Notice, Withdrawal };
    std::int64_t id = 0;
    Kind kind = Kind::Notice;
    int year = 0, n = 0;
    std::string number; // "效能办〔2026〕17号"
    std::optional<std::string> personId;
    std::optional<std::int64_t> unitId;
    std::string measure, rule; // rule: the policy's basis in words
    std::vector<NoticeGround> grounds;
    std::vector<EvidenceRow> evidence;
    NoticeText text;
    std::string period;                   // "2026-11"
    std::optional<std::int64_t> refId;    // a withdrawal: the notice withdrawn
    std::optional<std::int64_t> appealId; // a withdrawal by an upheld appeal
    std::string reason;                   // a withdrawal's reason
    common::TimePoint issued;
    std::string issuedBy;
    std::optional<std::int64_t> withdrawnBy; // read back: the withdrawal of this notice, if any

    [[nodiscard]] bool citesMeeting(const std::string& meeting) const;
};

class NoticeRegister {
public:
    explicit NoticeRegister(common::Database& db) : db_(db) {}

    /// Every entry in register order, withdrawals linked to their notices.
    [[nodiscard]] std::vector<RegisterEntry> entries() const;
    /// An entry by its number as printed ("效能办〔2026〕17号") or as "2026-17";
    /// throws InputError naming `what` if there is none.
    [[nodiscard]] RegisterEntry find(const std::string& number, const std::string& what) const;
    /// Appends an entry with the next number of its year (the year of `issued`
    /// in `zone`), formatted by `numberFormat`; sets id, year, n and number.
    void add(RegisterEntry& entry, const std::string& numberFormat, const core::Zone& zone);

private:
    common::Database& db_;
};

/// "2026年11月3日": the date form of a 公文 (成文日期) and of its text.
[[nodiscard]] std::string chineseDate(common::TimePoint t, const core::Zone& zone);

} // namespace rollcall::reports
