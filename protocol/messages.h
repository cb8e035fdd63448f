#pragma once
// Rollcall wire protocol v1: message structs, enums and channel definitions.
// The byte format is specified in docs/protocol.md; encode/decode live in
// protocol/codec.h. Everything here is a plain value type.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace rollcall::protocol {

// ---------------------------------------------------------------- limits

inline constexpr std::int64_t kProtocolVersion = 1;
/// Largest frame on the taps channel, the query request side and the live feed.
inline constexpr std::size_t kMaxFrameBytes = 64 * 1024;
/// Largest frame on the query reply side (snapshots, meeting lists).
inline constexpr std::size_t kMaxSnapshotFrameBytes = 16 * 1024 * 1024;
/// JSON nesting limit (objects + arrays); v1 messages need at most 4.
inline constexpr std::size_t kMaxNestingDepth = 16;
/// Identifiers (reader, meeting, venue, person ids): 1..64 bytes of [A-Za-z0-9._:-].
inline constexpr std::size_t kMaxIdBytes = 64;
/// Free text (names, units, titles, messages): 0..1024 bytes of UTF-8, no NUL.
inline constexpr std::size_t kMaxTextBytes = 1024;
/// Tokens (agent_version, error code): 1..64 printable ASCII bytes, no spaces.
inline constexpr std::size_t kMaxTokenBytes = 64;
/// Sequence numbers, tap ids and depths stay within SQLite's signed INTEGER.
inline constexpr std::uint64_t kMaxSeq = 9223372036854775807ULL;
/// Timestamps (*_ms) lie in [0, kMaxTimeMs] (9999-12-31T23:59:59.999Z); offsets in +-kMaxTimeMs.
inline constexpr std::int64_t kMaxTimeMs = 253402300799999LL;
inline constexpr std::size_t kMaxRecentTaps = 50;
inline constexpr std::size_t kMaxVenuesPerMeeting = 1024;
/// Reasons in a status's rejection counts.
inline constexpr std::size_t kMaxRejectionReasons = 64;
/// A person's photo as stored (JPEG or PNG, docs/protocol.md §5.11); on the wire it is base64.
inline constexpr std::size_t kMaxPhotoBytes = 256 * 1024;
inline constexpr std::size_t kMaxPhotoBase64Bytes = (kMaxPhotoBytes + 2) / 3 * 4;

inline constexpr std::string_view kDefaultTapEndpoint = "tcp://127.0.0.1:7700";   // hub ROUTER
inline constexpr std::string_view kDefaultLiveEndpoint = "tcp://127.0.0.1:7701";  // hub PUB
inline constexpr std::string_view kDefaultQueryEndpoint = "tcp://127.0.0.1:7702"; // hub ROUTER

// ---------------------------------------------------------------- enums

enum class Direction { In, Out };
/// RevokedBadge: a badge revoked (lost, broken, holder left) before the tap.
enum class Verdict {
    Present,
    Late,
    CheckedOut,
    WalkIn,
    UnknownBadge,
    Duplicate,
    NotInWindow,
    UnknownReader,
    RevokedBadge
};
enum class ReaderState { Ok, NoReader, Error };
enum class AttendanceStatus { Present, Late, Absent, Excused, Substituted, NotArrived, Overdue };
enum class AttendanceFlag { LeftEarly, LeftMidMeeting, NoCheckout };
enum class MeetingState { Scheduled, Open, InProgress, Ended, Finalized };

/// Wire names ("in", "checked_out", "not_arrived", ...). Never throw.
[[nodiscard]] std::string_view toString(Direction v) noexcept;
[[nodiscard]] std::string_view toString(Verdict v) noexcept;
[[nodiscard]] std::string_view toString(ReaderState v) noexcept;
[[nodiscard]] std::string_view toString(AttendanceStatus v) noexcept;
[[nodiscard]] std::string_view toString(AttendanceFlag v) noexcept;
[[nodiscard]] std::string_view toString(MeetingState v) noexcept;

/// Exact, case-sensitive parse of a wire name; nullopt for anything else.
[[nodiscard]] std::optional<Direction> directionFromString(std::string_view s) noexcept;
[[nodiscard]] std::optional<Verdict> verdictFromString(std::string_view s) noexcept;
[[nodiscard]] std::optional<ReaderState> readerStateFromString(std::string_view s) noexcept;
[[nodiscard]] std::optional<AttendanceStatus> statusFromString(std::string_view s) noexcept;
[[nodiscard]] std::optional<AttendanceFlag> flagFromString(std::string_view s) noexcept;
[[nodiscard]] std::optional<MeetingState> meetingStateFromString(std::string_view s) noexcept;

