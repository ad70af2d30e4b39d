// End-to-end in every engine readers use: Chromium, Firefox ESR and WebKitGTK (Safari's
// engine, and every iOS in-app browser's). Each test runs once per engine, its name starts
// with the engine, and a failure names it. What only Chromium can do (CDP throttling, print
// emulation, request interception) stays in the other files.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve } from './server.mjs';
import { ENGINES, startEngine } from './engines.mjs';
import { KEY_FIGURES } from './browser.mjs';
import { readFileSync } from 'node:fs';

// The chart registry's slugs (core/src/vocabulary.rs keeps the file equal).
const { charts: CHARTS } = JSON.parse(readFileSync(new URL('./vocabulary.json', import.meta.url), 'utf8'));

let report;
const engines = {};

before(async () => {
  // Instrumented: recorder.js asks the charts for their texts' boxes (`data-text-boxes`).
  report = await serve('dist', { instrument: true });
  for (const name of ENGINES) engines[name] = await startEngine(name);
});
after(async () => {
  for (const engine of Object.values(engines)) await engine.close().catch(() => {});
  await report?.close();
});

async function embedViews() {
  const early = await fs.readFile('src/early.js', 'utf8');
  const list = (name) => JSON.parse(early.match(new RegExp(`var ${name} = (\\[[^\\]]*\\])`))[1].replace(/'/g, '"'));
  return ['report', 'timeline', ...list('CHARTS').map((c) => `chart:${c}`), ...list('SECTIONS').map((s) => `section:${s}`)];
}

/** What the page shows: the embed view, chrome and visible sections and charts. */
function shown() {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  return {
    embed: document.documentElement.dataset.embed ?? null,
    masthead: visible(document.querySelector('.masthead')),
    sections: [...document.querySelectorAll('main > section')].filter(visible).map((s) => s.id),
    charts: [...document.querySelectorAll('.chart')].filter(visible).map((c) => c.dataset.chart),
  };
}

/** Every chart canvas: its size, the text boxes the chart layer drew (surface pixels, size in
 *  CSS pixels), and whether any pixel of its outermost rows and columns differs from its
 *  background (a mark or a letter touching the edge). */
function canvases() {
  return [...document.querySelectorAll('.chart-canvas')].map((c) => {
    const ctx = c.getContext('2d');
    const { width: w, height: h } = c;
    const data = ctx.getImageData(0, 0, w, h).data;
    const at = (x, y) => data.slice((y * w + x) * 4, (y * w + x) * 4 + 3).join(',');
    const background = at(Math.floor(w / 2), h - 1) === at(0, 0) ? at(0, 0) : at(0, 0);
    const edge = [];
    for (let x = 0; x < w; x += 1) edge.push(at(x, 0), at(x, h - 1));
    for (let y = 0; y < h; y += 1) edge.push(at(0, y), at(w - 1, y));
    const boxes = (c.dataset.textBoxes || '').split(';').filter(Boolean).map((b) => b.split(' ').map((v, i) => (i < 5 ? Number(v) : v)));
    return {
      chart: c.closest('[data-chart]').dataset.chart,
      w,
      h,
      boxes,
      edgeTouched: edge.filter((p) => p !== background).length,
      drawn: c.closest('.chart-frame').classList.contains('canvas-ready'),
    };
  });
}

for (const name of ENGINES) {
  // Pages a test opened, closed after it even when it fails (WebKitWebDriver runs one
  // session at a time).
  const pages = [];
  const newPage = async (size = {}) => {
    const page = await engines[name].newPage(size);
    pages.push(page);
    return page;
  };
  const open = async (url, size = {}) => {
    const page = await newPage(size);
    await page.goto(url);
    return page;
  };
  afterEach(async () => {
    while (pages.length) await pages.pop().close().catch(() => {});
  });

  test(`${name}: the report hydrates with every key figure and every island`, async () => {
    const page = await open(`${report.url}?lang=en`);
    await page.ready();
    const state = await page.evaluate(() => ({
      text: document.querySelector('#key-figures').innerText,
      islands: Number(document.querySelector('#app').dataset.islands),
      marked: document.querySelectorAll('[data-island]').length,
      failed: document.documentElement.classList.contains('wasm-failed') || !!document.getElementById('crash-notice'),
      lang: document.documentElement.lang,
    }));
    for (const figure of KEY_FIGURES) assert.ok(state.text.includes(figure), `${name}: ${figure} shown`);
    assert.equal(state.islands, state.marked, `${name}: every island hydrated`);
    assert.equal(state.failed, false, `${name}: no failure notice`);
    assert.equal(state.lang, 'en');
    assert.deepEqual(page.errors, [], `${name}: no page error`);
  });

  test(`${name}: no horizontal scroll from 320 to 2560 px, in Chinese and English`, async () => {
    const page = await open(`${report.url}?lang=zh`);
    await page.ready();
    for (const lang of ['zh', 'en']) {
      if (lang === 'en') {
        await page.goto(`${report.url}?lang=en`);
        await page.ready();
      }
      for (const width of [320, 375, 768, 1280, 1920, 2560]) {
        await page.setSize(width, 900);
        const m = await page.waitFor((w) => (Math.abs(innerWidth - w) < 200 ? { inner: innerWidth, scroll: document.documentElement.scrollWidth } : null), [width], { what: `a ${width} px window` });
        assert.ok(m.scroll <= m.inner, `${name} ${lang} at ${m.inner} px: the page is ${m.scroll} px wide`);
      }
    }
  });

  // (Without the wasm, every view is checked in embed.test.mjs, in every engine.)
  test(`${name}: every embed view shows its view once the wasm has started`, async () => {
    const views = await embedViews();
    const page = await newPage({ width: 800, height: 900 });
    for (const [server, wasm] of [[report, 'loaded']]) {
      for (const lang of ['zh', 'en']) {
        for (const view of views) {
          await page.goto(`${server.url}?embed=${view}&lang=${lang}`);
          // The page in the asked language (early.js may have gone to it) has loaded.
          await page.waitFor((l, v) => document.readyState === 'complete' && document.documentElement.lang.startsWith(l) && location.search.includes(v), [lang, view], { what: 'the embed page' });
          if (wasm === 'loaded' && view === views[0]) await page.ready();
          const s = await page.evaluate(shown);
          const where = `${name}, wasm ${wasm}, ${lang} embed=${view}`;
          assert.equal(s.embed, view, where);
          assert.equal(s.masthead, false, `${where}: no site chrome`);
          const [kind, id] = view.split(':');
          if (kind === 'chart') assert.deepEqual(s.charts, [id], `${where}: that chart alone`);
          else if (kind === 'section') assert.deepEqual(s.sections, [id], `${where}: that section alone`);
          else if (kind === 'timeline') assert.deepEqual(s.sections, ['milestones'], where);
          else assert.equal(s.sections.length, 6, where);
        }
      }
    }
  });

  test(`${name}: chart text and marks stay inside every canvas and are readable, 320 to 1920 px, zh and en, standard and large`, async () => {
    const page = await newPage({ width: 1280, height: 900 });
    // The README's promise: chart text at least 12 CSS px; in large mode labels and values at
    // least 18, ticks and notes at least 16.
    const least = { standard: { axis: 12, label: 12, value: 12, title: 12, other: 12 }, large: { axis: 16, label: 18, value: 18, title: 18, other: 16 } };
    for (const [lang, mode] of [['zh', 'standard'], ['en', 'standard'], ['zh', 'large'], ['en', 'large']]) {
      await page.goto(`${report.url}?lang=${lang}${mode === 'large' ? '&mode=large' : ''}`);
      await page.ready();
      // Each chart seen once, its entrance played (a chart off screen plays it when it first
      // comes into view: a width that brings it into view would start it mid-check).
      await page.drawAll();
      for (const width of [320, 375, 768, 1280, 1920]) {
        await page.setSize(width, 900);
        // Every chart redrawn at this width (its canvas at its frame's size), and its texts'
        // boxes logged by a finished draw at that size (an entrance's frames log none).
        await page.waitFor((count) => {
          const all = [...document.querySelectorAll('.chart-canvas')];
          return all.length === count && all.every((c) => c.closest('.chart-frame').classList.contains('canvas-ready') && Math.abs(c.width / devicePixelRatio - c.getBoundingClientRect().width) < 2
            && Math.abs(c.height / devicePixelRatio - c.getBoundingClientRect().height) < 2 && c.dataset.textBoxesSize === `${c.width} ${c.height}`);
        }, [CHARTS.length], { what: `charts drawn at ${width} px, their texts logged` });
        await new Promise((r) => setTimeout(r, 150));
        for (const c of await page.evaluate(canvases)) {
          const where = `${name} ${lang} ${mode} ${width} px ${c.chart}`;
          assert.ok(c.boxes.length > 0, `${where}: the chart reports its texts`);
          for (const [x0, y0, x1, y1, size, role] of c.boxes) {
            assert.ok(x0 >= 0 && y0 >= 0 && x1 <= c.w && y1 <= c.h, `${where}: a text box ${[x0, y0, x1, y1]} crosses the ${c.w}×${c.h} canvas`);
            assert.ok(size >= least[mode][role] - 0.05, `${where}: ${role} text of ${size.toFixed(1)} CSS px (at least ${least[mode][role]})`);
          }
          assert.equal(c.edgeTouched, 0, `${where}: ${c.edgeTouched} pixels at the canvas edge are not background`);
        }
      }
    }
  });

  test(`${name}: a chart below the fold shows its data, and its pixels do not change once it is seen`, async () => {
    const page = await open(`${report.url}?lang=en`, { width: 375, height: 700 });
    await page.ready();
    const fingerprint = () => {
      const c = document.querySelector('[data-chart="innovation-awards"] .chart-canvas');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let hash = 0;
      for (let i = 0; i < d.length; i += 16) hash = (hash * 31 + d[i] + d[i + 1] * 3 + d[i + 2] * 7) >>> 0;
      return { hash, ready: c.closest('.chart-frame').classList.contains('canvas-ready'), top: c.getBoundingClientRect().top };
    };
    const before = await page.waitFor(() => {
      const c = document.querySelector('[data-chart="innovation-awards"] .chart-frame');
      return c.classList.contains('canvas-ready') ? true : null;
    }, [], { what: 'the last chart drawn' }).then(() => page.evaluate(fingerprint));
    assert.ok(before.top > 700, `${name}: the chart is below the fold (${before.top})`);
    await page.evaluate(() => document.querySelector('[data-chart="innovation-awards"]').scrollIntoView({ block: 'center' }));
    // The entrance (0.45 s) plays now; it ends where it began.
    await new Promise((r) => setTimeout(r, 1500));
    const after = await page.evaluate(fingerprint);
    assert.equal(after.hash, before.hash, `${name}: the chart was drawn finished before it was seen`);
  });

  test(`${name}: in dark mode the keyboard highlight has at least 3:1 contrast with the chart`, async () => {
    const page = await open(`${report.url}?lang=en&theme=dark`, { width: 1280, height: 900 });
    await page.ready();
    await page.waitFor(() => document.querySelector('[data-chart="livelihood-share"] .chart-frame.canvas-ready') !== null, [], { what: 'the chart drawn' });
    await page.evaluate(() => {
      const c = document.querySelector('[data-chart="livelihood-share"] .chart-canvas');
      c.scrollIntoView({ block: 'center' });
      c.focus();
    });
    await page.press('ArrowRight');
    const ring = await page.waitFor(() => {
      const o = document.querySelector('[data-chart="livelihood-share"] .chart-overlay');
      const d = o.getContext('2d').getImageData(0, 0, o.width, o.height).data;
      const counts = {};
      for (let i = 0; i < d.length; i += 4) if (d[i + 3] === 255) counts[`${d[i]},${d[i + 1]},${d[i + 2]}`] = (counts[`${d[i]},${d[i + 1]},${d[i + 2]}`] || 0) + 1;
      const top = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
      const c = document.querySelector('[data-chart="livelihood-share"] .chart-canvas');
      const bg = [...c.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)];
      return top ? { ring: top[0].split(',').map(Number), bg } : null;
    }, [], { what: 'the highlight ring' });
    const luminance = (rgb) => {
      const [r, g, b] = rgb.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const [hi, lo] = [luminance(ring.ring), luminance(ring.bg)].sort((a, b) => b - a);
    const contrast = (hi + 0.05) / (lo + 0.05);
    assert.ok(luminance(ring.bg) < 0.05, `${name}: the chart is dark (${ring.bg})`);
    assert.ok(contrast >= 3, `${name}: ring ${ring.ring} on ${ring.bg} is ${contrast.toFixed(2)}:1`);
  });

  test(`${name}: the language switch changes the report in place`, async () => {
    const page = await open(`${report.url}?lang=en`, { width: 1280, height: 900 });
    await page.ready();
    await page.evaluate(() => { window.__sameDocument = true; });
    await page.click('[data-testid="toggle-lang"]');
    const after = await page.waitFor(() => (document.documentElement.lang === 'zh-CN' && document.querySelector('#app[data-ready="true"]')
      ? { title: document.querySelector('[data-testid="title"]').textContent, same: window.__sameDocument === true, search: location.search }
      : null), [], { what: 'the Chinese report' });
    assert.match(after.title, /杨浦区/, `${name}: the title is Chinese`);
    assert.equal(after.same, true, `${name}: no reload`);
    assert.match(after.search, /lang=zh/);
  });
}

// Browser features that differ between engines (and between versions readers still run):
// each one the report relies on, taken away before the report starts, as an engine without
// it would be (tests/e2e/recorder.js), in every engine. The report must keep working and
// offer its fallback, with no error.
const FEATURES = {
  // boot.js starts the wasm after the first paint; without paint entries, after a frame.
  'no-paint': async (page) => {
    await page.waitFor(() => document.querySelectorAll('.chart-frame.canvas-ready').length >= 1 || null, [], { what: 'a chart drawn' });
  },
  // Read-aloud needs speech synthesis: without it, its buttons are not offered.
  'no-speech': async (page, name) => {
    const buttons = await page.evaluate(() => [...document.querySelectorAll('[data-testid="read-aloud"]')].map((b) => b.getClientRects().length > 0));
    assert.ok(buttons.length > 5, `${name}: read-aloud buttons exist (${buttons.length})`);
    assert.deepEqual([...new Set(buttons)], [false], `${name}: none is shown`);
  },
  // Web Share: without it, the share dialog does not offer it; the link is still there.
  'no-share': async (page, name) => {
    await page.click('[data-testid="share-report"]');
    const dialog = await page.waitFor(() => {
      const d = document.querySelector('[data-testid="share-dialog"]');
      return d.hasAttribute('open') ? { native: document.querySelector('[data-testid="web-share"]').getClientRects().length > 0, link: document.querySelector('[data-testid="share-link"]').value } : null;
    }, [], { what: 'the share dialog' });
    assert.equal(dialog.native, false, `${name}: no native share button`);
    assert.match(dialog.link, /^http:\/\/127\.0\.0\.1:\d+\/en\.html/, `${name}: the link is offered`);
  },
  // Clipboard: without it, "Copy link" selects the link for the reader's own copy command
  // and says so.
  'no-clipboard': async (page, name) => {
    await page.click('[data-testid="share-report"]');
    await page.waitFor(() => document.querySelector('[data-testid="share-dialog"]').hasAttribute('open') || null, [], { what: 'the share dialog' });
    await page.click('[data-testid="copy-link"]');
    const state = await page.waitFor(() => {
      const status = document.querySelector('[data-testid="share-status"]').textContent;
      const input = document.querySelector('[data-testid="share-link"]');
      return status ? { status, selected: input.selectionEnd - input.selectionStart, length: input.value.length, focused: document.activeElement === input } : null;
    }, [], { what: 'the copy status' });
    // The README's promise, in the interface's words (core/src/i18n/ui.rs COPY_REFUSED).
    assert.match(state.status, /^Automatic copying is not available here\. The text is selected/, `${name}: the status says so (${state.status})`);
    assert.equal(state.selected, state.length, `${name}: the whole link is selected`);
  },
  // <dialog> without showModal/close (older WebKit): the dialog still opens and closes.
  'no-dialog': async (page, name) => {
    await page.click('[data-testid="share-report"]');
    const opened = await page.waitFor(() => {
      const d = document.querySelector('[data-testid="share-dialog"]');
      return d.hasAttribute('open') ? { visible: d.getClientRects().length > 0, link: document.querySelector('[data-testid="share-link"]').value } : null;
    }, [], { what: 'the share dialog opened' });
    assert.equal(opened.visible, true, `${name}: the dialog is shown`);
    assert.ok(opened.link.length > 10, `${name}: with its link`);
    await page.click('[data-testid="close-share"]');
    await page.waitFor(() => !document.querySelector('[data-testid="share-dialog"]').hasAttribute('open') || null, [], { what: 'the dialog closed' });
  },
  // Without ResizeObserver the charts cannot follow their frame: each keeps its pre-rendered
  // SVG, a finished chart (never an empty or half-drawn canvas).
  'no-resize-observer': async (page, name) => {
    const charts = await page.evaluate(() => [...document.querySelectorAll('.chart-frame')].map((f) => {
      const svg = [...f.querySelectorAll('.chart-svg')].some((d) => getComputedStyle(d).display !== 'none' && getComputedStyle(d).visibility !== 'hidden' && d.getBoundingClientRect().height > 50);
      return { svg, drawn: f.classList.contains('canvas-ready') };
    }));
    assert.equal(charts.length, CHARTS.length);
    for (const c of charts) assert.ok(c.svg || c.drawn, `${name}: every chart shows its data (${JSON.stringify(charts)})`);
  },
};

for (const name of ENGINES) {
  // boot.js fetches and compiles the wasm itself, while the page paints, and hands the
  // compiled module to the glue: if the glue fetched it again (or a preload did not match
  // boot.js's fetch, as in WebKit), the reader would download the 140 KB twice.
  test(`${name}: the wasm is fetched once and the report starts from it`, async () => {
    const fetched = [];
    const server = await serve('dist', { block: (pathname) => (fetched.push(pathname), false) });
    const page = await engines[name].newPage({ width: 412, height: 900 });
    try {
      await page.goto(`${server.url}?lang=zh`);
      await page.ready();
      const wasm = fetched.filter((p) => p.endsWith('.wasm'));
      assert.equal(wasm.length, 1, `${name}: the wasm was requested once (${fetched.join(', ')})`);
      assert.deepEqual(page.errors, [], `${name}: no page error`);
    } finally {
      await page.close();
      await server.close();
    }
  });

  test(`${name}: where the browser has Web Share, "Share…" hands it the view's link and name`, async () => {
    // None of the three engines has Web Share on this desktop: recorder.js gives one that records.
    const server = await serve('dist', { instrument: 'share' });
    const page = await engines[name].newPage({ width: 1000, height: 900 });
    try {
      await page.goto(`${server.url}en.html`);
      await page.ready();
      await page.click('[data-chart="education"] [data-testid="share-chart"]');
      await page.waitFor(() => document.querySelector('[data-testid="share-dialog"]').hasAttribute('open') || null, [], { what: 'the share dialog' });
      const offered = await page.evaluate(() => document.querySelector('[data-testid="web-share"]').getClientRects().length > 0);
      assert.equal(offered, true, `${name}: the native share button is offered`);
      await page.click('[data-testid="web-share"]');
      const shared = await page.waitFor(() => (window.__e2e.shared.length ? window.__e2e.shared : null), [], { what: 'the share call' });
      // The README's promise: the link reopens this exact view.
      assert.deepEqual(shared, [{ title: shared[0].title, url: `${server.url}en.html?chart=education#chart-education` }], name);
      assert.match(shared[0].title, /New schools and school places/, `${name}: named after the chart`);
      assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
    } finally {
      await page.close();
      await server.close();
    }
  });

  // Moving the window to a screen of another pixel density. No driver fires the media query
  // change that comes with it, so recorder.js (`ratio`) changes devicePixelRatio and fires it.
  test(`${name}: a change of pixel ratio redraws every chart sharp at the new ratio`, async () => {
    const server = await serve('dist', { instrument: 'ratio' });
    const page = await engines[name].newPage({ width: 1000, height: 900 });
    try {
      await page.goto(`${server.url}en.html`);
      await page.ready();
      await page.drawAll();
      const backing = () => [...document.querySelectorAll('.chart-canvas')].map((c) => c.width / c.getBoundingClientRect().width);
      for (const r of await page.evaluate(backing)) assert.ok(Math.abs(r - 1) < 0.01, `${name}: at ratio 1 the backing store is 1× (${r})`);
      assert.ok((await page.evaluate(() => window.__e2e.setRatio(2))) > 0, `${name}: the page listens for ratio changes`);
      const ratios = await page.poll(backing, [], (rs) => rs.every((r) => Math.abs(r - 2) < 0.01), 5000);
      assert.deepEqual(ratios.map((r) => Math.round(r * 100) / 100), [2, 2, 2, 2, 2], `${name}: every canvas redrawn at 2×`);
      assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
    } finally {
      await page.close();
      await server.close();
    }
  });

  test(`${name}: each browser feature the report relies on, when missing, leaves a working fallback`, async () => {
    const engine = engines[name];
    // What this engine has, for the record (printed with the test output).
    const page0 = await engine.newPage({ width: 1000, height: 900 });
    try {
      await page0.goto(`${report.url}?lang=en`);
      const has = await page0.evaluate(() => ({
        paint: typeof PerformanceObserver === 'function' && (PerformanceObserver.supportedEntryTypes || []).includes('paint'),
        has: CSS.supports('selector(:has(a))'),
        containerQueries: CSS.supports('container-type: inline-size'),
        dialog: typeof HTMLDialogElement === 'function' && typeof HTMLDialogElement.prototype.showModal === 'function',
        speech: typeof window.speechSynthesis === 'object' && window.speechSynthesis !== null,
        clipboard: !!(navigator.clipboard && navigator.clipboard.writeText),
        share: typeof navigator.share === 'function',
        resizeObserver: typeof ResizeObserver === 'function',
      }));
      console.log(`${name} has: ${JSON.stringify(has)}`);
    } finally {
      await page0.close();
    }
    for (const [fake, check] of Object.entries(FEATURES)) {
      const server = await serve('dist', { instrument: fake });
      const page = await engine.newPage({ width: 1000, height: 900 });
      try {
        await page.goto(`${server.url}en.html`);
        await page.ready();
        await check(page, `${name} ${fake}`);
        const recorded = await page.recorded();
        assert.deepEqual(recorded.errors, [], `${name} ${fake}: no error`);
      } finally {
        await page.close();
        await server.close();
      }
    }
  });
}
