#pragma once
// Test and benchmark fixtures for the dashboard: a deterministic meeting with
// a multi-script roster, and HubSim, a stand-in for the hub's live state that
// numbers updates like the hub does and can produce the snapshot of any moment.

#include "protocol/messages.h"

#include <QAbstractItemModel>
#include <QColor>
#include <QVariant>
#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace rollcall::dashboard::test {

namespace p = rollcall::protocol;

inline constexpr std::int64_t kStartMs = 1718002800000; // 2024-06-10 15:00 Asia/Shanghai
inline constexpr std::int64_t kMinute = 60'000;
inline constexpr const char* kMeetingId = "m-2024-06-10-01";

inline p::MeetingInfo makeMeeting(const std::string& id = kMeetingId)
{
    p::MeetingInfo m;
    m.id = id;
    m.title = "全州效能建设推进会";
    m.venues = {"venue.main", "venue.yining"};
    m.start_ms = kStartMs;
    m.end_ms = kStartMs + 120 * kMinute;
    m.late_grace_s = 300;
    m.early_grace_s = 300;
    m.opening_ms = kStartMs - 60 * kMinute;
    m.checkout_required = false;
    m.finalized = false;
    return m;
}

inline const std::vector<std::string>& unitPaths()
{
    static const std::vector<std::string> units = {
        "州直机关/州发改委", "州直机关/州财政局", "州直机关/州教育局", "州直机关/州卫健委", "伊宁市/市政府办",
        "伊宁市/市教育局",   "奎屯市/市委办",     "奎屯市/市财政局",   "霍城县/县政府办",   "霍城县/县发改委",
    };
    return units;
}

/// A person's name in Chinese, Uyghur (Arabic script) or a Chinese transliteration.
inline std::string personName(int i)
{
    static const std::array<const char*, 12> family = {"王", "李", "张", "刘", "陈", "杨",
                                                       "赵", "黄", "周", "吴", "徐", "孙"};
    static const std::array<const char*, 12> given = {"伟", "芳", "娜", "敏", "静", "丽",
                                                      "强", "磊", "军", "洋", "勇", "艳"};
    static const std::array<const char*, 6> uyghur = {"ئابدۇرېھىم ئەمەت", "مۇھەممەت تۇرسۇن", "گۈلنار ئابلا",
                                                      "ئەخمەت قادىر",     "پاتىگۈل ھېسام",   "ئالىم نىياز"};
    static const std::array<const char*, 4> translit = {"阿卜杜热合曼·艾买提", "买买提·吐尔逊", "古丽娜尔·阿不拉",
                                                        "艾合买提·卡德尔"};
    if (i % 9 == 4) return uyghur[static_cast<std::size_t>(i / 9) % uyghur.size()];
    if (i % 9 == 7) return translit[static_cast<std::size_t>(i / 9) % translit.size()];
    return std::string(family[static_cast<std::size_t>(i) % family.size()])
           + given[static_cast<std::size_t>(i / 12) % given.size()]
           + (i >= 144 ? given[static_cast<std::size_t>(i / 144) % given.size()] : "");
}

inline std::string personId(int i) { return "P-" + std::to_string(10000 + i); }
inline std::string badgeOf(int i)
{
    char buf[16];
    std::snprintf(buf, sizeof buf, "04%06X", 0x100000 + i);
    return buf;
}

