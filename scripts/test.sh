#!/usr/bin/env bash
# Runs every test: formatting, clippy (native and wasm32, warnings are errors), native unit
# tests, component tests in headless Chromium, then end-to-end tests against the release
# dist/ served with the strict CSP in Chromium, Firefox ESR and WebKitGTK, and once more
# behind nginx with deploy/nginx.conf.
# Installs missing tools first.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "the hand-made mutations still apply (tests/mutations.md)"
for patch in tests/mutations/*.patch; do git apply --check "$patch"; done

step "clippy, native (the core crate, and the pre-render)"
cargo clippy --locked -p yangpu-core --all-targets -- -D warnings
cargo clippy --locked --all-targets --features ssr -- -D warnings
step "clippy, wasm32 (browser)"
cargo clippy --locked --target wasm32-unknown-unknown --all-targets --features hydrate -- -D warnings

step "native tests: the core crate (data, provenance, formatting, charts, view state, share link)"
cargo test --locked -p yangpu-core
step "native tests: the pre-rendered pages, their audit, the island contract"
cargo test --locked --features ssr

step "component tests in headless Chromium (wasm-bindgen-test)"
cargo test --locked --target wasm32-unknown-unknown --features hydrate

step "release build (trunk, wasm-opt, pre-render)"
trunk build --release

# One engine at a time (one browser alive at once on a small machine); every engine runs,
# and the step fails naming each engine that failed.
failed=()
for engine in chromium firefox webkit; do
  step "end-to-end tests against dist/ in $engine"
  YANGPU_ENGINES=$engine node --test --test-concurrency=1 --test-reporter=spec tests/e2e/ || failed+=("$engine")
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "end-to-end tests failed in: ${failed[*]}" >&2
  exit 1
fi

step "end-to-end tests again, behind Debian's nginx with deploy/nginx.conf"
scripts/nginx-e2e.sh

step "all tests passed"
