// libFuzzer target: the hub's TOML config loader on any bytes. Bad input is an
// InputError naming the file, line and key, and leaves the config as it was.
#include "fuzz/fuzz_input_file.h"
#include "hub/service/hub_config.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace rollcall;
    const auto path = fuzz::writeInput(data, size, "toml");
    service::HubConfig config;
    const service::HubConfig before = config;
    try {
        service::loadHubConfigFile(config, path);
    } catch (const common::InputError&) {
        if (!(config == before)) std::abort(); // a refused file changed the config
    }
    return 0;
}
