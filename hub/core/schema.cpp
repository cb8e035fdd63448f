#include "hub/core/schema.h"

#include "hub/core/hash_chain.h"

#include <array>
#include <string>

namespace rollcall::core {
namespace {

// Each entry moves the schema from version i to i + 1. Never edit a released
// entry: add a new one.
constexpr std::array<const char*, 14> kMigrations{
    // 1: the record — organisation, venues, readers, meetings, taps, amendments.
    R"sql(
CREATE TABLE units (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES units(id),
    name      TEXT NOT NULL CHECK (length(name) > 0),
    path      TEXT NOT NULL UNIQUE
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE persons (
    id      TEXT PRIMARY KEY CHECK (length(id) > 0),
    name    TEXT NOT NULL CHECK (length(name) > 0),
    unit_id INTEGER NOT NULL REFERENCES units(id),
    title   TEXT
);
CREATE INDEX persons_unit ON persons(unit_id);

-- A badge UID is held by one person for good: a lost badge is revoked and a
-- new UID issued, so old taps keep pointing at who held the badge then.
CREATE TABLE badges (
    uid        TEXT PRIMARY KEY CHECK (length(uid) BETWEEN 8 AND 20),
    person_id  TEXT NOT NULL REFERENCES persons(id),
    issued_ms  INTEGER NOT NULL,
    revoked_ms INTEGER
);
CREATE INDEX badges_person ON badges(person_id);

CREATE TABLE venues (
    id   TEXT PRIMARY KEY CHECK (length(id) > 0),
    name TEXT NOT NULL
);

CREATE TABLE readers (
    id         TEXT PRIMARY KEY CHECK (length(id) > 0),
    venue_id   TEXT NOT NULL REFERENCES venues(id),
    direction  TEXT NOT NULL CHECK (direction IN ('in', 'out', 'both')),
    public_key TEXT,
    created_ms INTEGER NOT NULL
);

CREATE TABLE meetings (
    id                TEXT PRIMARY KEY CHECK (length(id) > 0),
    title             TEXT NOT NULL,
    start_ms          INTEGER NOT NULL,
    end_ms            INTEGER NOT NULL,
    opening_ms        INTEGER NOT NULL,
    late_grace_s      INTEGER NOT NULL DEFAULT 300 CHECK (late_grace_s >= 0),
    early_grace_s     INTEGER NOT NULL DEFAULT 300 CHECK (early_grace_s >= 0),
    mid_threshold_s   INTEGER NOT NULL DEFAULT 900 CHECK (mid_threshold_s > 0),
    checkout_required INTEGER NOT NULL DEFAULT 0,
    finalized_ms      INTEGER,
    created_ms        INTEGER NOT NULL,
    CHECK (end_ms > start_ms),
    CHECK (opening_ms <= start_ms)
);
CREATE INDEX meetings_time ON meetings(start_ms);

CREATE TABLE meeting_venues (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    venue_id   TEXT NOT NULL REFERENCES venues(id),
    is_main    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (meeting_id, venue_id)
);
CREATE INDEX meeting_venues_venue ON meeting_venues(venue_id);

-- The roster: whole units (sub-units included) and single persons.
CREATE TABLE meeting_invites (
    id         INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    unit_id    INTEGER REFERENCES units(id),
    person_id  TEXT REFERENCES persons(id),
    CHECK ((unit_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX meeting_invites_meeting ON meeting_invites(meeting_id);

-- Every tap a reader sent or an operator imported, exactly once per
-- (reader, seq). at_ms is hub time (agent time + measured offset).
CREATE TABLE taps (
    id              INTEGER PRIMARY KEY,
    reader_id       TEXT NOT NULL REFERENCES readers(id),
    seq             INTEGER NOT NULL CHECK (seq > 0),
    badge_uid       TEXT NOT NULL,
    at_ms           INTEGER NOT NULL,
    direction       TEXT CHECK (direction IN ('in', 'out')),
    venue_id        TEXT NOT NULL REFERENCES venues(id),
    source          TEXT NOT NULL CHECK (source IN ('reader', 'import')),
    received_ms     INTEGER NOT NULL,
    agent_at_ms     INTEGER,
    clock_offset_ms INTEGER,
    UNIQUE (reader_id, seq)
);
CREATE INDEX taps_venue_time ON taps(venue_id, at_ms);

-- Corrections, append-only, each with who, when and why:
--   leave            person excused from meeting
--   substitute       other_person_id attends for person_id
--   manual_tap       at_ms + direction for person_id (forgotten badge)
--   status_override  status for person_id
--   revoke           cancels amendment ref_id
CREATE TABLE amendments (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('leave', 'substitute', 'manual_tap', 'status_override', 'revoke')),
    meeting_id      TEXT REFERENCES meetings(id),
    person_id       TEXT REFERENCES persons(id),
    other_person_id TEXT REFERENCES persons(id),
    at_ms           INTEGER,
    direction       TEXT CHECK (direction IN ('in', 'out')),
    status          TEXT,
    ref_id          INTEGER REFERENCES amendments(id),
    author          TEXT NOT NULL CHECK (length(author) > 0),
    reason          TEXT NOT NULL CHECK (length(reason) > 0),
    created_ms      INTEGER NOT NULL
);
CREATE INDEX amendments_meeting ON amendments(meeting_id);

-- The record is evidence: taps and amendments are never changed or removed.
CREATE TRIGGER taps_append_only_update BEFORE UPDATE ON taps
BEGIN SELECT RAISE(ABORT, 'taps are append-only'); END;
CREATE TRIGGER taps_append_only_delete BEFORE DELETE ON taps
BEGIN SELECT RAISE(ABORT, 'taps are append-only'); END;
CREATE TRIGGER amendments_append_only_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER amendments_append_only_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
)sql",
    // 2: what the hub learns about readers, and taps it could not place.
    R"sql(
CREATE TABLE reader_health (
    reader_id       TEXT PRIMARY KEY REFERENCES readers(id),
    last_seen_ms    INTEGER NOT NULL,
    outbox_depth    INTEGER NOT NULL DEFAULT 0,
    clock_offset_ms INTEGER NOT NULL DEFAULT 0,
    agent_version   TEXT NOT NULL DEFAULT '',
    reader_state    TEXT NOT NULL DEFAULT '',
    reader_detail   TEXT NOT NULL DEFAULT ''
);

-- Spans of time a reader was heard from continuously (heartbeats no further
-- apart than the offline timeout). Gaps are when it was offline.
CREATE TABLE reader_uptime (
    id        INTEGER PRIMARY KEY,
    reader_id TEXT NOT NULL REFERENCES readers(id),
    from_ms   INTEGER NOT NULL,
    to_ms     INTEGER NOT NULL
);
CREATE INDEX reader_uptime_reader ON reader_uptime(reader_id, to_ms);

-- Taps from readers nobody registered: kept (nothing a reader sends is
-- dropped), never applied.
CREATE TABLE quarantined_taps (
    id          INTEGER PRIMARY KEY,
    reader_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    badge_uid   TEXT NOT NULL,
    at_ms       INTEGER NOT NULL,
    received_ms INTEGER NOT NULL,
    reason      TEXT NOT NULL,
    UNIQUE (reader_id, seq)
);
)sql",
    // 3: the verdict the hub acknowledged for each reader tap, so a re-sent tap
    // gets the same answer. It may be set once (it is computed after the insert
    // when a tap arrives out of time order); everything else stays append-only.
    R"sql(
ALTER TABLE taps ADD COLUMN verdict TEXT;
DROP TRIGGER taps_append_only_update;
CREATE TRIGGER taps_append_only_update BEFORE UPDATE ON taps
WHEN NOT (OLD.verdict IS NULL AND NEW.verdict IS NOT NULL
          AND NEW.id = OLD.id AND NEW.reader_id = OLD.reader_id AND NEW.seq = OLD.seq
          AND NEW.badge_uid = OLD.badge_uid AND NEW.at_ms = OLD.at_ms
          AND NEW.direction IS OLD.direction AND NEW.venue_id = OLD.venue_id AND NEW.source = OLD.source
          AND NEW.received_ms = OLD.received_ms AND NEW.agent_at_ms IS OLD.agent_at_ms
          AND NEW.clock_offset_ms IS OLD.clock_offset_ms)
BEGIN SELECT RAISE(ABORT, 'taps are append-only'); END;
)sql",
    // 4: appeals and the reader-offline rule as amendment kinds (the table is
    // rebuilt because SQLite cannot change a CHECK constraint; ids are kept),
    // and a cache of finalized meetings' statuses for period reports.
    R"sql(
DROP TRIGGER amendments_append_only_update;
DROP TRIGGER amendments_append_only_delete;
--   appeal               person_id contests their status at meeting_id (holds notices)
--   appeal_resolution    ref_id = the appeal; status 'upheld' or 'rejected'
--   absence_confirmation an absence at a meeting whose reader was offline is confirmed
CREATE TABLE amendments_v4 (
    id              INTEGER PRIMARY KEY,
    kind            TEXT NOT NULL CHECK (kind IN ('leave', 'substitute', 'manual_tap', 'status_override', 'revoke',
                                                  'appeal', 'appeal_resolution', 'absence_confirmation')),
    meeting_id      TEXT REFERENCES meetings(id),
    person_id       TEXT REFERENCES persons(id),
    other_person_id TEXT REFERENCES persons(id),
    at_ms           INTEGER,
    direction       TEXT CHECK (direction IN ('in', 'out')),
    status          TEXT,
    ref_id          INTEGER REFERENCES amendments_v4(id),
    author          TEXT NOT NULL CHECK (length(author) > 0),
    reason          TEXT NOT NULL CHECK (length(reason) > 0),
    created_ms      INTEGER NOT NULL
);
INSERT INTO amendments_v4 SELECT id, kind, meeting_id, person_id, other_person_id, at_ms, direction, status, ref_id,
                                 author, reason, created_ms FROM amendments;
DROP TABLE amendments;
ALTER TABLE amendments_v4 RENAME TO amendments;
CREATE INDEX amendments_meeting ON amendments(meeting_id);
CREATE TRIGGER amendments_append_only_update BEFORE UPDATE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;
CREATE TRIGGER amendments_append_only_delete BEFORE DELETE ON amendments
BEGIN SELECT RAISE(ABORT, 'amendments are append-only'); END;

-- Derived data, not evidence: the statuses of finalized meetings as evaluated
-- from the record, so a year's report need not replay millions of taps. A row
-- is deleted by the triggers below whenever an input it was computed from
-- changes, and recomputed on demand; dropping them all loses nothing.
-- members: one line per roster member, "person_id TAB status TAB flags TAB
-- late_minutes TAB early_minutes TAB verify" (verify = absent while a reader
-- was offline, not yet confirmed); packed so a year reads in one pass.
CREATE TABLE meeting_results (
    meeting_id  TEXT PRIMARY KEY REFERENCES meetings(id),
    computed_ms INTEGER NOT NULL,
    members     TEXT NOT NULL
);

CREATE TRIGGER cache_amendment AFTER INSERT ON amendments
BEGIN
  DELETE FROM meeting_results WHERE meeting_id = NEW.meeting_id
     OR meeting_id = (SELECT meeting_id FROM amendments WHERE id = NEW.ref_id);
END;
-- Changed times or finalization: this meeting and those whose windows overlap it.
CREATE TRIGGER cache_meeting_update AFTER UPDATE ON meetings
BEGIN
  DELETE FROM meeting_results WHERE meeting_id IN (
    SELECT id FROM meetings WHERE id = NEW.id
       OR (opening_ms <= max(OLD.end_ms, NEW.end_ms) + 1800000
           AND end_ms + 1800000 >= min(OLD.opening_ms, NEW.opening_ms)));
END;
CREATE TRIGGER cache_meeting_venue AFTER INSERT ON meeting_venues
BEGIN
  DELETE FROM meeting_results WHERE meeting_id IN (
    SELECT o.id FROM meetings o, meetings n WHERE n.id = NEW.meeting_id
       AND o.opening_ms <= n.end_ms + 1800000 AND o.end_ms + 1800000 >= n.opening_ms);
END;
-- Taps recorded after a meeting was finalized are not applied to it, but they
-- take part in debouncing; meetings are assumed shorter than 2 days.
CREATE TRIGGER cache_tap AFTER INSERT ON taps
BEGIN
  DELETE FROM meeting_results WHERE meeting_id IN (
    SELECT id FROM meetings WHERE start_ms BETWEEN NEW.at_ms - 172800000 AND NEW.at_ms + 172800000
       AND finalized_ms IS NOT NULL AND opening_ms - 60000 <= NEW.at_ms AND end_ms + 1800000 >= NEW.at_ms);
END;
-- A reader's heard-from spans decide whether a meeting's absences need
-- verifying: only meetings overlapping the part of a span that changed.
CREATE TRIGGER cache_uptime_insert AFTER INSERT ON reader_uptime
BEGIN
  DELETE FROM meeting_results WHERE meeting_id IN (
    SELECT id FROM meetings WHERE start_ms BETWEEN NEW.from_ms - 604800000 AND NEW.to_ms
       AND opening_ms <= NEW.to_ms AND end_ms >= NEW.from_ms);
END;
CREATE TRIGGER cache_uptime_update AFTER UPDATE ON reader_uptime
BEGIN
  DELETE FROM meeting_results WHERE meeting_id IN (
    SELECT id FROM meetings WHERE
       (start_ms BETWEEN min(OLD.to_ms, NEW.to_ms) - 604800000 AND max(OLD.to_ms, NEW.to_ms)
        AND opening_ms <= max(OLD.to_ms, NEW.to_ms) AND end_ms >= min(OLD.to_ms, NEW.to_ms))
    OR (start_ms BETWEEN min(OLD.from_ms, NEW.from_ms) - 604800000 AND max(OLD.from_ms, NEW.from_ms)
        AND opening_ms <= max(OLD.from_ms, NEW.from_ms) AND end_ms >= min(OLD.from_ms, NEW.from_ms)));
END;
CREATE TRIGGER cache_uptime_delete AFTER DELETE ON reader_uptime
BEGIN
  DELETE FROM meeting_results WHERE meeting_id IN (
    SELECT id FROM meetings WHERE start_ms BETWEEN OLD.from_ms - 604800000 AND OLD.to_ms
       AND opening_ms <= OLD.to_ms AND end_ms >= OLD.from_ms);
END;
-- Persons, badges and units: rare bulk changes (a roster is expanded from
-- units when evaluated, a badge's holder looked up); everything is recomputed.
CREATE TRIGGER cache_persons_insert AFTER INSERT ON persons BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_persons_update AFTER UPDATE ON persons BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_persons_delete AFTER DELETE ON persons BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_units_insert AFTER INSERT ON units BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_units_update AFTER UPDATE ON units BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_units_delete AFTER DELETE ON units BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_badges_insert AFTER INSERT ON badges BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_badges_update AFTER UPDATE ON badges BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_badges_delete AFTER DELETE ON badges BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_meeting_invites_insert AFTER INSERT ON meeting_invites
BEGIN DELETE FROM meeting_results WHERE meeting_id = NEW.meeting_id; END;
CREATE TRIGGER cache_meeting_invites_update AFTER UPDATE ON meeting_invites
BEGIN DELETE FROM meeting_results WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id); END;
CREATE TRIGGER cache_meeting_invites_delete AFTER DELETE ON meeting_invites
BEGIN DELETE FROM meeting_results WHERE meeting_id = OLD.meeting_id; END;
)sql",
    // 5: the record over time (docs/semantics.md §10). Membership of units has
    // dates: a person is in service from joining to leaving, and a move closes
    // one membership and opens the next at the same instant. Persons already
    // recorded carry forward as members of their unit since before the record
    // began (from_ms 0), and their badges as held since then (issued_ms 0; the
    // time the badge was recorded is kept in recorded_ms), so no existing
    // meeting's roster or tap changes. persons.unit_id stays the current (or
    // last) unit, for screens that show who someone is today.
    R"sql(
CREATE TABLE memberships (
    id        INTEGER PRIMARY KEY,
    person_id TEXT NOT NULL REFERENCES persons(id),
    unit_id   INTEGER NOT NULL REFERENCES units(id),
    from_ms   INTEGER NOT NULL,
    to_ms     INTEGER,
    CHECK (to_ms IS NULL OR to_ms > from_ms)
);
CREATE INDEX memberships_person ON memberships(person_id, from_ms);
CREATE INDEX memberships_unit ON memberships(unit_id);
CREATE UNIQUE INDEX memberships_open ON memberships(person_id) WHERE to_ms IS NULL;
INSERT INTO memberships(person_id, unit_id, from_ms) SELECT id, unit_id, 0 FROM persons;

-- History is kept: a membership is never removed, and only its end may be
-- set, once.
CREATE TRIGGER memberships_history_update BEFORE UPDATE ON memberships
WHEN NOT (OLD.to_ms IS NULL AND NEW.to_ms IS NOT NULL AND NEW.id = OLD.id AND NEW.person_id = OLD.person_id
          AND NEW.unit_id = OLD.unit_id AND NEW.from_ms = OLD.from_ms)
BEGIN SELECT RAISE(ABORT, 'memberships keep their history'); END;
CREATE TRIGGER memberships_history_delete BEFORE DELETE ON memberships
BEGIN SELECT RAISE(ABORT, 'memberships keep their history'); END;

ALTER TABLE badges ADD COLUMN recorded_ms INTEGER;
UPDATE badges SET recorded_ms = issued_ms, issued_ms = 0;
ALTER TABLE badges ADD COLUMN revoke_reason TEXT CHECK (revoke_reason IN ('lost', 'broken', 'left'));

CREATE TRIGGER cache_memberships_insert AFTER INSERT ON memberships BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_memberships_update AFTER UPDATE ON memberships BEGIN DELETE FROM meeting_results; END;
)sql",
    // 6: meetings as an office schedules them, and finality (docs/semantics.md
    // §10–§12). Cancelling and moving a meeting are amendments of the meeting
    // (meeting_changes, append-only, who/when/why); a recurring meeting's
    // occurrences share a series id. Invitation groups have dated members like
    // units; a meeting may invite groups and unit delegations (N of a unit's
    // people); a unit may be excused from a delegation. A leave over a date
    // range is a leave amendment without a meeting plus its range. Finalizing
    // freezes the roster, the tap assignment and the results as rows
    // (final_*, written once, never changed; frozen_ms says they exist), so a
    // finalized meeting's paper no longer depends on the rest of the record.
    R"sql(
