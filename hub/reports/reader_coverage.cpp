#include "hub/reports/reader_coverage.h"

#include <algorithm>
#include <optional>

namespace rollcall::reports {

bool absenceConfirmed(const std::vector<core::Amendment>& amendments, const std::string& personId)
{
    return std::any_of(amendments.begin(), amendments.end(), [&](const core::Amendment& a) {
        return a.kind == core::AmendmentKind::AbsenceConfirmation && a.personId == personId;
    });
}

ReaderCoverage::ReaderCoverage(common::Database& db) : db_(db) {}

std::vector<OfflineReader> ReaderCoverage::offlineDuring(const core::Meeting& meeting)
{
    if (!loaded_) {
        auto r = db_.prepare("SELECT id, venue_id FROM readers ORDER BY id");
        while (r.step()) readersByVenue_[r.getText(1)].emplace_back(r.getText(0), r.getText(1));
        auto h = db_.prepare("SELECT reader_id, min(from_ms) FROM reader_uptime GROUP BY reader_id");
        while (h.step()) firstHeard_[h.getText(0)] = h.getInt(1);
        loaded_ = true;
    }
    std::vector<OfflineReader> out;
    const auto from = common::toMillis(meeting.times.opening);
    const auto to = common::toMillis(meeting.times.end);
    auto spans = db_.prepare(
        "SELECT from_ms, to_ms FROM reader_uptime WHERE reader_id = ? AND to_ms >= ? AND from_ms <= ? ORDER BY from_ms");
    for (const auto& venue : meeting.venues) {
        const auto it = readersByVenue_.find(venue);
        if (it == readersByVenue_.end()) continue;
        for (const auto& [reader, venueId] : it->second) {
            const auto first = firstHeard_.find(reader);
            if (first == firstHeard_.end() || first->second >= to) continue;
            spans.reset();
            spans.bind(1, reader).bind(2, from).bind(3, to);
            std::int64_t cursor = std::max(from, first->second);
            std::optional<std::pair<std::int64_t, std::int64_t>> gap;
            while (spans.step()) {
                const auto a = spans.getInt(0);
                const auto b = spans.getInt(1);
                if (a > cursor && !gap) gap = std::make_pair(cursor, std::min(a, to));
                cursor = std::max(cursor, b);
            }
            if (!gap && cursor < to) gap = std::make_pair(cursor, to);
            if (gap) out.push_back({reader, venueId, common::fromMillis(gap->first), common::fromMillis(gap->second)});
        }
    }
    return out;
}

} // namespace rollcall::reports
