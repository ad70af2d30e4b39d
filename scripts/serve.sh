#!/usr/bin/env bash
# Serves the report on http://127.0.0.1:8080, rebuilding on change. Installs missing tools first.
# Extra arguments go to `trunk serve` (for example --release).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# The report's public address for its link cards (src/head.rs); set your own for a deployment.
export YANGPU_BASE_URL=${YANGPU_BASE_URL:-http://127.0.0.1:8080/}
exec trunk serve "$@"
