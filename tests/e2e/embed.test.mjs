// End-to-end: the report embedded in host pages on another origin (another port), resized
// by public/embed.js and by an unmodified pym.js, deaf to foreign messages, and working
// inside <iframe sandbox="allow-scripts">.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

let report;
let noCors;
let host;
let foreign;
let browser;

before(async () => {
  report = await serve('dist');
  noCors = await serve('dist', { cors: false });
  foreign = await serve('tests/e2e', {
    csp: null,
    pages: { '/foreign.html': '<!doctype html><title>foreign</title><p>foreign frame</p>' },
  });
  const pym = await fs.readFile('node_modules/pym.js/dist/pym.v1.min.js', 'utf8');
  const r = report.url;
  host = await serve('tests/e2e', {
    csp: null,
    pages: {
      '/embed-js.html': `<!doctype html><meta charset="utf-8"><title>Portal</title>
        <h1>A portal page</h1>
        <iframe id="report" src="${r}?embed=section:services" title="Yangpu: public services" style="width:100%;border:0" height="150"></iframe>
        <iframe id="other" src="${foreign.url}foreign.html" title="Someone else" height="50"></iframe>
        <script src="${r}embed.js" async></script>`,
      '/pym.html': `<!doctype html><meta charset="utf-8"><title>Pym portal</title>
        <div id="report-container"></div>
        <script src="/pym.js"></script>
        <script>window.parentPym = new pym.Parent('report-container', '${r}?embed=chart:education', {});</script>`,
      '/pym.js': pym,
      '/sandbox-no-cors.html': `<!doctype html><meta charset="utf-8"><title>Sandboxed, no CORS</title>
        <iframe id="report" sandbox="allow-scripts" src="${noCors.url}?embed=section:key-figures" title="Yangpu key figures" style="width:100%;border:0" height="700"></iframe>`,
      '/sync.html': `<!doctype html><meta charset="utf-8"><title>Portal with a timeline</title>
        <iframe id="timeline" src="${r}?embed=timeline&lang=en" title="Yangpu milestones" style="width:100%;border:0" height="600"></iframe>
        <iframe id="nosync" data-sync="off" src="${r}?embed=timeline&lang=en" title="Yangpu milestones again" style="width:100%;border:0" height="600"></iframe>
        <script src="${r}embed.js"></script>`,
      '/english-portal.html': `<!doctype html><html lang="en-GB"><meta charset="utf-8"><title>An English portal</title>
        <iframe src="${r}?embed=chart:education" title="Yangpu schools" style="width:100%;border:0" height="600"></iframe>
        <iframe id="other" src="${foreign.url}foreign.html" title="Someone else" height="50"></iframe>
        <script src="${r}embed.js"></script></html>`,
      '/sandbox.html': `<!doctype html><meta charset="utf-8"><title>Sandboxed</title>
        <iframe id="report" sandbox="allow-scripts" src="${r}?embed=chart:livelihood-share" title="Yangpu chart" style="width:100%;border:0" height="700"></iframe>
        <script src="${r}embed.js" async></script>`,
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([report?.close(), noCors?.close(), host?.close(), foreign?.close()]);
});

async function hostPage(path, width = 1000) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(host.url + path.slice(1));
  return page;
}

/** Waits until the iframe's height is within 2 px of its document's height; returns it. */
async function followsContent(page, selector, timeout = 1000) {
  const frame = page.frameLocator(selector);
  const started = Date.now();
  let last;
  while (Date.now() - started < timeout) {
    const frameHeight = await page.locator(selector).evaluate((f) => f.getBoundingClientRect().height);
    const content = await frame.locator('#app').evaluate((a) => Math.ceil(a.getBoundingClientRect().height));
    last = [frameHeight, content];
    if (Math.abs(frameHeight - content) <= 2) return content;
    await page.waitForTimeout(50);
  }
  assert.fail(`iframe ${selector} is ${last[0]}px for ${last[1]}px of content after ${timeout} ms`);
}

test('embed.js on a portal on another origin sizes the iframe to its content and follows it', async () => {
  const page = await hostPage('/embed-js.html');
  const frame = page.frameLocator('#report');
  await frame.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await frame.getByTestId('masthead').isVisible(), false);
  const first = await followsContent(page, '#report', 3000);
  assert.ok(first > 500, `the services section is tall (${first})`);

  // A section opens: the table of the first chart.
  await frame.locator('[data-chart="livelihood-share"]').getByText('Show as table').click();
  const opened = await followsContent(page, '#report');
  assert.ok(opened > first, 'taller once the table shows');

  // The width changes: the iframe follows.
  await page.locator('#report').evaluate((f) => (f.style.width = '340px'));
  const narrow = await followsContent(page, '#report');
  assert.notEqual(narrow, opened);

  // A message from a foreign origin, and one from the host itself, change nothing.
  const before = await page.locator('#report').evaluate((f) => f.style.height);
  await page.frame({ url: /foreign\.html/ }).evaluate(() => parent.postMessage({ type: 'yangpu-report:height', height: 55 }, '*'));
  await page.evaluate(() => window.postMessage({ type: 'yangpu-report:height', height: 66 }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#report').evaluate((f) => f.style.height), before);
  assert.equal(await page.locator('#other').evaluate((f) => f.style.height), '');

  // A link in the embed opens the full report in the top window.
  await frame.locator('[data-chart="livelihood-share"]').getByTestId('chart-source-link').click();
  await page.waitForURL((url) => url.href.startsWith(report.url) && url.hash.startsWith('#s'));
  await page.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await page.getByTestId('masthead').isVisible(), true, 'the full report, not the embed');
  await page.close();
});

test('an unmodified pym.js Parent resizes the embedded chart', async () => {
  const page = await hostPage('/pym.html', 1000);
  await page.waitForSelector('#report-container iframe');
  const frame = page.frameLocator('#report-container iframe');
  await frame.locator('#app[data-ready="true"]').waitFor();
  const height = await followsContent(page, '#report-container iframe', 3000);
  assert.ok(height > 300 && height < 1400, `a chart's height (${height})`);
  await frame.locator('[data-chart="education"]').getByText('Show as table').click();
  const taller = await followsContent(page, '#report-container iframe');
  assert.ok(taller > height);
  await page.setViewportSize({ width: 420, height: 900 });
  await followsContent(page, '#report-container iframe');
  await page.close();
});

test('inside <iframe sandbox="allow-scripts"> the report renders and its controls work', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(host.url + 'sandbox.html');
  const frame = page.frameLocator('#report');
  await frame.locator('#app[data-ready="true"]').waitFor({ timeout: 10000 });
  const chart = frame.locator('[data-chart="livelihood-share"]');
  await chart.locator('.chart-frame.canvas-ready').waitFor();
  const announced = (text) => chart.getByTestId('chart-announcement').filter({ hasText: text }).waitFor({ state: 'attached', timeout: 2000 });
  await chart.getByTestId('chart-canvas').focus();
  await announced(/Start of the period: 43\.5%/);
  await page.keyboard.press('ArrowRight');
  await announced(/Latest: 52\.3%/);
  await chart.getByText('Show as table').click();
  assert.equal(await chart.locator('tbody tr').count(), 2);
  // Sharing: the clipboard is refused in a sandbox; the dialog says so and keeps the link.
  await chart.getByTestId('share-chart').click();
  const dialog = frame.getByTestId('share-dialog');
  await dialog.waitFor({ state: 'visible' });
  await dialog.getByTestId('copy-link').click();
  await frame.getByText('Automatic copying is not available here').waitFor();
  assert.match(await dialog.getByTestId('share-link').inputValue(), /\?chart=livelihood-share#chart-livelihood-share$/);
  await followsContent(page, '#report', 3000);
  // Chromium logs the refused clipboard itself; the report handles it (above).
  assert.deepEqual(errors.filter((e) => !/Clipboard API has been blocked/.test(e)), []);
  await page.close();
});

// The views an embed can show, from the list early.js checks them against (itself kept in
// step with src/state/url.rs by a native test).
async function embedViews() {
  const early = await fs.readFile('src/early.js', 'utf8');
  const list = (name) => JSON.parse(early.match(new RegExp(`var ${name} = (\\[[^\\]]*\\])`))[1].replace(/'/g, '"'));
  return [
    'report',
    'timeline',
    ...list('CHARTS').map((c) => `chart:${c}`),
    ...list('SECTIONS').map((s) => `section:${s}`),
  ];
}

/** What is on screen in an embed as it is first shown: read at DOMContentLoaded, before
 *  anything could wait for the wasm. */
function shown() {
  const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const sections = [...document.querySelectorAll('main > section')];
  return {
    embed: document.documentElement.dataset.embed ?? null,
    masthead: visible(document.querySelector('.masthead')),
    sections: sections.filter(visible).map((s) => s.id),
    charts: [...document.querySelectorAll('.chart')].filter(visible).map((c) => c.dataset.chart),
    text: document.querySelector('main').innerText.length,
  };
}

test('every embed view shows its content at once, with the wasm blocked, in both languages', async () => {
  const views = await embedViews();
  assert.equal(views.length, 13, 'the report, the timeline, five charts and six sections');
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  await context.route('**/*.wasm', (route) => route.abort());
  const page = await context.newPage();
  for (const lang of ['zh', 'en']) {
    for (const view of views) {
      await page.goto(`${report.url}?embed=${view}&lang=${lang}`, { waitUntil: 'domcontentloaded' });
      const s = await page.evaluate(shown);
      const where = `${lang} embed=${view}`;
      assert.equal(s.embed, view, `${where}: early.js applied the view`);
      assert.equal(s.masthead, false, `${where}: no site chrome`);
      const [kind, id] = view.split(':');
      if (kind === 'chart') {
        assert.deepEqual(s.charts, [id], `${where}: that chart alone`);
        assert.equal(s.sections.length, 1, where);
      } else if (kind === 'section') {
        assert.deepEqual(s.sections, [id], `${where}: that section alone`);
      } else if (kind === 'timeline') {
        assert.deepEqual(s.sections, ['milestones'], where);
      } else {
        assert.equal(s.sections.length, 6, `${where}: the whole report`);
      }
      assert.ok(s.text > 40, `${where}: it has content (${s.text} characters)`);
    }
  }
  // An invalid value shows the full report at once.
  for (const bad of ['chart:', 'chart:nope', 'section:chart', 'Timeline', '%3Cb%3E']) {
    await page.goto(`${report.url}?embed=${bad}&lang=en`, { waitUntil: 'domcontentloaded' });
    const s = await page.evaluate(shown);
    assert.equal(s.embed, null, `embed=${bad} is not applied`);
    assert.equal(s.masthead, true, `embed=${bad}: the full report`);
    assert.equal(s.sections.length, 6, `embed=${bad}: every section`);
  }
  await context.close();
});

test('with the wasm, an embed keeps its view once interactive', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(`${report.url}?embed=chart:education&lang=zh`);
  await page.locator('#app[data-ready="true"]').waitFor();
  const s = await page.evaluate(shown);
  assert.deepEqual([s.embed, s.charts, s.masthead], ['chart:education', ['education'], false]);
  await page.close();
});

test('in a sandboxed iframe on a server without CORS headers, the embed shows its view', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  await page.goto(host.url + 'sandbox-no-cors.html');
  const frame = page.frame({ url: /embed=section/ }) ?? (await (await page.waitForSelector('#report')).contentFrame());
  await frame.waitForLoadState('domcontentloaded');
  const s = await frame.evaluate(shown);
  assert.deepEqual([s.embed, s.sections, s.masthead], ['section:key-figures', ['key-figures'], false]);
  // The module script cannot load there; the key figures are readable all the same.
  assert.match(await frame.locator('#key-figures').innerText(), /421,000|42\.1万/);
  await page.close();
});

test('a milestone chosen in an embed is kept in the host page\'s address and reopens there', async () => {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(host.url + 'sync.html?portal=1#top');
  const frame = page.frameLocator('#timeline');
  await frame.locator('#app[data-ready="true"]').waitFor();
  await frame.locator('[data-milestone="m2024"]').getByTestId('milestone-button').click();
  await page.waitForURL((url) => url.searchParams.has('timeline'));
  const address = new URL(page.url());
  assert.equal(address.searchParams.get('portal'), '1', 'the host page\'s own parameter is kept');
  assert.equal(address.hash, '#top', 'and its fragment');
  assert.equal(new URLSearchParams(address.searchParams.get('timeline')).get('milestone'), '2024');
  // The opted-out embed writes nothing.
  const other = page.frameLocator('#nosync');
  await other.locator('#app[data-ready="true"]').waitFor();
  await other.locator('[data-milestone="m2022"]').getByTestId('milestone-button').click();
  await page.waitForTimeout(300);
  assert.equal(new URL(page.url()).searchParams.has('nosync'), false, 'data-sync="off"');

  // Opening that address reopens the embed at the milestone.
  const again = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await again.goto(address.href);
  const reopened = again.frameLocator('#timeline');
  await reopened.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await reopened.locator('[data-milestone="m2024"]').getByTestId('milestone-button').getAttribute('aria-pressed'), 'true');
  // A value the report does not accept, or markup, is never passed on as given.
  const hostile = new URL(address.href);
  hostile.searchParams.set('timeline', 'milestone=<img src=x onerror=alert(1)>&embed=chart:education');
  await again.goto(hostile.href);
  const src = await again.locator('#timeline').getAttribute('src');
  assert.doesNotMatch(src, /img|onerror|embed=chart/);
  assert.match(src, /embed=timeline/);
  await again.close();
  await page.close();
});

test('a host page in English gets an English embed, and its set-message changes mode, theme and language', async () => {
  // A Chinese browser: without the host's language the embed would be Chinese.
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url + 'english-portal.html');
  const iframe = page.locator('iframe').first();
  const frame = page.frameLocator('iframe >> nth=0');
  await frame.locator('#app[data-ready="true"]').waitFor();
  const html = frame.locator('html');
  assert.equal(await html.getAttribute('lang'), 'en', 'the embed follows <html lang="en-GB">');
  assert.match(await iframe.getAttribute('src'), /lang=en/);

  // The same message from another window changes nothing.
  await page.frame({ url: /foreign\.html/ }).evaluate(() =>
    parent.frames[0].postMessage({ type: 'yangpu-report:set', mode: 'large', theme: 'dark' }, '*'));
  await page.waitForTimeout(300);
  assert.equal(await html.getAttribute('data-mode'), null, 'a foreign window cannot set the mode');
  assert.equal(await html.getAttribute('data-theme'), null);

  // The parent's message does.
  assert.equal(await page.evaluate(() => YangpuReport.set(document.querySelector('iframe'), { mode: 'large', theme: 'dark', junk: 1 })), true);
  await frame.locator('html[data-mode="large"][data-theme="dark"]').waitFor({ timeout: 2000 });
  await page.evaluate(() => YangpuReport.set(document.querySelector('iframe'), { mode: 'standard', theme: 'system' }));
  await frame.locator('html:not([data-mode]):not([data-theme])').waitFor({ timeout: 2000 });
  // Language: the embed switches in place, keeping its view.
  await page.evaluate(() => YangpuReport.set(document.querySelector('iframe'), { lang: 'zh' }));
  await frame.locator('html[lang="zh-CN"]').waitFor({ timeout: 5000 });
  await frame.locator('#app[data-ready="true"]').waitFor();
  assert.equal(await frame.locator('html').getAttribute('data-embed'), 'chart:education');
  assert.match(await frame.locator('[data-chart="education"] .chart-title').innerText(), /新建学校/);
  assert.deepEqual(errors, []);
  await context.close();
});

