// End-to-end: links that reopen the exact view, back and forward, the timeline by keyboard,
// sharing, and bad links that still open the report.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReport, openReport } from './browser.mjs';

const shared = useReport();

/** Distance of an element's top from the top of the viewport. */
const topOf = (page, selector) => page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);

test('a link with each parameter opens that view', async () => {
  const cases = [
    ['?section=services', '#services'],
    ['?chart=education', '#chart-education'],
    ['?milestone=2024', '#milestone-m2024'],
    ['?section=source', '#source'],
  ];
  for (const [query, selector] of cases) {
    const { page, hydration, problems } = await openReport(shared.browser, shared.server.en + query, { width: 1280, height: 800 });
    await hydration();
    await page.waitForTimeout(300);
    const top = await topOf(page, selector);
    assert.ok(top > -5 && top < 120, `${query}: ${selector} is at the top of the view (${top})`);
    assert.equal(await page.evaluate(() => location.search), query, `${query}: the address keeps the view`);
    assert.deepEqual(problems, []);
    await page.close();
  }
  // The milestone is selected, and the housing chart lights up its goal.
  const { page, hydration } = await openReport(shared.browser, shared.server.en + '?milestone=2024', { width: 1280, height: 800 });
  await hydration();
  assert.equal(await page.locator('#milestone-m2024-button').getAttribute('aria-pressed'), 'true');
  const housing = page.locator('[data-chart="housing-renewal"]');
  await housing.scrollIntoViewIfNeeded();
  await housing.getByTestId('chart-tooltip').waitFor();
  assert.equal(await housing.locator('.tooltip-value').textContent(), '2024');
  await page.close();

  // Language, theme and mode round-trip; embed shows only its part.
  const views = await openReport(shared.browser, shared.server.en + '?lang=en&theme=dark&mode=large', { width: 1280, height: 800 });
  await views.hydration();
  assert.equal(await views.page.evaluate(() => location.search), '?lang=en&theme=dark&mode=large');
  assert.equal(await views.page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await views.page.evaluate(() => document.documentElement.dataset.mode), 'large');
  await views.page.close();

  const embed = await openReport(shared.browser, shared.server.en + '?embed=chart:education', { width: 600, height: 800 });
  await embed.hydration();
  assert.equal(await embed.page.getByTestId('masthead').isVisible(), false, 'no site header when embedded');
  assert.equal(await embed.page.locator('[data-chart="education"]').isVisible(), true);
  const visibleCharts = await embed.page.locator('[data-testid="chart"]').evaluateAll((all) => all.filter((c) => c.offsetParent).length);
  assert.equal(visibleCharts, 1, 'only the embedded chart');
  assert.equal(await embed.page.getByTestId('figure-card').first().isVisible(), false);
  await embed.page.close();
});

test('a malformed link still opens the report, and nothing from it reaches the page as HTML', async () => {
  const query = '?section=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&chart=%E0%A4%A&milestone=1999&lang=fr&embed=chart:%3Cb%3E&theme=%22%3E%3Cscript%3Ealert(2)%3C/script%3E&&=&%%%';
  const { page, hydration, problems } = await openReport(shared.browser, shared.server.en + query, { width: 375, height: 800 });
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const result = await hydration();
  assert.equal(result.ready, true, 'the report starts');
  assert.equal(dialogs, 0, 'no script ran');
  assert.equal(await page.locator('img[src="x"], main script, b:not(main b)').count(), 0, 'nothing injected');
  assert.equal(await page.getByTestId('masthead').isVisible(), true, 'the full report, not an embed');
  assert.equal(await page.getByText('421,000', { exact: true }).isVisible(), true);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  // The bad parameters are dropped from the address; the warnings say why.
  assert.equal(await page.evaluate(() => location.search), '');
  assert.deepEqual(problems.filter((p) => !p.startsWith('console warning: Ignored')), []);
  await page.close();
});

test('back and forward restore the view; moving within it adds no history entry', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 800 });
  await hydration();
  const start = await page.evaluate(() => history.length);
  await page.locator('#milestone-m2022-button').click();
  await page.locator('#milestone-m2024-button').click();
  assert.equal(await page.evaluate(() => location.search), '?milestone=2024');
  assert.equal(await page.evaluate(() => history.length), start + 2, 'a chosen milestone is a new entry');
  await page.goBack();
  await page.waitForFunction(() => location.search === '?milestone=2022');
  await page.waitForFunction(() => document.querySelector('#milestone-m2022-button').getAttribute('aria-pressed') === 'true');
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('#milestone-m2024-button').getAttribute('aria-pressed') === 'true');
  // Focusing a chart updates the address in place.
  const before = await page.evaluate(() => history.length);
  await page.locator('[data-chart="livelihood-share"] [data-testid="chart-canvas"]').focus();
  await page.waitForFunction(() => location.search.includes('chart=livelihood-share'));
  assert.equal(await page.evaluate(() => history.length), before, 'no new entry');
  await page.close();
});

