// Benchmark, measured in Chromium on the release dist/: hover redraw and full chart draw
// (median and p95, from the app's User Timing entries), with and without 4× CPU
// throttling, plus the transfer sizes; first, when run by scripts/bench.sh, each page side by
// side with the same article built with ECharts and the short ECharts page on slow 4G
// (scripts/versus-peer.mjs). Usage: scripts/bench.sh, or
// node scripts/bench.mjs after trunk build --release (without the peer). BENCH_ONLY=versus
// stops after the comparison.
import { execFileSync } from 'node:child_process';
import { serve } from '../tests/e2e/server.mjs';
import { drawAll, launch } from '../tests/e2e/browser.mjs';
import { measureSession } from '../tests/e2e/memory.mjs';
import { stats, throttledPhone, versus } from './versus-peer.mjs';

const HOVERS = Number(process.env.BENCH_HOVERS ?? 300);
const RESIZES = Number(process.env.BENCH_RESIZES ?? 30);

const ms = (v) => `${v.toFixed(2)} ms`;

async function run(browser, url, throttle) {
  const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(() => {
    window.__measures = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__measures.push([e.name, e.duration]);
    }).observe({ entryTypes: ['measure'] });
  });
  await page.goto(url);
  await page.waitForSelector('#app[data-ready="true"]');
  await drawAll(page);

  // Hover: find two points over different marks, then move between them.
  const chart = page.locator('[data-chart="livelihood-growth"]');
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.getByTestId('chart-canvas').boundingBox();
  const points = new Map();
  for (let y = 10; y < box.height && points.size < 2; y += 10) {
    for (let x = 10; x < box.width && points.size < 2; x += 10) {
      await page.mouse.move(box.x + x, box.y + y);
      const value = await chart.locator('.tooltip-value').textContent({ timeout: 50 }).catch(() => null);
      if (value && !points.has(value)) points.set(value, [box.x + x, box.y + y]);
    }
  }
  const [a, b] = [...points.values()];
  await page.evaluate(() => (window.__measures = []));
  for (let i = 0; i < HOVERS; i++) {
    const [x, y] = i % 2 ? a : b;
    await page.mouse.move(x, y);
  }
  await page.waitForTimeout(200);
  const hover = await page.evaluate(() => window.__measures.filter(([n]) => n === 'yangpu:hover-redraw').map(([, d]) => d));

  // Full draw: every chart redraws when the viewport width changes.
  await page.evaluate(() => (window.__measures = []));
  for (let i = 0; i < RESIZES; i++) {
    await page.setViewportSize({ width: i % 2 ? 760 : 740, height: 900 });
    await page.waitForFunction((n) => window.__measures.filter(([m]) => m === 'yangpu:chart-draw').length >= n, (i + 1) * 5);
  }
  const draw = await page.evaluate(() => window.__measures.filter(([n]) => n === 'yangpu:chart-draw').map(([, d]) => d));
  await page.close();
  return { hover: stats(hover), draw: stats(draw) };
}

/** First contentful paint, the time until every chart's canvas has drawn, the wasm's start
 *  and hydration, and the main thread's long tasks (the local analogue of total blocking
 *  time), on a phone viewport with 4× CPU throttling; `runs` page loads, median and p95. */
async function startup(browser, url, runs = 7) {
  const fcp = [];
  const charts = [];
  const start = [];
  const hydrate = [];
  const longest = [];
  const blocking = [];
  for (let i = 0; i < runs; i++) {
    const page = await throttledPhone(browser, { width: 375, height: 800 });
    await page.goto(url);
    const done = await page.waitForFunction(
      () => document.querySelectorAll('.chart-frame.canvas-ready').length === document.querySelectorAll('.chart-frame').length && performance.now(),
      null,
      { timeout: 30000, polling: 'raf' },
    );
    charts.push(await done.jsonValue());
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    start.push(await page.evaluate(() => performance.getEntriesByName('yangpu:start')[0]?.duration ?? NaN));
    await page.waitForFunction(() => performance.getEntriesByName('yangpu:hydrate').length > 0, null, { timeout: 30000 });
    hydrate.push(await page.evaluate(() => performance.getEntriesByName('yangpu:hydrate')[0].duration));
    const tasks = await page.evaluate(() => window.__longTasks);
    longest.push(Math.max(0, ...tasks));
    blocking.push(tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0));
    await page.close();
  }
  return { fcp: stats(fcp), charts: stats(charts), start: stats(start), hydrate: stats(hydrate), longest: stats(longest), blocking: stats(blocking) };
}

