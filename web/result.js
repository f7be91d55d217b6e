// The result: totals, one card per entitlement, what was not counted and why, suggestions and notes.
import { h } from './dom.js';
import { fieldLabel } from './form.js';
import { totalBasis, uncertainty } from './basis.js';
import { t, pick, money, moneyRange, clauseLabel, payerLabel, formatDate, langText, lang, groupDigits, recipientLabel, othersLabel, setAudience } from './i18n.js';
import { claimFacts } from './claim-sheet.js';

const MONEY_STATUSES = new Set(['granted', 'capped']);

// A plan is not yet money, and money that waits on a blank fact is not yet certain: neither is badged 可享受.
function badgeOf(item) {
  if (item.planned) return 'planned';
  if (item.for_applicant === false && MONEY_STATUSES.has(item.status)) return 'others';
  if (item.certain === false && MONEY_STATUSES.has(item.status)) return 'uncertain';
  return item.status;
}
const LOST_STATUSES = new Set(['excluded', 'superseded', 'outside_period']);

function amountText(a) {
  switch (a?.kind) {
    case 'fixed': return money(a.yuan);
    case 'range': return t('amount_range', { min: money(a.min_yuan), max: money(a.max_yuan) });
    case 'up_to': return t('amount_upto', { amount: money(a.max_yuan) });
    case 'floor': return t('amount_floor', { amount: money(a.min_yuan) });
    case 'percent': {
      let s = t('amount_percent', { p: a.percent, base: money(a.base_yuan) });
      if (a.yuan != null) s += ` = ${money(a.yuan)}`;
      if (a.max_yuan != null) s += t('amount_percent_cap', { max: money(a.max_yuan) });
      return s;
    }
    case 'unstated': return t('amount_unstated');
    default: return '';
  }
}

function scheduleText(s) {
  if (!s || s.kind === 'once') return t('once');
  if (s.kind === 'monthly') return s.count != null ? t('monthly', { n: s.count }) : t('monthly_open');
  if (s.kind === 'yearly') return s.count != null ? t('yearly', { n: s.count }) : t('yearly_open');
  if (s.kind === 'term') return t('term', { n: s.count });
  return s.kind;
}

function totalText(total) {
  if (!total) return '';
  return moneyRange(total.min_yuan, total.max_yuan);
}

function sourceRef(source, docs) {
  const doc = docs.get(source?.document_id) ?? [...docs.values()].find((d) => d.number === source?.document);
  return { number: source?.document ?? doc?.number ?? '', clause: clauseLabel(source?.clause), title: doc?.title ?? '' };
}

// "威政办发〔2025〕3号 第2条" for the item of `clauseId` among the result's items (or the bare id).
function clauseRef(clauseId, items, docs, fallbackDoc) {
  const it = items.find((i) => i.clause_id === clauseId);
  const sep = lang() === 'zh' ? '' : ' ';
  if (it) { const r = sourceRef(it.source, docs); return `${r.number}${sep}${r.clause}`; }
  return fallbackDoc ? `${fallbackDoc}${sep}(${clauseId})` : clauseId;
}

function eventLabel(item, ctx) {
  const id = item.event_ids?.[0];
  const ev = ctx.situation.events.find((e) => e.id === id);
  const type = ctx.catalog?.event_types.find((e) => e.id === ev?.type);
  const n = ev ? ctx.situation.events.indexOf(ev) + 1 : null;
  return { n, name: type ? pick(type) : t('event_fallback') };
}

function reasonText(item, ctx) {
  if (item.status === 'excluded' && item.excluded_by) {
    const special = { same_title: 'excluded_same_title', first_only: 'excluded_first_only',
      same_result: 'excluded_same_result', same_review: 'excluded_same_review',
      review_of_earlier: 'excluded_review_of_earlier' };
    return t(special[item.excluded_by.rule] ?? 'excluded_by',
      { what: clauseRef(item.excluded_by.clause_id, ctx.result.items, ctx.docs) });
  }
  if (item.status === 'superseded' && item.superseded_by) {
    return t('superseded_by', {
      what: clauseRef(item.superseded_by.clause_id, ctx.result.items, ctx.docs, item.superseded_by.document) });
  }
  if (item.status === 'capped' && item.capped_by) {
    return t('capped_by', { before: totalText(item.capped_by.before), max: money(item.capped_by.max_yuan) });
  }
  return '';
}

