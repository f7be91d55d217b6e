// Native CLI and WebAssembly give the same answers, byte for byte: full and compact results.
//   node --test tests/wasm/
// Needs the native CLI (env SKILLCALC_CLI, default build/skillcalc) and dist/ from wasm/build.sh
// (env SKILLCALC_DIST to use another folder). Build native first, then wasm, so both embed the same rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allCases } from './cases.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = process.env.SKILLCALC_CLI || path.join(ROOT, 'build/skillcalc');
const DIST = process.env.SKILLCALC_DIST || path.join(ROOT, 'dist');
const TODAY = '2026-01-15';


// The CLI's stdout minus its one trailing newline, as bytes.
function native(args, input) {
  const p = spawnSync(CLI, ['--today', TODAY, ...args], { input, maxBuffer: 64 << 20 });
  if (p.error) throw p.error;
  const out = p.stdout;
  assert.equal(out[out.length - 1], 0x0a, `CLI output does not end in a newline (exit ${p.status}): ${p.stderr}`);
  return out.subarray(0, out.length - 1);
}

assert.ok(fs.existsSync(CLI), `native CLI not found at ${CLI} (set SKILLCALC_CLI or build it)`);
assert.ok(fs.existsSync(path.join(DIST, 'skillcalc.mjs')), `${DIST}/skillcalc.mjs not found: run wasm/build.sh`);
const { createSkillCalc } = await import(pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href);
const calc = await createSkillCalc({ today: TODAY });

test('rules version is the same in both builds', () => {
  const v = calc.version();
  assert.equal(v.ok, true);
  const doc = JSON.parse(native(['documents'], '').toString('utf8'));
  assert.equal(v.rules_version, doc.rules_version, 'native and wasm embed different rules: rebuild native, then wasm');
});

test('every case gives byte-identical JSON natively and in wasm', async (t) => {
  const cases = allCases();
  assert.ok(cases.length > 0, 'no cases found');
  for (const c of cases) {
    await t.test(c.name, () => {
      const input = JSON.stringify(c.situation);
      const want = native(['eval', '-'], input);
      const got = Buffer.from(calc.evaluateText(input), 'utf8');
      if (!got.equals(want)) assert.equal(got.toString('utf8'), want.toString('utf8'));
    });
  }
});

test('every case gives byte-identical compact JSON natively and in wasm', async (t) => {
  const cases = allCases();
  for (const c of cases) {
    await t.test(c.name, () => {
      const input = JSON.stringify(c.situation);
      const want = native(['eval', '--compact', '-'], input);
      const got = Buffer.from(calc.evaluateText(input, { compact: true }), 'utf8');
      if (!got.equals(want)) assert.equal(got.toString('utf8'), want.toString('utf8'));
    });
  }
});

test('eval --jsonl --compact answers every case as wasm does, line for line', () => {
  const cases = allCases();
  const inputs = cases.map((c) => JSON.stringify(c.situation));
  const lines = native(['eval', '--jsonl', '--compact', '-'], inputs.join('\n') + '\n').toString('utf8').split('\n');
  assert.equal(lines.length, inputs.length);
  inputs.forEach((input, i) => {
    const got = calc.evaluateText(input, { compact: true });
    // eval --jsonl names the line of an error answer; a result is the same text
    const want = lines[i].startsWith('{"ok":false,') ? lines[i].replace(/^\{"ok":false,"line":\d+,/, '{"ok":false,') : lines[i];
    assert.equal(got, want, cases[i].name);
  });
});

// evaluate builds its object from the core's tape (core/json_tape.hpp), not from the text: the object must be the
// text's, value for value and key for key in order, full and compact, over every case.
test('every case gives the same object from evaluate as from JSON.parse of evaluateText, full and compact', async (t) => {
  for (const c of allCases()) {
    await t.test(c.name, () => {
      for (const compact of [false, true]) {
        const text = calc.evaluateText(JSON.stringify(c.situation), { compact });
        const got = calc.evaluate(c.situation, { compact });
        assert.deepEqual(got, JSON.parse(text));
        assert.equal(JSON.stringify(got), text);
      }
    });
  }
});

test('objects from the tape keep strings of every width, a leading U+FEFF, large numbers and copies of fragments', () => {
  const ids = ['\ufeffe1', 'a"b\\c\u0001\n', '技能😀', '\u2028x', ''.padEnd(20, '长')];
  const situation = {
    city: 'jining', as_of: '2026-07-01', applicant: { kind: 'enterprise' },
    events: ids.map((id, k) => ({ id, type: 'order_training', date: `2026-0${k + 1}-01`, hires: 90000, contract_years: 3, key_partnership: true })),
  };
  const text = calc.evaluateText(JSON.stringify(situation));
  const first = calc.evaluate(situation);
  assert.equal(JSON.stringify(first), text);
  assert.ok(first.items.some((it) => it.event_ids.includes('\ufeffe1')));
  assert.ok(first.totals.max_yuan > 2 ** 28, 'a total beyond what one op holds');
  // A fragment (the source of an item) is copied for each result: changing one result leaves the next alone.
  first.items[0].source.quote = 'changed';
  const second = calc.evaluate(situation);
  assert.notEqual(second.items[0].source.quote, 'changed');
  assert.equal(JSON.stringify(second), text);
});

test('evaluate(situation, { compact: true }) gives the compact object; no option gives the full one', () => {
  const situation = {
    city: 'weihai',
    applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ id: 'e1', type: 'skill_level', date: '2025-07-15', level: 'senior_technician', route: 'jinlanling_training' }],
  };
  const compact = calc.evaluate(situation, { compact: true });
  const full = calc.evaluate(situation);
  assert.equal(compact.ok, true);
  assert.deepEqual(compact.totals, full.totals);
  assert.equal(compact.items.length, full.items.length);
  assert.ok(!('explain' in compact.items[0]) && 'explain' in full.items[0]);
  assert.ok(!('notes' in compact) && !('suggestions' in compact));
  assert.deepEqual(compact.documents, full.documents);
  assert.ok(!('quote' in compact.items[0].source) && 'quote' in full.items[0].source);
  assert.deepEqual(compact.items[0].schedule, full.items[0].schedule);
  assert.equal(calc.evaluateText(JSON.stringify(situation), { compact: false }), calc.evaluateText(JSON.stringify(situation)));
  assert.deepEqual(calc.evaluate('{"city": "weihai", ', { compact: true }), calc.evaluate('{"city": "weihai", '));
});