ALTER TABLE meetings ADD COLUMN series_id TEXT;
ALTER TABLE meetings ADD COLUMN cancelled_ms INTEGER;
ALTER TABLE meetings ADD COLUMN frozen_ms INTEGER;
ALTER TABLE meetings ADD COLUMN frozen_duplicates INTEGER;
CREATE INDEX meetings_series ON meetings(series_id) WHERE series_id IS NOT NULL;
-- What the hub's tick looks at: meetings not frozen yet (few at any time).
CREATE INDEX meetings_unfrozen ON meetings(end_ms) WHERE frozen_ms IS NULL;

CREATE TABLE meeting_changes (
    id           INTEGER PRIMARY KEY,
    meeting_id   TEXT NOT NULL REFERENCES meetings(id),
    kind         TEXT NOT NULL CHECK (kind IN ('cancel', 'move')),
    old_start_ms INTEGER NOT NULL,
    old_end_ms   INTEGER NOT NULL,
    new_start_ms INTEGER,
    new_end_ms   INTEGER,
    author       TEXT NOT NULL CHECK (length(author) > 0),
    reason       TEXT NOT NULL CHECK (length(reason) > 0),
    created_ms   INTEGER NOT NULL
);
CREATE INDEX meeting_changes_meeting ON meeting_changes(meeting_id);
CREATE TRIGGER meeting_changes_append_only_update BEFORE UPDATE ON meeting_changes
BEGIN SELECT RAISE(ABORT, 'meeting changes are append-only'); END;
CREATE TRIGGER meeting_changes_append_only_delete BEFORE DELETE ON meeting_changes
BEGIN SELECT RAISE(ABORT, 'meeting changes are append-only'); END;

