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
#   1c. a unit delegation (各单位派2名: met, short, absent) and a weekly
#      meeting for the next four Mondays, one moved and one cancelled;
#   2. a reader's offline log imported (taps from before the start),
#      leave and a substitute recorded, a forgotten badge checked in by hand;
#   3. rollcall-hub started; live taps arrive from readers; a person moves
#      and a lost badge is replaced (the old card gets revoked_badge); a
#      forgotten badge checked in at the organizer's desk (the rendered desk
#      driven by a desk script; its board shows her late);
#   4. the live board (rollcall-dashboard; a screenshot when there is no display);
#   5. the live attendance table and JSON, as the general office sees it;
#   6. last month's four meetings (imported reader logs, finalized) and the
#      general office's paper: sign-in sheets, the period report by unit,
#      disciplinary notices, the monthly disclosure list and the 绩效考评
#      (CSV/XLSX/PDF); without a display, the office's desk as a screenshot.
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
# wait_for FILE PATTERN SECONDS [LINES_ALREADY_SEEN]: until PATTERN appears more often than before.
wait_for() {
  local file=$1 pattern=$2 seconds=$3 seen=${4:-0}
  for _ in $(seq $(( seconds * 20 ))); do
    [[ $(grep -c "$pattern" "$file" 2>/dev/null || true) -gt $seen ]] && return 0
    sleep 0.05
  done
  echo "demo: timed out waiting for \"$pattern\" in $file" >&2
  tail -5 "$file" >&2
  return 1
}
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
# Everyone has been in service since before last month (the dates count: §10).
ctl roster import --effective 2020-01-01 "$ROOT/scripts/demo/roster.csv"
ctl venue add --id hall --name 州会议中心主会场
ctl venue add --id yining --name 伊宁县分会场
# Keys (docs/security.md): the hub's own pair, the allowed-keys directory it
# reads, and a viewer key for the board. Every socket speaks CURVE.
KEYS="$OUT/keys"
mkdir -p "$KEYS/hub" "$KEYS/allowed" "$KEYS/readers" "$KEYS/board"
"$CTL" key generate --role hub --name hub --out "$KEYS/hub"
"$CTL" key generate --role viewer --name board-1 --out "$KEYS/board"
"$CTL" key allow "$KEYS/board/board-1.key" --keys-dir "$KEYS/allowed"
# The 会务组 at the door and the 办公室 clerk run commands over the wire with keys of their own (issue 16).
mkdir -p "$KEYS/desk"
"$CTL" key generate --role organizer --name huiwuzu-1 --out "$KEYS/desk"
"$CTL" key generate --role office --name bangongshi-1 --out "$KEYS/desk"
"$CTL" key allow "$KEYS/desk/huiwuzu-1.key" --keys-dir "$KEYS/allowed"
"$CTL" key allow "$KEYS/desk/bangongshi-1.key" --keys-dir "$KEYS/allowed"
# Readers with a rollcall-agent (live, over ZeroMQ), each with its key pair and
# agent config written and its key allowed in the same step ...
for r in "r-hall-in hall in" "r-hall-out hall out" "r-yining yining both"; do
  read -r id venue direction <<< "$r"
  ctl reader add --id "$id" --venue "$venue" --direction "$direction" --key-out "$KEYS/readers" \
    --server-key "$KEYS/hub/hub.key" --keys-dir "$KEYS/allowed"
done
"$CTL" key list --keys-dir "$KEYS/allowed"
# ... and standalone terminals whose logs are imported from USB sticks.
ctl reader add --id t-hall-in --venue hall --direction in
ctl reader add --id t-hall-out --venue hall --direction out
ctl reader add --id t-yining --venue yining --direction both
ctl meeting add --id M-2026-11-ECON --title "全州经济工作会议" --venue hall --venue yining \
  --start "$(at -15)" --end "$(at 45)" --late-grace 5m --early-grace 5m \
  --invite-unit 州直机关 --invite-unit 伊宁市 --invite-unit 伊宁县
