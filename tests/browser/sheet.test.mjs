// 表格批量 / Spreadsheet mode (?mode=sheet): a claims CSV chosen on the page is computed in the browser (a worker
// running the command line's job) and the downloads are byte for byte what the command line writes: the items CSV
// (`eval --csv`), the budget settlement (`budget --format csv`) and the errors (its stderr). Bad rows are listed
// with their line numbers; a GBK file is refused; nothing leaves the page; not offered on a kiosk.
//   node --test --test-concurrency=1 tests/browser/sheet.test.mjs   (after wasm/build.sh and web/assemble.sh)
// Needs the native CLI (env SKILLCALC_CLI, default build/skillcalc).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useSite, waitReady, ROOT } from './helpers.mjs';

const CLI = process.env.SKILLCALC_CLI || path.join(ROOT, 'build/skillcalc');
const BUREAU = path.join(ROOT, 'tests/bureau');
const TODAY = '2026-01-15';

const site = useSite();

function native(name, args) {
  const p = spawnSync(CLI, ['--quiet', '--today', TODAY, ...args, name], { cwd: BUREAU, maxBuffer: 64 << 20 });
  if (p.error) throw p.error;
  return { out: p.stdout, err: p.stderr.toString('utf8'), code: p.status };
}

async function openSheet(query = '') {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}?mode=sheet${query}`);
  await waitReady(page);
  await page.fill('#sheet-today', TODAY);
  return page;
}

async function choose(page, name) {
  await page.setInputFiles('#sheet-file', path.join(BUREAU, name));
  await page.waitForSelector('#sheet:not([data-state="running"])', { timeout: 60_000 });
}

async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return fs.readFileSync(await d.path());
}

test('sheet: the items CSV and the budget CSV downloaded are the command line\'s bytes', async () => {
  assert.ok(fs.existsSync(CLI), `native CLI not found at ${CLI}`);
  const page = await openSheet();
  assert.match(await page.textContent('#sheet-private'), /不会上传/);
  assert.doesNotMatch(await page.textContent('#privacy'), /保存在本机/);  // no such button in this mode
  for (const name of ['claims-sample.csv', 'claims-weihai-over.csv']) {
    await choose(page, name);
    assert.equal(await page.getAttribute('#sheet', 'data-state'), 'done');
    const items = await download(page, '#sheet-dl-items');
    const want = native(name, ['eval', '--csv']);
    assert.equal(want.code, 0);
    if (!items.equals(want.out)) assert.equal(items.toString('utf8'), want.out.toString('utf8'));
    assert.match(await page.textContent('#sheet-summary-items'), /个申请人/);

    await page.click('#sheet-run-budget');
    await page.waitForSelector('#sheet[data-mode="budget"]:not([data-state="running"])', { timeout: 60_000 });
    const budget = await download(page, '#sheet-dl-budget');
    const wantBudget = native(name, ['budget', '--format', 'csv']);
    if (!budget.equals(wantBudget.out)) assert.equal(budget.toString('utf8'), wantBudget.out.toString('utf8'));
  }
  // 威海 8.: 4,000,500 claimed against the 4,000,000 budget (README's worked example): 甲 gets 1,999,750.
  assert.match(await page.textContent('.sheet-pool'), /1,999,750/);
  // The pool is named as a worker names a clause: 威政办发〔2025〕3号第8条, not a bare "8".
  assert.match(await page.textContent('#sheet-pool'), /威政办发〔2025〕3号第8条/);
  assert.deepEqual(site.outside, []);
  assert.ok(!site.server.served.some((p) => /\.csv$/.test(p)), 'no CSV went to the server');
  await page.close();
});

test('sheet: bad rows are listed with their line numbers, and the error list downloaded is the CLI\'s stderr', async () => {
  const page = await openSheet();
  await choose(page, 'claims-errors.csv');
  const want = native('claims-errors.csv', ['eval', '--csv']);
  assert.equal(want.code, 2);
  const items = await download(page, '#sheet-dl-items');
  assert.ok(items.equals(want.out), 'items CSV with the error rows, as the CLI writes it');
  const errors = await download(page, '#sheet-dl-errors');
  assert.equal(errors.toString('utf8'), want.err);
  // Every message line of the CLI ("claims-errors.csv:LINE[:COL …]: …") is one item of the list, in line order.
  const cliLines = want.err.trim().split('\n').slice(0, -1).map((l) => Number(l.split(':')[1]));
  const listed = await page.$$eval('#sheet-errors > li', (lis) => lis.map((li) => Number(li.dataset.line)));
  assert.deepEqual(listed, [...cliLines].sort((a, b) => a - b));
  const first = await page.textContent('#sheet-errors > li');
  assert.match(first, new RegExp(`第 ${listed[0]} 行`));
  await page.click('#lang-switch');
  assert.equal(await page.textContent('#sheet-h'), 'Claims spreadsheet');
  assert.ok(await page.isHidden('#form'), 'the one-person form stays away in spreadsheet mode');
  assert.match(await page.textContent('#sheet-errors > li'), new RegExp(`Line ${listed[0]}`));
  // The settlement counts every applicant given, those whose every row was refused too (6), not its claims (2).
  const wantBudget = JSON.parse(native('claims-errors.csv', ['budget']).out.toString('utf8'));
  assert.equal(wantBudget.summary.applicants, 6);
  await page.click('#sheet-run-budget');
  await page.waitForSelector('#sheet[data-mode="budget"]:not([data-state="running"])', { timeout: 60_000 });
  assert.match(await page.textContent('#sheet-summary-budget'), /\b6 applicants read/);
  await page.close();
});

test('sheet: a row entered twice is shown with its line, and a settlement with rows left out says it cannot be paid', async () => {
  const page = await openSheet('&large=1');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-sheet-'));
  const file = path.join(dir, 'twice.csv');
  const over = fs.readFileSync(path.join(BUREAU, 'claims-weihai-over.csv'), 'utf8').trimEnd().split('\n');
  // line 5 repeats line 4 (丙 entered twice); line 6 is a bad row of the same pool (a negative count)
  fs.writeFileSync(file, [...over, over[3], '丁公司,威海,企业,skill_level,2025/6/1,technician,enterprise_self_evaluation,-3'].join('\n') + '\n');
  try {
    await page.setInputFiles('#sheet-file', file);
    await page.waitForSelector('#sheet:not([data-state="running"])', { timeout: 60_000 });
    assert.match(await page.textContent('#sheet-repeats'), /第 5 行与第 4 行完全相同/);
    await page.click('#sheet-run-budget');
    await page.waitForSelector('#sheet[data-mode="budget"]:not([data-state="running"])', { timeout: 60_000 });
    assert.match(await page.textContent('#sheet-incomplete'), /结算不完整：有 1 处输入有误未计入.*不能用于发放/);
    assert.match(await page.textContent('#sheet-repeats'), /第 5 行与第 4 行完全相同/);
    // Large type: the settlement's table is at the page's base size, not smaller.
    const sizes = await page.$$eval('.sheet table, #sheet-errors', (els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
    const base = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    assert.ok(sizes.every((x) => x >= base), `sizes ${sizes} under the base ${base}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  }
});

