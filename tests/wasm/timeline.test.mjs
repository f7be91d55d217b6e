// web/timeline.js on results of the page's core: every year plus the money of no stated time equals the totals, for
// every golden case; and hand-checked layouts of the texts' periodic, next-year and term payments.
//   node --test tests/wasm/timeline.test.mjs
// Needs dist/ from wasm/build.sh (env SKILLCALC_DIST to use another folder).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { allCases } from './cases.mjs';
import { timeline, byYearAndItem } from '../../web/timeline.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.SKILLCALC_DIST || path.join(ROOT, 'dist');
const TODAY = '2026-01-15';

assert.ok(fs.existsSync(path.join(DIST, 'skillcalc.mjs')), `${DIST}/skillcalc.mjs not found: run wasm/build.sh`);
const { createSkillCalc } = await import(pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href);
const calc = await createSkillCalc({ today: TODAY });


const pair = (s) => [s.min, s.max];
const yearsOf = (tl) => Object.fromEntries(tl.years.map((y) => [y.year, [y.min, y.max]]));

test('in every golden case the years plus the money of no stated time add up to totals and planned_totals', () => {
  const cases = allCases();
  assert.ok(cases.length > 400, `only ${cases.length} cases found`);
  let evaluated = 0;
  let periodic = 0;
  for (const { name, situation } of cases) {
    const r = calc.evaluate(situation);
    if (!r.ok) continue;
    evaluated += 1;
    const tl = timeline(r, situation);
    assert.deepEqual(pair(tl.sum), [r.totals.min_yuan, r.totals.max_yuan], `${name}: totals`);
    assert.deepEqual(pair(tl.planned_sum), [r.planned_totals.min_yuan, r.planned_totals.max_yuan], `${name}: planned`);
    for (const row of tl.rows) {
      assert.ok(Number.isSafeInteger(row.min) && Number.isSafeInteger(row.max) && row.min >= 0 && row.min <= row.max,
        `${name}: row ${JSON.stringify(row)}`);
    }
    for (const e of tl.items) {
      const item = r.items[e.index];
      // A periodic item with a term is laid out period by period: as many rows as periods, each its own amount.
      if ((e.kind === 'monthly' || e.kind === 'yearly') && e.count != null && !e.reason) {
        periodic += 1;
        const own = tl.rows.filter((x) => x.index === e.index);
        assert.equal(own.length, e.count, `${name}: ${item.clause_id} periods`);
        assert.ok(own.every((x) => x.max === e.per.max), `${name}: ${item.clause_id} per period`);
      }
      // Nothing is split that could not be: a term, no term, no amount are never given a year.
      if (e.kind === 'term' || !item.total) assert.ok(e.reason, `${name}: ${item.clause_id} given a year`);
      if (e.reason === 'not_split') assert.equal(item.status, 'capped', `${name}: ${item.clause_id} not split`);
    }
    // Money others receive is never in the timeline.
    for (const e of tl.items) assert.notEqual(r.items[e.index].for_applicant, false, name);
  }
  assert.ok(evaluated > 400, `only ${evaluated} cases evaluated`);
  assert.ok(periodic >= 10, `only ${periodic} periodic items laid out`);
});