# 伊宁县 follows the plenary at its branch venue; anyone else tapping there is
# shown at the wrong venue (孙悦 of 伊宁市, below).
ctl meeting assign-venue M-2026-11-ECON --unit 伊宁县 --venue yining

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
      reader=t-hall-in; [[ $n -ge 18 ]] && reader=t-yining
      case "$p:$day" in
        P011:05|P011:12|P011:19) t="$LAST_MONTH-${day}T09:1$(( ${day#0} % 7 )):00+08:00" ;;   # late three times
        P017:05|P017:19|P019:12|P020:*|P021:05|P021:12) continue ;;                          # no tap: absent
        P005:26) continue ;;                                                                  # on leave below
      esac
      tap_line "$reader" "$(uid "$p")" "$t"
      if [[ "$p:$day" == P012:* && $day != 26 ]]; then                                        # leaves early
        tap_line t-hall-out "$(uid "$p")" "$LAST_MONTH-${day}T10:1${day: -1}:00+08:00"
      fi
    done
  done
} > "$OUT/last-month-taps.csv"
ctl taps import "$OUT/last-month-taps.csv"
ctl leave add --meeting "M-$LAST_MONTH-26" --person P005 --reason "年休假（已审批）"
for day in 05 12 19 26; do ctl meeting finalize --id "M-$LAST_MONTH-$day"; done

step "1c. A unit delegation and a recurring weekly meeting"
# 各县市派 2 名负责同志参加: the unit is expected, not its people (docs/semantics.md §11).
ctl meeting add --id "D-$LAST_MONTH-28" --title "县市政府办工作调度会（各单位派2名负责同志参加）" --venue hall \
  --start "$LAST_MONTH-28T15:00:00+08:00" --end "$LAST_MONTH-28T16:00:00+08:00" \
  --invite-unit-quota 霍城县:2 --invite-unit-quota 伊宁市:2 --invite-unit-quota 伊宁县:2
{
  echo "reader_id,seq,badge_uid,time"
  tap_line t-hall-in "$(uid P022)" "$LAST_MONTH-28T14:50:00+08:00"   # 霍城县: two in time, met
  tap_line t-hall-in "$(uid P023)" "$LAST_MONTH-28T14:58:00+08:00"
  tap_line t-hall-in "$(uid P014)" "$LAST_MONTH-28T15:20:00+08:00"   # 伊宁市: one, short; 伊宁县: nobody, absent
} > "$OUT/delegation-taps.csv"
ctl taps import "$OUT/delegation-taps.csv"
ctl meeting finalize --id "D-$LAST_MONTH-28"
ctl status --meeting "D-$LAST_MONTH-28" | sed -n '/单位派员/,$p'
# 州直机关周例会 every Monday for four weeks: each occurrence its own meeting.
NEXT_MONDAY=$(TZ=Asia/Shanghai date -d "next monday" +%Y-%m-%d)
UNTIL=$(TZ=Asia/Shanghai date -d "$NEXT_MONDAY +21 days" +%Y-%m-%d)
ctl meeting add --id WEEKLY --title "州直机关周例会" --venue hall --start "${NEXT_MONDAY}T08:30" --end "${NEXT_MONDAY}T09:30" \
  --invite-unit 州直机关 --repeat weekly:MON --until "$UNTIL"
ctl meeting move "WEEKLY-$(TZ=Asia/Shanghai date -d "$NEXT_MONDAY +7 days" +%Y-%m-%d)" \
  --start "$(TZ=Asia/Shanghai date -d "$NEXT_MONDAY +8 days" +%Y-%m-%d)T15:00" \
  --end "$(TZ=Asia/Shanghai date -d "$NEXT_MONDAY +8 days" +%Y-%m-%d)T16:00" --reason "与全州大会冲突，改至周二下午"
ctl meeting cancel "WEEKLY-$(TZ=Asia/Shanghai date -d "$NEXT_MONDAY +14 days" +%Y-%m-%d)" --reason "领导外出调研，停会一次"
ctl meeting list --from "$NEXT_MONDAY" --to "$UNTIL"

