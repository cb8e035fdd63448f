// Live-feed topic frames.
#include "protocol/topics.h"

namespace rollcall::protocol {

std::string meetingTopic(std::string_view meeting_id)
{
    std::string topic;
    topic.reserve(kMeetingTopicPrefix.size() + meeting_id.size());
    topic.append(kMeetingTopicPrefix).append(meeting_id);
    return topic;
}

std::string topicFor(const Update& update)
{
    return update.meeting_id.empty() ? std::string(kHubTopic) : meetingTopic(update.meeting_id);
}

std::optional<std::string_view> meetingIdFromTopic(std::string_view topic) noexcept
{
    if (topic.size() <= kMeetingTopicPrefix.size()
        || topic.substr(0, kMeetingTopicPrefix.size()) != kMeetingTopicPrefix) {
        return std::nullopt;
    }
    return topic.substr(kMeetingTopicPrefix.size());
}

} // namespace rollcall::protocol
