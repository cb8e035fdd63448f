#include "reader-agent/outbox.h"

#include "common/logging.h"
#include "common/printable.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>

namespace rollcall::agent {
namespace {

// 1: taps deleted on ack. 2: acked_ms — acknowledged taps kept for a retention
// window, to refill a hub restored from a backup. 3: boot_id, steady_ms — where
// the tap lies on the monotonic clock, for taps stored before any clock offset
// was known and sent by a later run of the agent (issue 10).
constexpr std::int64_t kSchemaVersion = 3;
constexpr const char* kTapColumns = "seq, badge_uid, direction, at_ms, clock_offset_ms, boot_id, steady_ms";

StoredTap tapFrom(const common::Statement& s, const std::string& readerId)
{
    StoredTap stored;
    stored.offsetKnown = !s.isNull(4);
    auto& t = stored.tap;
    t.reader_id = readerId;
    t.seq = static_cast<std::uint64_t>(s.getInt(0));
    t.badge_uid = s.getText(1);
    if (const auto d = s.getOptionalText(2)) t.direction = protocol::directionFromString(*d);
    t.at_ms = s.getInt(3);
    t.clock_offset_ms = s.getOptionalInt(4).value_or(0);
    if (const auto boot = s.getOptionalText(5); boot && !s.isNull(6)) stored.steady = SteadyStamp{*boot, s.getInt(6)};
    return stored;
}

/// A counter as stored (text), if it is a number an outbox can use.
std::optional<std::uint64_t> parseSeq(const std::string& text)
{
    std::uint64_t v = 0;
    const auto* end = text.data() + text.size();
    const auto [p, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || p != end || v < 1 || v > Outbox::kMaxSeq + 1) return std::nullopt;
    return v;
}

/// The stored schema version, if it is a whole number from 1; anything else
/// (text, empty, beyond 2^63 − 1) is a damaged file, not a version.
std::optional<std::int64_t> parseSchemaVersion(const std::string& text)
{
    std::int64_t v = 0;
    const auto* end = text.data() + text.size();
    const auto [p, ec] = std::from_chars(text.data(), end, v);
    if (ec != std::errc() || p != end || v < 1) return std::nullopt;
    return v;
}

} // namespace

Outbox::Outbox(const std::string& path, std::string readerId) : db_(path), readerId_(std::move(readerId))
{
    // A small page cache: the outbox is tiny and the agent should stay small.
    db_.exec("PRAGMA cache_size = -256");
    common::Transaction tx(db_);
    db_.exec(R"sql(
        CREATE TABLE IF NOT EXISTS outbox_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS outbox (
            seq             INTEGER PRIMARY KEY,
            badge_uid       TEXT NOT NULL,
            direction       TEXT,
            at_ms           INTEGER NOT NULL,
            clock_offset_ms INTEGER,
            acked_ms        INTEGER, -- NULL until the hub acknowledged it
            boot_id         TEXT,    -- the machine's boot the tap was taken in
            steady_ms       INTEGER  -- CLOCK_MONOTONIC at the tap, in that boot
        );
    )sql");
    auto get = db_.prepare("SELECT value FROM outbox_meta WHERE key = ?");
    get.bind(1, "schema_version");
    std::int64_t storedVersion = 0; // none stored: a new outbox, or one of version 1
    if (get.step()) {
        const auto text = get.getText(0);
        const auto version = parseSchemaVersion(text);
        if (!version) {
            throw OutboxError(path + ": outbox schema_version \"" + common::printable(text, 40)
                              + "\" is not a version number (the file is damaged, or not an outbox)");
        }
        if (*version > kSchemaVersion) {
            throw OutboxError(path + ": outbox schema " + std::to_string(*version) + " is newer than this agent ("
                              + std::to_string(kSchemaVersion) + ")");
        }
        storedVersion = *version;
    }
    if (storedVersion < 2) {
        auto cols = db_.prepare("SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'acked_ms'");
        (void)cols.step();
        if (cols.getInt(0) == 0) db_.exec("ALTER TABLE outbox ADD COLUMN acked_ms INTEGER");
        db_.exec("UPDATE outbox_meta SET value = '2' WHERE key = 'schema_version'");
    }
    auto steadyCols = db_.prepare("SELECT count(*) FROM pragma_table_info('outbox') WHERE name = 'steady_ms'");
    (void)steadyCols.step();
    if (steadyCols.getInt(0) == 0) {
        db_.exec("ALTER TABLE outbox ADD COLUMN boot_id TEXT; ALTER TABLE outbox ADD COLUMN steady_ms INTEGER");
    }
    db_.exec("UPDATE outbox_meta SET value = '" + std::to_string(kSchemaVersion) + "' WHERE key = 'schema_version'");
    db_.exec("CREATE INDEX IF NOT EXISTS outbox_unacked ON outbox(seq) WHERE acked_ms IS NULL");
    get.reset();
    get.bind(1, "reader_id");
    if (get.step()) {
        const auto owner = get.getText(0);
        if (owner != readerId_) {
            throw OutboxError(path + ": this outbox belongs to reader \"" + owner + "\", not \"" + readerId_
                              + "\" (sequence numbers are per reader; give each reader its own outbox)");
        }
    }
    get.reset();
    auto put = db_.prepare("INSERT OR IGNORE INTO outbox_meta(key, value) VALUES (?, ?)");
    put.bind(1, "schema_version").bind(2, std::to_string(kSchemaVersion)).run();
    put.bind(1, "reader_id").bind(2, readerId_).run();
    put.bind(1, "next_seq").bind(2, "1").run();
    repairNextSeq();
    tx.commit();
}

void Outbox::repairNextSeq()
{
    // Agents before the fix believed any last_seq a hub sent and could store a
    // counter past 2^63 − 1; they then died on every start. Continue after the
    // highest stored tap instead (the hub's next welcome moves it further on).
    auto get = db_.prepare("SELECT value FROM outbox_meta WHERE key = 'next_seq'");
    if (get.step() && parseSeq(get.getText(0))) return;
    const auto bad = get.getText(0);
    auto highest = db_.prepare("SELECT coalesce(max(seq), 0) FROM outbox WHERE seq BETWEEN 1 AND ?");
    highest.bind(1, static_cast<std::int64_t>(kMaxSeq));
    (void)highest.step();
    const auto next = static_cast<std::uint64_t>(highest.getInt(0)) + 1;
    auto fix = db_.prepare("UPDATE outbox_meta SET value = ? WHERE key = 'next_seq'");
    fix.bind(1, std::to_string(next)).run();
    common::namedLogger("outbox")->warn("{}: next sequence number \"{}\" is not one this outbox can use; numbering "
                                        "continues at {}, after the taps it holds",
                                        db_.path(), bad, next);
}

protocol::Tap Outbox::add(const std::string& badgeUid, std::optional<protocol::Direction> direction, std::int64_t atMs,
                          std::optional<std::int64_t> clockOffsetMs, std::optional<SteadyStamp> steady)
{
    common::Transaction tx(db_);
    const auto seq = nextSeq();
    if (seq > kMaxSeq) throw OutboxError(db_.path() + ": sequence numbers are used up (" + std::to_string(seq) + ")");
    auto insert =
        db_.prepare("INSERT INTO outbox(seq, badge_uid, direction, at_ms, clock_offset_ms, boot_id, steady_ms) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, static_cast<std::int64_t>(seq)).bind(2, badgeUid);
    if (direction)
        insert.bind(3, protocol::toString(*direction));
    else
        insert.bindNull(3);
    insert.bind(4, atMs).bind(5, clockOffsetMs);
    if (steady) {
        insert.bind(6, steady->bootId).bind(7, steady->steadyMs);
    } else {
        insert.bindNull(6);
        insert.bindNull(7);
    }
    insert.run();
    // The counter moves in the same transaction as the row: never derived from
    // the rows that remain, so deleting acknowledged taps cannot rewind it.
    auto bump = db_.prepare("UPDATE outbox_meta SET value = ? WHERE key = 'next_seq'");
    bump.bind(1, std::to_string(seq + 1)).run();
    tx.commit();

    protocol::Tap t;
    t.reader_id = readerId_;
    t.seq = seq;
    t.badge_uid = badgeUid;
    t.direction = direction;
    t.at_ms = atMs;
    t.clock_offset_ms = clockOffsetMs.value_or(0);
    return t;
}

bool Outbox::advanceTo(std::uint64_t seq)
{
    common::Transaction tx(db_);
    if (seq > kMaxSeq || seq <= nextSeq()) return false;
    auto bump = db_.prepare("UPDATE outbox_meta SET value = ? WHERE key = 'next_seq'");
    bump.bind(1, std::to_string(seq)).run();
    tx.commit();
    return true;
}

bool Outbox::remove(std::uint64_t seq, std::int64_t ackedMs)
{
    auto mark = db_.prepare("UPDATE outbox SET acked_ms = ? WHERE seq = ? AND acked_ms IS NULL");
    mark.bind(1, ackedMs).bind(2, static_cast<std::int64_t>(seq)).run();
    return db_.changes() > 0;
}

std::uint64_t Outbox::prune(std::int64_t ackedBeforeMs)
{
    auto del = db_.prepare("DELETE FROM outbox WHERE acked_ms IS NOT NULL AND acked_ms < ?");
    del.bind(1, ackedBeforeMs).run();
    return static_cast<std::uint64_t>(db_.changes());
}

std::optional<std::uint64_t> Outbox::highestAcknowledged() const
{
    auto s = db_.prepare("SELECT max(seq) FROM outbox WHERE acked_ms IS NOT NULL");
    if (!s.step() || s.isNull(0)) return std::nullopt;
    return static_cast<std::uint64_t>(s.getInt(0));
}

std::uint64_t Outbox::reopenAfter(std::uint64_t seq)
{
    auto reopen = db_.prepare("UPDATE outbox SET acked_ms = NULL WHERE acked_ms IS NOT NULL AND seq > ?");
    reopen.bind(1, static_cast<std::int64_t>(std::min<std::uint64_t>(seq, INT64_MAX))).run();
    return static_cast<std::uint64_t>(db_.changes());
}

std::vector<StoredTap> Outbox::pending(std::size_t limit) const
{
    auto s =
        db_.prepare(std::string("SELECT ") + kTapColumns + " FROM outbox WHERE acked_ms IS NULL ORDER BY seq LIMIT ?");
    s.bind(1, static_cast<std::int64_t>(limit));
    std::vector<StoredTap> out;
    while (s.step()) out.push_back(tapFrom(s, readerId_));
    return out;
}

std::optional<StoredTap> Outbox::find(std::uint64_t seq) const
{
    auto s = db_.prepare(std::string("SELECT ") + kTapColumns + " FROM outbox WHERE seq = ? AND acked_ms IS NULL");
    s.bind(1, static_cast<std::int64_t>(seq));
    if (!s.step()) return std::nullopt;
    return tapFrom(s, readerId_);
}

std::uint64_t Outbox::depth() const
{
    auto s = db_.prepare("SELECT count(*) FROM outbox WHERE acked_ms IS NULL");
    (void)s.step();
    return static_cast<std::uint64_t>(s.getInt(0));
}

std::uint64_t Outbox::nextSeq() const
{
    auto s = db_.prepare("SELECT value FROM outbox_meta WHERE key = 'next_seq'");
    if (!s.step()) throw OutboxError(db_.path() + ": outbox has no next_seq");
    const auto seq = parseSeq(s.getText(0));
    if (!seq) throw OutboxError(db_.path() + ": next_seq \"" + s.getText(0) + "\" is not a sequence number");
    return *seq;
}

} // namespace rollcall::agent
