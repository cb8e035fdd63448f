<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>BoardPage</name>
    <message>
        <source>Switch meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Venue screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader alarm: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-ins %1 · unknown badges %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Present</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substituted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left mid-meeting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attendance rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live taps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole meeting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Connection to the hub lost — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures below may be out of date; the board reloads as soon as the hub answers.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskResultText</name>
    <message>
        <source>check in %1 by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check out %1 by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record leave for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 attending for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record %1 as a walk-in for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo amendment %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledge the alarm of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issue the notices for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdraw notice %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>record the appeal of %1 at meeting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uphold the appeal of %1 at meeting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject the appeal of %1 at meeting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>: %1 issued, %2 held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (withdrawal %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (appeal #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (amendment %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayText</name>
    <message>
        <source>%1 s ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substituted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not arrived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left mid-meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Repeat tap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader %1 offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader %1 back online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record is written again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disk read/write error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is in use by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the record is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open the record file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record cannot be written: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reader attached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reader error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finalized</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reported broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holder left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked badge %1 tapped at %2, %3: someone is using a lost card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked badge %1 (%2) tapped at %3, %4: someone is using a lost card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InsecureBanner</name>
    <message>
        <source>INSECURE: no encryption, no keys — anyone on the network can read this board and forge taps</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Rollcall attendance board</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeetingPicker</name>
    <message>
        <source>Today&apos;s meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the board</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meetings today (or the hub has not answered yet).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OfficeDeskPage</name>
    <message>
        <source>in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdrawn by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withdraws %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office&apos;s desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working at the hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units ranked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open appeals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Under</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone with a meeting in the period; a row opens the person&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw %1? Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for a withdrawal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue notices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issue the notices the policy finds for %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uphold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uphold appeal #%1 of %2 (the status becomes excused and notices citing the meeting are withdrawn)? Reason: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject appeal #%1 of %2? Reason: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (of the appeal, or of its resolution)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an appeal of %1 against meeting %2, received today? Reason: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview a document below: it is made at the hub and shown here before you save it (XLSX and CSV are saved, not previewed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save XLSX</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents are saved in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A person&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OrganizerDeskPanel</name>
    <message>
        <source>Organizer&apos;s desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, pinyin (wm, wumin), person id or badge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Selected: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a person above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (required with 其他)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in %1 by hand? Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check out %1 by hand? Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record leave for %1? Reason: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substitute (person id in the note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attends for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit a walk-in attends for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in for the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Register %1 as a walk-in for %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the alarm of %1? Note: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amendments of this meeting (every desk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(undone by %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo #%1 (%2)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pager</name>
    <message>
        <source>Page %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonListPanel</name>
    <message>
        <source>Expected at %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <source>Readers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outbox %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TapFeedPanel</name>
    <message>
        <source>Live taps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is the badge in the right hands?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No taps yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitPanel</name>
    <message>
        <source>By unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate ↑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate ↓</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-ins for the unit: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VenueCountsBar</name>
    <message>
        <source>Main venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Branch venue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected %1 · present %2 · late %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not arrived %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::AdminClient</name>
    <message>
        <source>The hub did not answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the hub</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::AlarmListModel</name>
    <message>
        <source>Handled: %1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::AttendeeModel</name>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min late (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Substitute: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::HubConnection</name>
    <message>
        <source>Connecting to the hub…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the meeting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost — reconnecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::MeetingBoard</name>
    <message>
        <source>Late after %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No meeting selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in opens in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting finalized</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::MeetingListModel</name>
    <message>
        <source>Venue %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::OfficeDesk</name>
    <message>
        <source>Period &quot;%1&quot; is not YYYY-MM, YYYY-Qn or YYYY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown document &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period report %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Performance table %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure list %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in sheet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::OrganizerDesk</name>
    <message>
        <source>Walk-in for %1: %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked out by hand: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked in by hand: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 attends for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the unit the walk-in attends for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Walk-in for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a note: what was seen or done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a meeting first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::ReaderHealthModel</name>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clock off %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 during the meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::TapFeedModel</name>
    <message>
        <source>Revoked badge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Badge %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoked badge %1 tapped at %2, %3: someone is using a lost card</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>rollcall::dashboard::UnitTreeModel</name>
    <message>
        <source>%1 … (%2 in all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no unit)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