CREATE TABLE invitation_groups (
    id         TEXT PRIMARY KEY CHECK (length(id) > 0),
    name       TEXT NOT NULL CHECK (length(name) > 0),
    created_ms INTEGER NOT NULL
);
CREATE TABLE group_members (
    id        INTEGER PRIMARY KEY,
    group_id  TEXT NOT NULL REFERENCES invitation_groups(id),
    person_id TEXT NOT NULL REFERENCES persons(id),
    from_ms   INTEGER NOT NULL,
    to_ms     INTEGER,
    CHECK (to_ms IS NULL OR to_ms > from_ms)
);
CREATE INDEX group_members_group ON group_members(group_id, from_ms);
CREATE UNIQUE INDEX group_members_open ON group_members(group_id, person_id) WHERE to_ms IS NULL;
CREATE TRIGGER group_members_history_update BEFORE UPDATE ON group_members
WHEN NOT (OLD.to_ms IS NULL AND NEW.to_ms IS NOT NULL AND NEW.id = OLD.id AND NEW.group_id = OLD.group_id
          AND NEW.person_id = OLD.person_id AND NEW.from_ms = OLD.from_ms)
BEGIN SELECT RAISE(ABORT, 'group members keep their history'); END;
CREATE TRIGGER group_members_history_delete BEFORE DELETE ON group_members
BEGIN SELECT RAISE(ABORT, 'group members keep their history'); END;