// ---------------------------------------------------------------- agent -> hub

/// First message after (re)connecting; the hub answers with Welcome.
struct Hello {
    std::string reader_id;
    std::string agent_version;
    std::int64_t agent_clock_ms = 0;
    bool operator==(const Hello&) const = default;
};

/// One badge tap, sent from the agent's durable outbox until acknowledged.
struct Tap {
    std::string reader_id;
    std::uint64_t seq = 0;              ///< per reader, >= 1, never reused
    std::string badge_uid;              ///< upper-case hex, 8..20 chars, even (see badge_uid.h)
    std::optional<Direction> direction; ///< absent: the reader's configured direction
    std::int64_t at_ms = 0;             ///< agent clock
    std::int64_t clock_offset_ms = 0;   ///< agent's estimate of hub_clock - agent_clock; 0 if unknown
    bool operator==(const Tap&) const = default;
};

/// Periodic liveness report; the hub does not answer it.
struct Heartbeat {
    std::string reader_id;
    std::int64_t agent_clock_ms = 0;
    std::uint64_t outbox_depth = 0;
    ReaderState reader_state = ReaderState::Ok;
    std::string reader_detail; ///< may be empty
    std::string agent_version;
    bool operator==(const Heartbeat&) const = default;
};

// ---------------------------------------------------------------- hub -> agent

struct Welcome {
    std::int64_t hub_clock_ms = 0;
    bool reader_known = false;
    std::string message;
    /// Highest seq the hub has recorded for this reader, if any: an agent whose
    /// outbox counter is behind it (a lost outbox) continues numbering after it.
    std::optional<std::uint64_t> last_seq;
    bool operator==(const Welcome&) const = default;
};

/// Sent only after the tap is durably committed. Also sent again for a re-sent (duplicate) seq.
struct Ack {
    std::string reader_id;
    std::uint64_t seq = 0;
    Verdict verdict = Verdict::Present;
    std::string text; ///< what the reader shows, in the attendee's language
    std::int64_t hub_clock_ms = 0;
    /// checked_out before the end less the early grace: how many minutes early
    /// (the reader shows leaving early as such). Absent otherwise; optional on the wire.
    std::optional<std::int32_t> early_minutes;
    bool operator==(const Ack&) const = default;
};

/// A request could not be served (malformed input, unknown meeting, ...). Also a query reply.
struct Error {
    std::string code; ///< token, e.g. "malformed", "unknown_meeting" (docs/protocol.md)
    std::string message;
    bool operator==(const Error&) const = default;
};

// ---------------------------------------------------------------- attendance state

struct AttendeeState {
    std::string person_id;
    std::string name;
    std::string unit; ///< unit path, e.g. "州直机关/州发改委"
    AttendanceStatus status = AttendanceStatus::NotArrived;
    std::vector<AttendanceFlag> flags;
    std::optional<std::int64_t> first_in_ms;
    std::optional<std::int64_t> last_out_ms;
    std::int32_t late_minutes = 0;
    std::int32_t early_minutes = 0;
    std::optional<std::string> substitute; ///< substitute's name
    bool inside = false;
    /// At a meeting with branch venues: the venue the member is expected at,
    /// and the venue of the reader check-in that counts. Optional on the wire.
    std::optional<std::string> venue_id;
    std::optional<std::string> check_in_venue_id;
    bool operator==(const AttendeeState&) const = default;
};

/// The members expected at one venue of a meeting with branch venues.
struct VenueCount {
    std::string venue_id;
    std::int32_t expected = 0;
    std::int32_t present = 0;
    std::int32_t late = 0;
    std::int32_t absent = 0;
    std::int32_t excused = 0;
    std::int32_t substituted = 0;
    std::int32_t not_arrived = 0;
    bool operator==(const VenueCount&) const = default;
};

