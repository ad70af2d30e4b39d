// End-to-end: the charts as a reader uses them with a mouse, a finger and a keyboard, and
// their downloads, in every engine (Chromium, Firefox ESR, WebKitGTK; see engines.mjs). Each
// test's name starts with its engine; what an engine's driver cannot do is said in the name.
// Downloads are caught in the page (the click on a `download` link, or the click the report
// gives a detached link) and read there, so no driver's download API is needed; the values
// are checked against `data/report.toml`, where the README promises they come from.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { ENGINES, useEngines } from './engines.mjs';

// The chart registry's slugs, in the report's order (core/src/vocabulary.rs keeps the file equal).
const { charts: CHARTS } = JSON.parse(fs.readFileSync(new URL('./vocabulary.json', import.meta.url), 'utf8'));

const shared = useEngines();

// ------------------------------------------------------------------ the data, from the repo

/** `data/report.toml`: its top-level keys and its arrays of tables. The file uses single-line
 *  values only (strings without escapes, numbers, booleans, arrays of them), which are JSON. */
function readReport() {
  const report = {};
  let table = report;
  for (const raw of fs.readFileSync(new URL('../../data/report.toml', import.meta.url), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const header = line.match(/^\[\[(\w+)\]\]$/);
    if (header) {
      (report[header[1]] ??= []).push((table = {}));
      continue;
    }
    const pair = line.match(/^(\w+)\s*=\s*(.+)$/);
    assert.ok(pair, `report.toml: cannot read «${line}»`);
    table[pair[1]] = JSON.parse(pair[2]);
  }
  return report;
}
const REPORT = readReport();
const SOURCE = fs.readFileSync(new URL('../../data/source.en.txt', import.meta.url), 'utf8');
/** A figure or milestone of report.toml by id. */
const item = (id) => REPORT.figure.find((f) => f.id === id) ?? REPORT.milestone.find((m) => m.id === id);
/** Every value report.toml lists as derived (the README: "derived values ... listed with
 *  their reason"). */
const DERIVED = new Set(REPORT.derived.flatMap((d) => d.values));

function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split(/\r?\n/)) {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted && c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = !quoted;
      else if (c === ',' && !quoted) { cells.push(cell); cell = ''; }
      else cell += c;
    }
    cells.push(cell);
    rows.push(cells);
  }
  const [head, ...body] = rows;
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

// ------------------------------------------------------------------ in the page (serialised)

/** The values in a chart's table, in order (its second column). */
function tableValues(slug) {
  return [...document.querySelectorAll(`[data-chart="${slug}"] tbody td:nth-child(2)`)].map((td) => td.textContent);
}

/** Catches downloads in the page, in any engine: a click on a `download` link in the document,
 *  and the click the report gives a link it never attaches (the PNG). Each is recorded in
 *  `window.__downloads` as { href, name, trusted } and its default (the download) prevented. */
function catchDownloads() {
  if (window.__downloads) return true;
  const list = (window.__downloads = []);
  const record = (a, e) => list.push({ href: a.href, name: a.getAttribute('download'), trusted: e.isTrusted });
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a[download]') : null;
    if (a) {
      e.preventDefault();
      record(a, e);
    }
  }, true);
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    if (!this.isConnected && this.hasAttribute('download')) {
      this.addEventListener('click', (e) => {
        e.preventDefault();
        record(this, e);
      }, { once: true });
    }
    return click.call(this);
  };
  return true;
}

/** The `i`th caught download, once there is one. */
function download(i) {
  return window.__downloads.length > i ? window.__downloads[i] : null;
}

/** The text of the `i`th caught download, fetched by the page as the browser would save it. */
function downloadText(i) {
  return fetch(window.__downloads[i].href).then((r) => r.text());
}

/** Draws the `i`th caught download (an image) and measures it: its size, and how much of it
 *  differs from its top-left pixel (its background), overall and in its middle band. */
