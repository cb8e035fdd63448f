#!/usr/bin/env bash
# Installs missing Debian packages, configures and builds Rollcall.
# Usage: scripts/setup.sh [BUILD_DIR]   (default: build)
#        scripts/setup.sh --packages-only   (install what is missing, build nothing)
# Sourced by demo.sh and test.sh; safe to run again (does nothing it need not).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PACKAGES_ONLY=0
if [[ "${1:-}" == "--packages-only" ]]; then PACKAGES_ONLY=1; shift; fi
BUILD_DIR="$(realpath -m -- "${1:-${ROLLCALL_BUILD_DIR:-$ROOT/build}}")"

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
  libpoppler-qt6-dev # the office desk's PDF preview (docs/dashboard.md)
  libicu-dev # the organizer desk's pinyin search (ICU is Qt Core's dependency already)
  clang libclang-rt-dev # libFuzzer and the sanitizers' runtimes (scripts/fuzz.sh)
  groff-base            # the man pages' check (scripts/check_man_pages.py)
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

if ((PACKAGES_ONLY)); then exit 0; fi

# ccache keys on paths relative to the tree, so clones, worktrees and the
# package build's copy of the tree (build-deb/) share objects; and not on the
# build directory's name (build/ here, obj-x86_64-linux-gnu/ in the package
# build; -ffile-prefix-map leaves only that name in the hashed directory).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}" CCACHE_NOHASHDIR=1
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
  # With dpkg-buildflags (Debian), Debian's compiler flags as debian/rules asks
  # for them (-O2 -g, hardening, -ffile-prefix-map): the tests then run the
  # code compiled as the packages ship it, and the package build
  # (scripts/package.sh) is answered from ccache instead of compiling the tree
  # a second time. ROLLCALL_DEBIAN_FLAGS=0: CMake's RelWithDebInfo instead.
  if [[ "${ROLLCALL_DEBIAN_FLAGS:-1}" == 1 ]] && command -v dpkg-buildflags >/dev/null; then
    # debian/rules' DEB_*_MAINT_* settings; dpkg-buildflags run in the tree's
    # root (-ffile-prefix-map names it); CPPFLAGS appended to CFLAGS and
    # CXXFLAGS, as debhelper's cmake build system does (CMake reads no CPPFLAGS);
    # no build type, as dh_auto_configure (None: only these flags).
    while read -r name value; do
      export "$name=$value"
    done < <(sed -n 's/^export \(DEB_[A-Z]*_MAINT_[A-Z_]*\) = \(.*\)/\1 \2/p' "$ROOT/debian/rules")
    cd "$ROOT"
    cppflags=$(dpkg-buildflags --get CPPFLAGS)
    CFLAGS="$(dpkg-buildflags --get CFLAGS) $cppflags"
    CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $cppflags"
    LDFLAGS=$(dpkg-buildflags --get LDFLAGS)
    export CFLAGS CXXFLAGS LDFLAGS
    flags=(-DCMAKE_BUILD_TYPE=None)
  fi
  cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja "${flags[@]}" >/dev/null
fi
# In the locale dh_auto_build gives the package build (LC_ALL=C.UTF-8):
# ccache keys on it too, since it changes the compiler's messages.
LC_ALL=C.UTF-8 cmake --build "$BUILD_DIR" -j "${ROLLCALL_JOBS:-2}"
