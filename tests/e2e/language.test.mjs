// End-to-end: the two languages. The report opens in the language the link or the browser
// asks for, switches at any time without a reload (charts included), and every visible
// string changes; source quotes stay English and are marked so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReport, drawAll, openReport } from './browser.mjs';

const shared = useReport();

// Visible text outside elements marked with another language: what a reader of `lang` reads.
function visibleTexts(lang) {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent.trim();
    const el = node.parentElement;
    if (!text || !el || el.closest('script, style, noscript, [hidden], .hidden')) continue;
    const marked = el.closest('[lang]');
    if (marked && marked.getAttribute('lang').slice(0, 2) !== lang) continue;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const hiddenVisually = el.closest('.visually-hidden');
    if (!hiddenVisually && (box.width === 0 || style.visibility === 'hidden' || style.display === 'none')) continue;
    out.push(text);
  }
  return out;
}

// Attributes a screen reader speaks.
function spokenAttributes(lang) {
  return [...document.querySelectorAll('[aria-label], [title]')]
    .filter((el) => { const m = el.closest('[lang]'); return !m || m.getAttribute('lang').slice(0, 2) === lang; })
    .flatMap((el) => [el.getAttribute('aria-label'), el.getAttribute('title')].filter(Boolean));
}

const latinWords = (texts) => texts.flatMap((t) => t.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !['CSV', 'SVG', 'PNG', 'JSON', 'Esc'].includes(w));
const han = (texts) => texts.filter((t) => /[\u4e00-\u9fff]/.test(t));

test('a Chinese browser gets the Chinese report at the address, with Chinese numbers and dates', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.url, { locale: 'zh-CN' });
  const state = await hydration();
  assert.equal(state.sameCard, true, 'hydrated in place');
  assert.equal(new URL(page.url()).pathname, '/', 'no redirect');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.match(await page.title(), /杨浦区/);
  for (const value of ['42.1万', '2万余', '超过40%', '7070']) {
    assert.equal(await page.getByTestId('figure-value').filter({ hasText: value }).count(), 1, value);
  }
  assert.equal(await page.locator('#milestone-m2019 time').textContent(), '2019年11月');
  assert.equal(await page.locator('#milestone-m2024 time').textContent(), '2024年');
  assert.equal(await page.getByTestId('concept-zh').textContent(), '“人民城市人民建，人民城市为人民”');
  // Quotes from the source stay English, marked so, with the Chinese beside them.
  const quotes = await page.locator('blockquote').evaluateAll((all) => all.map((q) => q.getAttribute('lang')));
  assert.ok(quotes.length > 20 && quotes.every((l) => l === 'en'), 'every source quote is lang="en"');
  assert.equal(await page.locator('.source-body').getAttribute('lang'), 'en');
  assert.deepEqual(latinWords(await page.evaluate(visibleTexts, 'zh')), [], 'no English outside lang="en"');
  assert.deepEqual(problems, []);
  await page.close();
});

test('an English browser at the address lands on the English page before anything is drawn', async () => {
  const { page, hydration } = await openReport(shared.browser, `${shared.server.url}?section=services#services`, { locale: 'en-GB' });
  await hydration();
  const url = new URL(page.url());
  assert.equal(url.pathname, '/en.html');
  assert.equal(url.search, '?section=services', 'the view comes along');
  assert.equal(url.hash, '#services');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByTestId('figure-value').filter({ hasText: '421,000' }).count(), 1);
  // ?lang= wins over the browser.
  await page.goto(`${shared.server.en}?lang=zh`);
  await page.waitForSelector('#app[data-ready="true"]');
  assert.equal(new URL(page.url()).pathname, '/');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  await page.close();
});