test('the keyboard walks the timeline; the selection is announced and focus stays visible', async () => {
  const { page, hydration, problems } = await openReport(shared.browser, shared.server.en, { width: 375, height: 800 });
  await hydration();
  const first = page.locator('#milestone-m2019-button');
  await page.locator('#milestones .section-help').scrollIntoViewIfNeeded();
  await first.focus();
  await page.keyboard.press('Enter');
  const announcement = page.getByTestId('timeline-announcement');
  assert.match(await announcement.textContent(), /^November 2019: .*Milestone 1 of 6\.$/);
  await page.keyboard.press('ArrowRight');
  assert.match(await announcement.textContent(), /^2021: The 14th Five-Year Plan period starts\. Milestone 2 of 6\.$/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'milestone-m2021-button');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'milestone-m2025-button');
  assert.match(await announcement.textContent(), /Milestone 6 of 6/);
  await page.keyboard.press('Home');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'milestone-m2019-button');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'focus is visible');
  // Tab leaves the timeline from its one tab stop.
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement.dataset.testid), 'milestone-button');
  assert.deepEqual(problems, []);
  await page.close();
});

test('share: the dialog gives the link, copies it, shows a QR code and the embed code', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shared.server.en).origin });
  const page = await context.newPage();
  await page.goto(shared.server.en);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.locator('#services').getByTestId('share-section').click();
  const dialog = page.getByTestId('share-dialog');
  await dialog.waitFor({ state: 'visible' });
  const link = await dialog.getByTestId('share-link').inputValue();
  assert.equal(link, `${shared.server.en}?section=services#services`);
  await dialog.getByTestId('copy-link').click();
  await page.getByText('Link copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const qr = await dialog.getByTestId('share-qr').evaluate((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
    return { w: c.width, dark: dark / (data.length / 4) };
  });
  assert.ok(qr.w >= 200 && qr.dark > 0.2 && qr.dark < 0.6, `a QR code is drawn: ${JSON.stringify(qr)}`);
  const snippet = await dialog.getByTestId('embed-code').inputValue();
  assert.match(snippet, /^<iframe src="[^"]+\?lang=en&amp;embed=section:services" title="Yangpu District: Public services" loading="lazy" allow="clipboard-write; web-share"/);
  assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  // Opening the shared link reopens that view.
  const again = await context.newPage();
  await again.goto(link);
  await again.waitForSelector('#app[data-ready="true"]');
  await again.waitForTimeout(300);
  const top = await again.locator('#services').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top > -5 && top < 120);
  await context.close();
});

test('every embed form shows its part; the social preview is a 1200×630 PNG drawn at build time', async () => {
  const cases = [
    ['?embed', ['#key-figures', '#housing', '#milestones', '#source']],
    ['?embed=report', ['#key-figures', '#source']],
    ['?embed=timeline', ['#milestones']],
    ['?embed=section:innovation', ['#innovation']],
  ];
  for (const [query, shown] of cases) {
    const { page, hydration } = await openReport(shared.browser, shared.server.en + query, { width: 600, height: 800 });
    await hydration();
    assert.equal(await page.getByTestId('masthead').isVisible(), false, `${query}: no header`);
    const visible = await page.locator('main > section').evaluateAll((all) => all.filter((s) => s.offsetParent).map((s) => '#' + s.id));
    if (query === '?embed' || query === '?embed=report') {
      for (const id of shown) assert.ok(visible.includes(id), `${query}: ${id} shown`);
    } else {
      assert.deepEqual(visible, shown, `${query}: only ${shown}`);
    }
    await page.close();
  }
  const { page } = await openReport(shared.browser, shared.server.en, { width: 600, height: 800 });
  const image = await page.locator('meta[property="og:image"]').getAttribute('content');
  assert.equal(await page.locator('meta[name="twitter:card"]').getAttribute('content'), 'summary_large_image');
  const png = Buffer.from(await (await fetch(new URL(image, shared.server.en))).arrayBuffer());
  assert.equal(png.subarray(1, 4).toString(), 'PNG');
  assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1200, 630]);
  await page.close();
});

test('with reduced motion the charts draw once, finished; otherwise they grow in as they come into view', async () => {
  const draws = async (reducedMotion) => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 700 }, reducedMotion });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__draws = 0;
      new PerformanceObserver((l) => (window.__draws += l.getEntries().filter((e) => e.name === 'yangpu:chart-draw').length)).observe({ entryTypes: ['measure'] });
    });
    await page.goto(shared.server.en);
    await page.waitForSelector('#app[data-ready="true"]');
    const chart = page.locator('[data-chart="innovation-awards"]');
    await chart.scrollIntoViewIfNeeded();
    await chart.locator('.chart-frame.canvas-ready').waitFor();
    await page.waitForTimeout(800);
    const n = await page.evaluate(() => window.__draws);
    await context.close();
    return n;
  };
  const still = await draws('reduce');
  const moving = await draws('no-preference');
  assert.ok(still <= 6, `one draw per chart when motion is reduced (${still})`);
  assert.ok(moving > still + 5, `an entrance animation otherwise (${moving} draws)`);
});