/// Stand-in for the hub's view of one meeting.
class HubSim {
public:
    /// `people` roster members; at `nowMs` the ones with index % 20 in [0,12]
    /// have come on time, 13..14 late, 16 are on leave, 17 substituted; the
    /// rest have not arrived (overdue once grace has passed).
    explicit HubSim(int people, std::int64_t nowMs = kStartMs + 20 * kMinute, const std::string& meetingId = kMeetingId)
        : now_(nowMs)
    {
        s_.meeting = makeMeeting(meetingId);
        const auto& units = unitPaths();
        for (int i = 0; i < people; ++i) {
            p::AttendeeState a;
            a.person_id = personId(i);
            a.name = personName(i);
            a.unit = units[static_cast<std::size_t>(i * 7 + i / 20 + (i % 13 == 0 ? 3 : 0)) % units.size()];
            const int k = i % 20;
            if (k <= 12 && nowMs >= kStartMs - 30 * kMinute) {
                a.status = p::AttendanceStatus::Present;
                a.first_in_ms = kStartMs - (30 - i % 29) * kMinute;
                a.inside = true;
            } else if ((k == 13 || k == 14) && nowMs > kStartMs + 20 * kMinute - 1) {
                a.status = p::AttendanceStatus::Late;
                a.late_minutes = 6 + i % 13;
                a.first_in_ms = kStartMs + a.late_minutes * kMinute;
                a.inside = true;
            } else if (k == 16) {
                a.status = p::AttendanceStatus::Excused;
            } else if (k == 17) {
                a.status = p::AttendanceStatus::Substituted;
                a.substitute = personName(i + 5000);
            } else {
                a.status = graceOver() ? p::AttendanceStatus::Overdue : p::AttendanceStatus::NotArrived;
            }
            s_.attendees.push_back(a);
        }
        s_.readers = {reader("door-1", "venue.main", true), reader("door-2", "venue.main", true),
                      reader("door-3", "venue.yining", false)};
        for (const auto& a : s_.attendees)
            if (a.first_in_ms && s_.recent_taps.size() < p::kMaxRecentTaps)
                s_.recent_taps.push_back(tapFor(
                    a, *a.first_in_ms, a.status == p::AttendanceStatus::Late ? p::Verdict::Late : p::Verdict::Present));
        std::sort(s_.recent_taps.begin(), s_.recent_taps.end(), newestFirst);
        s_.summary = summarize();
        s_.hub_clock_ms = now_;
    }

    [[nodiscard]] const p::Snapshot& snapshot() const { return s_; }
    [[nodiscard]] std::uint64_t seq() const { return s_.seq; }
    [[nodiscard]] int people() const { return static_cast<int>(s_.attendees.size()); }

    /// Applies a payload to the hub state and returns the numbered update.
    p::Update publish(p::UpdatePayload payload)
    {
        std::visit([this](const auto& v) { apply(v); }, payload);
        p::Update u;
        u.meeting_id = s_.meeting.id;
        u.seq = ++s_.seq;
        u.payload = std::move(payload);
        return u;
    }

    /// Changes the roster without an update of its own (as rollcallctl does;
    /// the hub then announces the meeting on its stream).
    void changeRosterQuietly(const p::AttendeeState& a)
    {
        apply(a);
        s_.summary = summarize();
    }

    /// Person `i` taps in at `atMs`: attendee, tap and summary updates, as the hub publishes them.
    std::vector<p::Update> tapIn(int i, std::int64_t atMs)
    {
        auto a = s_.attendees[static_cast<std::size_t>(i)];
        p::Verdict verdict = p::Verdict::Present;
        if (!a.first_in_ms) {
            a.first_in_ms = atMs;
            const auto graceEnd = s_.meeting.start_ms + std::int64_t{s_.meeting.late_grace_s} * 1000;
            if (atMs <= graceEnd) {
                a.status = p::AttendanceStatus::Present;
            } else {
                a.status = p::AttendanceStatus::Late;
                a.late_minutes = static_cast<std::int32_t>((atMs - s_.meeting.start_ms) / kMinute);
                verdict = p::Verdict::Late;
            }
        } else {
            verdict = a.status == p::AttendanceStatus::Late ? p::Verdict::Late : p::Verdict::Present;
        }
        a.inside = true;
        std::vector<p::Update> out;
        out.push_back(publish(a));
        out.push_back(publish(tapFor(a, atMs, verdict)));
        out.push_back(publish(summarize()));
        return out;
    }

    /// An unknown badge at a door.
    std::vector<p::Update> unknownBadge(const std::string& uid, std::int64_t atMs)
    {
        p::TapEvent t;
        t.tap_id = nextTapId_++;
        t.reader_id = "door-1";
        t.venue_id = "venue.main";
        t.badge_uid = uid;
        t.at_ms = atMs;
        t.verdict = p::Verdict::UnknownBadge;
        unknown_.insert(uid);
        std::vector<p::Update> out;
        out.push_back(publish(t));
        out.push_back(publish(summarize()));
        return out;
    }

