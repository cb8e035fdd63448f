#!/usr/bin/env python3
"""Fills rollcall_dashboard_zh_CN.ts with the Chinese texts of the board.

Run after `lupdate` (see docs/dashboard.md, "Translations"): new source texts
without an entry here stay unfinished and lrelease reports them.
"""
import sys
import xml.etree.ElementTree as ET

ZH = {
    "Reader %1 offline": "读卡器 %1 离线",
    "Main venue": "主会场",
    "Branch venue": "分会场",
    "Expected %1 · present %2 · late %3": "应到 %1 · 到会 %2 · 迟到 %3",
    "absent %1": "缺席 %1",
    "not arrived %1": "未到 %1",
    "Expected at %1": "应到 %1",
    "Is the badge in the right hands?": "请核对是否本人刷卡",
    "Reader %1 back online": "读卡器 %1 已恢复在线",
    "The record is written again": "记录写入已恢复",
    "database error": "数据库错误",
    "disk full": "磁盘已满",
    "disk read/write error": "磁盘读写错误",
    "the record is in use by another program": "记录被其他程序占用",
    "the record is read-only": "记录只读",
    "cannot open the record file": "无法打开记录文件",
    "The record cannot be written: %1 (%2)": "记录写入失败：%1（%2）",
    "%1 h ago": "%1 小时前",
    "%1 … (%2 in all)": "%1 …（共 %2 人）",
    "%1 min": "%1 分钟",
    "%1 min ago": "%1 分钟前",
    "%1 min late": "迟到 %1 分钟",
    "%1 min late (%2)": "迟到 %1 分钟（%2）",
    "%1 s ago": "%1 秒前",
    "%1 units": "%1 个单位",
    "%1/%2 online": "在线 %1/%2",
    "%1: %2 during the meeting": "%1：会议期间%2",
    "(no unit)": "（未分单位）",
    "Absent": "缺席",
    "Attendance rate": "出勤率",
    "Attended %1": "实到 %1",
    "Back to the board": "返回看板",
    "Badge %1": "未登记卡 %1",
    "Revoked badge": "挂失卡",
    "Revoked badge %1": "挂失卡 %1",
    "Revoked badge %1 tapped at %2, %3: someone is using a lost card": "挂失卡 %1 于 %3 在 %2 刷卡：有人在使用已挂失的卡",
    "By unit": "各单位出勤",
    "Check-in open": "签到中",
    "Check-in opens in": "距开始签到",
    "Checked out": "签退",
    "Clock off %1 min": "时钟偏差 %1 分钟",
    "Connected": "已连接",
    "Connecting to the hub…": "正在连接中心…",
    "Connection lost — reconnecting…": "连接中断，正在重连…",
    "Connection to the hub lost — reconnecting…": "与中心的连接已中断，正在重连…",
    "Ended": "已结束",
    "Expected": "应到",
    "Finalized": "已归档",
    "Here": "已到",
    "Rate ↓": "出勤率↓",
    "In": "进",
    "In at %1": "%1 签到",
    "In progress": "进行中",
    "Late": "迟到",
    "Late after %1": "%1 后签到记迟到",
    "Left early": "早退",
    "Left mid-meeting": "中途离场",
    "Left mid-meeting %1": "中途离场 %1",
    "Live": "实时",
    "Live taps": "实时签到",
    "Loading the meeting…": "正在加载会议…",
    "Rate ↑": "出勤率↑",
    "Meeting ended": "会议已结束",
    "Meeting finalized": "会议已归档",
    "Missing": "未到",
    "Missing: %1": "未到：%1",
    "Never seen": "从未上线",
    "No check-out": "未签退",
    "No meeting selected": "未选择会议",
    "No meetings today (or the hub has not answered yet).": "今天没有会议（或中心尚未应答）。",
    "No reader attached": "读卡器未连接",
    "No taps yet": "暂无刷卡",
    "Nobody is absent": "无缺席人员",
    "Nobody is late": "无迟到人员",
    "Not arrived": "未到",
    "Offline": "离线",
    "On leave": "请假",
    "On time": "准时",
    "Online": "在线",
    "Out": "出",
    "Outside window": "不在签到时段",
    "Overdue": "未到（已超时）",
    "Overdue %1": "其中超时 %1",
    "Nobody is overdue": "无超时未到人员",
    "Page %1 / %2": "第 %1/%2 页",
    "Present": "准时到会",
    "Rate": "出勤率",
    "Reader alarm: %1": "读卡器告警：%1",
    "Reader error": "读卡器故障",
    "Readers": "读卡器状态",
    "Refresh": "刷新",
    "Repeat tap": "重复刷卡",
    "Rollcall attendance board": "会议签到看板",
    "Roster": "名册顺序",
    "Scheduled": "未开始",
    "Starts in": "距会议开始",
    "Substitute: %1": "代会：%1",
    "Substituted": "代会",
    "Switch meeting": "切换会议",
    "The figures below may be out of date; the board reloads as soon as the hub answers.":
        "以下数据可能已过时；中心恢复应答后看板将自动重新加载。",
    "Time left": "距会议结束",
    "Today's meetings": "今日会议",
    "Unit": "单位",
    "Unknown badge": "未知卡",
    "Unknown reader": "未知读卡器",
    "Venue %1": "会场 %1",
    "Venue screen": "会场大屏",
    "Walk-in": "列席",
    "Walk-ins %1 · unknown badges %2": "列席 %1 · 未知卡 %2",
    "never": "从未",
    "outbox %1": "积压 %1",
}


def main(path: str) -> int:
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in ZH:
            translation.text = ZH[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    with open(path, "r+", encoding="utf-8") as f:  # keep the DOCTYPE lupdate expects
        text = f.read()
        if "<!DOCTYPE TS>" not in text:
            text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
            f.seek(0)
            f.write(text)
            f.truncate()
    for s in missing:
        print(f"untranslated: {s}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "rollcall_dashboard_zh_CN.ts"))
