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

  const hoverOver = async (count) => {
    const canvas = page.locator('[data-chart="housing-renewal"] [data-testid="chart-canvas"]');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    for (let i = 0; i < count; i++) {
      // A sweep across the chart: over marks and empty space, so tooltips come and go.
      const t = (i % 100) / 100;
      await cdp.send('Input.dispatchMouseEvent', {
        type: 'mouseMoved', x: box.x + 5 + t * (box.width - 10), y: box.y + 10 + ((i * 37) % 100) / 100 * (box.height - 20),
      });
    }
  };
  const toggle = async (testid, count) => {
    for (let i = 0; i < count; i++) {
      await page.getByTestId(testid).click();
      await page.waitForSelector('#app[data-ready="true"]');
    }
  };
  const resize = async (count) => {
    for (let i = 0; i < count; i++) await page.setViewportSize({ width: 360 + ((i * 97) % 1000), height: 900 });
    await page.setViewportSize({ width: 1280, height: 900 });
  };

  // Warm up first, so one-time allocations (caches, pools) are not counted as growth.
  await hoverOver(200);
  await toggle('toggle-lang', 2);
  await toggle('toggle-dark', 2);
  await resize(10);
  await drawAll(page);
  const before = await usage(page, cdp);

  await hoverOver(hovers);
  await toggle('toggle-lang', switches);
  await toggle('toggle-dark', switches);
  await resize(resizes);
  await drawAll(page);
  const after = await usage(page, cdp);
  await page.close();
  return { before, after, growth: after.js + after.wasm - before.js - before.wasm, problems, counts: { hovers, switches, resizes } };
}
