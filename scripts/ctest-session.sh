#!/usr/bin/env bash
# Runs ctest inside a private D-Bus session (started by test.sh through dbus-run-session) with
# gnome-keyring unlocked by an empty password, so QtKeychain has a real secret service.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v gnome-keyring-daemon >/dev/null; then
  # stdin must not be empty: the daemon reads the password from it.
  eval "$(echo "" | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)" || true
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
fi
export QT_QPA_PLATFORM=offscreen
exec ctest --output-on-failure --timeout 900 "$@"
