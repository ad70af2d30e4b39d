// The report side by side with two ECharts peers, all served by nginx with deploy/nginx.conf
// (scripts/with-nginx.sh, PEER_ROOT; scripts/bench.sh makes the peers' folder):
// - the same article with ECharts (scripts/same-article-peer.mjs): the report's own pages,
//   scripts and wasm removed, ECharts drawing the five charts;
// - the short ECharts page (../shared/peer/).
// Interleaved page loads in one Chromium, on a phone (412×915 at ratio 2) with 4× CPU and
// Lighthouse's "slow 4G" network (150 ms round trip, 1.44 Mbit/s down, 675 kbit/s up), a fresh
// cache each; each page opened by a browser of its language (zh-CN for index.html, en-US for
// en.html: an English browser would be sent from index.html to en.html first).
// For each load: the first contentful paint, when the first chart and every chart were first
// drawn (the report: `.chart-frame.canvas-ready`, the class its island sets once the canvas is
// drawn; the peers: ECharts' first `rendered` event of each chart, by measure.js), the main
// thread's blocking time, and every file fetched by then (the first view), re-fetched from
// nginx as a browser that accepts brotli and as one that accepts only gzip receive it.
import http from 'node:http';

/** The count, median, 95th percentile and largest of `values`. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
}

/** Lighthouse's mobile "slow 4G" as DevTools applies it (lighthouse's constants.js:
 *  throttling.mobileSlow4G: 150 ms, 1.6 Mbit/s × 0.9 down, 750 kbit/s × 0.9 up). */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 0.9 * 1024) / 8, uploadThroughput: (750 * 0.9 * 1024) / 8 };

/** Runs in every page before its own scripts: the long tasks from the first byte, and when the
 *  report's charts are drawn (the peers' measure.js fills the same `window.__charts`). */
function recorder() {
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
    .observe({ type: 'longtask', buffered: true });
  window.__charts = { first: null, all: null };
  new MutationObserver(() => {
    const frames = document.querySelectorAll('.chart-frame');
    const ready = document.querySelectorAll('.chart-frame.canvas-ready').length;
    if (!ready) return;
    const t = performance.now();
    if (window.__charts.first === null) window.__charts.first = t;
    if (ready === frames.length && window.__charts.all === null) window.__charts.all = t;
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['class'] });
}

/** A fresh phone page (ratio 2, in `locale`) at 4× CPU, on `network` (CDP's
 *  emulateNetworkConditions; none: loopback as it is), recording as `recorder` does. */
export async function throttledPhone(browser, viewport, { locale = 'zh-CN', network = null } = {}) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 2, locale });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.addInitScript(recorder);
  return page;
}

async function load(browser, url, locale) {
  const page = await throttledPhone(browser, { width: 412, height: 915 }, { locale, network: SLOW_4G });
  const fetched = new Set();
  page.on('request', (r) => {
    if (r.url().startsWith('http')) fetched.add(r.url());
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__charts && window.__charts.all !== null, null, { timeout: 120000, polling: 100 });
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    first: window.__charts.first,
    all: window.__charts.all,
    blocking: window.__longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    path: location.pathname,
  }));
  await page.close();
  if (!result.path.endsWith(new URL(url).pathname.split('/').pop())) throw new Error(`bench: ${url} ended at ${result.path} (a redirect measured by mistake)`);
  return { ...result, files: [...fetched] };
}

/** The bytes nginx sends for `url` to a client accepting `encoding`. */
function served(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': encoding } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', () => resolve({ bytes, encoding: res.headers['content-encoding'] ?? 'identity', status: res.statusCode }));
    }).on('error', reject);
  });
}

async function firstView(files) {
  const rows = [];
  for (const url of files) {
    const br = await served(url, 'br, gzip');
    const gz = await served(url, 'gzip');
    rows.push({ file: new URL(url).pathname.split('/').pop() || '(page)', br, gz });
  }
  rows.sort((a, b) => b.br.bytes - a.br.bytes);
  return { rows, br: rows.reduce((s, r) => s + r.br.bytes, 0), gz: rows.reduce((s, r) => s + r.gz.bytes, 0) };
}

const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const msf = (v) => `${Math.round(v).toLocaleString('en')} ms`;

/** Runs `runs` interleaved loads of the report's page in `lang` and the two peers, and prints
 *  the table, the targets and the first views. `reportUrl` is the report's base URL;
 *  `peerUrl` the peers' folder (the short page at its root, the same article in article/). */
