#include "dashboard/src/display_text.h"
#include "dashboard/src/reader_health_model.h"
#include "tests/dashboard/support/board_fixture.h"

#include <QSignalSpy>
#include <gtest/gtest.h>

using namespace rollcall::dashboard;
using namespace rollcall::dashboard::test;

namespace {
p::ReaderHealth reader(const std::string& id, bool online, std::int64_t lastSeen)
{
    p::ReaderHealth r;
    r.reader_id = id;
    r.venue_id = "venue.main";
    r.online = online;
    r.last_seen_ms = lastSeen;
    r.outbox_depth = 3;
    r.clock_offset_ms = -250;
    r.agent_version = "0.1.0";
    r.reader_state = p::ReaderState::Ok;
    return r;
}
} // namespace

TEST(ReaderHealthModel, offlineReaderIsAnAlarmOnlyDuringTheMeeting)
{
    ReaderHealthModel m;
    const auto meeting = makeMeeting();
    m.setAlarmWindow(meeting.opening_ms, meeting.end_ms);
    m.reset({reader("door-1", true, kStartMs), reader("door-2", false, kStartMs - 10 * kMinute)});
    m.setNow(meeting.opening_ms - kMinute);
    EXPECT_EQ(m.alarmCount(), 0);
    m.setNow(kStartMs + kMinute);
    EXPECT_EQ(m.alarmCount(), 1);
    EXPECT_TRUE(m.data(m.index(1), ReaderHealthModel::AlarmRole).toBool());
    EXPECT_TRUE(m.alarmText().contains("door-2"));
    m.setNow(meeting.end_ms + kMinute);
    EXPECT_EQ(m.alarmCount(), 0);
}

TEST(ReaderHealthModel, readerComingBackClearsTheAlarm)
{
    ReaderHealthModel m;
    m.setAlarmWindow(0, kStartMs * 2);
    m.setNow(kStartMs);
    m.reset({reader("door-1", false, kStartMs - 60000)});
    EXPECT_EQ(m.alarmCount(), 1);
    QSignalSpy alarms(&m, &ReaderHealthModel::alarmsChanged);
    m.upsert(reader("door-1", true, kStartMs), false);
    EXPECT_EQ(m.alarmCount(), 0);
    EXPECT_GE(alarms.count(), 1);
}

TEST(ReaderHealthModel, hubAlarmIsShownUntilCleared)
{
    ReaderHealthModel m;
    m.reset({reader("door-1", true, kStartMs)});
    m.applyAlarm({"door-1", "读卡器离线 5 分钟", true});
    EXPECT_EQ(m.alarmCount(), 1);
    EXPECT_EQ(m.data(m.index(0), ReaderHealthModel::AlarmMessageRole).toString(),
              QString::fromUtf8("读卡器离线 5 分钟"));
    m.applyAlarm({"door-1", "", false});
    EXPECT_EQ(m.alarmCount(), 0);
}

TEST(ReaderHealthModel, anAcknowledgementLastsWhileTheAlarmDoesAndANewOneIsUnacknowledged)
{
    ReaderHealthModel m;
    const auto meeting = makeMeeting();
    m.setAlarmWindow(meeting.opening_ms, meeting.end_ms);
    m.reset({reader("door-1", false, kStartMs - 10 * kMinute)});
    m.setNow(kStartMs + kMinute);
    ASSERT_EQ(m.alarmCount(), 1);
    p::Alarm ack{"door-1", "告警已确认", true, "reader_offline", {"door-1"}};
    ack.ack_by = "huiwuzu-1";
    ack.ack_note = "已派人查看";
    ack.ack_ms = kStartMs + kMinute;
    m.applyAlarm(ack);
    EXPECT_EQ(m.alarmCount(), 1) << "acknowledged, the alarm is still shown";
    EXPECT_TRUE(m.ackOf("door-1").contains("huiwuzu-1") && m.ackOf("door-1").contains(QString::fromUtf8("已派人查看")));
    EXPECT_FALSE(m.data(m.index(0), ReaderHealthModel::AckTextRole).toString().isEmpty());
    EXPECT_TRUE(m.alarmText().contains(QString::fromUtf8("已派人查看")));
    // It ends (the reader is heard from again), then a new outage: not acknowledged.
    m.upsert(reader("door-1", true, kStartMs + 2 * kMinute), true);
    m.applyAlarm({"door-1", "读卡器 door-1 已恢复在线", false, "reader_online", {"door-1"}});
    EXPECT_TRUE(m.ackOf("door-1").isEmpty());
    m.upsert(reader("door-1", false, kStartMs + 2 * kMinute), true);
    m.applyAlarm({"door-1", "读卡器 door-1 离线", true, "reader_offline", {"door-1"}});
    EXPECT_EQ(m.alarmCount(), 1);
    EXPECT_TRUE(m.ackOf("door-1").isEmpty());
}

TEST(ReaderHealthModel, hubStreamDoesNotAddForeignReaders)
{
    ReaderHealthModel m;
    m.reset({reader("door-1", true, kStartMs)});
    m.upsert(reader("door-99", true, kStartMs), false);
    EXPECT_EQ(m.rowCount(), 1);
    m.upsert(reader("door-99", true, kStartMs), true);
    EXPECT_EQ(m.rowCount(), 2);
}

TEST(ReaderHealthModel, displayValues)
{
    ReaderHealthModel m;
    m.reset({reader("door-1", true, kStartMs - 12000)});
    m.setNow(kStartMs);
    const auto idx = m.index(0);
    EXPECT_EQ(m.data(idx, ReaderHealthModel::LastSeenTextRole).toString(), "12 s ago");
    EXPECT_EQ(m.data(idx, ReaderHealthModel::ClockOffsetTextRole).toString(), "-250 ms");
    EXPECT_EQ(m.data(idx, ReaderHealthModel::StateTextRole).toString(), "Online");
    EXPECT_EQ(m.data(idx, ReaderHealthModel::OutboxDepthRole).toULongLong(), 3u);
    EXPECT_EQ(m.onlineCount(), 1);
}

