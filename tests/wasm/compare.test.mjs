// compare in the page's core: the same bytes as `skillcalc compare`, each city's result the same as evaluate's.
//   node --test tests/wasm/
// Needs the native CLI (env SKILLCALC_CLI, default build/skillcalc) and dist/ from wasm/build.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = process.env.SKILLCALC_CLI || path.join(ROOT, 'build/skillcalc');
const DIST = process.env.SKILLCALC_DIST || path.join(ROOT, 'dist');
const TODAY = '2026-01-15';

function native(args, input) {
  const p = spawnSync(CLI, ['--today', TODAY, ...args], { input, maxBuffer: 64 << 20 });
  if (p.error) throw p.error;
  return p.stdout.toString('utf8').replace(/\n$/, '');
}

assert.ok(fs.existsSync(CLI), `native CLI not found at ${CLI} (set SKILLCALC_CLI or build it)`);
assert.ok(fs.existsSync(path.join(DIST, 'skillcalc.mjs')), `${DIST}/skillcalc.mjs not found: run wasm/build.sh`);
const { createSkillCalc } = await import(pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href);
const calc = await createSkillCalc({ today: TODAY });

const situation = {
  city: 'weihai',
  as_of: '2025-12-01',
  applicant: { kind: 'person', age: 30, employer: 'enterprise' },
  events: [
    { id: 'c', type: 'competition', date: '2025-09-10', tier: 'national_class1', rank: 2, contest: 'cnc-2025' },
    { id: 't', type: 'skill_level', date: '2025-10-01', level: 'technician', route: 'jinlanling_training' },
  ],
};

test('compareText gives the CLI bytes, for every city and for a named list', () => {
  const text = JSON.stringify(situation);
  assert.equal(calc.compareText(text), native(['compare', '-'], text));
  assert.equal(calc.compareText(text, ['rizhao', 'yantai']), native(['compare', '--cities', 'rizhao,yantai', '-'], text));
});

test("each city's result equals evaluate() of the situation with that city", () => {
  const r = calc.compare(situation);
  assert.equal(r.ok, true);
  assert.deepEqual(r.cities.map((c) => c.city), ['jining', 'rizhao', 'weihai', 'yantai']);
  for (const { city, result } of r.cities) assert.deepEqual(result, calc.evaluate({ ...situation, city }), city);
  assert.deepEqual(r.only_in, { c: ['weihai', 'yantai'], t: ['jining', 'rizhao', 'weihai'] });
});

test('errors are objects with paths, never thrown', () => {
  const unknown = calc.compare(situation, ['weihai', 'mars']);
  assert.equal(unknown.ok, false);
  assert.equal(unknown.error.path, '/cities/1');
  assert.equal(calc.compare(situation, []).error.path, '/cities');
  assert.equal(calc.compare(situation, '').error.path, '/cities');
  const cyclic = {};
  cyclic.self = cyclic;
  assert.equal(calc.compare(cyclic).ok, false);
  assert.equal(calc.compare(situation, [cyclic]).ok, false);
  assert.equal(calc.compare('{"city":').error.code, 'invalid_json');
  assert.equal(calc.compare({ ...situation, events: [{ id: 'x', type: 'competition', rank: 'two' }] }).ok, false);
});
