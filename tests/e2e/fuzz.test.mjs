// Hostile input for the one message handler the report ships: public/embed.js, on a portal's
// page. 10,000 random messages (any structured-cloneable data, any origin, any source window)
// are dispatched at it; it must never throw, never resize a frame that is not the report's,
// and resize the report's frame exactly when the message is a valid height message from that
// frame and its origin; view messages write only the report's known parameters into the
// host's address. The report's own handler (set-messages from its parent) has its fuzz in
// embed.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch } from './browser.mjs';

let report;
let host;
let browser;

before(async () => {
  report = await serve('dist');
  const r = report.url;
  host = await serve('tests/e2e', {
    csp: null,
    pages: {
      '/fuzz.html': `<!doctype html><meta charset="utf-8"><title>Portal</title>
        <iframe id="ours" src="${r}robots.txt" title="report" height="100"></iframe>
        <iframe id="sandboxed" sandbox="allow-scripts" src="${r}robots.txt" title="sandboxed report" height="100"></iframe>
        <iframe id="other" src="/fuzz-other.html" title="someone else" height="100"></iframe>
        <script src="${r}embed.js"></script>`,
      '/fuzz-other.html': '<!doctype html><title>other</title>',
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([report?.close(), host?.close()]);
});

function fuzz({ cases, seed, reportOrigin }) {
  // mulberry32: a small seeded generator, so a failure can be replayed.
  let state = seed;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const str = () => Array.from({ length: Math.floor(random() * 12) }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
  const height = () => pick([
    () => (random() - 0.5) * 2e6, () => Math.floor(random() * 3000), () => 0, () => -0, () => NaN, () => Infinity,
    () => -Infinity, () => 1e5, () => 100000.5, () => 1e-9, () => String(Math.floor(random() * 3000)), () => '12px',
    () => '', () => null, () => undefined, () => true, () => [], () => [Math.floor(random() * 3000)], () => ({}), () => str(),
    () => 2 ** 53, () => '0x10', () => ' 42 ',
  ])();
  // Four in ten messages are well-formed height messages, so the valid path is exercised too.
  const data = () => random() < 0.4 ? { type: 'yangpu-report:height', height: height() } : pick([
    () => null, () => undefined, () => random(), () => str(), () => [height(), height()],
    () => `pymxPYMxreportxPYMxheightxPYMx${height()}`,
    () => JSON.stringify({ type: 'yangpu-report:height', height: height() }),
    () => ({ type: pick(['yangpu-report:height', 'yangpu-report:height ', 'YANGPU-REPORT:HEIGHT', 'other', undefined, 42, null]), height: height(), extra: str() }),
    () => ({ type: 'yangpu-report:height', height: height() }),
    () => ({ type: 'yangpu-report:height', height: { nested: height() } }),
    () => new Map([['type', 'yangpu-report:height']]),
  ])();
  const frames = { ours: document.getElementById('ours'), sandboxed: document.getElementById('sandboxed'), other: document.getElementById('other') };
  const sources = [frames.ours.contentWindow, frames.sandboxed.contentWindow, frames.other.contentWindow, window, null];
  const origins = [reportOrigin, location.origin, 'null', '', 'http://evil.example', reportOrigin + '/'];
  const heightOf = (f) => f.style.height;
  // View messages keep the embed's view in this page's address: only a frame of the report
  // writes there, only under its own id, only known parameters with plain values.
  const KNOWN = ['section', 'milestone', 'chart', 'lang', 'theme', 'mode'];
  const viewData = () => ({ type: pick(['yangpu-report:view', 'yangpu-report:view', 'yangpu-report:View']), view: pick([
    () => 'milestone=2024', () => 'lang=en&mode=large', () => '', () => str(), () => '<img src=x onerror=alert(1)>=1',
    () => 'embed=chart:education', () => 'milestone=' + str(), () => 42, () => null, () => 'x=1&chart=education',
  ])() });
  const addressProblems = (search, before, message) => {
    const params = new URLSearchParams(search);
    const fromReport = (message.source === frames.ours.contentWindow && message.origin === reportOrigin)
      || (message.source === frames.sandboxed.contentWindow && (message.origin === reportOrigin || message.origin === 'null'));
    const isView = !!message.data && typeof message.data === 'object' && message.data.type === 'yangpu-report:view' && typeof message.data.view === 'string';
    if (!(fromReport && isView) && search !== before) return 'the address changed without a view message from the report';
    for (const [name, value] of params) {
      if (name !== 'ours' && name !== 'sandboxed') return `unknown parameter ${name}`;
      for (const [k, v] of new URLSearchParams(value)) {
        if (!KNOWN.includes(k) || !/^[a-z0-9:-]{1,40}$/.test(v)) return `passed on ${k}=${v}`;
      }
    }
    return null;
  };
  const errors = [];
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  let applied = 0;
  const wrong = [];
  for (let i = 0; i < cases; i++) {
    const message = { data: random() < 0.15 ? viewData() : data(), origin: pick(origins), source: pick(sources) };
    const before = Object.fromEntries(Object.entries(frames).map(([k, f]) => [k, heightOf(f)]));
    const searchBefore = location.search;
    window.dispatchEvent(new MessageEvent('message', message));
    const problem = addressProblems(location.search, searchBefore, message);
    if (problem) wrong.push({ i, problem, data: String(JSON.stringify(message.data)), origin: message.origin });
    // The model: what embed.js promises.
    // The README: a height is a finite number of pixels (a number, not a string or `true`).
    const d = message.data;
    const n = d && typeof d === 'object' && typeof d.height === 'number' ? d.height : NaN;
    const valid = !!d && typeof d === 'object' && d.type === 'yangpu-report:height' && isFinite(n) && n > 0 && n <= 100000;
    const target =
      valid && message.source === frames.ours.contentWindow && message.origin === reportOrigin ? 'ours'
      : valid && message.source === frames.sandboxed.contentWindow && (message.origin === reportOrigin || message.origin === 'null') ? 'sandboxed'
      : null;
    for (const [name, frame] of Object.entries(frames)) {
      const expected = name === target ? `${Math.ceil(n)}px` : before[name];
      if (heightOf(frame) !== expected) wrong.push({ i, name, expected, got: heightOf(frame), data: String(JSON.stringify(d)), origin: message.origin });
    }
    if (target) applied++;
  }
  return { errors, wrong: wrong.slice(0, 5), applied };
}

test('embed.js: 10,000 random messages, no throw, only valid ones from the report resize it', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url + 'fuzz.html');
  await page.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.contentWindow));
  const result = await page.evaluate(fuzz, { cases: 10000, seed: 20261125, reportOrigin: new URL(report.url).origin });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(errors, []);
  assert.deepEqual(result.wrong, [], 'a frame changed other than the model says');
  assert.ok(result.applied > 30, `the fuzz reached valid messages too (${result.applied})`);
  assert.equal(await page.locator('#other').evaluate((f) => f.style.height), '', 'a foreign frame is never resized');
  await page.close();
});