export async function versus(browser, reportUrl, peerUrl, { runs = 5, lang = 'zh', baseUrl = null } = {}) {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-US';
  const file = lang === 'zh' ? 'index.html' : 'en.html';
  const subjects = {
    report: new URL(file, reportUrl).href,
    article: new URL(`article/${file}`, peerUrl).href,
    short: new URL('index.html', peerUrl).href,
  };
  // Another build of the report to compare with (BENCH_BASE in scripts/bench.sh).
  if (baseUrl) subjects.base = new URL(file, baseUrl).href;
  const results = Object.fromEntries(Object.keys(subjects).map((k) => [k, []]));
  const kinds = Object.keys(subjects);
  for (let i = 0; i < runs; i++) {
    // Rotate which goes first, so none always meets a warmer machine.
    for (let k = 0; k < kinds.length; k++) {
      const kind = kinds[(i + k) % kinds.length];
      results[kind].push(await load(browser, subjects[kind], locale));
    }
  }
  const views = {};
  for (const kind of kinds) views[kind] = await firstView([...new Set(results[kind].flatMap((r) => r.files))]);
  const s = (kind, key) => stats(results[kind].map((r) => r[key]));
  const ratio = (a, b) => (b ? (a / b).toFixed(2) : '—');
  console.log(`\n${file} (${lang}), a ${locale} browser: the report and two ECharts peers, ${runs} interleaved loads each`);
  console.log(`Chromium ${browser.version()}, 412×915 at ratio 2, 4× CPU, slow 4G (150 ms, 1.44 Mbit/s down), nginx (deploy/nginx.conf) on loopback`);
  const base = baseUrl ? ' report, base build | report ÷ base |' : '';
  console.log(`| | report | same article, ECharts | short ECharts page | report ÷ same article | report ÷ short page |${base}`);
  console.log(`|---|---|---|---|---|---|${baseUrl ? '---|---|' : ''}`);
  const row = (label, v, fmt) => console.log(`| ${label} | ${fmt(v.report)} | ${fmt(v.article)} | ${fmt(v.short)} | ${ratio(v.report, v.article)} | ${ratio(v.report, v.short)} |${baseUrl ? ` ${fmt(v.base)} | ${ratio(v.report, v.base)} |` : ''}`);
  const figures = {};
  for (const [key, label] of [['fcp', 'first contentful paint'], ['first', 'first chart drawn'], ['all', 'all charts drawn'], ['blocking', 'blocking time (Σ long task − 50 ms)']]) {
    const all = Object.fromEntries(kinds.map((kind) => [kind, s(kind, key)]));
    const pick = (q) => Object.fromEntries(kinds.map((kind) => [kind, all[kind][q]]));
    row(`${label}, median`, pick('median'), msf);
    row(`${label}, p95`, pick('p95'), msf);
    figures[key] = pick('median');
  }
  const bytes = (enc) => Object.fromEntries(kinds.map((kind) => [kind, views[kind][enc]]));
  row('first view as served, brotli', bytes('br'), kb);
  row('first view, gzip', bytes('gz'), kb);
  const check = (ok, text) => console.log(`  ${ok ? 'met    ' : 'NOT MET'}  ${text}`);
  console.log('Targets (issue 25), medians:');
  check(figures.fcp.report <= 1.2 * figures.fcp.short, `first contentful paint ≤ 1.2 × the short page's: ${ratio(figures.fcp.report, figures.fcp.short)}`);
  check(figures.first.report <= 0.5 * figures.first.article, `first chart drawn ≤ 0.5 × the same article's: ${ratio(figures.first.report, figures.first.article)}`);
  check(figures.all.report <= 0.6 * figures.all.article, `all charts drawn ≤ 0.6 × the same article's: ${ratio(figures.all.report, figures.all.article)}`);
  check(views.report.br <= 120 * 1024, `first view ≤ 120 KB brotli: ${kb(views.report.br)}`);
  for (const kind of kinds) {
    const name = { report: 'the report', article: 'the same article with ECharts', short: 'the short ECharts page', base: 'the base build' }[kind];
    console.log(`First view of ${name}, per file (as served: brotli / gzip):`);
    for (const r of views[kind].rows) {
      console.log(`  ${r.file.padEnd(44)} ${kb(r.br.bytes).padStart(9)} ${r.br.encoding.padEnd(8)} ${kb(r.gz.bytes).padStart(9)} ${r.gz.encoding}`);
    }
  }
  return { results, views };
}
