// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core (no
// browser download), and a page with its console errors, CSP violations and DOM mutations
// recorded from the first byte.
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The key figures as a reader sees them (the values the source states). */
export const KEY_FIGURES = ['421,000', '20,000+', '+50.2%', '43.5% → 52.3%', '14', '7,070', '18', '> 40%'];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    headless: true,
  });
}

// Runs in the page before any of its scripts: records CSP violations, and every node
// added or removed after parsing (hydration must add or remove none).
function recorder() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
  );
  window.__added = [];
  window.__removed = [];
  // Hydration is over once the test has read these: stop recording (a long session would
  // otherwise keep a string for every tooltip shown).
  window.__stopRecording = () => observer.disconnect();
  const describe = (n) => (n.nodeType === 1 ? `<${n.nodeName.toLowerCase()} class="${n.className}">` : `#${n.nodeName}:${(n.textContent || '').slice(0, 30)}`);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      r.addedNodes.forEach((n) => window.__added.push(describe(n)));
      r.removedNodes.forEach((n) => window.__removed.push(describe(n)));
    }
  });
  document.addEventListener('readystatechange', () => {
    if (document.readyState === 'interactive') {
      window.__firstCard = document.querySelector('[data-testid="figure-card"]');
      observer.observe(document.body, { childList: true, subtree: true });
    }
  });
}

/** Opens the report in a fresh context; returns the page, a live list of problems (console
 *  errors, page errors, failed requests) and `hydration()`, which waits for the wasm. */
export async function openReport(browser, url, { width = 1280, height = 900, blockWasm = false, deviceScaleFactor = 1, locale = 'en-US' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor, locale });
  const page = await context.newPage();
  page.on('close', () => context.close().catch(() => {}));
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && !blockWasm)) problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => !blockWasm && problems.push(`request failed: ${r.url()}`));
  if (blockWasm) await page.route(/\.wasm$/, (route) => route.abort());
  await page.addInitScript(recorder);
  await page.goto(url);
  const hydration = async () => {
    await page.waitForSelector('#app[data-ready="true"]', { timeout: 15000 });
    await page.waitForTimeout(100);
    return page.evaluate(() => {
      window.__stopRecording();
      return {
        ready: document.querySelector('#app').dataset.ready === 'true',
        sameCard: document.querySelector('[data-testid="figure-card"]') === window.__firstCard,
        added: window.__added,
        removed: window.__removed,
        violations: window.__violations,
      };
    });
  };
  return { page, problems, hydration };
}

/** Serves dist/ (or uses the server at $REPORT_URL, such as nginx with deploy/nginx.conf)
 *  and launches Chromium for the test file that calls it (before/after hooks). Returns an
 *  object whose `server` and `browser` are set once the tests start. */
export function useReport() {
  const shared = { server: null, browser: null };
  before(async () => {
    if (process.env.REPORT_URL) {
      shared.server = { url: process.env.REPORT_URL, close: async () => {} };
    } else {
      const { serve } = await import('./server.mjs');
      shared.server = await serve('dist');
    }
    // The report in English, opened directly (the headless browser's language is en-US;
    // `url` is the Chinese page, which early.js leaves for en.html in such a browser).
    shared.server.en = new URL('en.html', shared.server.url).href;
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}

/** Scrolls every chart into view so each draws and plays its entrance, and waits until each
 *  shows its finished look for good (as `page.drawAll` in engines.mjs: the canvas's
 *  `data-text-boxes-size` where recorder.js asked for it, else the entrance waited out). */
export async function drawAll(page) {
  for (const frame of await page.locator('.chart-frame').all()) {
    await frame.scrollIntoViewIfNeeded();
    await frame.locator('xpath=self::*[contains(@class,"canvas-ready")]').waitFor();
    await frame.evaluate((f) => new Promise((done) => {
      const c = f.querySelector('canvas');
      const check = () => (!window.__yangpuTextBoxes || c.dataset.textBoxesSize === `${c.width} ${c.height}` ? done() : requestAnimationFrame(check));
      check();
    }));
  }
  if (!(await page.evaluate(() => Boolean(window.__yangpuTextBoxes)))) await page.waitForTimeout(600);
}
