// "Other cities": the situation of a result under every city's documents (README "Compare cities"). Computed in the
// page when the fold is opened; every figure is the core's compare() (each city's own evaluation), grouped here by
// event. A table, a column a city, where there is room (≥ 900 px, and in print); a card a city on a phone.
import { h, clear } from './dom.js';
import { t, pick, money, moneyRange, lang, othersLabel } from './i18n.js';

const PAYS = new Set(['granted', 'capped']);
// The field that names an event, first found first: a title, platform or hired talent before the holder's level
// beside it (a 劳动模范 who is a 高级技师 is named by the title).
const MAIN_FIELDS = ['title', 'platform', 'talent', 'graduate_class', 'tier', 'level', 'squad', 'prize'];

export function otherCities({ calc, situation, cityLabel, catalog }) {
  const body = h('div', { class: 'compare-body', id: 'compare-body' });
  const box = h('details', { class: 'compare', id: 'compare' },
    h('summary', {}, t('other_cities')), h('p', { class: 'hint' }, t('other_cities_hint')), body);
  box.addEventListener('toggle', () => {
    if (box.open && !body.firstChild) fill(body, calc.compare(situation), situation, cityLabel, catalog);
  });
  return box;
}

function fill(body, r, situation, cityLabel, catalog) {
  clear(body);
  if (!r || !r.ok) {
    body.append(h('p', { class: 'error' }, t('error', { msg: pick(r?.error) || r?.error?.code || 'error' })));
    return;
  }
  const view = comparison(r, situation, catalog);
  body.append(table(view, cityLabel), h('div', { class: 'compare-cards', id: 'compare-cards' },
    view.cities.map((c) => card(c, view, cityLabel))));
}

// What the table and the cards show, read from the comparison: per city its totals, per event what it brings.
export function comparison(r, situation, catalog) {
  const events = (situation.events ?? []).map((e, k) => ({ id: e.id ?? `e${k + 1}`, place: k + 1, name: eventName(e, catalog) }));
  const cities = r.cities.map(({ city, result }) => {
    const c = { city, here: city === (situation.home_city ?? situation.city), ok: !!result.ok, error: result.error };
    if (!result.ok) return c;
    c.total = { min: result.totals?.min_yuan ?? 0, max: result.totals?.max_yuan ?? 0 };
    // Money the situation brings someone else (an enterprise's workers, the employer): not in the total, but the
    // reason a city may be one of those that pay for an event.
    c.others = (result.other_totals ?? []).map((o) => ({ ...o, who: othersLabel(result, o.recipient) }));
    c.byEvent = Object.fromEntries(events.map((e) => [e.id, { min: 0, max: 0, n: 0, unstated: 0, planned: 0 }]));
    c.other = { min: 0, max: 0, n: 0, unstated: 0, planned: 0 }; // items of no event (what the applicant may always do)
    c.paying = 0;
    c.nonMonetary = 0;
    for (const item of result.items ?? []) {
      if (item.status === 'non_monetary' && item.for_applicant) c.nonMonetary += 1;
      if (!PAYS.has(item.status) || !item.for_applicant) continue;
      c.paying += 1;
      // An item of several events (a yearly threshold) is its last event's: the others only count towards it.
      const ids = item.event_ids ?? [];
      const cell = ids.length ? c.byEvent[ids[ids.length - 1]] : c.other;
      if (!cell) continue;
      cell.n += 1;
      if (item.planned) cell.planned += 1;
      else if (!item.total) cell.unstated += 1;
      else cell.min += item.total.min_yuan, cell.max += item.total.max_yuan;
    }
    c.only = Object.entries(r.only_in ?? {}).filter(([, cs]) => cs.includes(city)).map(([id]) => placeOf(events, id));
    c.notCarried = Object.fromEntries((r.not_carried?.[city] ?? []).map((n) => [n.event_id, n]));
    const seen = new Set();
    c.missing = (r.missing?.[city] ?? []).filter((m) => !seen.has(m.field) && seen.add(m.field));
    return c;
  });
  // The city of the result first, then the others in the core's order.
  cities.sort((a, b) => Number(b.here) - Number(a.here));
  return { events, cities };
}

function placeOf(events, id) {
  const e = events.find((x) => x.id === id);
  return e ? String(e.place) : id;
}

// "高级技师" / "Skill level obtained: Senior technician": the event type and its main value, in the catalog's words.
function eventName(e, catalog) {
  const type = catalog?.event_types?.find((x) => x.id === e.type);
  const typeName = type ? pick(type) : e.type;
  const key = MAIN_FIELDS.find((k) => e[k] != null);
  if (!key) return typeName;
  const f = type?.fields?.find((x) => x.id === key);
  const value = pick(f?.options?.find((o) => o.id === e[key])) || String(e[key]);
  return `${typeName}${lang() === 'zh' ? '：' : ': '}${value}`;
}

