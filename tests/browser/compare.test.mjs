// "Other cities" under a result: a card a city with the figures of single-city evaluations, readable at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { useSite, waitReady, fillSituation, CASES } from './helpers.mjs';

const site = useSite();
const SHOTS = process.env.SKILLCALC_SHOTS ?? os.tmpdir();
const CITIES = ['jining', 'rizhao', 'weihai', 'yantai'];

// Each city's totals from a single-city evaluation in the page: the situation with that city, and, away from the home
// city, home_city naming it (its city-bound facts are asked there), as README "Compare cities" says.
async function singleTotals(page, situation) {
  return page.evaluate(async ([s, cities]) => {
    const { createSkillCalc } = await import('./skillcalc.mjs');
    const calc = await createSkillCalc();
    return Object.fromEntries(cities.map((city) => [city,
      calc.evaluate(city === s.city ? s : { ...s, city, home_city: s.city }).totals]));
  }, [situation, CITIES]);
}

// The table's column of each city: data-min of the 确定可得 row, data-max of the 最多可得 row, and its cells by row.
async function tableColumns(page) {
  return page.$$eval('#compare-table thead th[data-city]', (ths) => Object.fromEntries(ths.map((th) => {
    const city = th.dataset.city;
    const cell = (cls) => document.querySelector(`#compare-table tr.${cls} td[data-city="${city}"]`);
    const events = [...document.querySelectorAll(`#compare-table tr.compare-event td[data-city="${city}"]`)]
      .map((td) => ({ id: td.dataset.event, min: Number(td.dataset.min), max: Number(td.dataset.max), text: td.textContent }));
    return [city, { min: Number(cell('compare-certain').dataset.min), max: Number(cell('compare-upto').dataset.max),
      events, asks: cell('compare-missing').textContent, only: cell('compare-only').textContent }];
  })));
}

// A 技师 certificate of an enterprise employee, 2025-03-03 (CASES.jining): by hand from the texts, JN24 (二) 2000 元;
// RZ19 9. 通过…社会化考评…取得技师…的企业职工 2500 元; WH25 2. pays for 金蓝领 training only: nothing here; YT24 pays 企业自主培育 only: nothing here.
test('other cities: a card a city, each total equal to that city\'s own evaluation, at 360 px', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(site.server.url);
  await waitReady(page);
  const situation = CASES.jining.situation;
  await fillSituation(page, situation);
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-cards .compare-card');
  const cards = await page.$$eval('#compare-cards .compare-card', (els) => els.map((el) => ({
    city: el.dataset.city,
    min: el.querySelector('.compare-total')?.dataset.min,
    max: el.querySelector('.compare-total')?.dataset.max,
    width: el.getBoundingClientRect().right,
  })));
  assert.deepEqual(cards.map((c) => c.city).sort(), ['jining', 'rizhao', 'weihai', 'yantai']);
  const single = await page.evaluate(async (s) => {
    const { createSkillCalc } = await import('./skillcalc.mjs');
    const calc = await createSkillCalc();
    return Object.fromEntries(['jining', 'rizhao', 'weihai', 'yantai'].map((city) => [city, calc.evaluate({ ...s, city }).totals]));
  }, situation);
  for (const c of cards) {
    assert.equal(Number(c.min), single[c.city].min_yuan, c.city);
    assert.equal(Number(c.max), single[c.city].max_yuan, c.city);
    assert.ok(c.width <= 360, `${c.city} card fits 360 px (${c.width})`);
  }
  const max = Object.fromEntries(cards.map((c) => [c.city, c.max]));
  assert.deepEqual(max, { jining: '2000', rizhao: '2500', weihai: '0', yantai: '0' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 360, `no sideways scrolling (${overflow})`);
  await page.close();
});

// 技能兴威 (city_contest) is Weihai's own contest: the other cities' cards say it is not counted there.
test('other cities: a contest of the home city is not counted elsewhere, and the card says so', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 780 });
  await page.goto(site.server.url);
  await waitReady(page);
  await fillSituation(page, { city: 'weihai', as_of: '2025-12-01', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ id: 'e1', type: 'competition', date: '2025-09-10', tier: 'city_contest', rank: 1 }] });
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-cards .compare-card');
  const notes = await page.$$eval('#compare-cards .compare-card', (els) =>
    Object.fromEntries(els.map((el) => [el.dataset.city, el.querySelector('.compare-not-carried')?.textContent ?? ''])));
  assert.equal(notes.weihai, '');
  for (const city of ['yantai', 'jining', 'rizhao']) assert.match(notes[city], /威海本市的竞赛/, city);
  assert.equal(await page.getAttribute('#compare-cards .compare-card[data-city="yantai"] .compare-total', 'data-max'), '0');
  await page.close();
});

