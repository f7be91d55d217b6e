// The claim sheet (申领清单): the one page a worker prints and hands to a clerk. What was entered, every item granted
// with its amount, clause, handling unit and what to bring, the total, where to ask, the rules version and date, the
// guidance notice, and a QR code of the share link so that the clerk opens the same result. Shown only in print.
import { h } from './dom.js';
import { t, pick, money, moneyRange, clauseLabel, lang, langText, recipientLabel, setAudience } from './i18n.js';
import { qrSvg } from './qr.js';
import { timelineLine } from './timeline-view.js';
import { uncertainty } from './basis.js';

const WORDS = {
  zh: {
    title: '申领清单', entered: '填写的情况', item: '项目', amount: '金额', clause: '依据', unit: '办理单位',
    bring: '需准备', total: '合计', ask: '咨询', paid: '拨付', cadence: '周期', scan: '扫码打开同一计算结果',
    none: '没有符合条件的待遇。', benefit: '待遇',
  },
  en: {
    title: 'Claim sheet', entered: 'What was entered', item: 'Item', amount: 'Amount', clause: 'Clause',
    unit: 'Handled by', bring: 'Have ready', total: 'Total', ask: 'Ask', paid: 'Paid', cadence: 'How often',
    scan: 'Scan to open the same result', none: 'No entitlement met.', benefit: 'Entitlement',
  },
};
const w = (k) => WORDS[lang() === 'zh' ? 'zh' : 'en'][k];
const colon = (s) => (lang() === 'zh' ? `${s}：` : `${s}: `);

// The claim steps of one item as (label, text) pairs, for the result's cards: who handles it, what to have ready,
// when it is paid and how often selections happen, where the text says so.
export function claimFacts(item) {
  const c = item.claim;
  if (!c) return [];
  const out = [];
  if (c.handled_by) out.push([w('unit'), pick(c.handled_by)]);
  if (c.bring?.length) out.push([w('bring'), c.bring.map((b) => pick(b)).join(lang() === 'zh' ? '；' : '; ')]);
  if (c.paid) out.push([w('paid'), pick(c.paid)]);
  if (c.cadence) out.push([w('cadence'), pick(c.cadence)]);
  return out;
}

function amountOf(item) {
  if (item.status === 'non_monetary') return pick(item.benefit);
  if (item.total) return moneyRange(item.total.min_yuan, item.total.max_yuan);
  return item.amount?.kind === 'unstated' ? t('amount_unstated') : t('total_unknown_item');
}

function docNumber(item, docs) {
  const doc = docs.get(item.source?.document_id);
  return item.source?.document ?? doc?.number ?? '';
}

function row(item, ctx) {
  const c = item.claim ?? {};
  const n = ctx.situation.events.findIndex((e) => e.id === item.event_ids?.[0]);
  const type = n >= 0 ? ctx.catalog?.event_types.find((e) => e.id === ctx.situation.events[n].type) : null;
  const what = [type ? t('event_n', { n: n + 1, name: pick(type) }) : '', pick(item.option)].filter(Boolean).join(' · ');
  // Money that is not the applicant's, or not yet due, is said so on its row: the rows add up to the total.
  const apart = [
    item.recipient && item.for_applicant === false
      ? `${colon(t('recipient'))}${recipientLabel(item)}${t('not_in_total')}` : '',
    item.planned ? `${t('status_planned')}${t('not_in_total')}` : '',
  ].filter(Boolean);
  const extra = [c.paid ? colon(w('paid')) + pick(c.paid) : '', c.cadence ? colon(w('cadence')) + pick(c.cadence) : '']
    .filter(Boolean);
  const unit = c.handled_by;
  return h('tr', { dataset: { clause: item.clause_id } },
    h('td', {}, h(item.status === 'non_monetary' ? 'span' : 'strong', { class: 'sheet-amount' }, langText(amountOf(item))),
      what ? h('div', { class: 'sheet-what' }, langText(what)) : null,
      apart.map((x) => h('div', { class: 'sheet-apart' }, langText(x))),
      extra.map((x) => h('div', { class: 'sheet-extra' }, langText(x)))),
    h('td', {}, h('span', { lang: 'zh-Hans' }, docNumber(item, ctx.docs)), ' ', clauseLabel(item.source?.clause)),
    h('td', { class: 'sheet-unit' }, unit ? langText(pick(unit)) : '—',
      unit?.role ? h('div', { class: 'sheet-extra' }, langText(pick(unit.role))) : null),
    h('td', {}, (c.bring ?? []).length
      ? h('ul', {}, c.bring.map((b) => h('li', {}, langText(pick(b))))) : '—'));
}

