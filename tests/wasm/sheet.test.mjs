// The claims spreadsheet in WebAssembly (calc.sheet) and the native CLI give the same bytes: the items CSV of
// `eval --csv`, the settlement of `budget --format csv` and `budget`, and the messages on stderr, over every CSV of
// tests/bureau/ (bad rows, a GBK file that is refused) and a generated file of a few thousand scattered rows.
//   node --test tests/wasm/sheet.test.mjs
// Needs the native CLI (env SKILLCALC_CLI, default build/skillcalc) and dist/ from wasm/build.sh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = process.env.SKILLCALC_CLI || path.join(ROOT, 'build/skillcalc');
const DIST = process.env.SKILLCALC_DIST || path.join(ROOT, 'dist');
const BUREAU = path.join(ROOT, 'tests/bureau');
const TODAY = '2026-01-15';

assert.ok(fs.existsSync(CLI), `native CLI not found at ${CLI} (set SKILLCALC_CLI or build it)`);
const { createSkillCalc } = await import(pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href);
const calc = await createSkillCalc({ today: TODAY });

const CLI_ARGS = { items: ['eval', '--csv'], budget: ['budget', '--format', 'csv'], budget_json: ['budget'] };

// The CLI run in the file's folder on its bare name, so that its messages name the file as the page does.
function native(dir, name, mode) {
  const p = spawnSync(CLI, ['--quiet', '--today', TODAY, ...CLI_ARGS[mode], name], { cwd: dir, maxBuffer: 256 << 20 });
  if (p.error) throw p.error;
  let err = p.stderr.toString('utf8');
  // A budget's last line names its time: the page gives its own summary instead.
  if (mode !== 'items' && p.status !== 1) err = err.replace(/budget: \d+ claims, \d+ settled, \d+ left out, in [\d.]+ s; \d+ errors[^\n]*\n$/, '');
  return { out: p.stdout, err, code: p.status };
}

// The same file through calc.sheet, `n` applicants a step, the output taken after every step.
function wasm(bytes, name, mode, n = 1000) {
  const job = calc.sheet(bytes, { name, mode });
  const parts = [];
  let notes = '';
  const errors = [];
  const take = () => {
    const t = job.take();
    parts.push(Buffer.from(t.out));
    notes += t.notes;
    errors.push(...t.errors);
  };
  let s = job.status;
  take();
  let steps = 0;
  while (s.more) {
    s = job.step(n);
    take();
    assert.ok(++steps <= s.total + 1, 'the steps do not end');
  }
  if (s.opened) s = job.finish();
  take();
  job.close();
  return { out: Buffer.concat(parts), err: notes, code: s.code, status: s, errors };
}

function same(dir, name, mode, n) {
  const want = native(dir, name, mode);
  const got = wasm(fs.readFileSync(path.join(dir, name)), name, mode, n);
  if (!got.out.equals(want.out)) assert.equal(got.out.toString('utf8'), want.out.toString('utf8'));
  assert.equal(got.err, want.err);
  assert.equal(got.code, want.code);
  return got;
}

const files = fs.readdirSync(BUREAU).filter((f) => f.endsWith('.csv')).sort();

test('every bureau CSV: items, budget CSV and budget JSON byte for byte as the CLI', async (t) => {
  assert.ok(files.length >= 4);
  for (const f of files)
    for (const mode of Object.keys(CLI_ARGS)) await t.test(`${f} ${mode}`, () => same(BUREAU, f, mode));
});

test('bad rows: listed with their lines and columns as the messages give them', () => {
  const got = same(BUREAU, 'claims-errors.csv', 'items');
  assert.equal(got.code, 2);
  const lines = got.err.trim().split('\n');
  const summary = lines.pop();
  assert.match(summary, /^eval --csv: \d+ rows .* (\d+) errors, \d+ rows left out$/);
  assert.equal(got.errors.length, lines.length, 'one listed error per message line');
  got.errors.forEach((e, i) => {
    assert.ok(e.line > 0);
    const where = `claims-errors.csv:${e.line}${e.column ? `:${e.column}` : ''}`;
    assert.ok(lines[i].startsWith(where), `${lines[i]} does not start with ${where}`);
    assert.ok(lines[i].endsWith(`${e.zh} / ${e.en}`));
  });
  assert.equal(Number(summary.match(/(\d+) errors/)[1]), got.errors.length);
});

