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
    # The organizer's desk (issue 16).
    "Organizer's desk": "会务组工作台",
    "by %1": "操作人 %1",
    "Name, person id or badge": "姓名、人员编号或卡号",
    "Selected: %1 (%2)": "已选：%1（%2）",
    "Choose a person above": "请在上方选择人员",
    "Note (required with 其他)": "备注（选“其他”时必填）",
    "Check in": "手工签到",
    "Check out": "手工签退",
    "Leave": "请假",
    "Substitute (person id in the note)": "代会（备注填代会人编号）",
    "Check in %1 by hand? Reason: %2": "为 %1 手工签到？原因：%2",
    "Check out %1 by hand? Reason: %2": "为 %1 手工签退？原因：%2",
    "Record leave for %1? Reason: %2": "为 %1 登记请假？原因：%2",
    "%1 attends for %2?": "由 %1 代 %2 参会？",
    "Sending to the hub…": "正在提交…",
    "Done at this desk": "本台已办",
    "Undo": "撤销",
    "Undo #%1 (%2)?": "撤销 #%1（%2）？",
    "Confirm": "确认",
    "Give a reason": "请填写原因",
    "Checked in by hand: %1 (%2)": "手工签到 %1（%2）",
    "Checked out by hand: %1 (%2)": "手工签退 %1（%2）",
    "Leave: %1 (%2)": "请假 %1（%2）",
    "%1 attends for %2": "%1 代 %2 参会",
    "Undo #%1": "撤销 #%1",
    "Choose a meeting first": "请先选择会议",
    "The hub did not answer": "集控中心无响应",
    "Cannot reach the hub": "无法连接集控中心",
    # The office's desk (issue 16).
    "Office's desk": "办公室工作台",
    "Period": "期间",
    "Level": "层级",
    "Refresh": "刷新",
    "Cancel": "取消",
    "Working at the hub…": "集控中心处理中…",
    "Units ranked by attendance rate": "各单位出勤率排名",
    "Notice register": "通知登记簿",
    "Save PDF": "保存 PDF",
    "Withdraw": "撤回",
    "Withdraw %1? Reason: %2": "撤回 %1？原因：%2",
    "Reason for a withdrawal": "撤回原因",
    "Issue notices": "签发通知",
    "Issue the notices the policy finds for %1?": "签发 %1 按规定应发的通知？",
    "A person's history": "个人记录",
    "Person id": "人员编号",
    "Open": "查看",
    "Documents (saved in %1)": "文件（保存在 %1）",
    "Period report (PDF)": "期间报表（PDF）",
    "Performance table (XLSX)": "绩效考评表（XLSX）",
    "Disclosure list (PDF)": "公示名单（PDF）",
    "Period \"%1\" is not YYYY-MM, YYYY-Qn or YYYY": "期间“%1”应为 YYYY-MM、YYYY-Qn 或 YYYY",
    "Unknown document \"%1\"": "未知文件“%1”",
    "Cancelled": "已取消",
    "in force": "有效",
    "withdrawn by %1": "已由 %1 撤回",
    "withdraws %1": "撤回 %1",
    "Saved %1": "已保存 %1",
    "Cannot save %1": "无法保存 %1",
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
        elif not translation.text or translation.get("type") == "unfinished":
            missing.append(source)  # a translation made in Linguist counts
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
