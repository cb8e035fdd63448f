#pragma once
// Fully populated sample messages shared by the protocol tests.

#include "protocol/messages.h"

namespace rollcall::protocol::test {

// Names that must survive the wire byte for byte.
inline constexpr const char* kChineseName = "张三";
inline constexpr const char* kUyghurName = "ئابدۇرېھىم ئەمەت";       // Arabic script, right-to-left
inline constexpr const char* kMiddleDotName = "阿卜杜热合曼·艾买提"; // U+00B7 between given and family name
inline constexpr const char* kKatakanaDotName = "ジョン・スミス";    // U+30FB variant
inline constexpr const char* kUnitPath = "州直机关/州发改委";

inline Tap sample_tap() { return Tap{"door-1", 42, "04A22B1C5D6E80", Direction::Out, 1718000000123, -350}; }

inline AttendeeState sample_attendee()
{
    AttendeeState a;
    a.person_id = "P-0001";
    a.name = kMiddleDotName;
    a.unit = kUnitPath;
    a.status = AttendanceStatus::Late;
    a.flags = {AttendanceFlag::LeftEarly, AttendanceFlag::LeftMidMeeting, AttendanceFlag::NoCheckout};
    a.first_in_ms = 1718000400000;
    a.last_out_ms = 1718003000000;
    a.late_minutes = 6;
    a.early_minutes = 12;
    a.substitute = kUyghurName;
    a.inside = true;
    return a;
}

inline Summary sample_summary() { return Summary{120, 90, 7, 5, 4, 3, 11, 2, 1, 6, 8, 9}; }

inline TapEvent sample_tap_event()
{
    return TapEvent{987654321,     "door-1",      "venue.main", "04A22B1C", "P-0001", std::string(kChineseName),
                    1718000400000, Direction::In, Verdict::Late};
}

inline ReaderHealth sample_reader()
{
    return ReaderHealth{"door-1", "venue.main", true, 1718000400500, 3, -250, "0.1.0+g1a2b3c", ReaderState::Ok, false};
}

inline MeetingInfo sample_meeting()
{
    return MeetingInfo{"m-2024-06-10-01",
                       "全州效能建设推进会 · ئىشلەش ئۈنۈمى يىغىنى",
                       {"venue.main", "venue.yining", "venue.huocheng"},
                       {"州会议中心", "伊宁县分会场", "霍城县分会场"},
                       1718002800000,
                       1718010000000,
                       300,
                       300,
                       1717999200000,
                       true,
                       false};
}

inline Snapshot sample_snapshot()
{
    Snapshot s;
    s.meeting = sample_meeting();
    s.seq = 17;
    s.hub_clock_ms = 1718000401000;
    s.summary = sample_summary();
    s.attendees.push_back(sample_attendee());
    AttendeeState minimal; // optionals absent, no flags
    minimal.person_id = "P-0002";
    minimal.name = kUyghurName;
    minimal.unit = "伊宁市/市政府办";
    minimal.status = AttendanceStatus::NotArrived;
    s.attendees.push_back(minimal);
    s.walk_ins.push_back(WalkIn{"P-0100", kKatakanaDotName, kUnitPath, 1718000500000});
    s.walk_ins.push_back(WalkIn{"P-0101", kChineseName, "", std::nullopt});
    s.unknown_badges = {"DEADBEEF", "0102030405060708090A"};
    s.recent_taps.push_back(sample_tap_event());
    TapEvent unknown{5,
                     "door-2",
                     "venue.main",
                     "DEADBEEF",
                     std::nullopt,
                     std::nullopt,
                     1718000300000,
                     std::nullopt,
                     Verdict::UnknownBadge};
    s.recent_taps.push_back(unknown);
    s.readers.push_back(sample_reader());
    s.readers.push_back(ReaderHealth{"door-9", "venue.huocheng", false, std::nullopt, 0, 0, "", std::nullopt, true});
    Alarm acked{"04A22B1C", "告警已确认：huiwuzu-1（已收卡）", true, "revoked_badge", {"04A22B1C"}};
    acked.ack_by = "huiwuzu-1";
    acked.ack_note = "已收卡";
    acked.ack_ms = 1718000400000;
    // A lost card's standing alarm (issue 17).
    s.alarms.insert(s.alarms.begin(), Alarm{"04A22B1C",
                                            "挂失卡 04A22B1C（吴敏） 在读卡器 door-1 使用",
                                            true,
                                            "revoked_badge",
                                            {"04A22B1C", "吴敏", "lost", "door-1", "venue.main", "1718000390000"}});
    s.alarms.push_back(acked);
    return s;
}

} // namespace rollcall::protocol::test
