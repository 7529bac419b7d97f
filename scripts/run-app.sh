#!/usr/bin/env bash
# README command 1: installs what is missing, builds, and launches the desktop app.
# Arguments go to pluresdb-desktop (e.g. --db DIR). Without a display it runs under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset default
cmake --build --preset default -j"$(nproc)" --target pluresdb-desktop pluresdb-cli
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run-app: no display, starting the app under Xvfb" >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" build/app/pluresdb-desktop "$@"
fi
exec build/app/pluresdb-desktop "$@"
