// When the money comes: a result laid out per calendar year (and per month for monthly allowances), pure data, no
// DOM, so that node tests and the page read the same figures (README "When the money comes").
//
// - Only the applicant's own money (what `totals` counts: granted or capped items for the applicant, with a total)
//   goes in the main series; the money of planned events (`planned_totals`) is laid out apart, marked `planned`.
// - A payment the text gives a term for but no instalments (`term`), a monthly or yearly allowance without a term, an
//   amount the text does not state, or an item whose event has no date: no year is guessed. Such an item goes in
//   `unstated` (with its total where the result counts one, so that every year plus `unstated` adds up to the totals).
// - A period's money is the item's own amount (× its heads), never a total divided: 48 months of 1000 yuan are 48
//   entries of 1000. A periodic item whose periods would not add up to its total (a cap cut the total) is not split:
//   it goes in `unstated` with its total.
// - The first payment falls on the item's event date (the latest of its events; an event without a date happens on
//   `as_of`), or `years_later` calendar years after it where the text says so (`claim.paid.years_later`, 烟台 (十六):
//   当年…核准的资金项目于次年拨付). Each item's `basis` says which.
// All figures are whole yuan (JS numbers are exact far beyond these sums).

const MONEY = new Set(['granted', 'capped']);

// The day an item's money is reckoned from: the latest date among its events (an undated event: as_of).
function eventDate(item, result, situation) {
  const events = situation?.events ?? [];
  let latest = null;
  for (const id of item.event_ids ?? []) {
    const k = events.findIndex((e, i) => (e.id ?? `e${i + 1}`) === id);
    if (k < 0) return null;
    const d = events[k].date ?? situation.as_of ?? result.as_of;
    if (!d) return null;
    if (!latest || d > latest) latest = d;
  }
  return latest;
}

// One period's money of an item: its own amount times its heads (never its total divided).
function perPeriod(item, partlyCertain = false) {
  const a = item.amount ?? {};
  const heads = item.heads ?? 1;
  let lo;
  let hi;
  if (a.kind === 'fixed') [lo, hi] = [a.yuan, a.yuan];
  else if (a.kind === 'range') [lo, hi] = [a.min_yuan, a.max_yuan];
  else if (a.kind === 'up_to') [lo, hi] = [0, a.max_yuan];
  else if (a.kind === 'floor') [lo, hi] = [a.min_yuan, a.min_yuan];
  else if (a.kind === 'percent' && a.yuan != null) [lo, hi] = [a.yuan, a.yuan];
  else return null;
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) return null;
  return { min: item.certain === false && !partlyCertain ? 0 : lo * heads, max: hi * heads };
}

// Why an item has no place in time (or null when it has one).
function unstatedReason(item, start) {
  const s = item.schedule ?? { kind: 'once' };
  if (!item.total) return s.count == null && (s.kind === 'monthly' || s.kind === 'yearly') ? 'no_term' : 'no_amount';
  if (s.kind === 'term') return 'term';
  if (!start) return 'no_date';
  if (!['once', 'monthly', 'yearly'].includes(s.kind)) return 'no_term';
  return null;
}

// The payments of a periodic item: { year, month, min, max } a period; null when they do not add up to its total.
function periods(item, start, yearsLater) {
  const s = item.schedule;
  const early = s.earlier_term ?? 0; // first months an earlier term from before the document may pay: not certain
  const per = perPeriod(item, early > 0);
  if (!per || !Number.isSafeInteger(s.count) || s.count < 0) return null;
  const sure = s.min_count ?? s.count; // periods certain to be paid (count_from left blank: one), after `early`
  const [y0, m0] = start.split('-').map(Number);
  const skip = s.overlap ?? 0; // months an earlier term of the same allowance already pays: this one's come after
  const out = [];
  for (let k = 0; k < s.count; k++) {
    const min = k >= early && k < early + sure ? per.min : 0;
    if (s.kind === 'monthly') {
      const m = m0 - 1 + skip + k;
      out.push({ year: y0 + yearsLater + Math.floor(m / 12), month: (m % 12) + 1, min, max: per.max });
    } else {
      out.push({ year: y0 + yearsLater + k, month: null, min, max: per.max });
    }
  }
  const sum = (f) => out.reduce((n, p) => n + p[f], 0);
  return sum('min') === item.total.min_yuan && sum('max') === item.total.max_yuan ? out : null;
}

