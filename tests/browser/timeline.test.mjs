// "什么时候到账 / When the money comes" under a result: the table's years add up to the total shown, a term without
// instalments says so, and the fold reads at 360–390 px (large type too) and on a desktop.
// Screenshots go to $SHOTS (default: a folder in the system's temporary folder, printed), to be looked at.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { useSite, waitReady, shareFragment } from './helpers.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const site = useSite();
const SHOTS = process.env.SHOTS ?? fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-timeline-'));

// A Yantai worker, by hand from 烟政办字〔2024〕8号: (十三) 烟台市技能大师 selected 2025-07-01, 4年支持期内每人每月1000元
// (48 × 1000 = 48000, paid under (十六) 于次年拨付: Jul 2026–Jun 2030: 6000, 12000, 12000, 12000, 6000); and an 产业技能领军人才
// of 2025-09-01: 3年支持期内，给予最高10.8万元生活补贴和26万元购房补贴 — totals within a term, no instalments: "time not
// stated", 0 to 368000. Total: 48000 certain, up to 416000.
const YANTAI = { city: 'yantai', as_of: '2026-01-15', applicant: { kind: 'person' }, events: [
  { id: 'e1', type: 'title', date: '2025-07-01', title: 'yantai_skill_master' },
  { id: 'e2', type: 'title', date: '2025-09-01', title: 'yantai_industry_skill_leader' }] };

async function openTimeline(page, situation, query = '') {
  await page.goto(`${site.server.url}${query}${shareFragment(situation)}`);
  await waitReady(page);
  await page.waitForSelector('#result:not([hidden]) #totals');
  await page.click('#timeline > summary');
  await page.waitForSelector('#timeline[open] .tl-table');
}

// The table's year groups plus "time not stated" against the total shown above the result.
async function sums(page) {
  return page.evaluate(() => {
    const groups = [...document.querySelectorAll('#timeline tbody:not(.tl-planned) .tl-group')];
    const add = (k) => groups.reduce((n, g) => n + Number(g.dataset[k]), 0);
    const foot = document.querySelector('#timeline tfoot .tl-total').dataset;
    const tot = document.querySelector('#totals').dataset;
    return { min: add('min'), max: add('max'), foot: [Number(foot.min), Number(foot.max)],
      totals: [Number(tot.min), Number(tot.max)], groups: groups.map((g) => [g.firstChild.textContent, g.dataset.min, g.dataset.max]) };
  });
}

test('timeline: the years and the money of no stated time add up to the total shown', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await openTimeline(page, YANTAI);
  const s = await sums(page);
  assert.deepEqual([s.min, s.max], s.totals, JSON.stringify(s.groups));
  assert.deepEqual(s.foot, s.totals);
  // The skill master's months, a year after selection (by hand above).
  const years = Object.fromEntries(s.groups.map(([label, min, max]) => [label, [Number(min), Number(max)]]));
  assert.deepEqual(years, { '2026年': [6000, 6000], '2027年': [12000, 12000], '2028年': [12000, 12000],
    '2029年': [12000, 12000], '2030年': [6000, 6000], '时间未明': [0, 368000] });
  assert.deepEqual(s.totals, [48000, 416000]);
  // The skill master's first row says how its year was set: (十六) 于次年拨付.
  assert.match(await page.textContent('#timeline tbody.tl-year-group'), /每月 1000元 × 6 个月（7–12月）；原文定于次年拨付，按事件次年计（事件 2025年7月1日）/);
  const unstated = await page.textContent('#timeline tbody.tl-unstated');
  assert.match(unstated, /时间未明/);
  assert.match(unstated, /3年支持期内的总额，原文未写明分几次、何时发放/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling (${width})`);
  // The fold open: no WCAG A/AA violation in it (table headers, contrast, names).
  await page.evaluate(AXE_SOURCE); // by the debugger protocol: the page's CSP allows no inline script
  const axe = await page.evaluate(() => window.axe.run('#timeline',
    { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
  // The printed claim sheet gives the same years in one line beside the total.
  assert.equal(await page.textContent('#claim-sheet .sheet-when'),
    '什么时候到账：2026年 6000元；2027年 1.2万元；2028年 1.2万元；2029年 1.2万元；2030年 6000元；时间未明 最高36.8万元');
  await page.screenshot({ path: path.join(SHOTS, 'timeline-390.png'), fullPage: false,
    clip: await page.locator('#timeline').boundingBox().then((b) => ({ x: 0, y: b.y, width: 390, height: Math.min(b.height, 1600) })) });
  await page.close();
});

test('timeline: a monthly allowance with no stated term is named, with no year and no total', async () => {
  // 威政办发〔2025〕3号 10.: 管理期内威海市首席技师政府津贴 1000 元/月 (the 管理期 has no stated length); 9.: national Class-I
  // second place 3 万元, one payment dated by the contest (2025).
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await openTimeline(page, { city: 'weihai', as_of: '2026-01-15', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ id: 'e1', type: 'title', date: '2025-06-01', title: 'weihai_chief_technician' },
      { id: 'e2', type: 'competition', date: '2025-07-01', tier: 'national_class1', rank: 2, contest: 'cnc' }] });
  const s = await sums(page);
  assert.deepEqual([s.min, s.max], s.totals);
  assert.deepEqual(s.groups, [['2025年', '30000', '30000']]);
  const named = await page.textContent('#timeline .tl-not-counted');
  assert.match(named, /每月 1000元，原文未写明期限/);
  await page.close();
});

test('timeline: English, large type and dark scheme at 360 px read without sideways scrolling; desktop shot', async () => {
  const page = await site.browser.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 360, height: 800 });
  await openTimeline(page, YANTAI, '?large=1');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `no sideways scrolling in large type (${width})`);
  await page.click('#lang-switch');
  await page.waitForSelector('#timeline');
  if (!(await page.locator('#timeline[open]').count())) await page.click('#timeline > summary');
  assert.match(await page.textContent('#timeline summary'), /When the money comes/);
  assert.match(await page.textContent('#timeline tbody.tl-unstated'), /one total within a 3-year term/);
  const widthEn = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widthEn <= 360, `no sideways scrolling in English (${widthEn})`);
  await page.locator('#timeline').screenshot({ path: path.join(SHOTS, 'timeline-360-large-dark-en.png') });
  await page.close();

  const desk = await site.browser.context.newPage();
  await desk.setViewportSize({ width: 1280, height: 800 });
  await openTimeline(desk, YANTAI);
  await desk.evaluate(() => window.scrollTo(0, document.querySelector('#timeline').offsetTop - 8));
  await desk.screenshot({ path: path.join(SHOTS, 'timeline-1280.png') });
  await desk.setViewportSize({ width: 390, height: 844 });
  await desk.evaluate(() => window.scrollTo(0, document.querySelector('#timeline').offsetTop - 8));
  await desk.screenshot({ path: path.join(SHOTS, 'timeline-390x844.png') });
  await desk.close();
  console.log(`timeline screenshots: ${SHOTS}`);
});