struct Summary {
    std::int32_t expected = 0;
    std::int32_t present = 0;
    std::int32_t late = 0;
    std::int32_t absent = 0;
    std::int32_t excused = 0;
    std::int32_t substituted = 0;
    std::int32_t not_arrived = 0;
    std::int32_t left_early = 0;
    std::int32_t left_mid_meeting = 0;
    std::int32_t no_checkout = 0;
    std::int32_t walk_ins = 0;
    std::int32_t unknown_badges = 0;
    /// Per expected venue, main venue first; empty for a meeting with one venue. Optional on the wire.
    std::vector<VenueCount> venues;
    bool operator==(const Summary&) const = default;
};

struct TapEvent {
    std::uint64_t tap_id = 0; ///< hub's id, >= 1
    std::string reader_id;
    std::string venue_id;
    std::string badge_uid;
    std::optional<std::string> person_id; ///< absent for unknown badges
    std::optional<std::string> name;
    std::int64_t at_ms = 0;             ///< hub time
    std::optional<Direction> direction; ///< absent when never decided (duplicate, unknown badge on a "both" reader)
    Verdict verdict = Verdict::Present;
    /// As Ack::early_minutes: a check-out that is leaving early. Optional on the wire.
    std::optional<std::int32_t> early_minutes;
    /// A roster member's tap at a venue other than the one they are expected
    /// at: that venue. Optional on the wire.
    std::optional<std::string> expected_venue_id;
    bool operator==(const TapEvent&) const = default;
};

struct ReaderHealth {
    std::string reader_id;
    std::string venue_id;
    bool online = false;
    std::optional<std::int64_t> last_seen_ms; ///< absent: never heard from
    std::uint64_t outbox_depth = 0;
    std::int64_t clock_offset_ms = 0;
    std::string agent_version;               ///< empty: never heard from
    std::optional<ReaderState> reader_state; ///< absent: never heard from
    bool alarm = false;
    bool operator==(const ReaderHealth&) const = default;
};

struct Alarm {
    std::string reader_id;
    std::string message; ///< the hub's Chinese text, for receivers that do not know `code`
    bool active = false;
    /// What happened, for a receiver to word in its own language ("reader_offline",
    /// docs/protocol.md §5.9), and its parameters in order. Optional on the wire.
    std::string code;
    std::vector<std::string> params;
    /// An acknowledgement at an organizers' desk (alarm ack): who (the key's
    /// name), the note and when. `active` stays the alarm's state. Optional on the wire.
    std::optional<std::string> ack_by;
    std::optional<std::string> ack_note;
    std::optional<std::int64_t> ack_ms;
    bool operator==(const Alarm&) const = default;
};

struct MeetingInfo {
    std::string id;
    std::string title;
    std::vector<std::string> venues;      ///< venue ids, main venue first
    std::vector<std::string> venue_names; ///< their names, same order (optional on the wire)
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0; ///< >= start_ms
    std::int32_t late_grace_s = 0;
    std::int32_t early_grace_s = 0;
    std::int64_t opening_ms = 0;
    bool checkout_required = false;
    bool finalized = false;
    bool operator==(const MeetingInfo&) const = default;
};

struct WalkIn {
    std::string person_id;
    std::string name;
    std::string unit;
    std::optional<std::int64_t> first_in_ms;
    /// The unit path they were registered at the door as attending for
    /// (docs/semantics.md §7). Optional on the wire.
    std::optional<std::string> for_unit;
    bool operator==(const WalkIn&) const = default;
};

// ---------------------------------------------------------------- query channel

struct SnapshotRequest {
    std::string meeting_id;
    bool operator==(const SnapshotRequest&) const = default;
};

struct Snapshot {
    MeetingInfo meeting;
    std::uint64_t seq = 0; ///< last live update included; 0 = none yet
    std::int64_t hub_clock_ms = 0;
    Summary summary;
    std::vector<AttendeeState> attendees;
    std::vector<WalkIn> walk_ins;
    std::vector<std::string> unknown_badges;
    std::vector<TapEvent> recent_taps; ///< newest first, at most kMaxRecentTaps
    std::vector<ReaderHealth> readers;
    /// The alarms a board joining now would have missed on the live feed: the
    /// hub's own alarm while raised, and the acknowledgements recorded since
    /// the meeting's day began whose alarm is still the one acknowledged
    /// (a badge's: any), each as the live feed carried it. Optional on the wire.
    std::vector<Alarm> alarms;
    bool operator==(const Snapshot&) const = default;
};

struct MeetingListRequest {
    std::optional<std::string> day; ///< "YYYY-MM-DD" in the display zone; absent = today
    bool operator==(const MeetingListRequest&) const = default;
};

