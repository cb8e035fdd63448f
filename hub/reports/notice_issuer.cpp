#include "hub/reports/notice_issuer.h"

#include "hub/reports/labels.h"
#include "hub/reports/notice_documents.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace rollcall::reports {
namespace {

int ladderStep(const Policy& policy, const std::string& measure)
{
    const auto it = std::find(policy.ladder.begin(), policy.ladder.end(), measure);
    return it == policy.ladder.end() ? -1 : static_cast<int>(it - policy.ladder.begin());
}

/// The heavier of two measures: by the ladder, else 诫勉谈话 over the rest.
const std::string& heavier(const Policy& policy, const std::string& a, const std::string& b)
{
    if (a.empty()) return b;
    if (b.empty()) return a;
    const int sa = ladderStep(policy, a), sb = ladderStep(policy, b);
    if (sa >= 0 && sb >= 0) return sb > sa ? b : a;
    return b == kMeasureTalk ? b : a;
}

/// "2026-11" → "2026-10".
std::string previousMonth(const std::string& month)
{
    int y = std::stoi(month.substr(0, 4)), m = std::stoi(month.substr(5, 2)) - 1;
    if (m == 0) {
        m = 12;
        --y;
    }
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
}

/// Local midnight `months` calendar months before `t`'s date (day clamped to 28).
common::TimePoint monthsBefore(common::TimePoint t, int months, const core::Zone& zone)
{
    const auto d = zone.formatDate(t);
    int y = std::stoi(d.substr(0, 4)), m = std::stoi(d.substr(5, 2)) - months;
    const int day = std::min(std::stoi(d.substr(8, 2)), 28);
    while (m < 1) {
        m += 12;
        --y;
    }
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, day);
    return zone.startOfDay(buf);
}

/// The register's view: which grounds are taken, and each person's notices.
class IssuedSoFar {
public:
    explicit IssuedSoFar(const std::vector<RegisterEntry>& entries)
    {
        std::map<std::int64_t, const RegisterEntry*> byId;
        for (const auto& e : entries) byId.emplace(e.id, &e);
        for (const auto& e : entries) {
            if (e.kind != RegisterEntry::Kind::Notice) continue;
            // A notice withdrawn because an appeal was upheld frees its other
            // grounds (they are issued again, under a new number); one
            // withdrawn by the office's decision keeps them taken.
            bool freed = false;
            if (e.withdrawnBy) {
                const auto w = byId.find(*e.withdrawnBy);
                freed = w != byId.end() && w->second->appealId.has_value();
            }
            if (!freed) {
                for (const auto& g : e.grounds) taken_.insert(g.key);
            }
            if (!e.withdrawnBy) live_.push_back(&e);
        }
    }

    [[nodiscard]] bool taken(const std::string& key) const { return taken_.count(key) > 0; }
    void take(const std::string& key) { taken_.insert(key); }

    /// Lateness: a level counts as taken if that level or a higher one of
    /// the same window is ("late P002 2026-Q4 诫勉谈话" covers 效能告诫).
    [[nodiscard]] bool lateTaken(const std::string& prefix, const std::string& level) const
    {
        if (taken(prefix + level)) return true;
        return level == kMeasureWarning && taken(prefix + kMeasureTalk);
    }

    [[nodiscard]] std::vector<const RegisterEntry*> personNotices(const std::string& person,
                                                                  common::TimePoint since) const
    {
        std::vector<const RegisterEntry*> out;
        for (const auto* e : live_) {
            if (e->personId == person && e->issued >= since) out.push_back(e);
        }
        return out;
    }

    [[nodiscard]] bool unitBelowIn(std::int64_t unit, const std::string& month) const
    {
        return taken("unit-rate " + std::to_string(unit) + " " + month);
    }

private:
    std::set<std::string> taken_;
    std::vector<const RegisterEntry*> live_;
};

