<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardPage</name>
    <message>
        <source>Live taps</source>
        <translation>实时签到</translation>
    </message>
    <message>
        <source>Switch meeting</source>
        <translation>切换会议</translation>
    </message>
    <message>
        <source>Venue screen</source>
        <translation>会场大屏</translation>
    </message>
    <message>
        <source>Reader alarm: %1</source>
        <translation>读卡器告警：%1</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Walk-ins %1 · unknown badges %2</source>
        <translation>列席 %1 · 未知卡 %2</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>准时到会</translation>
    </message>
    <message>
        <source>Attended %1</source>
        <translation>实到 %1</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Substituted</source>
        <translation>代会</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Left mid-meeting %1</source>
        <translation>中途离场 %1</translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <source>Nobody is absent</source>
        <translation>无缺席人员</translation>
    </message>
    <message>
        <source>Nobody is late</source>
        <translation>无迟到人员</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>未到（已超时）</translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation>其中超时 %1</translation>
    </message>
    <message>
        <source>Nobody is overdue</source>
        <translation>无超时未到人员</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>各单位出勤</translation>
    </message>
    <message>
        <source>Whole meeting</source>
        <translation>全会</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection to the hub lost — reconnecting…</source>
        <translation>与中心的连接已中断，正在重连…</translation>
    </message>
    <message>
        <source>The figures below may be out of date; the board reloads as soon as the hub answers.</source>
        <translation>以下数据可能已过时；中心恢复应答后看板将自动重新加载。</translation>
    </message>
