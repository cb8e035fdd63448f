#include "hub/service/reader_health_board.h"

#include "hub/core/time_util.h"
#include "hub/service/hub_log.h"

#include <algorithm>
#include <spdlog/spdlog.h>

namespace rollcall::service {
struct ReaderHealthBoard::Statements {
    explicit Statements(common::Database& db)
        : upsertHealth(db.prepare(
            "INSERT INTO reader_health(reader_id, last_seen_ms, outbox_depth, clock_offset_ms, agent_version, reader_state, "
            "reader_detail) VALUES (?,?,?,?,?,?,?) ON CONFLICT(reader_id) DO UPDATE SET last_seen_ms = excluded.last_seen_ms, "
            "outbox_depth = excluded.outbox_depth, clock_offset_ms = excluded.clock_offset_ms, "
            "agent_version = excluded.agent_version, reader_state = excluded.reader_state, reader_detail = excluded.reader_detail")),
          insertUptime(db.prepare("INSERT INTO reader_uptime(reader_id, from_ms, to_ms) VALUES (?, ?, ?)")),
          extendUptime(db.prepare("UPDATE reader_uptime SET to_ms = ? WHERE id = ?"))
    {}
    common::Statement upsertHealth, insertUptime, extendUptime;
};

ReaderHealthBoard::ReaderHealthBoard(common::Database& db, const HubConfig& config, PublishAtVenue publish,
                                     MeetingOpenAt openAt)
    : db_(db), config_(config), publishAtVenue_(std::move(publish)), meetingOpenAt_(std::move(openAt)),
      sql_(std::make_unique<Statements>(db))
{}

ReaderHealthBoard::~ReaderHealthBoard() = default;

void ReaderHealthBoard::load(const std::unordered_map<std::string, core::Reader>& readers)
{
    // Health rows survive restarts; readers never heard from get an empty entry.
    std::map<std::string, Health> fresh;
    for (const auto& [id, r] : readers) {
        Health h;
        if (auto old = health_.find(id); old != health_.end()) h = old->second;
        h.venueId = r.venueId;
        fresh.emplace(id, std::move(h));
    }
    auto hs = db_.prepare("SELECT reader_id, last_seen_ms, outbox_depth, clock_offset_ms, agent_version, reader_state, "
                          "reader_detail FROM reader_health");
    while (hs.step()) {
        auto it = fresh.find(hs.getText(0));
        if (it == fresh.end() || it->second.lastSeen) continue; // memory is newer than the table
        Health& h = it->second;
        h.lastSeen = common::fromMillis(hs.getInt(1));
        h.outboxDepth = static_cast<std::uint64_t>(hs.getInt(2));
        h.clockOffsetMs = hs.getInt(3);
        h.agentVersion = hs.getText(4);
        h.state = protocol::readerStateFromString(hs.getText(5));
        h.detail = hs.getText(6);
        if (h.state && *h.state != protocol::ReaderState::Ok) h.faultSince = common::TimePoint{};
    }
    health_ = std::move(fresh);
}

bool ReaderHealthBoard::hello(const protocol::Hello& hello, common::TimePoint now)
{
    const auto it = health_.find(hello.reader_id);
    if (it == health_.end()) {
        // An agent that is not registered says hello on every reconnect: a few lines a minute, each counted.
        unregistered_.reject("unregistered_hello", "hello from unregistered reader " + hello.reader_id, now);
        return false;
    }
    Health& hl = it->second;
    hl.agentVersion = hello.agent_version;
    hl.clockOffsetMs = common::toMillis(now) - hello.agent_clock_ms;
    return true;
}

void ReaderHealthBoard::heartbeat(const protocol::Heartbeat& hb, common::TimePoint now)
{
    const auto it = health_.find(hb.reader_id);
    if (it == health_.end()) {
        // A flood of them must not flood the log: a few lines a minute, each counted.
        unregistered_.reject("unregistered_heartbeat", "heartbeat from unregistered reader " + hb.reader_id, now);
        return;
    }
    Health& h = it->second;
    const bool continuing = h.lastSeen && now - *h.lastSeen <= config_.readerOfflineAfter;
    if (!continuing) h.uptimeRow.reset(); // a gap: start a new span of uptime
    h.lastSeen = now;
    h.outboxDepth = hb.outbox_depth;
    h.clockOffsetMs = common::toMillis(now) - hb.agent_clock_ms;
    h.agentVersion = hb.agent_version;
    h.state = hb.reader_state;
    h.detail = hb.reader_detail;
    if (hb.reader_state == protocol::ReaderState::Ok) {
        h.faultSince.reset();
    } else if (!h.faultSince) {
        h.faultSince = now;
    }
    h.dirty = true;
    const bool wasOnline = h.online;
    h.online = true;
    const bool alarmCleared = h.alarm;
    h.alarm = false;
    publishReader(hb.reader_id, h);
    if (!wasOnline) hubLog()->info("reader {} online", hb.reader_id);
    if (alarmCleared) publishAlarm(hb.reader_id, h);
}

bool ReaderHealthBoard::alarmActive(const std::string& readerId, const std::string& code) const
{
    const auto it = health_.find(readerId);
    if (it == health_.end()) return false;
    const Health& h = it->second;
    if (code == "reader_fault") return h.online && h.faultSince && h.lastSeen && meetingOpenAt_(h.venueId, *h.lastSeen);
    return h.alarm;
}

bool ReaderHealthBoard::acknowledged(const std::string& readerId, const std::string& code,
                                     common::TimePoint ackAt) const
{
    if (!alarmActive(readerId, code)) return false;
    const Health& h = health_.at(readerId);
    if (code == "reader_fault") return *h.faultSince <= ackAt;
    return h.lastSeen && *h.lastSeen <= ackAt; // not heard from since: the same outage
}

protocol::ReaderHealth ReaderHealthBoard::readerWire(const std::string& readerId, const Health& h) const
{
    protocol::ReaderHealth w;
    w.reader_id = readerId;
    w.venue_id = h.venueId;
    w.online = h.online;
    if (h.lastSeen) w.last_seen_ms = common::toMillis(*h.lastSeen);
    w.outbox_depth = h.outboxDepth;
    w.clock_offset_ms = h.clockOffsetMs;
    w.agent_version = h.agentVersion;
    w.reader_state = h.state;
    w.alarm = h.alarm;
    return w;
}

std::vector<protocol::ReaderHealth> ReaderHealthBoard::readersAt(const std::vector<std::string>& venues) const
{
    std::vector<protocol::ReaderHealth> out;
    for (const auto& [id, h] : health_) {
        if (std::find(venues.begin(), venues.end(), h.venueId) != venues.end()) out.push_back(readerWire(id, h));
    }
    return out;
}

std::vector<protocol::ReaderHealth> ReaderHealthBoard::allReaders() const
{
    std::vector<protocol::ReaderHealth> out;
    out.reserve(health_.size());
    for (const auto& [id, h] : health_) out.push_back(readerWire(id, h));
    return out;
}

void ReaderHealthBoard::publishReader(const std::string& readerId, const Health& h)
{
    publishAtVenue_(h.venueId, readerWire(readerId, h));
}

void ReaderHealthBoard::publishAlarm(const std::string& readerId, const Health& h)
{
    // The code and the reader id let each board word it in its own language.
    publishAtVenue_(h.venueId, protocol::Alarm{readerId,
                                               "读卡器 " + readerId + (h.alarm ? " 离线" : " 已恢复在线"),
                                               h.alarm,
                                               h.alarm ? "reader_offline" : "reader_online",
                                               {readerId}});
}

void ReaderHealthBoard::sweep(common::TimePoint now)
{
    for (auto& [id, h] : health_) {
        const bool online = h.lastSeen && now - *h.lastSeen <= config_.readerOfflineAfter;
        // A reader never heard from (a standalone terminal whose logs are imported) is
        // shown as such but raises no alarm; one that fell silent does (issue 6, fairness).
        const bool alarm = !online && h.lastSeen && meetingOpenAt_(h.venueId, now);
        if (online == h.online && alarm == h.alarm) continue;
        const bool alarmChanged = alarm != h.alarm;
        h.online = online;
        h.alarm = alarm;
        publishReader(id, h);
        if (!online)
            hubLog()->warn("reader {} offline (last seen {})", id,
                           h.lastSeen ? core::Zone(config_.zone).format(*h.lastSeen) : "never");
        if (alarmChanged) publishAlarm(id, h);
    }
}

bool ReaderHealthBoard::persist()
{
    bool any = false;
    for (const auto& [id, h] : health_) any = any || h.dirty;
    if (!any) return false;
    // A new span's row id is adopted only after the commit: a rolled-back
    // insert's id would be handed to the next insert (another reader's span),
    // which this reader would then stretch with its own times.
    std::vector<std::pair<Health*, std::int64_t>> newRows;
    common::Transaction tx(db_);
    for (auto& [id, h] : health_) {
        if (!h.dirty || !h.lastSeen) continue;
        auto& up = sql_->upsertHealth;
        up.bind(1, id)
            .bind(2, common::toMillis(*h.lastSeen))
            .bind(3, static_cast<std::int64_t>(h.outboxDepth))
            .bind(4, h.clockOffsetMs)
            .bind(5, h.agentVersion)
            .bind(6, h.state ? std::string(protocol::toString(*h.state)) : std::string())
            .bind(7, h.detail);
        up.run();
        if (h.uptimeRow) {
            auto& ext = sql_->extendUptime;
            ext.bind(1, common::toMillis(*h.lastSeen)).bind(2, *h.uptimeRow);
            ext.run();
        } else {
            auto& add = sql_->insertUptime;
            add.bind(1, id).bind(2, common::toMillis(*h.lastSeen)).bind(3, common::toMillis(*h.lastSeen));
            add.run();
            newRows.emplace_back(&h, db_.lastInsertRowId());
        }
    }
    tx.commit();
    for (auto& [h, row] : newRows) h->uptimeRow = row;
    for (auto& [id, h] : health_) h.dirty = false;
    return true;
}

} // namespace rollcall::service
