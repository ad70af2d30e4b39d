// Memory over a long session: wasm linear memory plus the JS heap, after garbage collection,
// before and after 10,000 hover events, 200 language switches, 200 theme switches and 500
// resizes. Shared by the memory test and the benchmark.
import { drawAll, openReport } from './browser.mjs';

async function usage(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(50);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  // Every WebAssembly.Memory on the page (the report has one), found through DevTools so the
  // page needs no test hook.
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((sum, m) => sum + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return { js: usedSize, wasm: result.value };
}

/** Runs the session on `url`; returns the usage before and after, and the counts done. */
export async function measureSession(browser, url, { hovers = 10000, switches = 200, resizes = 500 } = {}) {
  const { page, problems, hydration } = await openReport(browser, url, { width: 1280, height: 900 });
  const cdp = await page.context().newCDPSession(page);
  await hydration();
  await drawAll(page);

  // Each action is verified to have happened, so a click that lands on nothing (or a reload
  // that resets the heap) cannot pass for a session: `done` counts what took effect.
  const done = { hovers: 0, tooltips: 0, languages: 0, themes: 0, resizes: 0 };
  await page.evaluate(() => { window.__sameDocument = true; });
  const hoverOver = async (count) => {
    const canvas = page.locator('[data-chart="housing-renewal"] [data-testid="chart-canvas"]');
    await canvas.scrollIntoViewIfNeeded();
    await page.waitForTimeout(600); // the page scrolls smoothly: measure where it stops
    const box = await canvas.boundingBox();
    await page.evaluate(() => {
      window.__tooltips ??= [];
      const chart = document.querySelector('[data-chart="housing-renewal"]');
      new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n.nodeType === 1 && n.matches('[data-testid="chart-tooltip"]') && window.__tooltips.push(1))))
        .observe(chart, { childList: true, subtree: true });
    });
    for (let i = 0; i < count; i++) {
      // A sweep across the chart: over marks and empty space, so tooltips come and go.
      const t = (i % 100) / 100;
      await cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseMoved', x: box.x + 5 + t * (box.width - 10), y: box.y + 10 + ((i * 37) % 100) / 100 * (box.height - 20),
      });
      done.hovers += 1;
    }
    // How many times a value appeared under the pointer (counted by the page as it happened).
    done.tooltips += await page.evaluate(() => window.__tooltips?.splice(0).length ?? 0);
  };
  // The language switch replaces the report in place: wait for the other language's report
  // to be hydrated, in this same document.
  const switchLanguage = async (count) => {
    for (let i = 0; i < count; i++) {
      const from = await page.evaluate(() => document.documentElement.lang);
      await page.getByTestId('toggle-lang').click();
      await page.waitForFunction((lang) => document.documentElement.lang !== lang && document.querySelector('#app[data-ready="true"] [data-testid="toggle-lang"]')?.getAttribute('lang') === (lang.startsWith('zh') ? 'zh-CN' : 'en'), from);
      if (await page.evaluate(() => window.__sameDocument === true)) done.languages += 1;
    }
  };
  const switchTheme = async (count) => {
    for (let i = 0; i < count; i++) {
      const from = await page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await page.getByTestId('toggle-dark').click();
      await page.waitForFunction((theme) => (document.documentElement.dataset.theme ?? 'light') !== theme, from);
      done.themes += 1;
    }
  };
  const resize = async (count) => {
    for (let i = 0; i < count; i++) {
      const width = 360 + ((i * 97) % 1000);
      await page.setViewportSize({ width, height: 900 });
      if ((await page.evaluate(() => innerWidth)) === width) done.resizes += 1;
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  // Warm up first, so one-time allocations (caches, pools) are not counted as growth.
  await hoverOver(200);
  await switchLanguage(2);
  await switchTheme(2);
  await resize(10);
  await drawAll(page);
  const before = await usage(page, cdp);
  for (const key of Object.keys(done)) done[key] = 0;

  await hoverOver(hovers);
  await switchLanguage(switches);
  await switchTheme(switches);
  await resize(resizes);
  await drawAll(page);
  const after = await usage(page, cdp);
  await page.close();
  return { before, after, growth: after.js + after.wasm - before.js - before.wasm, problems, asked: { hovers, switches, resizes }, done };
}
