// A small static file server for the end-to-end tests and benchmarks: serves dist/ with the
// right MIME types and, by default, the report's strict Content-Security-Policy.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/** The strict CSP as deploy/nginx.conf sends it: the serving origin beside each 'self'
 *  (WebKit matches 'self' against a sandboxed embed's opaque origin, which matches nothing),
 *  and the hashes of the pages' inline script and stylesheet (`hashes`, from csp.nginx). */
export function cspFor(origin, hashes = { script: '', style: '' }) {
  const policy = origin ? STRICT_CSP.replace(/'self'/g, `'self' ${origin}`) : STRICT_CSP;
  return policy
    .replace(/(script-src [^;]*)/, (d) => (hashes.script ? `${d} ${hashes.script}` : d))
    .replace(/(style-src [^;]*)/, (d) => (hashes.style ? `${d} ${hashes.style}` : d));
}

/** The inline hashes the build wrote for nginx (scripts/inline.mjs) in `root`/csp.nginx, or
 *  none where the folder has no such file (a folder of test pages). */
export async function inlineHashes(root) {
  const conf = await fs.readFile(path.join(root, 'csp.nginx'), 'utf8').catch(() => '');
  const value = (name) => conf.match(new RegExp(`set \\$${name} "([^"]*)";`))?.[1] ?? '';
  return { script: value('yangpu_report_script_hashes'), style: value('yangpu_report_style_hashes') };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

const RECORDER = new URL('./recorder.js', import.meta.url);

/** Serves `root` on 127.0.0.1 (port 0 = any free port). Resolves to { url, port, close }.
 *  Options for tests in every engine (where no browser-side request hook exists):
 *  - `block`: a RegExp of paths refused with 404 (a wasm that cannot load), or a function
 *    (pathname, request) => true to refuse, e.g. only a page's fetches and not its navigations;
 *  - `pages`: { pathname: html } served instead of files;
 *  - `transform(pathname, html)`: rewrites each HTML page before it is sent;
 *  - `instrument`: true, or a comma list of fakes (`speech`, `no-share`, ... see
 *    recorder.js): every HTML page gets recorder.js as its first script. */
export async function serve(root, { port = 0, csp = STRICT_CSP, headers = {}, pages = {}, cors = true, block = null, transform = null, instrument = false } = {}) {
  const base = path.resolve(root);
  const hashes = await inlineHashes(base);
  const recorderTag = instrument
    ? `<script src="/__e2e/recorder.js${typeof instrument === 'string' ? `?fake=${encodeURIComponent(instrument)}` : ''}"></script>`
    : '';
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://localhost');
      if (pathname === '/__e2e/recorder.js') {
        res.writeHead(200, { 'Content-Type': TYPES['.js'], 'Cache-Control': 'no-store' }).end(await fs.readFile(RECORDER));
        return;
      }
      // `block`: paths this server refuses (a blocked wasm, in engines without request hooks).
      if (block && (typeof block === 'function' ? block(pathname, req) : block.test(pathname))) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('blocked');
        return;
      }
      if (pages[pathname] !== undefined) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(pages[pathname]);
        return;
      }
      let file = path.resolve(base, '.' + decodeURIComponent(pathname));
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const stat = await fs.stat(file).catch(() => null);
      if (stat?.isDirectory()) file = path.join(file, 'index.html');
      let body = await fs.readFile(file);
      if (path.extname(file) === '.html' && (transform || recorderTag)) {
        let html = body.toString('utf8');
        // The first script of the page, before early.js (the minified page has no <head> tag).
        if (recorderTag) html = html.replace(/<html[^>]*>/, (tag) => `${tag}${recorderTag}`);
        if (transform) html = transform(pathname, html);
        body = Buffer.from(html);
      }
      const head = {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      };
      // A sandboxed embed has an opaque origin: its module script and wasm are CORS requests
      // (`cors: false` is a server that sends no CORS header, as most do).
      if (cors) head['Access-Control-Allow-Origin'] = '*';
      const host = /^[A-Za-z0-9.-]+(:[0-9]{1,5})?$/.test(req.headers.host ?? '') ? `http://${req.headers.host}` : '';
      if (csp) head['Content-Security-Policy'] = csp === STRICT_CSP ? cspFor(host, hashes) : csp;
      res.writeHead(200, head).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const actual = server.address().port;
  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// `node tests/e2e/server.mjs [dir] [port]` serves a built dist/ by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const { url } = await serve(dir, { port: Number(port) });
  console.log(`serving ${dir} at ${url} with the strict CSP`);
}
