#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang, ASan + UBSan) in the build
# directory scripts/sanitize.sh shares (scripts/asan_build.sh: after the
# sanitizer step only the targets themselves are left to build) and runs each
# for a fixed time from its seed corpus.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#   CI:          scripts/fuzz.sh            (30 s each)
#   a long run:  scripts/fuzz.sh 3600 protocol_decode_fuzz
# New inputs go to $ROLLCALL_FUZZ_WORK/<target>/corpus (the seeds in
# fuzz/corpus stay as committed); a crash leaves its input there as crash-*,
# and the script fails naming it. Reproduce with: build-asan/fuzz/<target> FILE
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/asan_build.sh"
BUILD_DIR="$asan_build_dir"
WORK="${ROLLCALL_FUZZ_WORK:-$BUILD_DIR/fuzz-work}"
SECONDS_EACH="${1:-30}"
shift || true
TARGETS=("$@")
if ((${#TARGETS[@]} == 0)); then
  TARGETS=(protocol_decode_fuzz roster_import_fuzz taps_import_fuzz hub_config_fuzz agent_config_fuzz)
fi

"$ROOT/scripts/setup.sh" --packages-only
asan_configure
cmake --build "$BUILD_DIR" --target "${TARGETS[@]}" -j "${ROLLCALL_JOBS:-2}"

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=()
for t in "${TARGETS[@]}"; do
  seeds="$ROOT/fuzz/corpus/${t%_fuzz}"
  mkdir -p "$WORK/$t/corpus"
  echo "fuzz: $t for ${SECONDS_EACH} s (seeds: ${seeds#$ROOT/})"
  if ! "$BUILD_DIR/fuzz/$t" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$WORK/$t/" "$WORK/$t/corpus" "$seeds" >"$WORK/$t/log" 2>&1; then
    failed+=("$t")
    tail -n 40 "$WORK/$t/log"
    echo "fuzz: $t FAILED; input: $(ls "$WORK/$t"/crash-* "$WORK/$t"/leak-* "$WORK/$t"/timeout-* 2>/dev/null | head -n 1)"
  else
    grep -E "DONE" "$WORK/$t/log" | tail -n 1 # runs, coverage, exec/s, peak RSS
  fi
done
if ((${#failed[@]})); then
  echo "fuzz: failed: ${failed[*]}"
  exit 1
fi
echo "fuzz: ${#TARGETS[@]} target(s), ${SECONDS_EACH} s each, no findings"
