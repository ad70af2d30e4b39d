// End-to-end: links that reopen the exact view, back and forward, the timeline by keyboard,
// sharing, and bad links that still open the report, in every engine (Chromium, Firefox ESR,
// WebKitGTK; see engines.mjs). Each test's name starts with its engine; what an engine's
// driver cannot do is said in the test's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, useEngines } from './engines.mjs';

const shared = useEngines();

/** True when the element matching `selector` is rendered (has a box and is not hidden). */
function isShown(selector) {
  const el = document.querySelector(selector);
  return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Distance of an element's top from the top of the viewport. */
function topOf(selector) {
  return document.querySelector(selector).getBoundingClientRect().top;
}

/** Waits until the element matching `selector` is at the top of the view (the report scrolls
 *  there in an animation frame after hydration, which a busy engine may run late). */
const atTop = (page, selector) => page.waitFor((sel) => {
  const top = document.querySelector(sel).getBoundingClientRect().top;
  return top > -5 && top < 120;
}, [selector], { what: `${selector} at the top of the view` });

/** The console warnings src/history.rs promises for each parameter core/src/state/url.rs
 *  ignores: `Ignored ?<name>=<value as Rust's {:?} writes it> in the link: <reason>`. */
const ignored = (name, value, reason) => `Ignored ?${name}=${JSON.stringify(value)} in the link: ${reason}`;

for (const name of ENGINES) {
  test(`${name}: a link with each parameter opens that view`, async () => {
    const cases = [
      ['?section=services', '#services'],
      ['?chart=education', '#chart-education'],
      ['?milestone=2024', '#milestone-m2024'],
      ['?section=source', '#source'],
    ];
    const page = await shared.newPage(name, { width: 1280, height: 800 });
    for (const [query, selector] of cases) {
      await page.goto(`${shared.en}${query}`);
      await page.ready();
      await atTop(page, selector);
      // And it stays there.
      await page.sleep(300);
      const top = await page.evaluate(topOf, selector);
      assert.ok(top > -5 && top < 120, `${name} ${query}: ${selector} is at the top of the view (${top})`);
      assert.equal(await page.evaluate(() => location.search), query, `${name} ${query}: the address keeps the view`);
      const recorded = await page.recorded();
      assert.deepEqual(recorded.errors, [], `${name} ${query}: no error`);
      assert.deepEqual(recorded.warnings, [], `${name} ${query}: no warning`);
    }
    // The milestone is selected, and the housing chart lights up its goal.
    await page.goto(`${shared.en}?milestone=2024`);
    await page.ready();
    assert.equal(await page.evaluate(() => document.querySelector('#milestone-m2024-button').getAttribute('aria-pressed')), 'true');
    await page.evaluate(() => document.querySelector('[data-chart="housing-renewal"]').scrollIntoView({ block: 'center' }));
    const tooltip = await page.waitFor(() => {
      const tip = document.querySelector('[data-chart="housing-renewal"] [data-testid="chart-tooltip"]');
      return tip && tip.getClientRects().length > 0 && getComputedStyle(tip).visibility !== 'hidden' ? tip.querySelector('.tooltip-value').textContent : null;
    }, [], { what: 'the housing chart\'s tooltip' });
    assert.equal(tooltip, '2024');

    // Language, theme and mode round-trip.
    await page.goto(`${shared.en}?lang=en&theme=dark&mode=large`);
    await page.ready();
    assert.equal(await page.evaluate(() => location.search), '?lang=en&theme=dark&mode=large');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'large');
    assert.deepEqual((await page.recorded()).warnings, [], `${name}: no warning`);

    // An embed shows only its part.
    await page.setSize(600, 800);
    await page.goto(`${shared.en}?embed=chart:education`);
    await page.ready();
    assert.equal(await page.evaluate(isShown, '[data-testid="masthead"]'), false, `${name}: no site header when embedded`);
    assert.equal(await page.evaluate(isShown, '[data-chart="education"]'), true);
    const visibleCharts = await page.evaluate(() => [...document.querySelectorAll('[data-testid="chart"]')].filter((c) => c.offsetParent).length);
    assert.equal(visibleCharts, 1, `${name}: only the embedded chart`);
    assert.equal(await page.evaluate(isShown, '[data-testid="figure-card"]'), false);
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
  });

  test(`${name}: a malformed link still opens the report, nothing from it reaches the page as HTML, and each ignored parameter is named in a console warning${name === 'webkit' ? ' (at 447 px, MiniBrowser\'s narrowest window)' : ''}`, async () => {
    const query = '?section=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&chart=%E0%A4%A&milestone=1999&lang=fr&embed=chart:%3Cb%3E&theme=%22%3E%3Cscript%3Ealert(2)%3C/script%3E&&=&%%%';
    const page = await shared.newPage(name, { width: 375, height: 800 });
    // A dialog would be a script from the link running: counted where the driver reports
    // dialogs; in WebKit an open alert fails every later command.
    let dialogs = 0;
    page.raw?.on('dialog', (d) => {
      dialogs++;
      d.dismiss().catch(() => {});
    });
    await page.goto(`${shared.en}${query}`);
    await page.ready();
    await page.sleep(100);
    assert.equal(dialogs, 0, `${name}: no script ran`);
    assert.equal(await page.evaluate(() => document.querySelectorAll('img[src="x"], main script, b:not(main b)').length), 0, `${name}: nothing injected`);
    assert.equal(await page.evaluate(isShown, '[data-testid="masthead"]'), true, `${name}: the full report, not an embed`);
    const figure = await page.evaluate(() => [...document.querySelectorAll('main *')].some((el) => el.textContent.trim() === '421,000' && el.children.length === 0 && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'));
    assert.equal(figure, true, `${name}: 421,000 is visible`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme ?? null), null);
    // The bad parameters are dropped from the address; the warnings say why, one for each, in
    // the order of the link (core/src/state/url.rs's reasons).
    assert.equal(await page.evaluate(() => location.search), '');
    const recorded = await page.recorded();
    assert.deepEqual(recorded.errors, [], `${name}: no error`);
    assert.deepEqual(recorded.violations, [], `${name}: nothing tried to run a script (strict CSP)`);
    assert.deepEqual(recorded.warnings, [
      ignored('section', '<img src=x onerror=alert(1)>', 'unknown section'),
      ignored('chart', '%E0%A4%A', 'not valid percent-encoded UTF-8'),
      ignored('milestone', '1999', 'unknown milestone'),
      ignored('lang', 'fr', 'lang is zh or en'),
      ignored('embed', 'chart:<b>', 'embed is report, chart:<id>, section:<id> or timeline'),
      ignored('theme', '"><script>alert(2)</script>', 'theme is light or dark'),
      ignored('', '', 'unknown parameter'),
      ignored('%%%', '', 'not valid percent-encoded UTF-8'),
    ], `${name}: one warning per ignored parameter`);
  });

  test(`${name}: back and forward restore the view; moving within it adds no history entry`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 800 });
    await page.ready();
    const start = await page.evaluate(() => history.length);
    await page.click('#milestone-m2022-button');
    await page.click('#milestone-m2024-button');
    assert.equal(await page.evaluate(() => location.search), '?milestone=2024');
    assert.equal(await page.evaluate(() => history.length), start + 2, `${name}: a chosen milestone is a new entry`);
    // The browser's back and forward (history.back(), as the back button does, in every driver).
    await page.evaluate(() => history.back());
    await page.waitFor(() => location.search === '?milestone=2022', [], { what: 'the address after back' });
    await page.waitFor(() => document.querySelector('#milestone-m2022-button').getAttribute('aria-pressed') === 'true', [], { what: '2022 selected after back' });
    await page.evaluate(() => history.forward());
    await page.waitFor(() => document.querySelector('#milestone-m2024-button').getAttribute('aria-pressed') === 'true', [], { what: '2024 selected after forward' });
    assert.equal(await page.evaluate(() => location.search), '?milestone=2024');
    // Focusing a chart updates the address in place.
    const before = await page.evaluate(() => history.length);
    await page.evaluate(() => document.querySelector('[data-chart="livelihood-share"] [data-testid="chart-canvas"]').focus());
    await page.waitFor(() => location.search.includes('chart=livelihood-share'), [], { what: 'the chart in the address' });
    assert.equal(await page.evaluate(() => history.length), before, `${name}: no new entry`);
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
  });

  test(`${name}: the keyboard walks the timeline; the selection is announced and focus stays visible${name === 'webkit' ? ' (at 447 px, MiniBrowser\'s narrowest window)' : ''}`, async () => {
    const page = await shared.open(name, 'en.html', { width: 375, height: 800 });
    await page.focusWindow();
    await page.ready();
    const announced = () => page.evaluate(() => document.querySelector('[data-testid="timeline-announcement"]').textContent);
    const focused = () => page.evaluate(() => document.activeElement.id);
    await page.evaluate(() => {
      document.querySelector('#milestones .section-help').scrollIntoView();
      document.querySelector('#milestone-m2019-button').focus();
    });
    await page.press('Enter');
    assert.match(await announced(), /^November 2019: .*Milestone 1 of 6\.$/);
    await page.press('ArrowRight');
    assert.match(await announced(), /^2021: The 14th Five-Year Plan period starts\. Milestone 2 of 6\.$/);
    assert.equal(await focused(), 'milestone-m2021-button');
    await page.press('End');
    assert.equal(await focused(), 'milestone-m2025-button');
    assert.match(await announced(), /Milestone 6 of 6/);
    await page.press('Home');
    assert.equal(await focused(), 'milestone-m2019-button');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(outline, 'none', `${name}: focus is visible`);
    // Tab leaves the timeline from its one tab stop.
    await page.press('Tab');
    assert.notEqual(await page.evaluate(() => document.activeElement.dataset.testid ?? null), 'milestone-button');
    const recorded = await page.recorded();
    assert.deepEqual(recorded.errors, [], `${name}: no error`);
    assert.deepEqual(recorded.warnings, [], `${name}: no warning`);
  });

  test(`${name}: share: the dialog gives the link, copies it${name === 'chromium' ? '' : ' (the text handed to the clipboard; only Chromium\'s driver can grant reading it back)'}, shows a QR code and the embed code`, async () => {
    const page = await shared.newPage(name, { width: 1280, height: 900 });
    if (name === 'chromium') await page.raw.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(shared.en).origin });
    await page.goto(shared.en);
    await page.ready();
    // What the page hands to the clipboard, recorded on its way (the write itself still happens).
    await page.evaluate(() => {
      window.__copied = [];
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText;
      clipboard.writeText = function (text) {
        window.__copied.push(text);
        return write.call(clipboard, text);
      };
    });
    await page.click('#services [data-testid="share-section"]');
    await page.waitFor(() => {
      const d = document.querySelector('[data-testid="share-dialog"]');
      return d.open && d.getClientRects().length > 0;
    }, [], { what: 'the share dialog' });
    const link = await page.evaluate(() => document.querySelector('[data-testid="share-dialog"] [data-testid="share-link"]').value);
    assert.equal(link, `${shared.en}?section=services#services`);
    await page.click('[data-testid="share-dialog"] [data-testid="copy-link"]');
    await page.waitFor(() => [...document.querySelectorAll('[data-testid="share-dialog"] *')].some((el) => el.children.length === 0 && el.textContent.trim() === 'Link copied.' && el.getClientRects().length > 0), [], { what: '"Link copied."' });
    assert.deepEqual(await page.evaluate(() => window.__copied), [link], `${name}: the link goes to the clipboard`);
    if (name === 'chromium') assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link, 'read back from the clipboard');
    const qr = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="share-dialog"] [data-testid="share-qr"]');
      const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
      return { w: c.width, dark: dark / (data.length / 4) };
    });
    assert.ok(qr.w >= 200 && qr.dark > 0.2 && qr.dark < 0.6, `${name}: a QR code is drawn: ${JSON.stringify(qr)}`);
    const snippet = await page.evaluate(() => document.querySelector('[data-testid="share-dialog"] [data-testid="embed-code"]').value);
    assert.match(snippet, /^<iframe src="[^"]+\?lang=en&amp;embed=section:services" title="Yangpu District: Public services" loading="lazy" allow="clipboard-write; web-share"/);
    assert.match(snippet, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>$/);
    await page.press('Escape');
    await page.waitFor(() => {
      const d = document.querySelector('[data-testid="share-dialog"]');
      return !d.open && d.getClientRects().length === 0;
    }, [], { what: 'the dialog closed' });
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
    await page.close();
    // Opening the shared link reopens that view.
    const again = await shared.newPage(name, { width: 1280, height: 900 });
    await again.goto(link);
    await again.ready();
    await atTop(again, '#services');
    await again.sleep(300);
    const top = await again.evaluate(topOf, '#services');
    assert.ok(top > -5 && top < 120, `${name}: the shared link opens at its section (${top})`);
  });

  test(`${name}: every embed form shows its part; the social previews are PNGs drawn at build time, 1200×630 in the page's language and 600×600`, async () => {
    const cases = [
      ['?embed', ['#key-figures', '#housing', '#milestones', '#source']],
      ['?embed=report', ['#key-figures', '#source']],
      ['?embed=timeline', ['#milestones']],
      ['?embed=section:innovation', ['#innovation']],
    ];
    const page = await shared.newPage(name, { width: 600, height: 800 });
    for (const [query, shown] of cases) {
      await page.goto(`${shared.en}${query}`);
      await page.ready();
      assert.equal(await page.evaluate(isShown, '[data-testid="masthead"]'), false, `${name} ${query}: no header`);
      const visible = await page.evaluate(() => [...document.querySelectorAll('main > section')].filter((s) => s.offsetParent).map((s) => '#' + s.id));
      if (query === '?embed' || query === '?embed=report') {
        for (const id of shown) assert.ok(visible.includes(id), `${name} ${query}: ${id} shown`);
      } else {
        assert.deepEqual(visible, shown, `${name} ${query}: only ${shown}`);
      }
      assert.deepEqual((await page.recorded()).errors, [], `${name} ${query}: no error`);
    }
    await page.goto(shared.en);
    const meta = await page.evaluate(() => ({
      image: document.querySelector('meta[property="og:image"]').getAttribute('content'),
      card: document.querySelector('meta[name="twitter:card"]').getAttribute('content'),
    }));
    assert.equal(meta.card, 'summary_large_image');
    // The heads as served (after Trunk's minifier): every card tag filled, in the page's language.
    for (const [file, lang, han] of [['index.html', 'zh_CN', true], ['en.html', 'en_GB', false]]) {
      const html = await (await fetch(new URL(file, shared.en))).text();
      const head = html.slice(0, html.indexOf('<body'));
      assert.doesNotMatch(head, /\{[A-Za-z_]\w*\}/, `${file}: no unfilled blank in the head`);
      // The head's <meta> tags as attribute maps (the minifier may leave values unquoted).
      const decode = (v) => v.replace(/^["']|["']$/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      const metas = [...head.matchAll(/<meta\s[^>]*>/g)].map(([tag]) =>
        Object.fromEntries([...tag.matchAll(/([\w:-]+)=("[^"]*"|'[^']*'|[^\s>]+)/g)].map(([, k, v]) => [k, decode(v)])));
      const content = (sel) => {
        const [, key, value] = sel.match(/\[(\w+)="([^"]+)"\]/);
        return metas.find((m) => m[key] === value)?.content ?? '';
      };
      const doc = { title: decode(head.match(/<title>([^<]*)<\/title>/)?.[1] ?? '') };
      for (const sel of ['meta[property="og:title"]', 'meta[property="og:description"]', 'meta[property="og:site_name"]', 'meta[property="og:image:alt"]', 'meta[itemprop="name"]', 'meta[itemprop="description"]']) {
        assert.ok(content(sel).length > 5, `${file}: ${sel} is filled`);
        assert.equal(/[\u4e00-\u9fff]/.test(content(sel)), han, `${file}: ${sel} is in the page's language (${content(sel)})`);
      }
      assert.equal(content('meta[property="og:locale"]'), lang, file);
      assert.equal(doc.title, content('meta[property="og:title"]'), `${file}: the card's title is the page's`);
      const own = lang.slice(0, 2);
      assert.match(content('meta[itemprop="image"]'), new RegExp(`social-square-${own}\\.png$`), `${file}: QQ's square image, in its language`);
      assert.match(content('meta[property="og:image"]'), new RegExp(`social-${own}\\.png$`), `${file}: the card's image, in its language`);
    }
    const size = async (url) => {
      const png = Buffer.from(await (await fetch(url)).arrayBuffer());
      assert.equal(png.subarray(1, 4).toString(), 'PNG', `${url} is a PNG`);
      return [png.readUInt32BE(16), png.readUInt32BE(20)];
    };
    assert.equal(new URL(meta.image, shared.en).pathname.split('/').pop(), 'social-en.png', 'the English page shows the English image');
    assert.deepEqual(await size(new URL(meta.image, shared.en)), [1200, 630]);
    // Each language's images (core/src/charts/social.rs, file_name): wide and square.
    for (const lang of ['zh', 'en']) {
      assert.deepEqual(await size(new URL(`social-${lang}.png`, shared.en)), [1200, 630], lang);
      assert.deepEqual(await size(new URL(`social-square-${lang}.png`, shared.en)), [600, 600], lang);
    }
  });

  test(`${name}: ${name === 'webkit' ? 'the charts grow in as they come into view (reduced motion not tested: MiniBrowser has no reduced-motion setting under WebDriver)' : 'with reduced motion the charts draw once, finished; otherwise they grow in as they come into view'}`, async (t) => {
    // Draws counted from the first byte, from the User Timing measure the app makes for each
    // (recorder.js counts them). Every chart is drawn finished once it has a size; one below
    // the fold grows in (a draw per frame) when it first comes into view, unless motion is
    // reduced. How many frames an entrance gets depends on the engine's frame rate, so the
    // test waits for one to begin (two more draws: at 0 and, at the latest by its timer, at 1).
    const draws = async (reducedMotion) => {
      const page = await shared.newPage(name, { width: 1280, height: 700, ...(reducedMotion === 'reduce' ? { reducedMotion } : {}) });
      await page.goto(shared.en);
      await page.ready();
      assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), reducedMotion === 'reduce', `${name}: the browser ${reducedMotion === 'reduce' ? 'asks' : 'does not ask'} for reduced motion`);
      const charts = await page.evaluate(() => document.querySelectorAll('.chart-frame').length);
      // Every chart drawn (off screen too) before this one is scrolled to: one drawn first
      // while in view is drawn finished, with no entrance.
      await page.waitFor(() => [...document.querySelectorAll('.chart-frame')].every((f) => f.classList.contains('canvas-ready')), [], { what: 'every chart drawn' });
      await page.evaluate(() => document.querySelector('[data-chart="innovation-awards"]').scrollIntoView({ block: 'center', behavior: 'instant' }));
      // Two frames and a task: the chart has been seen, and an entrance, if any, has begun.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
      const count = () => window.__e2e.measures['yangpu:chart-draw'] ?? 0;
      if (reducedMotion !== 'reduce') await page.waitFor((min) => (window.__e2e.measures['yangpu:chart-draw'] ?? 0) >= min, [charts + 2], { what: 'an entrance animation', timeout: 10000 });
      // Past the entrance (450 ms, 900 at the latest by its timer).
      await page.sleep(1200);
      const n = await page.evaluate(count);
      await page.close();
      return { n, charts };
    };
    const moving = await draws('no-preference');
    t.diagnostic(`${moving.n} draws of ${moving.charts} charts with motion`);
    if (shared.engines[name].supports.reducedMotion) {
      const still = await draws('reduce');
      t.diagnostic(`${still.n} draws of ${still.charts} charts with reduced motion`);
      assert.equal(still.n, still.charts, `${name}: one draw per chart when motion is reduced`);
      assert.ok(moving.n >= still.n + 2, `${name}: an entrance animation otherwise (${moving.n} draws, ${still.n} with reduced motion)`);
    }
  });
}
