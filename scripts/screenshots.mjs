// Screenshots of the built report for looking at it: phone and desktop, ratio 2, every chart
// drawn, one tooltip showing. Usage: node scripts/screenshots.mjs [outdir]
import { serve } from '../tests/e2e/server.mjs';
import { launch } from '../tests/e2e/browser.mjs';

const out = process.argv[2] ?? 'screenshots';
const server = await serve('dist');
const browser = await launch();
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(server.url);
  await page.waitForSelector('#app[data-ready="true"]');
  for (const frame of await page.locator('.chart-frame').all()) {
    await frame.scrollIntoViewIfNeeded();
    await frame.locator('xpath=self::*[contains(@class,"canvas-ready")]').waitFor();
  }
  await page.waitForTimeout(700);
  const chart = page.locator('[data-chart="livelihood-share"] [data-testid="chart-canvas"]');
  await chart.focus();
  await page.keyboard.press('ArrowRight');
  await page.screenshot({ path: `${out}/report-${width}.png`, fullPage: true });
  for (const slug of ['housing-renewal', 'livelihood-share', 'education', 'innovation-awards', 'livelihood-growth']) {
    await page.locator(`[data-chart="${slug}"]`).screenshot({ path: `${out}/chart-${slug}-${width}.png` });
  }
  await page.close();
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}/`);
