// "Other cities" under a result: a card a city with the figures of single-city evaluations, readable at 360 px.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitReady, fillSituation, CASES } from './helpers.mjs';

const site = useSite();

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
