// Screenshots of every chart in each engine (Chromium, Firefox ESR, WebKitGTK), at 375 and
// 1280 px, in Chinese and English, light and dark: `node scripts/engine-screenshots.mjs <dir>`
// after a release build; SHOT_MODES=standard,large adds large mode (default: standard);
// SHOT_LANGS=zh limits the languages; SHOT_WHAT=page captures the whole page, a window at a time,
// instead of each chart. Each chart is scrolled into view and the window captured (Firefox's
// and WebKit's drivers capture the viewport only). YANGPU_ENGINES limits the engines.
import fs from 'node:fs/promises';
import path from 'node:path';
import { serve } from '../tests/e2e/server.mjs';
import { ENGINES, startEngine } from '../tests/e2e/engines.mjs';

const dir = process.argv[2] ?? 'screenshots-engines';
await fs.mkdir(dir, { recursive: true });
const report = await serve('dist');
for (const name of ENGINES) {
  const engine = await startEngine(name);
  for (const width of [375, 1280]) {
    for (const lang of (process.env.SHOT_LANGS ?? 'zh,en').split(',')) {
      for (const [theme, mode] of (process.env.SHOT_MODES ?? 'standard').split(',').flatMap((m) => (m === 'large' ? [['light', 'large']] : [['light', 'standard'], ['dark', 'standard']]))) {
        const page = await engine.newPage({ width, height: width < 500 ? 800 : 900 });
        await page.goto(`${report.url}?lang=${lang}&theme=${theme}${mode === 'large' ? '&mode=large' : ''}`);
        await page.ready();
        const shot = (what) => path.join(dir, `${name}-${width}-${lang}-${theme}${mode === 'large' ? '-large' : ''}-${what}.png`);
        if (process.env.SHOT_WHAT === 'page') {
          // The whole page, a window at a time, from the top (the drivers capture the viewport only).
          const [total, step] = await page.evaluate(() => [document.documentElement.scrollHeight, window.innerHeight - 40]);
          for (let y = 0, i = 0; y < total; y += step, i++) {
            await page.evaluate((top) => window.scrollTo(0, top), y);
            await new Promise((r) => setTimeout(r, 500));
            await page.screenshot(shot(`page-${String(i).padStart(2, '0')}`));
          }
        } else {
          const charts = await page.evaluate(() => [...document.querySelectorAll('[data-chart]')].map((c) => c.dataset.chart));
          for (const chart of charts) {
            await page.evaluate((c) => document.querySelector(`[data-chart="${c}"]`).scrollIntoView({ block: 'start' }), chart);
            await new Promise((r) => setTimeout(r, 900));
            await page.screenshot(shot(chart));
          }
        }
        await page.close();
      }
    }
  }
  await engine.close();
  console.log(`${name}: done`);
}
await report.close();
