#pragma once
// For libFuzzer targets whose code under test reads a file by path (CSV
// importers, config loaders): the input written to one scratch file per
// process, in the temp directory.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace rollcall::fuzz {

/// Writes the input to `<tmp>/rollcall-fuzz-<pid>.<extension>` and returns the path.
inline std::string writeInput(const std::uint8_t* data, std::size_t size, const std::string& extension)
{
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("rollcall-fuzz-" + std::to_string(::getpid()) + "." + extension))
            .string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    return path;
}

} // namespace rollcall::fuzz
