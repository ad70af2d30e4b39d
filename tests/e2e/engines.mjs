// The three engines readers use, behind one small page API, so one test runs in each:
// Chromium (Debian's, through playwright-core), Firefox ESR (Debian's, through
// puppeteer-core over WebDriver BiDi) and WebKitGTK (Debian's MiniBrowser, through
// WebKitWebDriver's classic WebDriver under xvfb-run). Nothing is downloaded; see
// ../shared/notes/engines.md for how each was found to work on this machine.
//
// `YANGPU_ENGINES=firefox,webkit` runs only those; by default every engine that is
// installed runs, and a missing one fails (the test command installs all three).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS } from './browser.mjs';

const FIREFOX = '/usr/bin/firefox-esr';
const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

export const ENGINES = (process.env.YANGPU_ENGINES ?? 'chromium,firefox,webkit').split(',').map((e) => e.trim()).filter(Boolean);

/** Starts `name`; resolves to { name, newPage({ width, height, locale }), close() }. */
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
  page.ready = () => page.waitFor(() => document.querySelector('#app[data-ready="true"]') !== null, [], { what: 'hydration' });
  return page;
}

async function chromiumEngine() {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS, headless: true });
  return {
    name: 'chromium',
    async newPage({ width = 1280, height = 900, locale = 'en-US' } = {}) {
      const context = await browser.newContext({ viewport: { width, height }, locale });
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
        click: (selector) => p.click(selector),
        screenshot: (path) => p.screenshot({ path, fullPage: false }),
        close: () => context.close(),
      });
    },
    close: () => browser.close(),
  };
}

async function firefoxEngine() {
  if (!fs.existsSync(FIREFOX)) throw new Error(`firefox: ${FIREFOX} is missing (Debian's firefox-esr)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'en-US,en', 'ui.prefersReducedMotion': 0 },
  });
  return {
    name: 'firefox',
    async newPage({ width = 1280, height = 900 } = {}) {
      const p = await browser.newPage();
      await p.setViewport({ width, height });
      const errors = [];
      p.on('pageerror', (e) => errors.push(String(e.message ?? e)));
      return withHelpers({
        engine: 'firefox',
        errors,
        goto: (url) => p.goto(url, { waitUntil: 'load' }),
        evaluate: (fn, ...args) => p.evaluate(new Function(asScript(fn, args))),
        setSize: (w, h) => p.setViewport({ width: w, height: h }),
        press: (key) => p.keyboard.press(key),
        click: (selector) => p.click(selector),
        screenshot: (path) => p.screenshot({ path }),
        close: () => p.close(),
      });
    },
    close: () => browser.close(),
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

async function webkitEngine() {
  if (!fs.existsSync(MINIBROWSER)) throw new Error(`webkit: ${MINIBROWSER} is missing (Debian's webkit2gtk-driver)`);
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const response = await fetch(base + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
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
  const sessions = new Set();
  return {
    name: 'webkit',
    async newPage({ width = 1280, height = 900 } = {}) {
      const session = await call('POST', '/session', {
        capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } } },
      });
      const id = session.sessionId;
      sessions.add(id);
      const s = (path) => `/session/${id}${path}`;
      const setSize = async (w, h) => {
        // The window's rect includes no chrome in automation; the page gets what it can.
        await call('POST', s('/window/rect'), { width: w, height: h });
      };
      await setSize(width, height);
      return withHelpers({
        engine: 'webkit',
        errors: [],
        goto: (url) => call('POST', s('/url'), { url }),
        evaluate: (fn, ...args) => call('POST', s('/execute/sync'), { script: asScript(fn, args), args: [] }),
        setSize,
        // To the focused element (Element Send Keys): MiniBrowser's window under Xvfb has no
        // window manager's focus, so input actions would reach no element.
        press: async (key) => {
          const active = await call('GET', s('/element/active'));
          await call('POST', s(`/element/${Object.values(active)[0]}/value`), { text: WD_KEYS[key] ?? key });
        },
        click: async (selector) => {
          const element = await call('POST', s('/element'), { using: 'css selector', value: selector });
          await call('POST', s(`/element/${Object.values(element)[0]}/click`), {});
        },
        screenshot: async (path) => fs.promises.writeFile(path, Buffer.from(await call('GET', s('/screenshot')), 'base64')),
        close: async () => {
          sessions.delete(id);
          await call('DELETE', s('')).catch(() => {});
        },
      });
    },
    async close() {
      for (const id of sessions) await call('DELETE', `/session/${id}`).catch(() => {});
      try {
        process.kill(-driver.pid);
      } catch {
        // already gone
      }
    },
  };
}
