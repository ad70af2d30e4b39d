// Hostile input for the one message handler the report ships: public/embed.js, on a portal's
// page, in every engine. 10,000 random messages (any structured-cloneable data, any origin,
// any source window) reach it; it must never throw, never resize a frame that is not the
// report's, and resize the report's frame exactly when the message is a valid height message
// from that frame and its origin; view messages write only the report's known parameters into
// the host's address. The report's own handler (set-messages from its parent) has its fuzz in
// embed.test.mjs.
//
// Delivery: a message is dispatched in the host page as a MessageEvent naming any source
// window and any origin (a forged origin tests the origin check apart from the source check),
// or posted for real by the frame it comes from (a relay page), where the browser sets the
// origin. Firefox does not let a page name another origin's window as a MessageEvent's source
// (its windows of other origins live in other processes), so there every message from a frame
// of another origin is real; elsewhere a quarter of them are. A frame whose `src` is on the
// report's origin but which has gone to another origin ("moved") posts real messages from
// that other origin: the origin check, in every engine.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { ENGINES, useEngines } from './engines.mjs';

const shared = useEngines();

let report;
let elsewhere;
let host;

// Posts to its parent what its parent asks it to (the frame's own, real, origin).
const RELAY = `<!doctype html><title>relay</title><script>
  addEventListener('message', function (e) {
    if (e.source === parent && e.data && e.data.__fuzzRelay === true) parent.postMessage(e.data.message, '*');
  });</script>`;

// This file's own servers (a `before` here may run before useEngines' has started its own).
before(async () => {
  // Another origin, where the "moved" frame goes.
  elsewhere = await serve('tests/e2e', { csp: null, pages: { '/fuzz-relay.html': RELAY } });
  // The report's origin: embed.js, and relay pages there (no CSP: the relay is inline).
  report = await serve('dist', {
    csp: null,
    pages: {
      '/fuzz-relay.html': RELAY,
      '/fuzz-moved.html': `<!doctype html><meta http-equiv="refresh" content="0;url=${elsewhere.url}fuzz-relay.html"><title>moved</title>`,
    },
  });
  const r = report.url;
  host = await serve('tests/e2e', {
    csp: null,
    pages: {
      '/fuzz.html': `<!doctype html><meta charset="utf-8"><title>Portal</title>
        <script>window.__hostErrors = [];
          addEventListener('error', function (e) { __hostErrors.push('error: ' + e.message); });
          addEventListener('unhandledrejection', function (e) { __hostErrors.push('rejection: ' + e.reason); });</script>
        <iframe id="ours" src="${r}fuzz-relay.html" title="report" height="100"></iframe>
        <iframe id="sandboxed" sandbox="allow-scripts" src="${r}fuzz-relay.html" title="sandboxed report" height="100"></iframe>
        <iframe id="moved" src="${r}fuzz-moved.html" title="report, gone elsewhere" height="100"></iframe>
        <iframe id="other" src="/fuzz-relay.html" title="someone else" height="100"></iframe>
        <script src="${r}embed.js"></script>`,
      '/fuzz-relay.html': RELAY,
    },
  });
});
after(async () => {
  await Promise.all([report?.close(), elsewhere?.close(), host?.close()]);
});

/** In the host page: the origins the relay frames post from, as their parent receives them. */
function relayOrigins() {
  const ask = (frame) => new Promise((resolve) => {
    const on = (e) => {
      if (e.source !== frame.contentWindow) return;
      removeEventListener('message', on);
      resolve(e.origin);
    };
    addEventListener('message', on);
    frame.contentWindow.postMessage({ __fuzzRelay: true, message: 'ping' }, '*');
    setTimeout(() => resolve(null), 500);
  });
  return Promise.all([...document.querySelectorAll('iframe')].map((f) => ask(f))).then((origins) => {
    if (origins.includes(null)) return null;
    return Object.fromEntries([...document.querySelectorAll('iframe')].map((f, i) => [f.id, origins[i]]));
  });
}