// The report's one message handler: 10,000 random messages, from its parent and from a
// foreign window. No throw; only valid set-messages from the parent change anything.
function fuzzSet({ cases, seed, lang, target }) {
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const str = () => Array.from({ length: Math.floor(random() * 10) }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
  const value = (good) => pick([...good, ...good, () => str(), 'LARGE', 'Dark', '', null, undefined, 1, true, [], {}, 'zh-CN', 'fr']);
  const resolve = (v) => (typeof v === 'function' ? v() : v);
  const message = () => random() < 0.5
    ? { type: pick(['yangpu-report:set', 'yangpu-report:set', 'yangpu-report:set ', 'YANGPU-REPORT:SET', 'yangpu-report:height', 7]),
        mode: resolve(value(['large', 'standard'])), theme: resolve(value(['light', 'dark', 'system'])),
        // Only the page's own language: a switch would replace the page mid-fuzz.
        lang: resolve(pick([lang, 'fr', undefined, 42])), extra: str() }
    : pick([() => null, () => str(), () => random(), () => [1, 2], () => JSON.stringify({ type: 'yangpu-report:set', mode: 'large' }),
        () => new Map([['type', 'yangpu-report:set']]), () => ({ type: 'yangpu-report:set', mode: { toString: null } }), () => ({})])();
  // The model, from the README: mode large|standard, theme light|dark|system, from the parent.
  let mode = null;
  let theme = null;
  for (let i = 0; i < cases; i++) {
    const m = message();
    target.postMessage(m, '*');
    if (m && typeof m === 'object' && !Array.isArray(m) && m.type === 'yangpu-report:set') {
      if (m.mode === 'large') mode = 'large';
      if (m.mode === 'standard') mode = null;
      if (m.theme === 'light' || m.theme === 'dark') theme = m.theme;
      if (m.theme === 'system') theme = null;
    }
  }
  return { mode, theme };
}

test('the report\'s set-message handler: 10,000 random messages from the parent and from a foreign window', async () => {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(host.url + 'english-portal.html');
  const frame = page.frameLocator('iframe >> nth=0');
  await frame.locator('#app[data-ready="true"]').waitFor();
  const html = frame.locator('html');
  // From a foreign window: nothing changes.
  const foreignFrame = page.frame({ url: /foreign\.html/ });
  await foreignFrame.evaluate(({ fuzz, args }) => {
    const f = new Function(`return (${fuzz})`)();
    return f({ ...args, target: parent.frames[0] });
  }, { fuzz: fuzzSet.toString(), args: { cases: 5000, seed: 7, lang: 'en' } });
  await page.waitForTimeout(500);
  assert.equal(await html.getAttribute('data-mode'), null, 'a foreign window changed the mode');
  assert.equal(await html.getAttribute('data-theme'), null, 'a foreign window changed the theme');
  // From the parent: the last valid settings win.
  const expected = await page.evaluate(({ fuzz, args }) => {
    const f = new Function(`return (${fuzz})`)();
    return f({ ...args, target: document.querySelector('iframe').contentWindow });
  }, { fuzz: fuzzSet.toString(), args: { cases: 5000, seed: 20261201, lang: 'en' } });
  const selector = `html${expected.mode ? '[data-mode="large"]' : ':not([data-mode])'}${expected.theme ? `[data-theme="${expected.theme}"]` : ':not([data-theme])'}`;
  await frame.locator(selector).waitFor({ state: 'attached', timeout: 5000 });
  assert.equal(await html.getAttribute('lang'), 'en');
  assert.equal(await frame.locator('#app[data-ready="true"]').count(), 1, 'the report is still alive');
  assert.deepEqual(errors, []);
  await context.close();
});