async function measureImage(i) {
  const img = new Image();
  img.src = window.__downloads[i].href;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.naturalWidth;
  c.height = img.naturalHeight;
  const ctx = c.getContext('2d');
  ctx.drawImage(img, 0, 0);
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  const bg = [d[0], d[1], d[2]];
  let ink = 0;
  let middle = 0;
  const colours = new Set();
  for (let p = 0; p < d.length; p += 4) {
    if (Math.abs(d[p] - bg[0]) + Math.abs(d[p + 1] - bg[1]) + Math.abs(d[p + 2] - bg[2]) > 30) {
      ink++;
      const y = Math.floor(p / 4 / c.width);
      if (y > c.height * 0.3 && y < c.height * 0.7) middle++;
      if (colours.size < 64) colours.add(`${d[p] >> 4},${d[p + 1] >> 4},${d[p + 2] >> 4}`);
    }
  }
  return { width: img.naturalWidth, height: img.naturalHeight, ink: ink / (d.length / 4), middle, colours: colours.size };
}

/** Scrolls chart `i` into view (a chart plays its entrance the first time it is seen); true
 *  once its canvas has drawn. */
/** Sweeps the chart's canvas with synthetic pointer moves (fast) over rows [y0, y1) and
 *  returns, for each value its tooltip showed, the CSS points (relative to the canvas) that
 *  showed it. The real mouse then checks one point of each. */
async function sweep(slug, y0, y1) {
  const c = document.querySelector(`[data-chart="${slug}"] [data-testid="chart-canvas"]`);
  // The report updates the tooltip in a microtask after the event (no frame is waited for).
  const settle = async () => { for (let i = 0; i < 4; i++) await new Promise((r) => queueMicrotask(r)); };
  const r = c.getBoundingClientRect();
  // WebKit gives a synthetic event's offsetY from the document's top, not the viewport's: one
  // probe measures how this engine places it, and each move is corrected by that.
  let dx = 0;
  let dy = 0;
  c.addEventListener('pointermove', (e) => { dx = e.offsetX - 10; dy = e.offsetY - 10; }, { once: true });
  c.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + 10, clientY: r.top + 10, bubbles: true, pointerType: 'mouse' }));
  const points = {};
  for (let y = y0; y < Math.min(y1, r.height); y += 6) {
    for (let x = 3; x < r.width; x += 6) {
      c.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x - dx, clientY: r.top + y - dy, bubbles: true, pointerType: 'mouse' }));
      await settle();
      const v = c.parentElement.querySelector('.tooltip-value')?.textContent;
      if (v) (points[v] ??= []).push([x, y]);
    }
  }
  c.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false, pointerType: 'mouse' }));
  await settle();
  return { points, height: r.height };
}

/** What a chart shows now: its tooltip's value (null: none), the announcement, the focus. */
function chartState(slug) {
  const chart = document.querySelector(`[data-chart="${slug}"]`);
  const tooltips = chart.querySelectorAll('[data-testid="chart-tooltip"]');
  return {
    tooltips: tooltips.length,
    value: tooltips.length ? tooltips[0].querySelector('.tooltip-value').textContent : null,
    said: chart.querySelector('[data-testid="chart-announcement"]').textContent,
    focused: document.activeElement === chart.querySelector('[data-testid="chart-canvas"]'),
  };
}

/** Records every text the chart's announcement (its aria-live region) takes, in order. */
function listen(slug) {
  const said = (window.__said ??= {});
  const el = document.querySelector(`[data-chart="${slug}"] [data-testid="chart-announcement"]`);
  said[slug] = [];
  new MutationObserver(() => said[slug].push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  return true;
}

/** A short description of an element, to compare focus stops. */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body) return 'body';
  return `${el.tagName.toLowerCase()}|${el.dataset.testid ?? ''}|${el.closest('[data-chart]')?.dataset.chart ?? ''}|${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 30)}`;
}

/** Focuses the last link before chart `slug`'s canvas; returns the Tab stops from there to the
 *  canvas, in document order (the report sets no positive tabindex, so that is Tab's order). */