async function fuzz({ cases, seed, reportOrigin }) {
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
    () => 2 ** 53, () => '0x10', () => ' 42 ', () => -Math.floor(random() * 3000), () => 12.25,
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
  const frames = {
    ours: document.getElementById('ours'),
    sandboxed: document.getElementById('sandboxed'),
    moved: document.getElementById('moved'),
    other: document.getElementById('other'),
  };
  const sources = [frames.ours.contentWindow, frames.sandboxed.contentWindow, frames.moved.contentWindow, frames.other.contentWindow, window, null];
  const origins = [reportOrigin, location.origin, 'null', '', 'http://evil.example', reportOrigin + '/'];
  const heightOf = (f) => f.style.height;
  const frameOf = (source) => Object.keys(frames).find((k) => frames[k].contentWindow === source) ?? null;
  // Whether this engine lets a page dispatch a MessageEvent naming `source`.
  const forgeable = new Map(sources.map((s) => {
    try {
      new MessageEvent('message', { source: s });
      return [s, true];
    } catch {
      return [s, false];
    }
  }));
  // Real delivery: the frame posts the message; this listener, added after embed.js's, hears
  // it once embed.js has.
  let pending = null;
  window.addEventListener('message', (e) => {
    if (pending && e.source === pending.source) {
      const p = pending;
      pending = null;
      p.resolve(e);
    }
  });
  const postFrom = (source, payload) => new Promise((resolve) => {
    pending = { source, resolve };
    source.postMessage({ __fuzzRelay: true, message: payload }, '*');
    setTimeout(() => {
      if (pending && pending.resolve === resolve) {
        pending = null;
        resolve(null);
      }
    }, 2000);
  });
  // View messages keep the embed's view in this page's address: only a frame of the report
  // writes there, only under its own id, only known parameters with plain values.
  const KNOWN = ['section', 'milestone', 'chart', 'lang', 'theme', 'mode'];
  const viewData = () => ({ type: pick(['yangpu-report:view', 'yangpu-report:view', 'yangpu-report:View']), view: pick([
    () => 'milestone=2024', () => 'lang=en&mode=large', () => '', () => str(), () => '<img src=x onerror=alert(1)>=1',
    () => 'embed=chart:education', () => 'milestone=' + str(), () => 42, () => null, () => 'x=1&chart=education',
  ])() });
  // A frame of the report (its `src` is on the report's origin) and the message from it, from
  // that origin; a sandboxed one's messages come from the opaque origin "null".
  const fromReport = (name, origin) => (name === 'ours' || name === 'moved') ? origin === reportOrigin
    : name === 'sandboxed' ? origin === reportOrigin || origin === 'null' : false;
  const addressProblems = (search, before, d, name, origin) => {
    const params = new URLSearchParams(search);
    const isView = !!d && typeof d === 'object' && d.type === 'yangpu-report:view' && typeof d.view === 'string';
    if (!(fromReport(name, origin) && isView) && search !== before) return 'the address changed without a view message from the report';
    for (const [key, value] of params) {
      if (!['ours', 'sandboxed', 'moved'].includes(key)) return `unknown parameter ${key}`;
      for (const [k, v] of new URLSearchParams(value)) {
        if (!KNOWN.includes(k) || !/^[a-z0-9:-]{1,40}$/.test(v)) return `passed on ${k}=${v}`;
      }
    }
    return null;
  };
  const errors = [];
  window.addEventListener('error', (e) => errors.push(String(e.message)));
  let applied = 0;
  let real = 0;
  const wrong = [];
  for (let i = 0; i < cases; i++) {
    const d = random() < 0.15 ? viewData() : data();
    let origin = pick(origins);
    const source = pick(sources);
    const byFrame = random() < 0.25 || !forgeable.get(source);
    const before = Object.fromEntries(Object.entries(frames).map(([k, f]) => [k, heightOf(f)]));
    const searchBefore = location.search;
    if (source && source !== window && byFrame) {
      const event = await postFrom(source, d);
      if (!event) {
        wrong.push({ i, problem: `the ${frameOf(source)} frame's message did not arrive` });
        continue;
      }
      origin = event.origin;
      real++;
    } else {
      window.dispatchEvent(new MessageEvent('message', { data: d, origin, source }));
    }
    const name = frameOf(source);
    const problem = addressProblems(location.search, searchBefore, d, name, origin);
    if (problem) wrong.push({ i, problem, data: String(JSON.stringify(d)), origin, from: name });
    // The model: what the README promises. embed.js "resizes the iframe to its content's
    // height (the report posts {type: "yangpu-report:height", height} ...), accepting
    // messages only from that origin and from the very iframe it resizes"; the report works
    // in <iframe sandbox="allow-scripts">, whose messages come from the opaque origin "null".
    // A content height is a number of CSS pixels: a string ("12"), `true`, an array, NaN,
    // ±Infinity or a negative number is none, and changes nothing. The README sets no upper
    // bound and says nothing of 0, so there (0, and beyond 100,000 px, far above any page of
    // the report) the frame may keep its height or take that one, and nothing else.
    // A frame "sized to its content" is at least that tall, by less than one pixel more.
    const n = d && typeof d === 'object' && typeof d.height === 'number' ? d.height : NaN;
    const isHeight = !!d && typeof d === 'object' && d.type === 'yangpu-report:height' && isFinite(n) && n >= 0;
    const optional = isHeight && (n === 0 || n > 100000);
    const target = isHeight && fromReport(name, origin) ? name : null;
    const fits = (h) => {
      const px = /^(\d+(?:\.\d+)?)px$/.exec(h);
      return !!px && Number(px[1]) >= n && Number(px[1]) < n + 1;
    };
    for (const [key, frame] of Object.entries(frames)) {
      const got = heightOf(frame);
      const ok = key !== target ? got === before[key] : optional ? got === before[key] || fits(got) : fits(got);
      if (!ok) wrong.push({ i, frame: key, expected: key === target ? `${n}px${optional ? ' or unchanged' : ''}` : before[key], got, data: String(JSON.stringify(d)), origin, from: name, real: byFrame });
    }
    if (target && !optional) applied++;
  }
  return { errors, wrong: wrong.slice(0, 5), applied, real, forged: [...forgeable.values()].filter(Boolean).length };
}