// An enterprise's 45 new 技师 (CASES.yantai) under 济宁 JN24 (二) "新取得…技师…的企业职工…2000元": 90,000 goes to the
// workers, not to the enterprise. The card says so, instead of a bare 0 for a city said to pay for the event.
test('other cities: money a city pays someone else (the workers) is on its card, beside the applicant\'s own 0', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url);
  await waitReady(page);
  await fillSituation(page, CASES.yantai.situation);
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-cards .compare-card[data-city="jining"]');
  const card = '#compare-cards .compare-card[data-city="jining"]';
  assert.equal(await page.getAttribute(`${card} .compare-total`, 'data-max'), '0');
  assert.match(await page.textContent(`${card} .compare-others`), /另有9万元由.*领取/);
  await page.close();
});

// 高级技师 through 金蓝领 training (2025-10-01) and 2nd place in a national Class-I contest (2025-09-10), an enterprise
// employee entered for Weihai. By hand from the texts:
//   威海 WH25 2. 高级技师5000元/人 + WH25 9. 国家级一类…前五名…5万元、3万元 → 30000: 35000 certain;
//   烟台 YT24 pays 高级技师 only when 企业自主培育 (to the enterprise): nothing; (八) 国家级最高5万元: 0 … 50000;
//   济宁 JN24 (二) 新取得…高级技师的企业职工…3000元; no money for the placing: 3000;
//   日照 RZ19 9. 通过"金蓝领"项目培训…取得…高级技师（一级）…的企业职工…3000 元; no money for the placing: 3000.
const FOUR = { city: 'weihai', as_of: '2025-12-01', applicant: { kind: 'person', employer: 'enterprise' },
  events: [
    { id: 'e1', type: 'skill_level', date: '2025-10-01', level: 'senior_technician', route: 'jinlanling_training' },
    { id: 'e2', type: 'competition', date: '2025-09-10', tier: 'national_class1', rank: 2 }] };
const BY_HAND = { weihai: [35000, 35000], yantai: [0, 50000], jining: [3000, 3000], rizhao: [3000, 3000] };
const BY_HAND_EVENTS = { weihai: { e1: [5000, 5000], e2: [30000, 30000] }, yantai: { e1: [0, 0], e2: [0, 50000] },
  jining: { e1: [3000, 3000], e2: [0, 0] }, rizhao: { e1: [3000, 3000], e2: [0, 0] } };

test('four cities side by side at 1280 px: a table, a column a city, the figures of each city\'s own evaluation', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(site.server.url);
  await waitReady(page);
  await fillSituation(page, FOUR);
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-table');
  assert.ok(await page.isVisible('#compare-table'), 'the table shows at 1280 px');
  assert.ok(!(await page.isVisible('#compare-cards')), 'the cards give way to the table');
  // a real table: a caption, the cities as column headers, every row headed
  assert.equal(await page.locator('#compare-table caption').count(), 1);
  assert.equal(await page.locator('#compare-table thead th[scope="col"]').count(), 5);
  assert.equal(await page.locator('#compare-table tbody tr').count(),
    await page.locator('#compare-table tbody th[scope="row"]').count());
  const cols = await tableColumns(page);
  const single = await singleTotals(page, FOUR);
  assert.deepEqual(Object.keys(cols).sort(), CITIES);
  for (const city of CITIES) {
    assert.deepEqual([cols[city].min, cols[city].max], [single[city].min_yuan, single[city].max_yuan], `${city}: its own evaluation`);
    assert.deepEqual([cols[city].min, cols[city].max], BY_HAND[city], `${city}: the texts`);
    for (const e of cols[city].events) assert.deepEqual([e.min, e.max], BY_HAND_EVENTS[city][e.id], `${city} event ${e.id}`);
    // the events' rows add up to the totals
    assert.equal(cols[city].events.reduce((n, e) => n + e.max, 0), cols[city].max, `${city}: rows add up`);
  }
  assert.match(cols.yantai.events.find((e) => e.id === 'e2').text, /5万元/);
  assert.match(cols.weihai.only, /第 1、2 件/);
  assert.match(cols.yantai.only, /第 2 件/);
  assert.match(await page.textContent('#compare-table thead th[data-city="weihai"]'), /当前/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(overflow <= 1280, `no sideways scrolling (${overflow})`);
  await page.evaluate(() => document.querySelector('#compare').scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, 'compare-1280x800.png') });
  await page.locator('#compare-table').screenshot({ path: path.join(SHOTS, 'compare-table-1280.png') });
  await page.close();
});

