#include "hub/reports/notice_documents.h"

#include "hub/reports/csv_field.h"
#include "hub/reports/labels.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>

namespace rollcall::reports {
namespace fs = std::filesystem;
namespace {

std::string dateZh(common::TimePoint t, const core::Zone& zone)
{
    const auto d = zone.formatDate(t);
    return d.substr(0, 4) + "年" + std::to_string(std::stoi(d.substr(5, 2))) + "月"
           + std::to_string(std::stoi(d.substr(8, 2))) + "日";
}

std::string numbered(const std::string& period, int n)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03d", n);
    return period + "-" + buf;
}

} // namespace

std::string renderTemplate(const std::string& tmpl, const std::map<std::string, std::string>& values,
                           const std::string& source)
{
    std::string out;
    std::size_t pos = 0;
    while (true) {
        const auto open = tmpl.find("{{", pos);
        if (open == std::string::npos) break;
        const auto close = tmpl.find("}}", open + 2);
        if (close == std::string::npos) {
            throw common::InputError("template " + source + ": \"{{\" without \"}}\" at byte " + std::to_string(open));
        }
        std::string key = tmpl.substr(open + 2, close - open - 2);
        key.erase(0, key.find_first_not_of(' '));
        key.erase(key.find_last_not_of(' ') + 1);
        const auto it = values.find(key);
        if (it == values.end()) {
            std::string known;
            for (const auto& [k, v] : values) known += (known.empty() ? "" : ", ") + k;
            throw common::InputError("template " + source + ": unknown placeholder {{" + key + "}} (known: " + known
                                     + ")");
        }
        out.append(tmpl, pos, open - pos);
        out += it->second;
        pos = close + 2;
    }
    out.append(tmpl, pos, std::string::npos);
    return out;
}

std::string describeOccurrence(const DisciplineFindings& f, const Occurrence& o, const core::Zone& zone)
{
    const auto& r = f.results[o.meeting];
    const auto& m = r.meeting;
    const auto& a = r.attendees[o.attendee];
    std::string venues;
    for (const auto& v : m.venueNames.empty() ? m.venues : m.venueNames) venues += (venues.empty() ? "" : "、") + v;
    std::string s = zone.formatDate(m.times.start) + "「" + m.title + "」（会议 " + m.id + "，"
                    + zone.format(m.times.start).substr(11, 5) + "–" + zone.format(m.times.end).substr(11, 5)
                    + "，会场 " + venues + "）：";
    if (o.absence) {
        s += "无故缺席";
    } else {
        std::string what;
        if (a.outcome.status == core::Status::Late) what = "迟到 " + std::to_string(a.outcome.lateMinutes) + " 分钟";
        if (a.outcome.has(core::LeftEarly)) {
            what +=
                (what.empty() ? "" : "、") + std::string("早退 ") + std::to_string(a.outcome.earlyMinutes) + " 分钟";
        }
        s += what;
    }
    s += "。\n   刷卡记录：";
    if (a.taps.empty()) s += "无";
    for (std::size_t i = 0; i < a.taps.size(); ++i) {
        const auto& t = a.taps[i];
        s += (i ? "；" : "") + zone.format(t.at).substr(11) + (t.direction == core::Direction::In ? " 签到" : " 签退");
        if (t.manual())
            s += "（补签，更正 #" + std::to_string(-t.ref) + "）";
        else
            s += "（读卡器 " + t.readerId + "，记录 #" + std::to_string(t.ref) + "）";
    }
    s += "。";
    if (const auto shown = amendmentsShown(a); !shown.empty()) {
        s += "\n   更正记录：";
        for (std::size_t i = 0; i < shown.size(); ++i) s += (i ? "；" : "") + describeAmendment(shown[i], zone);
        s += "。";
    }
    return s;
}

namespace {

std::string evidenceList(const DisciplineFindings& f, const std::vector<Occurrence>& occs, const core::Zone& zone,
                         int& n)
{
    std::string s;
    for (const auto& o : occs) s += std::to_string(++n) + ". " + describeOccurrence(f, o, zone) + "\n";
    return s;
}

std::string holdZh(Hold h) { return h == Hold::Appeal ? "暂缓（申诉中）" : "暂缓（读卡器离线，待核实）"; }

} // namespace