CREATE TABLE meeting_group_invites (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    group_id   TEXT NOT NULL REFERENCES invitation_groups(id),
    PRIMARY KEY (meeting_id, group_id)
);
CREATE TABLE meeting_unit_quotas (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    quota      INTEGER NOT NULL CHECK (quota > 0),
    PRIMARY KEY (meeting_id, unit_id)
);
CREATE TABLE unit_leaves (
    id         INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    author     TEXT NOT NULL CHECK (length(author) > 0),
    reason     TEXT NOT NULL CHECK (length(reason) > 0),
    created_ms INTEGER NOT NULL
);
CREATE INDEX unit_leaves_meeting ON unit_leaves(meeting_id);
CREATE TRIGGER unit_leaves_append_only_update BEFORE UPDATE ON unit_leaves
BEGIN SELECT RAISE(ABORT, 'unit leaves are append-only'); END;
CREATE TRIGGER unit_leaves_append_only_delete BEFORE DELETE ON unit_leaves
BEGIN SELECT RAISE(ABORT, 'unit leaves are append-only'); END;

CREATE TABLE leave_ranges (
    amendment_id INTEGER PRIMARY KEY REFERENCES amendments(id),
    from_ms      INTEGER NOT NULL,
    to_ms        INTEGER NOT NULL,
    CHECK (to_ms > from_ms)
);
CREATE TRIGGER leave_ranges_append_only_update BEFORE UPDATE ON leave_ranges
BEGIN SELECT RAISE(ABORT, 'leave ranges are append-only'); END;
CREATE TRIGGER leave_ranges_append_only_delete BEFORE DELETE ON leave_ranges
BEGIN SELECT RAISE(ABORT, 'leave ranges are append-only'); END;

