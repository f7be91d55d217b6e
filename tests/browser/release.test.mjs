// New releases in the field: the server is switched from release 1 to release 2 (and 3) while browsers hold the
// old one. A page nobody uses shows the new release on the next load; a page in use offers it with a notice; a
// kiosk takes it at its reset or, untouched, at its periodic check; a half-deployed server (new sw.js, old files)
// installs nothing. Every page shown is of one release: its title (from i18n.js) and its build id (index.html) agree,
// and the cache holds that release alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, distReady, startServer, launch, waitReady, fillSituation, CASES } from './helpers.mjs';

const CORE = ['skillcalc.mjs', 'skillcalc_core.mjs', 'skillcalc_core.wasm'];
const TITLE = '技能人才补贴计算器';
let tmp;
let server;
const R = {};

// A release: web/ with `marker` in the page title, assembled with the calculator of dist/.
function makeRelease(marker) {
  const dir = path.join(tmp, marker);
  fs.cpSync(path.join(ROOT, 'web'), path.join(dir, 'web'), { recursive: true });
  const i18n = path.join(dir, 'web/i18n.js');
  const text = fs.readFileSync(i18n, 'utf8');
  assert.ok(text.includes(`title: '${TITLE}',`));
  fs.writeFileSync(i18n, text.replace(`title: '${TITLE}',`, `title: '${TITLE} ${marker}',`));
  fs.mkdirSync(path.join(dir, 'dist'));
  for (const f of CORE) fs.copyFileSync(path.join(DIST, f), path.join(dir, 'dist', f));
  execFileSync('sh', [path.join(dir, 'web/assemble.sh'), path.join(dir, 'dist')], { stdio: 'ignore' });
  const build = /name="skillcalc-build" content="([0-9a-f]{16})"/.exec(fs.readFileSync(path.join(dir, 'dist/index.html'), 'utf8'))[1];
  return { dir: path.join(dir, 'dist'), build, title: `${TITLE} ${marker}` };
}

before(() => {
  assert.ok(distReady(), `${DIST} is not assembled: run wasm/build.sh, then web/assemble.sh`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-releases-'));
  for (const m of ['R1', 'R2', 'R3']) R[m] = makeRelease(m);
  // Halfway through deploying R2: its service worker is up, the other files are still R1's.
  R.half = { dir: path.join(tmp, 'half') };
  fs.cpSync(R.R1.dir, R.half.dir, { recursive: true });
  fs.copyFileSync(path.join(R.R2.dir, 'sw.js'), path.join(R.half.dir, 'sw.js'));
});
before(async () => { server = await startServer(R.R1.dir); });
after(async () => {
  await server?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });

// What the page shows and what its cache holds, read again after any reload.
async function shown(page) {
  for (let i = 0; ; i++) {
    try {
      return await page.evaluate(async () => ({
        build: document.querySelector('meta[name="skillcalc-build"]').content,
        title: document.title,
        ready: document.documentElement.dataset.ready === '1',
        caches: (await caches.keys()).filter((k) => k.startsWith('skillcalc-')),
      }));
    } catch (e) {
      if (i > 50) throw e;  // a reload was under way
      await sleep(200);
    }
  }
}

async function waitForRelease(page, release, ms = 30_000) {
  const end = Date.now() + ms;
  let s;
  while (Date.now() < end) {
    s = await shown(page);
    if (s.build === release.build && s.ready) return s;
    await sleep(250);
  }
  assert.fail(`the page did not switch to ${release.title}: ${JSON.stringify(s)}`);
}

// One release, whole: the title and build id of one release, and its cache alone.
function assertWhole(s, release) {
  assertShowing(s, release);
  assert.deepEqual(s.caches, [`skillcalc-${release.build}`]);
}

// The page shows `release` while the next one waits in its own cache beside it.
function assertShowing(s, release) {
  assert.equal(s.build, release.build);
  assert.equal(s.title, release.title, 'the script files are of the same release as index.html');
  assert.ok(s.caches.includes(`skillcalc-${release.build}`));
}

// Asks for the server's sw.js now; returns the state the new worker reaches ('installed', 'redundant', or none).
function checkForUpdate(page) {
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    await reg.update().catch(() => {});
    const w = reg.installing;
    if (w) {
      await new Promise((resolve) => {
        const done = () => { if (w.state === 'installed' || w.state === 'redundant' || w.state === 'activated') resolve(); };
        w.addEventListener('statechange', done);
        done();
      });
    }
    return (w ?? reg.waiting)?.state ?? 'none';
  });
}

async function firstVisit(query = '') {
  server.serve(R.R1.dir);
  const b = await launch();
  const page = b.context.pages()[0] ?? await b.context.newPage();
  await page.goto(server.url + query);
  await waitReady(page);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  assertWhole(await shown(page), R.R1);
  return { b, page };
}

test('a page nobody has used shows the new release on the next load; a half-deployed server changes nothing', async () => {
  const { b, page } = await firstVisit();
  try {
    server.serve(R.half.dir);
    assert.equal(await checkForUpdate(page), 'redundant', 'a release whose files do not match is not installed');
    await page.reload();
    await waitReady(page);
    await sleep(1000);
    assertWhole(await shown(page), R.R1);

    server.serve(R.R2.dir);
    await page.reload();
    assertWhole(await waitForRelease(page, R.R2), R.R2);
    assert.match(await page.textContent('#version'), new RegExp(R.R2.build.slice(0, 8)));
    // And it calculates.
    await fillSituation(page, CASES.weihai.situation);
    assert.equal(await page.getAttribute('#totals', 'data-max'), '5000');
  } finally {
    await b.close();
  }
});