test('two applicants whose names shared a 32-bit hash are two, in the order of their first rows', () => {
  const got = same(BUREAU, 'claims-hash-collision.csv', 'items');
  assert.match(got.err, /3 applicants/);
  const names = got.out.toString('utf8').split('\n').slice(1).map((l) => l.split(',')[0]).filter(Boolean);
  assert.deepEqual([...new Set(names)], ['威海测试企业57762有限公司', '乙公司', '测试人员32581']);
});

test('a GBK file is refused as the CLI refuses it, with nothing written', () => {
  const got = same(BUREAU, 'claims-gbk.csv', 'items');
  assert.equal(got.status.opened, false);
  assert.equal(got.out.length, 0);
  assert.match(got.err, /GBK\/GB18030/);
  assert.match(got.err, /^skillcalc: claims-gbk\.csv: /);
});

// A few thousand rows, each applicant's rows far apart, with bad rows of every kind sprinkled in.
function generated() {
  const head = 'applicant,city,applicant_kind,applicant.employer,type,date,level,route,count,tier,rank,contest,title,claimed.WH25-08-self-eval-reward\n';
  const kinds = [
    'person,enterprise,skill_level,2025-06-10,technician,social_evaluation,,,,,,',
    'person,enterprise,competition,2025-07-01,,,,provincial_class1,2,cnc-2025,,',
    'person,enterprise,title,2025-08-01,,,,,,,weihai_craftsman,',
    'person,enterprise,skill_level,2025/6/1,技师,social_evaluation,,,,,,',
    'person,enterprise,skill_level,2025-13-01,technician,social_evaluation,,,,,,',
    'person,enterprise,bogus_type,2025-06-01,,,,,,,,',
    'martian,enterprise,skill_level,2025-06-01,technician,social_evaluation,,,,,,',
  ];
  const cities = ['weihai', 'yantai', 'jining', 'rizhao', '威海'];
  let s = head;
  for (let k = 0; k < 4000; k++) {
    const a = (k * 7919) % 1500;
    if (a % 9 === 4) s += `企业${a},weihai,enterprise,,skill_level,2025-06-10,technician,enterprise_self_evaluation,${1 + (k % 40)},,,,,${1000 * (1 + (k % 300))}\n`;
    else s += `申请人${a},${cities[a % 5]},${kinds[k % 97 === 5 ? 4 + (k % 3) : k % 4]}\n`;
    if (k % 700 === 17) s += 'bad"quote,weihai,person\n';
    if (k % 900 === 3) s += ',weihai,person,,skill_level,2025-06-01,technician\n\n';
  }
  s += '"unclosed,weihai,person\nx,y\n';
  return s;
}

test('a generated file of 4,000 scattered rows, in small steps, byte for byte as the CLI', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-sheet-'));
  try {
    fs.writeFileSync(path.join(dir, 'many.csv'), generated());
    await t.test('items, 7 applicants a step', () => {
      const got = same(dir, 'many.csv', 'items', 7);
      assert.ok(got.status.applicants > 1000 && got.errors.length > 10, JSON.stringify(got.status));
    });
    await t.test('budget CSV', () => {
      const got = same(dir, 'many.csv', 'budget', 50);
      assert.match(got.out.toString('utf8'), /WH25-08-self-eval-budget/);
    });
    await t.test('budget JSON', () => same(dir, 'many.csv', 'budget_json'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('bytes that are not a Uint8Array are refused; a second job replaces the first', () => {
  const bad = calc.sheet('applicant,city\n', { mode: 'items' });
  assert.equal(bad.status.ok, false);
  assert.equal(bad.status.error.code, 'invalid_input');
  const csv = fs.readFileSync(path.join(BUREAU, 'claims-sample.csv'));
  const first = calc.sheet(csv, { name: 'a.csv' });
  const second = calc.sheetRun(csv, { name: 'b.csv' });
  assert.equal(second.status.code, 0);
  assert.ok(second.out.length > 100);
  // The first job was replaced: its calls are refused rather than run on another job's bytes.
  assert.equal(first.take().out.length, 0);
  assert.equal(first.step(1).ok, false);
  assert.equal(first.finish().error.code, 'internal_error');
});
