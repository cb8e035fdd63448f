// JSON encoding and strict decoding of protocol frames (docs/protocol.md).
#include "protocol/codec.h"

#include "common/utf8.h"
#include "protocol/badge_uid.h"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <limits>
#include <new>
#include <vector>

namespace rollcall::protocol {
namespace {

using json = nlohmann::json;    // decoding: std::map objects, O(log n) lookup even for hostile input

constexpr std::array<std::string_view, 6> kUpdateKinds{"attendee", "summary", "tap", "reader", "alarm", "meeting"};
static_assert(std::variant_size_v<UpdatePayload> == kUpdateKinds.size());

// Input-derived text in an error detail: printable ASCII only, bounded.
std::string escape_for_detail(std::string_view s, std::size_t max_len = 48) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (char ch : s) {
    if (out.size() >= max_len) {
      out += "...";
      break;
    }
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      out.push_back(ch);
    } else {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0f]);
    }
  }
  return out;
}

// ------------------------------------------------------------------ parsing

// SAX handler building a DOM like json::parse, but refusing nesting beyond
// kMaxNestingDepth and duplicate keys. nlohmann's SAX parser is iterative, so
// hostile nesting never recurses; we stop it at the first level too deep.
class DomBuilder {
 public:
  explicit DomBuilder(json& root) : root_(root) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool v) { return put(json(v)); }
  bool number_integer(json::number_integer_t v) { return put(json(v)); }
  bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
  bool number_float(json::number_float_t v, const json::string_t& /*text*/) { return put(json(v)); }
  bool string(json::string_t& v) { return put(json(std::move(v))); }
  bool binary(json::binary_t& /*v*/) {
    error_ = "binary values are not JSON";
    return false;
  }
  bool start_object(std::size_t /*elements*/) { return open(json::value_t::object); }
  bool end_object() { return close(); }
  bool start_array(std::size_t /*elements*/) { return open(json::value_t::array); }
  bool end_array() { return close(); }
  bool key(json::string_t& k) {
    auto& obj = *stack_.back()->get_ptr<json::object_t*>();
    auto [it, inserted] = obj.emplace(std::move(k), nullptr);
    if (!inserted) {
      error_ = "duplicate key '" + escape_for_detail(it->first) + "'";
      return false;
    }
    slot_ = &it->second;
    return true;
  }
  bool parse_error(std::size_t position, const std::string& /*last_token*/, const nlohmann::detail::exception& ex) {
    std::string_view what = ex.what();
    if (const auto pos = what.find("] "); what.starts_with("[json.exception") && pos != std::string_view::npos) {
      what.remove_prefix(pos + 2);
    }
    error_ = "not valid JSON (byte " + std::to_string(position) + "): " + escape_for_detail(what, 200);
    return false;
  }

  [[nodiscard]] const std::string& error() const { return error_; }

 private:
  bool put(json&& v) {
    place(std::move(v));
    return true;
  }
  json* place(json&& v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    json& top = *stack_.back();
    if (top.is_array()) {
      auto& arr = *top.get_ptr<json::array_t*>();
      arr.push_back(std::move(v));
      return &arr.back();
    }
    *slot_ = std::move(v);
    return slot_;
  }
  bool open(json::value_t type) {
    if (stack_.size() >= kMaxNestingDepth) {
      error_ = "nested deeper than " + std::to_string(kMaxNestingDepth) + " levels";
      return false;
    }
    stack_.push_back(place(json(type)));
    return true;
  }
  bool close() {
    stack_.pop_back();
    return true;
  }

  json& root_;
  std::vector<json*> stack_;
  json* slot_ = nullptr;
  std::string error_;
};

// ------------------------------------------------------------------ field access

// Where a value sits, rendered lazily (only on error) as "attendees[3].status".
struct Path {
  const Path* parent = nullptr;
  std::string_view key;  // empty: array element
  std::size_t index = 0;
};

void render_path(const Path* p, std::string& out) {
  if (p == nullptr) return;
  render_path(p->parent, out);
  if (p->key.empty()) {
    out += '[';
    out += std::to_string(p->index);
    out += ']';
  } else {
    if (!out.empty()) out += '.';
    out += p->key;
  }
}

enum class Str { Id, IdOrEmpty, Token, TokenOrEmpty, Text, Uid, Day };

bool is_id_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
         c == ':' || c == '-';
}