// The QR code is drawn just after the result is on screen (encoding it takes as long as drawing the rest), and at
// once should the page be printed before that. A figure no longer in the page is left alone.
const pending = new Set();

function drawQr(figure) {
  if (!pending.delete(figure) || !figure.isConnected) return;
  try {
    const svg = qrSvg(figure.dataset.link, { title: w('scan') });
    figure.style.setProperty('--qr-size', `${qrMillimetres(svg)}mm`);
    figure.prepend(svg);
  } catch {
    figure.remove();  // a link too long for a QR code: the sheet prints the link itself
  }
}

// A printed module of at least 1/3 mm, which a cheap phone's camera still reads: 34 mm holds about 100 modules (a
// link of two or three events); a longer link (more events) prints a larger code, up to 60 mm (about 180 modules).
function qrMillimetres(svg) {
  const n = Number(svg.getAttribute('viewBox').split(' ')[2]);
  return Math.min(60, Math.max(34, Math.ceil(n / 3)));
}

function drawQrSoon(figure, link) {
  figure.dataset.link = link;
  pending.add(figure);
  requestAnimationFrame(() => setTimeout(() => drawQr(figure), 0));  // after the frame that shows the result
  setTimeout(() => drawQr(figure), 250);  // a page in the background has no frames
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeprint', () => { for (const f of [...pending]) drawQr(f); });
}

// ctx: { result, situation, catalog, docs, cityLabel, summary (an element: the situation in words), link (share URL or ''), printed }
export function claimSheet(ctx) {
  setAudience(ctx.situation?.applicant?.kind);
  const items = (ctx.result.items ?? []).filter((i) => ['granted', 'capped', 'non_monetary'].includes(i.status));
  // The applicant's own money first, then what others receive because of it (a sending unit's 10万元 led the sheet).
  const money_ = items.filter((i) => i.status !== 'non_monetary')
    .sort((a, b) => (a.for_applicant === false) - (b.for_applicant === false));
  const other = items.filter((i) => i.status === 'non_monetary');
  const table = (list, head) => h('table', { class: 'sheet-table' },
    h('thead', {}, h('tr', {}, [head, w('clause'), w('unit'), w('bring')].map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, list.map((i) => row(i, ctx))));
  const tot = ctx.result.totals ?? { min_yuan: 0, max_yuan: 0 };
  const when = timelineLine(ctx.result, ctx.situation);
  const missing = uncertainty(ctx.result).facts;  // said on paper too: what to fill in before the amount is certain
  const asks = [...new Set(money_.concat(money_.length ? [] : other).map((i) => pick(i.claim?.ask)).filter(Boolean))];
  const qr = ctx.link ? h('figure', { class: 'sheet-qr' }, h('figcaption', {}, w('scan'))) : null;
  if (qr) drawQrSoon(qr, ctx.link);
  return h('section', { id: 'claim-sheet', class: 'claim-sheet print-only', 'aria-hidden': 'true' },
    h('div', { class: 'sheet-head' },
      h('div', {},
        h('h2', {}, `${w('title')} · ${ctx.cityLabel}`),
        h('p', { class: 'sheet-total' }, colon(w('total')),
          h('strong', {}, tot.max_yuan ? moneyRange(tot.min_yuan, tot.max_yuan) : money(0))),
        missing.length ? h('p', { class: 'sheet-missing' }, t('total_missing', { facts: missing.join(t('list_sep')) })) : null,
        when ? h('p', { class: 'sheet-when' }, langText(when)) : null,
        h('div', { class: 'sheet-entered' }, h('h3', {}, w('entered')), ctx.summary)),
      qr),
    items.length ? null : h('p', {}, w('none')),
    items.length ? table(money_.concat(other), other.length ? `${w('amount')} / ${w('benefit')}` : w('amount')) : null,
    asks.length ? h('div', { class: 'sheet-ask' }, h('h3', {}, w('ask')), asks.map((a) => h('p', {}, langText(a)))) : null,
    h('p', { class: 'sheet-guidance' }, t('guidance')),
    h('p', { class: 'sheet-foot' }, ctx.printed, ' · ', t('rules_version', { v: ctx.result.rules_version ?? '' }),
      ctx.link ? h('span', { class: 'sheet-link' }, ` · ${ctx.link}`) : null));
}
