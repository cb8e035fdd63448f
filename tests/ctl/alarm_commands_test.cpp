// alarm ack through rollcallctl on a real record: an acknowledgement names
// what the alarm is about (a registered reader, an issued badge, the hub), its
// code and a note, by the operator; anything else is refused by name and
// changes nothing.
#include "tests/ctl/ctl_harness.h"

using namespace rollcall;

namespace {

class AlarmCommandsTest : public test::CtlHarness {
protected:
    void SetUp() override { seedHall("person_id,name,unit,badge_uid\np1,张三,州直机关,04A23BC1\n"); }

    std::int64_t acks() { return scalar("SELECT count(*) FROM alarm_acks"); }

    void refusedAck(const std::vector<std::string>& args, const std::string& message)
    {
        const auto before = acks();
        refused(args, message);
        EXPECT_EQ(acks(), before);
    }
};

} // namespace

TEST_F(AlarmCommandsTest, anAcknowledgementIsRecordedWithWhoWhenAndTheNote)
{
    const auto out =
        ok({"alarm", "ack", "--source", "hall-in", "--code", "reader_offline", "--note", "  已派人查看  "});
    EXPECT_EQ(out, "alarm reader_offline of hall-in acknowledged by 会务组 at 2026-11-02 08:00:00 (acknowledgement 1): "
                   "已派人查看\n");
    ok({"alarm", "ack", "--source", "04:a2:3b:c1", "--code", "revoked_badge", "--note", "已收回此卡"});
    ok({"alarm", "ack", "--source", "hub", "--code", "record_write_failed", "--note", "磁盘已清理"});
    EXPECT_EQ(acks(), 3);
    EXPECT_EQ(scalar("SELECT count(*) FROM alarm_acks WHERE source = '04A23BC1' AND acked_by = '会务组'"), 1);
}

TEST_F(AlarmCommandsTest, badAcknowledgementsAreRefusedByNameAndChangeNothing)
{
    struct Row {
        const char* name;
        std::vector<std::string> args;
        const char* message;
    };
    const Row rows[] = {
        {"unknown code",
         {"alarm", "ack", "--source", "hall-in", "--code", "fire", "--note", "x"},
         "--code: \"fire\" is not an alarm a desk acknowledges (reader_offline, reader_fault, revoked_badge, "
         "record_write_failed)"},
        {"unknown reader",
         {"alarm", "ack", "--source", "gate", "--code", "reader_offline", "--note", "x"},
         "--source: reader \"gate\" is not registered"},
        {"not a badge",
         {"alarm", "ack", "--source", "zz", "--code", "revoked_badge", "--note", "x"},
         "--source: \"zz\" is not a badge UID"},
        {"a badge never issued",
         {"alarm", "ack", "--source", "04A23BC9", "--code", "revoked_badge", "--note", "x"},
         "--source: badge 04A23BC9 was never issued"},
        {"the hub's alarm of a reader",
         {"alarm", "ack", "--source", "hall-in", "--code", "record_write_failed", "--note", "x"},
         "give --source hub"},
        {"no note",
         {"alarm", "ack", "--source", "hall-in", "--code", "reader_offline", "--note", " "},
         "--note must not be empty"},
    };
    for (const auto& r : rows) {
        SCOPED_TRACE(r.name);
        refusedAck(r.args, r.message);
    }
}