bool is_valid_day(std::string_view s) noexcept {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  int parts[3] = {0, 0, 0};
  const std::size_t starts[3] = {0, 5, 8};
  const std::size_t lens[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (std::size_t i = 0; i < lens[p]; ++i) {
      const char c = s[starts[p] + i];
      if (c < '0' || c > '9') return false;
      parts[p] = parts[p] * 10 + (c - '0');
    }
  }
  const int y = parts[0], m = parts[1], d = parts[2];
  if (y < 1970 || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// Holds the first error of one decode; all accessors become no-ops after it.
class Decoder {
 public:
  std::optional<DecodeError> err;

  void fail(const Path& where, DecodeErrorKind kind, std::string_view problem) {
    if (err) return;
    std::string detail;
    render_path(&where, detail);
    detail += ": ";
    detail += problem;
    err = DecodeError{kind, std::move(detail)};
  }
  void bad(const Path& where, std::string_view problem) { fail(where, DecodeErrorKind::BadField, problem); }
  void wrong_type(const Path& where, const json& v, std::string_view expected) {
    bad(where, "must be " + std::string(expected) + ", got " + v.type_name());
  }

  std::string str(const json& v, const Path& where, Str rule) {
    const auto* s = v.get_ptr<const json::string_t*>();
    if (s == nullptr) {
      wrong_type(where, v, "a string");
      return {};
    }
    if (!check(*s, where, rule)) return {};
    return *s;
  }

  std::int64_t i64(const json& v, const Path& where, std::int64_t lo, std::int64_t hi) {
    if (v.is_number_unsigned()) {
      const auto u = v.get<json::number_unsigned_t>();
      if (u > static_cast<std::uint64_t>(hi)) return out_of_range(where, std::to_string(u), lo, hi);
      if (static_cast<std::int64_t>(u) < lo) return out_of_range(where, std::to_string(u), lo, hi);
      return static_cast<std::int64_t>(u);
    }
    if (v.is_number_integer()) {
      const auto i = v.get<json::number_integer_t>();
      if (i < lo || i > hi) return out_of_range(where, std::to_string(i), lo, hi);
      return i;
    }
    not_an_integer(where, v);
    return 0;
  }

  std::uint64_t u64(const json& v, const Path& where, std::uint64_t lo, std::uint64_t hi) {
    if (v.is_number_unsigned()) {
      const auto u = v.get<json::number_unsigned_t>();
      if (u < lo || u > hi) {
        bad(where, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + std::to_string(u));
        return 0;
      }
      return u;
    }
    if (v.is_number_integer()) {
      bad(where, "must not be negative, got " + std::to_string(v.get<json::number_integer_t>()));
      return 0;
    }
    not_an_integer(where, v);
    return 0;
  }

  bool boolean(const json& v, const Path& where) {
    if (!v.is_boolean()) {
      wrong_type(where, v, "true or false");
      return false;
    }
    return v.get<bool>();
  }

  template <class E, class Parse>
  E enumeration(const json& v, const Path& where, Parse parse, std::string_view expected) {
    const auto* s = v.get_ptr<const json::string_t*>();
    if (s == nullptr) {
      wrong_type(where, v, "a string");
      return E{};
    }
    if (auto e = parse(*s)) return *e;
    bad(where, "unknown value '" + escape_for_detail(*s) + "' (expected " + std::string(expected) + ")");
    return E{};
  }

 private:
  std::int64_t out_of_range(const Path& where, const std::string& got, std::int64_t lo, std::int64_t hi) {
    if (lo == 0 && !got.empty() && got[0] == '-') {
      bad(where, "must not be negative, got " + got);
    } else {
      bad(where, "must be in [" + std::to_string(lo) + ", " + std::to_string(hi) + "], got " + got);
    }
    return 0;
  }
  void not_an_integer(const Path& where, const json& v) {
    if (v.is_number_float()) {
      bad(where, "must be an integer in range, got " + v.dump());
    } else {
      wrong_type(where, v, "an integer");
    }
  }

  bool check(const std::string& s, const Path& where, Str rule) {
    switch (rule) {
      case Str::IdOrEmpty:
        if (s.empty()) return true;
        [[fallthrough]];
      case Str::Id: {
        bool ok = !s.empty() && s.size() <= kMaxIdBytes;
        for (char c : s) ok = ok && is_id_char(c);
        if (!ok) bad(where, "must be 1..64 characters of [A-Za-z0-9._:-], got '" + escape_for_detail(s) + "'");
        return ok;
      }
      case Str::TokenOrEmpty:
        if (s.empty()) return true;
        [[fallthrough]];
      case Str::Token: {
        bool ok = !s.empty() && s.size() <= kMaxTokenBytes;
        for (char c : s) ok = ok && c > 0x20 && c < 0x7f;
        if (!ok) bad(where, "must be 1..64 printable ASCII characters without spaces, got '" + escape_for_detail(s) + "'");
        return ok;
      }
      case Str::Text:
        if (s.size() > kMaxTextBytes) {
          bad(where, "is " + std::to_string(s.size()) + " bytes, at most " + std::to_string(kMaxTextBytes) + " allowed");
          return false;
        }
        if (s.find('\0') != std::string::npos) {
          bad(where, "contains a NUL character");
          return false;
        }
        return true;
      case Str::Uid:
        if (!is_wire_badge_uid(s)) {
          bad(where, "must be 8..20 upper-case hex digits (4..10 bytes), got '" + escape_for_detail(s) + "'");
          return false;
        }
        return true;
      case Str::Day:
        if (!is_valid_day(s)) {
          bad(where, "must be a date YYYY-MM-DD, got '" + escape_for_detail(s) + "'");
          return false;
        }
        return true;
    }
    return false;
  }
};

class Fields;
template <class T>
void read(Fields& f, T& out);

// The members of one JSON object, read with the error context of its path.
class Fields {
 public:
  Fields(const json::object_t& obj, const Path* path, Decoder& d) : obj_(obj), path_(path), d_(d) {}

  [[nodiscard]] bool failed() const { return d_.err.has_value(); }
  Decoder& decoder() { return d_; }
  [[nodiscard]] Path at(std::string_view key) const { return Path{path_, key, 0}; }

  /// Required member; nullptr (and MissingField) if absent or null.
  const json* need(std::string_view key) {
    if (d_.err) return nullptr;
    const auto it = obj_.find(key);
    if (it == obj_.end() || it->second.is_null()) {
      d_.fail(at(key), DecodeErrorKind::MissingField, "missing");
      return nullptr;
    }
    return &it->second;
  }
  /// Optional member; nullptr if absent or null.
  const json* maybe(std::string_view key) {
    if (d_.err) return nullptr;
    const auto it = obj_.find(key);
    return it == obj_.end() || it->second.is_null() ? nullptr : &it->second;
  }

  std::string str(std::string_view key, Str rule) {
    const json* v = need(key);
    return v ? d_.str(*v, at(key), rule) : std::string{};
  }
  std::optional<std::string> opt_str(std::string_view key, Str rule) {
    const json* v = maybe(key);
    if (!v) return std::nullopt;
    return d_.str(*v, at(key), rule);
  }
  std::int64_t i64(std::string_view key, std::int64_t lo, std::int64_t hi) {
    const json* v = need(key);
    return v ? d_.i64(*v, at(key), lo, hi) : 0;
  }
  std::optional<std::int64_t> opt_i64(std::string_view key, std::int64_t lo, std::int64_t hi) {
    const json* v = maybe(key);
    if (!v) return std::nullopt;
    return d_.i64(*v, at(key), lo, hi);
  }
  std::uint64_t u64(std::string_view key, std::uint64_t lo, std::uint64_t hi) {
    const json* v = need(key);
    return v ? d_.u64(*v, at(key), lo, hi) : 0;
  }
  std::uint64_t seq(std::string_view key) { return u64(key, 1, kMaxSeq); }
  std::optional<std::uint64_t> opt_seq(std::string_view key) {
    const json* v = maybe(key);
    if (!v) return std::nullopt;
    return d_.u64(*v, at(key), 1, kMaxSeq);
  }
  std::int64_t time_ms(std::string_view key) { return i64(key, 0, kMaxTimeMs); }
  std::optional<std::int64_t> opt_time_ms(std::string_view key) { return opt_i64(key, 0, kMaxTimeMs); }
  std::int64_t offset_ms(std::string_view key) { return i64(key, -kMaxTimeMs, kMaxTimeMs); }
  std::int32_t count(std::string_view key) {
    return static_cast<std::int32_t>(i64(key, 0, std::numeric_limits<std::int32_t>::max()));
  }
  bool boolean(std::string_view key) {
    const json* v = need(key);
    return v ? d_.boolean(*v, at(key)) : false;
  }
  template <class E, class Parse>
  E enumeration(std::string_view key, Parse parse, std::string_view expected) {
    const json* v = need(key);
    return v ? d_.enumeration<E>(*v, at(key), parse, expected) : E{};
  }
  template <class E, class Parse>
  std::optional<E> opt_enumeration(std::string_view key, Parse parse, std::string_view expected) {
    const json* v = maybe(key);
    if (!v) return std::nullopt;
    return d_.enumeration<E>(*v, at(key), parse, expected);
  }

  template <class T>
  void object(std::string_view key, T& out) {
    const json* v = need(key);
    if (v) read_object(*v, at(key), out);
  }

  /// Array member; calls each(element, path) for every element.
  template <class Each>
  void array(std::string_view key, std::size_t max_items, Each each) {
    const json* v = need(key);
    if (!v) return;
    const Path where = at(key);
    const auto* arr = v->get_ptr<const json::array_t*>();
    if (arr == nullptr) {
      d_.wrong_type(where, *v, "an array");
      return;
    }
    if (arr->size() > max_items) {
      d_.bad(where, "has " + std::to_string(arr->size()) + " entries, at most " + std::to_string(max_items) +
                        " allowed");
      return;
    }
    for (std::size_t i = 0; i < arr->size() && !d_.err; ++i) {
      each((*arr)[i], Path{&where, {}, i});
    }
  }
  template <class T>
  void objects(std::string_view key, std::vector<T>& out, std::size_t max_items = SIZE_MAX) {
    array(key, max_items, [&](const json& e, const Path& p) {
      if (out.empty()) out.reserve(std::min<std::size_t>(max_items, 64));
      read_object(e, p, out.emplace_back());
    });
  }
  void strs(std::string_view key, std::vector<std::string>& out, Str rule, std::size_t max_items = SIZE_MAX) {
    array(key, max_items, [&](const json& e, const Path& p) { out.push_back(d_.str(e, p, rule)); });
  }
  template <class E, class Parse>
  void enums(std::string_view key, std::vector<E>& out, Parse parse, std::string_view expected, std::size_t max_items) {
    array(key, max_items, [&](const json& e, const Path& p) { out.push_back(d_.enumeration<E>(e, p, parse, expected)); });
  }

  template <class T>
  void read_object(const json& v, const Path& where, T& out) {
    const auto* obj = v.get_ptr<const json::object_t*>();
    if (obj == nullptr) {
      d_.wrong_type(where, v, "an object");
      return;
    }
    Fields sub(*obj, &where, d_);
    read(sub, out);
  }

 private:
  const json::object_t& obj_;
  const Path* path_;
  Decoder& d_;
};

// ------------------------------------------------------------------ readers

template <>
void read(Fields& f, Hello& m) {
  m.reader_id = f.str("reader_id", Str::Id);
  m.agent_version = f.str("agent_version", Str::Token);
  m.agent_clock_ms = f.time_ms("agent_clock_ms");
}

template <>
void read(Fields& f, Tap& m) {
  m.reader_id = f.str("reader_id", Str::Id);
  m.seq = f.seq("seq");
  m.badge_uid = f.str("badge_uid", Str::Uid);
  m.direction = f.opt_enumeration<Direction>("direction", direction_from_string, "in|out");
  m.at_ms = f.time_ms("at_ms");
  m.clock_offset_ms = f.offset_ms("clock_offset_ms");
}

template <>
void read(Fields& f, Heartbeat& m) {
  m.reader_id = f.str("reader_id", Str::Id);
  m.agent_clock_ms = f.time_ms("agent_clock_ms");
  m.outbox_depth = f.u64("outbox_depth", 0, kMaxSeq);
  m.reader_state = f.enumeration<ReaderState>("reader_state", reader_state_from_string, "ok|no_reader|error");
  m.reader_detail = f.str("reader_detail", Str::Text);
  m.agent_version = f.str("agent_version", Str::Token);
}

template <>
void read(Fields& f, Welcome& m) {
  m.hub_clock_ms = f.time_ms("hub_clock_ms");
  m.reader_known = f.boolean("reader_known");
  m.message = f.str("message", Str::Text);
  m.last_seq = f.opt_seq("last_seq");
}

constexpr std::string_view kVerdicts =
    "present|late|checked_out|walk_in|unknown_badge|duplicate|not_in_window|unknown_reader";

template <>
void read(Fields& f, Ack& m) {
  m.reader_id = f.str("reader_id", Str::Id);
  m.seq = f.seq("seq");
  m.verdict = f.enumeration<Verdict>("verdict", verdict_from_string, kVerdicts);
  m.text = f.str("text", Str::Text);
  m.hub_clock_ms = f.time_ms("hub_clock_ms");
}

template <>
void read(Fields& f, Error& m) {
  m.code = f.str("code", Str::Token);
  m.message = f.str("message", Str::Text);
}

template <>
void read(Fields& f, SnapshotRequest& m) {
  m.meeting_id = f.str("meeting_id", Str::Id);
}

template <>
void read(Fields& f, MeetingListRequest& m) {
  m.day = f.opt_str("day", Str::Day);
}

template <>
void read(Fields& f, AttendeeState& m) {
  m.person_id = f.str("person_id", Str::Id);
  m.name = f.str("name", Str::Text);
  m.unit = f.str("unit", Str::Text);
  m.status = f.enumeration<AttendanceStatus>("status", status_from_string,
                                             "present|late|absent|excused|substituted|not_arrived|overdue");
  f.enums<AttendanceFlag>("flags", m.flags, flag_from_string, "left_early|left_mid_meeting|no_checkout", 8);
  m.first_in_ms = f.opt_time_ms("first_in_ms");
  m.last_out_ms = f.opt_time_ms("last_out_ms");
  m.late_minutes = f.count("late_minutes");
  m.early_minutes = f.count("early_minutes");
  m.substitute = f.opt_str("substitute", Str::Text);
  m.inside = f.boolean("inside");
}

template <>
void read(Fields& f, Summary& m) {
  m.expected = f.count("expected");
  m.present = f.count("present");
  m.late = f.count("late");
  m.absent = f.count("absent");
  m.excused = f.count("excused");
  m.substituted = f.count("substituted");
  m.not_arrived = f.count("not_arrived");
  m.left_early = f.count("left_early");
  m.left_mid_meeting = f.count("left_mid_meeting");
  m.no_checkout = f.count("no_checkout");
  m.walk_ins = f.count("walk_ins");
  m.unknown_badges = f.count("unknown_badges");
}

template <>
void read(Fields& f, TapEvent& m) {
  m.tap_id = f.seq("tap_id");
  m.reader_id = f.str("reader_id", Str::Id);
  m.venue_id = f.str("venue_id", Str::Id);
  m.badge_uid = f.str("badge_uid", Str::Uid);
  m.person_id = f.opt_str("person_id", Str::Id);
  m.name = f.opt_str("name", Str::Text);
  m.at_ms = f.time_ms("at_ms");
  m.direction = f.opt_enumeration<Direction>("direction", direction_from_string, "in|out");
  m.verdict = f.enumeration<Verdict>("verdict", verdict_from_string, kVerdicts);
}

template <>
void read(Fields& f, ReaderHealth& m) {
  m.reader_id = f.str("reader_id", Str::Id);
  m.venue_id = f.str("venue_id", Str::Id);
  m.online = f.boolean("online");
  m.last_seen_ms = f.opt_time_ms("last_seen_ms");
  m.outbox_depth = f.u64("outbox_depth", 0, kMaxSeq);
  m.clock_offset_ms = f.offset_ms("clock_offset_ms");
  m.agent_version = f.str("agent_version", Str::TokenOrEmpty);
  m.reader_state = f.opt_enumeration<ReaderState>("reader_state", reader_state_from_string, "ok|no_reader|error");
  m.alarm = f.boolean("alarm");
}

template <>
void read(Fields& f, Alarm& m) {
  m.reader_id = f.str("reader_id", Str::Id);
  m.message = f.str("message", Str::Text);
  m.active = f.boolean("active");
}

void check_interval(Fields& f, std::int64_t start_ms, std::int64_t end_ms) {
  if (!f.failed() && end_ms < start_ms) f.decoder().bad(f.at("end_ms"), "is before start_ms");
}

template <>
void read(Fields& f, MeetingInfo& m) {
  m.id = f.str("id", Str::Id);
  m.title = f.str("title", Str::Text);
  f.strs("venues", m.venues, Str::Id, kMaxVenuesPerMeeting);
  if (f.maybe("venue_names")) f.strs("venue_names", m.venue_names, Str::Text, kMaxVenuesPerMeeting);
  m.start_ms = f.time_ms("start_ms");
  m.end_ms = f.time_ms("end_ms");
  check_interval(f, m.start_ms, m.end_ms);
  m.late_grace_s = f.count("late_grace_s");
  m.early_grace_s = f.count("early_grace_s");
  m.opening_ms = f.time_ms("opening_ms");
  m.checkout_required = f.boolean("checkout_required");
  m.finalized = f.boolean("finalized");
}

template <>
void read(Fields& f, WalkIn& m) {
  m.person_id = f.str("person_id", Str::Id);
  m.name = f.str("name", Str::Text);
  m.unit = f.str("unit", Str::Text);
  m.first_in_ms = f.opt_time_ms("first_in_ms");
}

template <>
void read(Fields& f, Snapshot& m) {
  f.object("meeting", m.meeting);
  m.seq = f.u64("seq", 0, kMaxSeq);
  m.hub_clock_ms = f.time_ms("hub_clock_ms");
  f.object("summary", m.summary);
  f.objects("attendees", m.attendees);
  f.objects("walk_ins", m.walk_ins);
  f.strs("unknown_badges", m.unknown_badges, Str::Uid);
  f.objects("recent_taps", m.recent_taps, kMaxRecentTaps);
  f.objects("readers", m.readers);
}

template <>
void read(Fields& f, MeetingListEntry& m) {
  m.id = f.str("id", Str::Id);
  m.title = f.str("title", Str::Text);
  f.strs("venues", m.venues, Str::Id, kMaxVenuesPerMeeting);
  m.start_ms = f.time_ms("start_ms");
  m.end_ms = f.time_ms("end_ms");
  check_interval(f, m.start_ms, m.end_ms);
  m.state = f.enumeration<MeetingState>("state", meeting_state_from_string,
                                        "scheduled|open|in_progress|ended|finalized");
}

template <>
void read(Fields& f, MeetingList& m) {
  f.objects("meetings", m.meetings);
}

template <std::size_t I = 0>
void read_payload(Fields& f, std::string_view kind, const json& payload, UpdatePayload& out) {
  if constexpr (I < std::variant_size_v<UpdatePayload>) {
    if (kind == kUpdateKinds[I]) {
      f.read_object(payload, f.at("payload"), out.emplace<I>());
      return;
    }
    read_payload<I + 1>(f, kind, payload, out);
  } else {
    std::string expected;
    for (auto k : kUpdateKinds) expected.append(expected.empty() ? "" : "|").append(k);
    f.decoder().fail(f.at("kind"), DecodeErrorKind::UnknownType,
                     "unknown update kind '" + escape_for_detail(kind) + "' (expected " + expected + ")");
  }
}

template <>
void read(Fields& f, Update& m) {
  m.meeting_id = f.str("meeting_id", Str::IdOrEmpty);
  m.seq = f.seq("seq");
  const json* kind = f.need("kind");
  const json* payload = f.need("payload");
  if (kind == nullptr || payload == nullptr) return;
  const auto* k = kind->get_ptr<const json::string_t*>();
  if (k == nullptr) return f.decoder().wrong_type(f.at("kind"), *kind, "a string");
  read_payload(f, *k, *payload, m.payload);
}

// ------------------------------------------------------------------ top level

template <class Msg>
struct Alternatives;
template <class... Ts>
struct Alternatives<std::variant<Ts...>> {
  static std::optional<std::variant<Ts...>> read(std::string_view type, Fields& f) {
    std::optional<std::variant<Ts...>> result;
    (void)((type == kWireType<Ts> ? (rollcall::protocol::read(f, result.emplace().template emplace<Ts>()), true)
                                  : false) ||
           ...);
    return result;
  }
  static std::string names() {
    std::string s;
    ((s.append(s.empty() ? "" : "|").append(kWireType<Ts>)), ...);
    return s;
  }
};
template <>
struct Alternatives<Update> {
  static std::optional<Update> read(std::string_view type, Fields& f) {
    if (type != kWireType<Update>) return std::nullopt;
    std::optional<Update> result(std::in_place);
    rollcall::protocol::read(f, *result);
    return result;
  }
  static std::string names() { return std::string(kWireType<Update>); }
};

template <class Msg>
DecodeResult<Msg> decode_frame(std::string_view bytes, std::size_t max_bytes) noexcept {
  try {
    if (bytes.size() > max_bytes) {
      return DecodeError{DecodeErrorKind::Oversized, "frame is " + std::to_string(bytes.size()) +
                                                         " bytes, at most " + std::to_string(max_bytes) + " allowed"};
    }
    // nlohmann's lexer takes a NUL byte for end of input, so "{...}\0junk"
    // would pass; a raw NUL is never valid JSON anyway.
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
      return DecodeError{DecodeErrorKind::Malformed, "not valid JSON: NUL byte at offset " + std::to_string(nul)};
    }
    json root;
    DomBuilder builder(root);
    if (!json::sax_parse(bytes.begin(), bytes.end(), &builder)) {
      return DecodeError{DecodeErrorKind::Malformed, builder.error()};
    }
    const auto* obj = root.get_ptr<const json::object_t*>();
    if (obj == nullptr) {
      return DecodeError{DecodeErrorKind::Malformed, std::string("frame must be a JSON object, got ") + root.type_name()};
    }
    Decoder d;
    Fields f(*obj, nullptr, d);
    const json* v = f.need("v");
    if (v == nullptr) return std::move(*d.err);
    if (!v->is_number_integer()) {
      d.wrong_type(f.at("v"), *v, "an integer");
      return std::move(*d.err);
    }
    if (!(v->is_number_unsigned() && v->get<std::uint64_t>() == static_cast<std::uint64_t>(kProtocolVersion))) {
      return DecodeError{DecodeErrorKind::UnsupportedVersion, "v: protocol version " + v->dump() +
                                                                  " is not supported (this build speaks " +
                                                                  std::to_string(kProtocolVersion) + ")"};
    }
    const json* type = f.need("type");
    if (type == nullptr) return std::move(*d.err);
    const auto* t = type->get_ptr<const json::string_t*>();
    if (t == nullptr) {
      d.wrong_type(f.at("type"), *type, "a string");
      return std::move(*d.err);
    }
    auto msg = Alternatives<Msg>::read(*t, f);
    if (d.err) return std::move(*d.err);
    if (!msg) {
      return DecodeError{DecodeErrorKind::UnknownType, "type: '" + escape_for_detail(*t) +
                                                           "' is not valid here (expected " +
                                                           Alternatives<Msg>::names() + ")"};
    }
    return DecodeResult<Msg>(std::in_place_index<0>, std::move(*msg));
  } catch (const std::bad_alloc&) {
    return DecodeError{DecodeErrorKind::Oversized, "out of memory while decoding"};
  } catch (const std::exception& e) {
    return DecodeError{DecodeErrorKind::Malformed, "internal decoder error: " + escape_for_detail(e.what(), 200)};
  }
}

// ------------------------------------------------------------------ writers

// Writes one JSON object straight into a string, in field order ("v" and
// "type" first, for readable logs). The hub encodes two or three messages per
// tap, so this avoids building a DOM only to print it. Strings are UTF-8;
// invalid sequences become U+FFFD, as nlohmann's error_handler_t::replace does.
class JsonWriter {
 public:
  JsonWriter() { out_.reserve(256); out_ += '{'; }

  class Field {
   public:
    Field(JsonWriter& w, std::string_view key) : w_(w) {
      w_.comma();
      w_.string(key);
      w_.out_ += ':';
    }
    void operator=(std::string_view v) { w_.string(v); }
    void operator=(const std::string& v) { w_.string(v); }
    void operator=(const char* v) { w_.string(v); }
    void operator=(bool v) { w_.out_ += v ? "true" : "false"; }
    void operator=(std::int64_t v) { w_.number(v); }
    void operator=(std::int32_t v) { w_.number(static_cast<std::int64_t>(v)); }
    void operator=(std::uint64_t v) {
      char buf[24];
      const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
      w_.out_.append(buf, end);
    }
    void operator=(const std::vector<std::string>& v) {
      w_.out_ += '[';
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) w_.out_ += ',';
        w_.string(v[i]);
      }
      w_.out_ += ']';
    }
    /// A nested object or array, already written.
    void raw(std::string_view json) { w_.out_ += json; }

   private:
    JsonWriter& w_;
  };

  Field operator[](std::string_view key) { return Field(*this, key); }

  std::string finish() && {
    out_ += '}';
    return std::move(out_);
  }

 private:
  void comma() {
    if (out_.size() > 1) out_ += ',';
  }
  void number(std::int64_t v) {
    char buf[24];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
  }
  void string(std::string_view s) {
    static constexpr char kHex[] = "0123456789abcdef";
    out_ += '"';
    for (std::size_t i = 0; i < s.size();) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c < 0x80) {
        switch (c) {
          case '"': out_ += "\\\""; break;
          case '\\': out_ += "\\\\"; break;
          case '\b': out_ += "\\b"; break;
          case '\f': out_ += "\\f"; break;
          case '\n': out_ += "\\n"; break;
          case '\r': out_ += "\\r"; break;
          case '\t': out_ += "\\t"; break;
          default:
            if (c < 0x20) {
              out_ += "\\u00";
              out_ += kHex[c >> 4];
              out_ += kHex[c & 0x0f];
            } else {
              out_ += static_cast<char>(c);
            }
        }
        ++i;
        continue;
      }
      const std::size_t len = common::decodeUtf8(s, i).length;
      if (len == 0) {
        out_ += "\xEF\xBF\xBD";  // U+FFFD for an invalid byte
        ++i;
      } else {
        out_.append(s.data() + i, len);
        i += len;
      }
    }
    out_ += '"';
  }

  std::string out_;
};


