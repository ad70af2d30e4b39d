// Against a real server ($REPORT_URL, set by scripts/nginx-e2e.sh for Debian's nginx with
// deploy/nginx.conf): the headers a portal relies on. Skipped without $REPORT_URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';

const base = process.env.REPORT_URL;

test('nginx serves the report with the right types, caching, compression and headers', { skip: !base && 'no REPORT_URL' }, async () => {
  const page = await fetch(base, { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type'), /^text\/html; charset=utf-8$/);
  assert.equal(page.headers.get('cache-control'), 'no-cache');
  // The README's CSP, with the serving origin beside 'self' (for WebKit's sandboxed embeds),
  // and the hashes of the page's one inline script and one inline stylesheet, computed here
  // from the bytes served.
  const origin = new URL(base).origin;
  const html = await page.text();
  const inline = (tag) => [...html.matchAll(new RegExp(`<${tag}>([^]*?)</${tag}>`, 'g'))].map((m) => `'sha256-${crypto.createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  assert.equal(inline('script').length, 1, 'one inline script (early.js)');
  assert.equal(inline('style').length, 1, 'one inline stylesheet');
  assert.equal(page.headers.get('content-security-policy'), `default-src 'self' ${origin}; script-src 'self' ${origin} 'wasm-unsafe-eval' ${inline('script')[0]}; style-src 'self' ${origin} ${inline('style')[0]}; img-src 'self' ${origin} data: blob:`);
  assert.equal((await fetch(new URL('csp.nginx', base))).status, 404, 'the build\'s nginx snippet is not served');
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
  // The social preview images (core/src/charts/social.rs, file_name) are cached for an hour.
  // So are the pictures to share (core/src/share/picture.rs, file_name).
  for (const name of ['social-zh.png', 'social-en.png', 'social-square-zh.png', 'social-square-en.png', 'pictures/report-zh.png', 'pictures/chart-education-en.png', 'pictures/section-housing-zh.png']) {
    const png = await fetch(new URL(name, base));
    assert.equal(png.status, 200, name);
    assert.equal(png.headers.get('content-type'), 'image/png', name);
    assert.equal(png.headers.get('cache-control'), 'public, max-age=3600', name);
  }
  assert.equal((await fetch(new URL('no-such-file', base))).status, 404);
});

/** The raw response to a GET (no decompression): status, headers and body bytes. */
function raw(url, headers) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = http.request({ host: u.hostname, port: u.port, path: u.pathname, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('nginx sends the precompressed .br to a browser that accepts brotli, the .gz to one that accepts only gzip, and the file to one that accepts neither', { skip: !base && 'no REPORT_URL' }, async () => {
  const fs = await import('node:fs');
  const html = await (await fetch(base)).text();
  const wasmPath = html.match(/content="?\.\/([^"\s>]+_bg\.wasm)/)[1];
  const file = (suffix) => fs.readFileSync(new URL(`../../dist/${wasmPath}${suffix}`, import.meta.url));
  for (const path of [wasmPath, 'index.html']) {
    const url = new URL(path, base);
    const br = await raw(url, { 'Accept-Encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br', `${path}: brotli where it is accepted`);
    assert.match(br.headers.vary ?? '', /Accept-Encoding/i, `${path}: caches keep the encodings apart`);
    const gz = await raw(url, { 'Accept-Encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip', `${path}: gzip where brotli is not accepted`);
    const plain = await raw(url, {});
    assert.equal(plain.headers['content-encoding'], undefined, `${path}: the file itself to a client that accepts neither`);
    assert.ok(br.body.length < gz.body.length && gz.body.length < plain.body.length, `${path}: br ${br.body.length} < gzip ${gz.body.length} < ${plain.body.length} bytes`);
  }
  // The very files compress.mjs wrote at build time are sent, not a compression made now.
  const url = new URL(wasmPath, base);
  assert.deepEqual((await raw(url, { 'Accept-Encoding': 'br' })).body, file('.br'), 'the wasm.br of dist/');
  assert.deepEqual((await raw(url, { 'Accept-Encoding': 'gzip' })).body, file('.gz'), 'the wasm.gz of dist/');
  assert.deepEqual((await raw(url, {})).body, file(''), 'the wasm itself');
});
