#!/usr/bin/env bash
# Serves the report on http://127.0.0.1:8080, rebuilding on change. Installs missing tools first.
# Extra arguments go to `trunk serve` (for example --release).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
exec trunk serve "$@"