void fill(JsonWriter& j, const Hello& m) {
  j["reader_id"] = m.reader_id;
  j["agent_version"] = m.agent_version;
  j["agent_clock_ms"] = m.agent_clock_ms;
}

void fill(JsonWriter& j, const Tap& m) {
  j["reader_id"] = m.reader_id;
  j["seq"] = m.seq;
  j["badge_uid"] = m.badge_uid;
  if (m.direction) j["direction"] = to_string(*m.direction);
  j["at_ms"] = m.at_ms;
  j["clock_offset_ms"] = m.clock_offset_ms;
}

void fill(JsonWriter& j, const Heartbeat& m) {
  j["reader_id"] = m.reader_id;
  j["agent_clock_ms"] = m.agent_clock_ms;
  j["outbox_depth"] = m.outbox_depth;
  j["reader_state"] = to_string(m.reader_state);
  j["reader_detail"] = m.reader_detail;
  j["agent_version"] = m.agent_version;
}

void fill(JsonWriter& j, const Welcome& m) {
  j["hub_clock_ms"] = m.hub_clock_ms;
  j["reader_known"] = m.reader_known;
  j["message"] = m.message;
  if (m.last_seq) j["last_seq"] = *m.last_seq;
}

void fill(JsonWriter& j, const Ack& m) {
  j["reader_id"] = m.reader_id;
  j["seq"] = m.seq;
  j["verdict"] = to_string(m.verdict);
  j["text"] = m.text;
  j["hub_clock_ms"] = m.hub_clock_ms;
}