// Faulty texts take the reader's error paths (strict JSON, nesting, each check of a field): native and wasm must
// still agree byte for byte, codes, pointers, byte positions and words included.
test('faulty situations give byte-identical errors natively and in wasm', () => {
  const good = JSON.stringify({ city: 'weihai', as_of: '2025-12-31', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ type: 'competition', date: '2025-07-01', tier: 'national_class1', rank: 2, contest: 'cnc' }] });
  const inputs = [
    '', ' ', '\ufeff\r\n', '[]', 'null', '{"city":"weihai"}x', '{"a":{"b":1,"b":2}}', '\ufeff{}', '{"city":"wei\\u0000hai"}',
    '[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]', good.replace('"rank":2', '"rank":1e400'),
    good.replace('"rank":2', '"rank":"２"'), good.replace('"rank":2', '"rank":2.5'),
    good.replace('"rank":2', '"rank":18446744073709551616'), good.replace('"tier"', '"tier":1,"tier"'),
    good.replace('"date":"2025-07-01"', '"date":"2025-02-30"'), good.replace('"kind":"person"', '"kind":"robot"'),
    good.replace('"city":"weihai"', '"city":"nowhere"'), good.replace('"contest":"cnc"', '"contest":"\\ud800"'),
    good.replace('"employer":"enterprise"', '"employer":{}'), good.replace('"type":"competition"', '"type":7'),
    good + ',', good.replace('}]}', ',"a/b~c":1}]}'),
  ];
  for (let cut = 5; cut < good.length; cut += 23) inputs.push(good.slice(0, cut));
  for (const input of inputs) {
    const want = native(['eval', '-'], input);
    const got = Buffer.from(calc.evaluateText(input), 'utf8');
    if (!got.equals(want)) assert.equal(got.toString('utf8'), want.toString('utf8'), input);
  }
});

test('documents and catalogs agree with the CLI', () => {
  assert.deepEqual(calc.documents(), JSON.parse(native(['documents'], '').toString('utf8')));
  for (const city of ['weihai', 'yantai', 'jining', 'rizhao', 'nowhere']) {
    assert.deepEqual(calc.catalog(city), JSON.parse(native(['catalog', city], '').toString('utf8')), city);
  }
});

test('evaluate() takes an object and returns an object', () => {
  const r = calc.evaluate({
    city: 'weihai',
    applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ id: 'e1', type: 'skill_level', date: '2025-07-15', level: 'senior_technician', route: 'jinlanling_training' }],
  });
  assert.equal(typeof r, 'object');
  assert.equal(r.ok, true);
  assert.equal(r.as_of, TODAY);
  assert.ok(Array.isArray(r.items));
});

test('malformed situations give ok:false with error.path', () => {
  const broken = calc.evaluate('{"city": "weihai", ');
  assert.equal(broken.ok, false);
  assert.equal(typeof broken.error.path, 'string');
  assert.equal(typeof broken.error.code, 'string');
  const badDate = calc.evaluate({
    city: 'jining',
    applicant: { kind: 'person' },
    events: [{ id: 'e1', type: 'title', date: '2025/06/01', title: 'national_technical_expert' }],
  });
  assert.equal(badDate.ok, false);
  assert.equal(badDate.error.path, '/events/0/date');
  const notJson = calc.evaluateText('\u{1F600} not json');
  assert.equal(JSON.parse(notJson).ok, false);
});

test('catalog: weihai is known, nowhere is not', () => {
  const w = calc.catalog('weihai');
  assert.equal(w.ok, true);
  assert.equal(w.city, 'weihai');
  const n = calc.catalog('nowhere');
  assert.equal(n.ok, false);
  assert.equal(typeof n.error.code, 'string');
});

test('today defaults to the local date', async () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  const local = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
  const free = await createSkillCalc();
  const r = free.evaluate({ city: 'weihai', applicant: { kind: 'person', employer: 'enterprise' }, events: [] });
  assert.equal(r.ok, true, JSON.stringify(r.error));
  assert.equal(r.as_of, local);
});
