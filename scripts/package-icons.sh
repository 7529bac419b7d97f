#!/usr/bin/env bash
# Renders every icon the packages ship from the one drawing, resources/icons/pluresdb.svg:
#   resources/icons/png/pluresdb-<N>.png   N = 16 24 32 48 64 128 256 512 1024 (Linux hicolor sizes;
#                                          the macOS .iconset is assembled from them at build time)
#   resources/icons/pluresdb.ico           Windows: 16 24 32 48 64 128 256, PNG-compressed entries
# Run it after editing the SVG and commit the results; the build does not need rsvg-convert.
# Needs: rsvg-convert (Debian: librsvg2-bin), python3.
set -euo pipefail
cd "$(dirname "$0")/.."

icons=resources/icons
command -v rsvg-convert >/dev/null || { echo "package-icons: install librsvg2-bin" >&2; exit 1; }
mkdir -p "$icons/png"
for n in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$n" -h "$n" "$icons/pluresdb.svg" -o "$icons/png/pluresdb-$n.png"
done

# An .ico is a 6-byte header, one 16-byte directory entry per image, then the images; since
# Windows Vista an entry may be a whole PNG file (width/height byte 0 means 256).
python3 - "$icons" <<'PY'
import struct, sys
icons = sys.argv[1]
sizes = [16, 24, 32, 48, 64, 128, 256]
images = [open(f"{icons}/png/pluresdb-{n}.png", "rb").read() for n in sizes]
out = struct.pack("<HHH", 0, 1, len(images))
offset = 6 + 16 * len(images)
for n, data in zip(sizes, images):
    out += struct.pack("<BBBBHHII", n % 256, n % 256, 0, 0, 1, 32, len(data), offset)
    offset += len(data)
open(f"{icons}/pluresdb.ico", "wb").write(out + b"".join(images))
PY
echo "package-icons: wrote $icons/png/*.png and $icons/pluresdb.ico"