/// The venue the person was at: that of their first tap's reader, else the
/// meeting's main venue.
std::string ownVenue(const core::MeetingResult& r, const core::AttendeeResult& a, const IssueContext& c)
{
    std::string venue = r.meeting.venues.empty() ? "" : r.meeting.venues.front();
    for (const auto& t : a.taps) {
        if (t.manual()) continue;
        if (const auto it = c.readerVenues.find(t.readerId); it != c.readerVenues.end()) {
            venue = it->second;
            break;
        }
    }
    const auto name = c.venueNames.find(venue);
    return name == c.venueNames.end() ? venue : name->second;
}

std::string findingZh(const Occurrence& o, const core::AttendeeResult& a)
{
    if (o.absence) return "无故缺席";
    std::string what;
    if (a.outcome.status == core::Status::Late) what = "迟到 " + std::to_string(a.outcome.lateMinutes) + " 分钟";
    if (a.outcome.has(core::LeftEarly))
        what += (what.empty() ? "" : "、") + std::string("早退 ") + std::to_string(a.outcome.earlyMinutes) + " 分钟";
    return what;
}

EvidenceRow evidenceRow(const DisciplineFindings& f, const Occurrence& o, const IssueContext& c, const std::string& who)
{
    const auto& r = f.results[o.meeting];
    const auto& a = r.attendees[o.attendee];
    EvidenceRow row;
    row.meeting = r.meeting.title + "（" + r.meeting.id + "）";
    row.date = c.zone.formatDate(r.meeting.times.start) + " " + c.zone.formatClock(r.meeting.times.start) + "–"
               + c.zone.formatClock(r.meeting.times.end);
    row.venue = ownVenue(r, a, c);
    for (const auto& t : a.taps) {
        row.taps += (row.taps.empty() ? "" : "；") + c.zone.format(t.at).substr(11)
                    + (t.direction == core::Direction::In ? " 签到" : " 签退")
                    + (t.manual() ? "（补签 #" + std::to_string(-t.ref) + "）" : "（#" + std::to_string(t.ref) + "）");
    }
    if (row.taps.empty()) row.taps = "无";
    for (const auto& am : amendmentsShown(a))
        row.amendments += (row.amendments.empty() ? "" : "；") + describeAmendment(am, c.zone);
    if (row.amendments.empty()) row.amendments = "无";
    row.finding = who + findingZh(o, a);
    return row;
}

NoticeText renderText(const std::string& tmpl, const std::string& source,
                      const std::map<std::string, std::string>& values, const std::string& office)
{
    const auto text = renderTemplate(tmpl, values, source);
    std::vector<std::string> lines;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        auto end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
        pos = end + 1;
    }
    if (lines.size() < 3) {
        throw common::InputError("template " + source
                                 + ": needs a title line, an addressee line and at least one paragraph");
    }
    NoticeText t;
    t.office = office;
    t.title = lines[0];
    t.addressee = lines[1];
    t.paragraphs.assign(lines.begin() + 2, lines.end());
    return t;
}

std::string windowZh(CountWindow w)
{
    return w == CountWindow::Month ? "月" : w == CountWindow::Year ? "年度" : "季度";
}

} // namespace

OfficialTemplates defaultOfficialTemplates()
{
    return {defaultOfficialPersonTemplate(), "official_person.txt", defaultOfficialUnitTemplate(), "official_unit.txt"};
}

std::string unitAddressee(const std::string& unitPath)
{
    const auto slash = unitPath.rfind('/');
    return slash == std::string::npos ? unitPath : unitPath.substr(slash + 1);
}

