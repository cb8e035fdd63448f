#include "hub/reports/meeting_sheet.h"

#include "hub/reports/figure_columns.h"
#include "hub/reports/labels.h"

#include <algorithm>
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

/// The venue of a member's first check-in by a reader (theirs or their
/// substitute's); nullopt for none or a manual check-in.
std::optional<std::string> checkInVenue(const core::AttendeeResult& a, const SheetPlaces& places)
{
    const core::TapEvidence* first = nullptr;
    for (const auto& t : a.taps) {
        if (t.direction != core::Direction::In) continue;
        if (!first || t.at < first->at) first = &t;
    }
    if (!first || first->manual()) return std::nullopt;
    const auto v = places.readerVenues.find(first->readerId);
    if (v == places.readerVenues.end()) return std::nullopt;
    return v->second;
}

} // namespace

SheetPlaces loadSheetPlaces(common::Database& db)
{
    SheetPlaces places;
    places.units = loadUnits(db);
    auto r = db.prepare("SELECT id, venue_id FROM readers");
    while (r.step()) places.readerVenues.emplace(r.getText(0), r.getText(1));
    return places;
}

Document meetingSheet(const core::MeetingResult& r, const std::vector<OfflineReader>& offline, const core::Zone& zone,
                      common::TimePoint madeAt, const std::vector<core::MeetingChange>& changes,
                      const SheetPlaces& places)
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

    // A venue as the sheet names it: 主会场 is the first venue, the others 分会场.
    auto venueLabel = [&](const std::string& venueId) {
        const auto it = std::find(m.venues.begin(), m.venues.end(), venueId);
        if (it == m.venues.end()) return "其他会场 " + venueId;
        const auto i = static_cast<std::size_t>(it - m.venues.begin());
        const auto& name = i < m.venueNames.size() && !m.venueNames[i].empty() ? m.venueNames[i] : venueId;
        return std::string(i == 0 ? "主会场 " : "分会场 ") + name;
    };
    std::map<std::string, long> byVenue; // venue id -> members checked in there
    long manualCheckIns = 0;

    // Members by unit in the office's order, then by person id.
    const UnitOrder order(places.units);
    std::vector<const core::AttendeeResult*> attendees;
    for (const auto& a : r.attendees) attendees.push_back(&a);
    std::stable_sort(attendees.begin(), attendees.end(), [&](const auto* a, const auto* b) {
        if (a->person.unitPath != b->person.unitPath) return order.before(a->person.unitPath, b->person.unitPath);
        return a->person.id < b->person.id;
    });

    Section sheet;
    sheet.columns = {{"序号", 0.6, true},
                     {"单位", 2.0},
                     {"姓名", 1.0},
                     {"工号", 0.9},
                     {"状态", 1.0},
                     {"签到会场", 1.2},
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
    for (const auto* member : attendees) {
        const auto& a = *member;
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
        std::string venue;
        if (o.firstIn || a.substituteFirstIn) {
            if (const auto v = checkInVenue(a, places)) {
                venue = venueLabel(*v);
                ++byVenue[*v];
            } else {
                venue = "补录";
                ++manualCheckIns;
            }
        }
        sheet.rows.push_back({++n, a.person.unitPath, a.person.name, a.person.id, status, venue,
                              timeOn(o.firstIn, day, zone), timeOn(o.lastOut, day, zone), o.lateMinutes, o.earlyMinutes,
                              flags, substitute, a.leaveReason.value_or(""), amendments});
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

    // Check-ins per venue: the main venue and each branch venue (分会场), every venue listed.
    if (!m.venues.empty() && !r.attendees.empty()) {
        Section venues;
        venues.heading = "各会场签到";
        venues.columns = {{"会场", 3.0}, {"签到人数", 1, true}};
        for (const auto& v : m.venues) venues.rows.push_back({venueLabel(v), byVenue.count(v) ? byVenue.at(v) : 0L});
        for (const auto& [v, count] : byVenue) {
            if (std::find(m.venues.begin(), m.venues.end(), v) == m.venues.end())
                venues.rows.push_back({venueLabel(v), count});
        }
        if (manualCheckIns > 0) venues.rows.push_back({"补录（手工签到，无会场）", manualCheckIns});
        venues.notes.push_back("按名单人员（含代会人）首次签到所在会场计；名单外签到和未登记卡见下表。");
        doc.sections.push_back(std::move(venues));
    }

    Section byUnit;
    byUnit.heading = "各单位小计";
    byUnit.columns = {{"单位", 3.0}};
    const auto figures = figureColumns();
    byUnit.columns.insert(byUnit.columns.end(), figures.begin(), figures.end());
    std::vector<std::string> unitPaths;
    for (const auto& [unit, t] : units) unitPaths.push_back(unit);
    std::stable_sort(unitPaths.begin(), unitPaths.end(),
                     [&](const std::string& a, const std::string& b) { return order.before(a, b); });
    for (const auto& unit : unitPaths) {
        const auto& t = units.at(unit);
        std::vector<Cell> row{unit};
        appendFigures(row, t, t.verify);
        byUnit.rows.push_back(std::move(row));
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

    // Who came without being on the roster, and which cards nobody holds: named, not only counted.
    if (!r.walkIns.empty()) {
        Section walkIns;
        walkIns.heading = "名单外签到";
        walkIns.columns = {{"序号", 0.6, true}, {"单位", 3.0}, {"姓名", 1.2}, {"工号", 1.0}, {"签到时间", 1.2}};
        int k = 0;
        for (const auto& w : r.walkIns) {
            // Registered at the door for a unit: the unit they came for, after their own.
            const auto unit = w.forUnit.empty() ? w.person.unitPath : w.person.unitPath + "（代表" + w.forUnit + "）";
            walkIns.rows.push_back({++k, unit, w.person.name, w.person.id, timeOn(w.firstIn, day, zone)});
        }
        doc.sections.push_back(std::move(walkIns));
    }
    if (!r.unknownBadges.empty()) {
        Section unknown;
        unknown.heading = "未登记卡";
        unknown.columns = {{"序号", 0.6, true}, {"卡号 (UID)", 2.0}, {"首次刷卡", 1.2}, {"刷卡次数", 1, true}};
        int k = 0;
        for (const auto& u : r.unknownBadges) {
            unknown.rows.push_back({++k, u.uid, timeOn(u.firstAt, day, zone), static_cast<std::int64_t>(u.taps)});
        }
        unknown.notes.push_back("未登记卡不属于任何在册人员（或已挂失），请核实持卡人。");
        doc.sections.push_back(std::move(unknown));
    }
    doc.footer = "制表：办公室（效能办）　数据来源：Rollcall 签到记录";
    return doc;
}

} // namespace rollcall::reports
