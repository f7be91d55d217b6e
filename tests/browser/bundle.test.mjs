// web/bundle.mjs, which puts the page's modules into one app.js: a bundle runs each module once, in import order,
// with renamed imports; a form of import or export it does not read, or a cycle, is refused with the file and line
// and nothing is written; the page's own modules bundle into a file that parses as a module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './helpers.mjs';

const BUNDLER = path.join(ROOT, 'web/bundle.mjs');

function folder(files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-bundle-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

function bundle(dir, entry) {
  return spawnSync(process.execPath, [BUNDLER, dir, entry], { encoding: 'utf8' });
}

test('a bundle runs each module once, after what it imports, with imports renamed as written', async () => {
  const dir = folder({
    'a.js': "import { twice, NAME as label } from './b.js';\nimport {\n  next,\n} from './c.js';\n" +
            'globalThis.bundleResult = [twice(2), label, next()];\n',
    'b.js': "import { next } from './c.js';\n\nexport function twice(x) { return 2 * x; }\nexport const NAME = `b${next()}`;\n",
    'c.js': 'let n = 0;\nexport function next() { n += 1; return n; }\n',
  });
  try {
    const r = bundle(dir, 'a.js');
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), ['c.js', 'b.js', 'a.js']);
    fs.copyFileSync(path.join(dir, 'a.js'), path.join(dir, 'a.mjs'));
    await import(pathToFileURL(path.join(dir, 'a.mjs')).href);
    // c.js ran once: b's NAME took 1 from its counter, a's call took 2.
    assert.deepEqual(globalThis.bundleResult, [4, 'b1', 2]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('forms the bundler does not read, and cycles, are refused with file and line; nothing is written', () => {
  const cases = [
    [{ 'a.js': "import { x } from './b.js';\nx();\n", 'b.js': 'export function x() {}\nexport let y = 1;\n' }, /b\.js:2:.*export let y/],
    [{ 'a.js': "import x from './b.js';\nx();\n", 'b.js': 'export default 1;\n' }, /a\.js:1:.*import x from/],
    [{ 'a.js': "import { x } from './b.js';\nx();\n", 'b.js': 'function x() {}\nexport { x };\n' }, /b\.js:2:.*export \{ x \}/],
    [{ 'a.js': "import { x } from './b.js';\nexport function y() {}\n", 'b.js': "import { y } from './a.js';\nexport function x() {}\n" }, /cycle a\.js -> b\.js -> a\.js/],
    [{ 'a.js': "import { x } from './missing.js';\n" }, /missing\.js/],
  ];
  for (const [files, message] of cases) {
    const dir = folder(files);
    try {
      const r = bundle(dir, 'a.js');
      assert.equal(r.status, 1, `${JSON.stringify(files)} was bundled`);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /打包失败|bundle:/);
      assert.equal(fs.readFileSync(path.join(dir, 'a.js'), 'utf8'), files['a.js'], 'the entry is left as it was');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
});

test("the page's modules bundle into one module that parses, every module of web/ but the workers' taken in", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-bundle-'));
  try {
    const modules = fs.readdirSync(path.join(ROOT, 'web')).filter((f) => f.endsWith('.js'));
    for (const f of modules) fs.copyFileSync(path.join(ROOT, 'web', f), path.join(dir, f));
    const r = bundle(dir, 'app.js');
    assert.equal(r.status, 0, r.stderr);
    const taken = r.stdout.trim().split('\n').sort();
    assert.deepEqual(taken, modules.filter((f) => f !== 'sw.js' && f !== 'sheet-worker.js').sort());
    fs.copyFileSync(path.join(dir, 'app.js'), path.join(dir, 'app.mjs'));
    const check = spawnSync(process.execPath, ['--check', path.join(dir, 'app.mjs')], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