step "2. A terminal's USB log, leave, a substitute, a manual check-in"
{
  echo "reader_id,seq,badge_uid,time"
  tap_line t-hall-in "$(uid P001)" "$(at -24)"
  tap_line t-hall-in "$(uid P002)" "$(at -23)"
  tap_line t-hall-in "$(uid P003)" "$(at -22 30)"
  tap_line t-hall-in "$(uid P003)" "$(at -22 34)"    # the same badge again 4 s later: a duplicate
  tap_line t-hall-in "$(uid P004)" "$(at -21)"
  tap_line t-hall-in "$(uid P006)" "$(at -19)"
  tap_line t-hall-in "$(uid P007)" "$(at -18)"
  tap_line t-hall-in "$(uid P008)" "$(at -17)"
  tap_line t-hall-in "$(uid P009)" "$(at -16)"
  tap_line t-hall-in "$(uid P011)" "$(at -11)"
  tap_line t-hall-in "$(uid P012)" "$(at -8)"
  tap_line t-hall-in DEADBEEF "$(at -7)"            # a badge nobody holds
  tap_line t-hall-out "$(uid P006)" "$(at -12)"     # walks out after 7 minutes
  tap_line t-yining "$(uid P017)" "$(at -20)"
  tap_line t-yining "$(uid P018)" "$(at -16)"
  tap_line t-yining "$(uid P021)" "$(at -14)"
} > "$OUT/offline-taps.csv"
ctl taps import "$OUT/offline-taps.csv"
ctl taps import "$OUT/offline-taps.csv"   # again: nothing changes
ctl leave add --meeting M-2026-11-ECON --person P005 --reason "赴京出差（经州领导批准）"
ctl substitute add --meeting M-2026-11-ECON --person P010 --by P022 --reason "主要负责同志公务外出，由霍城县何静代会"
ctl checkin --meeting M-2026-11-ECON --person P014 --at "$(at -13)" --direction in --reason "忘带工作证，会务组核实身份后手工签到"

step "3. rollcall-hub, and three readers: PN532 emulators driven by the real libnfc through rollcall-agent"
start_hub() {
  "$HUB" --db "$DB" --taps "$1" --live "$2" --query "$3" \
    --server-key "$KEYS/hub/hub.key_secret" --keys-dir "$KEYS/allowed" 2>> "$OUT/hub.log" &
  HUB_PID=$!
  PIDS+=($HUB_PID)
  wait_for "$OUT/hub.log" "listening" 10 "$(grep -c listening "$OUT/hub.log" 2>/dev/null || true)"
}
start_hub tcp://127.0.0.1:* tcp://127.0.0.1:* tcp://127.0.0.1:*
LISTEN=$(grep listening "$OUT/hub.log" | tail -1)
echo "$LISTEN"
TAPS=$(sed -E 's/.*taps=([^ ]+).*/\1/' <<< "$LISTEN")
LIVE=$(sed -E 's/.*live=([^ ]+).*/\1/' <<< "$LISTEN")
QUERY=$(sed -E 's/.*query=([^ ]+).*/\1/' <<< "$LISTEN")
mkdir -p "$OUT/dev"
for r in r-hall-in r-hall-out r-yining; do
  "$BUILD/hardware/pn532-emulator" --link "$OUT/dev/$r" --control "$OUT/dev/$r.ctl" > "$OUT/emulator-$r.log" 2>&1 &
  PIDS+=($!)
  wait_for "$OUT/emulator-$r.log" "ready" 10
  LIBNFC_AUTO_SCAN=no "$BUILD/reader-agent/rollcall-agent" --config "$KEYS/readers/$r-agent.toml" \
    --reader "pn532_uart:$OUT/dev/$r" --hub "$TAPS" --outbox "$OUT/outbox-$r.db" > "$OUT/agent-$r.log" 2>&1 &
  PIDS+=($!)
  wait_for "$OUT/agent-$r.log" "running" 15
  echo "reader $r: $(grep -m1 -o 'rollcall-agent: running.*' "$OUT/agent-$r.log")"
done