// 张三 and 张　三 (an ideographic space) are one applicant under one cap, as the command line warns on stderr: the
// page lists it too, and offers the warnings to download though nothing was left out.
test('sheet: names taken as one applicant are listed with their line, and the warnings can be downloaded', async () => {
  const page = await openSheet();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-sheet-'));
  const file = path.join(dir, 'joined.csv');
  fs.writeFileSync(file, ['applicant,city,applicant_kind,type,date,tier,rank,contest',
    '张三,weihai,person,competition,2025-07-01,provincial_class1,1,数控铣',
    '张\u3000三,weihai,person,competition,2025-08-01,provincial_class1,2,焊接',
    // a name with quotes in it, as a school's name has them; the file's last line ends with no line break
    'ABC“金蓝领”学校,weihai,person,competition,2025-07-01,provincial_class1,3,车工',
    'ＡＢＣ“金蓝领”学校,weihai,person,competition,2025-08-01,provincial_class1,3,钳工'].join('\r\n'));
  try {
    await page.setInputFiles('#sheet-file', file);
    await page.waitForSelector('#sheet:not([data-state="running"])', { timeout: 60_000 });
    assert.match(await page.textContent('#sheet-joined'), /第 3 行的申请人“张\u3000三”与“张三”只差空格/);
    assert.equal(await page.locator('#sheet-joined li').count(), 2, 'the pair with quotes in their names is listed too');
    assert.match(await page.textContent('#sheet-unended'), /第 5 行是文件的最后一行，没有换行结束.*“钳工”/);
    const notes = (await download(page, '#sheet-dl-errors')).toString('utf8');
    assert.match(notes, /:3: 警告：申请人/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  }
});

test('sheet: a GBK file is refused with the reason, and nothing to download', async () => {
  const page = await openSheet();
  await choose(page, 'claims-gbk.csv');
  assert.equal(await page.getAttribute('#sheet', 'data-state'), 'refused');
  assert.match(await page.textContent('.sheet-refused'), /GBK\/GB18030/);
  assert.equal(await page.locator('#sheet-dl-items').count(), 0);
  await page.close();
});

test('sheet: large type at 360 px has no horizontal scroll; a kiosk has no spreadsheet mode', async () => {
  const page = await openSheet('&large=1');
  await page.setViewportSize({ width: 360, height: 740 });
  await choose(page, 'claims-errors.csv');
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `the page scrolls sideways by ${wide}px`);
  const target = await page.evaluate(() => document.querySelector('#sheet-dl-items').getBoundingClientRect().height);
  assert.ok(target >= 56, `download targets are large (${target}px)`);
  await page.goto(`${site.server.url}?mode=sheet&kiosk=1`);
  await waitReady(page);
  assert.equal(await page.locator('#sheet-switch').count(), 0);
  assert.ok(await page.isHidden('#sheet'));
  await page.close();
});

