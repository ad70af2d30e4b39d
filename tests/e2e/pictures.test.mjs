// End-to-end: "Save picture" (保存图片), in every engine (Chromium, Firefox ESR, WebKitGTK;
// see engines.mjs). The share dialog shows the built picture of the view it shares
// (core/src/share/picture.rs: the chart's own, the long picture for the whole report and for
// a milestone) as an image a reader can press and hold to save, with a download link; a
// browser that ignores `download` (WeChat's in-app browser) follows that link to the picture
// itself; and without the wasm, each chart card's, section's and the masthead's plain link
// opens the picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ENGINES, useEngines } from './engines.mjs';

const shared = useEngines();

/** The dialog's picture once it has loaded: its address, its pixel size, the download link. */
function dialogPicture() {
  const img = document.querySelector('[data-testid="share-picture-img"]');
  const link = document.querySelector('[data-testid="download-picture"]');
  if (!img || !img.complete || img.naturalWidth === 0 || img.getClientRects().length === 0) return null;
  return {
    src: img.getAttribute('src'),
    width: img.naturalWidth,
    height: img.naturalHeight,
    shown: img.getBoundingClientRect().width,
    alt: img.alt,
    href: link.getAttribute('href'),
    download: link.getAttribute('download'),
  };
}

/** Opens the share dialog from the control `selector`, and waits for its picture to load. */
async function sharePicture(page, selector, file) {
  await page.click(selector);
  return page.waitFor((file) => {
    const d = document.querySelector('[data-testid="share-dialog"]');
    const img = document.querySelector('[data-testid="share-picture-img"]');
    if (!d.hasAttribute('open') || !img || img.getAttribute('src') !== file) return null;
    return img.complete && img.naturalWidth > 0 ? true : null;
  }, [file], { what: `the picture ${file}` }).then(() => page.evaluate(dialogPicture));
}

/** What the browser shows after following a link to a picture: its address and the image
 *  (every engine shows an image document as one <img>). */
function shownPicture() {
  // Not the report's own page (whose dialog holds the picture too): the picture's.
  if (!location.pathname.endsWith('.png')) return null;
  const img = document.images[0];
  return img && img.complete && img.naturalWidth > 0 ? { url: location.href, width: img.naturalWidth, height: img.naturalHeight } : null;
}

/** Clicks the link `selector` as a reader does and waits for the picture it opens. The page
 *  without the wasm may still be settling (fonts, the wasm-failed note): a click that a
 *  layout shift made miss its link is tried again, twice at most. */
async function follow(page, selector) {
  for (let i = 0; i < 3; i++) {
    await page.waitFor(() => document.fonts.status === 'loaded' || null, [], { what: 'the fonts' });
    await page.click(selector);
    const gone = await page.waitFor(() => location.pathname.endsWith('.png') || null, [], { what: 'the picture', timeout: 5000 }).catch(() => null);
    if (gone) break;
  }
  return page.waitFor(shownPicture, [], { what: 'the picture opened', timeout: 20000 });
}

for (const name of ENGINES) {
  test(`${name}: "Save picture" shows the shared view's picture, with a download link`, async () => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.ready();
    const chart = await sharePicture(page, '[data-chart="education"] [data-testid="share-chart"]', 'pictures/chart-education-en.png');
    assert.equal(chart.width, 1080, `${name}: the picture is 1080 px wide`);
    assert.ok(chart.height > 600 && chart.height <= 5000, `${name}: ${chart.height} px tall`);
    assert.ok(chart.shown >= 200, `${name}: the picture is shown (${chart.shown} px)`);
    assert.equal(chart.href, 'pictures/chart-education-en.png');
    assert.equal(chart.download, 'chart-education-en.png');
    assert.match(chart.alt, /^New schools and school places: one picture/);
    await page.click('[data-testid="close-share"]');
    // A milestone shares the long picture of the report.
    await page.evaluate(() => document.querySelector('[data-milestone="m2022"]').scrollIntoView());
    const milestone = await sharePicture(page, '[data-milestone="m2022"] [data-testid="share-milestone"]', 'pictures/report-en.png');
    assert.equal(milestone.width, 1080);
    assert.ok(milestone.height > 3000 && milestone.height <= 5000, `${name}: the long picture, ${milestone.height} px tall`);
    assert.equal(milestone.download, 'report-en.png');
  });

  test(`${name}: in a browser that ignores download, the download link opens the picture itself`, async () => {
    const page = await shared.open(name, 'index.html?lang=zh', { width: 1280, height: 900 });
    await page.ready();
    const shown = await sharePicture(page, '[data-testid="share-report"]', 'pictures/report-zh.png');
    assert.equal(shown.width, 1080, `${name}: the long picture is shown to press and hold`);
    // WeChat's in-app browser does nothing with `download`: it follows the link.
    await page.evaluate(() => document.querySelector('[data-testid="download-picture"]').removeAttribute('download'));
    const opened = await follow(page, '[data-testid="download-picture"]');
    assert.match(opened.url, /\/pictures\/report-zh\.png$/);
    assert.equal(opened.width, 1080);
  });

  test(`${name}: without the wasm, each view's plain link opens its picture`, async () => {
    const blocked = await shared.serve({ block: /\.wasm$/ });
    const page = await shared.newPage(name, { width: 1280, height: 900 });
    await page.goto(new URL('index.html?lang=zh', blocked.url).href);
    await page.waitFor(() => document.documentElement.classList.contains('wasm-failed') || null, [], { what: 'the wasm-failed note' });
    const links = await page.evaluate(() => [...document.querySelectorAll('[data-testid="picture-link"]')].map((a) => ({
      href: a.getAttribute('href'),
      download: a.hasAttribute('download'),
      visible: a.getClientRects().length > 0,
      text: a.textContent,
    })));
    const hrefs = links.map((l) => l.href).sort();
    assert.deepEqual(hrefs, [
      'pictures/chart-education-zh.png',
      'pictures/chart-housing-renewal-zh.png',
      'pictures/chart-innovation-awards-zh.png',
      'pictures/chart-livelihood-growth-zh.png',
      'pictures/chart-livelihood-share-zh.png',
      'pictures/report-zh.png',
      'pictures/section-housing-zh.png',
      'pictures/section-innovation-zh.png',
      'pictures/section-services-zh.png',
    ], `${name}: a link per chart, section and the report`);
    assert.ok(links.every((l) => l.visible && !l.download && l.text === '分享图片'), `${name}: ${JSON.stringify(links)}`);
    await page.evaluate(() => document.querySelector('[data-chart="education"] [data-testid="picture-link"]').scrollIntoView());
    const opened = await follow(page, '[data-chart="education"] [data-testid="picture-link"]');
    assert.match(opened.url, /\/pictures\/chart-education-zh\.png$/);
    assert.equal(opened.width, 1080);
  });
}
