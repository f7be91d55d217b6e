// "什么时候到账 / When the money comes": the fold under a result that lays its money out per year (web/timeline.js):
// a small bar chart drawn here in SVG (hidden from screen readers and in print) and the same figures as a table.
// Figures are only those of timeline.js; a payment whose time the text does not state is said so, never placed.
import { h } from './dom.js';
import { pick, moneyRange, lang, langText, formatDate, clauseLabel } from './i18n.js';
import { timeline, byYearAndItem } from './timeline.js';

const WORDS = {
  zh: {
    fold: '什么时候到账', intro: '按各项原文写明的期限和发放方式，把金额排到每一年。原文没写明何时发放的，计入“时间未明”，不作猜测。',
    year: '{y}年', planned_year: '{y}年（计划中）', unstated: '时间未明', item: '项目', amount: '金额',
    caption: '每年到账的金额（合计与上方总额相同）', total: '合计', sure: '确定',
    upto: '最多', planned_head: '计划中的事件（尚未发生，未计入合计）', not_counted: '金额或期限未写明，未计入合计：',
    event_date: '按事件日期（{d}）计；原文未写明拨付时间', years_later: '原文定于次年拨付，按事件次年计（事件 {d}）',
    years_later_n: '原文定于 {n} 年后拨付，按事件 {n} 年后计（事件 {d}）',
    monthly: '每月 {amount} × {n} 个月（{from}–{to}月）', yearly: '每年 {amount}',
    term: '{n}年支持期内的总额，原文未写明分几次、何时发放', term_from: '（最早 {y} 年起）',
    no_term: '{per}，原文未写明期限', no_amount: '金额原文未写明', no_date: '事件日期不详，无法排到年份',
    not_split: '已按上限核减，原文未写明核减后如何分到各期', per_month: '每月 {amount}', per_year: '每年 {amount}',
  },
  en: {
    fold: 'When the money comes',
    intro: 'Each amount placed in its year as the text sets its term and payment. Where the text does not say when money is paid, it is under "time not stated", never guessed.',
    year: '{y}', planned_year: '{y} (planned)', unstated: 'Time not stated', item: 'Item', amount: 'Amount',
    caption: 'Money per year (adding up to the total above)', total: 'Total', sure: 'certain',
    upto: 'up to', planned_head: 'Planned events (not yet happened, not in the total)',
    not_counted: 'Amount or term not stated, not in the total: ',
    event_date: 'from the event\'s date ({d}); the text sets no payment date',
    years_later: 'paid the year after approval, as the text sets (event {d})',
    years_later_n: 'paid {n} years after approval, as the text sets (event {d})',
    monthly: '{amount} a month × {n} months ({from}–{to})', yearly: '{amount} a year',
    term: 'one total within a {n}-year term; the text does not say in what instalments or when',
    term_from: ' (from {y} at the earliest)',
    no_term: '{per}; the text states no term', no_amount: 'the text states no amount',
    no_date: 'the event\'s date is not known',
    not_split: 'cut to a cap; the text does not say how the cut falls on each period', per_month: '{amount} a month',
    per_year: '{amount} a year',
  },
};
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function w(key, params = {}) {
  const s = WORDS[lang() === 'zh' ? 'zh' : 'en'][key];
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
}

const range = (min, max) => moneyRange(min, max);