test('日照 4.: a chief technician of July 2020 gets 1000 a month for the four-year term, 48 months from July 2020', () => {
  // 管理期限为四年，管理期内每人每月享受市政府津贴 1000 元: 48 × 1000 = 48000; Jul–Dec 2020 is 6 months, Jan–Jun 2024 6.
  const s = { city: 'rizhao', as_of: '2026-01-15', applicant: { kind: 'person' },
    events: [{ id: 'e1', type: 'title', date: '2020-07-01', title: 'rizhao_chief_technician' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  assert.deepEqual(yearsOf(tl), { 2020: [6000, 6000], 2021: [12000, 12000], 2022: [12000, 12000],
    2023: [12000, 12000], 2024: [6000, 6000] });
  const rows = tl.rows.filter((x) => x.clause_id === 'RZ19-04-chief-technician');
  assert.equal(rows.length, 48);
  assert.ok(rows.every((x) => x.min === 1000 && x.max === 1000));
  assert.deepEqual([rows[0].year, rows[0].month, rows[47].year, rows[47].month], [2020, 7, 2024, 6]);
  const e = tl.items.find((x) => x.clause_id === 'RZ19-04-chief-technician');
  assert.equal(e.basis, 'event_date');
  const grouped = byYearAndItem(rows);
  assert.deepEqual(grouped.map((g) => [g.year, g.periods, g.months, g.max]),
    [[2020, 6, [7, 12], 6000], [2021, 12, [1, 12], 12000], [2022, 12, [1, 12], 12000], [2023, 12, [1, 12], 12000],
      [2024, 6, [1, 6], 6000]]);
});

test('日照 4.: selected again in March 2022 while in office since March 2020, each month is paid once: 72 months to Feb 2026', () => {
  // 每人每月 1000 元: the second term's first 24 months are the first term's last; its own 24 run Mar 2024 – Feb 2026.
  const s = { city: 'rizhao', as_of: '2026-01-15', applicant: { kind: 'person' },
    events: [{ id: 'e1', type: 'title', date: '2020-03-01', title: 'rizhao_chief_technician' },
      { id: 'e2', type: 'title', date: '2022-03-01', title: 'rizhao_chief_technician' }] };
  const r = calc.evaluate(s);
  assert.deepEqual([r.totals.min_yuan, r.totals.max_yuan], [72000, 72000]);
  const tl = timeline(r, s);
  const rows = tl.rows.filter((x) => x.clause_id === 'RZ19-04-chief-technician');
  assert.equal(rows.length, 72);
  const months = new Set(rows.map((x) => x.year * 100 + x.month));
  assert.equal(months.size, 72, 'no month twice');
  assert.deepEqual(yearsOf(tl), { 2020: [10000, 10000], 2021: [12000, 12000], 2022: [12000, 12000],
    2023: [12000, 12000], 2024: [12000, 12000], 2025: [12000, 12000], 2026: [2000, 2000] });
});

test('威海 2025 10.: a chief technician\'s 1000 a month 管理期内 has no stated term: no year, no total', () => {
  const s = { city: 'weihai', as_of: '2026-01-15', applicant: { kind: 'person' },
    events: [{ id: 'e1', type: 'title', date: '2025-06-01', title: 'weihai_chief_technician' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  const u = tl.unstated.find((x) => x.clause_id.startsWith('WH25-10'));
  assert.ok(u, JSON.stringify(tl.unstated));
  assert.deepEqual([u.reason, u.counted, u.min, u.max], ['no_term', false, null, null]);
  assert.equal(tl.rows.filter((x) => x.clause_id === u.clause_id).length, 0);
  const e = tl.items.find((x) => x.clause_id === u.clause_id);
  assert.deepEqual(e.per, { min: 1000, max: 1000 }); // the monthly rate is known, the months are not
});

test('烟台 (十一)+(十六): a 2025 technician subsidy is paid in 2026; the unemployment-insurance one is not said to be', () => {
  // 技师…每人给予2500元一次性补贴 (财政奖补: 当年…核准的资金项目于次年拨付) to the enterprise: 2026.
  const s = { city: 'yantai', as_of: '2026-01-15', applicant: { kind: 'enterprise' }, events: [
    { id: 'e1', type: 'skill_level', date: '2025-03-01', level: 'technician', route: 'enterprise_training' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  const tech = tl.items.find((x) => x.clause_id === 'YT24-11-technician-upgrade-subsidy');
  assert.deepEqual([tech.basis, tech.years_later], ['years_later', 1]);
  assert.deepEqual(tl.rows.map((x) => [x.clause_id, x.year, x.min, x.max]),
    [['YT24-11-technician-upgrade-subsidy', 2026, 2500, 2500]]);
  // 高级工…每人2000元一次性补贴，所需资金从失业保险基金中列支: not 财政奖补, so no year is set by the text: the event's.
  const p = { city: 'yantai', as_of: '2026-01-15', applicant: { kind: 'person', employer: 'enterprise' }, events: [
    { id: 'e1', type: 'skill_level', date: '2025-03-01', level: 'senior_worker', trained_by: 'own_enterprise' }] };
  const rp = calc.evaluate(p);
  const tp = timeline(rp, p);
  const ui = tp.items.find((x) => x.clause_id === 'YT24-11-ui-upgrade-subsidy');
  assert.deepEqual([ui.basis, ui.years_later], ['event_date', 0]);
  assert.deepEqual(yearsOf(tp), { 2025: [2000, 2000] });
});

test('烟台 (十三): a skill leader\'s 3-year support is one total with no instalments: no year is given to it', () => {
  // 3年支持期内，给予最高10.8万元生活补贴和26万元购房补贴.
  const s = { city: 'yantai', as_of: '2026-01-15', applicant: { kind: 'person' },
    events: [{ id: 'e1', type: 'title', date: '2025-03-01', title: 'yantai_industry_skill_leader' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  const living = tl.unstated.find((x) => x.clause_id === 'YT24-13-industry-skill-leader-living');
  assert.deepEqual([living.reason, living.counted, living.min, living.max], ['term', true, 0, 108000]);
  const e = tl.items.find((x) => x.clause_id === living.clause_id);
  assert.deepEqual([e.count, e.from_year], [3, 2026]); // within 3 years, from the year after approval
  assert.equal(tl.rows.filter((x) => x.index === e.index).length, 0);
});

test('烟台 (十三): a skill master of July 2025 gets 1000 a month for 4 years, each month paid a year later', () => {
  // 4年支持期内，给予每人每月1000元市政府津贴; (十六) 于次年拨付: Jul 2025–Jun 2029 shifted to Jul 2026–Jun 2030.
  const s = { city: 'yantai', as_of: '2026-01-15', applicant: { kind: 'person' },
    events: [{ id: 'e1', type: 'title', date: '2025-07-01', title: 'yantai_skill_master' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  const rows = tl.rows.filter((x) => x.clause_id === 'YT24-13-skill-master');
  assert.equal(rows.length, 48);
  assert.deepEqual(byYearAndItem(rows).map((g) => [g.year, g.max]),
    [[2026, 6000], [2027, 12000], [2028, 12000], [2029, 12000], [2030, 6000]]);
});

test('济宁 (九): a preparatory-technician graduate hired in 2026 brings 12000 a year in 2026, 2027 and 2028', () => {
  // 预备技师（技师）班毕业生…３年内…每人每年１．２万元.
  const s = { city: 'jining', as_of: '2026-02-01', applicant: { kind: 'enterprise' }, events: [
    { id: 'e1', type: 'hire', date: '2026-02-01', graduate_class: 'preparatory_technician', age: 30, full_time: true,
      count: 1, social_insurance: true }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  assert.deepEqual(yearsOf(tl), { 2026: [12000, 12000], 2027: [12000, 12000], 2028: [12000, 12000] });
});

test('威海 2025 2.: an apprenticeship of no stated length pays each of its two years at most, the years asked', () => {
  // 高级工 6000 元/人·年…补贴期限不超过 2 年: the length is not given, so neither year is certain: 2025 and 2026 0 to 6000.
  const s = { city: 'weihai', as_of: '2026-01-15', applicant: { kind: 'enterprise' }, events: [
    { id: 'e1', type: 'apprenticeship', date: '2025-09-01', level: 'senior_worker', count: 1,
      scheme: 'new_enterprise_apprenticeship' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  assert.deepEqual(yearsOf(tl), { 2025: [0, 6000], 2026: [0, 6000] });
  assert.deepEqual(pair(tl.sum), [0, 12000]);
  const s1 = { ...s, events: [{ ...s.events[0], years: 1 }] };
  assert.deepEqual(yearsOf(timeline(calc.evaluate(s1), s1)), { 2025: [6000, 6000] });
});

test('a planned contest is laid out apart from the money due, and an undated event happens on as_of', () => {
  // 威海 9.: 国家级一类职业技能大赛 第二名 3 万元; 金蓝领 技师 3000 元/人.
  const s = { city: 'weihai', as_of: '2025-09-01', applicant: { kind: 'person', employer: 'enterprise' }, events: [
    { id: 'c', type: 'competition', date: '2026-05-01', tier: 'national_class1', rank: 2, contest: 'cnc' },
    { id: 't', type: 'skill_level', level: 'technician', route: 'jinlanling_training' }] };
  const r = calc.evaluate(s);
  const tl = timeline(r, s);
  assert.deepEqual(yearsOf(tl), { 2025: [3000, 3000] });
  assert.deepEqual(tl.planned_years.map((y) => [y.year, y.min, y.max]), [[2026, 30000, 30000]]);
  assert.deepEqual(pair(tl.planned_sum), [30000, 30000]);
});
