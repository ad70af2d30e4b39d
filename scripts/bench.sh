#!/usr/bin/env bash
# Builds the release dist/ and prints the benchmark figures (medians, p95): drawing, page
# load, hydration, memory over a long session, sizes per file and of the first view, the
# wasm's largest items, and Lighthouse's scores.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
command -v twiggy >/dev/null || cargo install twiggy --locked
trunk build --release
node scripts/bench.mjs
# Lighthouse on the report as deployed: nginx with deploy/nginx.conf.
CHROME_PATH=/usr/bin/chromium scripts/with-nginx.sh node scripts/lighthouse.mjs
