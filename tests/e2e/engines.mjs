// The three engines readers use, behind one small page API, so one test runs in each:
// Chromium (Debian's, through playwright-core), Firefox ESR (Debian's, through
// puppeteer-core over WebDriver BiDi) and WebKitGTK (Debian's MiniBrowser, through
// WebKitWebDriver's classic WebDriver under xvfb-run). Nothing is downloaded; see
// ../shared/notes/engines.md for how each was found to work on this machine.
//
// `YANGPU_ENGINES=firefox,webkit` runs only those; by default every engine that is
// installed runs, and a missing one fails (the test command installs all three).
import { before, after, afterEach } from 'node:test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS } from './browser.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const ENGINES = (process.env.YANGPU_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

/** WebKitGTK takes the browser's language from the process locale (LC_CTYPE), which glibc
 *  uses only if that locale is compiled; a bare system has C alone, so MiniBrowser says
 *  en-US whatever LANG is. Opt-in (call it at the top of a test file, before the engines
 *  start): compiles each of `locales` (e.g. 'zh-CN') with Debian's localedef into a cache
 *  directory and points LOCPATH there for the WebKit drivers started afterwards. Returns the
 *  locales it could not compile (a test should still check navigator.language). */
export function compileLocales(locales) {
  const dir = path.join(os.tmpdir(), 'yangpu-e2e-locales');
  fs.mkdirSync(dir, { recursive: true });
  const failed = [];
  for (const locale of locales) {
    const name = `${locale.replace('-', '_')}.UTF-8`;
    const target = path.join(dir, name);
    if (!fs.existsSync(path.join(target, 'LC_CTYPE'))) {
      // Compiled aside and renamed, so test files starting together do not see half a locale.
      const partial = `${target}.${process.pid}`;
      try {
        execFileSync('localedef', ['-i', locale.replace('-', '_'), '-f', 'UTF-8', partial], { stdio: 'ignore' });
      } catch {
        // localedef exits non-zero on warnings too: the files decide.
      }
      if (fs.existsSync(path.join(partial, 'LC_CTYPE'))) {
        try {
          fs.renameSync(partial, target);
        } catch {
          // Another test file was first.
        }
      }
      fs.rmSync(partial, { recursive: true, force: true });
    }
    if (!fs.existsSync(path.join(target, 'LC_CTYPE'))) failed.push(locale);
  }
  process.env.LOCPATH = dir;
  return failed;
}

/** Starts `name`; resolves to { name, supports, newPage({ width, height, locale, scale,
 *  javaScript, reducedMotion, colorScheme }), close() }. `supports` says which page options and hooks the
 *  engine's driver has; a test that needs one it lacks says so in its name and skips there.
 *  A page: goto, evaluate, waitFor, ready, press, type, click, mouseMove, mouseClick,
 *  setSize, screenshot, url, recorded, centre, sleep, close (and `raw`, the driver's page). */
export async function startEngine(name) {
  if (name === 'chromium') return chromiumEngine();
  if (name === 'firefox') return firefoxEngine();
  if (name === 'webkit') return webkitEngine();
  throw new Error(`unknown engine ${name}`);
}

// A function and its arguments as a script any engine evaluates.
const asScript = (fn, args) => `return (${fn.toString()}).apply(null, ${JSON.stringify(args)});`;

/** Common helpers over an engine's `evaluate`. */
function withHelpers(page) {
  page.waitFor = async (fn, args = [], { timeout = 10000, what = 'a condition' } = {}) => {
    const started = Date.now();
    let last;
    while (Date.now() - started < timeout) {
      last = await page.evaluate(fn, ...args).catch((e) => ({ error: String(e) }));
      if (last && !last.error) return last;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${page.engine}: timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
  };
  /** Waits until the report is hydrated (`#app[data-ready]`). */
  page.ready = () => page.waitFor(() => document.querySelector('#app[data-ready="true"]') !== null, [], { what: 'hydration', timeout: 20000 });
  /** The page's address. */
  page.url = () => page.evaluate(() => location.href);
  /** What tests/e2e/recorder.js recorded (a page served with `instrument`). */
  page.recorded = () => page.evaluate(() => {
    const r = window.__e2e;
    return r ? { errors: r.errors, warnings: r.warnings, violations: r.violations, added: r.added, removed: r.removed, spoken: r.spoken, shared: r.shared } : null;
  });
  /** Gives the page the keyboard focus where the driver's window may lack it (WebKit; a no-op
   *  elsewhere): document.hasFocus(), :focus and :focus-visible as on a reader's screen. */
  page.focusWindow ??= async () => {};
  /** Waits `ms` milliseconds. */
  page.sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  /** Repeats `fn` in the page until `until(value)` holds or `timeout` passes; returns the last
   *  value, for the test to assert on (events reach the page asynchronously in every driver).
   *  A read while the page swaps its content (the language switch) may fail: it reads again. */
  page.poll = async (fn, args, until, timeout = 5000) => {
    const started = Date.now();
    let value;
    do {
      value = await page.evaluate(fn, ...args).catch((e) => ({ error: String(e) }));
      if (!value?.error && until(value)) return value;
      await page.sleep(50);
    } while (Date.now() - started < timeout);
    if (value?.error) throw new Error(`${page.engine}: ${value.error}`);
    return value;
  };
  /** Scrolls every chart into view so each draws and plays its entrance, and waits until each
   *  shows its finished look for good. On a page that asked for the texts' boxes (recorder.js)
   *  that is known: the canvas writes its size as `data-text-boxes-size` only then (never while
   *  an entrance is due or playing; the engine may report the chart in view a few frames
   *  late). Elsewhere (nothing injected behind $REPORT_URL) the entrance is waited out. */
  page.drawAll = async () => {
    const n = await page.evaluate(() => document.querySelectorAll('.chart-frame').length);
    for (let i = 0; i < n; i++) {
      await page.evaluate((i) => document.querySelectorAll('.chart-frame')[i].scrollIntoView({ block: 'center', behavior: 'instant' }), i);
      await page.waitFor((i) => {
        const frame = document.querySelectorAll('.chart-frame')[i];
        const c = frame.querySelector('canvas');
        return frame.classList.contains('canvas-ready') && (!window.__yangpuTextBoxes || c.dataset.textBoxesSize === `${c.width} ${c.height}`);
      }, [i], { what: `chart ${i + 1} of ${n} drawn and settled` });
    }
    if (!(await page.evaluate(() => Boolean(window.__yangpuTextBoxes)))) await page.sleep(600);
  };
  /** Centre of the first element matching `selector`, in CSS pixels of the viewport (scrolled into view). */
  page.centre = (selector) => page.evaluate((sel) => {
    const el = document.querySelector(sel);
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    const r = el.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2, left: r.left, top: r.top, width: r.width, height: r.height };
  }, selector);
  return page;
}

async function chromiumEngine() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
  return {
    name: 'chromium',
    supports: { scale: true, javaScriptOff: true, touch: true, reducedMotion: true, colorScheme: true, requestHooks: true, cdp: true },
    async newPage({ width = 1280, height = 900, locale = 'en-US', scale = 1, javaScript = true, touch = false, reducedMotion = 'no-preference', colorScheme = 'light' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale, deviceScaleFactor: scale, javaScriptEnabled: javaScript, hasTouch: touch, reducedMotion, colorScheme });
      // Against a server that cannot inject recorder.js (nginx, $REPORT_URL), Chromium runs it
      // as an init script instead.
      if (process.env.REPORT_URL) await context.addInitScript({ path: new URL('./recorder.js', import.meta.url).pathname });
      const p = await context.newPage();
      const errors = [];
      p.on('pageerror', (e) => errors.push(e.message));
      return withHelpers({
        engine: 'chromium',
        errors,
        goto: (url) => p.goto(url),
        evaluate: (fn, ...args) => p.evaluate(new Function(asScript(fn, args))),
        setSize: (w, h) => p.setViewportSize({ width: w, height: h }),
        press: (key) => p.keyboard.press(key),
        type: (text) => p.keyboard.type(text),
        click: (selector) => p.click(selector),
        mouseMove: (x, y) => p.mouse.move(x, y),
        mouseClick: (x, y) => p.mouse.click(x, y),
        screenshot: (path) => p.screenshot({ path, fullPage: false }),
        raw: p,
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function firefoxEngine() {
  if (!fs.existsSync(FIREFOX)) throw new Error(`firefox: ${FIREFOX} is missing (Debian's firefox-esr)`);
  // The browser's language, reduced motion, colour scheme and JavaScript are preferences of a
  // browser, not of a page: one browser per combination a test asks for, started on first use.
  const browsers = new Map();
  const browserFor = (locale, reducedMotion, javaScript, colorScheme = 'light') => {
    const key = `${locale}|${reducedMotion}|${javaScript}|${colorScheme}`;
    if (!browsers.has(key)) {
      const lang = locale.slice(0, 2);
      browsers.set(key, puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX,
        headless: true,
        extraPrefsFirefox: {
          'intl.accept_languages': `${locale},${lang}`,
          'ui.prefersReducedMotion': reducedMotion === 'reduce' ? 1 : 0,
          'javascript.enabled': javaScript,
          // The system's dark mode as pages see it (0 dark, 1 light, 2 the system's).
          ...(colorScheme === 'dark' ? { 'layout.css.prefers-color-scheme.content-override': 0 } : {}),
        },
      }));
    }
    return browsers.get(key);
  };
  await browserFor('en-US', 'no-preference', true);
  return {
    name: 'firefox',
    supports: { scale: true, javaScriptOff: true, touch: false, reducedMotion: true, colorScheme: true, requestHooks: false, cdp: false },
    async newPage({ width = 1280, height = 900, locale = 'en-US', scale = 1, javaScript = true, reducedMotion = 'no-preference', colorScheme = 'light' } = {}) {
      const browser = await browserFor(locale, reducedMotion, javaScript, colorScheme);
      const p = await browser.newPage();
      await p.setViewport({ width, height, deviceScaleFactor: scale });
      const errors = [];
      p.on('pageerror', (e) => errors.push(String(e.message ?? e)));
      return withHelpers({
        engine: 'firefox',
        errors,
        goto: (url) => p.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, ...args) => p.evaluate(new Function(asScript(fn, args))),
        setSize: (w, h) => p.setViewport({ width: w, height: h, deviceScaleFactor: scale }),
        press: (key) => p.keyboard.press(key),
        type: (text) => p.keyboard.type(text),
        click: (selector) => p.click(selector),
        mouseMove: (x, y) => p.mouse.move(x, y),
        mouseClick: (x, y) => p.mouse.click(x, y),
        screenshot: (path) => p.screenshot({ path }),
        raw: p,
        close: () => p.close(),
      });
    },
    async close() {
      for (const b of browsers.values()) await (await b).close().catch(() => {});
    },
  };
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// WebDriver's key codes for the keys the tests press.
const WD_KEYS = { Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010' };

/** One WebKitWebDriver under xvfb-run; MiniBrowser takes its language from the environment. */
async function webkitDriver(locale) {
  const port = await freePort();
  const lang = locale.replace('-', '_');
  const env = { ...process.env, LANG: `${lang}.UTF-8`, LANGUAGE: lang, LC_ALL: '' };
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 2600x1700x24', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true, env });
  const base = `http://127.0.0.1:${port}`;
  // Every command has a deadline: a driver that hangs fails the step in a minute, not in
  // undici's five.
  const call = async (method, path, body, timeout = 60000) => {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(timeout) });
    const json = await response.json();
    if (json.value && json.value.error) throw new Error(`webkit: ${json.value.error}: ${json.value.message}`);
    return json.value;
  };
  for (let i = 0; ; i++) {
    try {
      await call('GET', '/status');
      break;
    } catch (e) {
      if (i > 100) throw new Error(`webkit: WebKitWebDriver did not start: ${e.message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    call,
    kill() {
      try {
        process.kill(-driver.pid);
      } catch {
        // already gone
      }
    },
  };
}

async function webkitEngine() {
  if (!fs.existsSync(MINIBROWSER)) throw new Error(`webkit: ${MINIBROWSER} is missing (Debian's webkit2gtk-driver)`);
  // One driver per browser language, started on first use.
  const drivers = new Map();
  const driverFor = (locale) => {
    if (!drivers.has(locale)) drivers.set(locale, webkitDriver(locale));
    return drivers.get(locale);
  };
  await driverFor('en-US');
  const sessions = new Set();
  return {
    name: 'webkit',
    supports: { scale: false, javaScriptOff: false, touch: false, reducedMotion: false, colorScheme: false, requestHooks: false, cdp: false },
    async newPage({ width = 1280, height = 900, locale = 'en-US', scale = 1, javaScript = true, reducedMotion = 'no-preference' } = {}) {
      if (scale !== 1 || !javaScript || reducedMotion !== 'no-preference') throw new Error('webkit: MiniBrowser under WebDriver has no device scale, JavaScript or reduced-motion setting');
      const capabilities = { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } };
      let driver = await driverFor(locale);
      let session;
      try {
        session = await driver.call('POST', '/session', { capabilities }, 30000);
      } catch (e) {
        // WebKitWebDriver now and then hangs opening a session right after one closed (seen
        // here, for minutes): a fresh driver opens it.
        console.log(`webkit: a new session failed (${e.message}); restarting WebKitWebDriver`);
        driver.kill();
        drivers.delete(locale);
        driver = await driverFor(locale);
        session = await driver.call('POST', '/session', { capabilities }, 60000);
      }
      const { call } = driver;
      const id = session.sessionId;
      sessions.add({ id, call });
      const s = (path) => `/session/${id}${path}`;
      const setSize = async (w, h) => {
        // The window's rect includes no chrome in automation; the page gets what it can.
        await call('POST', s('/window/rect'), { width: w, height: h });
      };
      await setSize(width, height);
      const pointer = (actions) => call('POST', s('/actions'), { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
      const toFocused = async (text) => {
        // Focus inside an embedded frame: the top document's active element is the <iframe>;
        // the keys go to the element focused inside it.
        let depth = 0;
        for (;;) {
          const frame = await call('POST', s('/execute/sync'), { script: "const a = document.activeElement; return a && a.localName === 'iframe' ? a : null;", args: [] });
          if (!frame || depth >= 3) break;
          await call('POST', s('/frame'), { id: frame });
          depth += 1;
        }
        const active = await call('GET', s('/element/active'));
        try {
          await call('POST', s(`/element/${Object.values(active)[0]}/value`), { text });
        } catch (e) {
          throw new Error(`${e.message} (sending keys at frame depth ${depth})`);
        } finally {
          if (depth) await call('POST', s('/frame'), { id: null });
        }
      };
      return withHelpers({
        engine: 'webkit',
        errors: [],
        goto: (url) => call('POST', s('/url'), { url }),
        evaluate: (fn, ...args) => call('POST', s('/execute/sync'), { script: asScript(fn, args), args: [] }),
        setSize,
        // To the focused element (Element Send Keys): MiniBrowser's window under Xvfb has no
        // window manager's focus, so input actions would reach no element.
        press: (key) => toFocused(WD_KEYS[key] ?? key),
        type: (text) => toFocused(text),
        mouseMove: (x, y) => pointer([{ type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) }]),
        mouseClick: (x, y) => pointer([
          { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(x), y: Math.round(y) },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ]),
        click: async (selector) => {
          const element = await call('POST', s('/element'), { using: 'css selector', value: selector });
          // The page scrolls smoothly (html { scroll-behavior: smooth }): the driver's own
          // scroll into view has not arrived when it checks the element. Scroll at once first.
          await call('POST', s('/execute/sync'), { script: asScript((sel) => document.querySelector(sel).scrollIntoView({ block: 'center', behavior: 'instant' }), [selector]), args: [] });
          try {
            await call('POST', s(`/element/${Object.values(element)[0]}/click`), {});
          } catch (e) {
            if (!/not interactable|unknown error/.test(e.message)) throw e;
            // WebKitWebDriver sometimes finds a visible element "not interactable" (a link
            // inside a just-opened <details>), or answers a click with an empty "unknown
            // error" (seen once on "Large text" under load): click it with the pointer at its
            // centre.
            const at = await call('POST', s('/execute/sync'), { script: asScript((sel) => {
              const el = document.querySelector(sel);
              el.scrollIntoView({ block: 'center', behavior: 'instant' });
              const r = el.getClientRects()[0];
              return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
            }, [selector]), args: [] });
            await pointer([
              { type: 'pointerMove', duration: 0, origin: 'viewport', x: Math.round(at.x), y: Math.round(at.y) },
              { type: 'pointerDown', button: 0 },
              { type: 'pointerUp', button: 0 },
            ]);
          }
        },
        screenshot: async (path) => fs.promises.writeFile(path, Buffer.from(await call('GET', s('/screenshot')), 'base64')),
        // Xvfb has no window manager: the keyboard focus follows the X pointer, which rests at
        // the screen's centre, so a window that does not cover it (narrower than half the
        // screen, as a phone's) is not focused: document.hasFocus() is false and :focus and
        // :focus-visible never match. This moves the window (same size) over the centre.
        focusWindow: async () => {
          const rect = await call('GET', s('/window/rect'));
          const screen = await call('POST', s('/execute/sync'), { script: 'return [screen.width, screen.height];', args: [] });
          await call('POST', s('/window/rect'), {
            x: Math.max(0, Math.round(screen[0] / 2 - rect.width / 2)),
            y: Math.max(0, Math.round(screen[1] / 2 - rect.height / 2)),
            width: rect.width,
            height: rect.height,
          });
          for (let i = 0; i < 50 && !(await call('POST', s('/execute/sync'), { script: 'return document.hasFocus();', args: [] })); i++) await new Promise((r) => setTimeout(r, 100));
        },
        close: async () => {
          for (const x of sessions) if (x.id === id) sessions.delete(x);
          await call('DELETE', s('')).catch(() => {});
        },
      });
    },
    async close() {
      for (const { id, call } of sessions) await call('DELETE', `/session/${id}`).catch(() => {});
      for (const d of drivers.values()) (await d).kill();
    },
  };
}

/** For a test file that runs in every engine: serves dist/ (instrumented with recorder.js, or
 *  `$REPORT_URL` such as nginx, where nothing is injected) and starts each engine once.
 *  Returns `shared`, set once the tests start:
 *  - `shared.url`: the report's base URL (the Chinese page; `shared.en` the English one);
 *  - `shared.open(engine, path, pageOptions)`: a new page at `path` (relative to the base),
 *    closed after the test, even when it fails (WebKitWebDriver runs one session at a time);
 *  - `shared.newPage(engine, pageOptions)`: the same without going anywhere;
 *  - `shared.serve(options)`: another server of dist/ (server.mjs options), closed at the end;
 *  - `shared.engines[name]`: the engine, with its `supports`. */
export function useEngines({ instrument = true } = {}) {
  const shared = { engines: {}, servers: [], pages: [] };
  before(async () => {
    const { serve } = await import('./server.mjs');
    shared.serve = async (options = {}) => {
      const server = await serve('dist', { instrument, ...options });
      shared.servers.push(server);
      return server;
    };
    if (process.env.REPORT_URL) {
      shared.url = process.env.REPORT_URL;
      shared.instrumented = false;
    } else {
      shared.url = (await shared.serve()).url;
      shared.instrumented = Boolean(instrument);
    }
    shared.en = new URL('en.html', shared.url).href;
    for (const name of ENGINES) shared.engines[name] = await startEngine(name);
  });
  afterEach(async () => {
    while (shared.pages.length) await shared.pages.pop().close().catch(() => {});
  });
  after(async () => {
    for (const engine of Object.values(shared.engines)) await engine.close().catch(() => {});
    await Promise.all(shared.servers.map((s) => s.close()));
  });
  shared.newPage = async (engine, options = {}) => {
    const page = await shared.engines[engine].newPage(options);
    shared.pages.push(page);
    return page;
  };
  shared.open = async (engine, where, options = {}) => {
    const page = await shared.newPage(engine, options);
    await page.goto(new URL(where, shared.url).href);
    return page;
  };
  return shared;
}