// An amount in nodes whose figures never break from their unit ("108,000 yuan", "36.8万元"), so that a narrow
// column wraps at "up to" / "最高" or "至" only.
function amount(min, max) {
  const text = range(min, max);
  const out = [];
  let last = 0;
  for (const m of text.matchAll(/[\d,.]+(?:万元|元| yuan)/g)) {
    if (m.index > last) out.push(...langText(text.slice(last, m.index)));
    out.push(h('span', { class: 'tl-nb' }, m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...langText(text.slice(last)));
  return out;
}

// The event's main value in words (the title, the level, the contest's tier …), or the event type's name.
const MAIN_FIELDS = ['title', 'level', 'tier', 'talent', 'platform', 'scheme', 'graduate_class'];
function eventWords(ev, type) {
  const fields = type?.fields ?? [];
  const f = MAIN_FIELDS.map((id) => fields.find((x) => x.id === id && ev[id] != null)).find(Boolean)
    ?? fields.find((x) => x.type === 'enum' && ev[x.id] != null);
  const option = f?.options?.find((o) => o.id === ev[f.id]);
  return option ? pick(option) : pick(type);
}

// "1. 烟台市技能大师 · （十三）": the event by its place in the form and its main value, and the clause.
function itemName(item, ctx) {
  const events = ctx.situation?.events ?? [];
  const k = events.findIndex((e, i) => (e.id ?? `e${i + 1}`) === item.event_ids?.[0]);
  const type = k >= 0 ? ctx.catalog?.event_types?.find((e) => e.id === events[k].type) : null;
  const words = k >= 0 ? eventWords(events[k], type) : '';
  const option = pick(item.option);
  const what = [k >= 0 ? `${k + 1}. ${words}` : '', option !== words ? option : ''].filter(Boolean).join(' · ');
  return [what, clauseLabel(item.source?.clause)].filter(Boolean).join(' · ');
}

// How an item's money was placed in time, in words: the periods of a year (`group`), and, where `full`, the rule that
// set the year and the document.
function basisText(entry, item, group, full = true) {
  const per = entry.per ? range(entry.per.min, entry.per.max) : '';
  const doc = item.source?.document ? `${item.source.document}${lang() === 'zh' ? '' : ' '}${clauseLabel(item.source?.clause)}` : '';
  const sep = lang() === 'zh' ? '；' : '; ';
  const withDoc = (s) => [s, doc].filter(Boolean).join(sep);
  switch (entry.reason) {
    case 'term': return withDoc(w('term', { n: entry.count }) + (entry.from_year ? w('term_from', { y: entry.from_year }) : ''));
    case 'no_term': return withDoc(w('no_term', { per: per ? w(entry.kind === 'yearly' ? 'per_year' : 'per_month', { amount: per }) : '' }));
    case 'no_amount': return withDoc(w('no_amount'));
    case 'no_date': return withDoc(w('no_date'));
    case 'not_split': return withDoc(w('not_split'));
    default: break;
  }
  const parts = [];
  if (group?.months) {
    const m = (x) => (lang() === 'zh' ? x : MONTHS_EN[x - 1]);
    parts.push(w('monthly', { amount: per, n: group.periods, from: m(group.months[0]), to: m(group.months[1]) }));
  } else if (entry.kind === 'yearly') {
    parts.push(w('yearly', { amount: per }));
  }
  if (full) {
    parts.push(entry.basis === 'years_later'
      ? w(entry.years_later === 1 ? 'years_later' : 'years_later_n', { n: entry.years_later, d: formatDate(entry.start) })
      : w('event_date', { d: formatDate(entry.start) }));
    if (doc) parts.push(doc);
  }
  return parts.join(sep);
}

// One bar: the certain part solid, the part up to the maximum hatched, a bar of no stated time dashed.
function bar(min, max, scale, kind) {
  const x = (v) => (scale ? Math.max(v > 0 ? 4 : 0, Math.round((v / scale) * 1000)) : 0);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 1000 20');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', `tl-bar tl-${kind}`);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const rect = (cls, from, to) => {
    if (to <= from) return;
    const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
    for (const [k, v] of Object.entries({ class: cls, x: from, y: 1, width: to - from, height: 18 })) r.setAttribute(k, v);
    r.setAttribute('vector-effect', 'non-scaling-stroke');
    svg.append(r);
  };
  rect('tl-sure', 0, x(min));
  rect('tl-upto', x(min), x(max));
  return svg;
}

function chartRow(label, min, max, scale, kind) {
  return h('div', { class: `tl-row tl-row-${kind}` },
    h('p', { class: 'tl-label' }, h('span', { class: 'tl-year' }, label), ' ',
      h('span', { class: 'tl-sum' }, langText(range(min, max)))),
    bar(min, max, scale, kind));
}

function chart(tl) {
  const counted = tl.unstated.filter((u) => u.counted && !u.planned);
  const unstatedSum = counted.reduce((s, u) => ({ min: s.min + u.min, max: s.max + u.max }), { min: 0, max: 0 });
  // The bars share one scale, that of the years; money of no stated time is no bar: it has no place in time.
  const scale = Math.max(1, ...tl.years.map((y) => y.max), ...tl.planned_years.map((y) => y.max));
  const box = h('div', { class: 'tl-chart', 'aria-hidden': 'true' },
    tl.years.map((y) => chartRow(w('year', { y: y.year }), y.min, y.max, scale, 'year')),
    tl.planned_years.map((y) => chartRow(w('planned_year', { y: y.year }), y.min, y.max, scale, 'planned')),
    counted.length ? h('p', { class: 'tl-row tl-row-unstated tl-label' }, h('span', { class: 'tl-year' }, w('unstated')), ' ',
      h('span', { class: 'tl-sum' }, langText(range(unstatedSum.min, unstatedSum.max)))) : null);
  if (tl.years.length || tl.planned_years.length) {
    box.append(h('p', { class: 'tl-legend' }, h('span', { class: 'tl-key tl-key-sure' }), w('sure'), ' ',
      h('span', { class: 'tl-key tl-key-upto' }), w('upto')));
  }
  return box;
}

function itemRow(label, basis, min, max) {
  return h('tr', { class: 'tl-item' },
    h('th', { scope: 'row' }, h('span', { class: 'tl-what' }, langText(label)),
      h('span', { class: 'tl-basis' }, langText(basis))),
    h('td', { class: 'tl-amount' }, amount(min, max)));
}

function groupBody(title, cls, sum, rows) {
  return h('tbody', { class: cls },
    h('tr', { class: 'tl-group', dataset: { min: sum.min, max: sum.max } },
      h('th', { scope: 'rowgroup' }, title), h('td', { class: 'tl-amount' }, amount(sum.min, sum.max))),
    rows);
}

function tables(tl, ctx) {
  const entry = new Map(tl.items.map((e) => [e.index, e]));
  const items = ctx.result.items;
  const groups = byYearAndItem(tl.rows);
  const told = new Set(); // an item's rule of time is said on its first row only
  const once = (index) => !told.has(index) && told.add(index);
  const yearBody = (y, planned) => groupBody(w(planned ? 'planned_year' : 'year', { y: y.year }),
    planned ? 'tl-planned' : 'tl-year-group', y,
    groups.filter((g) => g.year === y.year && g.planned === planned).map((g) =>
      itemRow(itemName(items[g.index], ctx), basisText(entry.get(g.index), items[g.index], g, once(g.index)), g.min, g.max)));
  const unstatedBody = (planned) => {
    const list = tl.unstated.filter((u) => u.counted && u.planned === planned);
    if (!list.length) return null;
    const sum = list.reduce((s, u) => ({ min: s.min + u.min, max: s.max + u.max }), { min: 0, max: 0 });
    return groupBody(w('unstated'), planned ? 'tl-planned tl-unstated' : 'tl-unstated', sum, list.map((u) =>
      itemRow(itemName(items[u.index], ctx), basisText(entry.get(u.index), items[u.index]), u.min, u.max)));
  };
  const head = () => h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, w('item')),
    h('th', { scope: 'col', class: 'tl-amount' }, w('amount'))));
  const foot = (sum, cls) => h('tfoot', {}, h('tr', { class: cls, dataset: { min: sum.min, max: sum.max } },
    h('th', { scope: 'row' }, w('total')), h('td', { class: 'tl-amount' }, amount(sum.min, sum.max))));
  const main = h('table', { class: 'tl-table' }, h('caption', {}, w('caption')), head(),
    tl.years.map((y) => yearBody(y, false)), unstatedBody(false), foot(tl.sum, 'tl-total'));
  // Planned money in a table of its own, so that nothing of it is read as part of the total above.
  const planned = tl.planned_years.length || tl.unstated.some((u) => u.planned && u.counted)
    ? h('table', { class: 'tl-table tl-planned-table' }, h('caption', {}, w('planned_head')), head(),
      tl.planned_years.map((y) => yearBody(y, true)), unstatedBody(true), foot(tl.planned_sum, 'tl-planned-total'))
    : null;
  return [main, planned];
}

