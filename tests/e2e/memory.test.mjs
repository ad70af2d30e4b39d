// End-to-end: the report does not leak. wasm memory plus JS heap grow by less than 1 MB over
// 10,000 hover events, 200 language and 200 theme switches and 500 resizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useReport } from './browser.mjs';
import { measureSession } from './memory.mjs';

const shared = useReport();

test('memory grows by less than 1 MB over a long session', { timeout: 600000 }, async () => {
  const { before, after, growth, problems } = await measureSession(shared.browser, shared.server.en);
  const kb = (b) => `${(b / 1024).toFixed(0)} KB`;
  console.log(`memory: JS heap ${kb(before.js)} → ${kb(after.js)}, wasm ${kb(before.wasm)} → ${kb(after.wasm)}, growth ${kb(growth)}`);
  assert.ok(growth < 1024 * 1024, `grew by ${kb(growth)}`);
  assert.deepEqual(problems, []);
});
