#!/usr/bin/env bash
# What each part of the report costs the wasm, as served (brotli, quality 11): builds the
# release wasm as Trunk does (cargo, wasm-bindgen, wasm-opt -Oz with index.html's flags)
# once whole and once without each island kind, the in-place language switch and the embed
# messages (the Cargo features `leave-out-<part>`, src/islands/registry.rs), and prints the difference. Then the optimised
# wasm's bytes by crate (twiggy on a build that keeps its names), scaled to brotli by the
# whole file's ratio. Only the page crate recompiles between builds (~1–2 min each).
# Usage: scripts/wasm-breakdown.sh [part ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --locked
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
FLAGS=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
PARTS=("$@")
# Every part Cargo.toml can leave out (its `leave-out-<part>` features), unless named.
[ ${#PARTS[@]} -gt 0 ] || mapfile -t PARTS < <(sed -n 's/^leave-out-\([a-z-]*\) = \[\]$/\1/p' Cargo.toml)

brotli_size() { node -e "const z=require('zlib');console.log(z.brotliCompressSync(require('fs').readFileSync(process.argv[1]),{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)" "$1"; }

# build NAME [LEFT_OUT]: the optimised wasm at $OUT/NAME.wasm (and, whole, one with names).
build() {
  cargo build --quiet --release --offline --target wasm32-unknown-unknown \
    --bin yangpu-report --no-default-features --features "hydrate${2:+,leave-out-$2}"
  wasm-bindgen --target web --out-dir "$OUT/$1" --out-name app target/wasm32-unknown-unknown/release/yangpu-report.wasm
  # shellcheck disable=SC2086
  wasm-opt -Oz $FLAGS "$OUT/$1/app_bg.wasm" -o "$OUT/$1.wasm"
  [ "$1" != whole ] || wasm-opt -Oz -g $FLAGS "$OUT/$1/app_bg.wasm" -o "$OUT/named.wasm"
}

build whole
WHOLE=$(brotli_size "$OUT/whole.wasm")
RAW=$(stat -c %s "$OUT/whole.wasm")
printf '\nThe wasm as served: %d B brotli (%d B raw)\n\n' "$WHOLE" "$RAW"
printf '%-24s %10s %8s\n' "left out" "brotli B" "share"
for part in "${PARTS[@]}"; do
  build "$part" "$part"
  SIZE=$(brotli_size "$OUT/$part.wasm")
  node -e "const [w,s,p]=process.argv.slice(1);console.log(p.padEnd(24)+String(w-s).padStart(11)+((w-s)/w*100).toFixed(1).padStart(8)+' %')" "$WHOLE" "$SIZE" "$part"
done

printf '\nBy crate (twiggy, optimised code with its names; brotli estimated at the whole file'"'"'s ratio):\n'
twiggy top -n 1000000 -f csv "$OUT/named.wasm" | node -e "
const rows = require('fs').readFileSync(0, 'utf8').trim().split('\n').slice(1);
const by = new Map();
let total = 0;
for (const line of rows) {
  const m = line.match(/^\"?(.*?)\"?,(\d+),/);
  if (!m || /function names|custom section|producers|name section/.test(m[1])) continue;
  const name = m[1];
  const size = Number(m[2]);
  total += size;
  const owner = name.match(/^<+([a-z_][a-z0-9_]*)::/) ?? name.match(/([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/);
  const key = /^data\[|data segment/.test(name) ? '(data: strings, tables)' : owner ? owner[1] : '(other)';
  by.set(key, (by.get(key) ?? 0) + size);
}
const ratio = Number(process.argv[1]) / Number(process.argv[2]);
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(k.padEnd(28) + String(v).padStart(9) + ' B raw ' + String(Math.round(v * ratio)).padStart(7) + ' B brotli ' + (v / total * 100).toFixed(1).padStart(6) + ' %');
}
" "$WHOLE" "$RAW"
echo "(generic code is counted under the crate that defines it: a component's closures run inside reactive_graph's and tachys' types)"
