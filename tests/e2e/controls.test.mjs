// End-to-end: the controls a reader uses, each tested by what it does, in every engine
// (Chromium, Firefox ESR, WebKitGTK; see engines.mjs). The large text and dark mode toggles
// (their page, their address, their charts, and their persistence across a language switch),
// the keys that move backwards, the QR code decoded to exactly the shared link, and "Copy
// embed code" (read back from the clipboard; and where a browser refuses to write, the fallback
// share_dialog.rs documents: the code is selected and the dialog says how to copy it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { ENGINES, useEngines } from './engines.mjs';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');
const shared = useEngines();
// The dark palette's chart background (core/src/charts/style.rs DARK.background), as the README
// promises the charts redraw in the theme's palette; the light one's is white.
const DARK_CHART = [20, 24, 29];
const LIGHT_CHART = [255, 255, 255];
// The dialog's words (core/src/i18n/ui.rs): after a copy, and when the browser refuses it.
const EMBED_COPIED = 'Embed code copied.';
const COPY_REFUSED = 'Automatic copying is not available here. The text is selected: copy it with your device’s copy command.';

/** The colour of a chart canvas's top-left pixel (its background). */
function chartBackground(slug) {
  const c = document.querySelector(`[data-chart="${slug}"] .chart-canvas`);
  return [...c.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)];
}

/** The page's display state: html's attributes, the toggles, the address. */
function display() {
  const html = document.documentElement;
  const pressed = (id) => document.querySelector(`[data-testid="${id}"]`).getAttribute('aria-pressed');
  return {
    lang: html.lang,
    mode: html.dataset.mode ?? null,
    theme: html.dataset.theme ?? null,
    large: pressed('toggle-large'),
    dark: pressed('toggle-dark'),
    ready: document.querySelector('#app').dataset.ready ?? null,
    url: location.href,
    body: parseFloat(getComputedStyle(document.body).fontSize),
    // The page's colours are on the root element (the body has none of its own).
    background: getComputedStyle(html).backgroundColor,
    ink: getComputedStyle(document.body).color,
  };
}

/** The education chart's frame height (CSS px). */
function chartHeight() {
  return document.querySelector('[data-chart="education"] .chart-frame').getBoundingClientRect().height;
}


/** No error, no warning and no CSP violation recorded in the page (nothing is recorded
 *  with $REPORT_URL, where recorder.js is not injected). */
async function assertClean(page, name) {
  const recorded = await page.recorded();
  if (!recorded) return;
  assert.deepEqual(recorded.violations, [], `${name}: no CSP violation`);
  assert.deepEqual(recorded.errors, [], `${name}: no error`);
  assert.deepEqual(recorded.warnings, [], `${name}: no warning`);
}

/** The chart's announcement (its aria-live text). */
function said(slug) {
  return document.querySelector(`[data-chart="${slug}"] [data-testid="chart-announcement"]`).textContent;
}

/** The milestone whose button is pressed, and which has the focus. */
function milestone() {
  const pressed = document.querySelector('[data-testid="milestone-button"][aria-pressed="true"]');
  return {
    pressed: pressed?.closest('[data-milestone]').dataset.milestone ?? null,
    focused: document.activeElement?.closest('[data-milestone]')?.dataset.milestone ?? null,
    url: location.href,
  };
}

/** Opens the share dialog of the education chart; returns its link once it shows. */
async function openShare(page) {
  await page.click('[data-chart="education"] [data-testid="share-chart"]');
  return page.waitFor(() => {
    const d = document.querySelector('[data-testid="share-dialog"]');
    const link = document.querySelector('[data-testid="share-link"]').value;
    return d.hasAttribute('open') && d.getClientRects().length > 0 && link ? link : null;
  }, [], { what: 'the share dialog' });
}

/** The share dialog's status line, embed code and what of it is selected. */
function embedState() {
  const field = document.querySelector('[data-testid="embed-code"]');
  return {
    // Trimmed: an empty status renders as a space (Leptos keeps a text node for it), which a
    // poll for "any status" would take for the answer before the clipboard has given it.
    status: document.querySelector('[data-testid="share-status"]').textContent.trim(),
    code: field.value,
    selected: field.value.slice(field.selectionStart, field.selectionEnd),
  };
}

