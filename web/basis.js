// Beside the total, what it rests on (result.documents, result.planned_totals): a plain sentence where no money is
// certain, the money of planned events (never in the total), and each document used with how current it is.
import { h } from './dom.js';
import { t, pick, money, moneyRange, langText } from './i18n.js';

// Why the total is a range: facts left blank (named, so that the person knows what to fill in), and ceilings
// (最高…) that the bureau fills in. The money others receive and planned events are not in the total.
export function uncertainty(result) {
  const open = (result.items ?? []).filter((i) => (i.status === 'granted' || i.status === 'capped') &&
    i.for_applicant !== false && !i.planned && i.total && i.total.min_yuan !== i.total.max_yuan);
  const facts = [...new Set(open.filter((i) => i.certain === false).flatMap((i) => (i.missing ?? []).map(pick)))];
  return { facts, ceilings: open.some((i) => i.certain !== false) };
}

export function totalBasis(result) {
  const out = [];
  const tot = result.totals ?? {};
  const planned = result.planned_totals ?? {};
  const why = uncertainty(result);
  if (why.facts.length) out.push(h('p', { class: 'total-missing' }, t('total_missing', { facts: why.facts.join(t('list_sep')) })));
  if (!tot.min_yuan && tot.max_yuan && why.ceilings) {
    out.push(h('p', { class: 'total-uncertain' }, t('total_nothing_certain', { max: money(tot.max_yuan) })));
  }
  if (planned.max_yuan) {
    out.push(h('p', { class: 'total-planned' },
      t('total_planned', { range: moneyRange(planned.min_yuan, planned.max_yuan) })));
  }
  const docs = result.documents ?? [];
  if (docs.length) {
    out.push(h('ul', { class: 'total-basis', 'aria-label': t('total_basis') }, docs.map((d) => h('li',
      { class: `doc-${d.status}` }, langText(pick(d.says))))));
  }
  return out;
}