# Presents a badge to a reader and prints what the reader showed.
present() { # reader person-or-uid
  local reader=$1 badge=$2
  [[ $badge == P* ]] && badge=$(uid "$badge")
  local before; before=$(grep -c "verdict seq=" "$OUT/agent-$reader.log" || true)
  "$BUILD/hardware/pn532-ctl" "$OUT/dev/$reader.ctl" tap "$badge" > /dev/null
  wait_for "$OUT/agent-$reader.log" "verdict seq=" 10 "$before"
  echo "  $reader: $(grep "verdict seq=" "$OUT/agent-$reader.log" | tail -1 | sed -E 's/.*(verdict seq=)/\1/')"
}
echo "-- badges tapped now (the meeting started 15 minutes ago):"
present r-hall-in P022     # 林峰, the approved substitute for 黄磊
present r-yining P015      # 孙悦, late
present r-hall-in P016     # 马丽, late
present r-hall-in P023     # 何静 from 霍城县, not invited: a walk-in
present r-hall-out P001    # 张建国 leaves 45 minutes early
present r-hall-in CAFEBABE # a badge nobody holds
# The record over time (issue 11): a move and a replaced badge.
echo "-- 李秀英 (P002) moves to 州财政局 from tomorrow; today's meeting keeps her under 州发改委:"
ctl person move P002 --to 州直机关/州财政局 --on "$(TZ=Asia/Shanghai date -d tomorrow +%F)"
echo "-- ئەركىن ھوشۇر (P020) reports the card lost; a new card is issued now:"
ctl badge replace "$(uid P020)" --by 04:C0:00:20 --reason lost
# The hub picks up another writer's change within a tick: wait until it holds the new card.
wait_for "$OUT/hub.log" "$(sqlite3 "$DB" "SELECT count(DISTINCT uid) FROM badges") badge(s)" 10
present r-yining "$(uid P020)" # the lost card: refused, revoked_badge (the board shows an alert)
present r-yining 04:C0:00:20   # the new card: late
ctl person show P020 | sed -n '1,/meetings:/p'
echo "-- at the door, 吴敏 (P013) has forgotten her badge: the 会务组 checks her in at the organizer's desk"
echo "   (the rendered desk on an organizer key, driven by a desk script: pinyin initials wm, 签到, OK;"
echo "    the desk's own board then shows her late through the live feed)"
cat > "$OUT/checkin-wumin.desk" <<'DESK'
type deskSearch wm
click deskMatch_P013
click deskCheckIn
click deskConfirmOk
expect deskMessage 更正
board P013 late
DESK
QT_QPA_PLATFORM=offscreen "$BUILD/dashboard/rollcall-dashboard" --live "$LIVE" --query "$QUERY" \
  --meeting M-2026-11-ECON --key "$KEYS/desk/huiwuzu-1.key_secret" --server-key "$KEYS/hub/hub.key" \
  --desk organizer --desk-script "$OUT/checkin-wumin.desk" --size 1920x1080 \
  --screenshot "$OUT/organizer-desk.png" --quit-after 40 2> "$OUT/organizer-desk.log" | sed 's/^/  /'
echo "  the organizer's desk after the check-in: $OUT/organizer-desk.png"
echo "  hub log: $(grep "admin: key huiwuzu-1.*checkin" "$OUT/hub.log" | tail -1 | sed -E 's/.*(admin: )/\1/')"
echo "-- the 会务组's key may not pull a report; the hub says so:"
"$CTL" --hub "$QUERY" --key "$KEYS/desk/huiwuzu-1.key_secret" --server-key "$KEYS/hub/hub.key" \
  report meeting M-2026-11-ECON --output "$OUT/not-allowed.pdf" || echo "  (exit $?)"
echo "-- the hub goes down; a tap is kept in the reader's outbox and delivered once when it is back:"
kill -TERM "$HUB_PID"; wait "$HUB_PID" 2>/dev/null || true
present r-yining P019      # 朱琳: the reader says "saved, will send"
start_hub "$TAPS" "$LIVE" "$QUERY"
wait_for "$OUT/agent-r-yining.log" "delivered seq=" 15
echo "  r-yining: $(grep "delivered seq=" "$OUT/agent-r-yining.log" | tail -1 | sed -E 's/.*(delivered seq=)/\1/')"
echo "  record: $(sqlite3 "$DB" "SELECT count(*) FROM taps WHERE reader_id = 'r-yining' AND badge_uid = upper(replace('$(uid P019)', ':', ''))") tap of 朱琳 at r-yining"

step "4. The live board (rollcall-dashboard)"
DASH="$BUILD/dashboard/rollcall-dashboard"
DASH_PID=""
DASH_KEYS=(--key "$KEYS/board/board-1.key_secret" --server-key "$KEYS/hub/hub.key")
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  "$DASH" --live "$LIVE" --query "$QUERY" --meeting M-2026-11-ECON "${DASH_KEYS[@]}" > "$OUT/dashboard.log" 2>&1 &
  DASH_PID=$!
  echo "the board is open on your display; close its window to end the demo"
else
  QT_QPA_PLATFORM=offscreen "$DASH" --live "$LIVE" --query "$QUERY" --meeting M-2026-11-ECON "${DASH_KEYS[@]}" --size 1600x900 \
    --screenshot "$OUT/dashboard.png" --quit-after 15 > "$OUT/dashboard.log" 2>&1
  echo "no display here: the board as a person would see it is in $OUT/dashboard.png"
  echo "(the organizer's desk beside the board, after checking 吴敏 in: $OUT/organizer-desk.png)"
fi

