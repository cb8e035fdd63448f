// The wire's id and text rules as public functions (protocol/field_rules.h):
// the decoder and rollcallctl's imports say the same about the same value.
#include "protocol/codec.h"
#include "protocol/field_rules.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

struct RuleCase {
    const char* name;
    std::string value;
    bool isId;
    bool isText;
};

} // namespace

TEST(FieldRulesTable, idsAndTextsFollowTheWireRules)
{
    const std::vector<RuleCase> cases{
        {"plainId", "p-001.a_b:c", true, true},
        {"idOf64", std::string(64, 'x'), true, true},
        {"idOf65", std::string(65, 'x'), false, true},
        {"empty", "", false, true},
        {"slash", "X/1", false, true},
        {"space", "p 1", false, true},
        {"chineseName", "张建国", false, true},
        {"nul", std::string("a\0b", 3), false, false},
        {"textOf1024", std::string(1024, 'x'), false, true},
        {"textOf1025", std::string(1025, 'x'), false, false},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_EQ(!protocol::idRuleViolation(c.value).has_value(), c.isId);
        EXPECT_EQ(!protocol::textRuleViolation(c.value).has_value(), c.isText);
    }
}

TEST(FieldRules, theDecoderUsesTheSameWords)
{
    const auto problem = protocol::idRuleViolation("X/1");
    ASSERT_TRUE(problem);
    const auto decoded = protocol::decode<protocol::AgentToHub>(
        R"({"v":1,"type":"hello","reader_id":"X/1","agent_version":"1","agent_clock_ms":1})");
    ASSERT_FALSE(decoded);
    EXPECT_NE(decoded.error().detail.find(*problem), std::string::npos) << decoded.error().detail;
}
