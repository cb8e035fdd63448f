#pragma once
// Topic frames on the live PUB socket: "meeting/<id>" per meeting, "hub" for hub-wide updates.
//
// ZeroMQ SUB filters by prefix: subscribing to "meeting/1" also delivers
// "meeting/12". Subscribers must compare the received topic frame exactly
// (or check Update::meeting_id) before applying an update.

#include "protocol/messages.h"

#include <optional>
#include <string>
#include <string_view>

namespace rollcall::protocol {

inline constexpr std::string_view kHubTopic = "hub";
inline constexpr std::string_view kMeetingTopicPrefix = "meeting/";

/// "meeting/<meeting_id>".
[[nodiscard]] std::string meetingTopic(std::string_view meeting_id);
/// The topic an update is published under: meetingTopic(meeting_id), or "hub" if meeting_id is empty.
[[nodiscard]] std::string topicFor(const Update& update);
/// The meeting id of a "meeting/<id>" topic; nullopt for "hub" or anything else.
[[nodiscard]] std::optional<std::string_view> meetingIdFromTopic(std::string_view topic) noexcept;

} // namespace rollcall::protocol
