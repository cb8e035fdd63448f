// SequenceWindow: a reader's seq may run ahead of what is recorded by at most
// the window; re-sends and stragglers below the highest always pass.
#include "hub/core/sequence_window.h"

#include <gtest/gtest.h>

using namespace rollcall;

namespace {

struct WindowCase {
    const char* name;
    std::optional<std::uint64_t> highest;
    std::uint64_t seq;
    bool admitted;
};

const WindowCase kCases[] = {
    {"firstTapOfANewReader", std::nullopt, 1, true},
    {"nextInLine", 41, 42, true},
    {"aReSend", 41, 41, true},
    {"aStragglerBelowTheHighest", 41, 7, true},
    {"exactlyTheWindowAhead", 41, 141, true},
    {"oneBeyondTheWindow", 41, 142, false},
    {"aForgedThousandOnANewReader", std::nullopt, 1000, false},
    {"aForgedTwoTo63MinusOne", 41, 9223372036854775807ULL, false},
    {"aHugeHighestDoesNotOverflow", 18446744073709551000ULL, 18446744073709551615ULL, false},
};

} // namespace

TEST(SequenceWindowRules, jumpsBeyondTheWindowAreRefused)
{
    const core::SequenceWindow window(100);
    for (const auto& c : kCases) {
        SCOPED_TRACE(c.name);
        const auto refusal = window.refusal(c.highest, c.seq);
        EXPECT_EQ(!refusal.has_value(), c.admitted) << refusal.value_or("");
    }
}

TEST(SequenceWindow, theRefusalSaysHowFarAndWhatIsAllowed)
{
    const core::SequenceWindow window(100);
    EXPECT_EQ(window.refusal(41, 1000).value_or(""),
              "seq 1000 jumps 959 beyond the highest recorded (41); at most 100 is allowed");
    EXPECT_EQ(core::SequenceWindow().window(), core::SequenceWindow::kDefaultWindow);
}
