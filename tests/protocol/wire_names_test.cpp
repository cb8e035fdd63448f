// Enum <-> wire name mapping.
#include "protocol/messages.h"

#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

template <class E, class Parse>
void expect_round_trip(std::initializer_list<std::pair<E, std::string_view>> table, Parse parse) {
  for (const auto& [value, name] : table) {
    EXPECT_EQ(to_string(value), name);
    EXPECT_EQ(parse(name), value) << name;
  }
}

TEST(WireNames, verdictsMapBothWays) {
  expect_round_trip<Verdict>({{Verdict::Present, "present"},
                              {Verdict::Late, "late"},
                              {Verdict::CheckedOut, "checked_out"},
                              {Verdict::WalkIn, "walk_in"},
                              {Verdict::UnknownBadge, "unknown_badge"},
                              {Verdict::Duplicate, "duplicate"},
                              {Verdict::NotInWindow, "not_in_window"},
                              {Verdict::UnknownReader, "unknown_reader"}},
                             verdict_from_string);
}

TEST(WireNames, statusesMapBothWays) {
  expect_round_trip<AttendanceStatus>({{AttendanceStatus::Present, "present"},
                                       {AttendanceStatus::Late, "late"},
                                       {AttendanceStatus::Absent, "absent"},
                                       {AttendanceStatus::Excused, "excused"},
                                       {AttendanceStatus::Substituted, "substituted"},
                                       {AttendanceStatus::NotArrived, "not_arrived"},
                                       {AttendanceStatus::Overdue, "overdue"}},
                                      status_from_string);
}

TEST(WireNames, flagsDirectionsReaderAndMeetingStatesMapBothWays) {
  expect_round_trip<AttendanceFlag>({{AttendanceFlag::LeftEarly, "left_early"},
                                     {AttendanceFlag::LeftMidMeeting, "left_mid_meeting"},
                                     {AttendanceFlag::NoCheckout, "no_checkout"}},
                                    flag_from_string);
  expect_round_trip<Direction>({{Direction::In, "in"}, {Direction::Out, "out"}}, direction_from_string);
  expect_round_trip<ReaderState>(
      {{ReaderState::Ok, "ok"}, {ReaderState::NoReader, "no_reader"}, {ReaderState::Error, "error"}},
      reader_state_from_string);
  expect_round_trip<MeetingState>({{MeetingState::Scheduled, "scheduled"},
                                   {MeetingState::Open, "open"},
                                   {MeetingState::InProgress, "in_progress"},
                                   {MeetingState::Ended, "ended"},
                                   {MeetingState::Finalized, "finalized"}},
                                  meeting_state_from_string);
}

TEST(WireNames, parsingIsExactAndCaseSensitive) {
  EXPECT_FALSE(verdict_from_string("Present").has_value());
  EXPECT_FALSE(verdict_from_string("present ").has_value());
  EXPECT_FALSE(verdict_from_string("").has_value());
  EXPECT_FALSE(status_from_string("LATE").has_value());
  EXPECT_FALSE(direction_from_string("both").has_value());
}

TEST(WireNames, updateKindsFollowPayloadType) {
  EXPECT_EQ(kind_name(AttendeeState{}), "attendee");
  EXPECT_EQ(kind_name(Summary{}), "summary");
  EXPECT_EQ(kind_name(TapEvent{}), "tap");
  EXPECT_EQ(kind_name(ReaderHealth{}), "reader");
  EXPECT_EQ(kind_name(Alarm{}), "alarm");
  EXPECT_EQ(kind_name(MeetingInfo{}), "meeting");
}

}  // namespace
}  // namespace rollcall::protocol
