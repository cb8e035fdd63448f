#!/usr/bin/env bash
# Makes record_v4.sqlite: a record written by rollcallctl at schema version 4
# (before dated memberships), for tests/core/schema_migration5_test.cpp.
# Run with a rollcallctl built before migration 5:
#   tests/data/core/make_record_v4.sh /path/to/old/rollcallctl
# p001 and p002 are in 州直机关 (invited to M1 and M2), p003 in 县委办 is invited
# to M2 by name. M1 (2026-10-12) is finalized: p001 present, p002 late. At M2
# (2026-11-09) p002 is on leave and p001's badge 04A23BC1 was revoked before it,
# so p001 taps with the replacement 04A23BD1.
set -euo pipefail
CTL=$1
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DB="$HERE/record_v4.sqlite"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -f "$DB"
ctl() { ROLLCALL_OPERATOR=fixture "$CTL" --db "$DB" "$@"; }
ctl init | grep -q "schema version 4"
cat > "$TMP/roster.csv" <<'CSV'
person_id,name,unit,badge_uid,title
p001,张三,州直机关/州发改委,04A23BC1;04A23BD1,主任
p002,李四,州直机关/州财政局,04A23BC2,
p003,王五,县委办,04A23BC3,
CSV
ctl roster import "$TMP/roster.csv"
ctl venue add --id hall --name 主会场
ctl reader add --id hall-in --venue hall --direction in
ctl meeting add --id M1 --title 十月例会 --venue hall --start 2026-10-12T09:00 --end 2026-10-12T11:00 --invite-unit 州直机关
ctl meeting add --id M2 --title 十一月例会 --venue hall --start 2026-11-09T09:00 --end 2026-11-09T11:00 \
  --invite-unit 州直机关 --invite-person p003
cat > "$TMP/taps.csv" <<'CSV'
reader_id,seq,badge_uid,time
hall-in,1,04A23BC1,2026-10-12T08:50:00+08:00
hall-in,2,04A23BC2,2026-10-12T09:12:00+08:00
hall-in,3,04A23BD1,2026-11-09T08:55:00+08:00
hall-in,4,04A23BC3,2026-11-09T09:30:00+08:00
CSV
ctl taps import "$TMP/taps.csv"
ctl leave add --meeting M2 --person p002 --reason 病假
ctl meeting finalize --id M1
# Schema 4 has no command to revoke a badge: the record is edited as tests did then.
sqlite3 "$DB" "UPDATE badges SET revoked_ms = 1793491200000 WHERE uid = '04A23BC1'; PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
sqlite3 "$DB" "PRAGMA journal_mode = DELETE;" >/dev/null
echo "wrote $DB (schema $(sqlite3 "$DB" 'PRAGMA user_version'))"
