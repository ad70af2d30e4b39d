#!/usr/bin/env bash
# Runs the end-to-end tests once more against Debian's nginx serving dist/ with
# deploy/nginx.conf as it is. In Chromium only: the tests' recorder (tests/e2e/recorder.js)
# cannot be injected by nginx, and Chromium alone runs it as an init script; the engines
# themselves were covered against the same dist/ just before.
set -euo pipefail
cd "$(dirname "$0")/.."
YANGPU_ENGINES=chromium scripts/with-nginx.sh node --test --test-concurrency=1 --test-reporter=spec \
  tests/e2e/nginx.test.mjs tests/e2e/report.test.mjs tests/e2e/charts.test.mjs tests/e2e/language.test.mjs
