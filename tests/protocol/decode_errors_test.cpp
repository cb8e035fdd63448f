// Table-driven rejection of malformed, oversized and invalid frames.
#include "protocol/codec.h"
#include "tests/protocol/sample_messages.h"

#include <functional>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace rollcall::protocol {
namespace {

using nlohmann::json;
using Kind = DecodeErrorKind;

enum class Ch { Agent, Hub, Query, Reply, Live };

std::optional<DecodeError> decode_on(Ch ch, std::string_view bytes)
{
    auto error_of = [](const auto& r) -> std::optional<DecodeError> {
        if (r.ok()) return std::nullopt;
        return r.error();
    };
    switch (ch) {
    case Ch::Agent: return error_of(decode<AgentToHub>(bytes));
    case Ch::Hub: return error_of(decode<HubToAgent>(bytes));
    case Ch::Query: return error_of(decode<QueryToHub>(bytes));
    case Ch::Reply: return error_of(decode<HubToQuery>(bytes));
    case Ch::Live: return error_of(decode<LiveFeed>(bytes));
    }
    return std::nullopt;
}

json tap_json() { return json::parse(encode(test::sample_tap())); }
json heartbeat_json()
{
    return json::parse(encode(Heartbeat{"door-1", 1718000000000, 0, ReaderState::Ok, "", "0.1.0"}));
}
json ack_json() { return json::parse(encode(Ack{"door-1", 1, Verdict::Present, "ok", 1})); }
json snapshot_json() { return json::parse(encode(test::sample_snapshot())); }
json update_json() { return json::parse(encode(Update{"m1", 3, test::sample_attendee()})); }

std::string with(json j, const std::function<void(json&)>& edit)
{
    edit(j);
    return j.dump();
}

struct Case {
    const char* name;
    Ch channel;
    std::string bytes;
    Kind kind;
    const char* detail_contains;
};

// Keeps ctest names readable (no byte dump of the parameter).
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string nested(std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

std::vector<Case> cases()
{
    const std::string tap = tap_json().dump();
    return {
        // ---- framing and JSON syntax
        {"empty", Ch::Agent, "", Kind::Malformed, "not valid JSON"},
        {"truncatedJson", Ch::Agent, tap.substr(0, tap.size() - 1), Kind::Malformed, "not valid JSON"},
        {"truncatedMidString", Ch::Agent, tap.substr(0, 20), Kind::Malformed, "not valid JSON"},
        {"trailingGarbage", Ch::Agent, tap + " x", Kind::Malformed, "not valid JSON"},
        {"twoObjects", Ch::Agent, tap + tap, Kind::Malformed, "not valid JSON"},
        {"array", Ch::Agent, "[1,2]", Kind::Malformed, "must be a JSON object, got array"},
        {"string", Ch::Agent, "\"tap\"", Kind::Malformed, "got string"},
        {"number", Ch::Agent, "42", Kind::Malformed, "got number"},
        {"null", Ch::Agent, "null", Kind::Malformed, "got null"},
        {"singleQuotes", Ch::Agent, "{'v':1}", Kind::Malformed, "not valid JSON"},
        {"comment", Ch::Agent, "{\"v\":1 /* hi */}", Kind::Malformed, "not valid JSON"},
        {"rawNulInString", Ch::Agent, std::string("{\"v\":1,\"type\":\"t\0p\"}", 20), Kind::Malformed,
         "not valid JSON"},
        {"rawNulAfterObject", Ch::Agent, tap + std::string(1, '\0') + "junk", Kind::Malformed, "NUL byte at offset"},
        {"invalidUtf8", Ch::Agent, "{\"v\":1,\"type\":\"\xff\xfe\"}", Kind::Malformed, "not valid JSON"},
        {"overlongUtf8", Ch::Agent, "{\"v\":1,\"type\":\"\xc0\xaf\"}", Kind::Malformed, "not valid JSON"},
        {"loneSurrogate", Ch::Agent, R"({"v":1,"type":"\ud800"})", Kind::Malformed, "not valid JSON"},
        {"duplicateKey", Ch::Agent, R"({"v":1,"type":"tap","v":1})", Kind::Malformed, "duplicate key 'v'"},
        {"deeplyNested", Ch::Agent, nested(30000), Kind::Malformed, "nested deeper than 16"},
        {"deeplyNestedInField", Ch::Agent, with(tap_json(), [](json& j) { j["x"] = json::parse(nested(17)); }),
         Kind::Malformed, "nested deeper"},
        {"deeplyNestedSnapshotChannel", Ch::Reply, nested(4'000'000), Kind::Malformed, "nested deeper"},
        {"deeplyNestedObjects", Ch::Agent,
         [] {
             std::string s;
             for (int i = 0; i < 5000; ++i) s += "{\"a\":";
             s += "1";
             s += std::string(5000, '}');
             return s;
         }(),
         Kind::Malformed, "nested deeper"},
        {"oversizedGarbage", Ch::Agent, std::string(kMaxFrameBytes + 1, 'x'), Kind::Oversized, "65537 bytes"},
        {"oversizedValidJson", Ch::Agent, tap + std::string(kMaxFrameBytes, ' '), Kind::Oversized, "at most 65536"},
        {"oversizedOnLiveFeed", Ch::Live, std::string(kMaxFrameBytes + 1, ' '), Kind::Oversized, "bytes"},
        {"oversizedSnapshot", Ch::Reply, std::string(kMaxSnapshotFrameBytes + 1, ' '), Kind::Oversized, "16777216"},
        // ---- version and type
        {"missingVersion", Ch::Agent, with(tap_json(), [](json& j) { j.erase("v"); }), Kind::MissingField,
         "v: missing"},
        {"version2", Ch::Agent, with(tap_json(), [](json& j) { j["v"] = 2; }), Kind::UnsupportedVersion,
         "protocol version 2"},
        {"version0", Ch::Agent, with(tap_json(), [](json& j) { j["v"] = 0; }), Kind::UnsupportedVersion, "version 0"},
        {"versionNegative", Ch::Agent, with(tap_json(), [](json& j) { j["v"] = -1; }), Kind::UnsupportedVersion,
         "version -1"},
        {"versionString", Ch::Agent, with(tap_json(), [](json& j) { j["v"] = "1"; }), Kind::BadField,
         "v: must be an integer, got string"},
        {"versionFloat", Ch::Agent, R"({"v":1.0,"type":"tap"})", Kind::BadField, "v: must be an integer"},
        {"version2WithUnknownType", Ch::Agent, R"({"v":2,"type":"tap2"})", Kind::UnsupportedVersion, "version 2"},
        {"missingType", Ch::Agent, with(tap_json(), [](json& j) { j.erase("type"); }), Kind::MissingField,
         "type: missing"},
        {"typeNotString", Ch::Agent, with(tap_json(), [](json& j) { j["type"] = 5; }), Kind::BadField,
         "type: must be a string"},
        {"unknownType", Ch::Agent, with(tap_json(), [](json& j) { j["type"] = "teleport"; }), Kind::UnknownType,
         "'teleport' is not valid here (expected hello|tap|heartbeat)"},
        {"hubTypeOnAgentChannel", Ch::Agent, ack_json().dump(), Kind::UnknownType, "'ack'"},
        {"agentTypeOnHubChannel", Ch::Hub, tap, Kind::UnknownType, "(expected welcome|ack|error)"},
        {"snapshotOnLiveFeed", Ch::Live, R"({"v":1,"type":"snapshot"})", Kind::UnknownType, "expected update"},
        // ---- tap fields
        {"missingReaderId", Ch::Agent, with(tap_json(), [](json& j) { j.erase("reader_id"); }), Kind::MissingField,
         "reader_id: missing"},
        {"nullReaderId", Ch::Agent, with(tap_json(), [](json& j) { j["reader_id"] = nullptr; }), Kind::MissingField,
         "reader_id: missing"},
        {"emptyReaderId", Ch::Agent, with(tap_json(), [](json& j) { j["reader_id"] = ""; }), Kind::BadField,
         "reader_id: must be 1..64"},
        {"readerIdWithSpace", Ch::Agent, with(tap_json(), [](json& j) { j["reader_id"] = "door 1"; }), Kind::BadField,
         "reader_id"},
        {"readerIdWithSlash", Ch::Agent, with(tap_json(), [](json& j) { j["reader_id"] = "a/b"; }), Kind::BadField,
         "reader_id"},
        {"readerIdTooLong", Ch::Agent, with(tap_json(), [](json& j) { j["reader_id"] = std::string(65, 'r'); }),
         Kind::BadField, "reader_id"},
        {"readerIdWithEscapedNul", Ch::Agent, R"({"v":1,"type":"tap","reader_id":"a\u0000b"})", Kind::BadField,
         "reader_id: must be 1..64 characters of [A-Za-z0-9._:-], got 'a\\x00b'"},
        {"readerIdNumber", Ch::Agent, with(tap_json(), [](json& j) { j["reader_id"] = 7; }), Kind::BadField,
         "reader_id: must be a string, got number"},
        {"missingSeq", Ch::Agent, with(tap_json(), [](json& j) { j.erase("seq"); }), Kind::MissingField,
         "seq: missing"},
        {"seqZero", Ch::Agent, with(tap_json(), [](json& j) { j["seq"] = 0; }), Kind::BadField, "seq: must be in [1, "},
        {"seqNegative", Ch::Agent, with(tap_json(), [](json& j) { j["seq"] = -5; }), Kind::BadField,
         "seq: must not be negative, got -5"},
        {"seqString", Ch::Agent, with(tap_json(), [](json& j) { j["seq"] = "42"; }), Kind::BadField,
         "seq: must be an integer, got string"},
        {"seqFloat", Ch::Agent, with(tap_json(), [](json& j) { j["seq"] = 4.5; }), Kind::BadField,
         "seq: must be an integer in range, got 4.5"},
        {"seqExponent", Ch::Agent, R"({"v":1,"type":"tap","reader_id":"r","seq":1e3})", Kind::BadField, "seq"},
        {"seqAboveInt64", Ch::Agent, R"({"v":1,"type":"tap","reader_id":"r","seq":9223372036854775808})",
         Kind::BadField, "seq: must be in [1, 9223372036854775807]"},
        {"seqAboveUint64", Ch::Agent, R"({"v":1,"type":"tap","reader_id":"r","seq":18446744073709551616})",
         Kind::BadField, "seq: must be an integer"},
        {"seqBool", Ch::Agent, with(tap_json(), [](json& j) { j["seq"] = true; }), Kind::BadField, "got boolean"},
        {"missingBadgeUid", Ch::Agent, with(tap_json(), [](json& j) { j.erase("badge_uid"); }), Kind::MissingField,
         "badge_uid: missing"},
        {"badUidHex", Ch::Agent, with(tap_json(), [](json& j) { j["badge_uid"] = "04A22B1G"; }), Kind::BadField,
         "badge_uid: must be 8..20 upper-case hex digits"},
        {"oddLengthUid", Ch::Agent, with(tap_json(), [](json& j) { j["badge_uid"] = "04A22B1C5"; }), Kind::BadField,
         "badge_uid"},
        {"lowerCaseUid", Ch::Agent, with(tap_json(), [](json& j) { j["badge_uid"] = "04a22b1c"; }), Kind::BadField,
         "badge_uid"},
        {"separatedUid", Ch::Agent, with(tap_json(), [](json& j) { j["badge_uid"] = "04:A2:2B:1C"; }), Kind::BadField,
         "badge_uid"},
        {"shortUid", Ch::Agent, with(tap_json(), [](json& j) { j["badge_uid"] = "04A22B"; }), Kind::BadField,
         "badge_uid"},
        {"longUid", Ch::Agent, with(tap_json(), [](json& j) { j["badge_uid"] = std::string(22, 'A'); }), Kind::BadField,
         "badge_uid"},
        {"badDirection", Ch::Agent, with(tap_json(), [](json& j) { j["direction"] = "sideways"; }), Kind::BadField,
         "direction: unknown value 'sideways' (expected in|out)"},
        {"upperCaseDirection", Ch::Agent, with(tap_json(), [](json& j) { j["direction"] = "IN"; }), Kind::BadField,
         "direction"},
        {"directionNumber", Ch::Agent, with(tap_json(), [](json& j) { j["direction"] = 1; }), Kind::BadField,
         "direction: must be a string"},
        {"negativeTime", Ch::Agent, with(tap_json(), [](json& j) { j["at_ms"] = -1; }), Kind::BadField,
         "at_ms: must not be negative"},
        {"timeBeyondYear9999", Ch::Agent, with(tap_json(), [](json& j) { j["at_ms"] = kMaxTimeMs + 1; }),
         Kind::BadField, "at_ms: must be in [0, 253402300799999]"},
        {"offsetBeyondItsRange", Ch::Agent, with(tap_json(), [](json& j) { j["clock_offset_ms"] = -kMaxTimeMs - 1; }),
         Kind::BadField, "clock_offset_ms: must be in [-253402300799999, 253402300799999]"},
        {"offsetMakingTheHubTimeNegative", Ch::Agent,
         with(tap_json(), [](json& j) { j["clock_offset_ms"] = -j["at_ms"].get<std::int64_t>() - 1; }), Kind::BadField,
         "clock_offset_ms: at_ms + clock_offset_ms (the hub time) must be in [0, 253402300799999]"},
        {"offsetMakingTheHubTimeBeyondYear9999", Ch::Agent,
         with(tap_json(), [](json& j) { j["clock_offset_ms"] = kMaxTimeMs; }), Kind::BadField,
         "clock_offset_ms: at_ms + clock_offset_ms (the hub time) must be in [0, 253402300799999]"},
        {"offsetString", Ch::Agent, with(tap_json(), [](json& j) { j["clock_offset_ms"] = "0"; }), Kind::BadField,
         "clock_offset_ms"},
        {"missingOffset", Ch::Agent, with(tap_json(), [](json& j) { j.erase("clock_offset_ms"); }), Kind::MissingField,
         "clock_offset_ms: missing"},
        // ---- heartbeat / hello
        {"badReaderState", Ch::Agent, with(heartbeat_json(), [](json& j) { j["reader_state"] = "broken"; }),
         Kind::BadField, "reader_state: unknown value 'broken' (expected ok|no_reader|error)"},
        {"negativeOutboxDepth", Ch::Agent, with(heartbeat_json(), [](json& j) { j["outbox_depth"] = -1; }),
         Kind::BadField, "outbox_depth: must not be negative"},
        {"escapedNulInText", Ch::Agent,
         with(heartbeat_json(), [](json& j) { j["reader_detail"] = std::string("a\0b", 3); }), Kind::BadField,
         "reader_detail: contains a NUL character"},
        {"textTooLong", Ch::Agent,
         with(heartbeat_json(), [](json& j) { j["reader_detail"] = std::string(kMaxTextBytes + 1, 'x'); }),
         Kind::BadField, "reader_detail: is 1025 bytes"},
        {"agentVersionWithSpace", Ch::Agent, with(heartbeat_json(), [](json& j) { j["agent_version"] = "1 0"; }),
         Kind::BadField, "agent_version"},
        {"helloMissingClock", Ch::Agent, R"({"v":1,"type":"hello","reader_id":"r","agent_version":"1"})",
         Kind::MissingField, "agent_clock_ms: missing"},
        // ---- hub -> agent
        {"badVerdict", Ch::Hub, with(ack_json(), [](json& j) { j["verdict"] = "ok"; }), Kind::BadField,
         "verdict: unknown value 'ok'"},
        {"ackSeqZero", Ch::Hub, with(ack_json(), [](json& j) { j["seq"] = 0; }), Kind::BadField, "seq"},
        {"welcomeKnownNotBool", Ch::Hub, R"({"v":1,"type":"welcome","hub_clock_ms":1,"reader_known":1,"message":""})",
         Kind::BadField, "reader_known: must be true or false, got number"},
        {"errorCodeEmpty", Ch::Hub, R"({"v":1,"type":"error","code":"","message":""})", Kind::BadField, "code"},
        // ---- query channel
        {"impossibleDay", Ch::Query, R"({"v":1,"type":"meeting_list_request","day":"2023-02-29"})", Kind::BadField,
         "day: must be a date YYYY-MM-DD, got '2023-02-29'"},
        {"shortDay", Ch::Query, R"({"v":1,"type":"meeting_list_request","day":"2024-2-3"})", Kind::BadField, "day"},
        {"snapshotRequestBadId", Ch::Query, R"({"v":1,"type":"snapshot_request","meeting_id":"meeting/1"})",
         Kind::BadField, "meeting_id"},
        {"tooManyRecentTaps", Ch::Reply,
         with(snapshot_json(),
              [](json& j) {
                  auto t = j["recent_taps"][0];
                  j["recent_taps"] = json::array();
                  for (int i = 0; i < 51; ++i) j["recent_taps"].push_back(t);
              }),
         Kind::BadField, "recent_taps: has 51 entries, at most 50 allowed"},
        {"nestedBadFlag", Ch::Reply, with(snapshot_json(), [](json& j) { j["attendees"][0]["flags"][1] = "napping"; }),
         Kind::BadField, "attendees[0].flags[1]: unknown value 'napping'"},
        {"nestedMissingField", Ch::Reply, with(snapshot_json(), [](json& j) { j["meeting"].erase("title"); }),
         Kind::MissingField, "meeting.title: missing"},
        {"attendeeNotObject", Ch::Reply, with(snapshot_json(), [](json& j) { j["attendees"][1] = "P-1"; }),
         Kind::BadField, "attendees[1]: must be an object, got string"},
        {"attendeesNotArray", Ch::Reply, with(snapshot_json(), [](json& j) { j["attendees"] = json::object(); }),
         Kind::BadField, "attendees: must be an array, got object"},
        {"badUnknownBadge", Ch::Reply, with(snapshot_json(), [](json& j) { j["unknown_badges"][1] = "xyz"; }),
         Kind::BadField, "unknown_badges[1]"},
        {"meetingEndsBeforeStart", Ch::Reply,
         with(snapshot_json(),
              [](json& j) { j["meeting"]["end_ms"] = j["meeting"]["start_ms"].get<std::int64_t>() - 1; }),
         Kind::BadField, "meeting.end_ms: is before start_ms"},
        {"negativeSummaryCount", Ch::Reply, with(snapshot_json(), [](json& j) { j["summary"]["late"] = -1; }),
         Kind::BadField, "summary.late: must not be negative"},
        {"summaryCountAboveInt32", Ch::Reply, with(snapshot_json(), [](json& j) { j["summary"]["late"] = 1LL << 31; }),
         Kind::BadField, "summary.late: must be in [0, 2147483647]"},
        // ---- live feed
        {"updateSeqZero", Ch::Live, with(update_json(), [](json& j) { j["seq"] = 0; }), Kind::BadField, "seq"},
        {"unknownUpdateKind", Ch::Live, with(update_json(), [](json& j) { j["kind"] = "weather"; }), Kind::UnknownType,
         "kind: unknown update kind 'weather'"},
        {"payloadNotObject", Ch::Live, with(update_json(), [](json& j) { j["payload"] = json::array(); }),
         Kind::BadField, "payload: must be an object, got array"},
        {"payloadMismatchesKind", Ch::Live, with(update_json(), [](json& j) { j["kind"] = "summary"; }),
         Kind::MissingField, "payload.expected: missing"},
        {"payloadBadStatus", Ch::Live, with(update_json(), [](json& j) { j["payload"]["status"] = "asleep"; }),
         Kind::BadField, "payload.status: unknown value 'asleep'"},
        {"missingPayload", Ch::Live, with(update_json(), [](json& j) { j.erase("payload"); }), Kind::MissingField,
         "payload: missing"},
    };
}

class DecodeErrors : public ::testing::TestWithParam<Case> {};

TEST_P(DecodeErrors, rejectsWithKindAndDetail)
{
    const Case& c = GetParam();
    const auto error = decode_on(c.channel, c.bytes);
    ASSERT_TRUE(error.has_value()) << "accepted: " << c.bytes.substr(0, 300);
    EXPECT_EQ(toString(error->kind), toString(c.kind)) << error->detail;
    EXPECT_NE(error->detail.find(c.detail_contains), std::string::npos)
        << "detail: " << error->detail << "\nexpected to contain: " << c.detail_contains;
}

INSTANTIATE_TEST_SUITE_P(Table, DecodeErrors, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

TEST(DecodeErrorsDetail, isPrintableAsciiForHostileBytes)
{
    const auto error = decode_on(Ch::Agent, "{\"v\":1,\"type\":\"\x01\x02\xe5\xbc\xa0\"}");
    ASSERT_TRUE(error.has_value());
    for (char c : error->detail) {
        EXPECT_TRUE(c >= 0x20 && c < 0x7f) << "byte " << static_cast<int>(static_cast<unsigned char>(c));
    }
}

TEST(DecodeErrorsDetail, convertsToErrorMessageForTheClient)
{
    const auto error = decode_on(Ch::Agent, R"({"v":2,"type":"tap"})");
    ASSERT_TRUE(error.has_value());
    const Error reply = toErrorMessage(*error);
    EXPECT_EQ(reply.code, "unsupported_version");
    EXPECT_EQ(reply.message, error->detail);
    EXPECT_TRUE(decode<HubToAgent>(encode(reply)).ok());
}

} // namespace
} // namespace rollcall::protocol
