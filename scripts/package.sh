#!/usr/bin/env bash
# Builds Rollcall's Debian packages (debian/: rollcall-hub, rollcall-agent,
# rollcall-dashboard, rollcall-tools) with dpkg-buildpackage and checks them
# with lintian. Run as root (or with sudo) on Debian 12; installs what it needs
# from Debian's archive.
# Usage: scripts/package.sh [OUT_DIR] [dpkg-buildpackage options …]
#   OUT_DIR      where the .deb, .buildinfo and .changes files go
#                (default: out/packages)
#   e.g. scripts/package.sh out/packages -Ppkg.rollcall.agentonly
# The tests are not run in the package build (DEB_BUILD_OPTIONS=nocheck: CI ran
# the suite on the same sources); ROLLCALL_PACKAGE_CHECK=1 runs them there too.
# With CCACHE_DIR set, the build uses ccache (debian/rules); it is off otherwise.
# scripts/test.sh's build compiles with the same flags (scripts/setup.sh), so
# after it, in the same cache, the package build's compiles are ccache hits.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/out/packages}")"
shift || true

# The packaging tools; the build dependencies are read from debian/control.
TOOLS=(build-essential dpkg-dev debhelper devscripts fakeroot lintian)
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
missing=()
for p in "${TOOLS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
PROFILES="nocheck"
if [[ "${ROLLCALL_PACKAGE_CHECK:-0}" == 1 ]]; then PROFILES=""; fi
ARGS=()
HOST=() # -a ARCH: a cross build (scripts/cross_arm64.sh); build dependencies for ARCH
for a in "$@"; do
  case $a in
    -P*) PROFILES="${PROFILES:+$PROFILES,}${a#-P}" ;;
    -a*) HOST=(-a "${a#-a}") && ARGS+=("$a") ;;
    --host-arch=*) HOST=(-a "${a#--host-arch=}") && ARGS+=("$a") ;;
    *) ARGS+=("$a") ;;
  esac
done
if ((${#HOST[@]})); then
  # scripts/cross_arm64.sh has installed what a cross build needs, part of it
  # outside dpkg (libnfc-dev, see there): no apt-get build-dep, no check (-d).
  PROFILES="${PROFILES:+$PROFILES,}cross"
  ARGS+=(-d)
elif ((${#missing[@]})) || ! (cd "$ROOT" && dpkg-checkbuilddeps ${PROFILES:+-P"$PROFILES"} >/dev/null 2>&1); then
  echo "package: installing packaging tools and build dependencies"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${TOOLS[@]}" >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get build-dep -y -qq ${PROFILES:+-P "$PROFILES"} "$ROOT" >/dev/null
fi

# dpkg-buildpackage writes its results beside the source tree: build in a copy
# of the checkout (tracked and new files, not build trees) under build-deb/, so
# nothing lands outside the repository and a stale build never leaks in.
VERSION=$(dpkg-parsechangelog -l "$ROOT/debian/changelog" -S Version)
WORK="$ROOT/build-deb"
if ((${#HOST[@]})); then WORK+="-${HOST[1]}"; fi
SRC="$WORK/rollcall-$VERSION"
rm -rf "$SRC"
mkdir -p "$SRC" "$OUT"
(cd "$ROOT" && git ls-files -co --exclude-standard -z | xargs -0 cp -a --parents -t "$SRC")
rm -f "$WORK"/*.deb "$WORK"/*.buildinfo "$WORK"/*.changes

# ccache keys on paths relative to the checkout and not on the build
# directory's name: obj-x86_64-linux-gnu/ in the copy under build-deb/ finds
# the objects of build/ (scripts/setup.sh does the same).
export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$ROOT}" CCACHE_NOHASHDIR=1
start=$SECONDS
# noautodbgsym: no -dbgsym packages (nobody installs them here).
DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:+$DEB_BUILD_OPTIONS }parallel=${ROLLCALL_JOBS:-2} noautodbgsym"
if [[ $PROFILES == *nocheck* ]]; then DEB_BUILD_OPTIONS+=" nocheck"; fi
export DEB_BUILD_OPTIONS
(cd "$SRC" && dpkg-buildpackage -b -us -uc ${PROFILES:+-P"$PROFILES"} "${ARGS[@]}")
echo "package: dpkg-buildpackage took $((SECONDS - start)) s"

rm -f "$OUT"/rollcall*.deb "$OUT"/rollcall*.buildinfo "$OUT"/rollcall*.changes
mv "$WORK"/rollcall*.deb "$WORK"/rollcall*.buildinfo "$WORK"/rollcall*.changes "$OUT"/

# Errors fail the build; warnings and information are printed. Overrides, each
# with its reason, are in debian/*.lintian-overrides.
lintian --fail-on error --display-info --info "$OUT"/rollcall*.changes
echo "package: .debs in $OUT:"
ls -l "$OUT"/*.deb
