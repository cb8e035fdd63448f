// The discipline policy file: the shipped default, overrides, and errors
// that name the file and the key.
#include "hub/core/time_util.h"
#include "hub/reports/policy.h"
#include "tests/reports/scenario.h"

#include <filesystem>
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

TEST(Policy, shippedFileLoadsWithTheDocumentedDefaults)
{
    const std::string path = ROLLCALL_SOURCE_DIR "/hub/reports/policy.default.toml";
    // The file in the tree is the one built into the program, and it sets every key to the struct's default.
    EXPECT_EQ(readTextFile(path, "test"), defaultPolicyText());
    EXPECT_EQ(loadPolicy(path), Policy{});
    EXPECT_EQ(defaultPolicy(), Policy{});
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

INSTANTIATE_TEST_SUITE_P(
    Cases, PolicyRejects,
    ::testing::Values(BadPolicy{"syntaxError", "[absence\nenabled = true", "site.toml:1"},
                      BadPolicy{"unknownSection", "[lateness]\nwarning_at = 3", "lateness"},
                      BadPolicy{"misspeltKey", "[late_or_early]\nwarn_at = 3", "late_or_early.warn_at"},
                      BadPolicy{"wrongType", "[late_or_early]\nwarning_at = \"three\"", "late_or_early.warning_at"},
                      BadPolicy{"negative", "[late_or_early]\nwarning_at = -1", "late_or_early.warning_at"},
                      BadPolicy{"talkNotAboveWarning", "[late_or_early]\nwarning_at = 5\ntalk_at = 3",
                                "late_or_early.talk_at"},
                      BadPolicy{"unknownWindow", "[late_or_early]\nwindow = \"week\"", "late_or_early.window"},
                      BadPolicy{"rateAsPercent", "[disclosure]\nunit_rate_below = 90", "disclosure.unit_rate_below"},
                      BadPolicy{"emptyMeasure", "[absence]\nmeasure = \"\"", "absence.measure"}));

struct MisspeltPolicy {
    const char* name;
    const char* text;
    const char* where; // "site.toml:LINE: ..." expected in the message
    const char* hint;  // expected too ("" = nothing more)
};
void PrintTo(const MisspeltPolicy& b, std::ostream* os) { *os << b.name; }
class PolicyRefuses : public ::testing::TestWithParam<MisspeltPolicy> {};

TEST_P(PolicyRefuses, namingFileLineKeyAndTheNearestValidKey)
{
    try {
        (void)parsePolicy(GetParam().text, "site.toml");
        FAIL() << "accepted";
    } catch (const common::InputError& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(std::string("policy ") + GetParam().where), std::string::npos) << msg;
        EXPECT_NE(msg.find(GetParam().hint), std::string::npos) << msg;
    }
}

// A misspelt key in each section (and a misspelt section) is refused, never ignored.
INSTANTIATE_TEST_SUITE_P(
    MisspeltKeys, PolicyRefuses,
    ::testing::Values(MisspeltPolicy{"sectionName", "[office]\nname = \"x\"\n[disclosur]\nunit_rate_below = 0.8",
                                     "site.toml:3: unknown section [disclosur]", "did you mean [disclosure]?"},
                      MisspeltPolicy{"office", "[office]\nnme = \"x\"", "site.toml:2: unknown key \"office.nme\"",
                                     "did you mean name?"},
                      MisspeltPolicy{"absence", "[absence]\nenabled = true\nmeasures = \"x\"",
                                     "site.toml:3: unknown key \"absence.measures\"", "did you mean measure?"},
                      MisspeltPolicy{"lateOrEarly", "[late_or_early]\nwarn_at = 3",
                                     "site.toml:2: unknown key \"late_or_early.warn_at\"", ""},
                      MisspeltPolicy{"lateOrEarlyNear", "[late_or_early]\ntalkat = 6",
                                     "site.toml:2: unknown key \"late_or_early.talkat\"", "did you mean talk_at?"},
                      MisspeltPolicy{"disclosure", "[disclosure]\nlist_person_with_absence = false",
                                     "site.toml:2: unknown key \"disclosure.list_person_with_absence\"",
                                     "did you mean list_persons_with_absence?"},
                      MisspeltPolicy{"topLevel", "window = \"month\"", "site.toml:1: unknown key \"window\"",
                                     "it belongs in [late_or_early]"},
                      MisspeltPolicy{"wrongSection", "[absence]\ntalk_at = 6",
                                     "site.toml:2: unknown key \"absence.talk_at\"", "it belongs in [late_or_early]"},
                      MisspeltPolicy{"dottedKey", "late_or_early.windw = \"year\"",
                                     "site.toml:1: unknown key \"late_or_early.windw\"", "did you mean window?"}));

