// Screenshots of the built report for looking at it: phone and desktop, ratio 2, every chart
// drawn, one tooltip showing. Usage: node scripts/screenshots.mjs [outdir]
import { serve } from '../tests/e2e/server.mjs';
import { drawAll, launch } from '../tests/e2e/browser.mjs';

const out = process.argv[2] ?? 'screenshots';
const server = await serve('dist');
const browser = await launch();
// Each language in a browser that asks for it, light, dark and large.
const pages = { zh: server.url, en: new URL('en.html', server.url).href };
for (const [lang, theme, mode] of [['zh', 'light', ''], ['en', 'light', ''], ['zh', 'dark', ''], ['en', 'dark', ''], ['zh', 'light', 'large'], ['en', 'light', 'large']]) {
  for (const width of [375, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 2, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
    const page = await context.newPage();
    await page.goto(`${pages[lang]}?theme=${theme}${mode ? `&mode=${mode}` : ''}`);
    await page.waitForSelector('#app[data-ready="true"]');
    await drawAll(page);
    const name = `${lang}-${theme}${mode ? `-${mode}` : ''}-${width}`;
    if (theme === 'light' && !mode) {
      const chart = page.locator('[data-chart="livelihood-share"] [data-testid="chart-canvas"]');
      await chart.focus();
      await page.keyboard.press('ArrowRight');
      for (const slug of ['housing-renewal', 'livelihood-share', 'education', 'innovation-awards', 'livelihood-growth']) {
        await page.locator(`[data-chart="${slug}"]`).screenshot({ path: `${out}/chart-${slug}-${lang}-${width}.png` });
      }
    }
    await page.screenshot({ path: `${out}/report-${name}.png`, fullPage: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${out}/top-${name}.png` });
    await context.close();
  }
}
await browser.close();
await server.close();
console.log(`screenshots in ${out}/`);

// Embeds at three widths and the timeline on phone and desktop.
{
  const server2 = await serve('dist');
  const browser2 = await launch();
  for (const [query, widths, name] of [
    ['?embed=chart:livelihood-share', [320, 600, 1000], 'embed-chart'],
    ['?embed=timeline', [320, 1000], 'embed-timeline'],
  ]) {
    for (const width of widths) {
      const page = await browser2.newPage({ viewport: { width, height: 800 }, deviceScaleFactor: 2 });
      await page.goto(server2.url + query);
      await page.waitForSelector('#app[data-ready="true"]');
      await page.waitForTimeout(800);
      await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
      await page.close();
    }
  }
  for (const width of [375, 1280]) {
    const page = await browser2.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 2 });
    await page.goto(server2.url + '?milestone=2024');
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForTimeout(500);
    await page.locator('#milestones').screenshot({ path: `${out}/timeline-${width}.png` });
    await page.close();
  }
  await browser2.close();
  await server2.close();
}
