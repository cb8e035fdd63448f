// The discipline policy file: the shipped default, overrides, and errors
// that name the file and the key.
#include "hub/reports/policy.h"
#include "hub/core/time_util.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::reports;

TEST(Policy, shippedDefaultHasTheDesignThresholds)
{
    const auto p = defaultPolicy();
    EXPECT_TRUE(p.absenceEnabled);
    EXPECT_EQ(p.absenceMeasure, "效能告诫");
    EXPECT_EQ(p.window, CountWindow::Quarter);
    EXPECT_EQ(p.warningAt, 3);
    EXPECT_EQ(p.talkAt, 5);
    EXPECT_DOUBLE_EQ(p.unitRateBelow, 0.9);
    EXPECT_TRUE(p.listPersonsWithAbsence);
}

TEST(Policy, emptyFileMeansDefaults)
{
    const auto p = parsePolicy("", "empty.toml");
    EXPECT_EQ(p.warningAt, 3);
    EXPECT_EQ(p.office, "办公室（效能办）");
}

TEST(Policy, valuesOverrideDefaults)
{
    const auto p = parsePolicy("[late_or_early]\nwindow = \"month\"\nwarning_at = 2\ntalk_at = 0\n"
                               "[disclosure]\nunit_rate_below = 0.95\n[office]\nname = \"县委办公室\"\n",
                               "custom.toml");
    EXPECT_EQ(p.window, CountWindow::Month);
    EXPECT_EQ(p.warningAt, 2);
    EXPECT_EQ(p.talkAt, 0);
    EXPECT_DOUBLE_EQ(p.unitRateBelow, 0.95);
    EXPECT_EQ(p.office, "县委办公室");
}

struct BadPolicy {
    const char* name;
    const char* text;
    const char* mentions;
};
void PrintTo(const BadPolicy& b, std::ostream* os) { *os << b.name; }
class PolicyRejects : public ::testing::TestWithParam<BadPolicy> {};

TEST_P(PolicyRejects, withAMessageNamingFileAndKey)
{
    try {
        (void)parsePolicy(GetParam().text, "site.toml");
        FAIL() << "accepted";
    } catch (const common::InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find("site.toml"), std::string::npos) << msg;
        EXPECT_NE(msg.find(GetParam().mentions), std::string::npos) << msg;
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, PolicyRejects, ::testing::Values(
    BadPolicy{"syntaxError", "[absence\nenabled = true", "site.toml:1"},
    BadPolicy{"unknownSection", "[lateness]\nwarning_at = 3", "lateness"},
    BadPolicy{"misspeltKey", "[late_or_early]\nwarn_at = 3", "late_or_early.warn_at"},
    BadPolicy{"wrongType", "[late_or_early]\nwarning_at = \"three\"", "late_or_early.warning_at"},
    BadPolicy{"negative", "[late_or_early]\nwarning_at = -1", "late_or_early.warning_at"},
    BadPolicy{"talkNotAboveWarning", "[late_or_early]\nwarning_at = 5\ntalk_at = 3", "late_or_early.talk_at"},
    BadPolicy{"unknownWindow", "[late_or_early]\nwindow = \"week\"", "late_or_early.window"},
    BadPolicy{"rateAsPercent", "[disclosure]\nunit_rate_below = 90", "disclosure.unit_rate_below"},
    BadPolicy{"emptyMeasure", "[absence]\nmeasure = \"\"", "absence.measure"}));

TEST(Policy, missingFileIsNamed)
{
    try {
        (void)loadPolicy("/nonexistent/policy.toml");
        FAIL();
    } catch (const common::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/policy.toml"), std::string::npos);
    }
}
