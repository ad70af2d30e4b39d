// Minifies the built page's own scripts in place (run by Trunk's post_build hook, before
// compression): the wasm-bindgen glue, boot.js and early.js. Trunk's own minifier fails on
// them (it warns and leaves them whole), so terser (npm, plain JS) does it. embed.js, which
// host pages include and read, stays as written. Usage: node scripts/minify.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import { minify } from 'terser';

const root = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
// Hashed names, as Trunk writes them (a 64-bit hash in hex, without leading zeros): early
// (a classic script), boot and the glue (modules).
const OWN = /^(early|boot|yangpu-report)-[0-9a-f]+\.js$/;
let before = 0;
let after = 0;
for (const name of fs.readdirSync(root).filter((n) => OWN.test(n))) {
  const file = path.join(root, name);
  const code = fs.readFileSync(file, 'utf8');
  const module = !name.startsWith('early-');
  const out = await minify(code, { module, ecma: 2020, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) throw new Error(`minify: terser returned nothing for ${name}`);
  fs.writeFileSync(file, out.code);
  before += code.length;
  after += out.code.length;
}
// The glue is always there: a name Trunk writes differently must not skip it unnoticed.
if (!fs.readdirSync(root).some((n) => /^yangpu-report-[0-9a-f]+\.js$/.test(n) && OWN.test(n))) throw new Error('minify: no JS glue found');
console.error(`minify: scripts ${before} → ${after} bytes`);
