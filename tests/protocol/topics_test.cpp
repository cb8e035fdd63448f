// Live-feed topic frames.
#include "protocol/topics.h"

#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

TEST(Topics, meetingTopicPrefixesTheId) { EXPECT_EQ(meeting_topic("m-42"), "meeting/m-42"); }

TEST(Topics, updateWithMeetingIdGoesToItsMeetingTopic) {
  EXPECT_EQ(topic_for(Update{"m-42", 1, Summary{}}), "meeting/m-42");
}

TEST(Topics, updateWithoutMeetingIdGoesToHubTopic) { EXPECT_EQ(topic_for(Update{"", 1, Alarm{}}), "hub"); }

TEST(Topics, meetingIdIsReadBackFromTopic) {
  EXPECT_EQ(meeting_id_from_topic("meeting/m-42"), "m-42");
  EXPECT_FALSE(meeting_id_from_topic("hub").has_value());
  EXPECT_FALSE(meeting_id_from_topic("meeting/").has_value());
  EXPECT_FALSE(meeting_id_from_topic("meetings/x").has_value());
  EXPECT_FALSE(meeting_id_from_topic("").has_value());
}

}  // namespace
}  // namespace rollcall::protocol
