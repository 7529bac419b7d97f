#!/usr/bin/env bash
# Installs every Debian package that the build, the app and the tests need.
# Idempotent and non-interactive; run as root on a fresh Debian 12 machine.
#   scripts/setup.sh                  what the build and the default test suite need
#   scripts/setup.sh --package-test   also debootstrap and nsis, for scripts/package-test.sh
set -euo pipefail

package_test=0
for arg in "$@"; do
  case "$arg" in
    --package-test) package_test=1 ;;
    *) echo "setup: unknown option $arg" >&2; exit 2 ;;
  esac
done

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  clang lld libclang-rt-14-dev
  # libraries
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-websockets-dev qt6-svg-dev libqt6svg6 libgl-dev
  qtkeychain-qt6-dev libsodium-dev libsqlite3-dev sqlite3 libqrencode-dev libzxing-dev
  # running and testing the GUI headless
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  qt6-qpa-plugins libxkbcommon-x11-0 fonts-dejavu-core fonts-wqy-microhei
  # translations: Qt's own catalogues (standard buttons and dialogs in the chosen language)
  qt6-translations-l10n
  # screenshots and inspection
  imagemagick
  # packaging checks (tests/package): the freedesktop validators, YAML for the workflow files
  desktop-file-utils appstream python3-yaml
  # the Windows compile check (scripts/check-portability.sh): the mingw-w64 cross compiler
  g++-mingw-w64-x86-64-posix
  # the NAT lab (tests/nat): network namespaces with nftables NATs, conntrack evidence, pcaps
  iproute2 nftables conntrack tcpdump
)
# The package acceptance test makes a clean Debian 12 root, and compiles the NSIS script.
[ "$package_test" = 1 ] && packages+=(debootstrap nsis)

missing=()
# Node.js (for the interop test peers) ships with the machine image; install Debian's only when absent.
command -v node >/dev/null 2>&1 || packages+=(nodejs npm)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: these Debian packages are missing; run this script as root: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "setup: all packages present"