    /// A revoked (lost) badge at a door: nobody holds it, so it counts as unknown.
    std::vector<p::Update> revokedBadge(const std::string& uid, std::int64_t atMs)
    {
        p::TapEvent t;
        t.tap_id = nextTapId_++;
        t.reader_id = "door-2";
        t.venue_id = "venue.main";
        t.badge_uid = uid;
        t.at_ms = atMs;
        t.verdict = p::Verdict::RevokedBadge;
        unknown_.insert(uid);
        std::vector<p::Update> out;
        out.push_back(publish(t));
        out.push_back(publish(summarize()));
        return out;
    }

    p::Update readerState(const std::string& readerId, bool online, std::int64_t lastSeen)
    {
        for (auto r : s_.readers)
            if (r.reader_id == readerId) {
                r.online = online;
                r.last_seen_ms = lastSeen;
                return publish(r);
            }
        return publish(reader(readerId, "venue.main", online));
    }

    void setNow(std::int64_t nowMs)
    {
        now_ = nowMs;
        s_.hub_clock_ms = nowMs;
    }

    [[nodiscard]] p::Summary summarize() const
    {
        p::Summary sum;
        sum.expected = static_cast<std::int32_t>(s_.attendees.size());
        for (const auto& a : s_.attendees) {
            switch (a.status) {
            case p::AttendanceStatus::Present: ++sum.present; break;
            case p::AttendanceStatus::Late: ++sum.late; break;
            case p::AttendanceStatus::Absent: ++sum.absent; break;
            case p::AttendanceStatus::Excused: ++sum.excused; break;
            case p::AttendanceStatus::Substituted: ++sum.substituted; break;
            case p::AttendanceStatus::NotArrived:
            case p::AttendanceStatus::Overdue: ++sum.not_arrived; break;
            }
            for (auto f : a.flags)
                if (f == p::AttendanceFlag::LeftEarly) ++sum.left_early;
        }
        sum.unknown_badges = static_cast<std::int32_t>(unknown_.size());
        return sum;
    }

private:
    /// The protocol's order of recent taps: newest first, ties by the hub's tap id.
    static bool newestFirst(const p::TapEvent& a, const p::TapEvent& b)
    {
        return a.at_ms != b.at_ms ? a.at_ms > b.at_ms : a.tap_id > b.tap_id;
    }
    [[nodiscard]] bool graceOver() const { return now_ > kStartMs + 5 * kMinute; }

    p::ReaderHealth reader(const std::string& id, const std::string& venue, bool online) const
    {
        p::ReaderHealth r;
        r.reader_id = id;
        r.venue_id = venue;
        r.online = online;
        r.last_seen_ms = online ? now_ - 4000 : now_ - 7 * kMinute;
        r.outbox_depth = online ? 0 : 12;
        r.clock_offset_ms = online ? -250 : 1800;
        r.agent_version = "0.1.0";
        r.reader_state = p::ReaderState::Ok;
        return r;
    }

    p::TapEvent tapFor(const p::AttendeeState& a, std::int64_t atMs, p::Verdict verdict)
    {
        p::TapEvent t;
        t.tap_id = nextTapId_++;
        t.reader_id = (t.tap_id % 2) ? "door-1" : "door-2";
        t.venue_id = "venue.main";
        t.badge_uid = badgeOf(std::stoi(a.person_id.substr(2)) - 10000);
        t.person_id = a.person_id;
        t.name = a.name;
        t.at_ms = atMs;
        t.direction = p::Direction::In;
        t.verdict = verdict;
        return t;
    }

