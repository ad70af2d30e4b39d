// End-to-end: the release dist/, served with the strict CSP, read in Chromium like a reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReport, openReport, KEY_FIGURES } from './browser.mjs';

const shared = useReport();

test('every key figure is visible, and a card shows its source sentence', async () => {
  const { page, problems } = await openReport(shared.browser, shared.server.en);
  const cards = page.getByTestId('figure-card');
  assert.equal(await cards.count(), KEY_FIGURES.length);
  for (const figure of KEY_FIGURES) {
    await assert.doesNotReject(page.getByText(figure, { exact: true }).first().waitFor({ state: 'visible', timeout: 2000 }), figure);
  }
  const card = page.locator('[data-figure="services.school_places"]');
  const quote = card.getByTestId('source-quote');
  assert.equal(await quote.isVisible(), false, 'the source is closed at first');
  await card.getByTestId('figure-source-toggle').click();
  await quote.waitFor({ state: 'visible' });
  const text = await quote.innerText();
  assert.match(text, /Focusing on the two areas of greatest public concern/);
  assert.equal(await quote.locator('mark').innerText(), 'adding 7,070 school places');
  // The link goes to that sentence in the source text, which is marked as cited.
  await quote.getByTestId('source-link').click();
  const target = page.locator('.sentence:target');
  await target.waitFor();
  assert.match(await target.innerText(), /adding 7,070 school places/);
  assert.match(await target.getAttribute('class'), /cited/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the source text is shown in full, with the cut-off end marked', async () => {
  const { page, problems } = await openReport(shared.browser, shared.server.en);
  const body = await page.getByTestId('source-text').locator('.source-body').innerText();
  assert.match(body, /^This morning, the Municipal Government Information Office/);
  assert.match(body, /with the digital economy as the core leading sector; «AI/);
  await page.getByTestId('source-cut').waitFor({ state: 'visible' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('the wasm hydrates the page without replacing a node, under the strict CSP, with a clean console', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.en);
  const result = await hydration();
  assert.equal(result.ready, true, 'the app hydrated');
  const islands = await page.evaluate(() => [document.getElementById('app').dataset.islands, document.querySelectorAll('[data-island]').length]);
  assert.ok(islands[1] > 30, `${islands[1]} islands on the page`);
  assert.equal(Number(islands[0]), islands[1], 'every island on the page is hydrated');
  assert.equal(result.sameCard, true, 'the first card is the very node the server sent');
  assert.deepEqual(result.removed, [], 'hydration removed no node');
  assert.deepEqual(result.added, [], 'hydration added no node');
  assert.deepEqual(result.violations, [], 'no CSP violation');
  const shift = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => list.getEntries().forEach((e) => (total += e.hadRecentInput ? 0 : e.value)))
          .observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 200);
      }),
  );
  assert.equal(shift, 0, 'nothing moves when the wasm starts (cumulative layout shift)');
  // The control that needs the wasm works once ready.
  const toggle = page.getByTestId('toggle-sources');
  assert.equal(await toggle.isEnabled(), true);
  await toggle.click();
  assert.equal(await page.locator('.card details[open]').count(), KEY_FIGURES.length);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await page.close();
});

test('with JavaScript off the page shows the same text and every figure', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const off = await context.newPage();
  await off.goto(shared.server.en);
  for (const figure of KEY_FIGURES) {
    assert.equal(await off.getByText(figure, { exact: true }).first().isVisible(), true, figure);
  }
  assert.equal(await off.getByTestId('toggle-sources').isVisible(), false, 'controls that need JavaScript are hidden');
  const textOff = await off.locator('#app').textContent();
  await context.close();

  const { page, hydration } = await openReport(shared.browser, shared.server.en);
  await hydration();
  const textOn = await page.locator('#app').textContent();
  assert.equal(textOn, textOff);
  await page.close();
});

test('no horizontal scrolling from 320 px to 2560 px', async () => {
  for (const width of [320, 375, 768, 1280, 2560]) {
    const { page, hydration } = await openReport(shared.browser, shared.server.en, { width, height: 900 });
    await hydration();
    await page.locator('details').evaluateAll((all) => all.forEach((d) => (d.open = true)));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `horizontal overflow at ${width}px`);
    await page.close();
  }
});

test('when the wasm cannot load, the report stays readable and says so', async () => {
  const { page } = await openReport(shared.browser, shared.server.en, { blockWasm: true });
  await page.waitForFunction(() => document.documentElement.classList.contains('wasm-failed'));
  assert.equal(await page.getByTestId('wasm-failed-note').isVisible(), true);
  assert.equal(await page.getByText('421,000', { exact: true }).isVisible(), true);
  await page.close();
});

test('when the wasm fails while starting, the page stays readable and says what happened', async () => {
  // A page whose pre-rendered markup no longer matches the app (text inside an island, where
  // a hand-edited page or a proxy might put it): hydration cannot succeed.
  const context = await shared.browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  await page.route((url) => url.pathname.endsWith('/en.html'), async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(/(<div[^>]*data-island="display-controls"[^>]*>)/, '$1Display: ');
    await route.fulfill({ response, body: html });
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(shared.server.en);
  await page.waitForFunction(
    () => document.querySelector('[data-testid="crash-notice"]') || document.documentElement.classList.contains('wasm-failed'),
    null,
    { timeout: 10000 },
  );
  const notice = page.locator('[data-testid="crash-notice"], [data-testid="wasm-failed-note"]').filter({ visible: true });
  assert.equal(await notice.count(), 1, 'one clear message');
  assert.equal(await page.getByText('7,070', { exact: true }).first().isVisible(), true, 'the report is still there');
  await context.close();
});
