// Live-feed topic frames.
#include "protocol/topics.h"

namespace rollcall::protocol {

std::string meeting_topic(std::string_view meeting_id) {
  std::string topic;
  topic.reserve(kMeetingTopicPrefix.size() + meeting_id.size());
  topic.append(kMeetingTopicPrefix).append(meeting_id);
  return topic;
}

std::string topic_for(const Update& update) {
  return update.meeting_id.empty() ? std::string(kHubTopic) : meeting_topic(update.meeting_id);
}

std::optional<std::string_view> meeting_id_from_topic(std::string_view topic) noexcept {
  if (topic.size() <= kMeetingTopicPrefix.size() || topic.substr(0, kMeetingTopicPrefix.size()) != kMeetingTopicPrefix) {
    return std::nullopt;
  }
  return topic.substr(kMeetingTopicPrefix.size());
}

}  // namespace rollcall::protocol
