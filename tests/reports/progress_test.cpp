// A long report's progress (reports::Progress): a listener (the hub, for the
// wire) hears each step's first and last figure and not every step between,
// a file asked for gets a line per figure shown, and a stopped token stops
// the work at the next step without another figure.
#include "hub/reports/progress.h"

#include <cstdio>
#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace rollcall::reports {
namespace {

TEST(Progress, aListenerHearsEachStepsFirstAndLastFigureAndNotEveryStep)
{
    std::vector<common::ProgressStep> heard;
    Progress progress(false, common::CancelToken{}, [&](const common::ProgressStep& s) { heard.push_back(s); });
    progress.begin("评估会议", 5000);
    for (long i = 1; i <= 5000; ++i) progress.update(i);
    progress.begin("写入", 2);
    progress.update(2);
    ASSERT_GE(heard.size(), 4U);
    EXPECT_EQ(heard.front(), (common::ProgressStep{"评估会议", 0, 5000}));
    EXPECT_LT(heard.size(), 100U) << "every step was sent";
    EXPECT_EQ(heard[heard.size() - 3], (common::ProgressStep{"评估会议", 5000, 5000}));
    EXPECT_EQ(heard[heard.size() - 2], (common::ProgressStep{"写入", 0, 2}));
    EXPECT_EQ(heard.back(), (common::ProgressStep{"写入", 2, 2}));
}

TEST(Progress, aFileAskedForGetsALinePerFigureShown)
{
    std::FILE* file = std::tmpfile();
    ASSERT_NE(file, nullptr);
    {
        Progress progress(true, file);
        progress.begin("评估会议", 10);
        progress.update(5); // within the second: not drawn
        progress.update(10);
    }
    std::rewind(file);
    std::string text;
    for (int c; (c = std::fgetc(file)) != EOF;) text += static_cast<char>(c);
    std::fclose(file);
    EXPECT_EQ(text, "评估会议 0/10 (0%)\n评估会议 10/10 (100%)\n");
}

TEST(Progress, aStoppedTokenStopsTheWorkAtTheNextStepWithoutAnotherFigure)
{
    common::CancelToken cancel;
    int heard = 0;
    Progress progress(false, cancel, [&](const common::ProgressStep&) { ++heard; });
    progress.begin("评估会议", 10);
    EXPECT_EQ(heard, 1);
    cancel.requestStop();
    EXPECT_THROW(progress.update(1), common::Cancelled);
    EXPECT_THROW(progress.update(10), common::Cancelled);
    EXPECT_EQ(heard, 1);
}

} // namespace
} // namespace rollcall::reports
