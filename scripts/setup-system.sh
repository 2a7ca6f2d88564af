#!/usr/bin/env bash
# Installs the Debian packages Siaga Console needs to run, test and be looked at.
# Idempotent: does nothing when every package is already installed.
# Usage: scripts/setup-system.sh [run|test|package]
set -euo pipefail
profile="${1:-test}"

run_pkgs=(libgl1 libegl1 libglib2.0-0 libfontconfig1 libdbus-1-3 libnss3 libasound2
  libxkbcommon0 libxcomposite1 libxdamage1 libxrandr2 libxtst6 libxkbfile1 libgbm1
  libx11-xcb1 libxcb-dri3-0 libwayland-server0 libgssapi-krb5-2 fonts-dejavu-core
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxkbcommon-x11-0 libxcb-image0
  libxcb-render-util0 libxcb-randr0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1
  libxcb-shm0 libxcb-glx0 libpulse0 python3-venv)
test_pkgs=(postgresql xvfb xauth poppler-utils xdotool imagemagick)
package_pkgs=(dpkg-dev fakeroot binutils zstd desktop-file-utils
  libpulse0 libwayland-cursor0 libwayland-egl1)

pkgs=("${run_pkgs[@]}")
case "$profile" in
  run) ;;
  test) pkgs+=("${test_pkgs[@]}") ;;
  package) pkgs+=("${test_pkgs[@]}" "${package_pkgs[@]}") ;;
  *) echo "usage: $0 [run|test|package]" >&2; exit 2 ;;
esac

missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Need root or sudo to install: ${missing[*]}" >&2; exit 2; }
  SUDO="sudo"
fi
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