for (const name of ENGINES) {
  test(`${name}: embed.js: 10,000 random messages, no throw, only valid ones from the report resize it`, async () => {
    const page = await shared.newPage(name, { width: 1000, height: 900 });
    await page.goto(host.url + 'fuzz.html');
    // Every relay answers, and the moved frame has gone to the other origin.
    const origins = await page.waitFor(relayOrigins, [], { what: 'the frames' , timeout: 15000 });
    const reportOrigin = new URL(report.url).origin;
    assert.deepEqual(origins, { ours: reportOrigin, sandboxed: 'null', moved: new URL(elsewhere.url).origin, other: new URL(host.url).origin }, `${name}: where the frames post from`);
    const started = Date.now();
    const result = await page.evaluate(fuzz, { cases: 10000, seed: 20261125, reportOrigin });
    const ms = Date.now() - started;
    assert.deepEqual(result.errors, [], `${name}: no throw`);
    assert.deepEqual(await page.evaluate(() => window.__hostErrors), [], `${name}: no error on the page`);
    assert.deepEqual(result.wrong, [], `${name}: a frame changed other than the model says`);
    assert.ok(result.applied > 30, `${name}: the fuzz reached valid messages too (${result.applied})`);
    assert.ok(result.real > 500, `${name}: frames posted real messages too (${result.real})`);
    assert.equal(await page.evaluate(() => document.getElementById('other').style.height), '', `${name}: a foreign frame is never resized`);
    console.log(`# ${name}: 10,000 messages in ${ms} ms (${result.real} posted by frames, the rest dispatched), ${result.applied} applied`);
  });
}
