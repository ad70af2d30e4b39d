#!/usr/bin/env bash
# Installs the tools the report needs, skipping what is already there:
#   scripts/setup.sh          to build and serve (wasm32 target, trunk, wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh --test   also to test (Debian's Chromium, ChromeDriver, Firefox ESR,
#                             WebKitGTK's WebDriver and MiniBrowser, Xvfb, nginx and a Chinese
#                             font; clippy, rustfmt)
# Only the package registries are used (crates.io, npm, Debian); nothing downloads a binary.
set -euo pipefail
FOR_TESTS=0
[ "${1:-}" = "--test" ] && FOR_TESTS=1
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_NPM_VERSION=132
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the crate version Cargo.lock pins, or Trunk tries to download one.
wasm_bindgen_version() {
  if [ -f Cargo.lock ]; then
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
  else
    sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml
  fi
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if [ $FOR_TESTS = 1 ]; then
  for c in clippy rustfmt; do
    rustup component list --installed | grep -q "^$c" || rustup component add "$c"
  done
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

WB_VERSION=$(wasm_bindgen_version)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  say "installing wasm-bindgen-cli $WB_VERSION (about 3 minutes)"
  # Not --locked: its lock file names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# Trunk builds offline (it must never download a tool): fetch every crate Cargo.lock names
# first, for the wasm and the native pre-render alike (seconds when they are there).
say "fetching crates from Cargo.lock"
cargo fetch --locked --quiet

need_apt=()
if [ $FOR_TESTS = 1 ]; then
  command -v chromium >/dev/null || need_apt+=(chromium)
  command -v chromedriver >/dev/null || need_apt+=(chromium-driver)
  command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
  # nginx serves the precompressed .br files with this module (deploy/nginx.conf).
  [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || need_apt+=(libnginx-mod-http-brotli-static)
  # The other two engines readers use (tests/e2e/engines.mjs drives them).
  command -v firefox-esr >/dev/null || need_apt+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || need_apt+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || need_apt+=(xvfb xauth)
  # A Chinese font, so screenshots and canvas tests draw Chinese glyphs, not boxes.
  fc-list :lang=zh 2>/dev/null | grep -q . || need_apt+=(fonts-wqy-microhei)
  # Locale sources: WebKitGTK takes its browser language from the process locale, which the
  # tests compile with localedef (tests/e2e/engines.mjs, compileLocales).
  [ -f /usr/share/i18n/locales/zh_CN ] || need_apt+=(locales)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  say "installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}"
fi

# npm packages (wasm-opt from binaryen, playwright-core, puppeteer-core, axe-core, pym.js, lighthouse,
# echarts for the benchmark's peer page, terser for scripts/minify.mjs) from
# package-lock.json.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
# Debian's wasm-opt (binaryen 108) makes a wasm that dies at start-up: insist on npm's.
if ! wasm-opt --version 2>/dev/null | grep -q "version_$BINARYEN_NPM_VERSION"; then
  echo "wasm-opt on PATH is not binaryen $BINARYEN_NPM_VERSION: $(command -v wasm-opt || echo none)" >&2
  exit 1
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version | head -1)"
[ $FOR_TESTS = 1 ] && say "browsers ready: $(chromium --version 2>/dev/null | cut -d' ' -f1-2), $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2), $(firefox-esr --version 2>/dev/null), WebKitGTK $(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null)"
true