step "5. Attendance now, as the general office sees it"
ctl status --meeting M-2026-11-ECON | tee "$OUT/status.txt"
ctl status --meeting M-2026-11-ECON --json > "$OUT/status.json"
echo "(JSON: $OUT/status.json)"

step "6. The general office's paper"
REPORTS="$OUT/reports"
mkdir -p "$REPORTS"
for fmt in csv xlsx pdf; do
  ctl report meeting M-2026-11-ECON --format "$fmt" --output "$REPORTS/sign-in-sheet.$fmt"
done
# The 办公室 clerk, in another building, gets the sheet over the wire with an office key.
"$CTL" --hub "$QUERY" --key "$KEYS/desk/bangongshi-1.key_secret" --server-key "$KEYS/hub/hub.key" \
  report meeting M-2026-11-ECON --format pdf --output "$REPORTS/sign-in-sheet-over-the-wire.pdf"
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
echo "-- the notice register: $LAST_MONTH issued, each notice numbered once and for ever:"
ctl notices issue --period "$LAST_MONTH" --output "$REPORTS/issued"
ctl notices issue --period "$LAST_MONTH"   # again: nothing new, nothing renumbered
echo "-- 古丽娜尔·托合提 (P017) appeals one absence; it is upheld, so her notice is withdrawn by an entry of its own:"
ctl appeal add --meeting "M-$LAST_MONTH-05" --person P017 --by P017 --reason "当日在州医院住院，有住院证明"
ctl appeal resolve --meeting "M-$LAST_MONTH-05" --person P017 --upheld --reason "住院证明属实"
echo "-- 周婷 (P011), warned for lateness, is found absent on the 26th after all: the next notice escalates"
ctl override --meeting "M-$LAST_MONTH-26" --person P011 --status absent --reason "补录：经核实当日未到会"
ctl notices issue --period "$LAST_MONTH" --output "$REPORTS/issued"   # P017's other absence again, P011 escalated
ctl notices list
ctl person history P011
first_issued=$(ls "$REPORTS/issued"/notice-*.pdf | sort -V | head -1)
pdftoppm -png -r 60 -f 1 -l 1 "$first_issued" "$REPORTS/notice-page"
echo "(the first issued notice as a 公文: $first_issued; its first page: $(ls "$REPORTS"/notice-page*.png))"
ctl disclosure --month "$LAST_MONTH" --format pdf --output "$REPORTS/disclosure-$LAST_MONTH.pdf"
# 绩效考评 of the top-level units, in the office's order (州直机关 first, then the counties).
ctl unit set 州直机关 --order 1 --official-name 州直属机关 >/dev/null
ctl unit set 伊宁市 --order 2 >/dev/null
ctl unit set 伊宁县 --order 3 >/dev/null
ctl unit set 霍城县 --order 4 >/dev/null
for fmt in csv xlsx pdf; do
  ctl report performance --period "$LAST_MONTH" --level 1 --format "$fmt" --output "$REPORTS/performance-$LAST_MONTH.$fmt"
done
echo "-- 绩效考评 $LAST_MONTH (100 − 2 × 缺席 − 1 × 迟到/早退 − 2 × 派员不足):"
sed '1s/^\xEF\xBB\xBF//' "$REPORTS/performance-$LAST_MONTH.csv" | grep -E '^(排名|[0-9])'
pdftoppm -png -r 60 -f 1 -l 1 "$REPORTS/sign-in-sheet.pdf" "$REPORTS/sign-in-sheet-page"
echo "Reports: $REPORTS (sign-in sheet page 1 as PNG: $(ls "$REPORTS"/sign-in-sheet-page*.png))"
if [[ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  # The 办公室 clerk's desk in another building, over the wire with an office key: last month's units
  # ranked, the register and the appeals as tables, the period report previewed beside them.
  QT_QPA_PLATFORM=offscreen "$DASH" --live "$LIVE" --query "$QUERY" \
    --key "$KEYS/desk/bangongshi-1.key_secret" --server-key "$KEYS/hub/hub.key" --desk office \
    --desk-period "$LAST_MONTH" --desk-preview period --desk-dir "$REPORTS" \
    --size 1920x1080 --screenshot "$OUT/office-desk.png" --quit-after 30 > "$OUT/office-desk.log" 2>&1
  echo "the office's desk: $OUT/office-desk.png"
fi

step "Done"
echo "Everything the demo made is in $OUT (record: $DB, hub log: $OUT/hub.log)."
if [[ -n "$DASH_PID" ]]; then wait "$DASH_PID" || true; fi
