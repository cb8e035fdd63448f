#!/usr/bin/env bash
# Installs the packages scripts/package.sh built, runs Rollcall from them as
# the services would, and purges them again (issue 15, "Done when"). As root,
# on a Debian 12 machine that does not run Rollcall already.
# Usage: scripts/package_test.sh [DEB_DIR]   (default: out/packages)
#
# systemd is usually not PID 1 where this runs (CI, containers), so the units
# are not started with systemctl. Each program is started with the ExecStart
# line of its installed unit, as the unit's User= (setpriv for the services,
# which execs, so the signals reach the program itself; runuser -u rollcall
# for one-off commands),
# after doing what the unit's StateDirectory= would (a directory owned by
# rollcall, mode 0750). Two changes to the installed setup, both stated where
# they happen: the hub binds tcp://127.0.0.1:* (ports read back from its
# "listening" line) instead of hub.toml's fixed 7700-7702, and the agent reads
# the emulator's pty instead of a real reader.
#
# Steps: install (apt-get install ./*.deb) · the rollcall user and the hub's
# keys exist · systemd-analyze verify on every installed unit · the installed
# hub migrates an older record in place and refuses a newer one · hub, reader
# (rollcallctl reader add --key-out), PN532 emulator and agent · taps reach the
# record · a backup (the backup unit's ExecStart) while taps flow · stop the
# hub, restore, start it: the agent sends again what the backup lacks · purge,
# and the machine is as it was (the rollcall user stays: Debian leaves system
# users in place on purge).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEBS="$(realpath "${1:-$ROOT/out/packages}")"
PACKAGES=(rollcall-hub rollcall-agent rollcall-dashboard rollcall-tools)
if [[ $(id -u) -ne 0 ]]; then
  echo "package_test: run as root (it installs and purges packages)" >&2
  exit 2
fi
for p in "${PACKAGES[@]}"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "installed"; then
    echo "package_test: $p is installed already; this test installs and purges it, so it refuses" >&2
    exit 2
  fi
done

# What this script itself uses: the sqlite3 shell (to read the record) and
# systemd-analyze (to verify the units). Installed before the "before" snapshot.
for p in sqlite3 systemd; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" > /dev/null
  fi
done

