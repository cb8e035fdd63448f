#pragma once
// Converts the record's attendance results to protocol messages, and says
// what a reader shows for a verdict (in the attendee's language: Chinese).
#include "hub/core/attendance_tracker.h"
#include "protocol/messages.h"

namespace rollcall::service {

[[nodiscard]] protocol::AttendeeState toWire(const core::AttendeeResult& a);
[[nodiscard]] protocol::Summary toWire(const core::Summary& s);
[[nodiscard]] protocol::MeetingInfo toWire(const core::Meeting& m);
[[nodiscard]] protocol::WalkIn toWire(const core::WalkIn& w);
[[nodiscard]] protocol::Verdict toWire(core::TapVerdict v);
[[nodiscard]] protocol::MeetingState meetingState(const core::Meeting& m, common::TimePoint now);

struct AckTextFacts {
    protocol::Verdict verdict = protocol::Verdict::NotInWindow;
    std::string name; // the tapping person's name, if known
    std::string badgeUid;
    std::int64_t lateMinutes = 0;
    std::string substituteFor; // principal's name when a substitute checks in
    bool afterEnd = false;
    std::string revokeReason;      // revoked_badge: lost, broken or left
    std::int64_t earlyMinutes = 0; // checked_out before E − Ge: minutes early
};

/// The line a reader shows, e.g. "张三 签到成功", "李四 迟到 7 分钟" or "王五 早退 85 分钟（签退已记录）".
[[nodiscard]] std::string ackText(const AckTextFacts& facts);

} // namespace rollcall::service
