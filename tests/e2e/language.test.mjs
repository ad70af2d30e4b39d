// End-to-end: the two languages, in every engine (Chromium, Firefox ESR, WebKitGTK; see
// engines.mjs). The report opens in the language the link or the browser asks for, switches
// at any time without a reload (charts included), and every visible string changes; source
// quotes stay English and are marked so. Each test's name starts with its engine; what an
// engine's driver cannot do is said in the test's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, useEngines, compileLocales } from './engines.mjs';

// WebKitGTK's language is the process locale's: compiled here so a Chinese browser is one.
compileLocales(['en-US', 'en-GB', 'zh-CN']);
const shared = useEngines();

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


/** Texts of `[data-testid="figure-value"]` elements. */
const figureValues = () => [...document.querySelectorAll('[data-testid="figure-value"]')].map((e) => e.textContent);

for (const name of ENGINES) {
  test(`${name}: a Chinese browser gets the Chinese report at the address, with Chinese numbers and dates`, async () => {
    const page = await shared.open(name, '', { locale: 'zh-CN' });
    assert.match(await page.evaluate(() => navigator.language), /^zh/, `${name}: the browser asks for Chinese (engines.mjs's locale)`);
    await page.ready();
    await page.sleep(100);
    const sameCard = await page.evaluate(() => {
      window.__e2e.stopRecording();
      return document.querySelector('[data-testid="figure-card"]') === window.__e2e.firstCard;
    });
    assert.equal(sameCard, true, `${name}: hydrated in place`);
    assert.equal(new URL(await page.url()).pathname, '/', `${name}: no redirect`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.match(await page.evaluate(() => document.title), /杨浦区/);
    const values = await page.evaluate(figureValues);
    for (const value of ['42.1万', '2万余', '超过40%', '7070']) {
      assert.equal(values.filter((v) => v.includes(value)).length, 1, `${name}: ${value} (${JSON.stringify(values)})`);
    }
    assert.equal(await page.evaluate(() => document.querySelector('#milestone-m2019 time').textContent), '2019年11月');
    assert.equal(await page.evaluate(() => document.querySelector('#milestone-m2024 time').textContent), '2024年');
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="concept-zh"]').textContent), '“人民城市人民建，人民城市为人民”');
    // Quotes from the source stay English, marked so, with the Chinese beside them.
    const quotes = await page.evaluate(() => [...document.querySelectorAll('blockquote')].map((q) => q.getAttribute('lang')));
    assert.ok(quotes.length > 20 && quotes.every((l) => l === 'en'), `${name}: every source quote is lang="en"`);
    assert.equal(await page.evaluate(() => document.querySelector('.source-body').getAttribute('lang')), 'en');
    assert.deepEqual(latinWords(await page.evaluate(visibleTexts, 'zh')), [], `${name}: no English outside lang="en"`);
    const recorded = await page.recorded();
    assert.deepEqual(recorded.added, [], `${name}: hydration added no node`);
    assert.deepEqual(recorded.removed, [], `${name}: hydration removed no node`);
    assert.deepEqual(recorded.errors, [], `${name}: no error`);
    assert.deepEqual(recorded.warnings, [], `${name}: no warning`);
  });

  test(`${name}: the Chinese page as the browser renders it has no half-width space next to Chinese, at 375 and 1280 px`, async () => {
    // data/chinese-style.md: no half-width space next to a Han character or full-width mark, as
    // the browser renders it (innerText: the spaces an empty text node or the markup leave).
    // English quotations (lang="en") are left out; every <details> is opened so sources count.
    for (const width of [375, 1280]) {
      const page = await shared.open(name, '?lang=zh', { width, height: 900 });
      await page.waitFor(() => document.documentElement.lang === 'zh-CN' || null, [], { what: 'the Chinese page' });
      await page.ready();
      const found = await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
        // Each text node in English (its closest [lang] is not Chinese) stands in as one mark
        // while innerText is read, so the joins around it, and Chinese nested in it (the note
        // at the source's cut), are still checked.
        const english = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const lang = node.parentElement?.closest('[lang]')?.lang ?? 'zh';
          if (!lang.startsWith('zh') && node.nodeValue.trim()) english.push([node, node.nodeValue]);
        }
        for (const [node] of english) node.nodeValue = '\u2063';
        const text = document.body.innerText;
        for (const [node, value] of english) node.nodeValue = value;
        const wide = '[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…—]';
        // (Not tabs: innerText sets one between table cells.)
        const bad = new RegExp(`${wide}[ \\u00a0]+(?=\\S)|(?<=\\S)[ \\u00a0]+${wide}`, "g");
        return [...text.matchAll(bad)].map((m) => text.slice(Math.max(0, m.index - 8), m.index + m[0].length + 8));
      });
      assert.deepEqual(found, [], `${name} at ${width} px: half-width spaces next to Chinese`);
      await page.close();
    }
  });

  test(`${name}: an English browser at the address lands on the English page, with its query and fragment`, async () => {
    const page = await shared.open(name, '?section=services#services', { locale: 'en-GB' });
    // (engines.mjs gives Firefox en-US for every English locale.)
    assert.match(await page.evaluate(() => navigator.language), /^en/, `${name}: the browser asks for English (engines.mjs's locale)`);
    // early.js leaves for en.html before the Chinese page is drawn; a driver may report the
    // first page loaded before that, so wait for the English one.
    await page.waitFor(() => location.pathname === '/en.html', [], { what: 'en.html' });
    await page.ready();
    const url = new URL(await page.url());
    assert.equal(url.search, '?section=services', `${name}: the view comes along`);
    assert.equal(url.hash, '#services');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.equal((await page.evaluate(figureValues)).filter((v) => v.includes('421,000')).length, 1);
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
    // ?lang= wins over the browser.
    await page.goto(`${shared.en}?lang=zh`);
    await page.waitFor(() => location.pathname === '/', [], { what: 'the Chinese page' });
    await page.ready();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    assert.equal(new URL(await page.url()).search, '?lang=zh');
  });

  test(`${name}: switching language changes every visible string, charts included, without a reload, and keeps focus on the switch`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.drawAll();
    await page.evaluate(() => (window.__sameDocument = true));
    const before = await page.evaluate(visibleTexts, 'en');
    const canvas = () => page.evaluate(() => {
      const c = document.querySelector('[data-chart="education"] [data-testid="chart-canvas"]');
      return { label: c.getAttribute('aria-label'), pixels: c.toDataURL() };
    });
    const chartBefore = await canvas();
    assert.ok(before.length > 100, `${name}: ${before.length} texts`);

    await page.click('[data-testid="toggle-lang"]');
    await page.waitFor(() => document.documentElement.lang === 'zh-CN', [], { what: 'the Chinese report' });
    await page.drawAll();
    assert.equal(await page.evaluate(() => window.__sameDocument), true, `${name}: no reload`);
    assert.equal(new URL(await page.url()).searchParams.get('lang'), 'zh', `${name}: the link keeps the language`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid ?? null), 'toggle-lang', `${name}: focus stays on the switch`);
    const after = await page.evaluate(visibleTexts, 'zh');
    assert.deepEqual(latinWords(after), [], `${name}: every visible string is Chinese`);
    assert.deepEqual(latinWords(await page.evaluate(spokenAttributes, 'zh')), [], `${name}: every label a screen reader speaks is Chinese`);
    assert.ok(after.length > 100 && han(after).length > 100, `${name}: ${after.length} texts, ${han(after).length} in Chinese`);
    const chartAfter = await canvas();
    assert.notEqual(chartAfter.label, chartBefore.label);
    assert.match(chartAfter.label, /新建学校14所/);
    assert.notEqual(chartAfter.pixels, chartBefore.pixels, `${name}: the chart is redrawn in Chinese`);
    assert.equal(await page.evaluate(() => document.title), '杨浦区“十四五”建设发展成就（2021—2025年）', `${name}: the Chinese page's own title`);

    // And back: no Chinese left outside the elements marked Chinese.
    await page.click('[data-testid="toggle-lang"]');
    await page.waitFor(() => document.documentElement.lang === 'en', [], { what: 'the English report' });
    await page.drawAll();
    assert.deepEqual(han(await page.evaluate(visibleTexts, 'en')), [], `${name}: every visible string is English`);
    assert.equal(await page.evaluate(() => window.__sameDocument), true, `${name}: no reload`);
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid ?? null), 'toggle-lang', `${name}: focus stays on the switch`);
    const recorded = await page.recorded();
    assert.deepEqual(recorded.errors, [], `${name}: no error`);
    assert.deepEqual(recorded.warnings, [], `${name}: no warning`);
  });

  test(`${name}: the switch keeps the reader's view, and goes to the other page when it cannot fetch it`, async () => {
    // Offline (or in a sandbox): this server refuses the page's fetch of en.html (a fetch asks
    // for */*), while a navigation to it (which asks for text/html) is served.
    const offline = await shared.serve({ block: (pathname, request) => pathname === '/en.html' && !(request.headers.accept ?? '').includes('text/html') });
    const page = await shared.newPage(name, { width: 1280, height: 900 });
    await page.goto(`${offline.url}en.html?milestone=2022&theme=dark`);
    await page.ready();
    const pressed = () => page.evaluate(() => document.querySelector('[data-milestone="m2022"] [data-testid="milestone-button"]').getAttribute('aria-pressed'));
    assert.equal(await pressed(), 'true');
    await page.click('[data-testid="toggle-lang"]');
    await page.waitFor(() => document.documentElement.lang === 'zh-CN' && document.getElementById('app').dataset.ready === 'true', [], { what: 'the Chinese report, hydrated' });
    assert.equal(await pressed(), 'true', `${name}: the milestone is still selected`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const params = new URL(await page.url()).searchParams;
    assert.deepEqual([params.get('milestone'), params.get('theme'), params.get('lang')], ['2022', 'dark', 'zh']);
    const islands = await page.evaluate(() => [document.getElementById('app').dataset.islands, String(document.querySelectorAll('[data-island]').length)]);
    assert.equal(islands[0], islands[1], `${name}: every island of the new report is hydrated`);

    // The English page cannot be fetched, so the browser goes there.
    await page.evaluate(() => (window.__samePage = true));
    await page.click('[data-testid="toggle-lang"]');
    await page.waitFor(() => /en\.html\?.*lang=en/.test(location.href) && document.getElementById('app')?.dataset.ready === 'true', [], { what: 'en.html, hydrated' });
    const url = new URL(await page.url());
    assert.deepEqual([url.searchParams.get('milestone'), url.searchParams.get('lang')], ['2022', 'en']);
    assert.equal(await page.evaluate(() => window.__samePage ?? null), null, `${name}: a new page`);
    assert.equal(await pressed(), 'true', `${name}: at the same view`);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error on the new page`);
  });

  test(`${name}: without JavaScript the language switch is a link to the other page${name === 'webkit' ? ' (skipped: MiniBrowser cannot turn JavaScript off under WebDriver)' : ''}`, { skip: name === 'webkit' }, async () => {
    const page = await shared.open(name, '', { javaScript: false, locale: 'zh-CN' });
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    // A click with the pointer at the link (puppeteer's element click waits on an
    // IntersectionObserver, which never reports in a Firefox without JavaScript).
    const link = await page.centre('[data-testid="toggle-lang"]');
    await page.mouseClick(link.x, link.y);
    await page.waitFor(() => location.pathname === '/en.html' && document.documentElement.lang === 'en', [], { what: 'en.html' });
    assert.equal(await page.evaluate(() => document.getElementById('app').dataset.ready ?? null), null, `${name}: no script ran`);
    assert.equal((await page.evaluate(figureValues)).filter((v) => v.includes('421,000')).length, 1);
  });

  test(`${name}: the Chinese report fits a 320 px phone, in standard and large mode${name === 'webkit' ? ' (in a 320 px iframe: MiniBrowser\'s narrowest window is 447 px)' : ''}`, async () => {
    for (const query of ['', '?mode=large']) {
      let overflow;
      if (name === 'webkit') {
        // The report in a frame 320 px wide: its own viewport is 320 px, as on a phone.
        const host = await shared.serve({ pages: { '/phone.html': `<!doctype html><title>320</title><iframe src="/${query}" width="320" height="800" style="border:0"></iframe>` } });
        const page = await shared.open(name, new URL('phone.html', host.url).href, { width: 600, height: 900, locale: 'zh-CN' });
        await page.waitFor(() => document.querySelector('iframe').contentDocument?.querySelector('#app[data-ready="true"]') !== null, [], { what: 'the framed report, hydrated', timeout: 20000 });
        const state = await page.evaluate(() => {
          const doc = document.querySelector('iframe').contentDocument;
          return { lang: doc.documentElement.lang, width: doc.defaultView.innerWidth, overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth, errors: doc.defaultView.__e2e.errors };
        });
        assert.deepEqual([state.lang, state.width], ['zh-CN', 320], `${name}: the Chinese report in a 320 px viewport`);
        assert.deepEqual(state.errors, []);
        overflow = state.overflow;
        await page.close();
      } else {
        const page = await shared.open(name, query, { width: 320, height: 800, locale: 'zh-CN' });
        await page.ready();
        assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, innerWidth]), ['zh-CN', 320]);
        overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.deepEqual((await page.recorded()).errors, []);
        await page.close();
      }
      assert.equal(overflow, 0, `${name}: horizontal overflow in ${query || 'standard'} mode`);
    }
  });
}

test('chromium only (print emulation): switched to Chinese, every chart prints as an SVG the Chinese page drew', { skip: !ENGINES.includes('chromium') && 'chromium not among YANGPU_ENGINES' }, async () => {
  const page = await shared.open('chromium', 'en.html', { width: 1280, height: 900 });
  await page.ready();
  await page.drawAll();
  await page.click('[data-testid="toggle-lang"]');
  await page.waitFor(() => document.documentElement.lang === 'zh-CN', [], { what: 'the Chinese report' });
  await page.drawAll();
  await page.raw.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => [...document.querySelectorAll('.chart')].map((c) => {
    const svg = [...c.querySelectorAll('.chart-svg')].find((s) => s.getBoundingClientRect().height > 0);
    return { svg: Boolean(svg), chinese: /[\u4e00-\u9fff]/.test(svg?.textContent ?? '') };
  }));
  assert.ok(printed.length >= 5);
  assert.deepEqual(printed, printed.map(() => ({ svg: true, chinese: true })));
  await page.raw.emulateMedia({ media: 'screen' });
});
