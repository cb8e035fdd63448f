// DeskResultText (issue 17): a desk's result line says what the desk asked,
// with the numbers the hub's reply gave, in the board's language (Chinese by
// default), and a refusal says what was not done and then the hub's message.
#include "dashboard/src/desk_result_text.h"

#include <QCoreApplication>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using Action = DeskResultText::Action;

namespace {

struct ResultCase {
    const char* name;
    DeskResultText::Request request;
    const char* out; ///< what the command printed (the CLI's English)
    const char* zh;  ///< the desk's line in Chinese
};

class DeskResultTextLines : public ::testing::TestWithParam<ResultCase> {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(translator_.load(QStringLiteral(":/i18n/rollcall_dashboard_zh_CN.qm")));
        QCoreApplication::installTranslator(&translator_);
    }
    void TearDown() override { QCoreApplication::removeTranslator(&translator_); }
    QTranslator translator_;
};

} // namespace

TEST_P(DeskResultTextLines, aDoneActionSaysWhatWasAskedInChineseWithTheHubsNumbers)
{
    const auto& c = GetParam();
    EXPECT_EQ(DeskResultText::done(c.request, QString::fromUtf8(c.out)).toStdString(), std::string(c.zh));
}

INSTANTIATE_TEST_SUITE_P(
    Rules, DeskResultTextLines,
    ::testing::Values(
        ResultCase{"checkIn",
                   {Action::CheckIn, QStringLiteral("吴敏"), {}},
                   "manual check-in of P013 at meeting m-1 at 2026-11-30 09:10:00 recorded (amendment 5)\n",
                   "已为 吴敏 补签到（更正 5）"},
        ResultCase{"checkOut",
                   {Action::CheckOut, QStringLiteral("吴敏"), {}},
                   "manual check-out of P013 at meeting m-1 at 2026-11-30 11:10:00 recorded (amendment 6)\n",
                   "已为 吴敏 补签退（更正 6）"},
        ResultCase{"leave",
                   {Action::Leave, QStringLiteral("张三"), {}},
                   "leave recorded for p1 at meeting m-1 (amendment 7)\n",
                   "已为 张三 登记请假（更正 7）"},
        ResultCase{"substitute",
                   {Action::Substitute, QStringLiteral("李四"), QStringLiteral("张三")},
                   "p2 substitutes for p1 at meeting m-1 (amendment 8)\n",
                   "已登记 李四 代 张三 参会（更正 8）"},
        ResultCase{"walkIn",
                   {Action::WalkIn, QStringLiteral("何静"), QStringLiteral("伊宁市")},
                   "walk-in 何静 (p9, 某县) registered at meeting m-1 for unit 伊宁市, checked in at 09:00 "
                   "(amendment 9)\n",
                   "已登记 何静 代表 伊宁市 列席（更正 9）"},
        ResultCase{
            "undo",
            {Action::Undo, QStringLiteral("5"), {}},
            "amendment #5 (manual_tap of P013 at meeting m-1) revoked by amendment #10; both stay on the record, and "
            "the earlier status applies again\n",
            "已撤销更正 5"},
        ResultCase{"acknowledgeAlarm",
                   {Action::AcknowledgeAlarm, QStringLiteral("r-annex"), QStringLiteral("已派人查看")},
                   "alarm reader_offline of r-annex acknowledged by desk-1 at 2026-11-30 09:12:00\n",
                   "已确认 r-annex 的告警（已派人查看）"},
        ResultCase{"issueNotices",
                   {Action::IssueNotices, QStringLiteral("2026-10"), {}},
                   "notices for 2026-10: 3 issued, 1 held item(s)\nN-1 张三 通报批评\n",
                   "已发出 2026-10 的通知：3 份，暂缓 1 项"},
        ResultCase{"withdrawNotice",
                   {Action::WithdrawNotice, QStringLiteral("伊州效〔2026〕3号"), {}},
                   "伊州效〔2026〕3号 withdrawn by 伊州效〔2026〕4号\n",
                   "已撤回通知 伊州效〔2026〕3号（撤回文号 伊州效〔2026〕4号）"},
        ResultCase{"addAppeal",
                   {Action::AddAppeal, QStringLiteral("p1"), QStringLiteral("m-1")},
                   "appeal #4 of p1 at meeting m-1 by p1 recorded\n",
                   "已登记 p1 对会议 m-1 的申诉（申诉 #4）"},
        ResultCase{"upholdAppeal",
                   {Action::UpholdAppeal, QStringLiteral("p1"), QStringLiteral("m-1")},
                   "appeal #4 upheld (amendment 12); status set to excused (amendment 13)\n",
                   "已支持 p1 在会议 m-1 的申诉（更正 12）"},
        ResultCase{"rejectAppeal",
                   {Action::RejectAppeal, QStringLiteral("p1"), QStringLiteral("m-1")},
                   "appeal #4 rejected (amendment 14)\n",
                   "已驳回 p1 在会议 m-1 的申诉（更正 14）"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST_F(DeskResultTextLines, aRefusalSaysWhatWasNotDoneAndTheHubsMessage)
{
    const auto line = DeskResultText::failed({Action::CheckIn, QStringLiteral("吴敏"), {}},
                                             QStringLiteral("--at: 08:00 is outside the meeting's window"));
    EXPECT_EQ(line.toStdString(), "未能为 吴敏 补签到：--at: 08:00 is outside the meeting's window");
}

TEST(DeskResultText, withoutATranslationTheLineIsEnglish)
{
    EXPECT_EQ(DeskResultText::done({Action::CheckIn, QStringLiteral("P013"), {}}, QStringLiteral("… (amendment 5)"))
                  .toStdString(),
              "Done: check in P013 by hand (amendment 5)");
}
