// AgentConfig: the sample file documents every default; bad input is refused naming it.
#include "reader-agent/agent_config.h"
#include "tests/agent/agent_test_support.h"
#include "tests/support/config_file_cases.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall::agent;
using namespace std::chrono_literals;
using rollcall::test::ChildProcess;
using rollcall::test::TempDir;

namespace {

AgentConfig valid()
{
    AgentConfig c;
    c.readerId = "door-1";
    c.connstring = "pn532_uart:/dev/ttyUSB0";
    c.outboxPath = "/tmp/outbox.db";
    c.insecure = true; // keys are their own cases below
    return c;
}

TEST(AgentConfig, sampleFileSetsEveryOptionalKeyToItsDefault)
{
    // Start from values that differ from every default: whatever the sample
    // does not set stays different and the comparison fails.
    AgentConfig c;
    c.pollPeriod = c.presenceCheck = c.debounce = c.reopenBackoffMin = c.reopenBackoffMax = 7ms;
    c.hubEndpoint = "tcp://elsewhere:1";
    c.ackTimeout = c.resendBackoffMin = c.resendBackoffMax = c.heartbeatInterval = c.indicationDuration = 7ms;
    c.led = c.buzzer = false;
    c.wiring = Pn532Wiring{{3, 0}, {3, 1}, {3, 2}};
    c.logLevel = "trace";
    c.outboxRetention = 7ms;
    c.insecure = true;
    loadAgentConfigFile(c, ROLLCALL_SOURCE_DIR "/reader-agent/rollcall-agent.toml");
    EXPECT_EQ(c, AgentConfig{});
}

TEST(AgentConfig, fileValuesAreRead)
{
    TempDir dir;
    const auto path = dir.write("agent.toml", R"(
[reader]
id = "r-hall"
connstring = "pn532_uart:/dev/ttyAMA0"
poll_period = "300ms"
debounce = "2s"
[outbox]
path = "/var/lib/rollcall/outbox.db"
[hub]
endpoint = "tcp://hub:7700"
heartbeat_interval = "1m"
[indicator]
buzzer = false
pn532_buzzer = "P30"
)");
    AgentConfig c;
    loadAgentConfigFile(c, path);
    EXPECT_EQ(c.readerId, "r-hall");
    EXPECT_EQ(c.connstring, "pn532_uart:/dev/ttyAMA0");
    EXPECT_EQ(c.pollPeriod, 300ms);
    EXPECT_EQ(c.debounce, 2s);
    EXPECT_EQ(c.outboxPath, "/var/lib/rollcall/outbox.db");
    EXPECT_EQ(c.hubEndpoint, "tcp://hub:7700");
    EXPECT_EQ(c.heartbeatInterval, 60s);
    EXPECT_FALSE(c.buzzer);
    EXPECT_EQ(c.wiring.buzzer, (Pn532Pin{3, 0}));
    c.insecure = true; // the file gives no keys
    EXPECT_NO_THROW(validateAgentConfig(c));
}

TEST(AgentConfig, badFileInputIsRefusedNamingTheFileAndKey)
{
    struct Case {
        const char* name;
        const char* toml;
        const char* mentions;
    };
    const std::vector<Case> cases{
        {"unknown key", "[reader]\nspeed = 1\n", "reader.speed"},
        {"unknown section", "[printer]\nx = 1\n", "[printer]"},
        {"duration without unit", "[reader]\ndebounce = \"10\"\n", "reader.debounce"},
        {"duration as number", "[hub]\nack_timeout = 1000\n", "hub.ack_timeout"},
        {"zero duration", "[hub]\nheartbeat_interval = \"0s\"\n", "hub.heartbeat_interval"},
        {"bool as string", "[indicator]\nled = \"yes\"\n", "indicator.led"},
        {"bad pin", "[indicator]\npn532_red = \"P99\"\n", "indicator.pn532_red"},
        {"empty id", "[reader]\nid = \"\"\n", "reader.id"},
        {"toml syntax", "[reader\n", "agent.toml:1"},
        {"retention in minutes", "[outbox]\nretention = \"30m\"\n", "outbox.retention"},
        {"retention over ten years", "[outbox]\nretention = \"4000d\"\n", "outbox.retention"},
        {"retention as number", "[outbox]\nretention = 30\n", "outbox.retention"},
    };
    for (const auto& c : cases) {
        TempDir dir;
        const auto path = dir.write("agent.toml", c.toml);
        AgentConfig config;
        const auto message = rollcall::test::inputErrorOf<ConfigError>([&] { loadAgentConfigFile(config, path); });
        EXPECT_NE(message.find(c.mentions), std::string::npos) << c.name << ": " << message;
        EXPECT_NE(message.find("agent.toml"), std::string::npos) << c.name << ": " << message;
    }
}

/// A config whose every setting differs from the default.
AgentConfig allChanged()
{
    AgentConfig c = valid();
    c.pollPeriod = c.presenceCheck = c.debounce = c.reopenBackoffMin = c.reopenBackoffMax = 7ms;
    c.hubEndpoint = "tcp://elsewhere:1";
    c.ackTimeout = c.resendBackoffMin = c.resendBackoffMax = c.heartbeatInterval = c.indicationDuration = 7ms;
    c.led = c.buzzer = false;
    c.wiring = Pn532Wiring{{3, 0}, {3, 1}, {3, 2}};
    c.logLevel = "trace";
    c.outboxRetention = 7ms;
    return c;
}

// A misspelt key in each section (and a misspelt section) is refused, never ignored.
const std::vector<rollcall::test::BadConfigFile> kMisspelt{
    {"section name", "[reader]\nid = \"r1\"\n[readr]\ndebounce = \"1s\"\n", "agent.toml:3: unknown section [readr]",
     "did you mean [reader]?"},
    {"reader", "[reader]\nid = \"r1\"\nconnstrng = \"acr122_usb\"\n", "agent.toml:3: unknown key \"reader.connstrng\"",
     "did you mean connstring?"},
    {"reader backoff", "[reader]\nreopen_backof_max = \"5s\"\n",
     "agent.toml:2: unknown key \"reader.reopen_backof_max\"", "did you mean reopen_backoff_max?"},
    {"outbox", "[outbox]\npaht = \"/tmp/o.db\"\n", "agent.toml:2: unknown key \"outbox.paht\"", "did you mean path?"},
    {"hub", "[hub]\nendpiont = \"tcp://x:1\"\n", "agent.toml:2: unknown key \"hub.endpiont\"",
     "did you mean endpoint?"},
    {"hub heartbeat", "[hub]\nheartbeat_intervall = \"5s\"\n", "agent.toml:2: unknown key \"hub.heartbeat_intervall\"",
     "did you mean heartbeat_interval?"},
    {"indicator", "[indicator]\nled = true\nbuzer = false\n", "agent.toml:3: unknown key \"indicator.buzer\"",
     "did you mean buzzer?"},
    {"log", "[log]\nlevle = \"debug\"\n", "agent.toml:2: unknown key \"log.levle\"", "did you mean level?"},
    {"key at the top", "id = \"r1\"\n", "agent.toml:1: unknown key \"id\"", "it belongs in [reader]"},
    {"key in the wrong section", "[hub]\ndebounce = \"1s\"\n", "agent.toml:2: unknown key \"hub.debounce\"",
     "it belongs in [reader]"},
    {"dotted key", "indicator.pn532_gren = \"P71\"\n", "agent.toml:1: unknown key \"indicator.pn532_gren\"",
     "did you mean pn532_green?"},
};

// Wrong types and bad values name the line of the value and the key.
const std::vector<rollcall::test::BadConfigFile> kBadValues{
    {"section as a value", "hub = \"tcp://x:1\"\n", "agent.toml:1: hub must be a section", ""},
    {"duration as number", "[hub]\n\nack_timeout = 1000\n", "agent.toml:3: hub.ack_timeout", "duration"},
    {"duration without unit", "[reader]\ndebounce = \"10\"\n", "agent.toml:2: reader.debounce", "\"10\""},
    {"zero duration", "[indicator]\nduration = \"0s\"\n", "agent.toml:2: indicator.duration", "more than 0"},
    {"bool as string", "[indicator]\nled = \"yes\"\n", "agent.toml:2: indicator.led", "true or false"},
    {"bad pin", "[indicator]\npn532_red = \"P99\"\n", "agent.toml:2: indicator.pn532_red", "P99"},
    {"pin as number", "[indicator]\npn532_red = 72\n", "agent.toml:2: indicator.pn532_red", "string"},
    {"empty path", "[outbox]\npath = \"\"\n", "agent.toml:2: outbox.path", "empty"},
    {"unknown log level", "[log]\nlevel = \"loud\"\n", "agent.toml:2: log.level", "\"loud\""},
};

void expectRefused(const std::vector<rollcall::test::BadConfigFile>& cases)
{
    rollcall::test::expectConfigFilesRefused<ConfigError>(
        cases, "agent.toml", allChanged(),
        [](auto& config, const std::string& path) { loadAgentConfigFile(config, path); });
}

TEST(AgentConfig, misspeltKeysAreRefusedNamingFileLineKeyAndTheNearestValidKey) { expectRefused(kMisspelt); }

TEST(AgentConfig, badValuesAreRefusedNamingFileLineAndKey) { expectRefused(kBadValues); }

TEST(AgentConfig, rollcallAgentExitsOnAMisspeltKeyBeforeOpeningTheOutbox)
{
    for (const auto& c : {kMisspelt[4], kMisspelt[6], kBadValues[1]}) {
        TempDir dir;
        const auto config = dir.write("agent.toml", c.toml);
        const auto outbox = dir.file("outbox.db");
        ChildProcess agent({rollcall::test::agentBinary(), "--config", config, "--reader", "pn532_uart:/nonexistent",
                            "--reader-id", "r1", "--outbox", outbox, "--hub", "tcp://127.0.0.1:1"});
        EXPECT_EQ(agent.wait(), 2) << c.name << ":\n" << agent.output();
        EXPECT_NE(agent.output().find("rollcall-agent: " + dir.path().string() + "/" + c.where), std::string::npos)
            << c.name << ":\n"
            << agent.output();
        EXPECT_NE(agent.output().find(c.hint), std::string::npos) << c.name << ":\n" << agent.output();
        EXPECT_FALSE(std::filesystem::exists(outbox)) << c.name << ": the outbox must not be created";
    }
}

TEST(AgentConfig, incompleteOrInconsistentSettingsAreRefused)
{
    struct Case {
        const char* name;
        std::function<void(AgentConfig&)> change;
        const char* mentions;
    };
    const std::vector<Case> cases{
        {"no reader id", [](AgentConfig& c) { c.readerId.clear(); }, "--reader-id"},
        {"no reader", [](AgentConfig& c) { c.connstring.clear(); }, "--reader"},
        {"no outbox", [](AgentConfig& c) { c.outboxPath.clear(); }, "--outbox"},
        {"reader id with a slash", [](AgentConfig& c) { c.readerId = "hall/door"; }, "hall/door"},
        {"reopen min above max", [](AgentConfig& c) { c.reopenBackoffMin = 60s; }, "reader.reopen_backoff"},
        {"resend min above max", [](AgentConfig& c) { c.resendBackoffMax = 10ms; }, "hub.resend_backoff"},
        {"unknown log level", [](AgentConfig& c) { c.logLevel = "loud"; }, "loud"},
        {"one pin twice", [](AgentConfig& c) { c.wiring.red = c.wiring.green; }, "pn532_"},
        {"no keys and not insecure", [](AgentConfig& c) { c.insecure = false; }, "--insecure"},
        {"a key file that is not there",
         [](AgentConfig& c) {
             c.insecure = false;
             c.keyFile = "/nonexistent/r1.key_secret";
             c.serverKeyFile = "/nonexistent/hub.key";
         },
         "/nonexistent/r1.key_secret"},
    };
    for (const auto& c : cases) {
        auto config = valid();
        c.change(config);
        const auto message = rollcall::test::inputErrorOf<ConfigError>([&] { validateAgentConfig(config); });
        EXPECT_NE(message.find(c.mentions), std::string::npos) << c.name << ": " << message;
    }
    EXPECT_NO_THROW(validateAgentConfig(valid()));
}

TEST(AgentConfig, durationsNeedAWholeNumberAndAUnit)
{
    EXPECT_EQ(parseAgentDuration("150ms", "x"), 150ms);
    EXPECT_EQ(parseAgentDuration("2s", "x"), 2s);
    EXPECT_EQ(parseAgentDuration("5m", "x"), 5min);
    EXPECT_EQ(parseAgentDuration("1h", "x"), 1h);
    for (const auto* bad : {"", "ms", "1", "1.5s", "-1s", "0ms", "1 s", "1sec", "2d", "25h"}) {
        EXPECT_THROW((void)parseAgentDuration(bad, "x"), ConfigError) << bad;
    }
}

} // namespace