for (const name of ENGINES) {
  test(`${name}: "Large text" enlarges the page and its charts, is in the address, and is undone by a second press`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.centre('[data-chart="education"] .chart-frame');
    await page.waitFor(() => document.querySelector('[data-chart="education"] .chart-frame').classList.contains('canvas-ready'), [], { what: 'the chart drawn' });
    const before = { ...(await page.evaluate(display)), chart: await page.evaluate(chartHeight) };
    assert.equal(before.large, 'false');
    assert.equal(before.mode, null);
    await page.click('[data-testid="toggle-large"]');
    const large = await page.poll(display, [], (d) => d.mode === 'large');
    assert.equal(large.mode, 'large', `${name}: html[data-mode=large]`);
    assert.equal(large.large, 'true');
    assert.match(large.url, /[?&]mode=large/);
    assert.ok(large.body >= 18 && large.body > before.body, `${name}: body text ${before.body} → ${large.body} px`);
    // The chart reflows taller for its larger text (not a zoom of the same drawing).
    const taller = await page.poll(chartHeight, [], (h) => h > before.chart * 1.2);
    assert.ok(taller > before.chart * 1.2, `${name}: the chart ${before.chart} → ${taller} px`);
    await page.click('[data-testid="toggle-large"]');
    const standard = await page.poll(display, [], (d) => d.mode === null);
    assert.equal(standard.mode, null, `${name}: no data-mode`);
    assert.doesNotMatch(standard.url, /mode=/);
    assert.equal(standard.large, 'false');
    assert.equal(standard.body, before.body);
    const back = await page.poll(chartHeight, [], (h) => Math.abs(h - before.chart) < 2);
    assert.ok(Math.abs(back - before.chart) < 2, `${name}: the chart back to ${before.chart} px (${back})`);
    await assertClean(page, name);
  });

  test(`${name}: "Dark mode" darkens the page and redraws the charts in the dark palette; the address keeps it`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.waitFor(() => document.querySelector('[data-chart="livelihood-share"] .chart-frame').classList.contains('canvas-ready'), [], { what: 'the chart drawn' });
    assert.deepEqual(await page.evaluate(chartBackground, 'livelihood-share'), LIGHT_CHART, `${name}: light first`);
    const light = await page.evaluate(display);
    await page.click('[data-testid="toggle-dark"]');
    const dark = await page.poll(display, [], (d) => d.theme === 'dark');
    assert.equal(dark.theme, 'dark', `${name}: html[data-theme=dark]`);
    assert.equal(dark.dark, 'true');
    assert.match(dark.url, /[?&]theme=dark/);
    const redrawn = await page.poll(chartBackground, ['livelihood-share'], (c) => c.join() === DARK_CHART.join());
    assert.deepEqual(redrawn, DARK_CHART, `${name}: the chart is redrawn in the dark palette`);
    // The page is dark too: a dark background with light text (it was light with dark text).
    const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    assert.ok(lum(light.background) > 3 * 200 && lum(light.ink) < 3 * 100, `${name}: a light page first (${light.background}, text ${light.ink})`);
    assert.ok(lum(dark.background) < 3 * 80 && lum(dark.ink) > 3 * 180, `${name}: a dark page (${dark.background}, text ${dark.ink})`);
    await page.click('[data-testid="toggle-dark"]');
    const again = await page.poll(display, [], (d) => d.theme === 'light');
    assert.equal(again.theme, 'light');
    assert.equal(again.dark, 'false');
    assert.match(again.url, /[?&]theme=light/);
    const relit = await page.poll(chartBackground, ['livelihood-share'], (c) => c.join() === LIGHT_CHART.join());
    assert.deepEqual(relit, LIGHT_CHART, `${name}: the chart is redrawn light`);
    await assertClean(page, name);
  });

  // The system's dark mode, with no `theme` in the link: the runtime's `prefers_dark` decides
  // the charts' palette (a reader at night, on a phone in dark mode, gets dark charts).
  test(`${name}: with the system in dark mode and no theme in the link, the page and its charts are dark`, async (t) => {
    if (!shared.engines[name].supports.colorScheme) {
      t.skip('MiniBrowser under WebDriver has no colour-scheme setting');
      return;
    }
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900, colorScheme: 'dark' });
    await page.ready();
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true, `${name}: the system is dark`);
    await page.centre('[data-chart="livelihood-share"] .chart-frame');
    await page.waitFor(() => document.querySelector('[data-chart="livelihood-share"] .chart-frame').classList.contains('canvas-ready'), [], { what: 'the chart drawn' });
    const bg = await page.poll(chartBackground, ['livelihood-share'], (c) => c.join() === DARK_CHART.join());
    assert.deepEqual(bg, DARK_CHART, `${name}: the chart is drawn in the dark palette`);
    const state = await page.evaluate(display);
    assert.equal(state.theme, null, `${name}: no theme was set`);
    assert.doesNotMatch(state.url, /theme=/, `${name}: the address has no theme`);
    assert.equal(state.dark, 'true', `${name}: "Dark mode" shows as on`);
    const lum = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
    assert.ok(lum(state.background) < 3 * 80 && lum(state.ink) > 3 * 180, `${name}: a dark page (${state.background}, text ${state.ink})`);
    await assertClean(page, name);
  });

  test(`${name}: the reading mode and theme stay through the in-place language switch`, async () => {
    const page = await shared.open(name, 'en.html?mode=large&theme=dark', { width: 1280, height: 900 });
    await page.ready();
    // Marks the document: the switch is in place, without a reload.
    await page.evaluate(() => { window.__before = true; });
    await page.click('[data-testid="toggle-lang"]');
    const zh = await page.poll(display, [], (d) => d.lang === 'zh-CN' && d.ready === 'true', 15000);
    assert.equal(zh.lang, 'zh-CN', `${name}: the page is in Chinese`);
    assert.equal(await page.evaluate(() => window.__before === true), true, `${name}: no reload`);
    assert.equal(zh.mode, 'large');
    assert.equal(zh.theme, 'dark');
    assert.equal(zh.large, 'true');
    assert.equal(zh.dark, 'true');
    const url = new URL(zh.url);
    assert.deepEqual([url.searchParams.get('lang'), url.searchParams.get('mode'), url.searchParams.get('theme')], ['zh', 'large', 'dark']);
    // The new page's charts are drawn in the dark palette.
    await page.waitFor(() => document.querySelector('[data-chart="livelihood-share"] .chart-frame').classList.contains('canvas-ready'), [], { what: 'the chart drawn' });
    const bg = await page.poll(chartBackground, ['livelihood-share'], (c) => c.join() === DARK_CHART.join());
    assert.deepEqual(bg, DARK_CHART, `${name}: the Chinese chart is dark`);
    await assertClean(page, name);
  });

  test(`${name}: ArrowLeft and ArrowUp move backwards in a chart and on the timeline`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    const slug = 'housing-renewal';
    await page.centre(`[data-chart="${slug}"] .chart-frame`);
    await page.waitFor((s) => document.querySelector(`[data-chart="${s}"] .chart-frame`).classList.contains('canvas-ready'), [slug], { what: 'the chart drawn' });
    await page.evaluate((s) => document.querySelector(`[data-chart="${s}"] [data-testid="chart-canvas"]`).focus(), slug);
    // The first value, then the third, then back one at a time with either key.
    const at = (i) => (t) => t.endsWith(` ${i} of 5.`);
    assert.match(await page.poll(said, [slug], at(1)), / 1 of 5\.$/);
    await page.press('ArrowRight');
    assert.match(await page.poll(said, [slug], at(2)), / 2 of 5\.$/);
    await page.press('ArrowRight');
    assert.match(await page.poll(said, [slug], at(3)), / 3 of 5\.$/);
    await page.press('ArrowLeft');
    assert.match(await page.poll(said, [slug], at(2)), / 2 of 5\.$/, `${name}: ArrowLeft goes back`);
    await page.press('ArrowUp');
    const first = await page.poll(said, [slug], at(1));
    assert.match(first, / 1 of 5\.$/, `${name}: ArrowUp goes back`);
    assert.match(first, /^Old housing[^:]*: 421,000 m²,/, `${name}: the first value again`);

    await page.click('[data-milestone="m2024"] [data-testid="milestone-button"]');
    const chosen = await page.poll(milestone, [], (m) => m.pressed === 'm2024');
    assert.equal(chosen.pressed, 'm2024');
    assert.equal(chosen.focused, 'm2024', `${name}: the clicked milestone has the focus`);
    await page.press('ArrowLeft');
    assert.equal((await page.poll(milestone, [], (m) => m.pressed === 'm2023')).pressed, 'm2023', `${name}: ArrowLeft goes back`);
    await page.press('ArrowUp');
    const last = await page.poll(milestone, [], (m) => m.pressed === 'm2022');
    assert.equal(last.pressed, 'm2022', `${name}: ArrowUp goes back`);
    assert.equal(last.focused, 'm2022', `${name}: the focus follows`);
    assert.match(last.url, /[?&]milestone=2022/);
    await assertClean(page, name);
  });

  test(`${name}: the QR code decodes to exactly the shared link`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    const link = await openShare(page);
    assert.equal(link, `${shared.en}?chart=education#chart-education`, `${name}: the link is the chart view on this report`);
    // The QR canvas's pixels, decoded here by jsQR (npm), as a phone's camera would.
    await page.waitFor(() => document.querySelector('[data-testid="share-qr"]').width > 0, [], { what: 'the QR code' });
    const pixels = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="share-qr"]');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let bytes = '';
      for (let i = 0; i < d.data.length; i++) bytes += String.fromCharCode(d.data[i]);
      return { data: btoa(bytes), width: d.width, height: d.height, shown: c.getBoundingClientRect().width };
    });
    assert.ok(pixels.shown >= 100, `${name}: the QR code is shown (${pixels.shown} px)`);
    const code = jsQR(new Uint8ClampedArray(Buffer.from(pixels.data, 'base64')), pixels.width, pixels.height);
    assert.ok(code, `${name}: the QR code can be read`);
    assert.equal(code.data, link, `${name}: the QR code carries the shared view, not the bare report`);
    await assertClean(page, name);
  });

  // The clipboard is read back by the page in a real click's handler (on the dialog's status
  // line, inside the modal dialog): WebKit lets a page read it only during a user gesture,
  // Firefox without asking when the page's own origin wrote it, Chromium once playwright has
  // granted clipboard-read. (In WebKit a read from a click on the embed code's own field, an
  // editable control, never settles: WebKitWebDriver's click then hangs.)
  test(`${name}: "Copy embed code" copies the embed code, read back from the clipboard`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    if (name === 'chromium') await page.raw.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.ready();
    await openShare(page);
    await page.click('[data-testid="copy-embed"]');
    const state = await page.poll(embedState, [], (s) => s.status !== '');
    assert.equal(state.status, EMBED_COPIED, `${name}: the dialog says the code was copied (it says ${JSON.stringify(state.status)})`);
    assert.match(state.code, /<iframe src="[^"]*[?;&]embed=chart:education[^"]*"/);
    await page.evaluate(() => {
      document.querySelector('[data-testid="share-status"]').addEventListener('click', () => {
        navigator.clipboard.readText().then((t) => { window.__read = { text: t }; }, (e) => { window.__read = { error: String(e) }; });
      }, { once: true });
    });
    await page.click('[data-testid="share-status"]');
    const read = await page.waitFor(() => window.__read ?? null, [], { what: 'the clipboard read' });
    assert.equal(read.error, undefined, `${name}: the clipboard can be read (${read.error})`);
    assert.equal(read.text, state.code, `${name}: the clipboard has the embed code`);
    await assertClean(page, name);
  });

  test(`${name}: where the browser refuses to copy, the embed code is selected and the dialog says how to copy it`, async () => {
    const refusing = await shared.serve({ instrument: 'no-clipboard' });
    const page = await shared.newPage(name, { width: 1280, height: 900 });
    await page.goto(new URL('en.html', refusing.url).href);
    await page.ready();
    assert.equal(await page.evaluate(() => 'clipboard' in navigator), false, `${name}: no clipboard`);
    await openShare(page);
    await page.click('[data-testid="copy-embed"]');
    const state = await page.poll(embedState, [], (s) => s.status !== '');
    assert.equal(state.status, COPY_REFUSED, `${name}: the dialog says how to copy`);
    assert.ok(state.code.includes('embed=chart:education'), `${name}: the embed code`);
    assert.equal(state.selected, state.code, `${name}: the whole embed code is selected`);
    await assertClean(page, name);
  });
}
