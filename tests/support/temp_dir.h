#pragma once
// A directory of its own for one test, removed afterwards (no test sees another's files:
// hermetic). Unique across the processes ctest runs in parallel.

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <string>
#include <unistd.h>

namespace rollcall::test {

class TempDir {
public:
    TempDir()
    {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = info ? std::string(info->test_suite_name()) + "." + info->name() : "rollcall";
        for (auto& c : name) {
            if (c == '/') c = '_';
        }
        // Short enough that a Unix socket inside still fits sun_path (108 bytes).
        if (name.size() > kMaxNameLength) name.resize(kMaxNameLength);
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path()
                / ("rollcall-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return path_; }
    [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

    /// Writes `bytes` exactly (no newline translation) and returns the path.
    std::string write(const std::string& name, const std::string& bytes) const
    {
        const auto p = file(name);
        std::ofstream out(p, std::ios::binary);
        out << bytes;
        return p;
    }

private:
    static constexpr std::size_t kMaxNameLength = 40;
    std::filesystem::path path_;
};

} // namespace rollcall::test
