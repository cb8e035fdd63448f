// common::namedLogger: one logger per name, created once and shared, at
// spdlog's global level, writing the house pattern.
#include "common/logging.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace rollcall::test {
namespace {

TEST(NamedLogger, returnsTheSameLoggerForTheSameName)
{
    const auto first = common::namedLogger("logging-test-same");
    const auto second = common::namedLogger("logging-test-same");
    EXPECT_EQ(first.get(), second.get());
    EXPECT_EQ(first->name(), "logging-test-same");
    EXPECT_EQ(spdlog::get("logging-test-same").get(), first.get());
}

TEST(NamedLogger, createsOneLoggerWhenManyThreadsAskAtOnce)
{
    std::vector<std::shared_ptr<spdlog::logger>> got(8);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < got.size(); ++i) {
        threads.emplace_back([&got, i] { got[i] = common::namedLogger("logging-test-threads"); });
    }
    for (auto& t : threads) t.join();
    for (const auto& l : got) EXPECT_EQ(l.get(), got.front().get());
}

TEST(NamedLogger, startsAtTheGlobalLevel)
{
    const auto before = spdlog::get_level();
    spdlog::set_level(spdlog::level::warn);
    const auto level = common::namedLogger("logging-test-level")->level();
    spdlog::set_level(before);
    EXPECT_EQ(level, spdlog::level::warn);
}

TEST(NamedLogger, writesTimeLevelAndNameToStderr)
{
    const auto logger = common::namedLogger("logging-test-pattern");
    logger->set_level(spdlog::level::info);
    // Catch what the logger writes to file descriptor 2.
    std::FILE* capture = std::tmpfile();
    ASSERT_NE(capture, nullptr);
    std::fflush(stderr);
    const int saved = ::dup(STDERR_FILENO);
    ::dup2(::fileno(capture), STDERR_FILENO);
    logger->info("listening taps={}", 7700);
    std::fflush(stderr);
    ::dup2(saved, STDERR_FILENO);
    ::close(saved);
    std::rewind(capture);
    char buf[512] = {};
    const std::string line(buf, std::fread(buf, 1, sizeof buf - 1, capture));
    std::fclose(capture);
    // 2026-11-03T09:00:00.123 info [logging-test-pattern] listening taps=7700
    EXPECT_EQ(line.find('T'), 10u) << line;
    EXPECT_NE(line.find(" info [logging-test-pattern] listening taps=7700\n"), std::string::npos) << line;
}

} // namespace
} // namespace rollcall::test