const server = await serve('dist');
const browser = await launch();
// First: the report beside the ECharts peer, both behind nginx (scripts/bench.sh).
if (process.env.REPORT_URL && process.env.PEER_URL) {
  // Both pages, each in a browser of its language.
  const baseUrl = process.env.BENCH_BASE ? new URL('base/', process.env.PEER_URL).href : null;
  for (const lang of ['zh', 'en']) await versus(browser, process.env.REPORT_URL, process.env.PEER_URL, { runs: Number(process.env.BENCH_LOADS ?? 5), lang, baseUrl });
  if (process.env.BENCH_ONLY === 'versus') {
    await browser.close();
    await server.close();
    process.exit(0);
  }
} else {
  console.log('(no REPORT_URL/PEER_URL: the comparison with the ECharts peer needs scripts/bench.sh)');
}
console.log(`Chromium ${browser.version()}, devicePixelRatio 2, viewport 760 px`);
for (const throttle of [1, 4]) {
  const r = await run(browser, server.url, throttle);
  const label = throttle === 1 ? 'no throttling' : `${throttle}× CPU throttling`;
  console.log(`\n${label}`);
  console.log(`  hover redraw (overlay only)  n=${r.hover.n}  median ${ms(r.hover.median)}  p95 ${ms(r.hover.p95)}  max ${ms(r.hover.max)}`);
  console.log(`  full chart draw              n=${r.draw.n}  median ${ms(r.draw.median)}  p95 ${ms(r.draw.p95)}  max ${ms(r.draw.max)}`);
}
const start = await startup(browser, server.url);
console.log('\npage load, 375 px, 4× CPU throttling, local server');
console.log(`  first contentful paint       n=${start.fcp.n}  median ${ms(start.fcp.median)}  p95 ${ms(start.fcp.p95)}`);
console.log(`  every chart drawn on canvas  n=${start.charts.n}  median ${ms(start.charts.median)}  p95 ${ms(start.charts.p95)}`);
console.log(`  wasm start (one task)        n=${start.start.n}  median ${ms(start.start.median)}  p95 ${ms(start.start.p95)}`);
console.log(`  hydration, in ≤ 5 ms slices  n=${start.hydrate.n}  median ${ms(start.hydrate.median)}  p95 ${ms(start.hydrate.p95)}  (start to ready, elapsed)`);
console.log(`  longest task                 n=${start.longest.n}  median ${ms(start.longest.median)}  p95 ${ms(start.longest.p95)}`);
console.log(`  blocking time (Σ task − 50)  n=${start.blocking.n}  median ${ms(start.blocking.median)}  p95 ${ms(start.blocking.p95)}`);

const memory = await measureSession(browser, new URL('en.html', server.url).href);
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
console.log(`\nmemory over ${memory.done.hovers} hovers (${memory.done.tooltips} values shown), ${memory.done.languages} language and ${memory.done.themes} theme switches, ${memory.done.resizes} resizes (target < 1 MB)`);
console.log(`  JS heap ${kb(memory.before.js)} → ${kb(memory.after.js)}; wasm memory ${kb(memory.before.wasm)} → ${kb(memory.after.wasm)}; growth ${kb(memory.growth)}`);
await browser.close();
await server.close();
console.log('\nTransfer sizes (dist/):');
console.log(execFileSync('node', ['scripts/sizes.mjs', 'dist'], { encoding: 'utf8' }));

// What the wasm's bytes are: its largest functions and data, by twiggy (from the release
// build before wasm-opt, which keeps the names).
const wasm = 'target/wasm32-unknown-unknown/release/yangpu-report.wasm';
try {
  const csv = execFileSync('twiggy', ['top', '-n', '25', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 26 });
  console.log('Largest items in the wasm (twiggy, before wasm-opt; generic parameters elided):');
  for (const line of csv.trim().split('\n').slice(1)) {
    const [, name, bytes] = line.match(/^"?(.*?)"?,(\d+),/) ?? [];
    if (!name || /function names|wasm_bindgen_unstable/.test(name)) continue;
    let short = name;
    for (let i = 0; i < 20 && /<[^<>]*>/.test(short); i++) short = short.replace(/<[^<>]*>/g, '');
    console.log(`  ${String(bytes).padStart(7)} B  ${short.slice(0, 100)}`);
  }
} catch (e) {
  console.log(`twiggy unavailable (${e.message.split('\n')[0]}): cargo install twiggy --locked`);
}
