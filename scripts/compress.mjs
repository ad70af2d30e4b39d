// Writes a .gz and a .br beside every compressible file of a built dist/ (run by Trunk's
// post_build hook), so a server can send them as they are. Usage: node scripts/compress.mjs DIR
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const COMPRESSIBLE = /\.(html|js|mjs|css|wasm|svg|json|csv|txt)$/;
let count = 0;
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (COMPRESSIBLE.test(entry.name)) {
      const data = fs.readFileSync(file);
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
      count++;
    }
  }
})(root);
console.error(`compress: wrote .gz and .br for ${count} files in ${root}`);
