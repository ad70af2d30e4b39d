#!/usr/bin/env bash
# Builds the release dist/ and prints the benchmark figures (medians, p95) and sizes.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
trunk build --release
node scripts/bench.mjs
