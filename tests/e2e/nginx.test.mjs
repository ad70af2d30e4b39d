// Against a real server ($REPORT_URL, set by scripts/nginx-e2e.sh for Debian's nginx with
// deploy/nginx.conf): the headers a portal relies on. Skipped without $REPORT_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

const base = process.env.REPORT_URL;

test('nginx serves the report with the right types, caching, compression and headers', { skip: !base && 'no REPORT_URL' }, async () => {
  const page = await fetch(base, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html; charset=utf-8$/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  // The README's CSP, with the serving origin beside 'self' (for WebKit's sandboxed embeds).
  const origin = new URL(base).origin;
  assert.equal(page.headers.get('content-security-policy'), `default-src 'self' ${origin}; script-src 'self' ${origin} 'wasm-unsafe-eval'; style-src 'self' ${origin}; img-src 'self' ${origin} data: blob:`);
  // A malformed Host header is not written into the policy.
  const odd = await new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = http.request({ host: url.hostname, port: url.port, path: '/', headers: { Host: "x; script-src *" } }, (res) => { res.resume(); resolve(res.headers['content-security-policy']); });
    req.on('error', reject);
    req.end();
  });
  assert.ok(odd === undefined || !odd.includes('script-src *'), `a hostile Host header stays out of the CSP (${odd})`);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(page.headers.get('x-frame-options'), null, 'portals may frame it');
  const html = await page.text();
  const wasmPath = html.match(/content="?\.\/([^"\s>]+_bg\.wasm)/)[1];
  const english = await fetch(new URL('en.html', base));
  assert.equal(english.status, 200);
  assert.equal(english.headers.get('cache-control'), 'no-cache', 'each language page is revalidated');
  const wasm = await fetch(new URL(wasmPath, base), { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
  assert.equal(wasm.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(wasm.headers.get('content-encoding'), 'gzip', 'the precompressed .gz is sent');
  assert.equal(wasm.headers.get('access-control-allow-origin'), '*');
  const embed = await fetch(new URL('embed.js', base));
  assert.equal(embed.status, 200);
  assert.match(embed.headers.get('content-type'), /javascript/);
  assert.equal((await fetch(new URL('no-such-file', base))).status, 404);
});
