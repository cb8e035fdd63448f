#pragma once
// LiveQueries: the hub's answers on the query socket — a meeting's snapshot
// (from the live state when the meeting is tracked, so it agrees with the
// live feed's seq; otherwise evaluated from the record) and a day's meeting
// list. Part of the hub's live state; runs on the writer thread.
#include "hub/core/record.h"
#include "hub/service/hub_config.h"
#include "hub/service/live_publisher.h"
#include "hub/service/live_state.h"
#include "protocol/messages.h"

#include <optional>
#include <string>

namespace rollcall::service {

class LiveQueries {
public:
    LiveQueries(common::Database& db, const HubConfig& config, LiveState& state, const LivePublisher& publisher);

    /// The meeting's snapshot, or Error "unknown_meeting".
    [[nodiscard]] protocol::QueryReply snapshot(const std::string& meetingId, common::TimePoint now);
    /// The meetings starting on `day` (YYYY-MM-DD in the hub's zone; today if none).
    /// Throws common::InputError for a malformed day.
    [[nodiscard]] protocol::MeetingList meetingList(const std::optional<std::string>& day, common::TimePoint now);
    /// A person's photo for a board (the query socket admits boards only:
    /// viewer, organizer, office), or Error "no_photo".
    [[nodiscard]] protocol::QueryReply photo(const std::string& personId);

private:
    common::Database& db_;
    core::Record record_;
    const HubConfig& config_;
    LiveState& state_;
    const LivePublisher& publisher_;
};

} // namespace rollcall::service
