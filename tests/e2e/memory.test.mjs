// End-to-end: the report does not leak. wasm memory plus JS heap grow by less than 1 MB over
// 10,000 hover events, 200 language and 200 theme switches and 500 resizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReport } from './browser.mjs';
import { measureSession } from './memory.mjs';
import { ENGINES } from './engines.mjs';

const shared = useReport();

test('chromium only (CDP heap measurement): memory grows by less than 1 MB over a long session', { timeout: 600000, skip: !ENGINES.includes('chromium') && 'Chromium is not among YANGPU_ENGINES' }, async () => {
  const { before, after, growth, problems, asked, done } = await measureSession(shared.browser, shared.server.en);
  // The session happened: every hover, switch and resize took effect (the language switches
  // in place, without a reload), and hovers over the marks showed values.
  assert.equal(done.hovers, asked.hovers);
  assert.ok(done.tooltips >= asked.hovers / 20, `hovers showed values (${done.tooltips} tooltips over ${asked.hovers} hovers)`);
  assert.equal(done.languages, asked.switches, 'each language switch happened in this document');
  assert.equal(done.themes, asked.switches, 'each theme switch happened');
  assert.equal(done.resizes, asked.resizes, 'each resize happened');
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`memory: JS heap ${kb(before.js)} → ${kb(after.js)}, wasm ${kb(before.wasm)} → ${kb(after.wasm)}, growth ${kb(growth)}`);
  assert.ok(growth < 1024 * 1024, `grew by ${kb(growth)}`);
  assert.deepEqual(problems, []);
});
