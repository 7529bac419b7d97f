#!/usr/bin/env bash
# The Linux package's acceptance test (issue #10); not part of the default suite.
#   1. builds the DEB from a Release build of its own (build-release/, ccache when present);
#   2. runs desktop-file-validate and appstreamcli validate on the files inside the DEB;
#   3. makes a clean Debian 12 root with debootstrap (minbase) and installs the DEB there with apt,
#      without Recommends, so the package's Depends alone must be enough;
#   4. in that root: both executables' --version print the project version, no installed binary lacks
#      a library, the keychain's dlopen'ed libsecret is there, and pluresdb-desktop --screenshot
#      renders offscreen: a database and the About box with the Depends alone, then the spaces window
#      with gnome-keyring (the package's first Recommends) as the keychain. The PNGs and logs are
#      copied to build-release/package-test/.
#
#   scripts/package-test.sh [--keep] [--mirror URL]
#     --keep        leave the Debian root in place (its path is printed) instead of deleting it
#     --mirror URL  the Debian mirror (default: the one this machine's apt sources use for bookworm)
#
# Needs root (debootstrap, chroot, mounts) and debootstrap: `scripts/setup.sh --package-test`.
# Downloaded .debs are kept in /var/cache/pluresdb-debootstrap, so a second run fetches little; the
# root itself is always made anew.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD

keep=0
mirror=
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1 ;;
    --mirror) mirror=$2; shift ;;
    *) echo "package-test: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || { echo "package-test: run as root (debootstrap, chroot)" >&2; exit 1; }
command -v debootstrap >/dev/null || { echo "package-test: debootstrap is missing: scripts/setup.sh --package-test" >&2; exit 1; }

