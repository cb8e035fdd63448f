#!/usr/bin/env bash
# The test suite built with AddressSanitizer + UndefinedBehaviorSanitizer
# (clang, in the build directory scripts/fuzz.sh shares: scripts/asan_build.sh),
# and run with ctest.
# Usage: scripts/sanitize.sh [ctest arguments…]
# The dashboard (Qt) is left out: under ASan its QML tests are slow and Qt's
# own leaks and uninstrumented plugins make noise that says nothing about
# Rollcall's code; its models are plain C++ over the same protocol library,
# which every other area exercises. ASan's leak checker is on.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/asan_build.sh"
BUILD_DIR="$asan_build_dir"
AREAS=(common protocol core ctl reports hub agent hardware fault)

"$ROOT/scripts/setup.sh" --packages-only
asan_configure
targets=(rollcall-hub rollcallctl rollcall-agent pn532-emulator pn532-ctl)
for a in "${AREAS[@]}"; do
  [[ -d "$ROOT/tests/$a" ]] && targets+=("${a}_tests")
done
cmake --build "$BUILD_DIR" --target "${targets[@]}" -j "${ROLLCALL_JOBS:-2}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$ROOT/scripts/lsan.supp:print_suppressions=0}"
status=0
# The fault suite's soak repeats scenarios 1 and 2's kills for two minutes
# under ASan, finding nothing they do not; it runs uninstrumented in test.sh.
# ROLLCALL_ASAN_SOAK=1 runs it here too.
for a in "${AREAS[@]}"; do
  [[ -d "$BUILD_DIR/tests/$a" ]] || continue
  echo "sanitize: tests/$a"
  area_skip=()
  if [[ $a == fault && "${ROLLCALL_ASAN_SOAK:-0}" != 1 ]]; then area_skip=(-E soakWithPeriodicKills); fi
  ctest --test-dir "$BUILD_DIR/tests/$a" --output-on-failure -j "${ROLLCALL_TEST_JOBS:-2}" --timeout 600 \
    "${area_skip[@]}" "$@" || status=1
done
exit $status