void fill(JsonWriter& j, const Error& m) {
  j["code"] = m.code;
  j["message"] = m.message;
}

void fill(JsonWriter& j, const SnapshotRequest& m) { j["meeting_id"] = m.meeting_id; }

void fill(JsonWriter& j, const MeetingListRequest& m) {
  if (m.day) j["day"] = *m.day;
}

void fill(JsonWriter& j, const AttendeeState& m) {
  j["person_id"] = m.person_id;
  j["name"] = m.name;
  j["unit"] = m.unit;
  j["status"] = to_string(m.status);
  std::vector<std::string> flags;
  for (auto f : m.flags) flags.emplace_back(to_string(f));
  j["flags"] = flags;
  if (m.first_in_ms) j["first_in_ms"] = *m.first_in_ms;
  if (m.last_out_ms) j["last_out_ms"] = *m.last_out_ms;
  j["late_minutes"] = m.late_minutes;
  j["early_minutes"] = m.early_minutes;
  if (m.substitute) j["substitute"] = *m.substitute;
  j["inside"] = m.inside;
}

void fill(JsonWriter& j, const Summary& m) {
  j["expected"] = m.expected;
  j["present"] = m.present;
  j["late"] = m.late;
  j["absent"] = m.absent;
  j["excused"] = m.excused;
  j["substituted"] = m.substituted;
  j["not_arrived"] = m.not_arrived;
  j["left_early"] = m.left_early;
  j["left_mid_meeting"] = m.left_mid_meeting;
  j["no_checkout"] = m.no_checkout;
  j["walk_ins"] = m.walk_ins;
  j["unknown_badges"] = m.unknown_badges;
}

