// Live-feed topic frames.
#include "protocol/topics.h"

#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

TEST(Topics, meetingTopicPrefixesTheId) { EXPECT_EQ(meetingTopic("m-42"), "meeting/m-42"); }

TEST(Topics, updateWithMeetingIdGoesToItsMeetingTopic)
{
    EXPECT_EQ(topicFor(Update{"m-42", 1, Summary{}}), "meeting/m-42");
}

TEST(Topics, updateWithoutMeetingIdGoesToHubTopic) { EXPECT_EQ(topicFor(Update{"", 1, Alarm{}}), "hub"); }

TEST(Topics, meetingIdIsReadBackFromTopic)
{
    EXPECT_EQ(meetingIdFromTopic("meeting/m-42"), "m-42");
    EXPECT_FALSE(meetingIdFromTopic("hub").has_value());
    EXPECT_FALSE(meetingIdFromTopic("meeting/").has_value());
    EXPECT_FALSE(meetingIdFromTopic("meetings/x").has_value());
    EXPECT_FALSE(meetingIdFromTopic("").has_value());
}

} // namespace
} // namespace rollcall::protocol
