// Wire names of the protocol enums.
#include "protocol/codec.h"
#include "protocol/messages.h"

#include <array>

namespace rollcall::protocol {
namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, E value) noexcept {
  const auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view{};
}

template <class E, std::size_t N>
std::optional<E> parse(const std::array<std::string_view, N>& names, std::string_view s) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

// Order must match the enum declarations in messages.h / codec.h.
constexpr std::array<std::string_view, 2> kDirection{"in", "out"};
constexpr std::array<std::string_view, 8> kVerdict{"present",   "late",          "checked_out",   "walk_in",
                                                   "unknown_badge", "duplicate", "not_in_window", "unknown_reader"};
constexpr std::array<std::string_view, 3> kReaderState{"ok", "no_reader", "error"};
constexpr std::array<std::string_view, 7> kStatus{"present",     "late",        "absent", "excused",
                                                  "substituted", "not_arrived", "overdue"};
constexpr std::array<std::string_view, 3> kFlag{"left_early", "left_mid_meeting", "no_checkout"};
constexpr std::array<std::string_view, 5> kMeetingState{"scheduled", "open", "in_progress", "ended", "finalized"};
constexpr std::array<std::string_view, kDecodeErrorKindCount> kDecodeErrorKind{
    "oversized", "malformed", "unsupported_version", "unknown_type", "missing_field", "bad_field"};

}  // namespace

std::string_view to_string(Direction v) noexcept { return name_of(kDirection, v); }
std::string_view to_string(Verdict v) noexcept { return name_of(kVerdict, v); }
std::string_view to_string(ReaderState v) noexcept { return name_of(kReaderState, v); }
std::string_view to_string(AttendanceStatus v) noexcept { return name_of(kStatus, v); }
std::string_view to_string(AttendanceFlag v) noexcept { return name_of(kFlag, v); }
std::string_view to_string(MeetingState v) noexcept { return name_of(kMeetingState, v); }
std::string_view to_string(DecodeErrorKind v) noexcept { return name_of(kDecodeErrorKind, v); }

std::optional<Direction> direction_from_string(std::string_view s) noexcept { return parse<Direction>(kDirection, s); }
std::optional<Verdict> verdict_from_string(std::string_view s) noexcept { return parse<Verdict>(kVerdict, s); }
std::optional<ReaderState> reader_state_from_string(std::string_view s) noexcept {
  return parse<ReaderState>(kReaderState, s);
}
std::optional<AttendanceStatus> status_from_string(std::string_view s) noexcept {
  return parse<AttendanceStatus>(kStatus, s);
}
std::optional<AttendanceFlag> flag_from_string(std::string_view s) noexcept { return parse<AttendanceFlag>(kFlag, s); }
std::optional<MeetingState> meeting_state_from_string(std::string_view s) noexcept {
  return parse<MeetingState>(kMeetingState, s);
}

}  // namespace rollcall::protocol