void fill(JsonWriter& j, const TapEvent& m) {
  j["tap_id"] = m.tap_id;
  j["reader_id"] = m.reader_id;
  j["venue_id"] = m.venue_id;
  j["badge_uid"] = m.badge_uid;
  if (m.person_id) j["person_id"] = *m.person_id;
  if (m.name) j["name"] = *m.name;
  j["at_ms"] = m.at_ms;
  if (m.direction) j["direction"] = to_string(*m.direction);
  j["verdict"] = to_string(m.verdict);
}

void fill(JsonWriter& j, const ReaderHealth& m) {
  j["reader_id"] = m.reader_id;
  j["venue_id"] = m.venue_id;
  j["online"] = m.online;
  if (m.last_seen_ms) j["last_seen_ms"] = *m.last_seen_ms;
  j["outbox_depth"] = m.outbox_depth;
  j["clock_offset_ms"] = m.clock_offset_ms;
  j["agent_version"] = m.agent_version;
  if (m.reader_state) j["reader_state"] = to_string(*m.reader_state);
  j["alarm"] = m.alarm;
}

void fill(JsonWriter& j, const Alarm& m) {
  j["reader_id"] = m.reader_id;
  j["message"] = m.message;
  j["active"] = m.active;
}

void fill(JsonWriter& j, const MeetingInfo& m) {
  j["id"] = m.id;
  j["title"] = m.title;
  j["venues"] = m.venues;
  if (!m.venue_names.empty()) j["venue_names"] = m.venue_names;
  j["start_ms"] = m.start_ms;
  j["end_ms"] = m.end_ms;
  j["late_grace_s"] = m.late_grace_s;
  j["early_grace_s"] = m.early_grace_s;
  j["opening_ms"] = m.opening_ms;
  j["checkout_required"] = m.checkout_required;
  j["finalized"] = m.finalized;
}

