#!/usr/bin/env bash
# Runs the hub's, the agent's and the fault suite's tests under
# ThreadSanitizer: the hub is the program with several threads sharing state
# (the socket thread, the writer, the committer, the publisher, the
# checkpointer, the admin worker), so a change to how they hand work to each
# other should pass here before it lands; the agent's tests run an Agent on a
# thread of its own beside the test's (a test that read the agent's outbox
# connection from its own thread once failed CI).
# Not a CI step (a second clang build of the hub, agent and emulator: about
# 7 min of CPU from scratch, 4 min on 2 cores); a documented command, like
# the long soak (README, "Two commands").
# Usage: scripts/tsan.sh [gtest filter]   (default: every hub, agent and fault test)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${ROLLCALL_TSAN_BUILD_DIR:-$ROOT/build-tsan}"
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"

"$ROOT/scripts/setup.sh" --packages-only
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  # -O1: the usual sanitizer trade-off, as in scripts/asan_build.sh.
  CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g" \
    -DCMAKE_CXX_FLAGS="-fsanitize=thread -fno-omit-frame-pointer" -DCMAKE_C_FLAGS="-fsanitize=thread" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" >/dev/null
fi
cmake --build "$BUILD_DIR" --target hub_tests agent_tests fault_tests rollcall-hub rollcallctl rollcall-agent pn532-emulator \
  -j "${ROLLCALL_JOBS:-2}"

# halt_on_error=0: every report of a run is printed; a program that reported
# one exits 66, which fails its test, and the summary below counts them all.
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=0 second_deadlock_stack=1 suppressions=$ROOT/scripts/tsan.supp}"
filter="${1:-*}"
log="$BUILD_DIR/tsan.log"
status=0
: >"$log"
for t in hub/hub_tests agent/agent_tests fault/fault_tests; do
  echo "tsan: tests/$t"
  out="$BUILD_DIR/tsan-$(basename "$t").log"
  "$BUILD_DIR/tests/$t" --gtest_filter="$filter" >"$out" 2>&1 || status=1
  cat "$out" >>"$log"
  grep -E '^\[  (PASSED|FAILED) ' "$out" || true
done
reports=$(grep -c "WARNING: ThreadSanitizer" "$log" || true)
echo "tsan: $reports reports (details: $log)"
[[ $reports -eq 0 ]] || status=1
exit $status
