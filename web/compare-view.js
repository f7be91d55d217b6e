// "Other cities": the situation of a result under every city's documents, one card a city (README "Compare
// cities"). Computed in the page when opened; the figures are the core's compare(), nothing is added here.
import { h, clear } from './dom.js';
import { t, pick, moneyRange, lang } from './i18n.js';

export function otherCities({ calc, situation, cityLabel }) {
  const body = h('div', { class: 'compare-cards', id: 'compare-cards' });
  const box = h('details', { class: 'compare no-print', id: 'compare' },
    h('summary', {}, t('other_cities')), h('p', { class: 'hint' }, t('other_cities_hint')), body);
  box.addEventListener('toggle', () => {
    if (box.open && !body.firstChild) fill(body, calc.compare(situation), situation, cityLabel);
  });
  return box;
}

function fill(body, r, situation, cityLabel) {
  clear(body);
  if (!r || !r.ok) {
    body.append(h('p', { class: 'error' }, t('error', { msg: pick(r?.error) || r?.error?.code || 'error' })));
    return;
  }
  for (const { city, result } of r.cities) body.append(cityCard(city, result, r, situation, cityLabel));
}

function cityCard(city, result, r, situation, cityLabel) {
  const here = city === situation.city;
  const card = h('article', { class: `compare-card${here ? ' here' : ''}`, dataset: { city } },
    h('h3', {}, cityLabel(city), here ? t('compare_here') : ''));
  if (!result.ok) {
    card.append(h('p', { class: 'error' }, pick(result.error)));
    return card;
  }
  const total = result.totals ?? {};
  card.append(h('p', { class: 'compare-total', dataset: { min: total.min_yuan, max: total.max_yuan } },
    t('compare_total', { amount: moneyRange(total.min_yuan ?? 0, total.max_yuan ?? 0) })));
  const paid = (result.items ?? []).filter((i) => i.status === 'granted' || i.status === 'capped');
  card.append(h('p', {}, t('compare_items', { n: paid.length })));
  // Events by their place in the form (the core names an event without id e1, e2, … the same way).
  const events = situation.events ?? [];
  const place = (id) => {
    const i = events.findIndex((e, k) => (e.id ?? `e${k + 1}`) === id);
    return i < 0 ? id : String(i + 1);
  };
  const only = Object.entries(r.only_in ?? {}).filter(([, cities]) => cities.includes(city)).map(([id]) => place(id));
  if (only.length) card.append(h('p', { class: 'compare-only' }, t('compare_only', { ids: only.join(lang() === 'zh' ? '、' : ', ') })));
  for (const n of r.not_carried?.[city] ?? [])
    card.append(h('p', { class: 'compare-not-carried' }, t('compare_event', { n: place(n.event_id) }), pick(n)));
  const missing = r.missing?.[city] ?? [];
  if (missing.length)
    card.append(h('p', { class: 'compare-missing' }, t('compare_missing', { fields: missing.map((m) => pick(m)).join('、') })));
  return card;
}