NoticeOutput writeNotices(DisciplineFindings& f, const NoticeTemplates& templates, const std::string& dir,
                          const core::Zone& zone, common::TimePoint madeAt)
{
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir))
        throw common::InputError("--output: cannot create directory " + dir + (ec ? ": " + ec.message() : ""));
    checkWritable((fs::path(dir) / "index.csv").string(), "--output");

    const std::string windowZh = f.policy.window == CountWindow::Month  ? "月"
                                 : f.policy.window == CountWindow::Year ? "年度"
                                                                        : "季度";
    const std::string madeAtText = zone.format(madeAt) + "（" + zone.name() + "）";
    const std::string issued = dateZh(madeAt, zone);
    NoticeOutput out;
    std::string index = "\xEF\xBB\xBF编号,类型,工号/单位,姓名,单位,处理措施,状态,依据,文件\r\n";
    auto indexRow = [&](const std::vector<std::string>& cells) { index += csvLine(cells) + "\r\n"; };
    std::vector<std::pair<std::string, std::string>> files; // path, text
    int seq = 0;
    for (auto& pf : f.persons) {
        std::string basis;
        int absences = static_cast<int>(pf.absences.size());
        int lateEarly = 0;
        for (const auto& wc : pf.windows) lateEarly = std::max(lateEarly, wc.count);
        if (!pf.measure.empty()) {
            pf.noticeNo = numbered(f.period.label, ++seq);
            pf.file = "notice-" + pf.noticeNo + "-" + pf.person.id + ".txt";
            std::string evidence;
            int n = 0;
            static constexpr std::array<const char*, 6> kParts{"（一）", "（二）", "（三）",
                                                               "（四）", "（五）", "（六）"};
            std::size_t part = 0;
            auto nextPart = [&] { return std::string(kParts.at(std::min(part++, kParts.size() - 1))); };
            if (!pf.absences.empty()) {
                evidence += nextPart() + "无故缺席 " + std::to_string(absences) + " 次：\n"
                            + evidenceList(f, pf.absences, zone, n);
                basis += "“每次无故缺席给予" + f.policy.absenceMeasure + "”";
            }
            for (const auto& wc : pf.windows) {
                evidence += nextPart() + wc.window.labelZh + "内迟到或早退累计 " + std::to_string(wc.count) + " 次：\n"
                            + evidenceList(f, wc.cited, zone, n);
                const int at = wc.level == kMeasureTalk ? f.policy.talkAt : f.policy.warningAt;
                basis += std::string(basis.empty() ? "" : "和") + "“一个" + windowZh + "内迟到或早退达到 "
                         + std::to_string(at) + " 次给予" + wc.level + "”";
            }
            basis = "会议纪律规定中" + basis + "的规定";
            if (!pf.held.empty()) {
                evidence += "另有 " + std::to_string(pf.held.size())
                            + " 项记录暂缓处理（申诉中或待核实），不在本通知范围内。\n";
            }
            if (!evidence.empty() && evidence.back() == '\n') evidence.pop_back();
            const std::map<std::string, std::string> values{{"office", f.policy.office},
                                                            {"notice_no", pf.noticeNo},
                                                            {"measure", pf.measure},
                                                            {"person_name", pf.person.name},
                                                            {"person_id", pf.person.id},
                                                            {"unit", pf.person.unitPath},
                                                            {"position", pf.person.title.value_or("")},
                                                            {"period", f.period.labelZh},
                                                            {"period_label", f.period.label},
                                                            {"absence_count", std::to_string(absences)},
                                                            {"late_early_count", std::to_string(lateEarly)},
                                                            {"evidence", evidence},
                                                            {"basis", basis},
                                                            {"issued_date", issued},
                                                            {"made_at", madeAtText},
                                                            {"record_anchor", f.recordAnchor}};
            files.emplace_back((fs::path(dir) / pf.file).string(),
                               renderTemplate(templates.person, values, templates.personSource));
            std::string summary = absences ? "无故缺席 " + std::to_string(absences) + " 次" : "";
            if (lateEarly)
                summary +=
                    (summary.empty() ? "" : "；") + std::string("迟到或早退 ") + std::to_string(lateEarly) + " 次";
            indexRow({pf.noticeNo, "个人", pf.person.id, pf.person.name, pf.person.unitPath, pf.measure, "已生成",
                      summary, pf.file});
            ++out.personNotices;
        }
        for (const auto& h : pf.held) {
            const auto& r = f.results[h.meeting];
            ++out.held;
            indexRow({"", "个人", pf.person.id, pf.person.name, pf.person.unitPath, "", holdZh(h.hold),
                      zone.formatDate(r.meeting.times.start) + " " + r.meeting.id + " "
                          + (h.absence ? "缺席" : "迟到或早退"),
                      ""});
        }
    }
    for (auto& uf : f.units) {
        uf.noticeNo = numbered(f.period.label, ++seq);
        uf.file = "notice-" + uf.noticeNo + "-unit-" + std::to_string(uf.unit.id) + ".txt";
        // Each line names the absent person: a unit notice covers many people.
        std::string evidence;
        int n = 0;
        for (const auto& o : uf.absences) {
            const auto& a = f.results[o.meeting].attendees[o.attendee];
            evidence += std::to_string(++n) + ". " + a.person.name + "（" + a.person.id + "，" + a.person.unitPath
                        + "）：" + describeOccurrence(f, o, zone) + "\n";
        }
        for (const auto& [mi, di] : uf.delegations) {
            const auto& r = f.results[mi];
            const auto& d = r.delegations[di];
            evidence += std::to_string(++n) + ". " + d.delegation.unitPath + " 单位派员："
                        + zone.formatDate(r.meeting.times.start) + "「" + r.meeting.title + "」（会议 " + r.meeting.id
                        + "）应派 " + std::to_string(d.delegation.quota) + " 人，实到 "
                        + std::to_string(d.delegates.size()) + " 人（" + std::string(core::labelZh(d.status)) + "）\n";
        }
        if (evidence.empty())
            evidence = "（无）";
        else
            evidence.pop_back();
        char threshold[32];
        std::snprintf(threshold, sizeof threshold, "%g%%", f.policy.unitRateBelow * 100.0);
        const auto& c = uf.counts;
        const std::map<std::string, std::string> values{{"office", f.policy.office},
                                                        {"notice_no", uf.noticeNo},
                                                        {"unit", uf.unit.path},
                                                        {"month", uf.month.labelZh},
                                                        {"period", f.period.labelZh},
                                                        {"period_label", f.period.label},
                                                        {"expected", std::to_string(c.expected)},
                                                        {"present", std::to_string(c.present)},
                                                        {"late", std::to_string(c.late)},
                                                        {"left_early", std::to_string(c.leftEarly)},
                                                        {"absent", std::to_string(c.absent)},
                                                        {"excused", std::to_string(c.excused)},
                                                        {"substituted", std::to_string(c.substituted)},
                                                        {"rate", formatRate(c.attendanceRate())},
                                                        {"threshold", threshold},
                                                        {"evidence", evidence},
                                                        {"issued_date", issued},
                                                        {"made_at", madeAtText},
                                                        {"record_anchor", f.recordAnchor}};
        files.emplace_back((fs::path(dir) / uf.file).string(),
                           renderTemplate(templates.unit, values, templates.unitSource));
        indexRow({uf.noticeNo, "单位", std::to_string(uf.unit.id), "", uf.unit.path, "每月公示", "已生成",
                  uf.month.label + " 出勤率 " + formatRate(c.attendanceRate()), uf.file});
        ++out.unitNotices;
    }
    // Render everything first (a template error changes nothing), then write.
    for (const auto& [path, text] : files) writeTextFile(path, text);
    out.indexPath = (fs::path(dir) / "index.csv").string();
    writeTextFile(out.indexPath, index);
    return out;
}

} // namespace rollcall::reports
