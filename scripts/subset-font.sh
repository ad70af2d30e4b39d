#!/usr/bin/env bash
# Regenerates the subset of Noto Sans CJK SC that the Chinese social preview images and the
# pictures to share (core/src/share/picture.rs) are drawn
# with (fonts/NotoSansCJKsc-{Regular,Bold}.subset.otf, OFL 1.1: fonts/OFL.txt), from the
# characters the drawings themselves draw (core/examples/social-chars.rs, which reads
# core/src/charts/social.rs and core/src/share/picture.rs). Run it after changing the images' words or report.toml's figures;
# `cargo test -p yangpu-core social` fails, naming the character, while a drawn character has
# no glyph in the subset.
#
# A developer tool: it installs Debian's fonts-noto-cjk and fonttools (python3-fonttools) when
# missing. The build and the tests need neither: they read the committed subset.
# Usage: scripts/subset-font.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[subset-font]\033[0m %s\n' "$*"; }

NOTO=/usr/share/fonts/opentype/noto
# Debian's collections hold Japanese (face 0), Korean (1), Simplified Chinese (2), Traditional
# Chinese (3) and Hong Kong (4): face 2 draws the Chinese forms of the characters.
SC_FACE=2

# fonttools from Debian's python3 (or any python that has it).
PYTHON=""
for py in python3 /usr/bin/python3; do
  if command -v "$py" >/dev/null && "$py" -c 'import fontTools.subset' 2>/dev/null; then PYTHON=$py; break; fi
done
need_apt=()
[ -f "$NOTO/NotoSansCJK-Regular.ttc" ] && [ -f "$NOTO/NotoSansCJK-Bold.ttc" ] || need_apt+=(fonts-noto-cjk)
[ -n "$PYTHON" ] || need_apt+=(python3-fonttools)
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
  [ -n "$PYTHON" ] || PYTHON=/usr/bin/python3
fi

CHARS=$(mktemp)
trap 'rm -f "$CHARS"' EXIT
cargo run -q -p yangpu-core --example social-chars >"$CHARS"
say "$(wc -m <"$CHARS" | tr -d ' ') characters: $(cat "$CHARS")"

for weight in Regular Bold; do
  out=fonts/NotoSansCJKsc-$weight.subset.otf
  # No layout features (plotters shapes nothing: one glyph a character), no hinting (ab_glyph
  # does not hint), plain CFF charstrings (smaller once there are few glyphs to share them).
  "$PYTHON" -m fontTools.subset "$NOTO/NotoSansCJK-$weight.ttc" --font-number=$SC_FACE \
    --text-file="$CHARS" --layout-features='' --no-hinting --desubroutinize \
    --name-IDs='*' --name-languages='*' --output-file="$out"
  # plotters (0.3.7) draws a glyph's ink from the pen's position, dropping its left side
  # bearing: an opening quote or bracket, drawn on the right of its full-width box, would stand
  # apart from what it opens. An empty contour at the glyph's origin (a lone moveto to 0,0)
  # makes its bounds, and so plotters' ink, start where the glyph does; it draws nothing.
  # (Checked by `cargo test -p yangpu-core social`: the_subset_s_glyphs_start_at_their_origin.)
  "$PYTHON" - "$out" <<'PY'
import sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path, recalcTimestamp=False)  # the same characters give the same file
top = font["CFF "].cff.topDictIndex[0]
hmtx = font["hmtx"].metrics
stack_clearing = {"rmoveto": 2, "hmoveto": 1, "vmoveto": 1, "endchar": 0}
for name in font.getGlyphOrder():
    cs = top.CharStrings[name]
    cs.decompile()
    program = cs.program
    first = next(i for i, token in enumerate(program) if isinstance(token, str))
    if program[first] not in ("rmoveto", "hmoveto", "vmoveto"):
        continue  # no outline (a space), or drawn already from the origin
    # A width, if given, is the extra number before the first stack-clearing operator.
    width = program[:1] if first > stack_clearing[program[first]] else []
    cs.program = width + [0, 0, "rmoveto"] + program[len(width):]
    advance, lsb = hmtx[name]
    hmtx[name] = (advance, min(lsb, 0))
font.save(path)
PY
  say "wrote $out ($(wc -c <"$out" | tr -d ' ') bytes)"
done
