// Enum <-> wire name mapping.
#include "protocol/messages.h"

#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

template <class E, class Parse>
void expect_round_trip(std::initializer_list<std::pair<E, std::string_view>> table, Parse parse)
{
    for (const auto& [value, name] : table) {
        EXPECT_EQ(toString(value), name);
        EXPECT_EQ(parse(name), value) << name;
    }
}

TEST(WireNames, verdictsMapBothWays)
{
    expect_round_trip<Verdict>({{Verdict::Present, "present"},
                                {Verdict::Late, "late"},
                                {Verdict::CheckedOut, "checked_out"},
                                {Verdict::WalkIn, "walk_in"},
                                {Verdict::UnknownBadge, "unknown_badge"},
                                {Verdict::Duplicate, "duplicate"},
                                {Verdict::NotInWindow, "not_in_window"},
                                {Verdict::UnknownReader, "unknown_reader"},
                                {Verdict::RevokedBadge, "revoked_badge"}},
                               verdictFromString);
}

TEST(WireNames, statusesMapBothWays)
{
    expect_round_trip<AttendanceStatus>({{AttendanceStatus::Present, "present"},
                                         {AttendanceStatus::Late, "late"},
                                         {AttendanceStatus::Absent, "absent"},
                                         {AttendanceStatus::Excused, "excused"},
                                         {AttendanceStatus::Substituted, "substituted"},
                                         {AttendanceStatus::NotArrived, "not_arrived"},
                                         {AttendanceStatus::Overdue, "overdue"}},
                                        statusFromString);
}

TEST(WireNames, flagsDirectionsReaderAndMeetingStatesMapBothWays)
{
    expect_round_trip<AttendanceFlag>({{AttendanceFlag::LeftEarly, "left_early"},
                                       {AttendanceFlag::LeftMidMeeting, "left_mid_meeting"},
                                       {AttendanceFlag::NoCheckout, "no_checkout"}},
                                      flagFromString);
    expect_round_trip<Direction>({{Direction::In, "in"}, {Direction::Out, "out"}}, directionFromString);
    expect_round_trip<ReaderState>(
        {{ReaderState::Ok, "ok"}, {ReaderState::NoReader, "no_reader"}, {ReaderState::Error, "error"}},
        readerStateFromString);
    expect_round_trip<MeetingState>({{MeetingState::Scheduled, "scheduled"},
                                     {MeetingState::Open, "open"},
                                     {MeetingState::InProgress, "in_progress"},
                                     {MeetingState::Ended, "ended"},
                                     {MeetingState::Finalized, "finalized"}},
                                    meetingStateFromString);
}

TEST(WireNames, parsingIsExactAndCaseSensitive)
{
    EXPECT_FALSE(verdictFromString("Present").has_value());
    EXPECT_FALSE(verdictFromString("present ").has_value());
    EXPECT_FALSE(verdictFromString("").has_value());
    EXPECT_FALSE(statusFromString("LATE").has_value());
    EXPECT_FALSE(directionFromString("both").has_value());
}

TEST(WireNames, updateKindsFollowPayloadType)
{
    EXPECT_EQ(kindName(AttendeeState{}), "attendee");
    EXPECT_EQ(kindName(Summary{}), "summary");
    EXPECT_EQ(kindName(TapEvent{}), "tap");
    EXPECT_EQ(kindName(ReaderHealth{}), "reader");
    EXPECT_EQ(kindName(Alarm{}), "alarm");
    EXPECT_EQ(kindName(MeetingInfo{}), "meeting");
}

} // namespace
} // namespace rollcall::protocol