CREATE TABLE final_rosters (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    person_id  TEXT NOT NULL REFERENCES persons(id),
    unit_id    INTEGER NOT NULL REFERENCES units(id),
    PRIMARY KEY (meeting_id, person_id)
);
-- person_id is the badge's holder at the tap's time (NULL: unknown badge).
CREATE TABLE final_taps (
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    tap_id     INTEGER NOT NULL REFERENCES taps(id),
    person_id  TEXT,
    direction  TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    PRIMARY KEY (meeting_id, tap_id)
);
CREATE TABLE final_results (
    meeting_id    TEXT NOT NULL REFERENCES meetings(id),
    person_id     TEXT NOT NULL REFERENCES persons(id),
    status        TEXT NOT NULL,
    flags         INTEGER NOT NULL,
    late_minutes  INTEGER NOT NULL,
    early_minutes INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, person_id)
);
CREATE TRIGGER final_rosters_update BEFORE UPDATE ON final_rosters
BEGIN SELECT RAISE(ABORT, 'a finalized meeting is frozen'); END;
CREATE TRIGGER final_rosters_delete BEFORE DELETE ON final_rosters
BEGIN SELECT RAISE(ABORT, 'a finalized meeting is frozen'); END;
CREATE TRIGGER final_taps_update BEFORE UPDATE ON final_taps
BEGIN SELECT RAISE(ABORT, 'a finalized meeting is frozen'); END;
CREATE TRIGGER final_taps_delete BEFORE DELETE ON final_taps
BEGIN SELECT RAISE(ABORT, 'a finalized meeting is frozen'); END;
CREATE TRIGGER final_results_update BEFORE UPDATE ON final_results
BEGIN SELECT RAISE(ABORT, 'a finalized meeting is frozen'); END;
CREATE TRIGGER final_results_delete BEFORE DELETE ON final_results
BEGIN SELECT RAISE(ABORT, 'a finalized meeting is frozen'); END;

-- The cache keeps delegations' outcomes too: "unit_id TAB status" per line.
ALTER TABLE meeting_results ADD COLUMN delegations TEXT NOT NULL DEFAULT '';
CREATE TRIGGER cache_unit_quotas_insert AFTER INSERT ON meeting_unit_quotas
BEGIN DELETE FROM meeting_results WHERE meeting_id = NEW.meeting_id; END;

CREATE TRIGGER cache_group_members_insert AFTER INSERT ON group_members BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_group_members_update AFTER UPDATE ON group_members BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_group_invites_insert AFTER INSERT ON meeting_group_invites
BEGIN DELETE FROM meeting_results WHERE meeting_id = NEW.meeting_id; END;
CREATE TRIGGER cache_leave_ranges_insert AFTER INSERT ON leave_ranges BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_leave_ranges_revoke AFTER INSERT ON amendments
WHEN NEW.ref_id IN (SELECT amendment_id FROM leave_ranges) BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_unit_leaves_insert AFTER INSERT ON unit_leaves
BEGIN DELETE FROM meeting_results WHERE meeting_id = NEW.meeting_id; END;
)sql",
    // 7: badges over time (docs/semantics.md §10). A badge is held by one
    // person over [issued_ms, revoked_ms); the UID is no longer the key, so a
    // UID can be held again after it was revoked, never by two persons at
    // once (one open holding per UID; overlaps of dated holdings are refused
    // by Record::addBadge). Rows carry forward as they are, ids in rowid
    // order. A holding is never removed and only its revocation may be set,
    // once, with its reason.
    R"sql(