function card(item, ctx) {
  const ev = eventLabel(item, ctx);
  const what = [ev.name, pick(item.option)].filter(Boolean).join(' · ');
  const monetary = item.amount?.kind && item.amount.kind !== 'none';
  // 不低于: the floor is what the totals count, never a ceiling ("最高2000元" where more may be paid).
  const floor = item.amount?.kind === 'floor';
  const headline = monetary ? (item.total && !floor ? totalText(item.total) : amountText(item.amount)) : pick(item.benefit);
  const ref = sourceRef(item.source, ctx.docs);
  const lines = [];
  if (monetary) {
    const unit = amountText(item.amount);
    const perHead = item.heads > 1 && item.amount.kind !== 'percent'
      ? (item.unit ? t('per_unit', { amount: unit, n: item.heads, unit: pick(item.unit) })
        : t('per_head', { amount: unit, n: item.heads })) : unit;
    lines.push([perHead, scheduleText(item.schedule)].filter(Boolean).join(' · '));
    if (!item.total && MONEY_STATUSES.has(item.status)) lines.push(t('total_unknown_item'));
  }
  const reason = reasonText(item, ctx);
  const payers = (item.payers ?? []).map((p) => payerLabel(p.who) + (p.share && p.share !== '1' ? ` ${p.share}` : ''));
  const quoteId = `q-${ctx.seq++}`;
  const dl = h('dl', { class: 'facts' });
  const fact = (k, v, vLang) => { if (v) dl.append(h('dt', {}, k), h('dd', vLang ? { lang: vLang } : {}, v)); };
  if (ev.n) fact(t('about_event'), t('event_n', { n: ev.n, name: ev.name }));
  if (payers.length) fact(t('payers'), payers.join(t('list_sep')));
  if (item.recipient && item.for_applicant === false) fact(t('recipient'), recipientLabel(item) + t('not_in_total'));
  for (const [k, v] of claimFacts(item)) fact(k, langText(v));
  if (item.certain === false) fact(t('missing'), (item.missing ?? []).map((f) => pick(f)).join(t('list_sep')));
  const basis = h('dd', {}, h('span', { lang: 'zh-Hans', class: 'docno' }, ref.number), ' ', ref.clause,
    ref.title ? h('span', { class: 'doctitle', lang: 'zh-Hans' }, `《${ref.title}》`) : null);
  dl.append(h('dt', {}, t('basis')), basis);

  return h('li', { class: `card status-${item.status}${item.for_applicant === false ? ' for-others' : ''}`, dataset: { clause: item.clause_id, status: item.status,
    min: item.total?.min_yuan ?? '', max: item.total?.max_yuan ?? '' } },
  h('article', { 'aria-labelledby': `${quoteId}-h` },
    h('p', { class: 'badges' },
      h('span', { class: `badge badge-${badgeOf(item)}` }, t(`status_${badgeOf(item)}`)),
      badgeOf(item) === 'others' && item.certain === false
        ? h('span', { class: 'badge badge-uncertain' }, t('status_uncertain')) : null,
      item.ambiguous ? h('span', { class: 'badge badge-ambiguous' }, t('ambiguous')) : null),
    h('h4', { id: `${quoteId}-h` },
      item.for_applicant === false && item.recipient
        ? h('span', { class: 'who' }, t('others_receive', { who: recipientLabel(item) })) : null,
      headline ? h('span', { class: monetary ? 'amount' : 'benefit' }, langText(headline)) : null,
      h('span', { class: 'what' }, langText(what))),
    lines.map((l) => h('p', { class: 'schedule' }, langText(l))),
    reason ? h('p', { class: 'reason' }, h('strong', {}, label(t('reason'))), langText(reason)) : null,
    h('p', { class: 'explain' }, langText(pick(item.explain))),
    dl,
    item.source?.quote ? h('details', { class: 'quote' },
      h('summary', {}, t('quote')),
      h('blockquote', { lang: 'zh-Hans', id: quoteId }, item.source.quote,
        h('footer', {}, `— ${ref.number} ${clauseLabel(item.source.clause)}`))) : null));
}

// "原因：" / "Why: "
function label(text) {
  return lang() === 'zh' ? `${text}：` : `${text}: `;
}

function suggestionCard(s, ctx) {
  const ref = sourceRef(s.source, ctx.docs);
  const worth = s.worth && s.worth.max_yuan ? (s.worth.at_least ? t('worth_at_least', {
    range: moneyRange(s.worth.min_yuan, s.worth.max_yuan) }) : moneyRange(s.worth.min_yuan, s.worth.max_yuan)) +
    (s.worth.per === 'person' ? t('worth_per_person')
      : s.unit ? t('worth_per_unit', { unit: pick(s.unit) }) : '') : '';
  const benefit = pick(s.benefit);
  const heading = worth || benefit || pick(s.needs);
  return h('li', { class: 'card suggestion', dataset: { clause: s.clause_id } },
    h('article', {},
      h('h4', {}, h('span', { class: worth ? 'amount' : 'benefit' }, langText(heading))),
      worth && benefit ? h('p', {}, langText(benefit)) : null,
      heading === pick(s.needs) ? null : h('p', {}, h('strong', {}, label(t('needs'))), langText(pick(s.needs))),
      h('p', { class: 'src' }, h('span', { lang: 'zh-Hans' }, ref.number), lang() === 'zh' ? '' : ' ', ref.clause)));
}

