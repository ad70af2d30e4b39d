// End-to-end: inclusive reading, in every engine (Chromium, Firefox ESR, WebKitGTK; see
// engines.mjs). axe-core finds no violation in light and dark, standard and large; large text
// is large (and so are the charts'); print hides the controls and keeps every chart and source
// (Chromium only: print emulation); every control is reachable with Tab, in document order;
// read-aloud speaks and stops. Each test's name starts with its engine; what an engine's driver
// cannot do is said in the test's name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { ENGINES, useEngines, compileLocales } from './engines.mjs';

const require = createRequire(import.meta.url);
// axe-core's source as the body of a function the driver evaluates in the page: the page's
// own CSP forbids inline and eval'd script, not what a driver runs.
const AXE = new Function(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

// WebKitGTK's language is the process locale's: compiled here so a Chinese browser is one.
compileLocales(['en-US', 'zh-CN']);
const shared = useEngines();


for (const name of ENGINES) {
  for (const lang of ['zh', 'en']) {
    for (const theme of ['light', 'dark']) {
      for (const mode of ['standard', 'large']) {
        test(`${name}: axe-core: no violations in ${lang} ${theme} ${mode}`, async () => {
          const query = `?theme=${theme}${mode === 'large' ? '&mode=large' : ''}`;
          // Each language in a browser that asks for it: its own page, no redirect.
          const page = await shared.open(name, `${lang === 'zh' ? '' : 'en.html'}${query}`, { width: 1280, height: 900, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
          assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'zh' ? 'zh-CN' : 'en');
          await page.ready();
          await page.drawAll();
          // Open what a reader can open, so axe checks it too.
          await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
          await page.evaluate(AXE);
          const violations = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] })
            .then((result) => result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)));
          assert.deepEqual(violations, [], `${name}: ${lang} ${theme} ${mode}`);
        });
      }
    }
  }

  test(`${name}: large mode: body text ≥ 18 px, figures ≥ 30 px, touch targets ≥ 60 px, larger chart text`, async (t) => {
    const page = await shared.newPage(name, { width: 1280, height: 900 });
    const sizes = async (query) => {
      await page.goto(`${shared.en}${query}`);
      await page.ready();
      await page.drawAll();
      const css = await page.evaluate(() => ({
        body: parseFloat(getComputedStyle(document.querySelector('.source-body')).fontSize),
        figure: parseFloat(getComputedStyle(document.querySelector('.card-number')).fontSize),
        lineHeight: parseFloat(getComputedStyle(document.querySelector('.source-body')).lineHeight) / parseFloat(getComputedStyle(document.querySelector('.source-body')).fontSize),
        smallestTarget: Math.min(...[...document.querySelectorAll('main button:not(.hidden), main summary')].filter((b) => b.offsetParent).map((b) => Math.min(b.getBoundingClientRect().width, b.getBoundingClientRect().height))),
      }));
      // Chart text: the sizes of the texts the chart drew (CSS px, by role), from its canvas,
      // which writes them only on a page that asks (recorder.js; nothing is injected with
      // $REPORT_URL outside Chromium: no chart text to check then).
      const chart = await page.evaluate(() => {
        if (!window.__yangpuTextBoxes) return null;
        const c = document.querySelector('[data-chart="livelihood-share"] [data-testid="chart-canvas"]');
        const least = {};
        for (const box of (c.dataset.textBoxes || '').split(';').filter(Boolean)) {
          const [, , , , size, role] = box.split(' ');
          least[role] = Math.min(least[role] ?? Infinity, Number(size));
        }
        return least;
      });
      return { ...css, chartText: chart };
    };
    const standard = await sizes('?theme=light');
    const large = await sizes('?theme=light&mode=large');
    assert.ok(large.body >= 18, `${name}: body ${large.body}px`);
    assert.ok(large.figure >= 30, `${name}: figures ${large.figure}px`);
    assert.ok(large.lineHeight >= 1.3, `${name}: line height ${large.lineHeight}`);
    assert.ok(large.smallestTarget >= 60, `${name}: smallest control ${large.smallestTarget}px`);
    // The README: chart labels and values at least 18 CSS px in large mode, ticks 16.
    if (!large.chartText || !standard.chartText) {
      // Nothing injected (behind $REPORT_URL outside Chromium): said, not passed in silence.
      t.diagnostic(`${name}: chart text sizes not checked: no text boxes asked for on this server`);
      return;
    }
    assert.ok(large.chartText.axis >= 16 && large.chartText.axis > standard.chartText.axis * 1.15, `${name}: chart ticks ${standard.chartText.axis} → ${large.chartText.axis} px`);
    assert.ok(large.chartText.label >= 18 && large.chartText.value >= 18, `${name}: chart labels ${large.chartText.label} px, values ${large.chartText.value} px`);
  });

  test(`${name}: every interactive element is reachable with Tab, in document order, with a visible focus`, async (t) => {
    const page = await shared.open(name, 'en.html', { width: 1280, height: 900 });
    await page.focusWindow();
    await page.ready();
    // The expected order: the focusable controls a reader can see, in the order of the
    // document (tabindex > 0 first, as the HTML standard orders them; the report has none).
    const expected = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]')]
        .filter((el) => !el.disabled && el.tabIndex >= 0)
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden' && !el.closest('dialog') && !el.closest('[inert]'))
        // Inside a closed <details> only its summary can be reached, as it should be.
        .filter((el) => { const d = el.closest('details:not([open])'); return !d || el === d.querySelector('summary'); })
        .filter((el) => el.tagName !== 'SUMMARY' || el === el.parentElement.querySelector('summary'));
      const ordered = [...controls.filter((el) => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex), ...controls.filter((el) => el.tabIndex === 0)];
      return ordered.map((el, i) => {
        el.dataset.tabExpected = String(i);
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} ${(el.getAttribute('aria-label') ?? el.textContent).trim().slice(0, 40)}`;
      });
    });
    assert.ok(expected.length > 40, `${name}: ${expected.length} controls`);
    t.diagnostic(`${expected.length} controls, from ${expected[0]} to ${expected.at(-1)}`);
    const reached = [];
    const noOutline = [];
    for (let i = 0; i < expected.length; i++) {
      await page.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return { at: null };
        const style = getComputedStyle(el);
        return { at: el.dataset.tabExpected ?? `not expected: ${el.outerHTML.slice(0, 80)}`, outline: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none' };
      });
      reached.push(info.at === null || info.at.startsWith('not') ? info.at : expected[Number(info.at)]);
      if (info.at !== null && !info.outline) noOutline.push(reached.at(-1));
    }
    assert.deepEqual(reached, expected, `${name}: Tab reaches every control, in the order of the document`);
    assert.deepEqual(noOutline, [], `${name}: each focused control shows its focus`);
  });

  test(`${name}: read aloud speaks a section and a chart in the page language, and stops; without speech synthesis there is no button`, async () => {
    // recorder.js's speech synthesis: it records what is spoken, in every engine, voice or not.
    const speech = await shared.serve({ instrument: 'speech' });
    const page = await shared.newPage(name, { width: 1280, height: 900 });
    await page.goto(new URL('en.html', speech.url).href);
    await page.ready();
    const read = '#services .section-heading [data-testid="read-aloud"]';
    const button = (selector) => page.evaluate((s) => { const b = document.querySelector(s); return { pressed: b.getAttribute('aria-pressed'), text: b.textContent.trim() }; }, selector);
    const spoken = async () => (await page.recorded()).spoken;
    await page.click(read);
    assert.deepEqual(await button(read), { pressed: 'true', text: 'Stop reading' });
    let said = (await spoken()).filter((s) => s.text);
    assert.equal(said.length, 1, `${name}: one utterance`);
    assert.match(said[0].text, /^Public services\. Continuously improving/);
    assert.match(said[0].text, /14 new schools have been built, adding 7,070 school places\./);
    assert.equal(said[0].text.match(/7,070/g).length, 1, `${name}: each figure said once`);
    assert.doesNotMatch(said[0].text, /Share this section|Show as table|Read aloud/, `${name}: controls are not read`);
    assert.equal(said[0].lang, 'en');
    await page.click(read);
    assert.equal((await button(read)).pressed, 'false');
    // "Stop reading" stops the speech: the synthesis is cancelled after the text was spoken.
    const all = await spoken();
    const utterance = all.findIndex((s) => s.text);
    assert.ok(all.slice(utterance + 1).some((s) => s.cancel), `${name}: Stop cancels the speech (${JSON.stringify(all.map((s) => s.cancel ? 'cancel' : 'speak'))})`);
    const chartRead = '[data-chart="education"] [data-testid="read-aloud"]';
    await page.click(chartRead);
    said = (await spoken()).filter((s) => s.text);
    // Written for the ear (core/src/charts/education.rs, `said`): each figure once, no chart shapes.
    assert.equal(said.at(-1).text, '14 new schools have been built, adding 7,070 school places.');
    assert.equal(said.at(-1).lang, 'en');
    // The speech ends by itself: the button is ready again.
    await page.evaluate(() => window.speechSynthesis.end());
    await page.waitFor((s) => document.querySelector(s).getAttribute('aria-pressed') === 'false', [chartRead], { what: 'the chart\'s button released' });

    // In Chinese, the Chinese text in a zh-CN voice.
    await page.goto(`${speech.url}?lang=zh`);
    await page.waitFor(() => document.documentElement.lang === 'zh-CN', [], { what: 'the Chinese page' });
    await page.ready();
    await page.click(read);
    said = (await spoken()).filter((s) => s.text);
    assert.equal(said.at(-1).lang, 'zh-CN');
    assert.match(said.at(-1).text, /^公共服务。/);
    assert.match(said.at(-1).text, /新建学校14所，新增学位7070个。/);
    assert.equal(said.at(-1).text.match(/7070/g).length, 1, `${name}: each figure said once`);
    assert.deepEqual((await page.recorded()).errors, [], `${name}: no error`);
    await page.close();

    // Without speech synthesis the buttons are not there.
    const bare = await shared.serve({ instrument: 'no-speech' });
    const page2 = await shared.newPage(name, { width: 1280, height: 900 });
    await page2.goto(new URL('en.html', bare.url).href);
    await page2.ready();
    assert.equal(await page2.evaluate(() => typeof window.speechSynthesis), 'undefined', `${name}: the engine has no speech synthesis`);
    const shown = await page2.evaluate(() => [...document.querySelectorAll('[data-testid="read-aloud"]')].filter((b) => b.getClientRects().length > 0).length);
    assert.equal(shown, 0, `${name}: no read-aloud button`);
    assert.deepEqual((await page2.recorded()).errors, [], `${name}: no error`);
  });
}

test('chromium only (print emulation): print: no controls, every chart as a vector image, every source sentence kept', { skip: !ENGINES.includes('chromium') && 'chromium not among YANGPU_ENGINES' }, async () => {
  const page = await shared.open('chromium', 'en.html', { width: 1280, height: 900 });
  await page.ready();
  await page.drawAll();
  await page.raw.emulateMedia({ media: 'print' });
  const printed = await page.evaluate(() => {
    const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      // Milestone buttons print as what they are, a date and a title.
      controls: [...document.querySelectorAll('button:not(.timeline-button), summary, nav')].filter(visible).map((e) => e.textContent.trim().slice(0, 30)),
      charts: [...document.querySelectorAll('.chart-svg-wide svg')].filter(visible).length,
      canvases: [...document.querySelectorAll('.chart-canvas')].filter(visible).length,
      quotes: [...document.querySelectorAll('.card .source-quote')].filter(visible).length,
      cards: document.querySelectorAll('.card').length,
    };
  });
  assert.deepEqual(printed.controls, [], 'no controls');
  assert.equal(printed.charts, 5, 'every chart, as SVG');
  assert.equal(printed.canvases, 0);
  assert.equal(printed.quotes, printed.cards, 'every card prints its source sentence');
  const pdf = await page.raw.pdf({ format: 'A4' });
  assert.ok(pdf.length > 50_000, `a PDF of ${pdf.length} bytes`);
});