test('a page in use offers the new release; taking it, even after another tab did, keeps and recalculates the result', async () => {
  const { b, page } = await firstVisit();
  try {
    await fillSituation(page, CASES.weihai.situation);
    server.serve(R.R2.dir);
    assert.equal(await checkForUpdate(page), 'installed');
    await page.waitForSelector('#update-banner:not([hidden]) #update-now');
    assert.match(await page.textContent('#update-banner'), /新版本/);
    assertShowing(await shown(page), R.R1);
    assert.equal(await page.getAttribute('#totals', 'data-max'), '5000', 'the result stays until the visitor chooses');

    // A new tab, unused, takes release 2 at once; the tab in use keeps its page, whole, until its visitor chooses.
    const other = await b.context.newPage();
    await other.goto(server.url);
    assertWhole(await waitForRelease(other, R.R2), R.R2);
    await sleep(500);
    const still = await shown(page);
    assert.equal(still.build, R.R1.build);
    assert.equal(still.title, R.R1.title);
    assert.equal(await page.getAttribute('#totals', 'data-max'), '5000');

    await page.click('#update-now');
    assertWhole(await waitForRelease(page, R.R2), R.R2);
    await page.waitForSelector('#totals');
    assert.equal(await page.getAttribute('#totals', 'data-max'), '5000');
    assert.match(page.url(), /#s=/);
  } finally {
    await b.close();
  }
});

test('a kiosk in use takes the new release at its reset; an untouched kiosk at its next check', async () => {
  const { b, page } = await firstVisit('?kiosk=1');
  try {
    await page.clock.install();
    await page.reload();
    await waitReady(page);
    await fillSituation(page, CASES.jining.situation);
    server.serve(R.R2.dir);
    assert.equal(await checkForUpdate(page), 'installed');
    await sleep(500);
    assertShowing(await shown(page), R.R1);
    assert.ok(await page.isHidden('#update-banner'), 'a kiosk shows no notice');
    assert.equal(await page.getAttribute('#totals', 'data-max'), '2000', 'the visitor is not interrupted');

    // Idle 90 s, countdown 30 s: the reset loads release 2, empty.
    await page.clock.runFor(121_000);
    assertWhole(await waitForRelease(page, R.R2), R.R2);
    assert.equal(await page.locator('#totals').count(), 0);
    assert.ok(page.url().endsWith('?kiosk=1'));

    // Nobody touches it; release 3 is deployed; the kiosk asks every 10 minutes and switches at once.
    server.serve(R.R3.dir);
    await page.clock.runFor(10 * 60_000 + 1000);
    // Up to 60 s: Chromium was seen to hold a new worker's activation 30 s while the old one served a request.
    assertWhole(await waitForRelease(page, R.R3, 60_000), R.R3);
  } finally {
    await b.close();
  }
});

// The field id of `field` in the page's only event (its scope is f-ev<key>).
async function eventField(page, field) {
  const scope = (await page.locator('fieldset.event').last().getAttribute('id')).replace(/-set$/, '');
  return `#${scope}-${field}`;
}

// A release published while answers are typed in: the banner says they are kept, and its button takes the release.
async function updateKeepingAnswers(page, release) {
  server.serve(release.dir);
  assert.equal(await checkForUpdate(page), 'installed');
  await page.waitForSelector('#update-banner:not([hidden]) #update-now');
  assert.match(await page.textContent('#update-banner'), /保留您已填写的内容/);
  await page.click('#update-now');
  assertWhole(await waitForRelease(page, release), release);
}

test('the update keeps a form typed in but not calculated, and edits made after a result', async () => {
  const { b, page } = await firstVisit();
  try {
    // Half-way through: a level chosen, its date half-written, nothing calculated yet.
    await page.check('#f-city-weihai');
    await page.check('#f-kind-person');
    await page.selectOption('#f-add-type', 'skill_level');
    await page.click('#f-add-button');
    await page.selectOption(await eventField(page, 'level'), 'senior_technician');
    await page.fill(await eventField(page, 'date'), '2025-07');
    await updateKeepingAnswers(page, R.R2);
    await page.waitForSelector('fieldset.event');
    assert.ok(await page.isChecked('#f-city-weihai'));
    assert.ok(await page.isChecked('#f-kind-person'));
    assert.equal(await page.locator('fieldset.event').count(), 1);
    assert.equal(await page.inputValue(await eventField(page, 'level')), 'senior_technician');
    assert.equal(await page.inputValue(await eventField(page, 'date')), '2025-07', 'the half-written date, as typed');
    assert.equal(await page.locator('#totals').count(), 0, 'not calculated: the visitor had not asked');
    assert.ok(!page.url().includes('#'), 'the draft leaves the address');

    // Finished and calculated, then changed: the update keeps the change, not the result it made stale.
    await page.fill(await eventField(page, 'date'), '2025-07-15');
    await page.selectOption(await eventField(page, 'route'), 'jinlanling_training');
    await page.click('details.more > summary');
    await page.fill('#f-opt-as_of', '2025-09-01');
    await page.click('#calculate');
    await page.waitForSelector('#result:not([hidden]) #totals');
    assert.equal(await page.getAttribute('#totals', 'data-max'), '5000');
    await page.click('#edit');
    await page.fill(await eventField(page, 'date'), '2025-08-0');
    await updateKeepingAnswers(page, R.R3);
    await page.waitForSelector('fieldset.event');
    assert.equal(await page.inputValue(await eventField(page, 'date')), '2025-08-0');
    assert.equal(await page.inputValue(await eventField(page, 'route')), 'jinlanling_training');
    assert.equal(await page.inputValue('#f-opt-as_of'), '2025-09-01');
  } finally {
    await b.close();
  }
});
