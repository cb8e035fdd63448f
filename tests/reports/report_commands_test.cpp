// The report commands' handling of bad input: a message naming the input,
// a non-zero exit, and nothing changed (no amendment, no output file).
#include "tests/reports/scenario.h"

#include <gtest/gtest.h>

using namespace rollcall;
using namespace rollcall::testing;

namespace {

class ReportCommands : public ::testing::Test {
protected:
    void SetUp() override
    {
        common::Database db(dir.file("rollcall.db"));
        s.build(db);
    }
    CtlRun ctl(std::vector<std::string> args)
    {
        args.insert(args.begin(), {"--db", dir.file("rollcall.db")});
        return runCtl(args, s.now);
    }
    std::int64_t amendments()
    {
        common::Database db(dir.file("rollcall.db"));
        auto q = db.prepare("SELECT count(*) FROM amendments");
        (void)q.step();
        return q.getInt(0);
    }
    void expectRejected(const std::vector<std::string>& args, const std::string& mentions,
                        const std::string& output = "")
    {
        const auto before = amendments();
        const auto r = ctl(args);
        EXPECT_EQ(r.code, 1) << r.out << r.err;
        EXPECT_NE(r.err.find(mentions), std::string::npos) << "expected \"" << mentions << "\" in: " << r.err;
        EXPECT_NE(r.err.find("nothing was changed"), std::string::npos) << r.err;
        EXPECT_EQ(amendments(), before);
        if (!output.empty()) {
            EXPECT_FALSE(std::filesystem::exists(output)) << output;
        }
    }
    TempDir dir;
    Scenario s;
};

} // namespace

TEST_F(ReportCommands, badPeriodStringIsNamed)
{
    expectRejected({"notices", "--period", "2026-13", "--output", dir.file("n")}, "--period: \"2026-13\"",
                   dir.file("n"));
    expectRejected({"disclosure", "--month", "2026-Q4", "--output", dir.file("d.csv")}, "--month: \"2026-Q4\"",
                   dir.file("d.csv"));
    expectRejected({"report", "period", "--from", "2026-11-31", "--to", "2026-12-01", "--output", dir.file("p.csv")},
                   "--from: \"2026-11-31\"", dir.file("p.csv"));
}

TEST_F(ReportCommands, unknownMeetingIsNamed)
{
    expectRejected({"report", "meeting", "M99", "--output", dir.file("m.csv")}, "meeting \"M99\"", dir.file("m.csv"));
    expectRejected({"appeal", "add", "--meeting", "M99", "--person", "P001", "--reason", "x"}, "meeting \"M99\"");
}

TEST_F(ReportCommands, unwritableOutputPathIsNamed)
{
    const auto missing = dir.file("no-such-dir/m.csv");
    expectRejected({"report", "meeting", "M03", "--output", missing}, missing, missing);
    expectRejected({"report", "meeting", "M03", "--format", "csv", "--output", dir.path().string()}, "is a directory");
    const auto file = dir.file("plain-file");
    std::ofstream(file) << "x";
    expectRejected({"notices", "--period", "2026-11", "--output", file}, file);
}

TEST_F(ReportCommands, unknownFormatIsNamed)
{
    expectRejected({"report", "meeting", "M03", "--format", "docx", "--output", dir.file("m.docx")},
                   "--format: \"docx\"", dir.file("m.docx"));
    expectRejected({"report", "meeting", "M03", "--output", dir.file("m.txt")}, "--format", dir.file("m.txt"));
}

TEST_F(ReportCommands, badPolicyFileIsNamedAndNothingIsWritten)
{
    const auto policy = dir.file("policy.toml");
    std::ofstream(policy) << "[late_or_early]\nwarning_at = 5\ntalk_at = 3\n";
    expectRejected({"notices", "--period", "2026-11", "--policy", policy, "--output", dir.file("n")},
                   policy + ": late_or_early.talk_at", dir.file("n"));
    expectRejected(
        {"disclosure", "--month", "2026-11", "--policy", dir.file("missing.toml"), "--output", dir.file("d.csv")},
        "missing.toml", dir.file("d.csv"));
}

TEST_F(ReportCommands, appealsNeedARosterMemberAndAnOpenAppeal)
{
    expectRejected({"appeal", "add", "--meeting", "M03", "--person", "P007", "--reason", "x"}, "not on the roster");
    expectRejected({"appeal", "resolve", "--meeting", "M03", "--person", "P003", "--upheld", "--reason", "x"},
                   "no open appeal");
    expectRejected(
        {"appeal", "resolve", "--meeting", "M03", "--person", "P003", "--upheld", "--rejected", "--reason", "x"},
        "--upheld or --rejected");
    ASSERT_EQ(ctl({"appeal", "add", "--meeting", "M03", "--person", "P003", "--reason", "x"}).code, 0);
    expectRejected({"appeal", "add", "--meeting", "M03", "--person", "P003", "--reason", "again"}, "still open");
    expectRejected({"appeal", "resolve", "--meeting", "M03", "--person", "P003", "--upheld", "--status", "overdue",
                    "--reason", "x"},
                   "--status");
}

TEST_F(ReportCommands, absenceConfirmationOnlyWhereAReaderWasOffline)
{
    expectRejected({"absence", "confirm", "--meeting", "M03", "--person", "P003", "--reason", "x"},
                   "no reader of meeting M03");
    expectRejected({"absence", "confirm", "--meeting", "M04", "--person", "P002", "--reason", "x"},
                   "P002 is not absent");
    ASSERT_EQ(ctl({"absence", "confirm", "--meeting", "M04", "--person", "P001", "--reason", "核实"}).code, 0);
    expectRejected({"absence", "confirm", "--meeting", "M04", "--person", "P001", "--reason", "again"},
                   "already confirmed");
}

TEST_F(ReportCommands, noProgressOutputWhenStderrIsNotATerminal)
{
    const auto r = ctl({"report", "period", "--from", "2026-10-01", "--to", "2026-12-31", "--by", "person", "--output",
                        dir.file("p.xlsx")});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.err, "");
    EXPECT_NE(r.out.find("7 meeting(s), 6 row(s)"), std::string::npos) << r.out;
}

TEST_F(ReportCommands, reportCacheFillsFinalizedMeetings)
{
    auto r = ctl({"report", "cache", "--from", "2026-10-01", "--to", "2026-12-31"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("cached the results of 7 finalized meeting(s)"), std::string::npos) << r.out;
    r = ctl({"report", "cache", "--from", "2026-10-01", "--to", "2026-12-31"});
    EXPECT_NE(r.out.find("cached the results of 0 finalized meeting(s)"), std::string::npos) << r.out;
}

TEST_F(ReportCommands, blankReasonIsRejectedLikeEveryCorrection)
{
    // Appeals and confirmations build their amendments as leave and override do.
    expectRejected({"appeal", "add", "--meeting", "M03", "--person", "P003", "--reason", "   "},
                   "--reason must not be empty");
    expectRejected({"absence", "confirm", "--meeting", "M04", "--person", "P001", "--reason", " "},
                   "--reason must not be empty");
}
