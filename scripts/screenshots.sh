#!/usr/bin/env bash
# Renders the README's screenshots from a demo data directory with the real app, offscreen:
# the main window, a record's history, the settings page, the share dialog and the join flow,
# and, from a live session with two CLI sync nodes (and one with a wrong key) on 127.0.0.1, the
# peer list, the traffic graphs, the sync debugger and the connection doctor (docs/screenshots/).
# Build first.
set -euo pipefail
cd "$(dirname "$0")/.."
demo=$(mktemp -d /tmp/pluresdb-demo-XXXXXX)
link='pluresdb://join?v=1&key=00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff&name=Team%20notes&check=6b48f36f'

# The live session: B serves the mesh, C serves and dials B, D serves with another space's key.
# They write a record every half second so the graphs have something to show.
key=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
wrong=$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$demo"
}
trap cleanup EXIT
url=
start_node() {  # name key [extra args]: a CLI sync node fed from a fifo; sets $url to its ws:// URL
  local name=$1 k=$2; shift 2
  mkdir -p "$demo/$name"
  mkfifo "$demo/$name.in"
  # <> opens the fifo without waiting for a writer.
  build/app/pluresdb-cli --db "$demo/$name" sync --key "$k" --serve-ws 127.0.0.1:0 "$@" \
    <>"$demo/$name.in" >"$demo/$name.out" 2>"$demo/$name.err" &
  pids+=($!)
  for _ in $(seq 300); do
    grep -q '"listening"' "$demo/$name.out" 2>/dev/null && break
    sleep 0.1
  done
  url=$(grep -o 'ws://127.0.0.1:[0-9]*' "$demo/$name.out" | head -1)
  [ -n "$url" ] || { echo "screenshots: node $name did not start: $(cat "$demo/$name.err")" >&2; exit 1; }
}
start_node b "$key"; url_b=$url
start_node c "$key" --connect-ws "$url_b"; url_c=$url
start_node d "$wrong"; url_d=$url
(
  exec 7>"$demo/b.in" 8>"$demo/c.in" 9>"$demo/d.in"
  i=0
  while :; do
    i=$((i + 1))
    printf '{"op":"put","id":"sensor:b-%d","data":{"celsius":%d.%d,"room":"lab"}}\n' $((i % 40)) $((18 + i % 7)) $((i % 10)) >&7
    printf '{"op":"put","id":"sensor:c-%d","data":{"celsius":%d.%d,"room":"office"}}\n' $((i % 40)) $((20 + i % 5)) $((i % 10)) >&8
    sleep 0.5
  done
) &
pids+=($!)

dbus-run-session -- bash -c '
  set -euo pipefail
  eval "$(echo "" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export QT_QPA_PLATFORM=offscreen LANGUAGE=en
  build/tests/tools/make_demo_data "$1/app"
  build/tests/tools/make_demo_data "$1/live" "$3" "$4" "$5" "$6"
  build/app/pluresdb-desktop --data "$1/app" --screenshot docs/screenshots/spaces.png
  build/app/pluresdb-desktop --data "$1/app" --screenshot docs/screenshots/history.png --view history
  build/app/pluresdb-desktop --data "$1/app" --screenshot docs/screenshots/settings.png --view settings
  build/app/pluresdb-desktop --data "$1/app" --screenshot docs/screenshots/share-dialog.png --view share
  build/app/pluresdb-desktop --data "$1/app" --screenshot docs/screenshots/join-dialog.png --view join "$2"
  build/app/pluresdb-desktop --data "$1/live" --screenshot docs/screenshots/peers.png --view peers --screenshot-delay 6000
  build/app/pluresdb-desktop --data "$1/live" --screenshot docs/screenshots/traffic.png --view traffic --screenshot-delay 25000
  build/app/pluresdb-desktop --data "$1/live" --screenshot docs/screenshots/debugger.png --view debugger --screenshot-delay 8000
  build/app/pluresdb-desktop --data "$1/live" --screenshot docs/screenshots/doctor.png --view doctor --screenshot-delay 6000
  empty=$(mktemp -d /tmp/pluresdb-empty-XXXXXX)
  for lang in de zh_CN; do
    LANGUAGE=$lang build/app/pluresdb-desktop --data "$1/app" --screenshot docs/screenshots/main-window-$lang.png
    LANGUAGE=$lang build/app/pluresdb-desktop --data "$empty" --screenshot docs/screenshots/no-spaces-$lang.png
  done
  rm -rf "$empty"
' _ "$demo" "$link" "$key" "$url_b" "$url_c" "$url_d" 2> >(grep -v -e XDG_RUNTIME_DIR -e propagateSizeHints -e "fd limit" >&2)
echo "screenshots in docs/screenshots/"
