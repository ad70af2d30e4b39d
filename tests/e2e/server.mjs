// A small static file server for the end-to-end tests and benchmarks: serves dist/ with the
// right MIME types and, by default, the report's strict Content-Security-Policy.
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

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

/** Serves `root` on 127.0.0.1 (port 0 = any free port). Resolves to { url, port, close }. */
export async function serve(root, { port = 0, csp = STRICT_CSP, headers = {}, pages = {}, cors = true, block = null } = {}) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    try {
      const { pathname } = new URL(req.url, 'http://localhost');
      // `block`: paths this server refuses (a blocked wasm, in engines without request hooks).
      if (block && block.test(pathname)) {
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
      const body = await fs.readFile(file);
      const head = {
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        ...headers,
      };
      // A sandboxed embed has an opaque origin: its module script and wasm are CORS requests
      // (`cors: false` is a server that sends no CORS header, as most do).
      if (cors) head['Access-Control-Allow-Origin'] = '*';
      if (csp) head['Content-Security-Policy'] = csp;
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
