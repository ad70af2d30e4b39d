// Puts the stylesheet and early.js into each pre-rendered page (run by Trunk's post_build hook,
// after minify.mjs and before compress.mjs), so that nothing but the HTML blocks the first
// paint, and writes the CSP hashes of those exact bytes to `csp.nginx`, which
// deploy/nginx.conf includes and the test server (tests/e2e/server.mjs) reads.
//
// - `<link rel=stylesheet href=main-….css>` becomes `<style>…</style>`: the whole stylesheet
//   (18 KB, 4 KB brotli) is the critical CSS, since every rule of it can apply to the first
//   screen (an embed shows any section first); a second, non-blocking file would cost one more
//   request for nothing.
// - `<script src=early-….js>` becomes an inline script in the same place, the wasm's `<meta>`
//   moved just before it, so that it can request the wasm (src/early.js, step 4) before the
//   stylesheet and the body are parsed.
// - The inlined files are removed from the folder: no page refers to them any more.
// Usage: node scripts/inline.mjs DIR
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const names = fs.readdirSync(root);
const only = (re, what) => {
  const found = names.filter((n) => re.test(n));
  if (found.length !== 1) throw new Error(`inline: expected one ${what} in ${root}, found ${found.length}`);
  return found[0];
};
const cssName = only(/^main-[0-9a-f]+\.css$/, 'stylesheet');
const earlyName = only(/^early-[0-9a-f]+\.js$/, 'early.js');
const css = fs.readFileSync(path.join(root, cssName), 'utf8').trim();
const early = fs.readFileSync(path.join(root, earlyName), 'utf8').trim();
// Neither may end its element early.
if (/<\/style/i.test(css)) throw new Error('inline: the stylesheet contains </style');
if (/<\/script|<!--/i.test(early)) throw new Error('inline: early.js contains </script or <!--');

/** The CSP source that allows an inline element with exactly this text. */
const hashOf = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pages = names.filter((n) => n.endsWith('.html'));
if (!pages.length) throw new Error(`inline: no page in ${root}`);
for (const name of pages) {
  const file = path.join(root, name);
  let html = fs.readFileSync(file, 'utf8');
  const link = new RegExp(`<link\\b[^>]*\\bhref="?(\\./)?${escape(cssName)}"?[^>]*>`);
  const script = new RegExp(`<script\\b[^>]*\\bsrc="?(\\./)?${escape(earlyName)}"?[^>]*></script>`);
  const meta = /<meta\b[^>]*\bname="?yangpu-report-wasm"?[^>]*>/;
  for (const [re, what] of [[link, 'stylesheet link'], [script, 'early.js script'], [meta, 'wasm meta']]) {
    if (!re.test(html)) throw new Error(`inline: ${name} has no ${what}`);
  }
  // Functions as replacements: a `$` in the CSS or the script stays as it is.
  // The wasm's <meta> moves up to where early.js was, before the stylesheet, with early.js
  // right after it: the wasm is requested before the stylesheet is even parsed.
  const tag = html.match(meta)[0];
  html = html.replace(meta, '').replace(link, () => `<style>${css}</style>`).replace(script, () => `${tag}<script>${early}</script>`);
  fs.writeFileSync(file, html);
}
fs.rmSync(path.join(root, cssName));
fs.rmSync(path.join(root, earlyName));
const conf = [
  '# Written by scripts/inline.mjs at build time: the CSP hashes of the inline stylesheet and',
  '# script of this build\'s pages (deploy/nginx.conf includes this file; reload nginx after',
  '# deploying a new build).',
  `set $yangpu_report_script_hashes "${hashOf(early)}";`,
  `set $yangpu_report_style_hashes "${hashOf(css)}";`,
  '',
].join('\n');
fs.writeFileSync(path.join(root, 'csp.nginx'), conf);
console.error(`inline: ${cssName} (${css.length} B) and ${earlyName} (${early.length} B) inlined into ${pages.join(', ')}`);
