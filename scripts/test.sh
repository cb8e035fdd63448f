#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite with ctest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${ROLLCALL_BUILD_DIR:-$ROOT/build}"
"$ROOT/scripts/setup.sh" "$BUILD_DIR"
cd "$BUILD_DIR"
ctest --output-on-failure -j "${ROLLCALL_TEST_JOBS:-2}" --timeout 300 "$@"
