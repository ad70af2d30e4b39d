// End-to-end: the release dist/, served with the strict CSP, read like a reader reads it, in
// every engine (Chromium, Firefox ESR, WebKitGTK; see engines.mjs). Each test's name starts
// with its engine; what an engine's driver cannot do is said in the test's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KEY_FIGURES } from './browser.mjs';
import { ENGINES, useEngines } from './engines.mjs';

const shared = useEngines();

/** True when the element matching `selector` is rendered (has a box and is not hidden). */
function isShown(selector) {
  const el = document.querySelector(selector);
  if (!el) return false;
  // The content of a closed <details> keeps its boxes in some engines: checkVisibility knows.
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('details:not([open]) > :not(summary)');
}

for (const name of ENGINES) {
  test(`${name}: every key figure is visible, and a card shows its source sentence`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    // Each figure is an element of its own on a card, visible, reading exactly as the source states it.
    const figures = await page.evaluate(() => [...document.querySelectorAll('[data-testid="figure-card"]')].map((card) =>
      [...card.querySelectorAll('*')].filter((el) => el.getClientRects().length > 0).map((el) => el.textContent.trim())));
    assert.equal(figures.length, KEY_FIGURES.length, `${name}: one card per key figure`);
    KEY_FIGURES.forEach((figure, i) => assert.ok(figures[i].includes(figure), `${name}: ${figure} on card ${i + 1}`));
    const card = '[data-figure="services.school_places"]';
    assert.equal(await page.evaluate(isShown, `${card} [data-testid="source-quote"]`), false, `${name}: the source is closed at first`);
    await page.click(`${card} [data-testid="figure-source-toggle"]`);
    const quote = await page.waitFor((sel) => {
      const q = document.querySelector(`${sel} [data-testid="source-quote"]`);
      return q && q.closest('details').open && q.getClientRects().length ? { text: q.innerText, mark: q.querySelector('mark').innerText } : null;
    }, [card], { what: 'the source sentence' });
    assert.match(quote.text, /Focusing on the two areas of greatest public concern/);
    assert.equal(quote.mark, 'adding 7,070 school places');
    // The link goes to that sentence in the source text, which is marked as cited.
    await page.click(`${card} [data-testid="source-link"]`);
    // (Read once the scroll to it has been drawn: a part skipped by content-visibility has no
    // rendered text until then.)
    const target = await page.waitFor(() => {
      const t = document.querySelector('.sentence:target');
      return t && t.innerText ? { text: t.innerText, cls: t.className } : null;
    }, [], { what: 'the cited sentence, drawn' });
    assert.match(target.text, /adding 7,070 school places/);
    assert.match(target.cls, /cited/);
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
  });

  test(`${name}: the source text is shown in full, with the cut-off end marked`, async () => {
    const page = await shared.open(name, 'en.html');
    await page.ready();
    // Read as a reader gets it: scrolled to, and drawn.
    await page.evaluate(() => document.querySelector('[data-testid="source-text"] .source-body').scrollIntoView());
    const source = { body: await page.waitFor(() => document.querySelector('[data-testid="source-text"] .source-body').innerText || null, [], { what: 'the source text, drawn' }) };
    source.cut = await page.evaluate(isShown, '[data-testid="source-cut"]');
    assert.match(source.body, /^This morning, the Municipal Government Information Office/);
    assert.match(source.body, /with the digital economy as the core leading sector; «AI/);
    assert.equal(source.cut, true, `${name}: the cut is marked`);
  });

  test(`${name}: the wasm hydrates the page without replacing a node, under the strict CSP, with a clean console`, async () => {
    const page = await shared.open(name, 'en.html');
    await page.ready();
    await page.sleep(100);
    const result = await page.evaluate(() => {
      window.__e2e.stopRecording();
      return {
        islands: Number(document.getElementById('app').dataset.islands),
        marked: document.querySelectorAll('[data-island]').length,
        sameCard: document.querySelector('[data-testid="figure-card"]') === window.__e2e.firstCard,
      };
    });
    const recorded = await page.recorded();
    assert.ok(result.marked > 30, `${name}: ${result.marked} islands on the page`);
    assert.equal(result.islands, result.marked, `${name}: every island on the page is hydrated`);
    assert.equal(result.sameCard, true, `${name}: the first card is the very node the server sent`);
    assert.deepEqual(recorded.removed, [], `${name}: hydration removed no node`);
    assert.deepEqual(recorded.added, [], `${name}: hydration added no node`);
    assert.deepEqual(recorded.violations, [], `${name}: no CSP violation`);
    assert.deepEqual(recorded.errors, [], `${name}: no error`);
    assert.deepEqual(recorded.warnings, [], `${name}: no warning`);
    // Nothing moves when the wasm starts: measured where the engine reports layout shifts
    // (Chromium), from the wasm's start (its `yangpu:start` mark) on; elsewhere every card and
    // chart keeps its place from before hydration (recorder.js cannot see layout, so the
    // positions are read again after a redraw). Shifts while the HTML is still arriving are
    // not hydration's: the page paints as it parses (its stylesheet is inline), and behind
    // nginx a chunk once ended inside a button's tag, so the button grew when its label came.
    const shift = await page.evaluate(() => new Promise((resolve) => {
      if (!PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) return resolve(null);
      const start = performance.getEntriesByName('yangpu:start:start')[0]?.startTime;
      if (start === undefined) return resolve({ error: 'no yangpu:start mark: when the wasm started is not known' });
      const moved = [];
      new PerformanceObserver((list) => list.getEntries().filter((e) => e.startTime >= start && !e.hadRecentInput).forEach((e) => moved.push({
        value: e.value,
        at: Math.round(e.startTime - start),
        nodes: e.sources.map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''}`),
      }))).observe({ type: 'layout-shift', buffered: true });
      setTimeout(() => resolve({ total: moved.reduce((t, m) => t + m.value, 0), moved }), 200);
    }));
    if (shift !== null) {
      assert.equal(shift.error, undefined, `${name}: ${shift.error}`);
      assert.equal(shift.total, 0, `${name}: cumulative layout shift after the wasm started: ${JSON.stringify(shift.moved)}`);
    }
    // The control that needs the wasm works once ready.
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="toggle-sources"]').disabled), false);
    await page.click('[data-testid="toggle-sources"]');
    const opened = await page.waitFor((n) => {
      const open = document.querySelectorAll('.card details[open]').length;
      return open === n ? { open, pressed: document.querySelector('[data-testid="toggle-sources"]').getAttribute('aria-pressed') } : null;
    }, [KEY_FIGURES.length], { what: 'every source opened' });
    assert.equal(opened.pressed, 'true');
  });

  test(`${name}: the report is readable and says so when the wasm cannot load`, async () => {
    const blocked = await shared.serve({ block: /\.wasm$/ });
    const page = await shared.newPage(name);
    await page.goto(new URL('en.html', blocked.url).href);
    const state = await page.waitFor(() => (document.documentElement.classList.contains('wasm-failed')
      ? { note: (() => { const n = document.querySelector('[data-testid="wasm-failed-note"]'); return !!n && n.getClientRects().length > 0; })(), text: document.querySelector('#key-figures').innerText }
      : null), [], { what: 'the wasm-failed note' });
    assert.equal(state.note, true, `${name}: the note is visible`);
    assert.ok(state.text.includes('421,000'), `${name}: the figures are there`);
  });

  test(`${name}: when the wasm fails while starting, the page stays readable and says what happened`, async () => {
    // A page whose pre-rendered markup no longer matches the app (text inside an island, where
    // a hand-edited page or a proxy might put it): hydration cannot succeed.
    const broken = await shared.serve({
      transform: (pathname, html) => (pathname.endsWith('/en.html') ? html.replace(/(<div[^>]*data-island="display-controls"[^>]*>)/, '$1Display: ') : html),
    });
    const page = await shared.newPage(name, { width: 1000, height: 800 });
    await page.goto(new URL('en.html', broken.url).href);
    const state = await page.waitFor(() => {
      const crash = document.querySelector('[data-testid="crash-notice"]');
      const visible = (el) => !!el && el.getClientRects().length > 0;
      if (!crash) return null;
      return {
        crash: visible(crash),
        failedNote: visible(document.querySelector('[data-testid="wasm-failed-note"]')),
        text: document.querySelector('#key-figures').innerText,
      };
    }, [], { what: 'the crash notice', timeout: 15000 });
    // One clear message: the panic's notice, and not also the generic one.
    assert.equal(state.crash, true, `${name}: the crash notice is visible`);
    assert.equal(state.failedNote, false, `${name}: no second message`);
    assert.ok(state.text.includes('7,070'), `${name}: the report is still there`);
  });

  test(`${name}: with JavaScript off the page shows the same text and every figure${name === 'webkit' ? ' (skipped: MiniBrowser cannot turn JavaScript off under WebDriver)' : ''}`, { skip: name === 'webkit' }, async () => {
    const off = await shared.open(name, 'en.html', { width: 375, height: 800, javaScript: false });
    const stateOff = await off.evaluate(() => ({
      text: document.querySelector('#app').textContent,
      toggle: document.querySelector('[data-testid="toggle-sources"]').getClientRects().length > 0,
      hydrated: document.querySelector('#app').dataset.ready ?? null,
    }));
    assert.equal(stateOff.hydrated, null, `${name}: no script ran`);
    assert.equal(stateOff.toggle, false, `${name}: controls that need JavaScript are hidden`);
    for (const figure of KEY_FIGURES) assert.ok(stateOff.text.includes(figure), `${name}: ${figure}`);
    const on = await shared.open(name, 'en.html', { width: 375, height: 800 });
    await on.ready();
    assert.equal(await on.evaluate(() => document.querySelector('#app').textContent), stateOff.text, `${name}: the same text`);
  });
}
