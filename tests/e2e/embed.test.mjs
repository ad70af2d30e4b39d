// End-to-end: the report embedded in host pages on another origin (another port), resized
// by public/embed.js and by an unmodified pym.js, deaf to foreign messages, and working
// inside <iframe sandbox="allow-scripts">.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

let report;
let host;
let foreign;
let browser;

before(async () => {
  report = await serve('dist');
  foreign = await serve('tests/e2e', {
    csp: null,
    pages: { '/foreign.html': '<!doctype html><title>foreign</title><p>foreign frame</p>' },
  });
  const pym = await fs.readFile('node_modules/pym.js/dist/pym.v1.min.js', 'utf8');
  const r = report.url;
  host = await serve('tests/e2e', {
    csp: null,
    pages: {
      '/embed-js.html': `<!doctype html><meta charset="utf-8"><title>Portal</title>
        <h1>A portal page</h1>
        <iframe id="report" src="${r}?embed=section:services" title="Yangpu: public services" style="width:100%;border:0" height="150"></iframe>
        <iframe id="other" src="${foreign.url}foreign.html" title="Someone else" height="50"></iframe>
        <script src="${r}embed.js" async></script>`,
      '/pym.html': `<!doctype html><meta charset="utf-8"><title>Pym portal</title>
        <div id="report-container"></div>
        <script src="/pym.js"></script>
        <script>window.parentPym = new pym.Parent('report-container', '${r}?embed=chart:education', {});</script>`,
      '/pym.js': pym,
      '/sandbox.html': `<!doctype html><meta charset="utf-8"><title>Sandboxed</title>
        <iframe id="report" sandbox="allow-scripts" src="${r}?embed=chart:livelihood-share" title="Yangpu chart" style="width:100%;border:0" height="700"></iframe>
        <script src="${r}embed.js" async></script>`,
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([report?.close(), host?.close(), foreign?.close()]);
});

async function hostPage(path, width = 1000) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(host.url + path.slice(1));
  return page;
}

/** Waits until the iframe's height is within 2 px of its document's height; returns it. */
async function followsContent(page, selector, timeout = 1000) {
  const frame = page.frameLocator(selector);
  const started = Date.now();
  let last;
  while (Date.now() - started < timeout) {
    const frameHeight = await page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
    const content = await frame.locator('#app').evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
    last = [frameHeight, content];
    if (Math.abs(frameHeight - content) <= 2) return content;
    await page.waitForTimeout(50);
  }
  assert.fail(`iframe ${selector} is ${last[0]}px for ${last[1]}px of content after ${timeout} ms`);
}

test('embed.js on a portal on another origin sizes the iframe to its content and follows it', async () => {
  const page = await hostPage('/embed-js.html');
  const frame = page.frameLocator('#report');
  await frame.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await frame.getByTestId('masthead').isVisible(), false);
  const first = await followsContent(page, '#report', 3000);
  assert.ok(first > 500, `the services section is tall (${first})`);

  // A section opens: the table of the first chart.
  await frame.locator('[data-chart="livelihood-share"]').getByText('Show as table').click();
  const opened = await followsContent(page, '#report');
  assert.ok(opened > first, 'taller once the table shows');

  // The width changes: the iframe follows.
  await page.locator('#report').evaluate((f) => (f.style.width = '340px'));
  const narrow = await followsContent(page, '#report');
  assert.notEqual(narrow, opened);

  // A message from a foreign origin, and one from the host itself, change nothing.
  const before = await page.locator('#report').evaluate((f) => f.style.height);
  await page.frame({ url: /foreign\.html/ }).evaluate(() => parent.postMessage({ type: 'yangpu-report:height', height: 55 }, '*'));
  await page.evaluate(() => window.postMessage({ type: 'yangpu-report:height', height: 66 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#report').evaluate((f) => f.style.height), before);
  assert.equal(await page.locator('#other').evaluate((f) => f.style.height), '');

  // A link in the embed opens the full report in the top window.
  await frame.locator('[data-chart="livelihood-share"]').getByTestId('chart-source-link').click();
  await page.waitForURL((url) => url.href.startsWith(report.url) && url.hash.startsWith('#s'));
  await page.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await page.getByTestId('masthead').isVisible(), true, 'the full report, not the embed');
  await page.close();
});

test('an unmodified pym.js Parent resizes the embedded chart', async () => {
  const page = await hostPage('/pym.html', 1000);
  await page.waitForSelector('#report-container iframe');
  const frame = page.frameLocator('#report-container iframe');
  await frame.locator('#app[data-ready="true"]').waitFor();
  const height = await followsContent(page, '#report-container iframe', 3000);
  assert.ok(height > 300 && height < 1400, `a chart's height (${height})`);
  await frame.locator('[data-chart="education"]').getByText('Show as table').click();
  const taller = await followsContent(page, '#report-container iframe');
  assert.ok(taller > height);
  await page.setViewportSize({ width: 420, height: 900 });
  await followsContent(page, '#report-container iframe');
  await page.close();
});

test('inside <iframe sandbox="allow-scripts"> the report renders and its controls work', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(host.url + 'sandbox.html');
  const frame = page.frameLocator('#report');
  await frame.locator('#app[data-ready="true"]').waitFor({ timeout: 10000 });
  const chart = frame.locator('[data-chart="livelihood-share"]');
  await chart.locator('.chart-frame.canvas-ready').waitFor();
  const announced = (text) => chart.getByTestId('chart-announcement').filter({ hasText: text }).waitFor({ state: 'attached', timeout: 2000 });
  await chart.getByTestId('chart-canvas').focus();
  await announced(/Start of the period: 43\.5%/);
  await page.keyboard.press('ArrowRight');
  await announced(/Latest: 52\.3%/);
  await chart.getByText('Show as table').click();
  assert.equal(await chart.locator('tbody tr').count(), 2);
  // Sharing: the clipboard is refused in a sandbox; the dialog says so and keeps the link.
  await chart.getByTestId('share-chart').click();
  const dialog = frame.getByTestId('share-dialog');
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByTestId('copy-link').click();
  await frame.getByText('Copying is not allowed here').waitFor();
  assert.match(await dialog.getByTestId('share-link').inputValue(), /\?chart=livelihood-share#chart-livelihood-share$/);
  await followsContent(page, '#report', 3000);
  // Chromium logs the refused clipboard itself; the report handles it (above).
  assert.deepEqual(errors.filter((e) => !/Clipboard API has been blocked/.test(e)), []);
  await page.close();
});
