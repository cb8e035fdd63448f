#include "hub/ctl/status_view.h"

#include "common/utf8.h"

#include <iomanip>

namespace rollcall::ctl {
namespace {

using nlohmann::ordered_json;

ordered_json optionalTime(const std::optional<common::TimePoint>& t, const core::Zone& zone)
{
    return t ? ordered_json(zone.formatIso(*t)) : ordered_json(nullptr);
}

std::string pad(std::string_view s, int width)
{
    std::string out(s);
    for (int w = common::displayWidth(s); w < width; ++w) out += ' ';
    return out;
}

std::string clockOrDash(const std::optional<common::TimePoint>& t, const core::Zone& zone)
{
    return t ? zone.format(*t).substr(11) : std::string("-");
}

ordered_json personJson(const core::Person& p) { return {{"person_id", p.id}, {"name", p.name}, {"unit", p.unitPath}}; }

} // namespace

ordered_json statusJson(const core::MeetingResult& r, const core::Zone& zone)
{
    const auto& m = r.meeting;
    ordered_json meeting = {
        {"id", m.id},
        {"title", m.title},
        {"venues", m.venues},
        {"start", zone.formatIso(m.times.start)},
        {"end", zone.formatIso(m.times.end)},
        {"check_in_opens", zone.formatIso(m.times.opening)},
        {"late_grace_minutes", std::chrono::duration_cast<std::chrono::minutes>(m.times.lateGrace).count()},
        {"early_grace_minutes", std::chrono::duration_cast<std::chrono::minutes>(m.times.earlyGrace).count()},
        {"checkout_required", m.times.checkoutRequired},
        {"finalized", m.finalizedAt.has_value()},
        {"cancelled", m.cancelledAt.has_value()},
        {"time_zone", zone.name()},
        {"evaluated_at", zone.formatIso(r.evaluatedAt)},
    };
    const auto& s = r.summary;
    const auto rate = s.attendanceRate();
    ordered_json summary = {
        {"expected", s.expected},
        {"present", s.present},
        {"late", s.late},
        {"absent", s.absent},
        {"excused", s.excused},
        {"substituted", s.substituted},
        {"left_early", s.leftEarly},
        {"left_mid_meeting", s.leftMidMeeting},
        {"no_checkout", s.noCheckout},
        {"walk_ins", s.walkIns},
        {"unknown_badges", s.unknownBadges},
        {"not_arrived", s.notArrived + s.overdue},
        {"attendance_rate", rate ? ordered_json(*rate) : ordered_json(nullptr)},
    };
    ordered_json attendees = ordered_json::array();
    for (const auto& a : r.attendees) {
        ordered_json row = personJson(a.person);
        row["status"] = core::toString(a.outcome.status);
        row["flags"] = core::flagNames(a.outcome.flags);
        row["first_in"] = optionalTime(a.outcome.firstIn, zone);
        row["last_out"] = optionalTime(a.outcome.lastOut, zone);
        row["late_minutes"] = a.outcome.lateMinutes;
        row["early_minutes"] = a.outcome.earlyMinutes;
        row["substitute"] = a.substitute ? personJson(*a.substitute) : ordered_json(nullptr);
        row["leave_reason"] = a.leaveReason ? ordered_json(*a.leaveReason) : ordered_json(nullptr);
        if (a.overriddenFrom) row["overridden_from"] = *a.overriddenFrom;
        ordered_json evidence = ordered_json::array();
        for (const auto& t : a.taps) {
            evidence.push_back({{"at", zone.formatIso(t.at)},
                                {"direction", core::toString(t.direction)},
                                {"source", t.manual() ? "manual" : "reader"},
                                {"reader_id", t.manual() ? ordered_json(nullptr) : ordered_json(t.readerId)},
                                {"ref", t.manual() ? -t.ref : t.ref}});
        }
        row["taps"] = std::move(evidence);
        ordered_json amendments = ordered_json::array();
        for (const auto& am : a.amendments) {
            amendments.push_back({{"id", am.id},
                                  {"kind", toString(am.kind)},
                                  {"by", am.author},
                                  {"at", zone.formatIso(am.createdAt)},
                                  {"reason", am.reason}});
        }
        row["amendments"] = std::move(amendments);
        attendees.push_back(std::move(row));
    }
    ordered_json walkIns = ordered_json::array();
    for (const auto& w : r.walkIns) {
        ordered_json row = personJson(w.person);
        row["first_in"] = zone.formatIso(w.firstIn);
        if (!w.forUnit.empty()) row["for_unit"] = w.forUnit;
        walkIns.push_back(std::move(row));
    }
    ordered_json unknown = ordered_json::array();
    for (const auto& u : r.unknownBadges) {
        unknown.push_back({{"badge_uid", u.uid}, {"first_at", zone.formatIso(u.firstAt)}, {"taps", u.taps}});
    }
    ordered_json delegations = ordered_json::array();
    for (const auto& d : r.delegations) {
        ordered_json delegates = ordered_json::array();
        for (const auto& x : d.delegates) {
            ordered_json row = personJson(x.person);
            row["first_in"] = zone.formatIso(x.firstIn);
            delegates.push_back(std::move(row));
        }
        delegations.push_back({{"unit", d.delegation.unitPath},
                               {"quota", d.delegation.quota},
                               {"status", core::toString(d.status)},
                               {"arrived", d.delegates.size()},
                               {"leave_reason", d.delegation.leaveReason ? ordered_json(*d.delegation.leaveReason)
                                                                         : ordered_json(nullptr)},
                               {"delegates", std::move(delegates)}});
    }
    return {{"meeting", meeting},         {"summary", summary},  {"attendees", attendees},
            {"delegations", delegations}, {"walk_ins", walkIns}, {"unknown_badges", unknown}};
}

void printStatusTable(std::ostream& out, const core::MeetingResult& r, const core::Zone& zone)
{
    const auto& m = r.meeting;
    out << m.title << "  [" << m.id << "]\n";
    out << "  " << zone.format(m.times.start) << " – " << zone.format(m.times.end).substr(11) << " (" << zone.name()
        << ")  venues: ";
    for (std::size_t i = 0; i < m.venues.size(); ++i) out << (i ? ", " : "") << m.venues[i];
    out << (m.finalizedAt ? "  FINALIZED" : "") << (m.cancelledAt ? "  已取消 CANCELLED: expects nobody" : "")
        << "\n  as of " << zone.format(r.evaluatedAt) << "\n\n";

    const auto& s = r.summary;
    const auto rate = s.attendanceRate();
    out << "  应到 expected " << s.expected << "  出席 present " << s.present << "  迟到 late " << s.late
        << "  缺席 absent " << s.absent << "  请假 excused " << s.excused << "  代会 substituted " << s.substituted;
    if (s.notArrived + s.overdue) out << "  未到 not arrived " << (s.notArrived + s.overdue);
    out << "\n  早退 left early " << s.leftEarly << "  中途离场 left mid-meeting " << s.leftMidMeeting
        << "  未签退 no check-out " << s.noCheckout << "  列席 walk-ins " << s.walkIns << "  未知卡 unknown badges "
        << s.unknownBadges << "\n  出勤率 attendance rate ";
    if (rate)
        out << std::fixed << std::setprecision(1) << *rate * 100 << " %\n\n";
    else
        out << "n/a\n\n";

    const std::vector<std::pair<std::string, int>> columns{
        {"单位 unit", 0}, {"姓名 name", 0}, {"状态 status", 0}, {"签到 in", 8},          {"签退 out", 8},
        {"迟到分", 6},    {"早退分", 6},    {"标记 flags", 0},  {"代会人 substitute", 0}};
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : r.attendees) {
        std::string flags;
        for (const auto& f : core::flagNames(a.outcome.flags)) flags += (flags.empty() ? "" : ",") + f;
        rows.push_back(
            {a.person.unitPath, a.person.name,
             std::string(core::labelZh(a.outcome.status)) + " " + std::string(core::toString(a.outcome.status)),
             clockOrDash(a.outcome.firstIn, zone), clockOrDash(a.outcome.lastOut, zone),
             std::to_string(a.outcome.lateMinutes), std::to_string(a.outcome.earlyMinutes), flags.empty() ? "-" : flags,
             a.substitute ? a.substitute->name : "-"});
    }
    std::vector<int> widths;
    for (const auto& [title, min] : columns) widths.push_back(std::max(min, common::displayWidth(title)));
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], common::displayWidth(row[i]));
    }
    auto printRow = [&](const std::vector<std::string>& cells) {
        out << "  ";
        for (std::size_t i = 0; i < cells.size(); ++i)
            out << pad(cells[i], widths[i]) << (i + 1 < cells.size() ? "  " : "");
        out << "\n";
    };
    std::vector<std::string> head;
    for (const auto& c : columns) head.push_back(c.first);
    printRow(head);
    for (const auto& row : rows) printRow(row);

    if (!r.delegations.empty()) {
        out << "\n  单位派员 unit delegations (the unit is expected, not its people):\n";
        for (const auto& d : r.delegations) {
            out << "    " << d.delegation.unitPath << "  " << d.delegates.size() << "/" << d.delegation.quota << "  "
                << core::labelZh(d.status) << " " << core::toString(d.status);
            for (const auto& x : d.delegates) out << "  " << x.person.name << " " << clockOrDash(x.firstIn, zone);
            if (d.delegation.leaveReason) out << "  (请假：" << *d.delegation.leaveReason << ")";
            out << "\n";
        }
    }
    if (!r.walkIns.empty()) {
        out << "\n  列席 walk-ins (not on the roster):\n";
        for (const auto& w : r.walkIns)
            out << "    " << w.person.name << " (" << w.person.unitPath << ") " << clockOrDash(w.firstIn, zone)
                << (w.forUnit.empty() ? "" : "  代表 for " + w.forUnit) << "\n";
    }
    if (!r.unknownBadges.empty()) {
        out << "\n  未知卡 unknown badges:\n";
        for (const auto& u : r.unknownBadges)
            out << "    " << u.uid << " first " << clockOrDash(u.firstAt, zone) << " (" << u.taps << " taps)\n";
    }
}

} // namespace rollcall::ctl