CREATE TABLE badges_v6 (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL CHECK (length(uid) BETWEEN 8 AND 20),
    person_id     TEXT NOT NULL REFERENCES persons(id),
    issued_ms     INTEGER NOT NULL,
    revoked_ms    INTEGER,
    recorded_ms   INTEGER,
    revoke_reason TEXT CHECK (revoke_reason IN ('lost', 'broken', 'left'))
);
INSERT INTO badges_v6(uid, person_id, issued_ms, revoked_ms, recorded_ms, revoke_reason)
    SELECT uid, person_id, issued_ms, revoked_ms, recorded_ms, revoke_reason FROM badges ORDER BY rowid;
DROP TABLE badges;
ALTER TABLE badges_v6 RENAME TO badges;
CREATE INDEX badges_person ON badges(person_id);
CREATE INDEX badges_uid ON badges(uid, issued_ms);
CREATE UNIQUE INDEX badges_held ON badges(uid) WHERE revoked_ms IS NULL;

CREATE TRIGGER badges_history_update BEFORE UPDATE ON badges
WHEN NOT (OLD.revoked_ms IS NULL AND NEW.revoked_ms IS NOT NULL AND NEW.id = OLD.id AND NEW.uid = OLD.uid
          AND NEW.person_id = OLD.person_id AND NEW.issued_ms = OLD.issued_ms AND NEW.recorded_ms IS OLD.recorded_ms)
BEGIN SELECT RAISE(ABORT, 'badge holdings keep their history'); END;
CREATE TRIGGER badges_history_delete BEFORE DELETE ON badges
BEGIN SELECT RAISE(ABORT, 'badge holdings keep their history'); END;

CREATE TRIGGER cache_badges_insert AFTER INSERT ON badges BEGIN DELETE FROM meeting_results; END;
CREATE TRIGGER cache_badges_update AFTER UPDATE ON badges BEGIN DELETE FROM meeting_results; END;
)sql",
    // 8: the hash chain (hub/core/hash_chain.h, docs/security.md). Every tap
    // and amendment is linked, in the order written, into record_chain, whose
    // hash is SHA-256(the previous link's hash ‖ SHA-256 of the row's canonical
    // content). Rows already recorded are chained first, in the order they
    // were recorded; from then on AFTER INSERT triggers chain each new row.
    // The rollcall_* functions are registered by core::migrate() on every
    // connection. A later table (the notice register) joins with a trigger
    // like taps_chain and an entry in chainedTables(). Kept lean (no index,
    // one hash a row): it is written with every tap.
    R"sql(
CREATE TABLE record_chain (
    pos       INTEGER PRIMARY KEY,
    row_table TEXT NOT NULL,
    row_id    INTEGER NOT NULL,
    hash      BLOB NOT NULL
);

CREATE TEMP TABLE chain_feed (row_table TEXT, row_id INTEGER, row_hash BLOB);
CREATE TEMP TRIGGER chain_feed_link AFTER INSERT ON chain_feed
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES (NEW.row_table, NEW.row_id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1), NEW.row_hash));
END;
INSERT INTO chain_feed
SELECT row_table, id, row_hash FROM (
  SELECT 'taps' AS row_table, id, received_ms AS at,
         rollcall_row_hash('taps', id, reader_id, seq, badge_uid, at_ms, direction, venue_id, source, received_ms,
                           agent_at_ms, clock_offset_ms) AS row_hash FROM taps
  UNION ALL
  SELECT 'amendments', id, created_ms,
         rollcall_row_hash('amendments', id, kind, meeting_id, person_id, other_person_id, at_ms, direction, status,
                           ref_id, author, reason, created_ms) FROM amendments)
ORDER BY at, row_table, id;
DROP TRIGGER chain_feed_link;
DROP TABLE chain_feed;

CREATE TRIGGER taps_chain AFTER INSERT ON taps
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES ('taps', NEW.id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1),
                             rollcall_row_hash('taps', NEW.id, NEW.reader_id, NEW.seq, NEW.badge_uid, NEW.at_ms,
                                               NEW.direction, NEW.venue_id, NEW.source, NEW.received_ms,
                                               NEW.agent_at_ms, NEW.clock_offset_ms)));
END;
CREATE TRIGGER amendments_chain AFTER INSERT ON amendments
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES ('amendments', NEW.id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1),
                             rollcall_row_hash('amendments', NEW.id, NEW.kind, NEW.meeting_id, NEW.person_id,
                                               NEW.other_person_id, NEW.at_ms, NEW.direction, NEW.status, NEW.ref_id,
                                               NEW.author, NEW.reason, NEW.created_ms)));
END;
CREATE TRIGGER record_chain_append_only_update BEFORE UPDATE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
CREATE TRIGGER record_chain_append_only_delete BEFORE DELETE ON record_chain
BEGIN SELECT RAISE(ABORT, 'the record chain is append-only'); END;
)sql",
    // 9: the notice register (docs/semantics.md §13). Every notice the office
    // issues, and every withdrawal of one, is an entry with its number for
    // ever: the text and the evidence table as issued are stored, so a notice
    // is shown again exactly as it went out, whatever the record says later.
    // Numbers count per year (year, n); `number` is n in the office's form.
    // grounds: one line per finding it covers, "KEY<TAB>meeting,meeting…", so
    // a re-run issues only what is new and an upheld appeal finds its notice.
    // appeal_filings: who received an appeal and when (the amendment's author
    // is the appellant). Both join the hash chain like taps.
    R"sql(
