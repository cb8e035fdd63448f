#!/usr/bin/env bash
# The Rollcall demo: installs what is missing, builds, then runs the whole
# system on the embedded SQLite default and shows the result.
#
#   scripts/demo.sh            (output in demo-output/)
#
# What it does, step by step (each step prints what it shows):
#   1. a sample prefecture: a unit tree, 25 people with badges (names in
#      Chinese, Uyghur and Kazakh), two venues, readers, one meeting that
#      started 15 minutes ago;
#   2. a reader's offline log imported (taps from before the start),
#      leave and a substitute recorded, a forgotten badge checked in by hand;
#   3. rollcall-hub started; live taps arrive from readers;
#   4. the live attendance table and JSON, as the general office sees it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${ROLLCALL_BUILD_DIR:-$ROOT/build}"
OUT="${ROLLCALL_DEMO_DIR:-$ROOT/demo-output}"
"$ROOT/scripts/setup.sh" "$BUILD"

CTL="$BUILD/hub/rollcallctl"
HUB="$BUILD/hub/rollcall-hub"
DB="$OUT/rollcall.db"
export ROLLCALL_OPERATOR="会务组-demo"
rm -rf "$OUT"
mkdir -p "$OUT"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
ctl() { "$CTL" --db "$DB" "$@"; }
# ISO 8601 time, minutes relative to now, in Asia/Shanghai.
at() { TZ=Asia/Shanghai date -d "@$(( NOW + $1 * 60 + ${2:-0} ))" +%Y-%m-%dT%H:%M:%S%:z; }
NOW=$(date +%s)
# A person's badge UID from the sample roster.
uid() { awk -F, -v p="$1" '$1 == p { print $4 }' "$ROOT/scripts/demo/roster.csv"; }

step "1. A sample prefecture"
ctl init
ctl roster import "$ROOT/scripts/demo/roster.csv"
ctl venue add --id hall --name 州会议中心主会场
ctl venue add --id yining --name 伊宁县分会场
ctl reader add --id r-hall-in --venue hall --direction in
ctl reader add --id r-hall-out --venue hall --direction out
ctl reader add --id r-yining --venue yining --direction both
ctl meeting add --id M-2026-11-ECON --title "全州经济工作会议" --venue hall --venue yining \
  --start "$(at -15)" --end "$(at 45)" --late-grace 5m --early-grace 5m \
  --invite-unit 州直机关 --invite-unit 伊宁市 --invite-unit 伊宁县

step "2. Offline log of the entry reader, leave, a substitute, a manual check-in"
cat > "$OUT/offline-taps.csv" <<CSV
reader_id,seq,badge_uid,time
r-hall-in,1,$(uid P001),$(at -24)
r-hall-in,2,$(uid P002),$(at -23)
r-hall-in,3,$(uid P003),$(at -22 30)
r-hall-in,4,$(uid P003),$(at -22 34)
r-hall-in,5,$(uid P004),$(at -21)
r-hall-in,6,$(uid P006),$(at -19)
r-hall-in,7,$(uid P007),$(at -18)
r-hall-in,8,$(uid P008),$(at -17)
r-hall-in,9,$(uid P009),$(at -16)
r-hall-in,10,$(uid P011),$(at -11)
r-hall-in,11,$(uid P012),$(at -8)
r-hall-in,12,DEADBEEF,$(at -7)
r-hall-out,1,$(uid P006),$(at -12)
r-yining,1,$(uid P017),$(at -20)
r-yining,2,$(uid P018),$(at -16)
r-yining,3,$(uid P021),$(at -14)
CSV
ctl taps import "$OUT/offline-taps.csv"
ctl taps import "$OUT/offline-taps.csv"   # again: nothing changes
ctl leave add --meeting M-2026-11-ECON --person P005 --reason "赴京出差（经州领导批准）"
ctl substitute add --meeting M-2026-11-ECON --person P010 --by P022 --reason "主要负责同志公务外出，由霍城县何静代会"
ctl checkin --meeting M-2026-11-ECON --person P014 --at "$(at -13)" --direction in --reason "忘带工作证，会务组核实身份后手工签到"

step "3. rollcall-hub: the place of record"
"$HUB" --db "$DB" --taps tcp://127.0.0.1:* --live tcp://127.0.0.1:* --query tcp://127.0.0.1:* \
  2> "$OUT/hub.log" &
PIDS+=($!)
for _ in $(seq 100); do grep -q "listening" "$OUT/hub.log" && break; sleep 0.1; done
grep "listening" "$OUT/hub.log"

step "4. Attendance now"
ctl status --meeting M-2026-11-ECON | tee "$OUT/status.txt"
ctl status --meeting M-2026-11-ECON --json > "$OUT/status.json"
echo "(JSON: $OUT/status.json)"

step "Done"
echo "Everything the demo made is in $OUT (record: $DB, hub log: $OUT/hub.log)."
