// rollcall-agent's command line and config file: bad input is refused with a
// message naming it and a non-zero exit, before anything is opened.
#include "tests/agent/agent_test_support.h"

#include <gtest/gtest.h>

using namespace rollcall::test;

namespace {

struct BadInvocation {
    const char* name;
    std::vector<std::string> args; // after the binary; "{dir}" is replaced by the temp dir
    const char* config;            // written to {dir}/agent.toml when not null
    const char* mentions;
};

std::string expand(std::string s, const std::string& dir)
{
    for (std::size_t p; (p = s.find("{dir}")) != std::string::npos;) s.replace(p, 5, dir);
    return s;
}

TEST(RollcallAgentCli, badInputIsRefusedNamingIt)
{
    const std::vector<BadInvocation> cases{
        {"no reader id", {"--reader", "pn532_uart:/nonexistent", "--outbox", "{dir}/o.db"}, nullptr, "--reader-id"},
        {"no outbox", {"--reader", "pn532_uart:/nonexistent", "--reader-id", "r1"}, nullptr, "--outbox"},
        {"bad reader id", {"--reader", "x", "--reader-id", "a b", "--outbox", "{dir}/o.db"}, nullptr, "\"a b\""},
        {"bad hub endpoint",
         {"--reader", "x", "--reader-id", "r1", "--outbox", "{dir}/o.db", "--hub", "carrier-pigeon", "--insecure"},
         nullptr,
         "--hub"},
        {"unknown option", {"--reader", "x", "--speed", "9"}, nullptr, "--speed"},
        {"no keys", {"--reader", "x", "--reader-id", "r1", "--outbox", "{dir}/o.db"}, nullptr, "--insecure"},
        {"missing config file", {"--config", "{dir}/none.toml"}, nullptr, "--config"},
        {"bad log level",
         {"--reader", "x", "--reader-id", "r1", "--outbox", "{dir}/o.db", "--log-level", "loud"},
         nullptr,
         "loud"},
        {"unknown key in file", {"--config", "{dir}/agent.toml"}, "[hub]\nendpiont = \"tcp://x:1\"\n", "hub.endpiont"},
        {"bad duration in file",
         {"--config", "{dir}/agent.toml"},
         "[reader]\ndebounce = \"soon\"\n",
         "reader.debounce"},
        {"outbox of another reader",
         {"--reader", "x", "--reader-id", "r2", "--outbox", "{dir}/taken.db", "--insecure"},
         nullptr,
         "r1"},
    };
    for (const auto& c : cases) {
        TempDir dir;
        if (c.config) dir.write("agent.toml", c.config);
        if (std::string(c.name) == "outbox of another reader")
            rollcall::agent::Outbox taken(dir.file("taken.db"), "r1");
        std::vector<std::string> argv{agentBinary()};
        for (const auto& a : c.args) argv.push_back(expand(a, dir.path().string()));
        ChildProcess agent(argv);
        const int code = agent.wait();
        EXPECT_NE(code, 0) << c.name;
        EXPECT_LT(code, 128) << c.name << ": must exit, not crash";
        EXPECT_EQ(code, 2) << c.name << ": bad settings, which systemd does not restart (docs/agent.md)";
        EXPECT_NE(agent.output().find(c.mentions), std::string::npos) << c.name << ":\n" << agent.output();
    }
}

TEST(RollcallAgentCli, anOutboxWithADamagedSchemaVersionStopsTheAgentNamingFileAndValue)
{
    TempDir dir;
    const auto outbox = dir.file("o.db");
    {
        rollcall::agent::Outbox box(outbox, "r1");
    }
    {
        rollcall::common::Database db(outbox);
        db.exec("UPDATE outbox_meta SET value = '9223372036854775808' WHERE key = 'schema_version'");
    }
    ChildProcess agent({agentBinary(), "--reader", "x", "--reader-id", "r1", "--outbox", outbox, "--insecure"});
    EXPECT_EQ(agent.wait(), 2) << agent.output();
    EXPECT_NE(agent.output().find(outbox + ": outbox schema_version \"9223372036854775808\" is not a version number"),
              std::string::npos)
        << agent.output();
}

TEST(RollcallAgentCli, helpListsEveryOption)
{
    ChildProcess agent({agentBinary(), "--help"});
    EXPECT_EQ(agent.wait(), 0);
    for (const char* option : {"--reader", "--hub", "--reader-id", "--outbox", "--config", "--log-level"}) {
        EXPECT_NE(agent.output().find(option), std::string::npos) << option;
    }
}

TEST(RollcallAgentCli, systemdUnitStartsTheAgentWithItsConfig)
{
    // One instance per reader (issue 15): rollcall-agent@door-1 reads /etc/rollcall/agent/door-1.toml.
    std::ifstream unit(ROLLCALL_SOURCE_DIR "/hardware/systemd/rollcall-agent@.service");
    std::string text((std::istreambuf_iterator<char>(unit)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("ExecStart=/usr/bin/rollcall-agent --config /etc/rollcall/agent/%i.toml"), std::string::npos);
    EXPECT_NE(text.find("User=rollcall"), std::string::npos);
    EXPECT_NE(text.find("\nRestartPreventExitStatus=2\n"), std::string::npos) << "bad settings: no restart loop";
    EXPECT_NE(text.find("StateDirectory=rollcall rollcall/agent"), std::string::npos) << "where the outboxes live";
}

} // namespace
