// newAmendment: the one place a correction command's options become an
// amendment (leave, substitute, checkin, override, appeal, absence confirm).
#include "common/input_error.h"
#include "hub/ctl/amendment_options.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::ctl;

TEST(AmendmentOptions, optionsBecomeTheAmendmentsFields)
{
    const auto now = common::fromMillis(1'800'000'000'000);
    const auto a = newAmendment(core::AmendmentKind::Appeal, AmendmentOptions{"M03", "P003", "病假", "办公室"}, now);
    EXPECT_EQ(a.kind, core::AmendmentKind::Appeal);
    EXPECT_EQ(a.meetingId, "M03");
    EXPECT_EQ(a.personId, "P003");
    EXPECT_EQ(a.reason, "病假");
    EXPECT_EQ(a.author, "办公室");
    EXPECT_EQ(a.createdAt, now);
}

TEST(AmendmentOptions, blankReasonIsRejectedNamingTheOption)
{
    const struct {
        const char* name;
        const char* reason;
    } rows[] = {{"empty", ""}, {"spaces", "   "}, {"tabs and line ends", "\t\r\n"}};
    for (const auto& row : rows) {
        try {
            (void)newAmendment(core::AmendmentKind::Leave, AmendmentOptions{"M01", "P001", row.reason, "op"},
                               common::fromMillis(0));
            ADD_FAILURE() << row.name << ": accepted";
        } catch (const common::InputError& e) {
            EXPECT_STREQ(e.what(), "--reason must not be empty: every correction says why") << row.name;
        }
    }
}
