// Every JSON example in docs/protocol.md decodes on the channel it is marked with.
#include "protocol/codec.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sstream>

namespace rollcall::protocol {
namespace {

struct Example {
    std::string channel;
    std::string json;
    int line = 0;
};

std::vector<Example> examples_in(const std::string& path)
{
    std::ifstream in(path);
    std::vector<Example> out;
    std::string line;
    std::string pending_channel;
    bool in_block = false;
    int number = 0;
    static constexpr std::string_view kMarker = "<!-- example: ";
    while (std::getline(in, line)) {
        ++number;
        if (in_block) {
            if (line == "```") {
                in_block = false;
            } else {
                out.back().json += line + "\n";
            }
        } else if (line.rfind(kMarker, 0) == 0) {
            pending_channel = line.substr(kMarker.size(), line.find(' ', kMarker.size()) - kMarker.size());
        } else if (line == "```json" && !pending_channel.empty()) {
            out.push_back(Example{pending_channel, "", number});
            pending_channel.clear();
            in_block = true;
        }
    }
    return out;
}

std::optional<std::string> decode_error(const std::string& channel, std::string_view bytes)
{
    auto detail = [](const auto& r) -> std::optional<std::string> {
        return r.ok() ? std::nullopt : std::optional<std::string>(r.error().detail);
    };
    if (channel == "agent_to_hub") return detail(decode<AgentToHub>(bytes));
    if (channel == "hub_to_agent") return detail(decode<HubToAgent>(bytes));
    if (channel == "query_to_hub") return detail(decode<QueryToHub>(bytes));
    if (channel == "hub_to_query") return detail(decode<HubToQuery>(bytes));
    if (channel == "live") return detail(decode<LiveFeed>(bytes));
    return "unknown channel marker '" + channel + "'";
}

TEST(ProtocolDoc, everyExampleDecodes)
{
    const std::string path = std::string(ROLLCALL_DOCS_DIR) + "/protocol.md";
    const auto examples = examples_in(path);
    ASSERT_GE(examples.size(), 12u) << "examples found in " << path;
    for (const auto& e : examples) {
        const auto error = decode_error(e.channel, e.json);
        EXPECT_FALSE(error.has_value()) << "docs/protocol.md line " << e.line << ": " << *error;
    }
}

} // namespace
} // namespace rollcall::protocol