struct MeetingListEntry {
    std::string id;
    std::string title;
    std::vector<std::string> venues;
    std::int64_t start_ms = 0;
    std::int64_t end_ms = 0;
    MeetingState state = MeetingState::Scheduled;
    std::vector<std::string> venue_names; ///< names of `venues`, same order (optional on the wire)
    bool operator==(const MeetingListEntry&) const = default;
};

struct MeetingList {
    std::vector<MeetingListEntry> meetings;
    bool operator==(const MeetingList&) const = default;
};

/// How the hub is doing, for monitoring (`rollcallctl health`). It carries no
/// names, so any key the query socket admits may ask.
struct StatusRequest {
    bool operator==(const StatusRequest&) const = default;
};

/// Refusals of one reason since the hub started ("key_not_allowed", "bad_field", ...).
struct RejectionCount {
    std::string reason; ///< token
    std::uint64_t count = 0;
    bool operator==(const RejectionCount&) const = default;
};

/// The hub's state as an operator's monitoring sees it (docs/protocol.md §5.10).
struct Status {
    std::string hub_version; ///< token
    std::int64_t hub_clock_ms = 0;
    std::int64_t started_ms = 0;
    std::int32_t schema_version = 0;
    std::string chain_head;       ///< the record chain's last hash, 64 lower-case hex digits
    std::uint64_t chain_rows = 0; ///< the position of that link: the rows chained
    bool insecure = false;        ///< plain text without keys (--insecure)
    std::uint64_t live_subscribers = 0;
    std::vector<ReaderHealth> readers; ///< every registered reader
    std::vector<RejectionCount> rejections;
    std::uint64_t recorded = 0;                   ///< taps recorded since start
    std::uint64_t failed_batches = 0;             ///< batches that could not be written since start
    std::string write_failure;                    ///< "" while writing works; else the cause (disk_full, io_error, ...)
    std::uint64_t held_taps = 0;                  ///< taps held, unacknowledged, until the record is written again
    std::uint64_t queued = 0;                     ///< work waiting for the writer thread
    std::optional<std::uint64_t> disk_free_bytes; ///< free on the record's file system; absent: unknown
    std::uint64_t disk_reserve_bytes = 0;         ///< below this the hub stops recording (0: no reserve)
    bool operator==(const Status&) const = default;
};

// ---------------------------------------------------------------- admin (query channel)

/// Most argv entries an admin request may carry.
inline constexpr std::size_t kMaxAdminArgs = 64;
/// Most files an admin request or reply may carry.
inline constexpr std::size_t kMaxAdminFiles = 256;

/// A file carried by an admin request (an input such as a policy TOML) or
/// reply (an output such as a PDF). `name` is the path as the user wrote it
/// on the command line; the bytes travel as base64 (RFC 4648, padded).
struct AdminFile {
    std::string name;
    std::string bytes_base64;
    bool operator==(const AdminFile&) const = default;
};

/// Runs one rollcallctl command at the hub, against the hub's record, as the
/// caller's key (docs/protocol.md §5.8a). `argv` is the command line after
/// the program name, without --db or --operator.
struct AdminRequest {
    std::string request_id;
    std::vector<std::string> argv;
    std::vector<AdminFile> files;
    /// true: the caller takes AdminProgress messages before the reply (§5.8c).
    /// Added within v1: absent (as older clients send it) means no progress.
    std::optional<bool> progress;
    bool operator==(const AdminRequest&) const = default;
};

/// What the command printed and wrote, and its exit code (docs/cli.md).
struct AdminReply {
    std::string request_id;
    std::int32_t exit_code = 0;
    std::string stdout_text;
    std::string stderr_text;
    std::vector<AdminFile> files;
    bool operator==(const AdminReply&) const = default;
};

/// How far a running admin_request has come (docs/protocol.md §5.8c): sent
/// only to a caller that asked for it (AdminRequest::progress), before the
/// request's reply, at most a few times a second. `label` is the step the
/// command is at, as its terminal line names it ("评估会议"), `done` of `total`.
struct AdminProgress {
    std::string request_id;
    std::string label;
    std::int32_t done = 0;
    std::int32_t total = 0;
    bool operator==(const AdminProgress&) const = default;
};

/// Stops a running or queued admin_request of the same key (docs/protocol.md
/// §5.8b): the hub stops it at its next safe point and answers the request
/// itself with exit code 7; nothing it began is recorded. No reply of its own.
struct AdminCancel {
    std::string request_id;
    bool operator==(const AdminCancel&) const = default;
};