function fromLinkBefore(slug) {
  const canvas = document.querySelector(`[data-chart="${slug}"] [data-testid="chart-canvas"]`);
  const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[inert], [hidden]');
  const focusable = [...document.querySelectorAll('a[href], button, input, textarea, select, summary, [tabindex]')]
    .filter((el) => !el.disabled && el.tabIndex >= 0 && shown(el) && !(el.tagName === 'SUMMARY' && el.parentElement.tagName !== 'DETAILS'));
  const at = focusable.indexOf(canvas);
  let start = at - 1;
  while (start >= 0 && focusable[start].tagName !== 'A') start--;
  const describe = (el) => `${el.tagName.toLowerCase()}|${el.dataset.testid ?? ''}|${el.closest('[data-chart]')?.dataset.chart ?? ''}|${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 30)}`;
  focusable[start].focus();
  return { from: describe(focusable[start]), stops: focusable.slice(start + 1, at + 1).map(describe) };
}

// ------------------------------------------------------------------ helpers in the test


/** Scrolls each chart into view so each draws and plays its entrance, and waits every
 *  entrance out (450 ms, ended by a timer at 900 ms at the latest). */
/** No error and no CSP violation recorded in the page (recorder.js; with $REPORT_URL, such as
 *  nginx, nothing is injected and nothing can be read). */
async function assertClean(page, name) {
  const recorded = await page.recorded();
  if (!recorded) return;
  assert.deepEqual(recorded.violations, [], `${name}: no CSP violation`);
  assert.deepEqual(recorded.errors, [], `${name}: no error`);
}

/** Clicks `selector` (a real click) and returns the download it started, caught in the page. */
async function clickDownload(page, selector) {
  const before = await page.evaluate(() => window.__downloads.length);
  await page.click(selector);
  const caught = await page.waitFor(download, [before], { what: `the download of ${selector}` });
  return { ...caught, index: before };
}

const ratios = {
  chromium: [[375, 2], [1280, 2], [1280, 3]],
  firefox: [[375, 2], [1280, 2], [1280, 3]],
  // MiniBrowser under WebDriver has no device scale factor: its ratio is 1.
  webkit: [[375, 1], [1280, 1]],
};

