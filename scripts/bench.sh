#!/usr/bin/env bash
# Builds the release dist/ and prints the benchmark figures (medians, p95): each page of the
# report beside the same article built with ECharts and the short ECharts page, on slow 4G
# (first paint, first and all charts drawn, first view as served), drawing, page
# load, hydration, memory over a long session, sizes per file and of the first view, the
# wasm's largest items, and Lighthouse's scores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --locked
trunk build --release
# The peers, in a folder of our own, precompressed like dist/: the short ECharts page
# (../shared/peer/, read-only) with the ECharts build its README names, and in article/ the
# same article built with ECharts from this dist/ (scripts/same-article-peer.mjs, never
# committed). Both load measure.js after ECharts, which records when their charts are drawn.
PEER=$(mktemp -d)
trap 'rm -rf "$PEER"' EXIT
cp "${PEER_SOURCE:-../shared/peer}/index.html" node_modules/echarts/dist/echarts.min.js "$PEER/"
sed -i 's#<script src="echarts.min.js"></script>#&<script src="measure.js"></script>#' "$PEER/index.html"
grep -q 'src="measure.js"' "$PEER/index.html" || { echo "bench: the short peer's ECharts script tag was not found" >&2; exit 1; }
node scripts/same-article-peer.mjs dist "$PEER/article"
# BENCH_BASE=<another build's dist/>: that build too, served beside the peers (without the CSP).
if [ -n "${BENCH_BASE:-}" ]; then cp -r "$BENCH_BASE" "$PEER/base"; fi
node scripts/compress.mjs "$PEER"
chmod -R a+rX "$PEER"  # nginx's workers read it
PEER_ROOT="$PEER" scripts/with-nginx.sh node scripts/bench.mjs
# Lighthouse on the report as deployed: nginx with deploy/nginx.conf.
CHROME_PATH=/usr/bin/chromium scripts/with-nginx.sh node scripts/lighthouse.mjs