void fill(JsonWriter& j, const WalkIn& m) {
  j["person_id"] = m.person_id;
  j["name"] = m.name;
  j["unit"] = m.unit;
  if (m.first_in_ms) j["first_in_ms"] = *m.first_in_ms;
}

void fill(JsonWriter& j, const MeetingListEntry& m) {
  j["id"] = m.id;
  j["title"] = m.title;
  j["venues"] = m.venues;
  j["start_ms"] = m.start_ms;
  j["end_ms"] = m.end_ms;
  j["state"] = to_string(m.state);
}

template <class T>
std::string object_of(const T& m) {
  JsonWriter j;
  fill(j, m);
  return std::move(j).finish();
}

template <class T>
std::string array_of(const std::vector<T>& items) {
  std::string a = "[";
  for (const auto& item : items) {
    if (a.size() > 1) a += ',';
    a += object_of(item);
  }
  a += ']';
  return a;
}

void fill(JsonWriter& j, const Snapshot& m) {
  j["meeting"].raw(object_of(m.meeting));
  j["seq"] = m.seq;
  j["hub_clock_ms"] = m.hub_clock_ms;
  j["summary"].raw(object_of(m.summary));
  j["attendees"].raw(array_of(m.attendees));
  j["walk_ins"].raw(array_of(m.walk_ins));
  j["unknown_badges"] = m.unknown_badges;
  j["recent_taps"].raw(array_of(m.recent_taps));
  j["readers"].raw(array_of(m.readers));
}

