// End-to-end: the controls a reader uses, each tested by what it does (Chromium). The large
// text and dark mode toggles (their page, their address, their charts, and their persistence
// across a language switch), the keys that move backwards, the QR code decoded to exactly the
// shared link, and "Copy embed code".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { useReport, openReport } from './browser.mjs';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');
// The tests' own pixel reads make Chromium suggest willReadFrequently; that is not the report's.
const own = (problems) => problems.filter((p) => !/willReadFrequently/.test(p));
const shared = useReport();
// The dark palette's chart background (src/charts/style.rs DARK.background), as the README
// promises the charts redraw in the theme's palette.
const DARK_CHART = [20, 24, 29];

/** The colour of a chart canvas's top-left pixel (its background). */
const chartBackground = (page, chart) =>
  page.locator(`[data-chart="${chart}"] .chart-canvas`).evaluate((c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)]);

test('"Large text" enlarges the page and its charts, is in the address, and is undone by a second press', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.en);
  await hydration();
  const chart = page.locator('[data-chart="education"] .chart-frame');
  await chart.scrollIntoViewIfNeeded();
  const before = { body: await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize)), chart: (await chart.boundingBox()).height };
  const toggle = page.getByTestId('toggle-large');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await page.locator('html[data-mode="large"]').waitFor({ state: 'attached' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.match(page.url(), /[?&]mode=large/);
  const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(body >= 18 && body > before.body, `body text ${before.body} → ${body} px`);
  // The chart reflows taller for its larger text (not a zoom of the same drawing).
  await page.waitForFunction((h) => document.querySelector('[data-chart="education"] .chart-frame').getBoundingClientRect().height > h * 1.2, before.chart);
  await toggle.click();
  await page.locator('html:not([data-mode])').waitFor({ state: 'attached' });
  assert.doesNotMatch(page.url(), /mode=/);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await page.waitForFunction((h) => Math.abs(document.querySelector('[data-chart="education"] .chart-frame').getBoundingClientRect().height - h) < 2, before.chart);
  assert.deepEqual(own(problems), []);
  await page.close();
});

test('"Dark mode" darkens the page and redraws the charts in the dark palette; the address keeps it', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.en);
  await hydration();
  await page.locator('[data-chart="livelihood-share"] .chart-frame.canvas-ready').waitFor();
  assert.deepEqual(await chartBackground(page, 'livelihood-share'), [255, 255, 255], 'light first');
  await page.getByTestId('toggle-dark').click();
  await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });
  assert.match(page.url(), /[?&]theme=dark/);
  await page.waitForFunction((dark) => {
    const c = document.querySelector('[data-chart="livelihood-share"] .chart-canvas');
    return c.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3).join() === dark.join();
  }, DARK_CHART);
  const page_bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(page_bg, 'rgb(255, 255, 255)', 'the page is dark too');
  await page.getByTestId('toggle-dark').click();
  await page.locator('html[data-theme="light"]').waitFor({ state: 'attached' });
  assert.match(page.url(), /[?&]theme=light/);
  assert.deepEqual(own(problems), []);
  await page.close();
});

test('the reading mode and theme stay through the in-place language switch', async () => {
  const { page, hydration } = await openReport(shared.browser, `${shared.server.en}?mode=large&theme=dark`);
  await hydration();
  await page.getByTestId('toggle-lang').click();
  await page.locator('html[lang="zh-CN"]').waitFor({ state: 'attached' });
  await page.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await page.locator('html').getAttribute('data-mode'), 'large');
  assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
  assert.equal(await page.getByTestId('toggle-large').getAttribute('aria-pressed'), 'true');
  assert.equal(await page.getByTestId('toggle-dark').getAttribute('aria-pressed'), 'true');
  const url = new URL(page.url());
  assert.deepEqual([url.searchParams.get('lang'), url.searchParams.get('mode'), url.searchParams.get('theme')], ['zh', 'large', 'dark']);
  await page.close();
});

test('ArrowLeft and ArrowUp move backwards in a chart and on the timeline', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en);
  await hydration();
  const chart = page.locator('[data-chart="housing-renewal"]');
  await chart.locator('.chart-frame.canvas-ready').waitFor();
  const said = () => chart.getByTestId('chart-announcement').textContent();
  await chart.getByTestId('chart-canvas').focus();
  // The first value, then the third, then back one at a time with either key.
  await page.waitForFunction(() => /1 of 5/.test(document.querySelector('[data-chart="housing-renewal"] [data-testid="chart-announcement"]').textContent));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /3 of 5/.test(document.querySelector('[data-chart="housing-renewal"] [data-testid="chart-announcement"]').textContent));
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => /2 of 5/.test(document.querySelector('[data-chart="housing-renewal"] [data-testid="chart-announcement"]').textContent));
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => /1 of 5/.test(document.querySelector('[data-chart="housing-renewal"] [data-testid="chart-announcement"]').textContent));
  assert.match(await said(), /^421,000 m²|Old housing/);

  const pressed = () => page.locator('[data-testid="milestone-button"][aria-pressed="true"]').evaluate((b) => b.closest('[data-milestone]').dataset.milestone);
  await page.locator('[data-milestone="m2024"] [data-testid="milestone-button"]').click();
  assert.equal(await pressed(), 'm2024');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.querySelector('[data-milestone="m2023"] [aria-pressed="true"]'));
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('[data-milestone="m2022"] [aria-pressed="true"]'));
  assert.equal(await pressed(), 'm2022');
  assert.match(page.url(), /milestone=2022/);
  await page.close();
});

test('the QR code decodes to exactly the shared link, and "Copy embed code" copies the embed code', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await hydration();
  const chart = page.locator('[data-chart="education"]');
  await chart.getByTestId('share-chart').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.waitFor({ state: 'visible' });
  const link = await dialog.getByTestId('share-link').inputValue();
  assert.match(link, /\?chart=education#chart-education$/, 'the link is the chart view');
  // The QR canvas's pixels, decoded here by jsQR (npm), as a phone's camera would.
  await page.waitForFunction(() => document.querySelector('[data-testid="share-qr"]')?.width > 0);
  const pixels = await page.getByTestId('share-qr').evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    return { data: [...d.data], width: d.width, height: d.height };
  });
  const code = jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height);
  assert.ok(code, 'the QR code can be read');
  const decoded = code.data;
  assert.equal(decoded, link, 'the QR code carries the shared view, not the bare report');

  await dialog.getByTestId('copy-embed').click();
  await dialog.getByTestId('share-status').filter({ hasText: 'Embed code copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await dialog.getByTestId('embed-code').inputValue());
  assert.match(copied, /<iframe src="[^"]*[?;]embed=chart:education[^"]*"/);
  await page.close();
});
