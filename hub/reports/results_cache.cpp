#include "hub/reports/results_cache.h"

#include <array>

namespace rollcall::reports {
namespace {

std::int64_t parseNumber(std::string_view s)
{
    std::int64_t v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

} // namespace

std::string packMemberLines(const std::vector<MemberLine>& members)
{
    std::string out;
    out.reserve(members.size() * 28);
    for (const auto& m : members) {
        out += m.personId;
        out += '\t';
        out += core::toString(m.status);
        out += '\t' + std::to_string(m.flags) + '\t' + std::to_string(m.lateMinutes) + '\t'
               + std::to_string(m.earlyMinutes) + '\t' + (m.verify ? "1" : "0") + '\n';
    }
    return out;
}

std::optional<std::vector<MemberLine>> unpackMemberLines(std::string_view text)
{
    std::vector<MemberLine> out;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        if (eol == std::string_view::npos) return std::nullopt;
        std::string_view line = text.substr(0, eol);
        text.remove_prefix(eol + 1);
        std::array<std::string_view, 6> f;
        for (std::size_t i = 0; i < f.size(); ++i) {
            const auto tab = line.find('\t');
            if ((tab == std::string_view::npos) != (i == f.size() - 1)) return std::nullopt;
            f[i] = line.substr(0, tab);
            line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
        }
        const auto status = core::statusFromString(f[1]);
        if (!status) return std::nullopt;
        MemberLine m;
        m.personId = std::string(f[0]);
        m.status = *status;
        m.flags = static_cast<unsigned>(parseNumber(f[2]));
        m.lateMinutes = parseNumber(f[3]);
        m.earlyMinutes = parseNumber(f[4]);
        m.verify = f[5] == "1";
        out.push_back(std::move(m));
    }
    return out;
}

std::string packDelegationLines(const std::vector<DelegationLine>& delegations)
{
    std::string out;
    for (const auto& d : delegations)
        out += std::to_string(d.unitId) + '\t' + std::string(core::toString(d.status)) + '\n';
    return out;
}

std::optional<std::vector<DelegationLine>> unpackDelegationLines(std::string_view text)
{
    std::vector<DelegationLine> out;
    while (!text.empty()) {
        const auto eol = text.find('\n');
        const auto tab = text.find('\t');
        if (eol == std::string_view::npos || tab == std::string_view::npos || tab > eol || tab == 0)
            return std::nullopt;
        const auto status = text.substr(tab + 1, eol - tab - 1);
        DelegationLine d;
        d.unitId = parseNumber(text.substr(0, tab));
        bool known = false;
        for (const auto s :
             {core::DelegationStatus::Gathering, core::DelegationStatus::Met, core::DelegationStatus::MetLate,
              core::DelegationStatus::Short, core::DelegationStatus::Excused, core::DelegationStatus::Absent}) {
            if (core::toString(s) == status) {
                d.status = s;
                known = true;
            }
        }
        if (!known) return std::nullopt;
        out.push_back(d);
        text.remove_prefix(eol + 1);
    }
    return out;
}

std::unordered_map<std::string, std::vector<DelegationLine>> ResultsCache::readDelegations(common::TimePoint from,
                                                                                           common::TimePoint to)
{
    std::unordered_map<std::string, std::vector<DelegationLine>> out;
    auto s =
        db_.prepare("SELECT r.meeting_id, r.delegations FROM meeting_results r JOIN meetings m ON m.id = r.meeting_id "
                    "WHERE m.start_ms >= ? AND m.start_ms < ? AND m.finalized_ms IS NOT NULL AND r.delegations <> ''");
    s.bind(1, common::toMillis(from)).bind(2, common::toMillis(to));
    while (s.step()) {
        if (auto d = unpackDelegationLines(s.getText(1))) out[s.getText(0)] = std::move(*d);
    }
    return out;
}

std::unordered_map<std::string, std::vector<MemberLine>> ResultsCache::read(common::TimePoint from,
                                                                            common::TimePoint to)
{
    std::unordered_map<std::string, std::vector<MemberLine>> out;
    auto s = db_.prepare("SELECT r.meeting_id, r.members FROM meeting_results r JOIN meetings m ON m.id = r.meeting_id "
                         "WHERE m.start_ms >= ? AND m.start_ms < ? AND m.finalized_ms IS NOT NULL");
    s.bind(1, common::toMillis(from)).bind(2, common::toMillis(to));
    while (s.step()) {
        auto members = unpackMemberLines(s.getText(1));
        if (!members) continue;
        out[s.getText(0)] = std::move(*members);
    }
    return out;
}

void ResultsCache::store(const MeetingLines& lines, common::TimePoint now)
{
    auto s = db_.prepare(
        "INSERT OR REPLACE INTO meeting_results(meeting_id, computed_ms, members, delegations) VALUES (?, ?, ?, ?)");
    s.bind(1, lines.meeting.id)
        .bind(2, common::toMillis(now))
        .bind(3, packMemberLines(lines.members))
        .bind(4, packDelegationLines(lines.delegations))
        .run();
}

std::int64_t ResultsCache::size()
{
    auto s = db_.prepare("SELECT count(*) FROM meeting_results");
    (void)s.step();
    return s.getInt(0);
}

} // namespace rollcall::reports
