#include "hub/service/wire_mapping.h"

namespace rollcall::service {

using protocol::Verdict;

protocol::AttendeeState toWire(const core::AttendeeResult& a)
{
    protocol::AttendeeState s;
    s.person_id = a.person.id;
    s.name = a.person.name;
    s.unit = a.person.unitPath;
    s.status = *protocol::statusFromString(core::toString(a.outcome.status));
    for (const auto& f : core::flagNames(a.outcome.flags)) s.flags.push_back(*protocol::flagFromString(f));
    if (a.outcome.firstIn) s.first_in_ms = common::toMillis(*a.outcome.firstIn);
    if (a.outcome.lastOut) s.last_out_ms = common::toMillis(*a.outcome.lastOut);
    s.late_minutes = static_cast<std::int32_t>(a.outcome.lateMinutes);
    s.early_minutes = static_cast<std::int32_t>(a.outcome.earlyMinutes);
    if (a.substitute) s.substitute = a.substitute->name;
    s.inside = a.outcome.inside;
    if (!a.expectedVenue.empty()) s.venue_id = a.expectedVenue;
    if (!a.checkInVenue.empty()) s.check_in_venue_id = a.checkInVenue;
    return s;
}

protocol::Summary toWire(const core::Summary& s)
{
    protocol::Summary w;
    w.expected = s.expected;
    w.present = s.present;
    w.late = s.late;
    w.absent = s.absent;
    w.excused = s.excused;
    w.substituted = s.substituted;
    w.not_arrived = s.notArrived + s.overdue;
    w.left_early = s.leftEarly;
    w.left_mid_meeting = s.leftMidMeeting;
    w.no_checkout = s.noCheckout;
    w.walk_ins = s.walkIns;
    w.unknown_badges = s.unknownBadges;
    for (const auto& v : s.byVenue) {
        const auto& t = v.tally;
        w.venues.push_back({v.venueId, static_cast<std::int32_t>(t.expected), static_cast<std::int32_t>(t.present),
                            static_cast<std::int32_t>(t.late), static_cast<std::int32_t>(t.absent),
                            static_cast<std::int32_t>(t.excused), static_cast<std::int32_t>(t.substituted),
                            static_cast<std::int32_t>(t.notArrived + t.overdue)});
    }
    return w;
}

protocol::MeetingInfo toWire(const core::Meeting& m)
{
    using std::chrono::duration_cast;
    using std::chrono::seconds;
    protocol::MeetingInfo w;
    w.id = m.id;
    w.title = m.title;
    w.venues = m.venues;
    w.venue_names = m.venueNames;
    w.start_ms = common::toMillis(m.times.start);
    w.end_ms = common::toMillis(m.times.end);
    w.late_grace_s = static_cast<std::int32_t>(duration_cast<seconds>(m.times.lateGrace).count());
    w.early_grace_s = static_cast<std::int32_t>(duration_cast<seconds>(m.times.earlyGrace).count());
    w.opening_ms = common::toMillis(m.times.opening);
    w.checkout_required = m.times.checkoutRequired;
    w.finalized = m.finalizedAt.has_value();
    return w;
}

protocol::WalkIn toWire(const core::WalkIn& w)
{
    protocol::WalkIn wire{w.person.id, w.person.name, w.person.unitPath, common::toMillis(w.firstIn)};
    if (!w.forUnit.empty()) wire.for_unit = w.forUnit;
    return wire;
}

Verdict toWire(core::TapVerdict v)
{
    switch (v) {
    case core::TapVerdict::Present: return Verdict::Present;
    case core::TapVerdict::Late: return Verdict::Late;
    case core::TapVerdict::CheckedOut: return Verdict::CheckedOut;
    case core::TapVerdict::WalkIn: return Verdict::WalkIn;
    case core::TapVerdict::UnknownBadge: return Verdict::UnknownBadge;
    case core::TapVerdict::Duplicate: return Verdict::Duplicate;
    case core::TapVerdict::NotInWindow: return Verdict::NotInWindow;
    case core::TapVerdict::RevokedBadge: return Verdict::RevokedBadge;
    }
    return Verdict::NotInWindow;
}

protocol::MeetingState meetingState(const core::Meeting& m, common::TimePoint now)
{
    if (m.finalizedAt) return protocol::MeetingState::Finalized;
    if (now < m.times.opening) return protocol::MeetingState::Scheduled;
    if (now < m.times.start) return protocol::MeetingState::Open;
    if (now < m.times.end) return protocol::MeetingState::InProgress;
    return protocol::MeetingState::Ended;
}

std::string ackText(const AckTextFacts& f)
{
    const std::string who = f.name.empty() ? std::string() : f.name + " ";
    switch (f.verdict) {
    case Verdict::Present:
        return f.substituteFor.empty() ? who + "签到成功" : who + "代 " + f.substituteFor + " 签到成功";
    case Verdict::Late:
        if (f.afterEnd) return who + "会议已结束，签到不计出勤";
        return who + (f.substituteFor.empty() ? "" : "代 " + f.substituteFor + " ") + "迟到 "
               + std::to_string(f.lateMinutes) + " 分钟";
    case Verdict::CheckedOut:
        // Leaving 35 minutes into a two-hour meeting is not a successful check-out.
        if (f.earlyMinutes > 0) return who + "早退 " + std::to_string(f.earlyMinutes) + " 分钟（签退已记录）";
        return who + "签退成功";
    case Verdict::WalkIn: return who + "不在本次会议名单，已登记为列席";
    case Verdict::UnknownBadge: return "未登记的卡 " + f.badgeUid + "，请联系会务组";
    case Verdict::Duplicate: return who + "已记录，请勿重复刷卡";
    case Verdict::NotInWindow: return who + "当前没有可签到的会议";
    case Verdict::UnknownReader: return "读卡器未注册，刷卡已保存";
    case Verdict::RevokedBadge:
        // A lost card in someone's hand: say so, and why the card no longer counts.
        if (f.revokeReason == "broken") return "此卡已停用（已换新卡），请使用新卡";
        if (f.revokeReason == "left") return "此卡已注销，请联系会务组";
        return "此卡已挂失，请联系会务组";
    }
    return {};
}

} // namespace rollcall::service