void fill(JsonWriter& j, const MeetingList& m) { j["meetings"].raw(array_of(m.meetings)); }

void fill(JsonWriter& j, const Update& m) {
  j["meeting_id"] = m.meeting_id;
  j["seq"] = m.seq;
  j["kind"] = kind_name(m.payload);
  j["payload"].raw(std::visit([](const auto& p) { return object_of(p); }, m.payload));
}

template <class T>
std::string encode_message(const T& m) {
  JsonWriter j;
  j["v"] = std::int64_t{kProtocolVersion};
  j["type"] = kWireType<T>;
  fill(j, m);
  return std::move(j).finish();
}

}  // namespace

std::string_view kind_name(const UpdatePayload& payload) noexcept { return kUpdateKinds[payload.index()]; }

Error to_error_message(const DecodeError& error) { return Error{std::string(to_string(error.kind)), error.detail}; }

template <>
DecodeResult<AgentMessage> decode<AgentToHub>(std::string_view bytes) noexcept {
  return decode_frame<AgentMessage>(bytes, AgentToHub::kMaxBytes);
}
template <>
DecodeResult<HubMessage> decode<HubToAgent>(std::string_view bytes) noexcept {
  return decode_frame<HubMessage>(bytes, HubToAgent::kMaxBytes);
}
template <>
DecodeResult<QueryRequest> decode<QueryToHub>(std::string_view bytes) noexcept {
  return decode_frame<QueryRequest>(bytes, QueryToHub::kMaxBytes);
}
template <>
DecodeResult<QueryReply> decode<HubToQuery>(std::string_view bytes) noexcept {
  return decode_frame<QueryReply>(bytes, HubToQuery::kMaxBytes);
}
template <>
DecodeResult<Update> decode<LiveFeed>(std::string_view bytes) noexcept {
  return decode_frame<Update>(bytes, LiveFeed::kMaxBytes);
}

std::string encode(const Hello& m) { return encode_message(m); }
std::string encode(const Tap& m) { return encode_message(m); }
std::string encode(const Heartbeat& m) { return encode_message(m); }
std::string encode(const Welcome& m) { return encode_message(m); }
std::string encode(const Ack& m) { return encode_message(m); }
std::string encode(const Error& m) { return encode_message(m); }
std::string encode(const SnapshotRequest& m) { return encode_message(m); }
std::string encode(const Snapshot& m) { return encode_message(m); }
std::string encode(const MeetingListRequest& m) { return encode_message(m); }
std::string encode(const MeetingList& m) { return encode_message(m); }
std::string encode(const Update& m) { return encode_message(m); }
std::string encode(const AgentMessage& m) {
  return std::visit([](const auto& x) { return encode_message(x); }, m);
}
std::string encode(const HubMessage& m) {
  return std::visit([](const auto& x) { return encode_message(x); }, m);
}
std::string encode(const QueryRequest& m) {
  return std::visit([](const auto& x) { return encode_message(x); }, m);
}
std::string encode(const QueryReply& m) {
  return std::visit([](const auto& x) { return encode_message(x); }, m);
}

}  // namespace rollcall::protocol
