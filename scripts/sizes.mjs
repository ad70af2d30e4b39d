// Prints the raw, gzip and brotli size of every file in dist/ (what a reader downloads) and
// the total. Usage: node scripts/sizes.mjs [dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = process.argv[2] ?? 'dist';
const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (!/\.(gz|br)$/.test(entry.name)) files.push(full);
  }
})(root);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const rows = files.map((file) => {
  const data = fs.readFileSync(file);
  return {
    file: path.relative(root, file),
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
rows.sort((a, b) => b.gzip - a.gzip);
console.log(`${'file'.padEnd(44)}  raw KB  gzip KB  brotli KB`);
for (const r of rows) console.log(`${r.file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
console.log(`${'total'.padEnd(44)}${kb(sum('raw'))}${kb(sum('gzip'))}${kb(sum('brotli'))}`);

// The first view: what a reader's browser fetches to show and start the report (each page
// in its language; downloads, the social image and embed.js are fetched only on demand).
for (const page of ['index.html', 'en.html']) {
  const first = rows.filter((r) => r.file === page || /^(early|boot|main|yangpu-report)-[0-9a-f]+(_bg)?\.(js|css|wasm)$/.test(r.file) || r.file === 'favicon.svg');
  const total = (k) => first.reduce((s, r) => s + r[k], 0);
  console.log(`first view, ${page.padEnd(31)}${kb(total('raw'))}${kb(total('gzip'))}${kb(total('brotli'))}   (budget 120 KB gzip; ${first.length} files)`);
}
