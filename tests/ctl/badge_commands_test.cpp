// badge issue|revoke|replace through rollcallctl on a real record: dated
// holdings, taps resolved to whoever held the badge then, a revoked badge's
// taps counted as unknown, and bad input refused naming it, changing nothing.
#include "tests/ctl/ctl_harness.h"

using namespace rollcall;

namespace {

class BadgeCommandsTest : public test::CtlHarness {
protected:
    /// p1 (badge 04A23BC1) and p2 in 州直机关; meeting M 2026-11-10 09:00–11:00 at hall.
    void SetUp() override
    {
        ok({"init"});
        ok({"venue", "add", "--id", "hall"});
        ok({"reader", "add", "--id", "hall-in", "--venue", "hall", "--direction", "in"});
        ok({"roster", "import", "--effective", "2026-11-01",
            write("roster.csv", "person_id,name,unit,badge_uid\np1,张三,州直机关,04A23BC1\np2,李四,州直机关,\n")});
        ok({"meeting", "add", "--id", "M", "--title", "例会", "--venue", "hall", "--start", "2026-11-10 09:00", "--end",
            "2026-11-10 11:00", "--invite-unit", "州直机关"});
    }

    std::string statusOf(const std::string& person)
    {
        const auto status = okJson({"status", "--meeting", "M", "--json"});
        for (const auto& a : status.at("attendees")) {
            if (a.at("person_id") == person) return a.at("status").get<std::string>();
        }
        return "not on the roster";
    }
};

} // namespace

TEST_F(BadgeCommandsTest, aReplacedBadgeStopsCountingAndTheNewOneCountsFromTheReplacement)
{
    const auto out =
        ok({"badge", "replace", "04A23BC1", "--by", "04:a2:3b:c9", "--reason", "lost", "--on", "2026-11-05"});
    EXPECT_NE(out.find("badge 04A23BC1 of p1 replaced by 04A23BC9 from 2026-11-05 00:00:00"), std::string::npos) << out;
    ok({"taps", "import",
        write("taps.csv", "reader_id,seq,badge_uid,time\n"
                          "hall-in,1,04A23BC1,2026-11-10T08:50:00+08:00\n"
                          "hall-in,2,04A23BC9,2026-11-10T09:20:00+08:00\n")});
    clock_.set(at("2026-11-10T12:00:00"));
    EXPECT_EQ(statusOf("p1"), "late"); // the lost card's tap is not p1's
    const auto status = okJson({"status", "--meeting", "M", "--json"});
    EXPECT_EQ(status.at("summary").at("unknown_badges"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM badges WHERE uid = '04A23BC1' AND revoke_reason = 'lost'"), 1);
}

TEST_F(BadgeCommandsTest, issueAndRevokeAreDatedAndKeepOldTapsWithTheirHolder)
{
    ok({"badge", "issue", "--person", "p2", "--uid", "0B000002", "--on", "2026-11-03"});
    ok({"taps", "import",
        write("taps.csv", "reader_id,seq,badge_uid,time\n"
                          "hall-in,1,0B000002,2026-11-10T08:50:00+08:00\n")});
    const auto out = ok({"badge", "revoke", "0B000002", "--reason", "left", "--on", "2026-11-20"});
    EXPECT_NE(out.find("revoked (left)"), std::string::npos) << out;
    clock_.set(at("2026-11-21T12:00:00"));
    EXPECT_EQ(statusOf("p2"), "present"); // tapped while p2 held it
    // The same UID may go to someone else after its revocation.
    ok({"badge", "issue", "--person", "p1", "--uid", "0B000002", "--on", "2026-11-21"});
    EXPECT_EQ(scalar("SELECT count(*) FROM badges WHERE uid = '0B000002'"), 2);
}

TEST_F(BadgeCommandsTest, badBadgeCommandsNameTheInputAndChangeNothing)
{
    struct Row {
        const char* name;
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {"badUid", {"badge", "issue", "--person", "p2", "--uid", "XYZ"}, "--uid: \"XYZ\" is not a badge UID"},
        {"unknownPerson", {"badge", "issue", "--person", "nobody", "--uid", "0B000002"}, "person \"nobody\""},
        {"heldByAnother", {"badge", "issue", "--person", "p2", "--uid", "04A23BC1"}, "already held by person p1"},
        {"badDate", {"badge", "revoke", "04A23BC1", "--reason", "lost", "--on", "2026-11-31"}, "--on:"},
        {"revokeNeverIssued", {"badge", "revoke", "0B000009", "--reason", "lost"}, "0B000009 was never issued"},
        {"revokeBeforeIssue",
         {"badge", "revoke", "04A23BC1", "--reason", "lost", "--on", "2026-10-01"},
         "issued on or after that date"},
        {"replaceByItself", {"badge", "replace", "04A23BC1", "--by", "04A23BC1", "--reason", "broken"}, "itself"},
        {"replaceByHeldBadge",
         {"badge", "replace", "04A23BC1", "--by", "04A23BC1:00:00:00", "--reason", "broken"},
         "is not a badge UID"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        refused(r.args, r.message);
    }
    ok({"badge", "revoke", "04A23BC1", "--reason", "lost"});
    refused({"badge", "revoke", "04A23BC1", "--reason", "lost"}, "held by nobody: it is revoked");
    refused({"badge", "replace", "04A23BC1", "--by", "0B000003", "--reason", "lost"}, "already revoked");
    EXPECT_EQ(ctl({"badge", "revoke", "0B000002", "--reason", "stolen"}).code, 2); // not lost, broken or left
}

TEST_F(BadgeCommandsTest, aChangeThatWouldAlterAFinalizedMeetingIsRefusedNamingIt)
{
    ok({"taps", "import",
        write("taps.csv", "reader_id,seq,badge_uid,time\n"
                          "hall-in,1,04A23BC1,2026-11-10T08:50:00+08:00\n")});
    clock_.set(at("2026-11-12T08:00:00"));
    ok({"meeting", "finalize", "--id", "M"});
    refused({"badge", "revoke", "04A23BC1", "--reason", "lost", "--on", "2026-11-09"}, "meeting \"M\"");
    refused({"badge", "replace", "04A23BC1", "--by", "0B000007", "--reason", "lost", "--on", "2026-11-09"},
            "which is finalized");
    ok({"badge", "revoke", "04A23BC1", "--reason", "lost", "--on", "2026-11-11"});
}