// What the result grants without a total (no term, no amount): named, never added up.
function notCounted(tl, ctx) {
  const list = tl.unstated.filter((u) => !u.counted);
  if (!list.length) return null;
  const entry = new Map(tl.items.map((e) => [e.index, e]));
  return h('div', { class: 'tl-not-counted' }, h('p', {}, w('not_counted')),
    h('ul', {}, list.map((u) => h('li', { dataset: { clause: u.clause_id, reason: u.reason } },
      langText(`${itemName(ctx.result.items[u.index], ctx)}${lang() === 'zh' ? '：' : ': '}${
        basisText(entry.get(u.index), ctx.result.items[u.index])}`)))));
}

// The fold, or null when the result has no money of the applicant's at all.
// ctx: { result, situation, catalog }
export function whenMoneyComes(ctx) {
  const tl = timeline(ctx.result, ctx.situation);
  if (!tl.items.length) return null;
  const hasFigures = tl.rows.length || tl.unstated.some((u) => u.counted);
  return h('details', { class: 'timeline', id: 'timeline' },
    h('summary', {}, w('fold')),
    h('p', { class: 'hint' }, w('intro')),
    hasFigures ? chart(tl) : null,
    hasFigures ? tables(tl, ctx) : null,
    notCounted(tl, ctx));
}

// One line for the printed claim sheet: "2025年 3000元；2026年 5000元；时间未明 最多10.8万元".
export function timelineLine(result, situation) {
  const tl = timeline(result, situation);
  const parts = tl.years.map((y) => `${w('year', { y: y.year })} ${range(y.min, y.max)}`);
  const counted = tl.unstated.filter((u) => u.counted && !u.planned);
  if (counted.length) {
    const s = counted.reduce((a, u) => ({ min: a.min + u.min, max: a.max + u.max }), { min: 0, max: 0 });
    parts.push(`${w('unstated')} ${range(s.min, s.max)}`);
  }
  return parts.length > 1 || counted.length ? `${w('fold')}${lang() === 'zh' ? '：' : ': '}${parts.join(lang() === 'zh' ? '；' : '; ')}` : '';
}
