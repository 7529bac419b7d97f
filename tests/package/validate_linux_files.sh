#!/usr/bin/env bash
# validate_linux_files.sh DESKTOP_FILE METAINFO_FILE: the freedesktop validators on the shipped files.
# Exit 77 (ctest: skipped) when a validator is missing; any warning or error fails.
set -euo pipefail
desktop=$1 metainfo=$2
for tool in desktop-file-validate appstreamcli; do
  command -v "$tool" >/dev/null || { echo "SKIP: $tool is not installed (scripts/setup.sh installs it)"; exit 77; }
done
# desktop-file-validate exits 0 on hints too; treat any output other than hints as failure.
out=$(desktop-file-validate "$desktop" 2>&1) || { echo "$out"; exit 1; }
if grep -v ': hint: ' <<<"$out" | grep -q .; then echo "$out"; exit 1; fi
echo "desktop-file-validate: $desktop OK"
# --no-net: no URL is fetched; --pedantic issues are reported but do not fail.
appstreamcli validate --no-net --explain "$metainfo"
