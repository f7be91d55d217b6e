// The JS API never throws and never copies an oversized string into wasm memory (issue 11, item 9).
//   node --test tests/wasm/        (needs dist/ from wasm/build.sh)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.SKILLCALC_DIST || path.join(ROOT, 'dist');
assert.ok(fs.existsSync(path.join(DIST, 'skillcalc.mjs')), `${DIST}/skillcalc.mjs not found: run wasm/build.sh`);
const { createSkillCalc } = await import(pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href);
const TODAY = '2026-01-15';
const good = { city: 'weihai', applicant: { kind: 'person' }, events: [{ type: 'title', date: '2025-06-01', title: 'weihai_craftsman' }] };

test('an argument whose toString throws is an error object, never a throw', async () => {
  const calc = await createSkillCalc({ today: TODAY });
  const evil = { toString() { throw new Error('no'); } };
  const r = JSON.parse(calc.evaluateText(evil));
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'invalid_input');
  assert.equal(calc.catalog(evil).ok, false);
  assert.equal(calc.catalog(Symbol('x')).ok, false);
  assert.equal(calc.evaluate({ toJSON() { throw new Error('no'); } }).ok, false);
});

test('an oversized string is refused before it reaches wasm memory, and memory does not grow', async () => {
  const calc = await createSkillCalc({ today: TODAY });
  const before = process.memoryUsage().arrayBuffers;
  const huge = '{"city":"' + 'x'.repeat(50 << 20) + '"}';
  for (let i = 0; i < 5; i++) assert.equal(JSON.parse(calc.evaluateText(huge)).error.code, 'too_large');
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 64 << 20, `array buffers grew by ${grown} bytes`);
  // Just over the limit in multi-byte characters is refused too; just under is evaluated.
  assert.equal(JSON.parse(calc.evaluateText('"' + '威'.repeat(90000) + '"')).error.code, 'too_large');
  assert.notEqual(JSON.parse(calc.evaluateText('"' + '威'.repeat(80000) + '"')).error?.code, 'too_large');
  assert.equal(calc.catalog('x'.repeat(10 << 20)).ok, false);
  assert.equal(calc.evaluate(good).ok, true);
});

test('after an internal error the next call is answered at once, without waiting for the event loop', async () => {
  let first = true;
  const options = {
    get today() {  // a non-string once: the binding throws, as any failure inside the core would
      if (first) { first = false; return {}; }
      return TODAY;
    },
  };
  const calc = await createSkillCalc(options);
  const Instance = WebAssembly.Instance;
  let made = 0;
  WebAssembly.Instance = function (...args) { made++; return new Instance(...args); };
  try {
    assert.equal(calc.evaluate(good).error?.code, 'internal_error');
    assert.equal(made, 1, 'a fresh instance was made synchronously');
    for (let i = 0; i < 1000; i++) assert.equal(calc.evaluate(good).ok, true);
  } finally {
    WebAssembly.Instance = Instance;
  }
});

// evaluateText writes the situation into wasm memory itself (TextEncoder.encodeInto into a view of the core's room
// for it): the view must be asked for again once wasm memory has grown (the old one is detached) and once a failure
// has replaced the instance (the old one belongs to the old memory).
test('a situation is read whole after wasm memory has grown and after the instance was replaced', async () => {
  let fail = false;
  const calc = await createSkillCalc({ get today() { return fail ? {} : TODAY; } });
  const text = JSON.stringify(good);
  const expected = calc.evaluateText(text);
  assert.equal(JSON.parse(expected).ok, true);
  const other = calc.evaluateText(JSON.stringify({ ...good, city: 'yantai' }));
  assert.notEqual(other, expected);

  const before = calc.memoryBytes();
  const job = calc.sheet(new Uint8Array(48 << 20).fill(0x41), { name: 'big.csv' });  // its input grows wasm memory
  job.close();
  assert.ok(calc.memoryBytes() > before, 'wasm memory grew');
  assert.equal(calc.evaluateText(text), expected);

  fail = true;
  assert.equal(JSON.parse(calc.evaluateText(text)).error.code, 'internal_error');
  fail = false;
  assert.equal(calc.evaluateText(text), expected);
  assert.equal(calc.evaluateText(JSON.stringify({ ...good, city: 'yantai' })), other);
  // A longer text after a shorter one, and '' (read as no situation at all), through the same room.
  assert.equal(JSON.parse(calc.evaluateText('')).ok, false);
  assert.equal(calc.evaluateText(` ${text}   `), expected);
});
