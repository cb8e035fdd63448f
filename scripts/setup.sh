#!/usr/bin/env bash
# Installs missing Debian packages, configures and builds Rollcall.
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build)
#        scripts/setup.sh --packages-only   (install what is missing, build nothing)
# Sourced by demo.sh and test.sh; safe to run again (does nothing it need not).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${1:-${ROLLCALL_BUILD_DIR:-$ROOT/build}}"

# One list, kept in one place: what the build, the tests and the demo need.
PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache clang-format
  qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qttest qml6-module-qtcharts
  xvfb xauth fonts-wqy-microhei tzdata
  libnfc-dev libnfc-bin libzmq3-dev cppzmq-dev libsodium-dev libsqlite3-dev sqlite3 libgtest-dev
  libcli11-dev nlohmann-json3-dev libspdlog-dev libtomlplusplus-dev libhowardhinnant-date-dev
  libxlsxwriter-dev libcairo2-dev libpango1.0-dev poppler-utils python3-openpyxl
  libicu-dev # the organizer desk's pinyin search (ICU is Qt Core's dependency already)
  clang libclang-rt-dev # libFuzzer and the sanitizers' runtimes (scripts/fuzz.sh)
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${#missing[@]} missing package(s): ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [[ "${1:-}" == "--packages-only" ]]; then exit 0; fi

if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" -j "${ROLLCALL_JOBS:-2}"
