#include "hub/reports/meeting_sheet.h"

#include "hub/reports/labels.h"

#include <map>

namespace rollcall::reports {
namespace {

std::string timeOn(const std::optional<common::TimePoint>& t, const std::string& day, const core::Zone& zone)
{
    if (!t) return "";
    const auto s = zone.format(*t);
    return s.substr(0, 10) == day ? s.substr(11) : s;
}

struct Tally : core::StatusTally {
    long verify = 0;
    void add(const core::AttendeeResult& a, bool toVerify)
    {
        StatusTally::add(a.outcome.status, a.outcome.flags);
        if (toVerify) ++verify;
    }
};

} // namespace

Document meetingSheet(const core::MeetingResult& r, const std::vector<OfflineReader>& offline, const core::Zone& zone,
                      common::TimePoint madeAt, const std::vector<core::MeetingChange>& changes)
{
    const auto& m = r.meeting;
    const std::string day = zone.formatDate(m.times.start);
    Document doc;
    doc.title = m.title + " 签到表";
    std::string venues;
    for (const auto& v : m.venueNames.empty() ? m.venues : m.venueNames) venues += (venues.empty() ? "" : "、") + v;
    doc.subtitle.push_back("会议编号：" + m.id + "　时间：" + zone.format(m.times.start).substr(0, 16) + " 至 "
                           + (zone.formatDate(m.times.end) == day ? zone.format(m.times.end).substr(11, 5)
                                                                  : zone.format(m.times.end).substr(0, 16))
                           + "（" + zone.name() + "）　会场：" + venues);
    doc.subtitle.push_back("制表时间：" + zone.format(madeAt)
                           + (m.finalizedAt ? "　已定稿：" + zone.format(*m.finalizedAt) : "　未定稿"));
    for (const auto& c : changes) {
        const auto who = "（" + c.author + "，" + zone.format(c.createdAt) + "）：" + c.reason;
        if (c.kind == "cancel")
            doc.subtitle.push_back("本会议已取消，不计应到" + who);
        else
            doc.subtitle.push_back("改期：原定 " + zone.format(c.oldStart).substr(0, 16) + " 至 "
                                   + zone.format(c.oldEnd).substr(0, 16) + who);
    }

    Section sheet;
    sheet.columns = {{"序号", 0.6, true},
                     {"单位", 2.0},
                     {"姓名", 1.0},
                     {"工号", 0.9},
                     {"状态", 1.0},
                     {"签到时间", 1.0},
                     {"签退时间", 1.0},
                     {"迟到(分钟)", 0.8, true},
                     {"早退(分钟)", 0.8, true},
                     {"标记", 1.2},
                     {"代会人", 1.3},
                     {"请假事由", 1.4},
                     {"更正记录", 3.0}};
    std::map<std::string, Tally> units;
    Tally total;
    int n = 0;
    for (const auto& a : r.attendees) {
        const auto& o = a.outcome;
        const bool toVerify =
            o.status == core::Status::Absent && !offline.empty() && !absenceConfirmed(a.amendments, a.person.id);
        std::string status(core::labelZh(o.status));
        if (a.overriddenFrom) {
            if (auto from = core::statusFromString(*a.overriddenFrom))
                status += "（原：" + std::string(core::labelZh(*from)) + "）";
        }
        std::string flags = flagsZh(o.flags);
        if (toVerify) flags += (flags.empty() ? "" : "、") + std::string(kReaderOfflineVerify);
        std::string substitute;
        if (a.substitute) {
            substitute = a.substitute->name + "（" + a.substitute->id + "）";
            if (a.substituteFirstIn) substitute += " " + timeOn(a.substituteFirstIn, day, zone) + " 签到";
        }
        std::string amendments;
        for (const auto& am : amendmentsShown(a))
            amendments += (amendments.empty() ? "" : "；") + describeAmendment(am, zone);
        sheet.rows.push_back({++n, a.person.unitPath, a.person.name, a.person.id, status, timeOn(o.firstIn, day, zone),
                              timeOn(o.lastOut, day, zone), o.lateMinutes, o.earlyMinutes, flags, substitute,
                              a.leaveReason.value_or(""), amendments});
        units[a.person.unitPath].add(a, toVerify);
        total.add(a, toVerify);
    }
    sheet.emptyText = m.cancelledAt ? "（本会议已取消）" : "（本会议名单为空）";
    doc.sections.push_back(std::move(sheet));

    // Unit delegations: the unit is expected, not its people (§11).
    if (!r.delegations.empty()) {
        Section delegations;
        delegations.heading = "单位派员";
        delegations.columns = {{"单位", 2.4}, {"应派", 0.8, true}, {"实到", 0.8, true},
                               {"状态", 1.2}, {"到会人员", 4.0},   {"请假事由", 1.6}};
        for (const auto& d : r.delegations) {
            std::string delegates;
            for (const auto& x : d.delegates)
                delegates += (delegates.empty() ? "" : "、") + x.person.name + " " + timeOn(x.firstIn, day, zone);
            delegations.rows.push_back({d.delegation.unitPath, static_cast<std::int64_t>(d.delegation.quota),
                                        static_cast<std::int64_t>(d.delegates.size()),
                                        std::string(core::labelZh(d.status)), delegates,
                                        d.delegation.leaveReason.value_or("")});
        }
        delegations.notes.push_back("单位派员按单位计应到一席：到齐、到齐(迟到)计出勤，人数不足、缺席不计；"
                                    "到会人员的迟到、早退不计个人。");
        doc.sections.push_back(std::move(delegations));
    }

    Section byUnit;
    byUnit.heading = "各单位小计";
    byUnit.columns = {{"单位", 3.0},     {"应到", 1, true},    {"出席", 1, true}, {"迟到", 1, true},
                      {"代会", 1, true}, {"请假", 1, true},    {"缺席", 1, true}, {"待核实", 1, true},
                      {"早退", 1, true}, {"出勤率", 1.2, true}};
    for (const auto& [unit, t] : units) {
        byUnit.rows.push_back({unit, t.expected, t.present, t.late, t.substituted, t.excused, t.absent, t.verify,
                               t.leftEarly, formatRate(t.attendanceRate())});
    }
    const auto& s = r.summary;
    byUnit.notes.push_back("合计：应到 " + std::to_string(total.expected) + " 人，出席 " + std::to_string(total.present)
                           + " 人，迟到 " + std::to_string(total.late) + " 人，代会 "
                           + std::to_string(total.substituted) + " 人，请假 " + std::to_string(total.excused)
                           + " 人，缺席 " + std::to_string(total.absent) + " 人（其中待核实 "
                           + std::to_string(total.verify) + " 人），早退 " + std::to_string(s.leftEarly)
                           + " 人，中途离场 " + std::to_string(s.leftMidMeeting) + " 人，未签退 "
                           + std::to_string(s.noCheckout) + " 人；出勤率 " + formatRate(total.attendanceRate()) + "。");
    byUnit.notes.push_back("名单外签到 " + std::to_string(s.walkIns) + " 人，未登记卡 "
                           + std::to_string(s.unknownBadges) + " 张。");
    for (const auto& o : offline) {
        byUnit.notes.push_back("读卡器 " + o.readerId + "（会场 " + o.venueId + "）在 "
                               + zone.format(o.gapFrom).substr(11, 5) + "–" + zone.format(o.gapTo).substr(11, 5)
                               + " 未上报心跳：本会议的缺席待核实，核实后以 absence confirm 确认。");
    }
    byUnit.notes.push_back("出勤率 =（出席 + 迟到 + 代会）÷（应到 − 请假）。");
    doc.sections.push_back(std::move(byUnit));
    doc.footer = "制表：办公室（效能办）　数据来源：Rollcall 签到记录";
    return doc;
}

} // namespace rollcall::reports