test('switching language changes every visible string, charts included, without a reload', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  await drawAll(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const before = await page.evaluate(visibleTexts, 'en');
  const labelBefore = await page.locator('[data-chart="education"] [data-testid="chart-canvas"]').getAttribute('aria-label');
  const pixelsBefore = await page.locator('[data-chart="education"] [data-testid="chart-canvas"]').evaluate((c) => c.toDataURL());
  assert.ok(before.length > 100);

  await page.getByTestId('toggle-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  await drawAll(page);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.equal(new URL(page.url()).searchParams.get('lang'), 'zh', 'the link keeps the language');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'toggle-lang', 'focus stays on the switch');
  const after = await page.evaluate(visibleTexts, 'zh');
  assert.deepEqual(latinWords(after), [], 'every visible string is Chinese');
  assert.deepEqual(latinWords(await page.evaluate(spokenAttributes, 'zh')), [], 'every label a screen reader speaks is Chinese');
  assert.ok(after.length > 100 && han(after).length > 100);
  const canvas = page.locator('[data-chart="education"] [data-testid="chart-canvas"]');
  const labelAfter = await canvas.getAttribute('aria-label');
  assert.notEqual(labelAfter, labelBefore);
  assert.match(labelAfter, /新建14所学校/);
  assert.notEqual(await canvas.evaluate((c) => c.toDataURL()), pixelsBefore, 'the chart is redrawn in Chinese');
  assert.equal(await page.title(), '杨浦区：人民城市建设五年（2021—2025年）', 'the Chinese page\'s own title');
  // Printed now, every chart is an SVG the Chinese page drew, in Chinese.
  await page.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((c) => {
    const svg = [...c.querySelectorAll('.chart-svg')].find((s) => s.getBoundingClientRect().height > 0);
    return { svg: Boolean(svg), chinese: /[\u4e00-\u9fff]/.test(svg?.textContent ?? '') };
  }));
  assert.ok(printed.length >= 5);
  assert.deepEqual(printed, printed.map(() => ({ svg: true, chinese: true })));
  await page.emulateMedia({ media: 'screen' });

  // And back: no Chinese left outside the elements marked Chinese.
  await page.getByTestId('toggle-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await drawAll(page);
  assert.deepEqual(han(await page.evaluate(visibleTexts, 'en')), []);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no reload');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the switch keeps the reader\'s view, and goes to the other page when it cannot fetch it', async () => {
  const { page, hydration } = await openReport(shared.browser, `${shared.server.en}?milestone=2022&theme=dark`, { width: 1280, height: 900 });
  await hydration();
  const pressed = () => page.evaluate(() => document.querySelector('[data-milestone="m2022"] [data-testid="milestone-button"]').getAttribute('aria-pressed'));
  assert.equal(await pressed(), 'true');
  await page.getByTestId('toggle-lang').click();
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.getElementById('app').dataset.ready === 'true');
  assert.equal(await pressed(), 'true', 'the milestone is still selected');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  const params = new URL(page.url()).searchParams;
  assert.deepEqual([params.get('milestone'), params.get('theme'), params.get('lang')], ['2022', 'dark', 'zh']);
  assert.equal(await page.evaluate(() => document.getElementById('app').dataset.islands), String(await page.locator('[data-island]').count()));

  // Offline (or in a sandbox): the other page cannot be fetched, so the browser goes there.
  await page.route((url) => url.pathname.endsWith('/en.html'), (route) => (route.request().resourceType() === 'fetch' ? route.abort() : route.continue()));
  await page.evaluate(() => (window.__samePage = true));
  await page.getByTestId('toggle-lang').click();
  await page.waitForURL(/en\.html\?.*lang=en/);
  await page.waitForFunction(() => document.getElementById('app')?.dataset.ready === 'true');
  const url = new URL(page.url());
  assert.deepEqual([url.searchParams.get('milestone'), url.searchParams.get('lang')], ['2022', 'en']);
  assert.equal(await page.evaluate(() => window.__samePage), undefined, 'a new page');
  assert.equal(await pressed(), 'true', 'at the same view');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.close();
});

test('without JavaScript the language switch is a link to the other page', async () => {
  const context = await shared.browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.getByTestId('toggle-lang').click();
  await page.waitForURL(/en\.html/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByTestId('figure-value').filter({ hasText: '421,000' }).count(), 1);
  await context.close();
});

test('the Chinese report fits a 320 px phone, in standard and large mode', async () => {
  for (const query of ['', '?mode=large']) {
    const { page, hydration } = await openReport(shared.browser, shared.server.url + query, { width: 320, height: 800, locale: 'zh-CN' });
    await hydration();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, `horizontal overflow in ${query || 'standard'} mode`);
    await page.close();
  }
});
