#include "hub/reports/notice_register.h"

#include "common/input_error.h"
#include "hub/reports/policy.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace rollcall::reports {
namespace {

// Stored forms: one item a line, fields separated by tabs (no field holds a
// tab or a line break: they are replaced by spaces when written).
std::string clean(std::string s)
{
    std::replace(s.begin(), s.end(), '\t', ' ');
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

std::vector<std::string> split(const std::string& s, char sep)
{
    std::vector<std::string> out;
    std::string item;
    std::istringstream in(s);
    while (std::getline(in, item, sep)) out.push_back(item);
    return out;
}

std::string joinGrounds(const std::vector<NoticeGround>& grounds)
{
    std::string out;
    for (const auto& g : grounds) {
        std::string meetings;
        for (const auto& m : g.meetings) meetings += (meetings.empty() ? "" : ",") + clean(m);
        out += clean(g.key) + "\t" + meetings + "\n";
    }
    return out;
}

std::vector<NoticeGround> parseGrounds(const std::string& text)
{
    std::vector<NoticeGround> out;
    for (const auto& line : split(text, '\n')) {
        if (line.empty()) continue;
        auto fields = split(line, '\t');
        fields.resize(2);
        out.push_back({fields[0], fields[1].empty() ? std::vector<std::string>{} : split(fields[1], ',')});
    }
    return out;
}

std::string joinEvidence(const std::vector<EvidenceRow>& rows)
{
    std::string out;
    for (const auto& r : rows) {
        out += clean(r.meeting) + "\t" + clean(r.date) + "\t" + clean(r.venue) + "\t" + clean(r.taps) + "\t"
               + clean(r.amendments) + "\t" + clean(r.finding) + "\n";
    }
    return out;
}

std::vector<EvidenceRow> parseEvidence(const std::string& text)
{
    std::vector<EvidenceRow> out;
    for (const auto& line : split(text, '\n')) {
        if (line.empty()) continue;
        auto f = split(line, '\t');
        f.resize(6);
        out.push_back({f[0], f[1], f[2], f[3], f[4], f[5]});
    }
    return out;
}

// The text: office, title, addressee, then one paragraph a line.
std::string joinText(const NoticeText& t)
{
    std::string out = clean(t.office) + "\n" + clean(t.title) + "\n" + clean(t.addressee) + "\n";
    for (const auto& p : t.paragraphs) out += clean(p) + "\n";
    return out;
}

NoticeText parseText(const std::string& text)
{
    NoticeText t;
    auto lines = split(text, '\n');
    lines.resize(std::max<std::size_t>(lines.size(), 3));
    t.office = lines[0];
    t.title = lines[1];
    t.addressee = lines[2];
    for (std::size_t i = 3; i < lines.size(); ++i) {
        if (!lines[i].empty()) t.paragraphs.push_back(lines[i]);
    }
    return t;
}

} // namespace

bool RegisterEntry::citesMeeting(const std::string& meeting) const
{
    return std::any_of(grounds.begin(), grounds.end(), [&](const NoticeGround& g) {
        return std::find(g.meetings.begin(), g.meetings.end(), meeting) != g.meetings.end();
    });
}

std::string chineseDate(common::TimePoint t, const core::Zone& zone)
{
    const auto d = zone.formatDate(t);
    return d.substr(0, 4) + "年" + std::to_string(std::stoi(d.substr(5, 2))) + "月"
           + std::to_string(std::stoi(d.substr(8, 2))) + "日";
}

std::vector<RegisterEntry> NoticeRegister::entries() const
{
    std::vector<RegisterEntry> out;
    auto s = db_.prepare("SELECT id, kind, year, n, number, person_id, unit_id, measure, rule, grounds, evidence, "
                         "body, period, ref_id, appeal_id, reason, issued_ms, issued_by FROM notice_register "
                         "ORDER BY id");
    std::map<std::int64_t, std::size_t> byId;
    while (s.step()) {
        RegisterEntry e;
        e.id = s.getInt(0);
        e.kind = s.getText(1) == "withdrawal" ? RegisterEntry::Kind::Withdrawal : RegisterEntry::Kind::Notice;
        e.year = static_cast<int>(s.getInt(2));
        e.n = static_cast<int>(s.getInt(3));
        e.number = s.getText(4);
        if (!s.isNull(5)) e.personId = s.getText(5);
        if (!s.isNull(6)) e.unitId = s.getInt(6);
        e.measure = s.getText(7);
        e.rule = s.getText(8);
        e.grounds = parseGrounds(s.getText(9));
        e.evidence = parseEvidence(s.getText(10));
        e.text = parseText(s.getText(11));
        e.period = s.getText(12);
        if (!s.isNull(13)) e.refId = s.getInt(13);
        if (!s.isNull(14)) e.appealId = s.getInt(14);
        if (!s.isNull(15)) e.reason = s.getText(15);
        e.issued = common::fromMillis(s.getInt(16));
        e.issuedBy = s.getText(17);
        if (e.refId) {
            if (const auto it = byId.find(*e.refId); it != byId.end()) out[it->second].withdrawnBy = e.id;
        }
        byId.emplace(e.id, out.size());
        out.push_back(std::move(e));
    }
    return out;
}

RegisterEntry NoticeRegister::find(const std::string& number, const std::string& what) const
{
    const auto all = entries();
    for (const auto& e : all) {
        if (e.number == number || std::to_string(e.year) + "-" + std::to_string(e.n) == number) return e;
    }
    throw common::InputError(what + ": no notice numbered \"" + number
                             + "\" in the register (give it as printed, or as YEAR-N, e.g. 2026-17; "
                               "`notices list` shows them)");
}

void NoticeRegister::add(RegisterEntry& e, const std::string& numberFormat, const core::Zone& zone)
{
    e.year = std::stoi(zone.formatDate(e.issued).substr(0, 4));
    auto next = db_.prepare("SELECT coalesce(max(n), 0) + 1 FROM notice_register WHERE year = ?");
    next.bind(1, e.year);
    (void)next.step();
    e.n = static_cast<int>(next.getInt(0));
    e.number = formatNoticeNumber(numberFormat, e.year, e.n);
    auto s = db_.prepare("INSERT INTO notice_register(kind, year, n, number, person_id, unit_id, measure, rule, "
                         "grounds, evidence, body, period, ref_id, appeal_id, reason, issued_ms, issued_by) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, e.kind == RegisterEntry::Kind::Withdrawal ? "withdrawal" : "notice")
        .bind(2, e.year)
        .bind(3, e.n)
        .bind(4, e.number)
        .bind(5, e.personId)
        .bind(6, e.unitId)
        .bind(7, e.measure)
        .bind(8, e.rule)
        .bind(9, joinGrounds(e.grounds))
        .bind(10, joinEvidence(e.evidence))
        .bind(11, joinText(e.text))
        .bind(12, e.period)
        .bind(13, e.refId)
        .bind(14, e.appealId);
    if (e.reason.empty())
        s.bindNull(15);
    else
        s.bind(15, e.reason);
    s.bind(16, common::toMillis(e.issued)).bind(17, e.issuedBy).run();
    e.id = db_.lastInsertRowId();
}

} // namespace rollcall::reports