test('sheet: progress is shown while it runs, Cancel stops it, and the next file runs', async () => {
  const page = await openSheet();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-sheet-'));
  const big = path.join(dir, 'big.csv');
  let csv = 'applicant,city,applicant_kind,type,date,level,route\n';
  for (let k = 0; k < 40_000; k++) csv += `申请人${k},weihai,person,skill_level,2025-06-10,technician,social_evaluation\n`;
  fs.writeFileSync(big, csv);
  try {
    await page.setInputFiles('#sheet-file', big);
    await page.waitForSelector('#sheet[data-done]', { timeout: 60_000 });
    assert.match(await page.textContent('#sheet-status'), /已计算 [\d,]+ \/ 40,000 个申请人/);
    assert.ok(await page.isVisible('#sheet-progress'));
    await page.click('#sheet-cancel');
    assert.equal(await page.getAttribute('#sheet', 'data-state'), 'cancelled');
    assert.equal(await page.locator('#sheet-dl-items').count(), 0);
    await choose(page, 'claims-sample.csv');
    assert.equal(await page.getAttribute('#sheet', 'data-state'), 'done');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    await page.close();
  }
});

test('sheet: with the server stopped and the network off, a file is still computed (worker and core cached)', async () => {
  const page = await openSheet();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  await site.server.close();
  await site.browser.context.setOffline(true);
  const before = site.server.served.length;
  const offline = await site.browser.context.newPage();
  await offline.goto(`${site.server.url}?mode=sheet`);
  await waitReady(offline);
  await offline.fill('#sheet-today', TODAY);
  await choose(offline, 'claims-sample.csv');
  assert.equal(await offline.getAttribute('#sheet', 'data-state'), 'done');
  const items = await download(offline, '#sheet-dl-items');
  assert.ok(items.equals(native('claims-sample.csv', ['eval', '--csv']).out));
  assert.equal(site.server.served.length, before, 'nothing reached the (stopped) server');
  await site.browser.context.setOffline(false);
  await offline.close();
  await page.close();
});

test('sheet: a new day clears the items and settlement of the day before; the next run is the new day\'s', async () => {
  const page = await openSheet();
  await choose(page, 'claims-weihai-over.csv');
  await page.click('#sheet-run-budget');
  await page.waitForSelector('#sheet[data-mode="budget"]:not([data-state="running"])', { timeout: 60_000 });
  assert.equal(await page.locator('#sheet-dl-budget').count(), 1);
  await page.fill('#sheet-today', '2026-06-30');
  assert.equal(await page.locator('#sheet-dl-budget').count(), 0);
  assert.equal(await page.locator('#sheet-dl-items').count(), 0);
  assert.match(await page.textContent('#sheet-status'), /计算日期已更改/);
  await page.click('#sheet-run-items');
  await page.waitForSelector('#sheet[data-state="done"]', { timeout: 60_000 });
  const items = await download(page, '#sheet-dl-items');
  const p = spawnSync(CLI, ['--quiet', '--today', '2026-06-30', 'eval', '--csv', 'claims-weihai-over.csv'], { cwd: BUREAU });
  assert.equal(items.toString('utf8'), p.stdout.toString('utf8'));
  await page.close();
});

test('sheet: a day that is no real day is refused at its field, nothing is computed', async () => {
  const page = await openSheet();
  await page.fill('#sheet-today', '2026-02-30');
  await page.setInputFiles('#sheet-file', path.join(BUREAU, 'claims-sample.csv'));
  await page.waitForFunction(() => document.getElementById('sheet-status').textContent.includes('不是有效的日期'));
  assert.equal(await page.getAttribute('#sheet-today', 'aria-invalid'), 'true');
  assert.equal(await page.locator('#sheet-dl-items').count(), 0);
  // 2026/1/15 is the same day as 2026-01-15: the same file as the command line's.
  await page.fill('#sheet-today', '2026/1/15');
  await page.click('#sheet-run-items');
  await page.waitForSelector('#sheet[data-state="done"]', { timeout: 60_000 });
  const items = await download(page, '#sheet-dl-items');
  assert.equal(items.toString('utf8'), native('claims-sample.csv', ['eval', '--csv']).out.toString('utf8'));
  await page.close();
});