    void apply(const p::AttendeeState& a)
    {
        for (auto& x : s_.attendees)
            if (x.person_id == a.person_id) {
                x = a;
                return;
            }
        s_.attendees.push_back(a);
    }
    void apply(const p::Summary& sum) { s_.summary = sum; }
    void apply(const p::TapEvent& t)
    {
        auto pos = std::find_if(s_.recent_taps.begin(), s_.recent_taps.end(),
                                [&](const auto& x) { return newestFirst(t, x); });
        s_.recent_taps.insert(pos, t);
        if (s_.recent_taps.size() > p::kMaxRecentTaps) s_.recent_taps.resize(p::kMaxRecentTaps);
    }
    void apply(const p::ReaderHealth& r)
    {
        for (auto& x : s_.readers)
            if (x.reader_id == r.reader_id) {
                x = r;
                return;
            }
        s_.readers.push_back(r);
    }
    void apply(const p::Alarm&) {}
    void apply(const p::MeetingInfo& m) { s_.meeting = m; }

    p::Snapshot s_;
    std::int64_t now_;
    std::uint64_t nextTapId_ = 1;
    std::set<std::string> unknown_;
};

/// The plenary of issue 14: `people` members of 24 units under four parents,
/// a main hall and two branch venues (named), readers at each, and taps at
/// all three; otherwise HubSim's meeting at `nowMs`.
inline p::Snapshot threeVenuePlenary(int people = 300, std::int64_t nowMs = kStartMs + 20 * kMinute)
{
    static const std::vector<std::string> units = {
        "州直机关/州发改委", "州直机关/州财政局", "州直机关/州教育局",         "州直机关/州卫健委", "州直机关/州公安局",
        "州直机关/州民政局", "州直机关/州人社局", "州直机关/州市场监督管理局", "伊宁市/市政府办",   "伊宁市/市教育局",
        "伊宁市/市财政局",   "伊宁市/市卫健委",   "伊宁市/市住建局",           "伊宁市/市民政局",   "奎屯市/市委办",
        "奎屯市/市财政局",   "奎屯市/市发改委",   "奎屯市/市教育局",           "奎屯市/市公安局",   "霍城县/县政府办",
        "霍城县/县发改委",   "霍城县/县教育局",   "霍城县/县卫健委",           "霍城县/县财政局",
    };
    HubSim sim(people, nowMs);
    p::Snapshot s = sim.snapshot();
    s.meeting.title = "全州效能建设推进大会";
    s.meeting.venues = {"hall", "cb-yining", "cb-kuitun"};
    s.meeting.venue_names = {"州会议中心主会场", "伊宁市分会场", "奎屯市分会场"};
    // Venue assignments as a plenary has them: 伊宁市 and 奎屯市 at their branch
    // venues, everyone else at the main hall; every 11th member who came
    // checked in at the main hall although expected elsewhere (or the other way round).
    auto expectedVenue = [&](const std::string& unit) -> std::string {
        if (unit.rfind("伊宁市/", 0) == 0) return "cb-yining";
        if (unit.rfind("奎屯市/", 0) == 0) return "cb-kuitun";
        return "hall";
    };
    // The newest check-in and the latest latecomer are among them too, so the
    // feed and the late list show the mark on their first page.
    const auto newest = s.recent_taps.empty() ? std::string() : s.recent_taps.front().person_id.value_or("");
    std::string latest;
    std::int32_t mostLate = 0;
    for (const auto& a : s.attendees)
        if (a.status == p::AttendanceStatus::Late && a.late_minutes > mostLate) {
            mostLate = a.late_minutes;
            latest = a.person_id;
        }
    std::map<std::string, std::string> checkInVenue;
    for (std::size_t i = 0; i < s.attendees.size(); ++i) {
        auto& a = s.attendees[i];
        a.unit = units[(i * 7 + i / 24) % units.size()];
        a.venue_id = expectedVenue(a.unit);
        if (a.first_in_ms) {
            const bool wrong = i % 11 == 3 || a.person_id == newest || a.person_id == latest;
            a.check_in_venue_id = wrong ? (*a.venue_id == "hall" ? "cb-yining" : "hall") : *a.venue_id;
            checkInVenue[a.person_id] = *a.check_in_venue_id;
        }
    }
    for (auto& t : s.recent_taps) {
        const auto a = std::find_if(s.attendees.begin(), s.attendees.end(),
                                    [&](const p::AttendeeState& x) { return x.person_id == t.person_id; });
        t.venue_id = checkInVenue.at(*t.person_id);
        t.reader_id = t.venue_id == "hall" ? "hall-east" : (t.venue_id == "cb-yining" ? "yining-1" : "kuitun-1");
        if (*a->venue_id != t.venue_id) t.expected_venue_id = a->venue_id;
    }
    s.summary.venues.clear();
    for (const auto& v : s.meeting.venues) {
        p::VenueCount c;
        c.venue_id = v;
        for (const auto& a : s.attendees) {
            if (a.venue_id != v) continue;
            ++c.expected;
            switch (a.status) {
            case p::AttendanceStatus::Present: ++c.present; break;
            case p::AttendanceStatus::Late: ++c.late; break;
            case p::AttendanceStatus::Absent: ++c.absent; break;
            case p::AttendanceStatus::Excused: ++c.excused; break;
            case p::AttendanceStatus::Substituted: ++c.substituted; break;
            case p::AttendanceStatus::NotArrived:
            case p::AttendanceStatus::Overdue: ++c.not_arrived; break;
            }
        }
        s.summary.venues.push_back(c);
    }
    s.readers.clear();
    const std::array<std::pair<const char*, const char*>, 5> readers = {{{"hall-east", "hall"},
                                                                         {"hall-west", "hall"},
                                                                         {"yining-1", "cb-yining"},
                                                                         {"kuitun-1", "cb-kuitun"},
                                                                         {"kuitun-2", "cb-kuitun"}}};
    for (const auto& [id, venue] : readers) {
        p::ReaderHealth r;
        r.reader_id = id;
        r.venue_id = venue;
        r.online = std::string(id) != "kuitun-2";
        r.last_seen_ms = r.online ? nowMs - 4000 : nowMs - 7 * kMinute;
        r.outbox_depth = r.online ? 0 : 12;
        r.clock_offset_ms = -250;
        r.agent_version = "0.1.0";
        r.reader_state = p::ReaderState::Ok;
        s.readers.push_back(r);
    }
    // An unknown badge and someone leaving early among the taps, so their chips show.
    auto odd = s.recent_taps.front();
    odd.tap_id = 900001;
    odd.person_id.reset();
    odd.name.reset();
    odd.expected_venue_id.reset();
    odd.badge_uid = "04DEADBEEF";
    odd.verdict = p::Verdict::UnknownBadge;
    odd.at_ms = nowMs - 30'000;
    s.recent_taps.insert(s.recent_taps.begin(), odd);
    auto out = s.recent_taps[1];
    out.tap_id = 900002;
    out.direction = p::Direction::Out;
    out.verdict = p::Verdict::CheckedOut;
    out.at_ms = nowMs - 10'000;
    out.early_minutes = static_cast<std::int32_t>((s.meeting.end_ms - out.at_ms) / kMinute); // leaving early
    s.recent_taps.insert(s.recent_taps.begin(), out);
    s.summary.unknown_badges = 1;
    return s;
}

/// Every row of a list model as "role=value role=value ...", for comparing
/// models (and printing them legibly when they differ).
inline std::vector<std::string> rowsOf(const QAbstractItemModel& model, int limit = -1)
{
    std::vector<std::string> rows;
    const auto roles = model.roleNames();
    std::map<QByteArray, int> byName;
    for (auto it = roles.begin(); it != roles.end(); ++it) byName[it.value()] = it.key();
    const int n = limit < 0 ? model.rowCount() : std::min(limit, model.rowCount());
    for (int r = 0; r < n; ++r) {
        QString row;
        for (const auto& [name, role] : byName) {
            const QVariant v = model.data(model.index(r, 0), role);
            const QString text =
                v.metaType() == QMetaType::fromType<QColor>() ? v.value<QColor>().name() : v.toString();
            row += QString::fromUtf8(name) + QLatin1Char('=') + text + QLatin1Char(' ');
        }
        rows.push_back(row.toStdString());
    }
    return rows;
}

} // namespace rollcall::dashboard::test
