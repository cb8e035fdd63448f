// HubConfig: the shipped hub/rollcall-hub.toml documents every default; a
// misspelt key, a wrong type or a bad value is refused naming the file, the
// line and the key (with the nearest valid key), and nothing is opened.
#include "hub/service/hub_config.h"
#include "tests/support/child_process.h"
#include "tests/support/config_file_cases.h"
#include "tests/support/hub_process.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <gtest/gtest.h>

using namespace rollcall;
using namespace std::chrono_literals;
using rollcall::test::ChildProcess;
using rollcall::test::HubProcess;
using rollcall::test::TempDir;
using service::HubConfig;

namespace {

const std::string kSample = ROLLCALL_SOURCE_DIR "/hub/rollcall-hub.toml";

/// A config whose every setting differs from the default.
HubConfig allChanged()
{
    HubConfig c;
    c.dbPath = "/elsewhere.db";
    c.tapsEndpoint = c.liveEndpoint = c.queryEndpoint = "tcp://elsewhere:1";
    c.zone = "Europe/Berlin";
    c.debounce = c.readerOfflineAfter = c.tick = c.reloadEvery = 7ms;
    c.maxBatch = 7;
    c.routerHighWaterMark = 7777;
    c.logLevel = "trace";
    c.realtimePriority = 7;
    return c;
}

TEST(HubConfig, sampleFileSetsEveryOptionalKeyToItsDefault)
{
    // Whatever the sample does not set keeps its changed value and the comparison fails.
    auto c = allChanged();
    loadHubConfigFile(c, kSample);
    HubConfig expected;
    expected.dbPath = "/elsewhere.db"; // required, so the sample only shows it in a comment
    EXPECT_EQ(c, expected);
}

TEST(HubConfig, sampleFileDocumentsTheDefaults)
{
    HubConfig c;
    loadHubConfigFile(c, kSample);
    EXPECT_EQ(c.tapsEndpoint, "tcp://127.0.0.1:7700");
    EXPECT_EQ(c.liveEndpoint, "tcp://127.0.0.1:7701");
    EXPECT_EQ(c.queryEndpoint, "tcp://127.0.0.1:7702");
    EXPECT_EQ(c.zone, "Asia/Shanghai");
    EXPECT_EQ(c.debounce, 10s);
    EXPECT_EQ(c.finalizeAfter, 48h);
    EXPECT_EQ(c.readerOfflineAfter, 30s);
    EXPECT_EQ(c.tick, 250ms);
    EXPECT_EQ(c.reloadEvery, 10min);
    EXPECT_EQ(c.maxBatch, 1024u);
    EXPECT_EQ(c.routerHighWaterMark, 100'000);
    EXPECT_EQ(c.logLevel, "info");
    EXPECT_EQ(c.diskReserveBytes, 64ull << 20);
    EXPECT_EQ(c.seqWindow, 100'000u);
    EXPECT_EQ(c.realtimePriority, 0) << "real-time scheduling only when asked for";
    EXPECT_TRUE(c.dbPath.empty());
}

TEST(HubConfig, fileValuesAreRead)
{
    TempDir dir;
    const auto path = dir.write("hub.toml", R"(time_zone = "Europe/Berlin"
[database]
path = "/var/lib/rollcall/r.db"
[endpoints]
taps = "tcp://*:8800"
[rules]
debounce = "5s"
finalize_after = "24h"
[readers]
offline_after = "1m"
[ingest]
max_batch = 64
router_high_water_mark = 5000
tick = "100ms"
reload_every = "1h"
disk_reserve_mb = 5
seq_window = 500
[log]
level = "debug"
[scheduling]
realtime_priority = 5
)");
    HubConfig c;
    loadHubConfigFile(c, path);
    EXPECT_EQ(c.zone, "Europe/Berlin");
    EXPECT_EQ(c.dbPath, "/var/lib/rollcall/r.db");
    EXPECT_EQ(c.tapsEndpoint, "tcp://*:8800");
    EXPECT_EQ(c.liveEndpoint, "tcp://127.0.0.1:7701");
    EXPECT_EQ(c.debounce, 5s);
    EXPECT_EQ(c.finalizeAfter, 24h);
    EXPECT_EQ(c.readerOfflineAfter, 60s);
    EXPECT_EQ(c.maxBatch, 64u);
    EXPECT_EQ(c.routerHighWaterMark, 5000);
    EXPECT_EQ(c.tick, 100ms);
    EXPECT_EQ(c.reloadEvery, 1h);
    EXPECT_EQ(c.diskReserveBytes, 5ull << 20);
    EXPECT_EQ(c.seqWindow, 500u);
    EXPECT_EQ(c.logLevel, "debug");
    EXPECT_EQ(c.realtimePriority, 5);
}

// A misspelt key in each section (and at the top) is refused, never ignored.
const std::vector<test::BadConfigFile> kMisspelt{
    {"top-level key", "time_zon = \"UTC\"\n", "hub.toml:1: unknown key \"time_zon\"", "did you mean time_zone?"},
    {"section name", "[database]\npath = \"x\"\n[reader]\noffline_after = \"5s\"\n",
     "hub.toml:3: unknown section [reader]", "did you mean [readers]?"},
    {"database", "[database]\npth = \"x.db\"\n", "hub.toml:2: unknown key \"database.pth\"", "did you mean path?"},
    {"endpoints", "[endpoints]\ntaps = \"tcp://*:1\"\nquerry = \"tcp://*:2\"\n",
     "hub.toml:3: unknown key \"endpoints.querry\"", "did you mean query?"},
    {"rules", "[rules]\ndebounse = \"5s\"\n", "hub.toml:2: unknown key \"rules.debounse\"", "did you mean debounce?"},
    {"readers", "[readers]\noffline_afer = \"5s\"\n", "hub.toml:2: unknown key \"readers.offline_afer\"",
     "did you mean offline_after?"},
    {"ingest", "[ingest]\ntick = \"1s\"\nmaxbatch = 10\n", "hub.toml:3: unknown key \"ingest.maxbatch\"",
     "did you mean max_batch?"},
    {"log", "[log]\nlevle = \"debug\"\n", "hub.toml:2: unknown key \"log.levle\"", "did you mean level?"},
    {"scheduling", "[scheduling]\nrealtime_priorty = 5\n", "hub.toml:2: unknown key \"scheduling.realtime_priorty\"",
     "did you mean realtime_priority?"},
    {"dotted key", "readers.offline_afer = \"5s\"\n", "hub.toml:1: unknown key \"readers.offline_afer\"",
     "did you mean offline_after?"},
    {"key in the wrong section", "[ingest]\ndebounce = \"5s\"\n", "hub.toml:2: unknown key \"ingest.debounce\"",
     "it belongs in [rules]"},
    {"section key at the top", "offline_after = \"5s\"\n", "hub.toml:1: unknown key \"offline_after\"",
     "it belongs in [readers]"},
    {"nothing close", "[ingest]\ncolour = \"blue\"\n", "hub.toml:2: unknown key \"ingest.colour\"", ""},
    {"unknown nested table", "[ingest.extra]\nx = 1\n", "hub.toml:1: unknown key \"ingest.extra\"", ""},
};

// Wrong types and bad values name the line of the value and the key.
const std::vector<test::BadConfigFile> kBadValues{
    {"toml syntax", "[readers\n", "hub.toml:1:", ""},
    {"section as a value", "readers = \"30s\"\n", "hub.toml:1: readers must be a section", ""},
    {"duration as number", "[readers]\noffline_after = 30\n", "hub.toml:2: readers.offline_after", "duration"},
    {"duration without unit", "[rules]\ndebounce = \"soon\"\n", "hub.toml:2: rules.debounce", "\"soon\""},
    {"zero duration", "[ingest]\ntick = \"0ms\"\n", "hub.toml:2: ingest.tick", "more than 0"},
    {"batch as string", "[ingest]\nmax_batch = \"64\"\n", "hub.toml:2: ingest.max_batch", "whole number"},
    {"batch zero", "\n[ingest]\nmax_batch = 0\n", "hub.toml:3: ingest.max_batch", "1 … 100000"},
    {"batch too big", "[ingest]\nmax_batch = 100001\n", "hub.toml:2: ingest.max_batch", "1 … 100000"},
    {"high water mark too low", "[ingest]\nrouter_high_water_mark = 10\n", "hub.toml:2: ingest.router_high_water_mark",
     "1000"},
    {"high water mark overflows", "[ingest]\nrouter_high_water_mark = 9999999999\n",
     "hub.toml:2: ingest.router_high_water_mark", "2147483647"},
    {"negative disk reserve", "[ingest]\ndisk_reserve_mb = -1\n", "hub.toml:2: ingest.disk_reserve_mb", "0 … 1000000"},
    {"zero seq window", "[ingest]\nseq_window = 0\n", "hub.toml:2: ingest.seq_window", "1 … 1000000000"},
    {"unknown zone", "time_zone = \"Mars/Olympus\"\n", "hub.toml:1: time_zone", "Mars/Olympus"},
    {"zone as number", "time_zone = 8\n", "hub.toml:1: time_zone", "string"},
    {"empty database path", "[database]\npath = \"\"\n", "hub.toml:2: database.path", "empty"},
    {"endpoint as number", "[endpoints]\nlive = 7701\n", "hub.toml:2: endpoints.live", "string"},
    {"unknown log level", "[log]\nlevel = \"loud\"\n", "hub.toml:2: log.level", "\"loud\""},
    {"negative real-time priority", "[scheduling]\nrealtime_priority = -1\n",
     "hub.toml:2: scheduling.realtime_priority", "0 … 49"},
    {"real-time priority at the interrupt threads'", "[scheduling]\nrealtime_priority = 50\n",
     "hub.toml:2: scheduling.realtime_priority", "0 … 49, not 50"},
    {"real-time priority as a word", "[scheduling]\nrealtime_priority = \"high\"\n",
     "hub.toml:2: scheduling.realtime_priority", "whole number"},
};

void expectRefused(const std::vector<test::BadConfigFile>& cases)
{
    test::expectConfigFilesRefused(cases, "hub.toml", allChanged(),
                                   [](auto& config, const std::string& path) { loadHubConfigFile(config, path); });
}

TEST(HubConfig, misspeltKeysAreRefusedNamingFileLineKeyAndTheNearestValidKey) { expectRefused(kMisspelt); }

TEST(HubConfig, badValuesAreRefusedNamingFileLineAndKey) { expectRefused(kBadValues); }

TEST(HubConfig, everyUnknownKeyIsListedInFileOrder)
{
    TempDir dir;
    const auto path = dir.write("hub.toml", "[readers]\noffline_afer = \"5s\"\n[ingest]\nmaxbatch = 1\ntik = \"1s\"\n");
    HubConfig c;
    const auto message = test::inputErrorOf([&] { loadHubConfigFile(c, path); });
    const auto first = message.find("hub.toml:2: unknown key \"readers.offline_afer\"");
    const auto second = message.find("hub.toml:4: unknown key \"ingest.maxbatch\"");
    const auto third = message.find("hub.toml:5: unknown key \"ingest.tik\" (did you mean tick?)");
    ASSERT_NE(first, std::string::npos) << message;
    ASSERT_NE(second, std::string::npos) << message;
    ASSERT_NE(third, std::string::npos) << message;
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
}

TEST(HubConfig, rollcallHubStartsWithTheShippedSample)
{
    TempDir dir;
    // The sample's fixed ports are overridden on the command line (fresh ports).
    HubProcess hub(dir.file("rollcall.db"), {"--config", kSample});
    EXPECT_TRUE(std::filesystem::exists(dir.file("rollcall.db")));
}

TEST(HubConfig, rollcallHubExitsOnAMisspeltKeyBeforeOpeningAnything)
{
    const std::vector<test::BadConfigFile> cases{kMisspelt[5], kMisspelt[6], kBadValues[6]};
    for (const auto& c : cases) {
        TempDir dir;
        const auto config = dir.write("hub.toml", c.toml);
        const auto db = dir.file("rollcall.db");
        ChildProcess hub({std::string(ROLLCALL_BINARY_DIR) + "/hub/rollcall-hub", "--config", config, "--db", db,
                          "--taps", "tcp://127.0.0.1:*", "--live", "tcp://127.0.0.1:*", "--query",
                          "tcp://127.0.0.1:*"});
        EXPECT_EQ(hub.wait(), 1) << c.name << ":\n" << hub.output();
        EXPECT_NE(hub.output().find("rollcall-hub: " + dir.path().string() + "/" + c.where), std::string::npos)
            << c.name << ":\n"
            << hub.output();
        EXPECT_NE(hub.output().find(c.hint), std::string::npos) << c.name << ":\n" << hub.output();
        EXPECT_EQ(hub.output().find("listening"), std::string::npos) << c.name;
        EXPECT_FALSE(std::filesystem::exists(db)) << c.name << ": the record must not be created";
    }
}

} // namespace
