#pragma once
// The one description of every wire message and nested object (internal to
// protocol/): field names in wire order, presence and constraints, as
// docs/protocol.md specifies them. The codec reads and writes from these.

#include "protocol/field.h"
#include "protocol/messages.h"
#include "protocol/wire_names.h"

#include <cstdint>
#include <limits>
#include <tuple>

namespace rollcall::protocol::wire {

inline constexpr StrRule kId = StrRule::Id;
inline constexpr StrRule kText = StrRule::Text;
inline constexpr StrRule kToken = StrRule::Token;
inline constexpr StrRule kUid = StrRule::Uid;
inline constexpr IntRange kTimeMs{0, kMaxTimeMs};
inline constexpr IntRange kOffsetMs{-kMaxTimeMs, kMaxTimeMs};
inline constexpr IntRange kCount{0, std::numeric_limits<std::int32_t>::max()};
inline constexpr UIntRange kSeq{1, kMaxSeq};   // sequence numbers and ids start at 1
inline constexpr UIntRange kDepth{0, kMaxSeq}; // depths and "none yet" counters may be 0
inline constexpr std::size_t kMaxFlags = 8;
inline constexpr std::size_t kMaxAlarmParams = 8;
inline constexpr std::size_t kUnbounded = SIZE_MAX; // bounded by the frame size only

// ------------------------------------------------------------------ agent -> hub

template <>
struct Description<Hello> {
    static constexpr auto kFields = std::tuple{
        field("reader_id", &Hello::reader_id, kId),
        field("agent_version", &Hello::agent_version, kToken),
        field("agent_clock_ms", &Hello::agent_clock_ms, kTimeMs),
    };
};

template <>
struct Description<Tap> {
    static constexpr auto kFields = std::tuple{
        field("reader_id", &Tap::reader_id, kId),
        field("seq", &Tap::seq, kSeq),
        field("badge_uid", &Tap::badge_uid, kUid),
        field("direction", &Tap::direction),
        field("at_ms", &Tap::at_ms, kTimeMs),
        field("clock_offset_ms", &Tap::clock_offset_ms, SumInRange<Tap>{kOffsetMs, kTimeMs, &Tap::at_ms, "at_ms"}),
    };
};

template <>
struct Description<Heartbeat> {
    static constexpr auto kFields = std::tuple{
        field("reader_id", &Heartbeat::reader_id, kId),
        field("agent_clock_ms", &Heartbeat::agent_clock_ms, kTimeMs),
        field("outbox_depth", &Heartbeat::outbox_depth, kDepth),
        field("reader_state", &Heartbeat::reader_state),
        field("reader_detail", &Heartbeat::reader_detail, kText),
        field("agent_version", &Heartbeat::agent_version, kToken),
    };
};

// ------------------------------------------------------------------ hub -> agent

template <>
struct Description<Welcome> {
    static constexpr auto kFields = std::tuple{
        field("hub_clock_ms", &Welcome::hub_clock_ms, kTimeMs),
        field("reader_known", &Welcome::reader_known),
        field("message", &Welcome::message, kText),
        field("last_seq", &Welcome::last_seq, kSeq),
    };
};

template <>
struct Description<Ack> {
    static constexpr auto kFields = std::tuple{
        field("reader_id", &Ack::reader_id, kId),
        field("seq", &Ack::seq, kSeq),
        field("verdict", &Ack::verdict),
        field("text", &Ack::text, kText),
        field("hub_clock_ms", &Ack::hub_clock_ms, kTimeMs),
        field("early_minutes", &Ack::early_minutes, kCount), // added within v1: optional
    };
};

template <>
struct Description<Error> {
    static constexpr auto kFields = std::tuple{
        field("code", &Error::code, kToken),
        field("message", &Error::message, kText),
    };
};

// ------------------------------------------------------------------ attendance state

template <>
struct Description<AttendeeState> {
    static constexpr auto kFields = std::tuple{
        field("person_id", &AttendeeState::person_id, kId),
        field("name", &AttendeeState::name, kText),
        field("unit", &AttendeeState::unit, kText),
        field("status", &AttendeeState::status),
        field("flags", &AttendeeState::flags, listOf(kMaxFlags)),
        field("first_in_ms", &AttendeeState::first_in_ms, kTimeMs),
        field("last_out_ms", &AttendeeState::last_out_ms, kTimeMs),
        field("late_minutes", &AttendeeState::late_minutes, kCount),
        field("early_minutes", &AttendeeState::early_minutes, kCount),
        field("substitute", &AttendeeState::substitute, kText),
        field("inside", &AttendeeState::inside),
        // Added within v1: optional.
        field("venue_id", &AttendeeState::venue_id, kId),
        field("check_in_venue_id", &AttendeeState::check_in_venue_id, kId),
    };
};

template <>
struct Description<VenueCount> {
    static constexpr auto kFields = std::tuple{
        field("venue_id", &VenueCount::venue_id, kId),          field("expected", &VenueCount::expected, kCount),
        field("present", &VenueCount::present, kCount),         field("late", &VenueCount::late, kCount),
        field("absent", &VenueCount::absent, kCount),           field("excused", &VenueCount::excused, kCount),
        field("substituted", &VenueCount::substituted, kCount), field("not_arrived", &VenueCount::not_arrived, kCount),
    };
};

template <>
struct Description<Summary> {
    static constexpr auto kFields = std::tuple{
        field("expected", &Summary::expected, kCount),
        field("present", &Summary::present, kCount),
        field("late", &Summary::late, kCount),
        field("absent", &Summary::absent, kCount),
        field("excused", &Summary::excused, kCount),
        field("substituted", &Summary::substituted, kCount),
        field("not_arrived", &Summary::not_arrived, kCount),
        field("left_early", &Summary::left_early, kCount),
        field("left_mid_meeting", &Summary::left_mid_meeting, kCount),
        field("no_checkout", &Summary::no_checkout, kCount),
        field("walk_ins", &Summary::walk_ins, kCount),
        field("unknown_badges", &Summary::unknown_badges, kCount),
        // Added within v1, so optional: older hubs do not send it.
        fieldOmittedWhenEmpty("venues", &Summary::venues, listOf(kMaxVenuesPerMeeting)),
    };
};

template <>
struct Description<TapEvent> {
    static constexpr auto kFields = std::tuple{
        field("tap_id", &TapEvent::tap_id, kSeq),
        field("reader_id", &TapEvent::reader_id, kId),
        field("venue_id", &TapEvent::venue_id, kId),
        field("badge_uid", &TapEvent::badge_uid, kUid),
        field("person_id", &TapEvent::person_id, kId),
        field("name", &TapEvent::name, kText),
        field("at_ms", &TapEvent::at_ms, kTimeMs),
        field("direction", &TapEvent::direction),
        field("verdict", &TapEvent::verdict),
        field("early_minutes", &TapEvent::early_minutes, kCount),      // added within v1: optional
        field("expected_venue_id", &TapEvent::expected_venue_id, kId), // added within v1: optional
    };
};

template <>
struct Description<ReaderHealth> {
    static constexpr auto kFields = std::tuple{
        field("reader_id", &ReaderHealth::reader_id, kId),
        field("venue_id", &ReaderHealth::venue_id, kId),
        field("online", &ReaderHealth::online),
        field("last_seen_ms", &ReaderHealth::last_seen_ms, kTimeMs),
        field("outbox_depth", &ReaderHealth::outbox_depth, kDepth),
        field("clock_offset_ms", &ReaderHealth::clock_offset_ms, kOffsetMs),
        field("agent_version", &ReaderHealth::agent_version, StrRule::TokenOrEmpty), // "": never heard from
        field("reader_state", &ReaderHealth::reader_state),
        field("alarm", &ReaderHealth::alarm),
    };
};

template <>
struct Description<Alarm> {
    static constexpr auto kFields = std::tuple{
        field("reader_id", &Alarm::reader_id, kId),
        field("message", &Alarm::message, kText),
        field("active", &Alarm::active),
        // Added within v1, so optional: older hubs send only the message.
        fieldOmittedWhenEmpty("code", &Alarm::code, kToken),
        fieldOmittedWhenEmpty("params", &Alarm::params, listOf(kMaxAlarmParams, kText)),
        // An acknowledgement at a desk (alarm ack), also added within v1.
        field("ack_by", &Alarm::ack_by, kText),
        field("ack_note", &Alarm::ack_note, kText),
        field("ack_ms", &Alarm::ack_ms, kTimeMs),
    };
};

template <>
struct Description<MeetingInfo> {
    static constexpr auto kFields = std::tuple{
        field("id", &MeetingInfo::id, kId),
        field("title", &MeetingInfo::title, kText),
        field("venues", &MeetingInfo::venues, listOf(kMaxVenuesPerMeeting, kId)),
        // Added within v1, so optional: older hubs do not send it.
        fieldOmittedWhenEmpty("venue_names", &MeetingInfo::venue_names, listOf(kMaxVenuesPerMeeting, kText)),
        field("start_ms", &MeetingInfo::start_ms, kTimeMs),
        field("end_ms", &MeetingInfo::end_ms, NotBefore<MeetingInfo>{kTimeMs, &MeetingInfo::start_ms, "start_ms"}),
        field("late_grace_s", &MeetingInfo::late_grace_s, kCount),
        field("early_grace_s", &MeetingInfo::early_grace_s, kCount),
        field("opening_ms", &MeetingInfo::opening_ms, kTimeMs),
        field("checkout_required", &MeetingInfo::checkout_required),
        field("finalized", &MeetingInfo::finalized),
    };
};

template <>
struct Description<WalkIn> {
    static constexpr auto kFields = std::tuple{
        field("person_id", &WalkIn::person_id, kId), field("name", &WalkIn::name, kText),
        field("unit", &WalkIn::unit, kText),         field("first_in_ms", &WalkIn::first_in_ms, kTimeMs),
        field("for_unit", &WalkIn::for_unit, kText), // added within v1: optional
    };
};

// ------------------------------------------------------------------ query channel

template <>
struct Description<SnapshotRequest> {
    static constexpr auto kFields = std::tuple{
        field("meeting_id", &SnapshotRequest::meeting_id, kId),
    };
};

template <>
struct Description<Snapshot> {
    static constexpr auto kFields = std::tuple{
        field("meeting", &Snapshot::meeting),
        field("seq", &Snapshot::seq, kDepth), // 0: no live update yet
        field("hub_clock_ms", &Snapshot::hub_clock_ms, kTimeMs),
        field("summary", &Snapshot::summary),
        field("attendees", &Snapshot::attendees, listOf(kUnbounded)),
        field("walk_ins", &Snapshot::walk_ins, listOf(kUnbounded)),
        field("unknown_badges", &Snapshot::unknown_badges, listOf(kUnbounded, kUid)),
        field("recent_taps", &Snapshot::recent_taps, listOf(kMaxRecentTaps)),
        field("readers", &Snapshot::readers, listOf(kUnbounded)),
        // Added within v1 (issue 16), so optional: older hubs send no alarms' history.
        fieldOmittedWhenEmpty("alarms", &Snapshot::alarms, listOf(kUnbounded)),
    };
};

template <>
struct Description<MeetingListRequest> {
    static constexpr auto kFields = std::tuple{
        field("day", &MeetingListRequest::day, StrRule::Day),
    };
};

template <>
struct Description<PhotoRequest> {
    static constexpr auto kFields = std::tuple{
        field("person_id", &PhotoRequest::person_id, kId),
    };
};

template <>
struct Description<Photo> {
    static constexpr auto kFields = std::tuple{
        field("person_id", &Photo::person_id, kId),
        field("mime", &Photo::mime, StrRule::Mime),
        field("data", &Photo::data, StrRule::PhotoBase64),
    };
};

template <>
struct Description<MeetingListEntry> {
    static constexpr auto kFields = std::tuple{
        field("id", &MeetingListEntry::id, kId),
        field("title", &MeetingListEntry::title, kText),
        field("venues", &MeetingListEntry::venues, listOf(kMaxVenuesPerMeeting, kId)),
        field("start_ms", &MeetingListEntry::start_ms, kTimeMs),
        field("end_ms", &MeetingListEntry::end_ms,
              NotBefore<MeetingListEntry>{kTimeMs, &MeetingListEntry::start_ms, "start_ms"}),
        field("state", &MeetingListEntry::state),
        // Added within v1, so optional: older hubs do not send it.
        fieldOmittedWhenEmpty("venue_names", &MeetingListEntry::venue_names, listOf(kMaxVenuesPerMeeting, kText)),
    };
};

template <>
struct Description<MeetingList> {
    static constexpr auto kFields = std::tuple{
        field("meetings", &MeetingList::meetings, listOf(kUnbounded)),
    };
};

template <>
struct Description<StatusRequest> {
    static constexpr auto kFields = std::tuple{};
};

template <>
struct Description<RejectionCount> {
    static constexpr auto kFields = std::tuple{
        field("reason", &RejectionCount::reason, kToken),
        field("count", &RejectionCount::count, kDepth),
    };
};

template <>
struct Description<Status> {
    static constexpr auto kFields = std::tuple{
        field("hub_version", &Status::hub_version, kToken),
        field("hub_clock_ms", &Status::hub_clock_ms, kTimeMs),
        field("started_ms", &Status::started_ms, kTimeMs),
        field("schema_version", &Status::schema_version, kCount),
        field("chain_head", &Status::chain_head, kToken),
        field("chain_rows", &Status::chain_rows, kDepth),
        field("insecure", &Status::insecure),
        field("live_subscribers", &Status::live_subscribers, kDepth),
        field("readers", &Status::readers, listOf(kUnbounded)),
        field("rejections", &Status::rejections, listOf(kMaxRejectionReasons)),
        field("recorded", &Status::recorded, kDepth),
        field("failed_batches", &Status::failed_batches, kDepth),
        fieldOmittedWhenEmpty("write_failure", &Status::write_failure, kToken),
        field("held_taps", &Status::held_taps, kDepth),
        field("queued", &Status::queued, kDepth),
        field("disk_free_bytes", &Status::disk_free_bytes, kDepth),
        field("disk_reserve_bytes", &Status::disk_reserve_bytes, kDepth),
    };
};

// ------------------------------------------------------------------ admin (query channel)

template <>
struct Description<AdminFile> {
    static constexpr auto kFields = std::tuple{
        field("name", &AdminFile::name, kText),
        field("bytes_base64", &AdminFile::bytes_base64, StrRule::Base64),
    };
};

template <>
struct Description<AdminRequest> {
    static constexpr auto kFields = std::tuple{
        field("request_id", &AdminRequest::request_id, kId),
        field("argv", &AdminRequest::argv, listOf(kMaxAdminArgs, kText)),
        fieldOmittedWhenEmpty("files", &AdminRequest::files, listOf(kMaxAdminFiles)),
        field("progress", &AdminRequest::progress), // added within v1: optional
    };
};

template <>
struct Description<AdminProgress> {
    static constexpr auto kFields = std::tuple{
        field("request_id", &AdminProgress::request_id, kId),
        field("label", &AdminProgress::label, kText),
        field("done", &AdminProgress::done, kCount),
        field("total", &AdminProgress::total, kCount),
    };
};

template <>
struct Description<AdminCancel> {
    static constexpr auto kFields = std::tuple{
        field("request_id", &AdminCancel::request_id, kId),
    };
};

template <>
struct Description<AdminReply> {
    static constexpr auto kFields = std::tuple{
        field("request_id", &AdminReply::request_id, kId),
        field("exit_code", &AdminReply::exit_code, IntRange{0, 255}),
        field("stdout", &AdminReply::stdout_text, StrRule::LongText),
        field("stderr", &AdminReply::stderr_text, StrRule::LongText),
        fieldOmittedWhenEmpty("files", &AdminReply::files, listOf(kMaxAdminFiles)),
    };
};

// ------------------------------------------------------------------ live channel

template <>
struct Description<Update> {
    static constexpr auto kFields = std::tuple{
        field("meeting_id", &Update::meeting_id, StrRule::IdOrEmpty), // "": hub-wide stream
        field("seq", &Update::seq, kSeq),
        taggedField("kind", "payload", &Update::payload, kUpdateKinds.data(), "update kind"),
    };
};

} // namespace rollcall::protocol::wire
