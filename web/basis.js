// Beside the total, what it rests on (result.documents, result.planned_totals): a plain sentence where no money is
// certain, the money of planned events (never in the total), and each document used with how current it is.
import { h } from './dom.js';
import { t, pick, money, moneyRange, langText } from './i18n.js';

export function totalBasis(result) {
  const out = [];
  const tot = result.totals ?? {};
  const planned = result.planned_totals ?? {};
  if (!tot.min_yuan && tot.max_yuan) {
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