TEST(ReaderHealthModelClockSkew, readerClockOffByAMinuteOrMoreIsShownInMinutes)
{
    struct Case {
        const char* name;
        std::int64_t offsetMs; // hub − agent
        const char* text;
        bool skewed;
    };
    const std::vector<Case> cases{
        {"a clock an hour fast", -3'599'999, "Clock off +60 min", true},
        {"a clock 90 s slow", 90'000, "Clock off -2 min", true},
        {"just at the threshold", -60'000, "Clock off +1 min", true},
        {"within the threshold", -59'999, "-59999 ms", false},
        {"a well-set clock", 250, "+250 ms", false},
    };
    for (const auto& c : cases) {
        ReaderHealthModel m;
        auto r = reader("door-1", true, kStartMs);
        r.clock_offset_ms = c.offsetMs;
        m.reset({r});
        EXPECT_EQ(m.data(m.index(0), ReaderHealthModel::ClockOffsetTextRole).toString().toStdString(), c.text)
            << c.name;
        EXPECT_EQ(m.data(m.index(0), ReaderHealthModel::ClockSkewedRole).toBool(), c.skewed) << c.name;
    }
}

TEST(ReaderHealthModel, alarmWithACodeIsWordedInTheBoardsLanguage)
{
    // No translator installed: the board's source language, English.
    ReaderHealthModel m;
    m.reset({reader("door-1", true, kStartMs)});
    m.applyAlarm({"door-1", "读卡器 door-1 离线", true, "reader_offline", {"door-1"}});
    EXPECT_EQ(m.data(m.index(0), ReaderHealthModel::AlarmMessageRole).toString(), "Reader door-1 offline");
    // A code this board does not know: the hub's own text.
    m.applyAlarm({"door-1", "读卡器 door-1 过热", true, "reader_overheated", {"door-1"}});
    EXPECT_EQ(m.data(m.index(0), ReaderHealthModel::AlarmMessageRole).toString(),
              QString::fromUtf8("读卡器 door-1 过热"));
}

TEST(ReaderHealthModel, recordWriteFailureNamesItsCauseInTheBoardsLanguage)
{
    const p::Alarm full{"hub",
                        "记录写入失败：磁盘已满（database or disk is full）",
                        true,
                        "record_write_failed",
                        {"disk_full", "database or disk is full"}};
    EXPECT_EQ(DisplayText::alarm(full), "The record cannot be written: disk full (database or disk is full)");
    EXPECT_EQ(DisplayText::alarm({"hub", "记录写入已恢复", false, "record_write_recovered", {}}),
              "The record is written again");
}

namespace {

p::Alarm readerAck(const std::string& code, std::int64_t atMs)
{
    p::Alarm ack{"door-1", "告警已确认", true, code, {"door-1"}};
    ack.ack_by = "huiwuzu-1";
    ack.ack_note = "已派人查看";
    ack.ack_ms = atMs;
    return ack;
}

} // namespace

TEST(ReaderHealthModel, anAcknowledgementSaysWhoWhenAndTheNote)
{
    ReaderHealthModel m;
    m.setAlarmWindow(0, kStartMs * 2);
    m.setNow(kStartMs + 5 * kMinute);
    m.reset({reader("door-1", false, kStartMs - 10 * kMinute)});
    m.applyAlarm(readerAck("reader_offline", kStartMs + 4 * kMinute));
    const auto expected = QStringLiteral("huiwuzu-1 %1").arg(DisplayText::clock(kStartMs + 4 * kMinute));
    EXPECT_TRUE(m.ackOf(QStringLiteral("door-1")).startsWith(expected))
        << m.ackOf(QStringLiteral("door-1")).toStdString();
    EXPECT_TRUE(m.ackOf(QStringLiteral("door-1")).contains(QString::fromUtf8("已派人查看")));
    EXPECT_TRUE(m.alarmText().contains(expected)) << m.alarmText().toStdString();
}

TEST(ReaderHealthModel, aFaultyReadersAcknowledgementLastsUntilItsReaderIsFixed)
{
    ReaderHealthModel m;
    m.setAlarmWindow(0, kStartMs * 2);
    m.setNow(kStartMs + 5 * kMinute);
    auto faulty = reader("door-1", true, kStartMs + 4 * kMinute);
    faulty.reader_state = p::ReaderState::NoReader;
    m.reset({faulty});
    ASSERT_EQ(m.alarmCount(), 1);
    m.applyAlarm(readerAck("reader_fault", kStartMs + 5 * kMinute));
    EXPECT_FALSE(m.ackOf(QStringLiteral("door-1")).isEmpty());

    faulty.last_seen_ms = kStartMs + 6 * kMinute; // its next heartbeat: still faulty
    m.upsert(faulty, true);
    EXPECT_FALSE(m.ackOf(QStringLiteral("door-1")).isEmpty()) << "the same fault, still acknowledged";

    m.upsert(reader("door-1", true, kStartMs + 7 * kMinute), true); // fixed
    EXPECT_EQ(m.alarmCount(), 0);
    EXPECT_TRUE(m.ackOf(QStringLiteral("door-1")).isEmpty());
    faulty.last_seen_ms = kStartMs + 8 * kMinute;
    m.upsert(faulty, true);
    EXPECT_EQ(m.alarmCount(), 1);
    EXPECT_TRUE(m.ackOf(QStringLiteral("door-1")).isEmpty()) << "a later fault is a new alarm";
}
