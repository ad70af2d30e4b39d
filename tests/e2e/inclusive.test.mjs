// End-to-end: inclusive reading. axe-core finds no violation in light and dark, standard and
// large; large text is large (and so are the charts'); print hides the controls and keeps
// every chart and source; every control is reachable with Tab; read-aloud speaks and stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { useReport, drawAll, openReport } from './browser.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

const shared = useReport();

for (const lang of ['zh', 'en']) {
  for (const theme of ['light', 'dark']) {
    for (const mode of ['standard', 'large']) {
    test(`axe-core: no violations in ${lang} ${theme} ${mode}`, async () => {
      const query = `?theme=${theme}${mode === 'large' ? '&mode=large' : ''}`;
      // Each language in a browser that asks for it: its own page, no redirect.
      const url = (lang === 'zh' ? shared.server.url : shared.server.en) + query;
      const { page, hydration } = await openReport(shared.browser, url, { width: 1280, height: 900, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
      assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
      await hydration();
      await drawAll(page);
      // Open what a reader can open, so axe checks it too.
      await page.locator('details').evaluateAll((all) => all.forEach((d) => (d.open = true)));
      // Injected through DevTools: the page's own CSP forbids inline script.
      await page.evaluate(fs.readFileSync(AXE, 'utf8'));
      const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const violations = result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(violations, []);
      await page.close();
    });
    }
  }
}

test('large mode: body text ≥ 18 px, figures ≥ 30 px, touch targets ≥ 60 px, larger chart text', async () => {
  const sizes = async (query) => {
    const { page, hydration } = await openReport(shared.browser, shared.server.en + query, { width: 1280, height: 900 });
    await hydration();
    await drawAll(page);
    const css = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.querySelector('.source-body')).fontSize),
      figure: parseFloat(getComputedStyle(document.querySelector('.card-number')).fontSize),
      lineHeight: parseFloat(getComputedStyle(document.querySelector('.source-body')).lineHeight) / parseFloat(getComputedStyle(document.querySelector('.source-body')).fontSize),
      smallestTarget: Math.min(...[...document.querySelectorAll('main button:not(.hidden), main summary')].filter((b) => b.offsetParent).map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height))),
    }));
    // Chart text: the sizes of the texts the chart drew (CSS px, by role), from its canvas.
    const chart = await page.locator('[data-chart="livelihood-share"] [data-testid="chart-canvas"]').evaluate((c) => {
      const least = {};
      for (const box of c.dataset.textBoxes.split(';')) {
        const [, , , , size, role] = box.split(' ');
        least[role] = Math.min(least[role] ?? Infinity, Number(size));
      }
      return least;
    });
    await page.close();
    return { ...css, chartText: chart };
  };
  const standard = await sizes('?theme=light');
  const large = await sizes('?theme=light&mode=large');
  assert.ok(large.body >= 18, `body ${large.body}px`);
  assert.ok(large.figure >= 30, `figures ${large.figure}px`);
  assert.ok(large.lineHeight >= 1.3, `line height ${large.lineHeight}`);
  assert.ok(large.smallestTarget >= 60, `smallest control ${large.smallestTarget}px`);
  // The README: chart labels and values at least 18 CSS px in large mode, ticks 16.
  assert.ok(large.chartText.axis >= 16 && large.chartText.axis > standard.chartText.axis * 1.15, `chart ticks ${standard.chartText.axis} → ${large.chartText.axis} px`);
  assert.ok(large.chartText.label >= 18 && large.chartText.value >= 18, `chart labels ${large.chartText.label} px, values ${large.chartText.value} px`);
});

test('print: no controls, every chart as a vector image, every source sentence kept', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  await drawAll(page);
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      // Milestone buttons print as what they are, a date and a title.
      controls: [...document.querySelectorAll('button:not(.timeline-button), summary, nav')].filter(visible).map((e) => e.textContent.trim().slice(0, 30)),
      charts: [...document.querySelectorAll('.chart-svg-wide svg')].filter(visible).length,
      canvases: [...document.querySelectorAll('.chart-canvas')].filter(visible).length,
      quotes: [...document.querySelectorAll('.card .source-quote')].filter(visible).length,
      cards: document.querySelectorAll('.card').length,
    };
  });
  assert.deepEqual(printed.controls, [], 'no controls');
  assert.equal(printed.charts, 5, 'every chart, as SVG');
  assert.equal(printed.canvases, 0);
  assert.equal(printed.quotes, printed.cards, 'every card prints its source sentence');
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 50_000, `a PDF of ${pdf.length} bytes`);
  await page.close();
});

