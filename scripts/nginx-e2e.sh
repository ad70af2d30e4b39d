#!/usr/bin/env bash
# Runs the end-to-end tests once more against Debian's nginx serving dist/ with
# deploy/nginx.conf as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/with-nginx.sh node --test --test-concurrency=1 --test-reporter=spec \
  tests/e2e/nginx.test.mjs tests/e2e/report.test.mjs tests/e2e/charts.test.mjs tests/e2e/language.test.mjs
