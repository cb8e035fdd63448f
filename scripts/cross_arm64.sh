#!/usr/bin/env bash
# The reader box's packages for arm64 (Raspberry Pi class), cross-built on
# amd64 with Debian's cross toolchain: rollcall-agent and rollcall-tools, built
# agent-only (profile pkg.rollcall.agentonly: no Qt, cairo or report
# libraries), with the agent's unit tests run in the package build under
# qemu-user (debian/rules: CMAKE_CROSSCOMPILING_EMULATOR; no binfmt_misc needed).
# Run as root (or with sudo) on Debian 12 amd64.
# Usage: scripts/cross_arm64.sh [OUT_DIR]   (default: out/packages-arm64)
#        ROLLCALL_PACKAGE_CHECK=0 scripts/cross_arm64.sh   (no tests)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/out/packages-arm64}")"
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

# The cross compiler, qemu-user, and the agent's libraries for arm64 (multiarch
# :arm64 development packages; header-only ones are Architecture: all).
# Not libnfc-dev:arm64: it needs libusb-dev, which is not Multi-Arch: same, so
# apt would remove the machine's amd64 libnfc-dev (and break every native
# build) to install it. Its runtime library is installed; its development
# files are unpacked into the build directory below.
PACKAGES=(crossbuild-essential-arm64 qemu-user pkgconf:arm64 libnfc-dev libusb-dev libnfc6:arm64 libusb-0.1-4:arm64
  libzmq3-dev:arm64 cppzmq-dev:arm64 libsqlite3-dev:arm64 libspdlog-dev:arm64
  libtomlplusplus-dev:arm64 libsodium-dev:arm64 libhowardhinnant-date-dev:arm64 libgtest-dev:arm64
  nlohmann-json3-dev libcli11-dev)
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $SUDO dpkg --add-architecture arm64
  $SUDO apt-get update -qq
fi
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "cross_arm64: installing ${missing[*]}"
  $SUDO apt-get update -qq
  # Refuse rather than let apt remove a package the machine's own builds need.
  if apt-get install -s --no-install-recommends "${missing[@]}" | grep '^Remv'; then
    echo "cross_arm64: installing these would remove the packages above; refusing" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# libnfc's and libusb's arm64 development files (pkg-config files and .so
# links; the headers are the amd64 packages', the same for every architecture),
# unpacked aside and found through PKG_CONFIG_PATH.
EXTRA="$ROOT/build-deb-arm64/dev-extra"
rm -rf "$EXTRA"
mkdir -p "$EXTRA/debs"
(cd "$EXTRA/debs" && apt-get download libnfc-dev:arm64 libusb-dev:arm64 2> /dev/null)
for deb in "$EXTRA"/debs/*.deb; do dpkg-deb -x "$deb" "$EXTRA"; done
LIBDIR="$EXTRA/usr/lib/aarch64-linux-gnu"
sed -i "s|^libdir=.*|libdir=$LIBDIR|" "$LIBDIR"/pkgconfig/*.pc
ln -sf /usr/lib/aarch64-linux-gnu/libnfc.so.6 "$LIBDIR/libnfc.so"
export PKG_CONFIG_PATH="$LIBDIR/pkgconfig"

# With the tests: they run under qemu-aarch64 in dh_auto_test
# (ROLLCALL_PACKAGE_CHECK=0: the packages only, about a third of the build).
ROLLCALL_PACKAGE_CHECK="${ROLLCALL_PACKAGE_CHECK:-1}" "$ROOT/scripts/package.sh" "$OUT" -aarm64 -Ppkg.rollcall.agentonly
for deb in "$OUT"/*.deb; do
  echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Architecture), depends: $(dpkg-deb -f "$deb" Depends)"
done
# The binary is an arm64 program, and it runs under qemu-user.
dpkg-deb -x "$OUT"/rollcall-agent_*_arm64.deb "$OUT/rollcall-agent-arm64"
file "$OUT/rollcall-agent-arm64/usr/bin/rollcall-agent"
qemu-aarch64 "$OUT/rollcall-agent-arm64/usr/bin/rollcall-agent" --version
rm -rf "$OUT/rollcall-agent-arm64"