/// A board asks for a person's photo to show at the door as they tap (never
/// sent to readers, never in the live feed). Answered with Photo, or Error
/// "no_photo".
struct PhotoRequest {
    std::string person_id;
    bool operator==(const PhotoRequest&) const = default;
};

struct Photo {
    std::string person_id;
    std::string mime; ///< "image/jpeg" or "image/png"
    std::string data; ///< the image file, base64 (RFC 4648, padded), at most kMaxPhotoBytes decoded
    bool operator==(const Photo&) const = default;
};

// ---------------------------------------------------------------- live channel

/// Alternative order = wire kinds: attendee, summary, tap, reader, alarm, meeting.
using UpdatePayload = std::variant<AttendeeState, Summary, TapEvent, ReaderHealth, Alarm, MeetingInfo>;

/// Wire "kind" of a payload ("attendee", "summary", ...).
[[nodiscard]] std::string_view kindName(const UpdatePayload& payload) noexcept;

/// One numbered live update; published as [topic frame][encoded Update].
struct Update {
    std::string meeting_id; ///< empty: hub-wide stream (topic "hub")
    std::uint64_t seq = 0;  ///< per stream, consecutive, starts at 1
    UpdatePayload payload;
    bool operator==(const Update&) const = default;
};

// ---------------------------------------------------------------- channels

using AgentMessage = std::variant<Hello, Tap, Heartbeat>;
using HubMessage = std::variant<Welcome, Ack, Error>;
using QueryRequest =
    std::variant<SnapshotRequest, MeetingListRequest, StatusRequest, AdminRequest, PhotoRequest, AdminCancel>;
using QueryReply = std::variant<Snapshot, MeetingList, Error, Status, AdminReply, Photo, AdminProgress>;

/// Channel tags for decode<Channel>(): what may arrive, and the frame limit.
struct AgentToHub {
    using Message = AgentMessage;
    static constexpr std::size_t kMaxBytes = kMaxFrameBytes;
};
struct HubToAgent {
    using Message = HubMessage;
    static constexpr std::size_t kMaxBytes = kMaxFrameBytes;
};
struct QueryToHub {
    using Message = QueryRequest;
    static constexpr std::size_t kMaxBytes = kMaxFrameBytes;
};
struct HubToQuery {
    using Message = QueryReply;
    static constexpr std::size_t kMaxBytes = kMaxSnapshotFrameBytes;
};
struct LiveFeed {
    using Message = Update;
    static constexpr std::size_t kMaxBytes = kMaxFrameBytes;
};

/// Wire "type" of each message struct.
template <class T>
inline constexpr std::string_view kWireType = {};
template <>
inline constexpr std::string_view kWireType<Hello> = "hello";
template <>
inline constexpr std::string_view kWireType<Tap> = "tap";
template <>
inline constexpr std::string_view kWireType<Heartbeat> = "heartbeat";
template <>
inline constexpr std::string_view kWireType<Welcome> = "welcome";
template <>
inline constexpr std::string_view kWireType<Ack> = "ack";
template <>
inline constexpr std::string_view kWireType<Error> = "error";
template <>
inline constexpr std::string_view kWireType<SnapshotRequest> = "snapshot_request";
template <>
inline constexpr std::string_view kWireType<Snapshot> = "snapshot";
template <>
inline constexpr std::string_view kWireType<MeetingListRequest> = "meeting_list_request";
template <>
inline constexpr std::string_view kWireType<MeetingList> = "meeting_list";
template <>
inline constexpr std::string_view kWireType<StatusRequest> = "status_request";
template <>
inline constexpr std::string_view kWireType<Status> = "status";
template <>
inline constexpr std::string_view kWireType<AdminRequest> = "admin_request";
template <>
inline constexpr std::string_view kWireType<AdminReply> = "admin_reply";
template <>
inline constexpr std::string_view kWireType<AdminCancel> = "admin_cancel";
template <>
inline constexpr std::string_view kWireType<AdminProgress> = "admin_progress";
template <>
inline constexpr std::string_view kWireType<Update> = "update";
template <>
inline constexpr std::string_view kWireType<PhotoRequest> = "photo_request";
template <>
inline constexpr std::string_view kWireType<Photo> = "photo";

} // namespace rollcall::protocol
