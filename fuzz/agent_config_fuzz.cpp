// libFuzzer target: the reader agent's TOML config loader and its validation
// on any bytes. Bad input is a ConfigError naming the file, line and key, and
// leaves the config as it was.
#include "fuzz/fuzz_input_file.h"
#include "reader-agent/agent_config.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rollcall;
    const auto path = fuzz::writeInput(data, size, "toml");
    agent::AgentConfig config;
    const agent::AgentConfig before = config;
    try {
        agent::loadAgentConfigFile(config, path);
    } catch (const agent::ConfigError&) {
        if (!(config == before)) std::abort(); // a refused file changed the config
        return 0;
    }
    try {
        agent::validateAgentConfig(config);
    } catch (const agent::ConfigError&) {
    }
    return 0;
}