CREATE TABLE notice_register (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('notice', 'withdrawal')),
    year       INTEGER NOT NULL,
    n          INTEGER NOT NULL CHECK (n > 0),
    number     TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
    person_id  TEXT REFERENCES persons(id),
    unit_id    INTEGER REFERENCES units(id),
    measure    TEXT NOT NULL,
    rule       TEXT NOT NULL,
    grounds    TEXT NOT NULL,
    evidence   TEXT NOT NULL,
    body       TEXT NOT NULL,
    period     TEXT NOT NULL,
    ref_id     INTEGER REFERENCES notice_register(id),
    appeal_id  INTEGER REFERENCES amendments(id),
    reason     TEXT,
    issued_ms  INTEGER NOT NULL,
    issued_by  TEXT NOT NULL CHECK (length(issued_by) > 0),
    UNIQUE (year, n),
    CHECK ((kind = 'withdrawal') = (ref_id IS NOT NULL)),
    CHECK (kind = 'withdrawal' OR ((person_id IS NULL) <> (unit_id IS NULL))),
    CHECK (kind = 'notice' OR length(reason) > 0)
);
CREATE UNIQUE INDEX notice_register_withdrawal ON notice_register(ref_id) WHERE ref_id IS NOT NULL;
CREATE INDEX notice_register_person ON notice_register(person_id);
CREATE TRIGGER notice_register_append_only_update BEFORE UPDATE ON notice_register
BEGIN SELECT RAISE(ABORT, 'the notice register is append-only'); END;
CREATE TRIGGER notice_register_append_only_delete BEFORE DELETE ON notice_register
BEGIN SELECT RAISE(ABORT, 'the notice register is append-only'); END;
CREATE TRIGGER notice_register_chain AFTER INSERT ON notice_register
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES ('notice_register', NEW.id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1),
                             rollcall_row_hash('notice_register', NEW.id, NEW.kind, NEW.year, NEW.n, NEW.number,
                                               NEW.person_id, NEW.unit_id, NEW.measure, NEW.rule, NEW.grounds,
                                               NEW.evidence, NEW.body, NEW.period, NEW.ref_id, NEW.appeal_id,
                                               NEW.reason, NEW.issued_ms, NEW.issued_by)));
END;

CREATE TABLE appeal_filings (
    id           INTEGER PRIMARY KEY,
    amendment_id INTEGER NOT NULL UNIQUE REFERENCES amendments(id),
    clerk        TEXT NOT NULL CHECK (length(clerk) > 0),
    received_ms  INTEGER NOT NULL,
    new_evidence TEXT
);
CREATE TRIGGER appeal_filings_append_only_update BEFORE UPDATE ON appeal_filings
BEGIN SELECT RAISE(ABORT, 'appeal filings are append-only'); END;
CREATE TRIGGER appeal_filings_append_only_delete BEFORE DELETE ON appeal_filings
BEGIN SELECT RAISE(ABORT, 'appeal filings are append-only'); END;
CREATE TRIGGER appeal_filings_chain AFTER INSERT ON appeal_filings
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES ('appeal_filings', NEW.id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1),
                             rollcall_row_hash('appeal_filings', NEW.id, NEW.amendment_id, NEW.clerk,
                                               NEW.received_ms, NEW.new_evidence)));
END;
)sql",
    // 10: units as the office lists them (docs/semantics.md §9): an official
    // order (reports sort by it, then by path) and an official name (主送 on
    // notices; the display name when empty). Neither changes a figure, so the
    // results cache is left alone when only they change.
    R"sql(
ALTER TABLE units ADD COLUMN official_order INTEGER CHECK (official_order IS NULL OR official_order >= 0);
ALTER TABLE units ADD COLUMN official_name TEXT CHECK (official_name IS NULL OR length(official_name) > 0);
DROP TRIGGER cache_units_update;
CREATE TRIGGER cache_units_update AFTER UPDATE OF id, parent_id, name, path ON units
BEGIN DELETE FROM meeting_results; END;
)sql",
    // 11: venue assignments (docs/semantics.md §10): at a plenary held over a
    // main venue and branch venues (分会场), which venue a unit (its sub-units
    // included) or a person is expected at. Per meeting, so another meeting
    // never changes; a change is a new row (the latest for a unit or person
    // applies, venue_id NULL withdraws it) and rows are never altered, so what
    // was assigned when stays readable. An assignment names one of the
    // meeting's own venues. It changes no status, so the results cache stays.
    R"sql(
CREATE TABLE venue_assignments (
    id         INTEGER PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meetings(id),
    unit_id    INTEGER REFERENCES units(id),
    person_id  TEXT REFERENCES persons(id),
    venue_id   TEXT REFERENCES venues(id),
    set_ms     INTEGER NOT NULL,
    set_by     TEXT NOT NULL CHECK (length(set_by) > 0),
    CHECK ((unit_id IS NULL) <> (person_id IS NULL))
);
CREATE INDEX venue_assignments_meeting ON venue_assignments(meeting_id, id);
CREATE TRIGGER venue_assignments_venue_of_meeting BEFORE INSERT ON venue_assignments
WHEN NEW.venue_id IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM meeting_venues WHERE meeting_id = NEW.meeting_id AND venue_id = NEW.venue_id)
BEGIN SELECT RAISE(ABORT, 'a venue assignment names a venue of its meeting'); END;
CREATE TRIGGER venue_assignments_append_only_update BEFORE UPDATE ON venue_assignments
BEGIN SELECT RAISE(ABORT, 'venue assignments are append-only'); END;
CREATE TRIGGER venue_assignments_append_only_delete BEFORE DELETE ON venue_assignments
BEGIN SELECT RAISE(ABORT, 'venue assignments are append-only'); END;
)sql",
    // 12: persons' photos (hub/core/person_photos.h), shown on the venue
    // screen as a person taps so the door staff see that the badge is in the
    // right hands. In the record, so a backup carries them; a new photo
    // replaces the old one (a photo is no evidence of attendance).
    R"sql(