test('every interactive element is reachable with Tab, in order, with a visible focus', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  const expected = await page.evaluate(() =>
    [...document.querySelectorAll('a[href], button:not([disabled]), summary, [tabindex="0"]')]
      .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden' && !el.closest('dialog') && !el.closest('[inert]'))
      .filter((el) => !(el.matches('.timeline-button') && el.tabIndex < 0))
      // Inside a closed <details> only its summary can be reached, as it should be.
      .filter((el) => { const d = el.closest('details:not([open])'); return !d || el === d.querySelector('summary'); }).length,
  );
  const seen = new Set();
  let noOutline = 0;
  for (let i = 0; i < expected + 5; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      el.dataset.tabSeen = el.dataset.tabSeen || String(Math.random());
      const style = getComputedStyle(el);
      return { key: el.dataset.tabSeen, outline: style.outlineStyle !== 'none' || style.boxShadow !== 'none' };
    });
    if (!info) continue;
    seen.add(info.key);
    if (!info.outline) noOutline++;
  }
  assert.ok(seen.size >= expected, `reached ${seen.size} of ${expected} controls`);
  assert.equal(noOutline, 0, 'each focused control shows its focus');
  await page.close();
});

test('read aloud speaks a section and a chart in the page language, and stops', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__spoken = [];
    const fake = {
      speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); fake.current = u; },
      cancel() { window.__spoken.push({ cancel: true }); },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: fake, configurable: true });
  });
  const page = await context.newPage();
  await page.goto(shared.server.en);
  await page.waitForSelector('#app[data-ready="true"]');
  const read = page.locator('#services .section-heading [data-testid="read-aloud"]');
  await read.click();
  assert.equal(await read.getAttribute('aria-pressed'), 'true');
  assert.equal(await read.textContent(), 'Stop reading');
  let spoken = await page.evaluate(() => window.__spoken.filter((s) => s.text));
  assert.equal(spoken.length, 1);
  assert.match(spoken[0].text, /^Public services\. Continuously improving/);
  assert.match(spoken[0].text, /School places added: 7,070 school places\./);
  assert.doesNotMatch(spoken[0].text, /Share this section|Show as table|Read aloud/, 'controls are not read');
  assert.equal(spoken[0].lang, 'en');
  const before = await page.evaluate(() => window.__spoken.length);
  await read.click();
  assert.equal(await read.getAttribute('aria-pressed'), 'false');
  // "Stop reading" stops the speech: the synthesis is cancelled after the text was spoken.
  const afterStop = await page.evaluate((n) => window.__spoken.slice(n), before);
  assert.ok(afterStop.some((s) => s.cancel), `Stop cancels the speech (${JSON.stringify(afterStop)})`);
  const chartRead = page.locator('[data-chart="education"] [data-testid="read-aloud"]');
  await chartRead.click();
  spoken = await page.evaluate(() => window.__spoken.filter((s) => s.text));
  assert.match(spoken.at(-1).text, /^New schools and school places\. 14 new schools added 7,070 school places\. Squares: 14 schools were built/);
  // The speech ends by itself: the button is ready again.
  await page.evaluate(() => window.speechSynthesis.current.dispatchEvent(new Event('end')));
  await page.waitForFunction(() => document.querySelector('[data-chart="education"] [data-testid="read-aloud"]').getAttribute('aria-pressed') === 'false');

  // In Chinese, the Chinese text in a zh-CN voice.
  await page.goto(`${shared.server.url}?lang=zh`);
  await page.waitForSelector('#app[data-ready="true"]');
  await page.locator('#services .section-heading [data-testid="read-aloud"]').click();
  spoken = await page.evaluate(() => window.__spoken.filter((s) => s.text));
  assert.equal(spoken.at(-1).lang, 'zh-CN');
  assert.match(spoken.at(-1).text, /^公共服务。/);
  assert.match(spoken.at(-1).text, /新增学位：7070个学位。/);
  await context.close();

  // Without speech synthesis the buttons are not there.
  const bare = await shared.browser.newContext();
  await bare.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true }));
  const page2 = await bare.newPage();
  await page2.goto(shared.server.en);
  await page2.waitForSelector('#app[data-ready="true"]');
  assert.equal(await page2.getByTestId('read-aloud').first().isVisible(), false);
  await bare.close();
});
