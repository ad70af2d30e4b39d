// The report side by side with the ECharts peer (../shared/peer/), both served by nginx with
// deploy/nginx.conf (scripts/with-nginx.sh, PEER_ROOT): interleaved page loads in one
// Chromium, on a phone (412×915 at ratio 2) with 4× CPU throttling and a fresh cache each.
// For each load: the first contentful paint, the time until every chart is interactive (the
// report: every chart's canvas drawn by the hydrated island; the peer: its script's
// `__chartsReady`), the main thread's blocking time, and every file fetched up to then (the
// first view), re-fetched from nginx as a browser that accepts brotli and as one that
// accepts only gzip receive it.
import http from 'node:http';

/** The median and 95th percentile of `values`. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95) };
}

/** When every chart is interactive, the page's clock then, else false (evaluated in the page,
 *  every animation frame). */
function interactiveAt(kind) {
  if (kind === 'peer') return window.__chartsReady === true && performance.now();
  const frames = document.querySelectorAll('.chart-frame');
  return frames.length > 0 && document.querySelectorAll('.chart-frame.canvas-ready').length === frames.length && performance.now();
}

/** A fresh phone page (ratio 2, Chinese) at 4× CPU that records its long tasks' durations
 *  in `window.__longTasks` from the first byte. */
export async function throttledPhone(browser, viewport) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 2, locale: 'zh-CN' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask', buffered: true });
  });
  return page;
}

async function load(browser, kind, url) {
  const page = await throttledPhone(browser, { width: 412, height: 915 });
  const fetched = new Set();
  page.on('request', (r) => {
    if (r.url().startsWith('http')) fetched.add(r.url());
  });
  await page.goto(url);
  const done = await page.waitForFunction(interactiveAt, kind, { timeout: 60000, polling: 'raf' });
  const interactive = await done.jsonValue();
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
  const tasks = await page.evaluate(() => window.__longTasks);
  await page.close();
  return {
    interactive,
    fcp,
    blocking: tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    files: [...fetched],
  };
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

/** Runs `runs` interleaved loads of each and prints the comparison table. */
export async function versus(browser, reportUrl, peerUrl, runs = 5) {
  const results = { report: [], peer: [] };
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so neither always meets a warmer machine.
    const order = i % 2 ? ['peer', 'report'] : ['report', 'peer'];
    for (const kind of order) results[kind].push(await load(browser, kind, kind === 'report' ? reportUrl : peerUrl));
  }
  const views = {};
  for (const kind of ['report', 'peer']) {
    const files = [...new Set(results[kind].flatMap((r) => r.files))];
    views[kind] = await firstView(files);
  }
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  const msf = (v) => `${Math.round(v).toLocaleString('en')} ms`;
  const s = (kind, key) => stats(results[kind].map((r) => r[key]));
  const line = (label, a, b, fmt) => {
    const ratio = b === 0 ? '—' : (a / b).toFixed(2);
    console.log(`| ${label} | ${fmt(a)} | ${fmt(b)} | ${ratio} |`);
  };
  console.log(`\nThe report and the ECharts peer, ${runs} interleaved loads each: Chromium ${browser.version()}, 412×915 at ratio 2, 4× CPU, nginx (deploy/nginx.conf) on loopback`);
  console.log(`report ${reportUrl}  peer ${peerUrl}\n`);
  console.log('| | report | ECharts peer | ratio |');
  console.log('|---|---|---|---|');
  line('first view as served, brotli', views.report.br, views.peer.br, kb);
  line('first view, gzip', views.report.gz, views.peer.gz, kb);
  for (const [key, label] of [['interactive', 'every chart interactive'], ['fcp', 'first contentful paint'], ['blocking', 'blocking time (Σ long task − 50 ms)']]) {
    const a = s('report', key);
    const b = s('peer', key);
    line(`${label}, median`, a.median, b.median, msf);
    line(`${label}, p95`, a.p95, b.p95, msf);
  }
  console.log(`\nTargets: every chart interactive ≤ 0.50 × the peer; first view ≤ 120 KB brotli and ≤ 0.33 × the peer.`);
  for (const kind of ['report', 'peer']) {
    console.log(`\nFirst view of the ${kind === 'report' ? 'report' : 'peer'}, per file (as served: brotli / gzip):`);
    for (const r of views[kind].rows) {
      console.log(`  ${r.file.padEnd(44)} ${kb(r.br.bytes).padStart(9)} ${r.br.encoding.padEnd(8)} ${kb(r.gz.bytes).padStart(9)} ${r.gz.encoding}`);
    }
  }
  return { results, views };
}
