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
#   4. the live attendance table and JSON, as the general office sees it;
#   5. last month's four meetings (imported reader logs, finalized) and the
#      general office's paper: sign-in sheets, the period report by unit,
#      disciplinary notices and the monthly disclosure list (CSV/XLSX/PDF).
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
# Readers number their taps; a log line is "reader_id,seq,badge_uid,time".
declare -A SEQ
tap_line() { SEQ[$1]=$(( ${SEQ[$1]:-0} + 1 )); echo "$1,${SEQ[$1]},$2,$3"; }

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

step "1b. Last month: four meetings from the readers' logs, then finalized"
LAST_MONTH=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 day" +%Y-%m)
LAST_MONTH_END=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 day" +%Y-%m-%d)
{
  echo "reader_id,seq,badge_uid,time"
  for day in 05 12 19 26; do
    ctl meeting add --id "M-$LAST_MONTH-$day" --title "全州周例会（$LAST_MONTH-$day）" --venue hall --venue yining \
      --start "$LAST_MONTH-${day}T09:00:00+08:00" --end "$LAST_MONTH-${day}T11:00:00+08:00" \
      --invite-unit 州直机关 --invite-unit 伊宁市 --invite-unit 伊宁县 >&2
    for n in $(seq 1 21); do
      p=$(printf 'P%03d' "$n")
      t="$LAST_MONTH-${day}T08:5$(( n % 10 )):00+08:00"
      reader=r-hall-in; [[ $n -ge 18 ]] && reader=r-yining
      case "$p:$day" in
        P011:05|P011:12|P011:19) t="$LAST_MONTH-${day}T09:1$(( ${day#0} % 7 )):00+08:00" ;;   # late three times
        P017:05|P017:19|P019:12|P020:*|P021:05|P021:12) continue ;;                          # no tap: absent
        P005:26) continue ;;                                                                  # on leave below
      esac
      tap_line "$reader" "$(uid "$p")" "$t"
      if [[ "$p:$day" == P012:* && $day != 26 ]]; then                                        # leaves early
        tap_line r-hall-out "$(uid "$p")" "$LAST_MONTH-${day}T10:1${day: -1}:00+08:00"
      fi
    done
  done
} > "$OUT/last-month-taps.csv"
ctl taps import "$OUT/last-month-taps.csv"
ctl leave add --meeting "M-$LAST_MONTH-26" --person P005 --reason "年休假（已审批）"
for day in 05 12 19 26; do ctl meeting finalize --id "M-$LAST_MONTH-$day"; done

step "2. Offline log of the entry reader, leave, a substitute, a manual check-in"
{
  echo "reader_id,seq,badge_uid,time"
  tap_line r-hall-in "$(uid P001)" "$(at -24)"
  tap_line r-hall-in "$(uid P002)" "$(at -23)"
  tap_line r-hall-in "$(uid P003)" "$(at -22 30)"
  tap_line r-hall-in "$(uid P003)" "$(at -22 34)"    # the same badge again 4 s later: a duplicate
  tap_line r-hall-in "$(uid P004)" "$(at -21)"
  tap_line r-hall-in "$(uid P006)" "$(at -19)"
  tap_line r-hall-in "$(uid P007)" "$(at -18)"
  tap_line r-hall-in "$(uid P008)" "$(at -17)"
  tap_line r-hall-in "$(uid P009)" "$(at -16)"
  tap_line r-hall-in "$(uid P011)" "$(at -11)"
  tap_line r-hall-in "$(uid P012)" "$(at -8)"
  tap_line r-hall-in DEADBEEF "$(at -7)"            # a badge nobody holds
  tap_line r-hall-out "$(uid P006)" "$(at -12)"     # walks out after 7 minutes
  tap_line r-yining "$(uid P017)" "$(at -20)"
  tap_line r-yining "$(uid P018)" "$(at -16)"
  tap_line r-yining "$(uid P021)" "$(at -14)"
} > "$OUT/offline-taps.csv"
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

step "5. The general office's paper"
REPORTS="$OUT/reports"
mkdir -p "$REPORTS"
for fmt in csv xlsx pdf; do
  ctl report meeting M-2026-11-ECON --format "$fmt" --output "$REPORTS/sign-in-sheet.$fmt"
done
ctl report period --from "$LAST_MONTH-01" --to "$LAST_MONTH_END" --by unit --format pdf --output "$REPORTS/period-by-unit.pdf"
ctl report period --from "$LAST_MONTH-01" --to "$LAST_MONTH_END" --by unit --format csv --output "$REPORTS/period-by-unit.csv"
ctl report period --from "$LAST_MONTH-01" --to "$LAST_MONTH_END" --by person --format xlsx --output "$REPORTS/period-by-person.xlsx"
echo "-- attendance by unit, $LAST_MONTH (ranked):"
sed '1s/^\xEF\xBB\xBF//' "$REPORTS/period-by-unit.csv" | head -12
ctl notices --period "$LAST_MONTH" --output "$REPORTS/notices-$LAST_MONTH"
echo "-- disciplinary notices for $LAST_MONTH (index):"
sed '1s/^\xEF\xBB\xBF//' "$REPORTS/notices-$LAST_MONTH/index.csv"
first_notice=$(ls "$REPORTS/notices-$LAST_MONTH"/notice-*.txt | head -1)
echo "-- the first notice ($first_notice):"
cat "$first_notice"
ctl disclosure --month "$LAST_MONTH" --format pdf --output "$REPORTS/disclosure-$LAST_MONTH.pdf"
pdftoppm -png -r 60 -f 1 -l 1 "$REPORTS/sign-in-sheet.pdf" "$REPORTS/sign-in-sheet-page"
echo "Reports: $REPORTS (sign-in sheet page 1 as PNG: $(ls "$REPORTS"/sign-in-sheet-page*.png))"

step "Done"
echo "Everything the demo made is in $OUT (record: $DB, hub log: $OUT/hub.log)."
