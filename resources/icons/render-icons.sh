#!/usr/bin/env bash
# Renders rhizome.svg to the PNG sizes the platforms want and packs rhizome.ico and rhizome.icns.
# The results are committed, so builds need none of this; run it again after changing the SVG.
# Needs rsvg-convert (Debian: librsvg2-bin) and a JDK 17 (for IconFiles.java).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p png
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" rhizome.svg --output "png/rhizome-$size.png"
done
java IconFiles.java png .
