// End-to-end: the charts in Chromium, as a reader uses them with a mouse, a finger and a keyboard.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { useReport, drawAll, openReport } from './browser.mjs';

const CHARTS = ['housing-renewal', 'livelihood-share', 'livelihood-growth', 'education', 'innovation-awards'];

const shared = useReport();

/** The values in a chart's table, in order. */
async function tableValues(chart) {
  return chart.locator('tbody td:nth-child(2)').allTextContents();
}

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

test('with JavaScript off every chart is visible as SVG', async () => {
  for (const width of [375, 1280]) {
    const context = await shared.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(shared.server.en);
    for (const slug of CHARTS) {
      const svgs = page.locator(`[data-chart="${slug}"] .chart-svg svg`);
      const visible = await svgs.evaluateAll((all) => all.filter((s) => s.getBoundingClientRect().height > 50 && getComputedStyle(s.parentElement).display !== 'none').length);
      assert.equal(visible, 1, `${slug} at ${width}px shows exactly one SVG`);
    }
    await context.close();
  }
});

test('drawing every chart under the strict CSP causes no violation; canvases are crisp at ratio 2', async () => {
  for (const [width, ratio] of [[375, 2], [1280, 2], [1280, 3]]) {
    const { page, problems, hydration } = await openReport(shared.browser, shared.server.en, { width, height: 900, deviceScaleFactor: ratio });
    await hydration();
    await drawAll(page);
    const sizes = await page.locator('[data-testid="chart-canvas"]').evaluateAll((all) =>
      all.map((c) => ({ w: c.width, h: c.height, cw: c.clientWidth, ch: c.clientHeight })),
    );
    assert.equal(sizes.length, CHARTS.length);
    for (const s of sizes) {
      assert.ok(Math.abs(s.w - s.cw * ratio) <= 1 && Math.abs(s.h - s.ch * ratio) <= 1, `backing ${s.w}×${s.h} for CSS ${s.cw}×${s.ch} at ×${ratio}`);
    }
    // The canvas sits exactly where the SVG was: same box, so nothing moved.
    const boxes = await page.locator('.chart-frame').evaluateAll((all) =>
      all.map((f) => {
        const svg = [...f.querySelectorAll('.chart-svg')].find((d) => getComputedStyle(d).display !== 'none');
        const a = svg.getBoundingClientRect();
        const b = f.querySelector('canvas').getBoundingClientRect();
        return [a.width - b.width, a.height - b.height];
      }),
    );
    for (const [dw, dh] of boxes) assert.ok(Math.abs(dw) < 1 && Math.abs(dh) < 1, `canvas and SVG differ by ${dw}×${dh}`);
    const violations = await page.evaluate(() => window.__violations);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('hovering shows each value of each chart, and empty space shows none', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  await drawAll(page);
  for (const slug of CHARTS) {
    const chart = page.locator(`[data-chart="${slug}"]`);
    await chart.scrollIntoViewIfNeeded();
    const expected = await tableValues(chart);
    const canvas = chart.getByTestId('chart-canvas');
    const box = await canvas.boundingBox();
    const tooltip = chart.getByTestId('chart-tooltip');
    // Find a point over each mark by sweeping the canvas in the page (fast), then check each
    // one with the real mouse, as a reader would move it.
    const found = await canvas.evaluate(async (c) => {
      const tick = () => new Promise((r) => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); });
      const r = c.getBoundingClientRect();
      const points = {};
      for (let y = 3; y < r.height; y += 6) {
        for (let x = 3; x < r.width; x += 6) {
          c.dispatchEvent(new PointerEvent('pointermove', { clientX: r.left + x, clientY: r.top + y, bubbles: true }));
          await tick();
          const v = c.parentElement.querySelector('.tooltip-value')?.textContent;
          if (v && !(v in points)) points[v] = [x, y];
        }
      }
      c.dispatchEvent(new PointerEvent('pointerleave', { bubbles: true }));
      return points;
    });
    const seen = new Set();
    for (const [value, [x, y]] of Object.entries(found)) {
      await page.mouse.move(box.x + x, box.y + y);
      assert.equal(await tooltip.locator('.tooltip-value').textContent(), value, `${slug}: the mouse at ${x},${y} shows ${value}`);
      seen.add(value);
    }
    assert.deepEqual([...seen].sort(), [...expected].sort(), `${slug}: the tooltip shows every value`);
    // A corner of the frame is empty space: no tooltip.
    await page.mouse.move(box.x + 2, box.y + box.height - 2);
    assert.equal(await tooltip.count(), 0, `${slug}: no tooltip over empty space`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('a tap on a phone shows the value under the finger', async () => {
  const context = await shared.browser.newContext({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(shared.server.en);
  await page.waitForSelector('#app[data-ready="true"]');
  const chart = page.locator('[data-chart="livelihood-growth"]');
  await chart.scrollIntoViewIfNeeded();
  await chart.locator('.chart-frame.canvas-ready').waitFor();
  await page.waitForTimeout(600);
  const canvas = await chart.getByTestId('chart-canvas').boundingBox();
  // The second bar stands in the right half of the plot, above the axis.
  let shown = null;
  for (let y = canvas.height * 0.3; y < canvas.height * 0.8 && !shown; y += 8) {
    await page.touchscreen.tap(canvas.x + canvas.width * 0.7, canvas.y + y);
    if (await chart.getByTestId('chart-tooltip').count()) shown = await chart.locator('.tooltip-value').textContent();
  }
  assert.equal(shown, '150.2');
  await context.close();
});

test('the keyboard walks the marks with the arrow keys and leaves with Escape', async () => {
  const { page, problems, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  await drawAll(page);
  for (const slug of CHARTS) {
    const chart = page.locator(`[data-chart="${slug}"]`);
    const expected = await tableValues(chart);
    const canvas = chart.getByTestId('chart-canvas');
    await canvas.focus();
    const announced = [];
    const announcement = chart.getByTestId('chart-announcement');
    announced.push(await announcement.textContent());
    for (let i = 1; i < expected.length; i++) {
      await page.keyboard.press('ArrowRight');
      announced.push(await announcement.textContent());
    }
    expected.forEach((value, i) => assert.ok(announced[i].includes(`: ${value},`), `${slug}: step ${i} announces ${value}: ${announced[i]}`));
    await page.keyboard.press('ArrowRight');
    assert.ok((await announcement.textContent()).includes(expected.at(-1)), 'stays on the last mark');
    await page.keyboard.press('Home');
    assert.ok((await announcement.textContent()).includes(expected[0]));
    assert.equal(await chart.getByTestId('chart-tooltip').count(), 1, 'the focused value shows');
    await page.keyboard.press('Escape');
    assert.equal(await chart.getByTestId('chart-tooltip').count(), 0);
    assert.notEqual(await page.evaluate(() => document.activeElement?.dataset.testid), 'chart-canvas');
  }
  // Tab reaches a chart from the link before it.
  const before = page.locator('[data-chart="education"]').locator('xpath=preceding::a[1]');
  await before.focus();
  let reached = false;
  for (let i = 0; i < 5 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.closest('[data-chart]')?.dataset.chart === 'education' && document.activeElement.dataset.testid === 'chart-canvas');
  }
  assert.ok(reached, 'Tab reaches the chart');
  assert.deepEqual(problems, []);
  await page.close();
});

test('"show as table" shows the values, which match the CSV download', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  for (const slug of CHARTS) {
    const chart = page.locator(`[data-chart="${slug}"]`);
    const table = chart.locator('table');
    assert.equal(await table.isVisible(), false);
    await chart.getByText('Show as table').click();
    await table.waitFor({ state: 'visible' });
    const values = await tableValues(chart);
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-csv').click()]);
    assert.equal(download.suggestedFilename(), `yangpu-${slug}.csv`);
    const csv = parseCsv(await fs.readFile(await download.path(), 'utf8'));
    assert.deepEqual(csv.map((r) => r.value_shown), values, `${slug}: CSV matches the table`);
    for (const r of csv) assert.ok(Number.isFinite(Number(r.value)) && r.source_sentence.length > 20, `${slug}: numeric value and a source sentence`);
  }
  await page.close();
});

test('each chart downloads as a PNG at 2× and a valid SVG; the data package has every figure', async () => {
  const { page, hydration } = await openReport(shared.browser, shared.server.en, { width: 1280, height: 900 });
  await hydration();
  for (const slug of CHARTS) {
    const chart = page.locator(`[data-chart="${slug}"]`);
    const [png] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-png').click()]);
    assert.equal(png.suggestedFilename(), `yangpu-${slug}.png`);
    const bytes = await fs.readFile(await png.path());
    assert.ok(bytes.length > 5000, `${slug}: PNG has ${bytes.length} bytes`);
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
    assert.equal(bytes.readUInt32BE(16), 1280, `${slug}: PNG is 2× the 640 px layout`);

    const [svg] = await Promise.all([page.waitForEvent('download'), chart.getByTestId('download-svg').click()]);
    const text = await fs.readFile(await svg.path(), 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return { error: !!doc.querySelector('parsererror'), root: doc.documentElement.nodeName, texts: [...doc.querySelectorAll('text')].map((n) => n.textContent).join(' ') };
    }, text);
    assert.equal(parsed.error, false, `${slug}: SVG parses`);
    assert.equal(parsed.root, 'svg');
    const title = await chart.locator('.chart-title').textContent();
    assert.ok(parsed.texts.includes(title.split(' ')[0]), `${slug}: SVG carries the title`);
  }
  const json = await (await fetch(new URL('downloads/yangpu-report.json', shared.server.en))).json();
  const cards = await page.getByTestId('figure-card').count();
  assert.equal(json.figures.length, cards);
  for (const f of json.figures) assert.ok(f.source_sentence.includes(f.quote));
  await page.close();
});