T=$(mktemp -d /tmp/rollcall-package-test.XXXXXX)
chmod 0755 "$T"
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'fail "a command failed at line $LINENO"' ERR
step() { echo "== package_test: $*"; }
fail() {
  echo "package_test: FAILED: $*" >&2
  for f in "$T"/*.log; do
    echo "--- $f" >&2
    tail -20 "$f" >&2
  done
  # Leave the machine as it was, as far as a failed run can.
  cleanup
  rm -f /etc/rollcall/agent/door-1.toml /etc/rollcall/agent/door-1.key /etc/rollcall/agent/door-1.key_secret
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${PACKAGES[@]}" > /dev/null 2>&1 || true
  exit 1
}
# wait_for FILE TEXT SECONDS: until TEXT appears in FILE.
wait_for() {
  local deadline=$((SECONDS + $3))
  until grep -q -- "$2" "$1" 2>/dev/null; do
    ((SECONDS < deadline)) || fail "no \"$2\" in $1 within $3 s"
    sleep 0.1
  done
}
# until_true SECONDS COMMAND…: until COMMAND succeeds.
until_true() {
  local deadline=$((SECONDS + $1))
  shift
  until "$@"; do
    ((SECONDS < deadline)) || fail "not true within the time: $*"
    sleep 0.2
  done
}
# exec_start UNIT [INSTANCE]: the ExecStart line of an installed unit.
exec_start() {
  local line
  line=$(sed -n 's/^ExecStart=//p' "/lib/systemd/system/$1")
  echo "${line//%i/${2:-}}"
}
as_rollcall() { runuser -u rollcall -- "$@"; }
# A service's program as the rollcall user, in place: only ever run in the
# background (as_service … &), where the subshell execs it, so $! is the
# program itself and SIGTERM reaches it, as systemd's would.
as_service() { exec setpriv --reuid=rollcall --regid=rollcall --init-groups -- "$@"; }
# The record's tap count (the sqlite3 shell, read-only).
taps() { sqlite3 -readonly "$DB" "SELECT count(*) FROM taps WHERE reader_id = 'door-1'"; }
taps_are() { [[ $(taps) -eq $1 ]]; }
taps_at_least() { [[ $(taps) -ge $1 ]]; }
# Taps the agent has an answer for: "verdict seq=" at once, "delivered seq=" when the ack came late.
delivered_at_least() { [[ $(grep -c -E "(verdict|delivered) seq=" "$T/agent.log") -ge $1 ]]; }

# --- What the machine looks like before: files (outside dpkg's and apt's own
# state) and packages, to compare after the purge.
snapshot() {
  find /usr /etc /lib /var/lib /opt -xdev -path /var/lib/dpkg -prune -o -path /var/lib/apt -prune -o -print \
    2> /dev/null | sort
}
snapshot > "$T/files-before"
dpkg-query -W -f='${Package}:${Architecture}\n' | sort > "$T/packages-before"

step "install ${PACKAGES[*]} from $DEBS"
start=$SECONDS
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$DEBS"/rollcall-*.deb > "$T/install.log" 2>&1 ||
  fail "apt-get install"
echo "installed in $((SECONDS - start)) s"

step "the rollcall user, the hub's keys and the installed files"
getent passwd rollcall || fail "no rollcall user after install"
[[ $(stat -c '%U:%G %a' /etc/rollcall/keys/hub.key_secret) == "root:rollcall 640" ]] ||
  fail "hub.key_secret is $(stat -c '%U:%G %a' /etc/rollcall/keys/hub.key_secret), not root:rollcall 640"
for f in /usr/bin/rollcall-hub /usr/bin/rollcallctl /usr/bin/rollcall-agent /usr/bin/rollcall-dashboard \
  /usr/bin/pn532-emulator /usr/bin/pn532-ctl /etc/rollcall/hub.toml /etc/rollcall/agent/example.toml \
  /etc/default/rollcall-backup /lib/udev/rules.d/99-rollcall-readers.rules \
  /usr/share/applications/rollcall-dashboard.desktop /usr/share/rollcall/policy.default.toml; do
  [[ -e $f ]] || fail "$f is not installed"
done
grep -q '^path = "/var/lib/rollcall/record.sqlite"' /etc/rollcall/hub.toml || fail "hub.toml: no database path"
# The man pages, read from the .debs (container images often tell dpkg not to
# install /usr/share/man), rendered as lintian does: a warning is a mistake.
mkdir "$T/debs"
for deb in "$DEBS"/rollcall-*.deb; do dpkg-deb -x "$deb" "$T/debs"; done
for page in man8/rollcall-hub.8 man8/rollcall-agent.8 man1/rollcallctl.1 man1/rollcall-dashboard.1 \
  man1/pn532-emulator.1 man1/pn532-ctl.1; do
  f=$T/debs/usr/share/man/$page.gz
  [[ -e $f ]] || fail "/usr/share/man/$page.gz is not in the packages"
  out=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$f" 2>&1 > /dev/null) || fail "man $f: $out"
  [[ -z $out ]] || fail "man $page: $out"
done
echo "man pages: in the packages, rendered without a warning"
dpkg-query -W -f='${Conffiles}\n' rollcall-hub | grep -q /etc/rollcall/hub.toml || fail "hub.toml is not a conffile"

step "systemd-analyze verify on the installed units"
for u in rollcall-hub.service rollcall-backup.service rollcall-backup.timer rollcall-agent@.service; do
  out=$(systemd-analyze verify "/lib/systemd/system/$u" 2>&1) || fail "systemd-analyze verify $u: $out"
  [[ -z $out ]] || fail "systemd-analyze verify $u: $out"
  echo "$u: clean"
done

# What StateDirectory=rollcall and rollcall/agent do before the units start.
install -d -o rollcall -g rollcall -m 0750 /var/lib/rollcall /var/lib/rollcall/agent /var/lib/rollcall/backups
DB=/var/lib/rollcall/record.sqlite
HUB_CMD=$(exec_start rollcall-hub.service)
# Only change to the installed setup: fresh ports on 127.0.0.1 (read back below).
HUB_PORTS=(--taps "tcp://127.0.0.1:*" --live "tcp://127.0.0.1:*" --query "tcp://127.0.0.1:*")
start_hub() { # LOG
  # shellcheck disable=SC2086 # the unit's ExecStart line, split as systemd splits it
  as_service $HUB_CMD "${HUB_PORTS[@]}" > "$1" 2>&1 &
  HUB_PID=$!
  PIDS+=("$HUB_PID")
  wait_for "$1" "rollcall-hub: listening" 20
}
stop_hub() { # must exit 0 well within TimeoutStopSec
  local t0=$SECONDS code=0
  kill -TERM "$HUB_PID"
  wait "$HUB_PID" || code=$?
  ((code == 0)) || fail "the hub exited $code on SIGTERM"
  echo "hub stopped on SIGTERM in $((SECONDS - t0)) s (exit 0)"
}

step "the installed hub migrates an older record in place and refuses a newer one"
install -o rollcall -g rollcall -m 0640 "$ROOT/tests/data/core/record_v4.sqlite" "$DB"
start_hub "$T/hub-migrate.log"
stop_hub
version=$(sqlite3 -readonly "$DB" "PRAGMA user_version")
((version > 4)) || fail "the record is still at schema $version"
echo "record_v4.sqlite migrated to schema $version"
as_rollcall sqlite3 "$DB" "PRAGMA user_version = $((version + 1))"
code=0
# shellcheck disable=SC2086
timeout 30 runuser -u rollcall -- $HUB_CMD "${HUB_PORTS[@]}" > "$T/hub-newer.log" 2>&1 || code=$?
((code != 0)) || fail "the hub started on a newer record"
grep -q "newer than this program's" "$T/hub-newer.log" || fail "no clear message for a newer record"
# The installed unit does not restart it then (every 2 s, refused each time).
prevented=$(sed -n 's/^RestartPreventExitStatus=//p' /lib/systemd/system/rollcall-hub.service)
[[ " $prevented " == *" $code "* ]] ||
  fail "the hub exited $code on a newer record, which the unit restarts (RestartPreventExitStatus=$prevented)"
echo "refused (exit $code): $(tail -1 "$T/hub-newer.log")"
rm -f "$DB" "$DB-wal" "$DB-shm"

step "hub, reader door-1, PN532 emulator and agent, from the installed files"
as_rollcall rollcallctl --db "$DB" init > /dev/null
start_hub "$T/hub.log"
LISTENING=$(grep -m1 "rollcall-hub: listening" "$T/hub.log")
TAPS_ENDPOINT=$(sed -E 's/.*taps=([^ ]+).*/\1/' <<< "$LISTENING")
# Restarted later on the same ports, where the agent will look for it.
HUB_PORTS=(--taps "$TAPS_ENDPOINT" --live "$(sed -E 's/.*live=([^ ]+).*/\1/' <<< "$LISTENING")"
  --query "$(sed -E 's/.*query=([^ ]+).*/\1/' <<< "$LISTENING")")
grep -m1 "rollcall-hub: listening" "$T/hub.log"
as_rollcall rollcallctl --db "$DB" venue add --id hall --name "Hall" > /dev/null
# The reader's key pair and agent config, where the box expects them; its key
# allowed at once (the hub re-reads /etc/rollcall/allowed).
rollcallctl --db "$DB" reader add --id door-1 --venue hall --direction both --key-out /etc/rollcall/agent \
  --server-key /etc/rollcall/keys/hub.key --hub "$TAPS_ENDPOINT" --keys-dir /etc/rollcall/allowed
mv /etc/rollcall/agent/door-1-agent.toml /etc/rollcall/agent/door-1.toml
chgrp rollcall /etc/rollcall/agent/door-1.key_secret
chmod 0640 /etc/rollcall/agent/door-1.key_secret
# What an installer adds: the reader's device and the outbox in the state directory.
install -d -o rollcall -g rollcall "$T/dev" # the emulator (as rollcall) makes its link and socket there
as_service pn532-emulator --link "$T/dev/pn532" --control "$T/dev/pn532.ctl" > "$T/emulator.log" 2>&1 &
PIDS+=($!)
wait_for "$T/emulator.log" "pn532-emulator: ready" 10
sed -i "/^\[reader\]/a connstring = \"pn532_uart:$T/dev/pn532\"" /etc/rollcall/agent/door-1.toml
printf '[outbox]\npath = "/var/lib/rollcall/agent/door-1.sqlite"\n' >> /etc/rollcall/agent/door-1.toml
cat /etc/rollcall/agent/door-1.toml
# shellcheck disable=SC2046 # the unit's ExecStart line, split as systemd splits it
as_service $(exec_start rollcall-agent@.service door-1) > "$T/agent.log" 2>&1 &
AGENT_PID=$!
PIDS+=("$AGENT_PID")
wait_for "$T/agent.log" "rollcall-agent: running" 20

step "taps through the emulator, the agent and the hub into the record"
N=0
tap() { # presents one more card and waits until the agent has it delivered
  N=$((N + 1))
  pn532-ctl "$T/dev/pn532.ctl" tap "$(printf '04%06X' "$N")" > /dev/null
}
for _ in 1 2 3 4 5; do
  tap
  until_true 15 delivered_at_least "$N"
done
until_true 15 taps_are 5
echo "5 taps recorded: $(sqlite3 -readonly "$DB" "SELECT group_concat(seq || ':' || badge_uid, ' ') FROM taps")"

step "a backup (the backup unit's ExecStart, as rollcall) while taps flow"
(for i in $(seq 1 20); do
  pn532-ctl "$T/dev/pn532.ctl" tap "$(printf '05%06X' "$i")" > /dev/null
  sleep 0.3
done) &
FLOW=$!
until_true 15 taps_at_least 7
BACKUP_CMD=$(exec_start rollcall-backup.service)
# The unit's Environment= defaults, then /etc/default/rollcall-backup (EnvironmentFile=).
(
  set -a
  ROLLCALL_DB=/var/lib/rollcall/record.sqlite
  ROLLCALL_BACKUP_KEEP=14
  # shellcheck disable=SC1091
  . /etc/default/rollcall-backup
  set +a
  BACKUP_CMD=${BACKUP_CMD//\$\{ROLLCALL_DB\}/$ROLLCALL_DB}
  BACKUP_CMD=${BACKUP_CMD//\$\{ROLLCALL_BACKUP_KEEP\}/$ROLLCALL_BACKUP_KEEP}
  # shellcheck disable=SC2086
  runuser -u rollcall -- $BACKUP_CMD
) > "$T/backup.log" 2>&1 || fail "the backup failed"
cat "$T/backup.log"
BACKUP=$(ls /var/lib/rollcall/backups/rollcall-*.sqlite)
IN_BACKUP=$(sqlite3 -readonly "$BACKUP" "SELECT count(*) FROM taps WHERE reader_id = 'door-1'")
wait "$FLOW"
until_true 20 delivered_at_least 25
ALL=$(taps)
echo "backup $BACKUP holds $IN_BACKUP taps; the record now $ALL"

step "restore: stop the hub, restore the backup, start the hub"
as_rollcall rollcallctl --db "$DB" restore --from "$BACKUP" --check-only
stop_hub
as_rollcall rollcallctl --db "$DB" restore --from "$BACKUP"
[[ $(taps) -eq $IN_BACKUP ]] || fail "after the restore the record has $(taps) taps, the backup $IN_BACKUP"
start_hub "$T/hub-restored.log"
# The agent reconnects, hears a lower last_seq and sends what the backup lacks.
until_true 60 taps_are "$ALL"
echo "restored record: $IN_BACKUP taps from the backup, $((ALL - IN_BACKUP)) sent again by the agent: $ALL"
rollcallctl --db "$DB" verify > "$T/verify.log" 2>&1 || fail "verify after the restore"
tail -1 "$T/verify.log"

step "stop, purge, and the machine as it was"
kill -TERM "$AGENT_PID"
wait "$AGENT_PID" || true
stop_hub
cleanup
PIDS=()
# The reader's files this test wrote as the administrator: a purge leaves an
# administrator's own files in /etc, as Debian does, so they go first.
rm -f /etc/rollcall/agent/door-1.toml /etc/rollcall/agent/door-1.key /etc/rollcall/agent/door-1.key_secret
DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq "${PACKAGES[@]}" > "$T/purge.log" 2>&1 || fail "apt-get purge"
# Packages the install brought in (none when the machine has the build's tools).
dpkg-query -W -f='${Package}:${Architecture}\n' | sort > "$T/packages-after"
added=$(comm -13 "$T/packages-before" "$T/packages-after")
if [[ -n $added ]]; then
  echo "purging what the install brought in: $added"
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq $added >> "$T/purge.log" 2>&1
fi
snapshot > "$T/files-after"
if ! diff "$T/files-before" "$T/files-after" > "$T/files.diff"; then
  fail "files differ after the purge:
$(head -40 "$T/files.diff")"
fi
getent passwd rollcall > /dev/null && echo "the rollcall user stays (Debian leaves system users in place on purge)"
rm -rf "$T"
echo "package_test: ok"