for (const name of ENGINES) {
  const noJs = name === 'webkit';
  test(`${name}: with JavaScript off every chart is visible as SVG${noJs ? ' (skipped: MiniBrowser cannot turn JavaScript off under WebDriver)' : ''}`, { skip: noJs }, async () => {
    for (const width of [375, 1280]) {
      const page = await shared.open(name, 'en.html', { width, height: 900, javaScript: false });
      const visible = await page.evaluate((charts) => charts.map((slug) => [...document.querySelectorAll(`[data-chart="${slug}"] .chart-svg svg`)]
        .filter((s) => s.getBoundingClientRect().height > 50 && getComputedStyle(s.parentElement).display !== 'none').length), CHARTS);
      assert.equal(await page.evaluate(() => document.querySelector('#app').dataset.ready ?? null), null, `${name}: no script ran`);
      CHARTS.forEach((slug, i) => assert.equal(visible[i], 1, `${name}: ${slug} at ${width}px shows exactly one SVG`));
      await page.close();
    }
  });

  const list = ratios[name];
  test(`${name}: drawing every chart under the strict CSP causes no violation; backing store = CSS size × ratio (${[...new Set(list.map((r) => r[1]))].join(' and ')}${name === 'webkit' ? ': MiniBrowser has no device scale factor under WebDriver' : ''})`, async () => {
    for (const [width, ratio] of list) {
      const page = await shared.open(name, 'en.html', { width, height: 900, scale: ratio });
      await page.ready();
      assert.equal(await page.evaluate(() => devicePixelRatio), ratio, `${name}: the page's devicePixelRatio at ${width}px`);
      await page.drawAll();
      const sizes = await page.evaluate(() => [...document.querySelectorAll('[data-testid="chart-canvas"]')].map((c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight })));
      assert.equal(sizes.length, CHARTS.length);
      for (const s of sizes) {
        assert.ok(s.cw > 0 && s.ch > 0, `${name}: the canvas has a size`);
        assert.ok(Math.abs(s.w - s.cw * ratio) <= 1 && Math.abs(s.h - s.ch * ratio) <= 1, `${name}: backing ${s.w}×${s.h} for CSS ${s.cw}×${s.ch} at ×${ratio} (${width}px)`);
      }
      // The canvas sits exactly where the SVG was: same box, so nothing moved.
      const boxes = await page.evaluate(() => [...document.querySelectorAll('.chart-frame')].map((f) => {
        const svg = [...f.querySelectorAll('.chart-svg')].find((d) => getComputedStyle(d).display !== 'none');
        const a = svg.getBoundingClientRect();
        const b = f.querySelector('canvas').getBoundingClientRect();
        return [a.width - b.width, a.height - b.height];
      }));
      for (const [dw, dh] of boxes) assert.ok(Math.abs(dw) < 1 && Math.abs(dh) < 1, `${name}: canvas and SVG differ by ${dw}×${dh} (${width}px ×${ratio})`);
      await assertClean(page, `${name} ${width}px ×${ratio}`);
      await page.close();
    }
  });

  test(`${name}: hovering with the mouse shows each value of each chart, and empty space shows none`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.drawAll();
    for (const slug of CHARTS) {
      const canvas = `[data-chart="${slug}"] [data-testid="chart-canvas"]`;
      const expected = await page.evaluate(tableValues, slug);
      const box = await page.centre(canvas);
      // A finished draw at this size (an entrance's frames are partial): every mark in place.
      await page.waitFor((sel) => {
        const c = document.querySelector(sel);
        return c.dataset.textBoxesSize === `${c.width} ${c.height}` || null;
      }, [canvas], { what: `${slug} drawn in full` });
      const viewport = await page.evaluate(() => innerHeight);
      assert.ok(box.top >= 0 && box.top + box.height <= viewport, `${name}: ${slug} fits in the viewport`);
      // Points over each mark, found by sweeping the canvas in the page (fast), in bands.
      const found = {};
      for (let y0 = 3, height = Infinity; y0 < height; y0 += 120) {
        const band = await page.evaluate(sweep, slug, y0, y0 + 120);
        height = band.height;
        for (const [v, pts] of Object.entries(band.points)) (found[v] ??= []).push(...pts);
      }
      assert.deepEqual(Object.keys(found).sort(), [...expected].sort(), `${name}: ${slug}: the sweep finds every value`);
      // Each checked with the real mouse, at the point nearest the middle of the points that
      // showed it (away from the edge of its mark).
      for (const [value, pts] of Object.entries(found)) {
        const mx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
        const my = pts.reduce((s, p) => s + p[1], 0) / pts.length;
        const [x, y] = pts.reduce((a, p) => (Math.hypot(p[0] - mx, p[1] - my) < Math.hypot(a[0] - mx, a[1] - my) ? p : a));
        await page.mouseMove(box.left + x, box.top + y);
        const state = await page.poll(chartState, [slug], (s) => s.value === value);
        assert.equal(state.value, value, `${name}: ${slug}: the mouse at ${x},${y} shows ${value}`);
        assert.equal(state.tooltips, 1, `${name}: ${slug}: one tooltip`);
      }
      // A corner of the frame is empty space: no tooltip.
      await page.mouseMove(box.left + 2, box.top + box.height - 2);
      const empty = await page.poll(chartState, [slug], (s) => s.tooltips === 0);
      assert.equal(empty.tooltips, 0, `${name}: ${slug}: no tooltip over empty space (showed ${empty.value})`);
    }
    await assertClean(page, name);
  });

  // A click (or a tap) focuses the canvas, and the focus handler (ChartState::focus, meant for
  // the keyboard) then picks the first mark when none is under the pointer.
  test(`${name}: a click on empty space in a chart shows no value`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.drawAll();
    // The click lands where the canvas is once the page has stopped moving (charts above it
    // settle a few pixels after they are drawn, and the browser's scroll anchoring follows).
    const selector = '[data-chart="livelihood-share"] [data-testid="chart-canvas"]';
    let box = await page.centre(selector);
    for (let i = 0; i < 10; i++) {
      await page.sleep(250);
      const again = await page.centre(selector);
      if (again.top === box.top) break;
      box = again;
    }
    await page.mouseClick(box.left + 3, box.top + box.height - 8);
    await page.sleep(300);
    const state = await page.evaluate(chartState, 'livelihood-share');
    // The click focused the chart (else this test would prove nothing), and showed nothing.
    assert.equal(state.focused, true, `${name}: the click focused the chart`);
    assert.equal(state.value, null, `${name}: no tooltip after a click on empty space`);
    assert.equal(state.said, '', `${name}: nothing announced`);
  });

  if (name === 'chromium') {
    test('chromium only (touch emulation: the other drivers have no touch screen): a tap on a phone shows the value under the finger', async () => {
      const page = await shared.open(name, 'en.html', { width: 375, height: 800, scale: 2, touch: true });
      await page.ready();
      // In view, drawn, and its entrance over (the bars grow for 450 ms).
      await page.centre('[data-chart="livelihood-growth"] [data-testid="chart-canvas"]');
      await page.waitFor(() => document.querySelector('[data-chart="livelihood-growth"] .chart-frame').classList.contains('canvas-ready'), [], { what: 'the chart drawn' });
      await page.sleep(1000);
      const box = await page.centre('[data-chart="livelihood-growth"] [data-testid="chart-canvas"]');
      // The second bar (150.2, the derived index) stands in the right half of the plot.
      let shown = null;
      for (let y = box.height * 0.3; y < box.height * 0.8 && !shown; y += 8) {
        await page.raw.touchscreen.tap(box.left + box.width * 0.7, box.top + y);
        await page.sleep(100);
        shown = (await page.evaluate(chartState, 'livelihood-growth')).value;
      }
      assert.equal(shown, '150.2');
      await assertClean(page, name);
    });
  }

  test(`${name}: the keyboard walks the marks with the arrow keys, Home and End, leaves with Escape, and Tab reaches a chart in order`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.drawAll();
    for (const slug of CHARTS) {
      const expected = await page.evaluate(tableValues, slug);
      const n = expected.length;
      const canvas = `[data-chart="${slug}"] [data-testid="chart-canvas"]`;
      await page.evaluate(listen, slug);
      await page.evaluate((sel) => document.querySelector(sel).focus(), canvas);
      const at = (i) => (s) => s.said.endsWith(` ${i} of ${n}.`);
      let state = await page.poll(chartState, [slug], at(1));
      const announced = [state.said];
      for (let i = 2; i <= n; i++) {
        await page.press(i % 2 ? 'ArrowDown' : 'ArrowRight');
        state = await page.poll(chartState, [slug], at(i));
        announced.push(state.said);
      }
      // The announcement says each value in the table's order, with its place.
      expected.forEach((value, i) => assert.ok(announced[i].includes(`: ${value},`) && announced[i].endsWith(` ${i + 1} of ${n}.`), `${name}: ${slug}: step ${i + 1} announces ${value}: ${announced[i]}`));
      // On the last mark, ArrowRight stays there: ArrowLeft then goes to the one before and
      // ArrowDown back (a wrap to the first would announce it).
      const heard = (await page.evaluate((s) => window.__said[s].length, slug));
      await page.press('ArrowRight');
      await page.press('ArrowLeft');
      await page.press('ArrowDown');
      await page.waitFor((s, k) => window.__said[s].length >= k + 2, [slug, heard], { what: 'two announcements' });
      await page.sleep(100);
      const tail = await page.evaluate((s, k) => window.__said[s].slice(k).filter(Boolean), slug, heard);
      assert.deepEqual(tail.map((t) => t.match(/(\d+) of \d+\.$/)[1]), n > 1 ? [String(n - 1), String(n)] : [], `${name}: ${slug}: ArrowRight stays on the last mark, ArrowLeft and ArrowDown move one: ${tail.join(' | ')}`);
      // Home, End, ArrowUp, and Home again.
      await page.press('Home');
      state = await page.poll(chartState, [slug], at(1));
      assert.ok(state.said.includes(`: ${expected[0]},`), `${name}: ${slug}: Home goes to the first: ${state.said}`);
      await page.press('End');
      state = await page.poll(chartState, [slug], at(n));
      assert.ok(state.said.includes(`: ${expected[n - 1]},`), `${name}: ${slug}: End goes to the last: ${state.said}`);
      if (n > 1) {
        await page.press('ArrowUp');
        state = await page.poll(chartState, [slug], at(n - 1));
        assert.ok(state.said.includes(`: ${expected[n - 2]},`), `${name}: ${slug}: ArrowUp goes back one: ${state.said}`);
      }
      await page.press('Home');
      state = await page.poll(chartState, [slug], at(1));
      assert.ok(state.said.endsWith(` 1 of ${n}.`), `${name}: ${slug}: Home: ${state.said}`);
      assert.equal(state.tooltips, 1, `${name}: ${slug}: the focused value shows`);
      assert.equal(state.value, expected[0], `${name}: ${slug}: the tooltip shows the focused value`);
      await page.press('Escape');
      state = await page.poll(chartState, [slug], (s) => s.tooltips === 0 && !s.focused);
      assert.equal(state.tooltips, 0, `${name}: ${slug}: Escape hides the value`);
      assert.equal(state.focused, false, `${name}: ${slug}: Escape leaves the chart`);
    }
    // Tab reaches a chart from the link before it, through every stop between, in order.
    const { from, stops } = await page.evaluate(fromLinkBefore, 'education');
    assert.equal(await page.evaluate(describeFocus), from, `${name}: the link before the chart has the focus`);
    const reached = [];
    for (let i = 0; i < stops.length; i++) {
      const before = await page.evaluate(describeFocus);
      await page.press('Tab');
      reached.push(await page.poll(describeFocus, [], (d) => d !== before, 2000));
    }
    assert.deepEqual(reached, stops, `${name}: Tab goes from ${from} to the chart, stop by stop`);
    assert.match(reached.at(-1), /^canvas\|chart-canvas\|education\|/, `${name}: Tab reaches the chart`);
    await assertClean(page, name);
  });

  test(`${name}: "show as table" shows the values, which match the CSV download and report.toml`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.evaluate(catchDownloads);
    for (const slug of CHARTS) {
      // Shown: rendered (a closed <details> hides its content with content-visibility in
      // some engines, which keeps its box) and its <details> open.
      const isShown = (s) => {
        const t = document.querySelector(`[data-chart="${s}"] table`);
        return t.closest('details').open && t.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true }) && t.getBoundingClientRect().height > 0;
      };
      assert.equal(await page.evaluate(isShown, slug), false, `${name}: ${slug}: the table is closed at first`);
      await page.click(`[data-chart="${slug}"] .chart-table summary`);
      assert.equal(await page.poll(isShown, [slug], (v) => v), true, `${name}: ${slug}: "Show as table" opens it`);
      const values = await page.evaluate(tableValues, slug);
      assert.ok(values.length > 0, `${name}: ${slug}: the table has values`);
      const file = await clickDownload(page, `[data-chart="${slug}"] [data-testid="download-csv"]`);
      assert.equal(file.name, `yangpu-${slug}.csv`);
      assert.equal(file.trusted, true, `${name}: the reader's own click`);
      const csv = parseCsv(await page.evaluate(downloadText, file.index));
      assert.deepEqual(csv.map((r) => r.value_shown), values, `${name}: ${slug}: CSV matches the table`);
      for (const r of csv) {
        const where = `${name}: ${slug}: ${r.item_id} ${r.value}`;
        assert.equal(r.chart, slug, where);
        const source = item(r.item_id);
        assert.ok(source, `${where}: the item is in report.toml`);
        assert.ok(Number.isFinite(Number(r.value)) && r.value !== '', `${where}: a number`);
        const value = Number(r.value);
        // Every value is either stated (a figure's value or starting value, a milestone's
        // year) or derived, and then says so with its basis.
        const stated = source.date ? [Number(source.date.slice(0, 4))] : [source.value, source.from].filter((v) => v !== undefined);
        if (r.derived === 'no') {
          assert.ok(stated.includes(value), `${where}: a stated value is report.toml's (${stated})`);
          assert.equal(r.basis, '', `${where}: no basis for a stated value`);
        } else {
          assert.equal(r.derived, 'yes', where);
          assert.ok(r.basis.length > 20, `${where}: a derived value gives its basis`);
          if (source.date) {
            assert.ok(stated.includes(value) && source.basis, `${where}: an inferred year is the milestone's, which has a basis`);
            assert.equal(r.basis, source.basis, `${where}: the milestone's basis`);
          } else {
            assert.ok(DERIVED.has(value) || DERIVED.has(Math.round(value * 10) / 10), `${where}: listed under [[derived]]`);
          }
        }
        // A year the text calls «this year» says so (the README: "2025 («this year»)").
        if (source.said) assert.equal(r.value_shown, `${source.date.slice(0, 4)} («${source.said}»)`, `${where}: the year as the text says it`);
        assert.ok(r.source_sentence.length > 20 && r.source_sentence.includes(source.quote), `${where}: the source sentence carries the quote`);
        assert.ok(SOURCE.includes(r.source_sentence), `${where}: the sentence is the source's`);
      }
    }
    await assertClean(page, name);
  });

  test(`${name}: on the Chinese page the downloads are Chinese, with the same figures`, async () => {
    const page = await shared.open(name, '?lang=zh', { width: 1280, height: 900 });
    await page.waitFor(() => document.documentElement.lang === 'zh-CN' || null, [], { what: 'the Chinese page' });
    await page.ready();
    await page.evaluate(catchDownloads);
    const slug = 'education';
    const csvFile = await clickDownload(page, `[data-chart="${slug}"] [data-testid="download-csv"]`);
    assert.equal(csvFile.name, `yangpu-${slug}-zh.csv`, `${name}: a Chinese file name`);
    const csv = parseCsv(await page.evaluate(downloadText, csvFile.index));
    // The source's figures (14 schools, 7,070 places), written as Chinese writes them, with Chinese labels.
    assert.deepEqual(csv.map((r) => Number(r.value)), [14, 7070], `${name}: the same figures`);
    assert.deepEqual(csv.map((r) => r.value_shown), ['14所', '7070个'], `${name}: as Chinese writes them`);
    for (const r of csv) assert.match(r.label, /[\u4e00-\u9fff]/, `${name}: a Chinese label (${r.label})`);
    const svgFile = await clickDownload(page, `[data-chart="${slug}"] [data-testid="download-svg"]`);
    assert.equal(svgFile.name, `yangpu-${slug}-zh.svg`);
    const texts = await page.evaluate(async (i) => {
      const doc = new DOMParser().parseFromString(await fetch(window.__downloads[i].href).then((r) => r.text()), 'image/svg+xml');
      return [...doc.querySelectorAll('text')].map((n) => n.textContent).join(' ');
    }, svgFile.index);
    assert.ok(texts.includes('新建学校与新增学位'), `${name}: the SVG has the Chinese title`);
    const pngFile = await clickDownload(page, `[data-chart="${slug}"] [data-testid="download-png"]`);
    assert.equal(pngFile.name, `yangpu-${slug}-zh.png`);
    const drawn = await page.evaluate(measureImage, pngFile.index);
    assert.ok(drawn.width === 1280 && drawn.ink > 0.03 && drawn.colours >= 3, `${name}: the Chinese PNG is drawn (${JSON.stringify(drawn)})`);
  });

  test(`${name}: each chart downloads as a PNG at 2× (width and height, not blank) and a valid SVG; the data package has every figure of report.toml`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    await page.evaluate(catchDownloads);
    for (const slug of CHARTS) {
      const svgFile = await clickDownload(page, `[data-chart="${slug}"] [data-testid="download-svg"]`);
      assert.equal(svgFile.name, `yangpu-${slug}.svg`);
      const svg = await page.evaluate(async (i) => {
        const text = await fetch(window.__downloads[i].href).then((r) => r.text());
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const root = doc.documentElement;
        return {
          error: !!doc.querySelector('parsererror'),
          root: root.nodeName,
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          texts: [...doc.querySelectorAll('text')].map((n) => n.textContent).join(' '),
        };
      }, svgFile.index);
      assert.equal(svg.error, false, `${name}: ${slug}: SVG parses`);
      assert.equal(svg.root, 'svg');
      const title = await page.evaluate((s) => document.querySelector(`[data-chart="${s}"] .chart-title`).textContent, slug);
      assert.ok(svg.texts.includes(title.split(' ')[0]), `${name}: ${slug}: SVG carries the title`);

      const pngFile = await clickDownload(page, `[data-chart="${slug}"] [data-testid="download-png"]`);
      assert.equal(pngFile.name, `yangpu-${slug}.png`);
      assert.match(pngFile.href, /^data:image\/png;base64,/);
      const bytes = Buffer.from(pngFile.href.split(',')[1], 'base64');
      assert.ok(bytes.length > 5000, `${name}: ${slug}: PNG has ${bytes.length} bytes`);
      assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
      const [width, height] = [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
      // Twice the downloadable SVG, the same drawing at 1× (640 px wide, laid out by the same
      // text widths, as the README says): header, chart and footer are each rounded at their
      // own scale, so the height may differ by up to a pixel each.
      assert.equal(svg.width, 640, `${name}: ${slug}: the SVG is the 640 px layout`);
      assert.equal(width, 1280, `${name}: ${slug}: PNG width is 2× the 640 px layout`);
      assert.ok(Math.abs(height - 2 * svg.height) <= 3, `${name}: ${slug}: PNG height ${height} is 2× the SVG's ${svg.height}`);
      const drawn = await page.evaluate(measureImage, pngFile.index);
      assert.deepEqual([drawn.width, drawn.height], [width, height], `${name}: ${slug}: the PNG decodes at its size`);
      assert.ok(drawn.ink > 0.03 && drawn.middle > 2000 && drawn.colours >= 3, `${name}: ${slug}: the PNG is not blank (${JSON.stringify(drawn)})`);
    }
    // The data package: every figure, achievement and milestone of report.toml, each with its
    // quote and the source sentence it is in.
    const json = JSON.parse(await page.evaluate(downloadText, (await clickDownload(page, '[data-testid="data-package"] a[download$=".json"]')).index));
    const cards = await page.evaluate(() => document.querySelectorAll('[data-testid="figure-card"]').length);
    assert.equal(json.figures.length, cards, `${name}: one figure per card`);
    assert.deepEqual(json.figures.map((f) => f.id), REPORT.figure.map((f) => f.id), `${name}: the figures of report.toml`);
    assert.deepEqual(json.achievements.map((a) => a.id), REPORT.achievement.map((a) => a.id), `${name}: the achievements`);
    assert.deepEqual(json.milestones.map((m) => m.id), REPORT.milestone.map((m) => m.id), `${name}: the milestones`);
    for (const f of json.figures) {
      const t = item(f.id);
      assert.deepEqual([f.value, f.from, f.quote, f.qualifier === 'over'], [t.value, t.from, t.quote, t.qualifier === 'over'], `${name}: ${f.id} as in report.toml`);
      assert.ok(f.source_sentence.includes(f.quote) && SOURCE.includes(f.source_sentence), `${name}: ${f.id}: its source sentence`);
    }
    const csvFile = await clickDownload(page, '[data-testid="data-package"] a[download$=".csv"]');
    assert.equal(csvFile.name, 'yangpu-report-figures.csv');
    const rows = parseCsv(await page.evaluate(downloadText, csvFile.index));
    assert.deepEqual(rows.map((r) => [r.id, Number(r.value), r.from === '' ? undefined : Number(r.from), r.quote]), REPORT.figure.map((f) => [f.id, f.value, f.from, f.quote]), `${name}: the figures CSV is report.toml's`);
    for (const r of rows) assert.ok(r.source_sentence.includes(r.quote) && SOURCE.includes(r.source_sentence), `${name}: ${r.id}: its source sentence`);
    await assertClean(page, name);
  });
}
