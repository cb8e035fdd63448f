#pragma once
// Table-driven checks shared by the config loaders' tests (hub, agent,
// policy): a bad file is refused with a message naming file:line, the key
// and a hint, and the config it was loaded into stays exactly as it was.

#include "common/input_error.h"
#include "tests/support/temp_dir.h"

#include <functional>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rollcall::test {

/// One bad config file: its text and what the error must say.
struct BadConfigFile {
    const char* name;
    const char* toml;
    const char* where; // "FILE:LINE: key" expected in the message (FILE is the bare file name)
    const char* hint;  // expected too ("" = nothing more)
};

/// The message of the `Error` that `f` throws, or "<no error>" if it throws none.
template <class Error = common::InputError>
std::string inputErrorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "<no error>";
}

/// Writes each case to `fileName` in a fresh directory, loads it into a copy
/// of `changed` with `load(config, path)`, and expects the message and an
/// unchanged config.
template <class Error = common::InputError, class Config, class Load>
void expectConfigFilesRefused(const std::vector<BadConfigFile>& cases, const std::string& fileName,
                              const Config& changed, Load load)
{
    for (const auto& c : cases) {
        TempDir dir;
        const auto path = dir.write(fileName, c.toml);
        Config config = changed;
        const auto message = inputErrorOf<Error>([&] { load(config, path); });
        EXPECT_NE(message.find(dir.path().string() + "/" + c.where), std::string::npos) << c.name << ": " << message;
        EXPECT_NE(message.find(c.hint), std::string::npos) << c.name << ": " << message;
        EXPECT_EQ(config, changed) << c.name << ": a rejected file must change nothing";
    }
}

} // namespace rollcall::test
