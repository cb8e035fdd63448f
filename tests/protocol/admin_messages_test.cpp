// The admin messages of the query channel (docs/protocol.md §5.8a–§5.8c): a
// request and a reply with files round-trip byte for byte, so do a cancel and
// a progress figure, a request asks for progress only when it says so, and
// bad ones are refused naming the field.
#include "protocol/base64.h"
#include "protocol/codec.h"

#include <gtest/gtest.h>

namespace rollcall::protocol {
namespace {

std::string allBytes()
{
    std::string s;
    for (int i = 0; i < 256; ++i) s += static_cast<char>(i);
    return s;
}

TEST(AdminMessages, aRequestWithAnInputFileRoundTrips)
{
    const AdminRequest m{"r-1",
                         {"notices", "issue", "--period", "2026-11", "--policy", "政策.toml"},
                         {{"政策.toml", toBase64("[notices]\nnumber_format = \"x{n}\"\n")}}};
    const auto decoded = decode<QueryToHub>(encode(m));
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(std::get<AdminRequest>(decoded.value()), m);
}

TEST(AdminMessages, aReplyWithBinaryFilesAndLongOutputRoundTrips)
{
    const AdminReply m{
        "r-1", 0, std::string(5000, 'x') + "\n签到表\n", "warning\n", {{"out/a.pdf", toBase64(allBytes())}}};
    const auto decoded = decode<HubToQuery>(encode(QueryReply{m}));
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    const auto& back = std::get<AdminReply>(decoded.value());
    EXPECT_EQ(back, m);
    EXPECT_EQ(fromBase64(back.files.front().bytes_base64), allBytes());
}

TEST(AdminMessages, aCancelRoundTripsAndNamesItsRequest)
{
    const AdminCancel m{"desk-4153"};
    const auto bytes = encode(QueryRequest{m});
    EXPECT_EQ(bytes, R"({"v":1,"type":"admin_cancel","request_id":"desk-4153"})");
    const auto decoded = decode<QueryToHub>(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(std::get<AdminCancel>(decoded.value()), m);
    // Only the client sends it: the hub's replies never carry one.
    EXPECT_FALSE(decode<HubToQuery>(bytes).ok());
}

TEST(AdminMessages, aRequestAsksForProgressOnlyWhenItSaysSo)
{
    // An older client's request has no "progress": it is encoded and decoded as before.
    const AdminRequest old{"r-1", {"status", "--meeting", "m1"}, {}, std::nullopt};
    EXPECT_EQ(encode(old), R"({"v":1,"type":"admin_request","request_id":"r-1","argv":["status","--meeting","m1"]})");
    AdminRequest asking = old;
    asking.progress = true;
    const auto bytes = encode(asking);
    EXPECT_NE(bytes.find(R"("progress":true)"), std::string::npos) << bytes;
    const auto decoded = decode<QueryToHub>(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(std::get<AdminRequest>(decoded.value()), asking);
}

TEST(AdminMessages, aProgressFigureRoundTripsOnlyFromTheHub)
{
    const AdminProgress m{"desk-4153", "评估会议", 37, 120};
    const auto bytes = encode(QueryReply{m});
    EXPECT_EQ(bytes, R"({"v":1,"type":"admin_progress","request_id":"desk-4153","label":"评估会议","done":37,)"
                     R"("total":120})");
    const auto decoded = decode<HubToQuery>(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.error().detail;
    EXPECT_EQ(std::get<AdminProgress>(decoded.value()), m);
    // Only the hub sends it.
    EXPECT_FALSE(decode<QueryToHub>(bytes).ok());
}

struct BadAdmin {
    const char* name;
    const char* json;
    const char* field;
};

TEST(AdminMessagesRefusals, badFieldsAreNamed)
{
    const BadAdmin rows[] = {
        {"noRequestId", R"({"v":1,"type":"admin_request","argv":["status"]})", "request_id"},
        {"argvNotAList", R"({"v":1,"type":"admin_request","request_id":"a","argv":"status"})", "argv"},
        {"fileNotBase64",
         R"({"v":1,"type":"admin_request","request_id":"a","argv":[],"files":[{"name":"p","bytes_base64":"@@@"}]})",
         "files[0].bytes_base64"},
        {"cancelWithoutId", R"({"v":1,"type":"admin_cancel"})", "request_id"},
        {"cancelIdNotAnId", R"({"v":1,"type":"admin_cancel","request_id":"a b"})", "request_id"},
        {"progressNotABool", R"({"v":1,"type":"admin_request","request_id":"a","argv":[],"progress":"yes"})",
         "progress"},
    };
    for (const auto& row : rows) {
        const auto decoded = decode<QueryToHub>(row.json);
        ASSERT_FALSE(decoded.ok()) << row.name;
        EXPECT_NE(decoded.error().detail.find(row.field), std::string::npos)
            << row.name << ": " << decoded.error().detail;
    }
    const auto exitCode = decode<HubToQuery>(R"({"v":1,"type":"admin_reply","request_id":"a","exit_code":300,)"
                                             R"("stdout":"","stderr":""})");
    ASSERT_FALSE(exitCode.ok());
    EXPECT_NE(exitCode.error().detail.find("exit_code"), std::string::npos) << exitCode.error().detail;
    const auto negative =
        decode<HubToQuery>(R"({"v":1,"type":"admin_progress","request_id":"a","label":"x","done":-1,"total":3})");
    ASSERT_FALSE(negative.ok());
    EXPECT_NE(negative.error().detail.find("done"), std::string::npos) << negative.error().detail;
}

} // namespace
} // namespace rollcall::protocol
