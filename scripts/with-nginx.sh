#!/usr/bin/env bash
# Serves dist/ (or REPORT_ROOT, e.g. an older build to compare with) with Debian's nginx and
# deploy/nginx.conf as it is (only its root, the path of the build's csp.nginx and the port
# are set), runs the given command with REPORT_URL pointing at it, and stops nginx.
# With PEER_ROOT set (the benchmark's ECharts peer, ../shared/peer/), that folder is served
# too, by the same server with the same compression, at PEER_URL (the next port). Its CSP line
# is left out: the peer page runs an inline script, as government pages ship it.
# Usage: [PEER_ROOT=dir] scripts/with-nginx.sh <command> [args...]
set -euo pipefail
cd "$(dirname "$0")/.."
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
PORT=${NGINX_TEST_PORT:-18089}
WORK=$(mktemp -d)
trap 'kill "$(cat "$WORK/nginx.pid" 2>/dev/null)" 2>/dev/null || true; rm -rf "$WORK"' EXIT
ROOT=$(cd "${REPORT_ROOT:-dist}" && pwd)
sed -e "s#/srv/yangpu-report#$ROOT#g" -e "s#listen 80;#listen 127.0.0.1:$PORT;#" deploy/nginx.conf > "$WORK/site.conf"
# Debian's module snippets name their files relative to the prefix (this folder).
PEER_SITE=""
if [ -n "${PEER_ROOT:-}" ]; then
  PEER_PORT=$((PORT + 1))
  sed -e "s#root /srv/yangpu-report;#root $(cd "$PEER_ROOT" && pwd);#" -e "s#/srv/yangpu-report/csp.nginx#$ROOT/csp.nginx#" -e "s#listen 80;#listen 127.0.0.1:$PEER_PORT;#" \
    -e "/add_header Content-Security-Policy/d" -e "/^map /,/^}/d" deploy/nginx.conf > "$WORK/peer.conf"
  grep -q "brotli_static on" "$WORK/peer.conf" || { echo "with-nginx: the peer's site lost brotli_static" >&2; exit 1; }
  PEER_SITE="include $WORK/peer.conf;"
  export PEER_URL="http://127.0.0.1:$PEER_PORT/"
fi
ln -s /usr/lib/nginx/modules "$WORK/modules"
cat > "$WORK/nginx.conf" <<CONF
# Debian's modules, as its own nginx.conf loads them (brotli_static among them).
include /etc/nginx/modules-enabled/*.conf;
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 256; }
http {
    access_log off;
    client_body_temp_path $WORK/body;
    proxy_temp_path $WORK/proxy;
    fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi;
    scgi_temp_path $WORK/scgi;
    include $WORK/site.conf;
    $PEER_SITE
}
CONF
"$NGINX" -t -q -c "$WORK/nginx.conf" -p "$WORK"
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.1; done
REPORT_URL="http://127.0.0.1:$PORT/" "$@"