// The register's keys: measures only from the known list, numbers as numbers,
// a number format that numbers; each message names FILE:LINE and the key.
INSTANTIATE_TEST_SUITE_P(
    RegisterKeys, PolicyRefuses,
    ::testing::Values(MisspeltPolicy{"unknownMeasure", "[absence]\nmeasure = \"记过\"", "site.toml:2: absence.measure",
                                     "\"记过\" is not a known measure"},
                      MisspeltPolicy{"unknownUnitMeasure", "[unit_measures]\nmeasure = \"警告\"",
                                     "site.toml:2: unit_measures.measure", "not a known measure"},
                      MisspeltPolicy{"ladderOfUnknownMeasure", "[escalation]\nladder = [\"效能告诫\", \"降级\"]",
                                     "site.toml:2: escalation.ladder", "\"降级\" is not a known measure"},
                      MisspeltPolicy{"ladderOfNumbers", "[escalation]\nladder = [1, 2]",
                                     "site.toml:2: escalation.ladder", "list of strings"},
                      MisspeltPolicy{"monthsAsText", "[escalation]\n\nwithin_months = \"12\"",
                                     "site.toml:3: escalation.within_months", "whole number"},
                      MisspeltPolicy{"deadlineAsText", "[appeal]\ndeadline_days = \"15天\"",
                                     "site.toml:2: appeal.deadline_days", "whole number"},
                      MisspeltPolicy{"numberWithoutN", "[notices]\nnumber_format = \"效能办〔{year}〕号\"",
                                     "site.toml:2: notices.number_format", "must hold {n}"},
                      MisspeltPolicy{"numberWithUnknownField", "[notices]\nnumber_format = \"{office}〔{year}〕{n}号\"",
                                     "site.toml:2: notices.number_format", "\"{office}\""},
                      MisspeltPolicy{"misspeltRegisterKey", "[notices]\nnumber_fromat = \"x{n}\"",
                                     "site.toml:2: unknown key \"notices.number_fromat\"",
                                     "did you mean number_format?"}));

TEST(PolicyNumbers, areFilledInPerYearInTheOfficesForm)
{
    EXPECT_EQ(formatNoticeNumber("州效能办〔{year}〕{n}号", 2026, 17), "州效能办〔2026〕17号");
    EXPECT_EQ(formatNoticeNumber("{year}-{n}", 2027, 1), "2027-1");
    EXPECT_EQ(defaultPolicy().numberFormat, "效能办〔{year}〕{n}号");
    EXPECT_EQ(defaultPolicy().ladder, (std::vector<std::string>{"效能告诫", "诫勉谈话", "通报批评"}));
}

// Wrong types and bad values name the line of the value and the key.
INSTANTIATE_TEST_SUITE_P(
    BadValues, PolicyRefuses,
    ::testing::Values(MisspeltPolicy{"sectionAsValue", "absence = true", "site.toml:1: absence must be a section", ""},
                      MisspeltPolicy{"wrongType", "[late_or_early]\n\nwarning_at = \"three\"",
                                     "site.toml:3: late_or_early.warning_at", "whole number"},
                      MisspeltPolicy{"outOfRange", "[late_or_early]\ntalk_at = 1001",
                                     "site.toml:2: late_or_early.talk_at", "0 and 1000"},
                      MisspeltPolicy{"unknownWindow", "[late_or_early]\nwindow = \"week\"",
                                     "site.toml:2: late_or_early.window", "\"week\""},
                      MisspeltPolicy{"rateAsPercent", "[disclosure]\nunit_rate_below = 90",
                                     "site.toml:2: disclosure.unit_rate_below", "fraction"},
                      MisspeltPolicy{"boolAsString", "[absence]\nenabled = \"yes\"", "site.toml:2: absence.enabled",
                                     "true or false"},
                      MisspeltPolicy{"emptyOffice", "[office]\nname = \"\"", "site.toml:2: office.name", "empty"}));

TEST(Policy, misspeltKeyMakesRollcallctlChangeNothing)
{
    rollcall::testing::TempDir dir;
    rollcall::testing::Scenario s;
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
    }
    const auto policy = dir.file("policy.toml");
    std::ofstream(policy) << "[late_or_early]\nwarning_at = 2\ntalkat = 4\n";
    const auto out = dir.file("notices");
    const auto r = rollcall::testing::runCtl(
        {"--db", dir.file("rollcall.db"), "notices", "--period", "2026-11", "--policy", policy, "--output", out},
        s.now);
    EXPECT_EQ(r.code, 1) << r.out << r.err;
    EXPECT_NE(r.err.find(policy + ":3: unknown key \"late_or_early.talkat\" (did you mean talk_at?)"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
    EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(Policy, missingFileIsNamed)
{
    try {
        (void)loadPolicy("/nonexistent/policy.toml");
        FAIL();
    } catch (const common::InputError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/policy.toml"), std::string::npos);
    }
}
