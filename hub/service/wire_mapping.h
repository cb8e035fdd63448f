#pragma once
// Converts the record's attendance results to protocol messages, and says
// what a reader shows for a verdict (in the attendee's language: Chinese).
#include "attendance_tracker.h"
#include "protocol/messages.h"

namespace rollcall::hub {

[[nodiscard]] protocol::AttendeeState toWire(const AttendeeResult& a);
[[nodiscard]] protocol::Summary toWire(const Summary& s);
[[nodiscard]] protocol::MeetingInfo toWire(const Meeting& m);
[[nodiscard]] protocol::WalkIn toWire(const WalkIn& w);
[[nodiscard]] protocol::Verdict toWire(TapVerdict v);
[[nodiscard]] protocol::MeetingState meetingState(const Meeting& m, TimePoint now);

struct AckTextFacts {
    protocol::Verdict verdict = protocol::Verdict::NotInWindow;
    std::string name;          // the tapping person's name, if known
    std::string badgeUid;
    std::int64_t lateMinutes = 0;
    std::string substituteFor; // principal's name when a substitute checks in
    bool afterEnd = false;
};

/// The line a reader shows, e.g. "张三 签到成功" or "李四 迟到 7 分钟".
[[nodiscard]] std::string ackText(const AckTextFacts& facts);

} // namespace rollcall::hub
