#!/usr/bin/env bash
# Renders the README's screenshots from a demo data directory with the real app, offscreen:
# the main window, a record's history, the settings page, the share dialog and the join flow
# (docs/screenshots/). Build first.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=$(mktemp -d /tmp/pluresdb-demo-XXXXXX)
link='pluresdb://join?v=1&key=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff&name=Team%20notes&check=6b48f36f'
dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(echo "" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export QT_QPA_PLATFORM=offscreen LANGUAGE=en
  build/tests/tools/make_demo_data "$1"
  build/app/pluresdb-desktop --data "$1" --screenshot docs/screenshots/spaces.png
  build/app/pluresdb-desktop --data "$1" --screenshot docs/screenshots/history.png --view history
  build/app/pluresdb-desktop --data "$1" --screenshot docs/screenshots/settings.png --view settings
  build/app/pluresdb-desktop --data "$1" --screenshot docs/screenshots/share-dialog.png --view share
  build/app/pluresdb-desktop --data "$1" --screenshot docs/screenshots/join-dialog.png --view join "$2"
  empty=$(mktemp -d /tmp/pluresdb-empty-XXXXXX)
  for lang in de zh_CN; do
    LANGUAGE=$lang build/app/pluresdb-desktop --data "$1" --screenshot docs/screenshots/main-window-$lang.png
    LANGUAGE=$lang build/app/pluresdb-desktop --data "$empty" --screenshot docs/screenshots/no-spaces-$lang.png
  done
  rm -rf "$empty"
' _ "$demo" "$link" 2> >(grep -v -e XDG_RUNTIME_DIR -e propagateSizeHints -e "fd limit" >&2)
rm -rf "$demo"
echo "screenshots in docs/screenshots/"