passed=0 failed=0
pass() { echo "PASS: $*"; passed=$((passed + 1)); }
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# The Debian mirror this machine's apt already uses (deb822 .sources or one-line sources.list).
if [ -z "$mirror" ]; then
  mirror=$(awk '/^URIs:/ {u=$2} /^Suites:/ && / bookworm( |$)/ {print u; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1=="deb" && $3=="bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || { echo "package-test: no bookworm mirror in /etc/apt; pass --mirror URL" >&2; exit 1; }
fi

version=$(sed -n 's/^project(PluresDBDesktop VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
echo "package-test: version $version, mirror $mirror"

# ---- 1. the DEB -----------------------------------------------------------------------------------
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
t0=$(date +%s)
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLURESDB_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build build-release -j2
rm -f build-release/pluresdb-desktop_*.deb
(cd build-release && cpack -G DEB >/dev/null)
deb=$(ls build-release/pluresdb-desktop_"$version"-*_*.deb)
echo "package-test: built $deb in $(( $(date +%s) - t0 )) s"
dpkg-deb --field "$deb" Package Version Depends Recommends
out=build-release/package-test
rm -rf "$out" && mkdir -p "$out"

# ---- 2. the shipped desktop entry and metainfo, as they are inside the DEB -----------------------
dpkg-deb -x "$deb" "$out/contents"
desktop=$(ls "$out"/contents/usr/share/applications/*.desktop)
metainfo=$(ls "$out"/contents/usr/share/metainfo/*.metainfo.xml)
if tests/package/validate_linux_files.sh "$desktop" "$metainfo"; then
  pass "desktop-file-validate and appstreamcli validate on the DEB's $(basename "$desktop") and $(basename "$metainfo")"
else
  fail "the DEB's desktop entry or metainfo does not validate"
fi
for f in usr/bin/pluresdb-cli usr/bin/pluresdb-desktop usr/share/icons/hicolor/scalable/apps/io.github.plures.PluresDBDesktop.svg \
         usr/share/icons/hicolor/48x48/apps/io.github.plures.PluresDBDesktop.png \
         usr/share/icons/hicolor/256x256/apps/io.github.plures.PluresDBDesktop.png; do
  [ -e "$out/contents/$f" ] && pass "the DEB ships /$f" || fail "the DEB lacks /$f"
done
grep -q '^MimeType=.*x-scheme-handler/pluresdb;' "$desktop" && grep -q '^Exec=pluresdb-desktop %u' "$desktop" \
  && pass "the desktop entry handles pluresdb:// links (Exec %u, MimeType)" || fail "the desktop entry does not handle pluresdb://"

# The TGZ: the same install tree under one folder.
rm -f build-release/pluresdb-desktop-*-Linux.tar.gz
(cd build-release && cpack -G TGZ >/dev/null)
tgz=$(ls build-release/pluresdb-desktop-"$version"-Linux.tar.gz)
listing=$(tar tzf "$tgz")
if grep -qx "pluresdb-desktop-$version-Linux/bin/pluresdb-desktop" <<<"$listing" &&
   grep -qx "pluresdb-desktop-$version-Linux/bin/pluresdb-cli" <<<"$listing" &&
   grep -q "share/applications/io.github.plures.PluresDBDesktop.desktop" <<<"$listing"; then
  pass "$tgz holds both executables and the desktop entry"
else
  fail "$tgz lacks an executable or the desktop entry"
fi

# ---- 2b. the Windows installer's NSIS script compiles (makensis runs on Linux too) ----------------
# The installer it makes holds Linux binaries and is thrown away: this checks the script CPack writes
# from installer/CMakeLists.txt (Start menu, uninstaller, the pluresdb:// registry commands).
if command -v makensis >/dev/null; then
  rm -f build-release/pluresdb-desktop-*.exe
  if (cd build-release && cpack -G NSIS >"$src/$out/nsis.log" 2>&1) && ls build-release/pluresdb-desktop-*.exe >/dev/null 2>&1; then
    nsi=$(ls build-release/_CPack_Packages/*/NSIS/project.nsi)
    nsis_missing=
    while IFS= read -r line; do
      grep -qF -- "$line" "$nsi" || nsis_missing+="$line; "
    done <<'NSI'
WriteRegStr SHCTX 'Software\Classes\pluresdb\shell\open\command' '' '"$INSTDIR\bin\pluresdb-desktop.exe" "%1"'
WriteRegStr SHCTX 'Software\Classes\pluresdb' 'URL Protocol' ''
DeleteRegKey SHCTX 'Software\Classes\pluresdb'
CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\PluresDB Desktop.lnk" "$INSTDIR\bin\pluresdb-desktop.exe"
WriteUninstaller "$INSTDIR\Uninstall.exe"
NSI
    if [ -z "$nsis_missing" ]; then
      pass "makensis compiled the NSIS installer script (Start-menu entry, uninstaller, pluresdb:// registered and removed)"
    else
      fail "the NSIS script ($nsi) lacks: $nsis_missing"
    fi
    rm -f build-release/pluresdb-desktop-*.exe
  else
    cat "$out/nsis.log"
    fail "cpack -G NSIS (makensis) failed"
  fi
else
  echo "package-test: makensis not installed; the NSIS script is not compiled (scripts/setup.sh --package-test)"
fi

# ---- 3. a clean Debian 12 root with the DEB installed by apt --------------------------------------
root=$(mktemp -d /var/tmp/pluresdb-deb12.XXXXXX)
cleanup() {
  for m in dev/pts dev proc; do mountpoint -q "$root/$m" && umount "$root/$m"; done
  if [ "$keep" = 1 ]; then echo "package-test: root kept at $root"; else rm -rf "$root"; fi
}
trap cleanup EXIT
mkdir -p /var/cache/pluresdb-debootstrap
t0=$(date +%s)
if ! debootstrap --variant=minbase --cache-dir=/var/cache/pluresdb-debootstrap bookworm "$root" "$mirror" \
    >"$out/debootstrap.log" 2>&1; then
  tail -20 "$out/debootstrap.log"
  fail "debootstrap bookworm from $mirror (log: $out/debootstrap.log)"
  echo "package-test: $passed passed, $failed failed"
  exit 1
fi
pass "debootstrap --variant=minbase bookworm in $(( $(date +%s) - t0 )) s"
echo "deb $mirror bookworm-updates main" >>"$root/etc/apt/sources.list"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }
t0=$(date +%s)
if in_root apt-get update -q >"$out/apt.log" 2>&1 &&
   in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >>"$out/apt.log" 2>&1; then
  pass "apt-get install --no-install-recommends ./$(basename "$deb") in the clean root ($(( $(date +%s) - t0 )) s)"
else
  tail -30 "$out/apt.log"
  fail "apt could not install the DEB (log: $out/apt.log)"
fi

# ---- 4. the installed app -------------------------------------------------------------------------
got=$(in_root pluresdb-cli --version 2>>"$out/version.log" || true)
[ "$got" = "pluresdb-cli $version" ] && pass "pluresdb-cli --version: $got" || fail "pluresdb-cli --version: '$got', expected 'pluresdb-cli $version'"
got=$(in_root QT_QPA_PLATFORM=offscreen pluresdb-desktop --version 2>>"$out/version.log" || true)
[ "$got" = "pluresdb-desktop $version" ] && pass "pluresdb-desktop --version: $got" || fail "pluresdb-desktop --version: '$got'"

missing=$(in_root sh -c 'for b in /usr/bin/pluresdb-cli /usr/bin/pluresdb-desktop; do ldd "$b"; done' | grep 'not found' || true)
[ -z "$missing" ] && pass "ldd: every library of both executables is installed" || fail "missing libraries: $missing"
in_root sh -c 'ldconfig -p | grep -q "libsecret-1.so.0 "' && pass "libsecret-1.so.0 (QtKeychain's dlopen) is installed" \
  || fail "libsecret-1.so.0 is not installed: the keychain cannot work"

# The screenshots: renders offscreen, then checks the file is a PNG and copies it out.
shot() {  # shot NAME COMMAND...: COMMAND renders /tmp/NAME.png in the root
  local name=$1; shift
  rm -f "$root/tmp/$name.png"
  if in_root "$@" >"$out/$name.log" 2>&1 &&
     size=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$root/tmp/$name.png"); then
    cp "$root/tmp/$name.png" "$out/"
    pass "$name: pluresdb-desktop --screenshot rendered offscreen, a $size PNG ($out/$name.png)"
  else
    cat "$out/$name.log"
    fail "$name: pluresdb-desktop --screenshot"
  fi
}
desktop=(QT_QPA_PLATFORM=offscreen timeout 120 pluresdb-desktop)
# With the Depends alone there is no Secret Service, and the encrypted key file would first ask for
# a passphrase, so these open one database directly (--db): the data browser and the About box.
shot screenshot-db "${desktop[@]}" --db /tmp/pluresdb-db --screenshot /tmp/screenshot-db.png
shot screenshot-about "${desktop[@]}" --db /tmp/pluresdb-db --screenshot /tmp/screenshot-about.png --view about

# The first of the Recommends, a Secret Service (gnome-keyring, in a D-Bus session as a desktop
# has one): the spaces window starts with its keys in the system keychain, through QtKeychain and
# the dlopen'ed libsecret, as an installed app on a desktop does. (Had the keychain failed, the app
# would have fallen back to the encrypted key file, which asks for a passphrase first, and a
# --screenshot run fails on that: the PNG proves the keychain answered.)
if in_root apt-get install -y -q --no-install-recommends gnome-keyring dbus-x11 >>"$out/apt.log" 2>&1; then
  pass "apt-get install gnome-keyring dbus-x11 (the Secret Service the package recommends)"
else
  tail -30 "$out/apt.log"
  fail "apt could not install gnome-keyring"
fi
shot screenshot-spaces dbus-run-session -- sh -c 'eval "$(echo "" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  QT_QPA_PLATFORM=offscreen timeout 120 pluresdb-desktop --data /tmp/pluresdb-data --screenshot /tmp/screenshot-spaces.png'
# A pluresdb:// link on the command line (what the desktop entry's %u passes) fills the Join dialog:
# a real invite, its checksum made here as core/keys/Invite.h describes it.
key=$(in_root pluresdb-cli keygen)
link=$(python3 - "$key" <<'PY'
import hashlib, sys
key, name = sys.argv[1], "Team"
check = hashlib.blake2b(bytes.fromhex(key) + name.encode(), digest_size=16, key=b"pluresdb invite v1").hexdigest()[:8]
print(f"pluresdb://join?v=1&key={key}&name={name}&check={check}")
PY
)
shot screenshot-join "${desktop[@]}" --db /tmp/pluresdb-db --screenshot /tmp/screenshot-join.png --view join "$link"

handlers=
# The desktop database knows the app as the pluresdb:// handler once desktop-file-utils (which a
# desktop has) indexes /usr/share/applications.
if in_root apt-get install -y -q --no-install-recommends desktop-file-utils libglib2.0-bin >>"$out/apt.log" 2>&1 &&
   handlers=$(in_root gio mime x-scheme-handler/pluresdb 2>&1) && grep -q 'io.github.plures.PluresDBDesktop.desktop' <<<"$handlers"; then
  pass "gio mime x-scheme-handler/pluresdb names io.github.plures.PluresDBDesktop.desktop"
else
  echo "$handlers"
  fail "the system does not know the app as the pluresdb:// handler"
fi

echo "package-test: $passed passed, $failed failed"
[ "$failed" = 0 ]