CREATE TABLE person_photos (
    person_id TEXT PRIMARY KEY REFERENCES persons(id),
    mime      TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
    data      BLOB NOT NULL CHECK (typeof(data) = 'blob' AND length(data) BETWEEN 1 AND 262144),
    set_ms    INTEGER NOT NULL,
    set_by    TEXT NOT NULL CHECK (length(set_by) > 0)
);
)sql",
    // 13: walk-ins attached to a unit (docs/semantics.md §7): a person not on
    // a meeting's roster, registered at the door as attending for a unit (列席
    // for a unit not invited, someone a unit sent in its stead). The check-in
    // is a manual_tap amendment; this row says for which unit, so revoking the
    // amendment withdraws both. It changes no status or figure, so the results
    // cache stays. Evidence of who was let in: append-only and chained.
    R"sql(
CREATE TABLE walk_in_units (
    id           INTEGER PRIMARY KEY,
    amendment_id INTEGER NOT NULL UNIQUE REFERENCES amendments(id),
    unit_id      INTEGER NOT NULL REFERENCES units(id)
);
CREATE TRIGGER walk_in_units_manual_tap BEFORE INSERT ON walk_in_units
WHEN NOT EXISTS (SELECT 1 FROM amendments WHERE id = NEW.amendment_id AND kind = 'manual_tap' AND direction = 'in')
BEGIN SELECT RAISE(ABORT, 'a walk-in is attached to a unit by a manual check-in'); END;
CREATE TRIGGER walk_in_units_append_only_update BEFORE UPDATE ON walk_in_units
BEGIN SELECT RAISE(ABORT, 'walk-in units are append-only'); END;
CREATE TRIGGER walk_in_units_append_only_delete BEFORE DELETE ON walk_in_units
BEGIN SELECT RAISE(ABORT, 'walk-in units are append-only'); END;
CREATE TRIGGER walk_in_units_chain AFTER INSERT ON walk_in_units
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES ('walk_in_units', NEW.id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1),
                             rollcall_row_hash('walk_in_units', NEW.id, NEW.amendment_id, NEW.unit_id)));
END;
)sql",
    // 14: alarms acknowledged at the organizers' desks (a dead reader, a lost
    // card used, the record not written): who, when and a note. Evidence of
    // how the meeting was run (an absence held for an offline reader points
    // at it), so append-only and chained. `source` is what the alarm is
    // about: a reader id, a badge UID, or 'hub'.
    R"sql(
CREATE TABLE alarm_acks (
    id       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL CHECK (length(source) > 0),
    code     TEXT NOT NULL CHECK (length(code) > 0),
    note     TEXT NOT NULL CHECK (length(note) > 0),
    acked_ms INTEGER NOT NULL,
    acked_by TEXT NOT NULL CHECK (length(acked_by) > 0)
);
CREATE TRIGGER alarm_acks_append_only_update BEFORE UPDATE ON alarm_acks
BEGIN SELECT RAISE(ABORT, 'alarm acknowledgements are append-only'); END;
CREATE TRIGGER alarm_acks_append_only_delete BEFORE DELETE ON alarm_acks
BEGIN SELECT RAISE(ABORT, 'alarm acknowledgements are append-only'); END;
CREATE TRIGGER alarm_acks_chain AFTER INSERT ON alarm_acks
BEGIN
  INSERT INTO record_chain(row_table, row_id, hash)
  VALUES ('alarm_acks', NEW.id,
          rollcall_link_hash((SELECT hash FROM record_chain ORDER BY pos DESC LIMIT 1),
                             rollcall_row_hash('alarm_acks', NEW.id, NEW.source, NEW.code, NEW.note, NEW.acked_ms,
                                               NEW.acked_by)));
END;
)sql",
};

} // namespace

int latestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

int schemaVersion(common::Database& db)
{
    auto stmt = db.prepare("PRAGMA user_version");
    (void)stmt.step();
    return static_cast<int>(stmt.getInt(0));
}

void migrate(common::Database& db, int target)
{
    if (target < 0) target = latestSchemaVersion();
    registerChainFunctions(db); // the chain's triggers (migration 6 on) call them on every insert
    int version = schemaVersion(db);
    if (version > latestSchemaVersion()) {
        throw NewerSchemaError("database " + db.path() + " has schema version " + std::to_string(version)
                               + ", newer than this program's " + std::to_string(latestSchemaVersion()));
    }
    while (version < target) {
        common::Transaction tx(db);
        db.exec(kMigrations.at(static_cast<std::size_t>(version)));
        ++version;
        db.exec("PRAGMA user_version = " + std::to_string(version));
        tx.commit();
    }
}

} // namespace rollcall::core