// The situation as entered, in words (shown folded on screen, in full when printed).
export function situationSummary(situation, catalog, cityLabel) {
  const kind = catalog?.applicant_kinds.find((k) => k.id === situation.applicant?.kind);
  const dl = h('dl', { class: 'facts' },
    h('dt', {}, t('city_label')), h('dd', {}, cityLabel),
    h('dt', {}, t('kind_label')), h('dd', {}, kind ? pick(kind) : situation.applicant?.kind ?? ''));
  const valueText = (f, v) => {
    if (f?.type === 'enum') return pick(f.options?.find((o) => o.id === v)) || String(v);
    if (f?.type === 'bool') return v === true ? t('yes') : v === false ? t('no') : '—';
    if (f?.type === 'date') return formatDate(v);
    if (f?.type === 'int' && Number.isSafeInteger(Number(v))) return /_yuan$/.test(f.id) ? money(Number(v)) : groupDigits(Number(v));
    return String(v);
  };
  for (const [k, v] of Object.entries(situation.applicant ?? {})) {
    if (k === 'kind') continue;
    const f = catalog?.applicant_fields.find((x) => x.id === k);
    dl.append(h('dt', {}, f ? fieldLabel(f) : k), h('dd', {}, valueText(f, v)));
  }
  const list = h('ol', { class: 'events-summary' });
  for (const e of situation.events ?? []) {
    const type = catalog?.event_types.find((x) => x.id === e.type);
    const parts = Object.entries(e).filter(([k]) => k !== 'id' && k !== 'type').map(([k, v]) => {
      const f = type?.fields.find((x) => x.id === k);
      return `${label(k === 'date' ? t('date_label') : f ? fieldLabel(f) : k)}${valueText(f, v)}`;
    });
    list.append(h('li', {}, h('strong', {}, type ? pick(type) : e.type), parts.length ? ` — ${parts.join(lang() === 'zh' ? '；' : '; ')}` : ''));
  }
  return h('div', { class: 'situation' }, dl, list,
    h('p', { class: 'hint' }, `${label(t('as_of'))}${formatDate(situation.as_of)}`));
}

// How many items in the applicant's total the text sets as 不低于 a figure: the total counts their least.
function floorItems(result) {
  return (result.items ?? []).filter((i) => MONEY_STATUSES.has(i.status) && i.for_applicant && !i.planned &&
    i.total && i.amount?.kind === 'floor').length;
}

export function summaryText(result) {
  const tot = result.totals ?? {};
  // The applicant's own entitlements due now: others' money and plans are said apart, never counted as theirs.
  const own = (i) => i.for_applicant !== false && !i.planned;
  const items = result.items.filter((i) => own(i) && (MONEY_STATUSES.has(i.status) || i.status === 'non_monetary')).length;
  const others = result.items.filter((i) => i.for_applicant === false && !i.planned && MONEY_STATUSES.has(i.status)).length;
  let s;
  if (!tot.max_yuan) s = t('total_none');
  else if (!tot.min_yuan) {
    const why = uncertainty(result);
    s = why.facts.length && !why.ceilings
      ? `${t('total_upto')} ${money(tot.max_yuan)}。${t('total_missing', { facts: why.facts.join(t('list_sep')) })}`
      : t('total_nothing_certain', { max: money(tot.max_yuan) });
  }
  else if (tot.min_yuan === tot.max_yuan && floorItems(result))
    s = `${t('total_sum')} ${t('amount_floor', { amount: money(tot.max_yuan) })}。`;
  else if (tot.min_yuan === tot.max_yuan) s = `${t('total_sum')} ${money(tot.max_yuan)}。`;
  else s = `${t('total_certain')} ${money(tot.min_yuan)}，${t('total_upto')} ${money(tot.max_yuan)}。`;
  if (lang() === 'en') s = s.replace(/[。，]/g, (c) => (c === '。' ? '. ' : ', ')).trim();
  return `${s} ${t('announce_items', { n: items })}${others ? t('announce_others', { n: others }) : ''}`;
}

// A group that is not money granted (entitlements without money, items not counted) folds under its heading, so
// that the money, its claim steps and the total come first on a phone.
function folded(group) {
  if (!group) return null;
  const heading = group.querySelector('h3');
  const box = h('details', { class: group.className });
  box.append(h('summary', {}, heading), ...group.childNodes);
  return box;
}