</context>
<context>
    <name>DeskResultText</name>
    <message>
        <source>check in %1 by hand</source>
        <translation>为 %1 补签到</translation>
    </message>
    <message>
        <source>check out %1 by hand</source>
        <translation>为 %1 补签退</translation>
    </message>
    <message>
        <source>record leave for %1</source>
        <translation>为 %1 登记请假</translation>
    </message>
    <message>
        <source>record %1 attending for %2</source>
        <translation>登记 %1 代 %2 参会</translation>
    </message>
    <message>
        <source>record %1 as a walk-in for %2</source>
        <translation>登记 %1 代表 %2 列席</translation>
    </message>
    <message>
        <source>undo amendment %1</source>
        <translation>撤销更正 %1</translation>
    </message>
    <message>
        <source>acknowledge the alarm of %1</source>
        <translation>确认 %1 的告警</translation>
    </message>
    <message>
        <source>issue the notices for %1</source>
        <translation>发出 %1 的通知</translation>
    </message>
    <message>
        <source>withdraw notice %1</source>
        <translation>撤回通知 %1</translation>
    </message>
    <message>
        <source>record the appeal of %1 at meeting %2</source>
        <translation>登记 %1 对会议 %2 的申诉</translation>
    </message>
    <message>
        <source>uphold the appeal of %1 at meeting %2</source>
        <translation>支持 %1 在会议 %2 的申诉</translation>
    </message>
    <message>
        <source>reject the appeal of %1 at meeting %2</source>
        <translation>驳回 %1 在会议 %2 的申诉</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>: %1 issued, %2 held</source>
        <translation>：%1 份，暂缓 %2 项</translation>
    </message>
    <message>
        <source> (withdrawal %1)</source>
        <translation>（撤回文号 %1）</translation>
    </message>
    <message>
        <source> (appeal #%1)</source>
        <translation>（申诉 #%1）</translation>
    </message>
    <message>
        <source> (amendment %1)</source>
        <translation>（更正 %1）</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>已%1</translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation>未能%1：%2</translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>%1 s ago</source>
        <translation>%1 秒前</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>%1 分钟前</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>%1 小时前</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>准时</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>On leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Substituted</source>
        <translation>代会</translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>未到（已超时）</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Left mid-meeting</source>
        <translation>中途离场</translation>
    </message>
    <message>
        <source>No check-out</source>
        <translation>未签退</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>列席</translation>
    </message>
    <message>
        <source>Unknown badge</source>
        <translation>未知卡</translation>
    </message>
    <message>
        <source>Revoked badge</source>
        <translation>挂失卡</translation>
    </message>
    <message>
        <source>Repeat tap</source>
        <translation>重复刷卡</translation>
    </message>
    <message>
        <source>Outside window</source>
        <translation>不在签到时段</translation>
    </message>
    <message>
        <source>Unknown reader</source>
        <translation>未知读卡器</translation>
    </message>
    <message>
        <source>In</source>
        <translation>进</translation>
    </message>
    <message>
        <source>Out</source>
        <translation>出</translation>
    </message>
    <message>
        <source>Never seen</source>
        <translation>从未上线</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>No reader attached</source>
        <translation>读卡器未连接</translation>
    </message>
    <message>
        <source>Reader error</source>
        <translation>读卡器故障</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Check-in open</source>
        <translation>签到中</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Reader %1 offline</source>
        <translation>读卡器 %1 离线</translation>
    </message>
    <message>
        <source>Reader %1 back online</source>
        <translation>读卡器 %1 已恢复在线</translation>
    </message>
    <message>
        <source>The record is written again</source>
        <translation>记录写入已恢复</translation>
    </message>
    <message>
        <source>database error</source>
        <translation>数据库错误</translation>
    </message>
    <message>
        <source>disk full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>disk read/write error</source>
        <translation>磁盘读写错误</translation>
    </message>
    <message>
        <source>the record is in use by another program</source>
        <translation>记录被其他程序占用</translation>
    </message>
    <message>
        <source>the record is read-only</source>
        <translation>记录只读</translation>
    </message>
    <message>
        <source>cannot open the record file</source>
        <translation>无法打开记录文件</translation>
    </message>
    <message>
        <source>The record cannot be written: %1 (%2)</source>
        <translation>记录写入失败：%1（%2）</translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation>已挂失</translation>
    </message>
    <message>
        <source>reported broken</source>
        <translation>已报损</translation>
    </message>
    <message>
        <source>holder left</source>
        <translation>持卡人已离职</translation>
    </message>
    <message>
        <source>Revoked badge %1 tapped at %2, %3: someone is using a lost card</source>
        <translation>挂失卡 %1 于 %3 在 %2 刷卡：有人在使用已挂失的卡</translation>
    </message>
    <message>
        <source>Revoked badge %1 (%2) tapped at %3, %4: someone is using a lost card</source>
        <translation>挂失卡 %1（%2）于 %4 在 %3 刷卡：有人在使用已挂失的卡</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>InsecureBanner</name>
    <message>
        <source>INSECURE: no encryption, no keys — anyone on the network can read this board and forge taps</source>
        <translation>不安全：未加密、未用密钥——网络上任何人都能读取本看板并伪造刷卡</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Rollcall attendance board</source>
        <translation>会议签到看板</translation>
    </message>
</context>
<context>
    <name>MeetingPicker</name>
    <message>
        <source>Today's meetings</source>
        <translation>今日会议</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Back to the board</source>
        <translation>返回看板</translation>
    </message>
    <message>
        <source>No meetings today (or the hub has not answered yet).</source>
        <translation>今天没有会议（或中心尚未应答）。</translation>
    </message>
</context>
<context>
    <name>OfficeDeskPage</name>
    <message>
        <source>in force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>withdrawn by %1</source>
        <translation>已由 %1 撤回</translation>
    </message>
    <message>
        <source>withdraws %1</source>
        <translation>撤回 %1</translation>
    </message>
    <message>
        <source>Office's desk</source>
        <translation>办公室工作台</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Working at the hub…</source>
        <translation>集控中心处理中…</translation>
    </message>
    <message>
        <source>Notice register</source>
        <translation>通知登记簿</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Withdraw %1? Reason: %2</source>
        <translation>撤回 %1？原因：%2</translation>
    </message>
    <message>
        <source>Reason for a withdrawal</source>
        <translation>撤回原因</translation>
    </message>
    <message>
        <source>Issue notices</source>
        <translation>签发通知</translation>
    </message>
    <message>
        <source>Issue the notices the policy finds for %1?</source>
        <translation>签发 %1 按规定应发的通知？</translation>
    </message>
    <message>
        <source>A person's history</source>
        <translation>个人记录</translation>
    </message>
    <message>
        <source>Person id</source>
        <translation>人员编号</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>已用 %1 秒</translation>
    </message>
    <message>
        <source>Units ranked</source>
        <translation>单位排名</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Open appeals</source>
        <translation>待处理申诉</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Under</source>
        <translation>上级单位</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>到会</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>缺席</translation>
    </message>
    <message>
        <source>Excused</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <source>Everyone with a meeting in the period; a row opens the person's history</source>
        <translation>本期间应参会人员；点击一行查看个人记录</translation>
    </message>
    <message>
        <source>People of %1</source>
        <translation>%1 的人员</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Left early</source>
        <translation>早退</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Whom</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>会议</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>事由</translation>
    </message>
    <message>
        <source>Uphold</source>
        <translation>申诉成立</translation>
    </message>
    <message>
        <source>Uphold appeal #%1 of %2 (the status becomes excused and notices citing the meeting are withdrawn)? Reason: %3</source>
        <translation>申诉 #%1（%2）成立？状态改为请假，引用该会议的通知将撤回。理由：%3</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
    <message>
        <source>Reject appeal #%1 of %2? Reason: %3</source>
        <translation>驳回申诉 #%1（%2）？理由：%3</translation>
    </message>
    <message>
        <source>Meeting id</source>
        <translation>会议编号</translation>
    </message>
    <message>
        <source>Reason (of the appeal, or of its resolution)</source>
        <translation>申诉事由或处理理由</translation>
    </message>
    <message>
        <source>Record appeal</source>
        <translation>登记申诉</translation>
    </message>
    <message>
        <source>Record an appeal of %1 against meeting %2, received today? Reason: %3</source>
        <translation>登记 %1 对会议 %2 的申诉（今日收到）？事由：%3</translation>
    </message>
    <message>
        <source>page %1/%2</source>
        <translation>第 %1/%2 页</translation>
    </message>
    <message>
        <source>Preview a document below: it is made at the hub and shown here before you save it (XLSX and CSV are saved, not previewed).</source>
        <translation>在下方选择文件预览：由集控中心生成，先在此查看再保存（XLSX、CSV 只保存，不预览）。</translation>
    </message>
    <message>
        <source>◀</source>
        <translation>◀</translation>
    </message>
    <message>
        <source>▶</source>
        <translation>▶</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>签到表</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Period report</source>
        <translation>期间报表</translation>
    </message>
    <message>
        <source>Performance table</source>
        <translation>绩效考评表</translation>
    </message>
    <message>
        <source>Save XLSX</source>
        <translation>保存 XLSX</translation>
    </message>
    <message>
        <source>Disclosure list</source>
        <translation>公示名单</translation>
    </message>
    <message>
        <source>Documents are saved in %1</source>
        <translation>文件保存在 %1</translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation>%1 的记录</translation>
    </message>
</context>
<context>
    <name>OrganizerDeskPanel</name>
    <message>
        <source>Organizer's desk</source>
        <translation>会务组工作台</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>操作人 %1</translation>
    </message>
    <message>
        <source>Selected: %1 (%2)</source>
        <translation>已选：%1（%2）</translation>
    </message>
    <message>
        <source>Choose a person above</source>
        <translation>请在上方选择人员</translation>
    </message>
    <message>
        <source>Note (required with 其他)</source>
        <translation>备注（选“其他”时必填）</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>手工签到</translation>
    </message>
    <message>
        <source>Check out</source>
        <translation>手工签退</translation>
    </message>
    <message>
        <source>Leave</source>
        <translation>请假</translation>
    </message>
    <message>
        <source>Substitute (person id in the note)</source>
        <translation>代会（备注填代会人编号）</translation>
    </message>
    <message>
        <source>Check in %1 by hand? Reason: %2</source>
        <translation>为 %1 手工签到？原因：%2</translation>
    </message>
    <message>
        <source>Check out %1 by hand? Reason: %2</source>
        <translation>为 %1 手工签退？原因：%2</translation>
    </message>
    <message>
        <source>Record leave for %1? Reason: %2</source>
        <translation>为 %1 登记请假？原因：%2</translation>
    </message>
    <message>
        <source>%1 attends for %2?</source>
        <translation>由 %1 代 %2 参会？</translation>
    </message>
    <message>
        <source>Sending to the hub…</source>
        <translation>正在提交…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo #%1 (%2)?</source>
        <translation>撤销 #%1（%2）？</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Name, pinyin (wm, wumin), person id or badge</source>
        <translation>姓名、拼音（wm、wumin）、人员编号或卡号</translation>
    </message>
    <message>
        <source>Unit a walk-in attends for</source>
        <translation>列席人员所代表的单位</translation>
    </message>
    <message>
        <source>Walk-in for the unit</source>
        <translation>登记列席（代表单位）</translation>
    </message>
    <message>
        <source>Register %1 as a walk-in for %2?</source>
        <translation>登记 %1 代表 %2 列席？</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认告警</translation>
    </message>
    <message>
        <source>Acknowledge the alarm of %1? Note: %2</source>
        <translation>确认 %1 的告警？备注：%2</translation>
    </message>
    <message>
        <source>Amendments of this meeting (every desk)</source>
        <translation>本会议更正记录（各工作台）</translation>
    </message>
    <message>
        <source>(undone by %1)</source>
        <translation>（%1 已撤销）</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>Page %1 / %2</source>
        <translation>第 %1/%2 页</translation>
    </message>
</context>
<context>
    <name>PersonListPanel</name>
    <message>
        <source>Expected at %1</source>
        <translation>应到 %1</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <source>Readers</source>
        <translation>读卡器状态</translation>
    </message>
    <message>
        <source>%1/%2 online</source>
        <translation>在线 %1/%2</translation>
    </message>
    <message>
        <source>outbox %1</source>
        <translation>积压 %1</translation>
    </message>
</context>
<context>
    <name>TapFeedPanel</name>
    <message>
        <source>Is the badge in the right hands?</source>
        <translation>请核对是否本人刷卡</translation>
    </message>
    <message>
        <source>Expected at %1</source>
        <translation>应到 %1</translation>
    </message>
    <message>
        <source>Live taps</source>
        <translation>实时签到</translation>
    </message>
    <message>
        <source>No taps yet</source>
        <translation>暂无刷卡</translation>
    </message>
</context>
<context>
    <name>UnitPanel</name>
    <message>
        <source>By unit</source>
        <translation>各单位出勤</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 个单位</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>应到</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>已到</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>未到</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>出勤率</translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation>未到：%1</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名册顺序</translation>
    </message>
    <message>
        <source>Rate ↑</source>
        <translation>出勤率↑</translation>
    </message>
    <message>
        <source>Rate ↓</source>
        <translation>出勤率↓</translation>
    </message>
    <message>
        <source>Walk-ins for the unit: %1</source>
        <translation>列席：%1</translation>
    </message>
</context>
<context>
    <name>VenueCountsBar</name>
    <message>
        <source>Main venue</source>
        <translation>主会场</translation>
    </message>
    <message>
        <source>Branch venue</source>
        <translation>分会场</translation>
    </message>
    <message>
        <source>Expected %1 · present %2 · late %3</source>
        <translation>应到 %1 · 到会 %2 · 迟到 %3</translation>
    </message>
    <message>
        <source>absent %1</source>
        <translation>缺席 %1</translation>
    </message>
    <message>
        <source>not arrived %1</source>
        <translation>未到 %1</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::AdminClient</name>
    <message>
        <source>The hub did not answer</source>
        <translation>集控中心无响应</translation>
    </message>
    <message>
        <source>Cannot reach the hub</source>
        <translation>无法连接集控中心</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::AlarmListModel</name>
    <message>
        <source>Handled: %1 %2 (%3)</source>
        <translation>已处理：%1 %2（%3）</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::AttendeeModel</name>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min late (%2)</source>
        <translation>迟到 %1 分钟（%2）</translation>
    </message>
    <message>
        <source>%1 min late</source>
        <translation>迟到 %1 分钟</translation>
    </message>
    <message>
        <source>In at %1</source>
        <translation>%1 签到</translation>
    </message>
    <message>
        <source>Substitute: %1</source>
        <translation>代会：%1</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::HubConnection</name>
    <message>
        <source>Connecting to the hub…</source>
        <translation>正在连接中心…</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Loading the meeting…</source>
        <translation>正在加载会议…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation>连接中断，正在重连…</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::MeetingBoard</name>
    <message>
        <source>Late after %1</source>
        <translation>%1 后签到记迟到</translation>
    </message>
    <message>
        <source>No meeting selected</source>
        <translation>未选择会议</translation>
    </message>
    <message>
        <source>Check-in opens in</source>
        <translation>距开始签到</translation>
    </message>
    <message>
        <source>Starts in</source>
        <translation>距会议开始</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>距会议结束</translation>
    </message>
    <message>
        <source>Meeting ended</source>
        <translation>会议已结束</translation>
    </message>
    <message>
        <source>Meeting finalized</source>
        <translation>会议已归档</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::MeetingListModel</name>
    <message>
        <source>Venue %1</source>
        <translation>会场 %1</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::OfficeDesk</name>
    <message>
        <source>Period "%1" is not YYYY-MM, YYYY-Qn or YYYY</source>
        <translation>期间“%1”应为 YYYY-MM、YYYY-Qn 或 YYYY</translation>
    </message>
    <message>
        <source>Unknown document "%1"</source>
        <translation>未知文件“%1”</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation>无法保存 %1</translation>
    </message>
    <message>
        <source>Period report %1</source>
        <translation>期间报表 %1</translation>
    </message>
    <message>
        <source>Performance table %1</source>
        <translation>绩效考评表 %1</translation>
    </message>
    <message>
        <source>Disclosure list %1</source>
        <translation>公示名单 %1</translation>
    </message>
    <message>
        <source>Sign-in sheet %1</source>
        <translation>签到表 %1</translation>
    </message>
    <message>
        <source>Meeting %1 of %2</source>
        <translation>会议 %1/%2</translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation>%1：%2/%3</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::OrganizerDesk</name>
    <message>
        <source>Give a reason</source>
        <translation>请填写原因</translation>
    </message>
    <message>
        <source>Checked in by hand: %1 (%2)</source>
        <translation>手工签到 %1（%2）</translation>
    </message>
    <message>
        <source>Checked out by hand: %1 (%2)</source>
        <translation>手工签退 %1（%2）</translation>
    </message>
    <message>
        <source>Leave: %1 (%2)</source>
        <translation>请假 %1（%2）</translation>
    </message>
    <message>
        <source>%1 attends for %2</source>
        <translation>%1 代 %2 参会</translation>
    </message>
    <message>
        <source>Undo #%1</source>
        <translation>撤销 #%1</translation>
    </message>
    <message>
        <source>Choose a meeting first</source>
        <translation>请先选择会议</translation>
    </message>
    <message>
        <source>Walk-in for %1: %2 (%3)</source>
        <translation>列席（代表 %1）%2（%3）</translation>
    </message>
    <message>
        <source>Give the unit the walk-in attends for</source>
        <translation>请填写列席人员所代表的单位</translation>
    </message>
    <message>
        <source>Walk-in for %1: %2</source>
        <translation>列席（代表 %1）%2</translation>
    </message>
    <message>
        <source>Give a note: what was seen or done</source>
        <translation>请填写备注：所见情况或处理措施</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::ReaderHealthModel</name>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1: %2 during the meeting</source>
        <translation>%1：会议期间%2</translation>
    </message>
    <message>
        <source>Clock off %1 min</source>
        <translation>时钟偏差 %1 分钟</translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation>已确认：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::TapFeedModel</name>
    <message>
        <source>Badge %1</source>
        <translation>未登记卡 %1</translation>
    </message>
    <message>
        <source>Revoked badge %1</source>
        <translation>挂失卡 %1</translation>
    </message>
    <message>
        <source>Revoked badge %1 tapped at %2, %3: someone is using a lost card</source>
        <translation>挂失卡 %1 于 %3 在 %2 刷卡：有人在使用已挂失的卡</translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::UnitTreeModel</name>
    <message>
        <source>(no unit)</source>
        <translation>（未分单位）</translation>
    </message>
    <message>
        <source>%1 … (%2 in all)</source>
        <translation>%1 …（共 %2 人）</translation>
    </message>
</context>
</TS>