test('four cities at 390 px: a card a city with the same figures, nothing wider than the screen', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(site.server.url);
  await waitReady(page);
  await fillSituation(page, FOUR);
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-cards .compare-card');
  assert.ok(!(await page.isVisible('#compare-table')), 'no table on a phone');
  const cards = await page.$$eval('#compare-cards .compare-card', (els) => els.map((el) => ({
    city: el.dataset.city, min: Number(el.querySelector('.compare-total').dataset.min),
    max: Number(el.querySelector('.compare-total').dataset.max), right: el.getBoundingClientRect().right,
    events: Object.fromEntries([...el.querySelectorAll('.compare-events li')].map((li) => [li.dataset.event, [Number(li.dataset.min), Number(li.dataset.max)]])),
  })));
  for (const c of cards) {
    assert.deepEqual([c.min, c.max], BY_HAND[c.city], c.city);
    assert.deepEqual(c.events, BY_HAND_EVENTS[c.city], c.city);
    assert.ok(c.right <= 390, `${c.city} fits (${c.right})`);
  }
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390);
  await page.evaluate(() => document.querySelector('#compare').scrollIntoView());
  await page.screenshot({ path: path.join(SHOTS, 'compare-390x844.png') });
  await page.locator('#compare').screenshot({ path: path.join(SHOTS, 'compare-cards-390.png') });
  await page.close();
});

// A WorldSkills gold won by a Weihai worker (2025-09-20). By hand: 威海 WH25 9. 世界技能大赛金牌…50万元 → 500000;
// 烟台 YT24 (八) 世界级最高50万元 → 0 … 500000; 日照 nothing; 济宁 JN24 (九) 对全职引进或培养获得世界技能大赛金…奖的…个人…
// 100万元: "trained by a unit of the city" is a fact about 济宁 itself, asked there: 0 … 1000000, and the column says so.
test('a city-bound fact is asked in the other city, not carried: 0 to the amount and "still needed"', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${site.server.url}?lang=en`);
  await waitReady(page);
  const s = { city: 'weihai', as_of: '2025-12-01', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ id: 'e1', type: 'competition', date: '2025-09-20', tier: 'world_skills', medal: 'gold' }] };
  await fillSituation(page, s);
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-table');
  const cols = await tableColumns(page);
  const single = await singleTotals(page, s);
  for (const city of CITIES) assert.deepEqual([cols[city].min, cols[city].max], [single[city].min_yuan, single[city].max_yuan], city);
  const byHand = { weihai: [500000, 500000], yantai: [0, 500000], jining: [0, 1000000], rizhao: [0, 0] };
  for (const city of CITIES) assert.deepEqual([cols[city].min, cols[city].max], byHand[city], `${city}: the texts`);
  assert.match(cols.jining.asks, /Trained to this result by a unit in the city/);
  assert.equal(cols.weihai.asks, '—');
  assert.match(await page.textContent('#compare-table caption'), /each city/);
  await page.locator('#compare-table').screenshot({ path: path.join(SHOTS, 'compare-table-en-asks.png') });
  await page.close();
});

test('large type and dark: the table keeps to the page and its text to its cells', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${site.server.url}?large=1`);
  await waitReady(page);
  await fillSituation(page, FOUR);
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-table');
  const fit = await page.evaluate(() => {
    const t = document.querySelector('#compare-table');
    const cs = getComputedStyle(document.querySelector('#compare-table td'));
    return { right: t.getBoundingClientRect().right, page: document.documentElement.scrollWidth, fg: cs.color, bg: getComputedStyle(document.body).backgroundColor };
  });
  assert.ok(fit.page <= 1280, `no sideways scrolling (${fit.page})`);
  assert.notEqual(fit.fg, fit.bg);
  await page.locator('#compare-table').screenshot({ path: path.join(SHOTS, 'compare-table-large-dark.png') });
  // Printing a result gives its claim sheet (申领清单) alone: the comparison stays off that page.
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  assert.ok(!(await page.isVisible('#compare')), 'the comparison is not printed on the claim sheet');
  assert.ok(await page.isVisible('#claim-sheet'));
  await page.close();
});

// A title entered with the holder's own level is named by the title in the table's rows, not by the level.
test('a title event is named by its title, not by the holder\'s level beside it', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(site.server.url);
  await waitReady(page);
  await fillSituation(page, { city: 'weihai', as_of: '2025-12-01', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ id: 'e1', type: 'title', date: '2025-10-01', title: 'model_worker', level: 'senior_technician' }] });
  await page.click('#compare > summary');
  await page.waitForSelector('#compare-table');
  const rows = await page.$$eval('#compare-table tbody tr.compare-event th', (ths) => ths.map((th) => th.textContent));
  assert.ok(rows.some((r) => /劳动模范/.test(r)), `a row names the title: ${rows.join(' | ')}`);
  assert.ok(!rows.some((r) => /：高级技师/.test(r)), `no row names the level instead: ${rows.join(' | ')}`);
  await page.close();
});