// The closest three suggestions (the core ranks them), the rest behind one "more" control.
const SHOWN_SUGGESTIONS = 3;
function suggestionsSection(section, cards) {
  const box = section(t('suggestions'), 'suggestions', cards.slice(0, SHOWN_SUGGESTIONS));
  const rest = cards.slice(SHOWN_SUGGESTIONS);
  if (box && rest.length) {
    box.append(h('details', { class: 'more-suggestions' },
      h('summary', {}, lang() === 'zh' ? `其余 ${rest.length} 项` : `${rest.length} more`),
      h('ul', { class: 'cards' }, rest)));
  }
  return box;
}

// ctx: { result, situation, catalog, docs (Map id -> document) }
export function renderResult(ctx) {
  ctx.seq = 0;
  setAudience(ctx.situation?.applicant?.kind);
  const { result } = ctx;
  const items = result.items ?? [];
  // Money others receive because of the situation (a sending unit's, an enterprise's workers') in a group of its own,
  // after the applicant's: a card of it first under 可以享受 read as the applicant's own.
  const money_ = items.filter((i) => MONEY_STATUSES.has(i.status) && i.for_applicant !== false);
  const others = items.filter((i) => MONEY_STATUSES.has(i.status) && i.for_applicant === false);
  const nonMoney = items.filter((i) => i.status === 'non_monetary');
  const lost = items.filter((i) => LOST_STATUSES.has(i.status));
  const unknown = money_.filter((i) => !i.total).length;
  const floors = floorItems(result);
  const tot = result.totals ?? { min_yuan: 0, max_yuan: 0 };

  const totals = h('div', { class: 'totals', id: 'totals', dataset: { min: tot.min_yuan, max: tot.max_yuan } });
  if (!tot.max_yuan) {
    totals.append(h('p', { class: 'total-none' }, t('total_none')));
  } else if (tot.min_yuan === tot.max_yuan) {
    const sum = floors ? t('amount_floor', { amount: money(tot.max_yuan) }) : money(tot.max_yuan);
    totals.append(h('p', { class: 'total-line' }, h('span', { class: 'total-label' }, t('total_sum')),
      h('span', { class: 'total-amount' }, sum)));
  } else if (!tot.min_yuan) { // nothing certain: no large green 0, the sentence of totalBasis says why
    totals.append(h('p', { class: 'total-line upto' }, h('span', { class: 'total-label' }, t('total_upto')),
      h('span', { class: 'total-amount' }, money(tot.max_yuan))));
  } else {
    totals.append(
      h('p', { class: 'total-line' }, h('span', { class: 'total-label' }, t('total_certain')),
        h('span', { class: 'total-amount' }, money(tot.min_yuan))),
      h('p', { class: 'total-line upto' }, h('span', { class: 'total-label' }, t('total_upto')),
        h('span', { class: 'total-amount' }, money(tot.max_yuan))));
  }
  if (unknown) totals.append(h('p', { class: 'hint' }, t('total_unknown', { n: unknown })));
  if (floors) totals.append(h('p', { class: 'hint total-floor' }, t('total_floor', { n: floors })));
  for (const o of result.other_totals ?? []) {
    const amount = o.min_yuan === o.max_yuan ? money(o.max_yuan) : `${money(o.min_yuan)}–${money(o.max_yuan)}`;
    // With no total shown (nothing of the applicant's own), there is no "total above" to be outside of.
    const key = tot.max_yuan ? 'other_total' : 'other_total_alone';
    totals.append(h('p', { class: 'hint other-total' }, t(key, { who: othersLabel(result, o.recipient), amount })));
  }
  totals.append(...totalBasis(result));

  const section = (title, cls, list, hint) => (list.length ? h('section', { class: `result-group ${cls}` },
    h('h3', {}, `${title}（${list.length}）`.replace(/（(\d+)）/, lang() === 'zh' ? '（$1）' : ' ($1)')),
    hint ? h('p', { class: 'hint' }, hint) : null,
    h('ul', { class: 'cards' }, list)) : null);

  const notes = [...new Map((result.notes ?? []).map((n) => [pick(n), n])).keys()];
  return [
    totals,
    h('p', { class: 'guidance', role: 'note' }, t('guidance')),
    section(t('entitlements'), 'granted', money_.map((i) => card(i, ctx))),
    folded(section(t('others_money'), 'others', others.map((i) => card(i, ctx)))),
    folded(section(t('non_monetary'), 'nonmonetary', nonMoney.map((i) => card(i, ctx)))),
    folded(section(t('not_counted'), 'lost', lost.map((i) => card(i, ctx)), t('not_counted_hint'))),
    suggestionsSection(section, (result.suggestions ?? []).map((s) => suggestionCard(s, ctx))),
    notes.length ? h('details', { class: 'notes' },
      h('summary', {}, `${t('notes')}${lang() === 'zh' ? `（${notes.length}）` : ` (${notes.length})`}`),
      h('ul', {}, notes.map((n) => h('li', {}, langText(n))))) : null,
  ];
}