function eventAmount(cell, notCarried) {
  if (notCarried) return h('span', { class: 'compare-not-carried' }, t('compare_not_counted'), ' ', h('small', {}, pick(notCarried)));
  if (!cell.n) return '—';
  const parts = [];
  if (cell.min || cell.max || !(cell.unstated || cell.planned)) parts.push(moneyRange(cell.min, cell.max));
  if (cell.unstated) parts.push(t('compare_unstated', { n: cell.unstated }));
  if (cell.planned) parts.push(t('compare_planned', { n: cell.planned }));
  return parts.join(lang() === 'zh' ? '；' : '; ');
}

const sep = () => (lang() === 'zh' ? '、' : ', ');

function rows(view) {
  const out = [
    { label: t('compare_certain'), cls: 'compare-certain', cell: (c) => money(c.total.min), data: (c) => ({ min: c.total.min }) },
    { label: t('compare_upto'), cls: 'compare-upto', cell: (c) => money(c.total.max), data: (c) => ({ max: c.total.max }) },
  ];
  for (const e of view.events)
    out.push({ label: t('compare_event_row', { n: e.place, name: e.name }), cls: 'compare-event',
      cell: (c) => eventAmount(c.byEvent[e.id], c.notCarried[e.id]),
      data: (c) => ({ event: e.id, min: c.byEvent[e.id].min, max: c.byEvent[e.id].max }) });
  if (view.cities.some((c) => c.other?.n))
    out.push({ label: t('compare_other'), cls: 'compare-event', cell: (c) => eventAmount(c.other),
      data: (c) => ({ event: '', min: c.other.min, max: c.other.max }) });
  out.push(
    { label: t('compare_paying'), cls: 'compare-paying', cell: (c) => String(c.paying) },
    { label: t('compare_non_monetary'), cls: 'compare-nonmoney', cell: (c) => String(c.nonMonetary) },
    { label: t('compare_only_row'), cls: 'compare-only', cell: (c) => (c.only.length ? t('compare_only_cell', { ids: c.only.join(sep()) }) : '—') },
    { label: t('compare_asks_row'), cls: 'compare-missing', cell: (c) => (c.missing.length ? c.missing.map((m) => pick(m)).join(sep()) : '—') });
  return out;
}

// A real table: the cities are the columns (th scope="col"), what they pay the rows (th scope="row").
function table(view, cityLabel) {
  const head = h('tr', {}, h('th', { scope: 'col' }, t('compare_what')),
    view.cities.map((c) => h('th', { scope: 'col', dataset: { city: c.city }, class: c.here ? 'here' : null },
      cityLabel(c.city), c.here ? t('compare_here') : '')));
  const body = rows(view).map((row) => h('tr', { class: row.cls }, h('th', { scope: 'row' }, row.label),
    view.cities.map((c) => (c.ok
      ? h('td', { dataset: { city: c.city, ...(row.data?.(c) ?? {}) }, class: c.here ? 'here' : null }, row.cell(c))
      : h('td', { dataset: { city: c.city }, class: 'error' }, pick(c.error))))));
  return h('div', { class: 'compare-wide' }, h('table', { class: 'compare-table', id: 'compare-table' },
    h('caption', {}, t('compare_caption')), h('thead', {}, head), h('tbody', {}, body)));
}

function card(c, view, cityLabel) {
  const el = h('article', { class: `compare-card${c.here ? ' here' : ''}`, dataset: { city: c.city } },
    h('h3', {}, cityLabel(c.city), c.here ? t('compare_here') : ''));
  if (!c.ok) {
    el.append(h('p', { class: 'error' }, pick(c.error)));
    return el;
  }
  el.append(h('p', { class: 'compare-total', dataset: { min: c.total.min, max: c.total.max } },
    t('compare_total', { amount: moneyRange(c.total.min, c.total.max) })));
  for (const o of c.others)
    el.append(h('p', { class: 'hint compare-others' },
      t('other_total', { who: o.who, amount: moneyRange(o.min_yuan, o.max_yuan) })));
  const list = h('ul', { class: 'compare-events' });
  for (const e of view.events)
    list.append(h('li', { dataset: { event: e.id, min: c.byEvent[e.id].min, max: c.byEvent[e.id].max } },
      `${t('compare_event_row', { n: e.place, name: e.name })}${lang() === 'zh' ? '：' : ': '}`,
      eventAmount(c.byEvent[e.id], c.notCarried[e.id])));
  if (view.events.length) el.append(list);
  el.append(h('p', {}, t('compare_items', { n: c.paying })));
  if (c.only.length) el.append(h('p', { class: 'compare-only' }, t('compare_only', { ids: c.only.join(sep()) })));
  if (c.missing.length)
    el.append(h('p', { class: 'compare-missing' }, t('compare_missing', { fields: c.missing.map((m) => pick(m)).join(sep()) })));
  return el;
}