// One item laid out: { entry (what the page shows of it), rows (its payments), unstated (or null) }.
function layOut(item, index, result, situation) {
  const s = item.schedule ?? { kind: 'once' };
  const start = eventDate(item, result, situation);
  const yearsLater = item.claim?.paid?.years_later ?? 0;
  const entry = {
    index, clause_id: item.clause_id, planned: item.planned === true, kind: s.kind, count: s.count ?? null,
    start, years_later: yearsLater, basis: yearsLater ? 'years_later' : 'event_date',
    per: perPeriod(item), total: item.total ? { min: item.total.min_yuan, max: item.total.max_yuan } : null,
  };
  let reason = unstatedReason(item, start);
  let rows = [];
  if (!reason && s.kind === 'once') {
    rows = [{ year: Number(start.slice(0, 4)) + yearsLater, month: null, min: entry.total.min, max: entry.total.max }];
  } else if (!reason) {
    rows = periods(item, start, yearsLater);
    if (!rows) { reason = 'not_split'; rows = []; }
  }
  entry.reason = reason;
  if (reason) entry.basis = 'not_stated';
  if (reason === 'term' && start) entry.from_year = Number(start.slice(0, 4)) + yearsLater;
  const tag = (r) => ({ ...r, index, clause_id: item.clause_id, planned: entry.planned });
  const unstated = reason ? { index, clause_id: item.clause_id, planned: entry.planned, reason,
    counted: !!entry.total, min: entry.total?.min ?? null, max: entry.total?.max ?? null } : null;
  return { entry, rows: rows.map(tag), unstated };
}

// The timeline of a result: { items, rows, unstated, years, planned_years, sum, planned_sum }.
//   rows: { year, month (1-12, monthly allowances only; else null), index (in result.items), clause_id, planned,
//           min, max }, in order of year, month and item;
//   unstated: { index, clause_id, planned, reason ('term' | 'no_term' | 'no_amount' | 'no_date' | 'not_split'),
//               counted (its total is in the totals), min, max (null when not counted) };
//   years / planned_years: { year, min, max } per calendar year of the main / planned series;
//   sum / planned_sum: every year plus the counted unstated money (equal to totals / planned_totals).
export function timeline(result, situation) {
  const items = [];
  const rows = [];
  const unstated = [];
  (result?.items ?? []).forEach((item, index) => {
    if (!MONEY.has(item.status) || item.for_applicant === false) return;
    const laid = layOut(item, index, result, situation);
    items.push(laid.entry);
    rows.push(...laid.rows);
    if (laid.unstated) unstated.push(laid.unstated);
  });
  rows.sort((a, b) => a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || a.index - b.index);
  const series = (planned) => {
    const years = new Map();
    for (const r of rows.filter((x) => x.planned === planned)) {
      const y = years.get(r.year) ?? { year: r.year, min: 0, max: 0 };
      y.min += r.min;
      y.max += r.max;
      years.set(r.year, y);
    }
    const list = [...years.values()].sort((a, b) => a.year - b.year);
    const sum = { min: 0, max: 0 };
    for (const y of list) { sum.min += y.min; sum.max += y.max; }
    for (const u of unstated) if (u.planned === planned && u.counted) { sum.min += u.min; sum.max += u.max; }
    return { list, sum };
  };
  const own = series(false);
  const planned = series(true);
  return { items, rows, unstated, years: own.list, sum: own.sum, planned_years: planned.list, planned_sum: planned.sum };
}

// The rows of one item in one year, gathered: { year, index, planned, months: [first, last] or null, periods, min,
// max }, in the order of `rows`.
export function byYearAndItem(rows) {
  const groups = new Map();
  for (const r of rows) {
    const key = `${r.year}|${r.index}|${r.planned}`;
    const g = groups.get(key);
    if (g) {
      g.min += r.min;
      g.max += r.max;
      g.periods += 1;
      if (r.month) g.months[1] = r.month;
    } else {
      groups.set(key, { year: r.year, index: r.index, clause_id: r.clause_id, planned: r.planned, periods: 1,
        months: r.month ? [r.month, r.month] : null, min: r.min, max: r.max });
    }
  }
  return [...groups.values()].sort((a, b) => a.year - b.year || a.index - b.index);
}
