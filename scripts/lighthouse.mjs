// Lighthouse (npm lighthouse, mobile preset: simulated slow 4G and 4× CPU) on the report as
// deployed ($REPORT_URL: nginx with deploy/nginx.conf, see scripts/with-nginx.sh), in each
// language with a browser that asks for it. Prints the four scores and TBT, CLS, FCP, LCP and
// the bytes transferred, as medians of RUNS runs. Usage: scripts/with-nginx.sh node scripts/lighthouse.mjs
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM_FLAGS } from '../tests/e2e/browser.mjs';

const base = process.env.REPORT_URL;
if (!base) throw new Error('REPORT_URL is not set: run through scripts/with-nginx.sh');
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function audit(url, lang) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [...CHROMIUM_FLAGS, `--lang=${lang}`],
  });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const a = lhr.audits;
    return {
      performance: lhr.categories.performance.score * 100,
      accessibility: lhr.categories.accessibility.score * 100,
      'best-practices': lhr.categories['best-practices'].score * 100,
      seo: lhr.categories.seo.score * 100,
      'TBT ms': a['total-blocking-time'].numericValue,
      CLS: a['cumulative-layout-shift'].numericValue,
      'FCP ms': a['first-contentful-paint'].numericValue,
      'LCP ms': a['largest-contentful-paint'].numericValue,
      'transfer KB': a['total-byte-weight'].numericValue / 1024,
      failing: Object.values(a).filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary').map((x) => x.id),
    };
  } finally {
    await chrome.kill();
  }
}

// The language is asked for in the link: Chromium's --lang does not reach navigator.language
// in headless mode, and without it the Chinese page would send the run to en.html.
for (const [name, path, lang] of [['zh', '?lang=zh', 'zh-CN'], ['en', 'en.html?lang=en', 'en-US']]) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await audit(new URL(path, base).href, lang));
  console.log(`\nLighthouse ${lighthouse.version ?? ''} mobile, ${name} page, median of ${RUNS} (targets: 100 / 100 / 100 / 100, TBT ≤ 50 ms, CLS 0)`);
  for (const key of Object.keys(runs[0]).filter((k) => k !== 'failing')) {
    const value = median(runs.map((r) => r[key]));
    console.log(`  ${key.padEnd(16)} ${Number.isInteger(value) ? value : value.toFixed(key === 'CLS' ? 3 : 0)}`);
  }
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  console.log(`  failing audits   ${failing.length ? failing.join(', ') : 'none'}`);
}
