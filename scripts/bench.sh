#!/usr/bin/env bash
# Builds the release dist/ and prints the benchmark figures (medians, p95): the report beside
# the ECharts peer (time to interactive charts, first view as served), drawing, page
# load, hydration, memory over a long session, sizes per file and of the first view, the
# wasm's largest items, and Lighthouse's scores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --locked
trunk build --release
# The ECharts peer (../shared/peer/, read-only) with the ECharts build its README names, in a
# folder of our own, precompressed like dist/.
PEER=$(mktemp -d)
chmod 755 "$PEER"  # nginx's workers read it
trap 'rm -rf "$PEER"' EXIT
cp "${PEER_SOURCE:-../shared/peer}/index.html" node_modules/echarts/dist/echarts.min.js "$PEER/"
node scripts/compress.mjs "$PEER"
chmod 644 "$PEER"/*
PEER_ROOT="$PEER" scripts/with-nginx.sh node scripts/bench.mjs
# Lighthouse on the report as deployed: nginx with deploy/nginx.conf.
CHROME_PATH=/usr/bin/chromium scripts/with-nginx.sh node scripts/lighthouse.mjs