std::vector<RegisterEntry> planNotices(const DisciplineFindings& f, const std::vector<RegisterEntry>& issued,
                                       const OfficialTemplates& templates, const IssueContext& c)
{
    const auto& policy = f.policy;
    IssuedSoFar so(issued);
    std::vector<RegisterEntry> out;
    const auto issuedDate = chineseDate(c.now, c.zone);
    auto base = [&] {
        RegisterEntry e;
        e.period = f.period.label;
        e.issued = c.now;
        e.issuedBy = c.issuedBy;
        return e;
    };

    for (const auto& pf : f.persons) {
        if (pf.measure.empty()) continue;
        RegisterEntry e = base();
        e.personId = pf.person.id;
        std::string measure, basis, summary;
        std::vector<Occurrence> cited;
        std::vector<const Occurrence*> absences;
        for (const auto& o : pf.absences) {
            const auto& m = f.results[o.meeting].meeting;
            const std::string key = "absence " + m.id + " " + pf.person.id;
            if (so.taken(key)) continue;
            e.grounds.push_back({key, {m.id}});
            absences.push_back(&o);
        }
        if (!absences.empty()) {
            measure = heavier(policy, measure, policy.absenceMeasure);
            basis += "“每次无故缺席给予" + policy.absenceMeasure + "”";
            std::string dates;
            for (const auto* o : absences) {
                const auto& r = f.results[o->meeting];
                dates += (dates.empty() ? "" : "、") + chineseDate(r.meeting.times.start, c.zone) + "「"
                         + r.meeting.title + "」（" + ownVenue(r, r.attendees[o->attendee], c) + "）";
                cited.push_back(*o);
            }
            summary += "无故缺席 " + std::to_string(absences.size()) + " 次（" + dates + "）";
        }
        for (const auto& wc : pf.windows) {
            const std::string prefix = "late " + pf.person.id + " " + wc.window.label + " ";
            if (so.lateTaken(prefix, wc.level)) continue;
            NoticeGround g{prefix + wc.level, {}};
            for (const auto& o : wc.cited) {
                g.meetings.push_back(f.results[o.meeting].meeting.id);
                cited.push_back(o);
            }
            e.grounds.push_back(std::move(g));
            measure = heavier(policy, measure, wc.level);
            const int at = wc.level == kMeasureTalk ? policy.talkAt : policy.warningAt;
            basis += std::string(basis.empty() ? "" : "和") + "“一个" + windowZh(policy.window) + "内迟到或早退达到 "
                     + std::to_string(at) + " 次给予" + wc.level + "”";
            summary += std::string(summary.empty() ? "" : "；") + wc.window.labelZh + "内迟到或早退累计 "
                       + std::to_string(wc.count) + " 次";
        }
        if (e.grounds.empty()) continue;
        for (const auto& g : e.grounds) so.take(g.key);

        // Escalation: read what the register holds, never recompute it.
        std::string escalation;
        if (policy.escalate) {
            const RegisterEntry* before = nullptr;
            for (const auto* prior :
                 so.personNotices(pf.person.id, monthsBefore(c.now, policy.escalationMonths, c.zone))) {
                if (ladderStep(policy, prior->measure) < 0) continue;
                if (!before || ladderStep(policy, prior->measure) >= ladderStep(policy, before->measure))
                    before = prior;
            }
            if (before) {
                const auto step = std::min<std::size_t>(
                    static_cast<std::size_t>(ladderStep(policy, before->measure)) + 1, policy.ladder.size() - 1);
                const auto& next = policy.ladder[step];
                if (heavier(policy, measure, next) == next && next != measure) {
                    measure = next;
                    escalation = pf.person.name + "同志已于" + chineseDate(before->issued, c.zone) + "受到"
                                 + before->measure + "（" + before->number + "），"
                                 + std::to_string(policy.escalationMonths) + "个月内再次违反会议纪律。";
                    basis += "和“" + std::to_string(policy.escalationMonths) + "个月内受到" + before->measure
                             + "后再次违反的，给予" + measure + "”";
                }
            }
        }
        e.measure = measure;
        e.rule = "中" + basis + "的规定";
        std::sort(cited.begin(), cited.end(), [](const Occurrence& a, const Occurrence& b) {
            return std::tie(a.meeting, a.attendee) < std::tie(b.meeting, b.attendee);
        });
        cited.erase(std::unique(cited.begin(), cited.end(),
                                [](const Occurrence& a, const Occurrence& b) {
                                    return a.meeting == b.meeting && a.attendee == b.attendee;
                                }),
                    cited.end());
        for (const auto& o : cited) e.evidence.push_back(evidenceRow(f, o, c, ""));
        const auto unitIt = c.unitNames.find(pf.person.unitId);
        const std::string addressee = unitIt == c.unitNames.end() ? unitAddressee(pf.person.unitPath) : unitIt->second;
        e.text = renderText(templates.person, templates.personSource,
                            {{"office", policy.office},
                             {"measure", measure},
                             {"person_name", pf.person.name},
                             {"person_id", pf.person.id},
                             {"unit", addressee},
                             {"addressee", addressee},
                             {"position", pf.person.title.value_or("")},
                             {"period", f.period.labelZh},
                             {"summary", summary},
                             {"escalation", escalation},
                             {"regulation", policy.regulation},
                             {"basis", e.rule},
                             {"appeal_days", std::to_string(policy.appealDeadlineDays)},
                             {"issued_date", issuedDate}},
                            policy.office);
        out.push_back(std::move(e));
    }

    // Units: below the rate (a month), absent from a delegation; one notice per unit per run.
    std::map<std::int64_t, std::size_t> unitEntry;
    std::vector<std::pair<std::int64_t, std::string>> unitOrder; // unit id, path
    std::map<std::int64_t, std::vector<std::string>> facts;
    std::map<std::int64_t, std::vector<std::string>> bases;
    auto entryFor = [&](std::int64_t unit, const std::string& path) -> RegisterEntry& {
        auto [it, fresh] = unitEntry.emplace(unit, out.size());
        if (fresh) {
            RegisterEntry e = base();
            e.unitId = unit;
            e.measure = "每月公示";
            out.push_back(std::move(e));
            unitOrder.emplace_back(unit, path);
        }
        return out[it->second];
    };
    char threshold[32];
    std::snprintf(threshold, sizeof threshold, "%g%%", policy.unitRateBelow * 100.0);
    for (const auto& uf : f.units) {
        const std::string key = "unit-rate " + std::to_string(uf.unit.id) + " " + uf.month.label;
        if (so.taken(key)) continue;
        NoticeGround g{key, {}};
        std::vector<EvidenceRow> rows;
        for (const auto& o : uf.absences) {
            const auto& r = f.results[o.meeting];
            g.meetings.push_back(r.meeting.id);
            const auto& p = r.attendees[o.attendee].person;
            rows.push_back(evidenceRow(f, o, c, p.name + "（" + p.id + "）："));
        }
        std::sort(g.meetings.begin(), g.meetings.end());
        g.meetings.erase(std::unique(g.meetings.begin(), g.meetings.end()), g.meetings.end());
        // Months running: the earlier ones as the register (or this run) recorded them.
        int running = 1;
        for (auto m = previousMonth(uf.month.label); running < policy.unitBelowMonths && so.unitBelowIn(uf.unit.id, m);
             m = previousMonth(m))
            ++running;
        so.take(key);
        auto& e = entryFor(uf.unit.id, uf.unit.path);
        e.grounds.push_back(std::move(g));
        for (auto& row : rows) e.evidence.push_back(std::move(row));
        const auto& k = uf.counts;
        facts[uf.unit.id].push_back(uf.month.labelZh + "，你单位（含下级单位）应参会 " + std::to_string(k.expected)
                                    + " 人次，出席 " + std::to_string(k.present) + " 人次，迟到 "
                                    + std::to_string(k.late) + " 人次，请假 " + std::to_string(k.excused)
                                    + " 人次，无故缺席 " + std::to_string(k.absent) + " 人次，出勤率 "
                                    + formatRate(k.attendanceRate()) + "，低于 " + threshold + " 的要求");
        if (policy.unitBelowMonths > 0 && running >= policy.unitBelowMonths) {
            e.measure = heavier(policy, e.measure == "每月公示" ? "" : e.measure, policy.unitMeasure);
            bases[uf.unit.id].push_back("“单位出勤率连续 " + std::to_string(policy.unitBelowMonths) + " 个月低于 "
                                        + threshold + " 的予以" + policy.unitMeasure + "”");
        } else {
            bases[uf.unit.id].push_back(std::string("“单位月出勤率低于 ") + threshold + " 的列入每月公示”");
        }
    }
    if (policy.delegationAbsent) {
        for (const auto& r : f.results) {
            if (r.meeting.times.start < f.period.from || r.meeting.times.start >= f.period.to) continue;
            for (const auto& d : r.delegations) {
                if (d.status != core::DelegationStatus::Absent) continue;
                const std::string key = "delegation " + r.meeting.id + " " + std::to_string(d.delegation.unitId);
                if (so.taken(key)) continue;
                so.take(key);
                auto& e = entryFor(d.delegation.unitId, d.delegation.unitPath);
                e.grounds.push_back({key, {r.meeting.id}});
                EvidenceRow row;
                row.meeting = r.meeting.title + "（" + r.meeting.id + "）";
                row.date = c.zone.formatDate(r.meeting.times.start) + " " + c.zone.formatClock(r.meeting.times.start)
                           + "–" + c.zone.formatClock(r.meeting.times.end);
                row.venue = r.meeting.venueNames.empty() ? "" : r.meeting.venueNames.front();
                row.taps = "无";
                row.amendments = "无";
                row.finding = "单位派员：应派 " + std::to_string(d.delegation.quota) + " 人，实到 0 人（缺席）";
                e.evidence.push_back(std::move(row));
                e.measure = heavier(policy, e.measure == "每月公示" ? "" : e.measure, policy.unitMeasure);
                facts[d.delegation.unitId].push_back(chineseDate(r.meeting.times.start, c.zone) + "「" + r.meeting.title
                                                     + "」要求你单位派员 " + std::to_string(d.delegation.quota)
                                                     + " 人参加，你单位无人到会");
                bases[d.delegation.unitId].push_back("“单位未按要求派员参会的予以" + policy.unitMeasure + "”");
            }
        }
    }
    for (const auto& [unit, path] : unitOrder) {
        auto& e = out[unitEntry.at(unit)];
        std::string fact, basis;
        for (const auto& s : facts[unit]) fact += (fact.empty() ? "" : "；") + s;
        for (const auto& s : bases[unit]) basis += (basis.empty() ? "" : "和") + s;
        e.rule = "中" + basis + "的规定";
        const auto nameIt = c.unitNames.find(unit);
        const std::string name = nameIt == c.unitNames.end() ? unitAddressee(path) : nameIt->second;
        const bool criticised = e.measure != "每月公示";
        e.text = renderText(templates.unit, templates.unitSource,
                            {{"office", policy.office},
                             {"unit", name},
                             {"addressee", name},
                             {"measure", e.measure},
                             {"period", f.period.labelZh},
                             {"facts", fact + "。"},
                             {"regulation", policy.regulation},
                             {"basis", e.rule},
                             {"decision", criticised ? "经研究，决定对" + name + "予以" + e.measure + "。"
                                                     : "将在每月会议出勤情况公示中列出。"},
                             {"title", criticised ? "关于对" + name + "予以" + e.measure + "的通报"
                                                  : "关于" + name + f.period.labelZh + "会议出勤情况的通报"},
                             {"issued_date", issuedDate}},
                            policy.office);
    }
    return out;
}

RegisterEntry withdrawalOf(const RegisterEntry& notice, const std::string& reason, std::optional<std::int64_t> appealId,
                           const core::Zone& zone, common::TimePoint now, const std::string& by)
{
    RegisterEntry w;
    w.kind = RegisterEntry::Kind::Withdrawal;
    w.personId = notice.personId;
    w.unitId = notice.unitId;
    w.measure = "撤销";
    w.rule = reason;
    w.period = notice.period;
    w.refId = notice.id;
    w.appealId = appealId;
    w.reason = reason;
    w.issued = now;
    w.issuedBy = by;
    w.text.office = notice.text.office;
    w.text.title = "关于撤销" + notice.number + "的通知";
    w.text.addressee = notice.text.addressee;
    w.text.paragraphs.push_back("经研究，决定撤销" + chineseDate(notice.issued, zone) + "印发的《" + notice.text.title
                                + "》（" + notice.number + "），所作" + notice.measure + "不再执行。撤销理由：" + reason
                                + "。");
    w.text.paragraphs.push_back("原通知及其编号保留在通知登记簿中，不再他用。");
    return w;
}

} // namespace rollcall::reports
