#!/usr/bin/env bash
# The one AddressSanitizer + UndefinedBehaviorSanitizer build directory that
# scripts/sanitize.sh (the test suite) and scripts/fuzz.sh (the libFuzzer
# targets) share: clang, -O1 -gline-tables-only, -DROLLCALL_SANITIZE=ON -DROLLCALL_FUZZ=ON
# (top-level CMakeLists.txt). Sourced by both; defines asan_build_dir and
# asan_configure. Building the libraries once for both saves one build of them
# in CI (README, "Two commands").
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
asan_build_dir="${ROLLCALL_ASAN_BUILD_DIR:-$ROOT/build-asan}"
# ccache keys on paths relative to the tree, so clones and worktrees share objects.
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}"

# Configures $asan_build_dir unless it is already this configuration (a
# directory left by the GCC sanitizer build of before is configured afresh).
asan_configure() {
  if [[ -f "$asan_build_dir/build.ninja" ]] && grep -q "^ROLLCALL_FUZZ:BOOL=ON" "$asan_build_dir/CMakeCache.txt" \
    && grep -q "^CMAKE_CXX_FLAGS_RELWITHDEBINFO:STRING=-O1 -gline-tables-only" "$asan_build_dir/CMakeCache.txt"; then
    return
  fi
  # -O1: the usual sanitizer trade-off, quicker to build than -O2 and fast enough to run and fuzz.
  # -gline-tables-only: file and line for every frame of a sanitizer's report,
  # without full debug info (variables, types), which is a quarter of the compile.
  CC=clang CXX=clang++ cmake --fresh -S "$ROOT" -B "$asan_build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" \
    -DROLLCALL_SANITIZE=ON -DROLLCALL_FUZZ=ON >/dev/null
}
