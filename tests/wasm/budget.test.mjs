// calc.budget: city-wide pools settled in JS as `skillcalc budget` settles them (DESIGN §4), byte for byte, with
// no claim lost: an entry that is not a claim is an error by its number, a line too large is in the errors by line.
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
assert.ok(fs.existsSync(CLI), `native CLI not found at ${CLI} (set SKILLCALC_CLI or build it)`);
assert.ok(fs.existsSync(path.join(DIST, 'skillcalc.mjs')), `${DIST}/skillcalc.mjs not found: run wasm/build.sh`);
const { createSkillCalc } = await import(pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href);
const calc = await createSkillCalc({ today: TODAY });

function native(jsonl) {
  const p = spawnSync(CLI, ['--quiet', '--today', TODAY, 'budget', '-'], { input: jsonl, maxBuffer: 64 << 20 });
  if (p.error) throw p.error;
  return p.stdout.toString('utf8').replace(/\n$/, '');
}

// 威海 8.: an enterprise's own evaluation, 1000 yuan a new 技师, 2000 a new 高级技师, 500 a new 高级工; all enterprises'
// awards of a year at most 4,000,000, shared pro rata above it (README "All claims of a year", worked example).
const selfEvaluated = (id, level, count) => ({
  id,
  situation: { city: 'weihai', applicant: { kind: 'enterprise' },
    events: [{ id: 'e1', type: 'skill_level', date: '2025-07-01', level, route: 'enterprise_self_evaluation', count }] },
});
const OVER = [selfEvaluated('甲', 'technician', 2000), selfEvaluated('乙', 'senior_technician', 1000),
  selfEvaluated('丙', 'senior_worker', 1)];

test('three enterprises over the 4,000,000 are paid pro rata, by hand: 1,999,750 / 1,999,750 / 500', () => {
  const r = calc.budget(OVER);
  assert.equal(r.ok, true);
  const pool = r.pools.find((p) => p.pool_id === 'WH25-08-self-eval-budget');
  assert.equal(pool.claimed_yuan, 4000500);
  assert.equal(pool.allocated_yuan, 4000000);
  assert.equal(pool.paid_in_full, false);
  // 2,000,000 × 4,000,000 / 4,000,500 = 1,999,750.03…; 500 × 8000/8001 = 499.94 and the one yuan left over.
  assert.deepEqual(Object.fromEntries(pool.applicants.map((a) => [a.applicant, a.allocated_yuan])),
    { 甲: 1999750, 乙: 1999750, 丙: 500 });
  assert.equal(r.summary.complete, true);
});

test('budgetText gives the CLI bytes, for a list and for JSONL text with a blank line and CRLF', () => {
  const jsonl = OVER.map((c) => JSON.stringify(c)).join('\n') + '\n';
  assert.equal(calc.budgetText(OVER), native(jsonl));
  const crlf = OVER.map((c) => JSON.stringify(c)).join('\r\n\r\n') + '\r\n';
  assert.equal(calc.budgetText(crlf), native(crlf));
  assert.equal(calc.budgetText(crlf), calc.budgetText(OVER));
});

test('no entry is lost: a bad one is an error by its number, an empty one too, and the settlement is incomplete', () => {
  const list = [OVER[0], '{"id": "坏", "situation": ', '', OVER[1]];
  const r = calc.budget(list);
  assert.equal(r.ok, true);
  assert.equal(r.summary.claims, 4);
  assert.equal(r.summary.complete, false);
  assert.deepEqual(r.errors.map((e) => e.input).sort(), [2, 3]);
  // The same entries written one a line are the CLI's input: the same bytes (the empty line is then no claim).
  assert.equal(calc.budgetText([OVER[0], '{"id": "坏", "situation": ', OVER[1]]),
    native([OVER[0], '{"id": "坏", "situation": ', OVER[1]].map((c) => (typeof c === 'string' ? c : JSON.stringify(c))).join('\n')));
});

test('a claim written over several lines is one claim; text over several lines that is not JSON is one refused claim', () => {
  const pretty = JSON.stringify(OVER[0], null, 2);
  assert.equal(calc.budgetText([pretty, OVER[1], OVER[2]]), calc.budgetText(OVER));
  const r = calc.budget([OVER[0], '{"id":\n"x",\n', OVER[1]]);
  assert.equal(r.summary.claims, 3);
  assert.deepEqual(r.errors.map((e) => e.input), [2]);
});

test('a claim too large to read is in the errors by its line, as the CLI has it, never dropped in silence', () => {
  const big = JSON.stringify({ id: 'b'.repeat(300000), situation: OVER[2].situation });
  const r = calc.budget([OVER[0], big, OVER[1]]);
  assert.equal(r.summary.complete, false);
  assert.equal(r.summary.rows_left_out, 1);
  assert.deepEqual(r.errors.map((e) => [e.line, e.error.code]), [[2, 'row_left_out']]);
  const jsonl = [JSON.stringify(OVER[0]), big, JSON.stringify(OVER[1])].join('\n') + '\n';
  assert.equal(calc.budgetText(jsonl), native(jsonl));
});

test('what is not a list or text is an error object, never a throw; nothing is an empty settlement', () => {
  for (const x of [undefined, null, 42, { claims: [] }]) assert.equal(calc.budget(x).error.code, 'invalid_input');
  const r = calc.budget([]);
  assert.equal(r.ok, true);
  assert.equal(r.summary.claims, 0);
  assert.equal(calc.budgetText([]), native(''));
  assert.equal(calc.budget([{ toJSON() { throw new Error('no'); } }]).errors.length, 1);
  assert.equal(calc.evaluate(OVER[0].situation).ok, true);  // the calculator goes on
});
