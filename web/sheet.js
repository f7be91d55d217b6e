// 表格批量 / Spreadsheet mode (?mode=sheet): a claims CSV (the columns of `skillcalc eval --csv`) chosen or dropped
// here is computed in this browser by a worker (sheet-worker.js) running the command line's own job: the items CSV,
// the budget settlement (`budget --format csv`) and the rows left out, each to download, byte for byte what the
// command line writes. Nothing is sent anywhere: the file is read on the device and never leaves it.
import { h, clear } from './dom.js';
import { clauseLabel, lang } from './i18n.js';

const TEXT = {
  zh: {
    title: '表格批量测算',
    intro: '把申报表（CSV 文件，列与命令行 skillcalc eval --csv 相同，每个事件一行）拖到下面，或点“选择文件”。可得到各项待遇明细表，以及各城市、各年度的预算结算。',
    private: '全部计算都在本机浏览器中完成：文件不会上传，也不会发送到任何地方；断网也能使用。',
    drop: '把 CSV 文件拖到这里',
    choose: '选择 CSV 文件',
    as_of: '按哪一天计算',
    as_of_hint: '按“年-月-日”填写，默认是今天；表中有“测算日期”列的行以该列为准。',
    bad_day: '“{day}”不是有效的日期：请按“年-月-日”填写（如 2026-01-15），或留空表示今天。',
    day_changed: '计算日期已更改，原来的明细和结算已清除：请按新日期重新计算。',
    run_items: '重新计算明细',
    run_budget: '预算结算',
    cancel: '取消',
    reading: '正在读取 {name}…',
    progress: '已计算 {done} / {total} 个申请人',
    cancelled: '已取消。',
    failed: '计算未能完成：{why}',
    refused: '文件无法使用',
    done_items: '明细已算完：{rows} 行，{applicants} 个申请人，{items} 项待遇；{errors} 处错误，{skipped} 行未计算。用时 {s} 秒。',
    done_budget: '预算结算已完成：读入 {claims} 个申请人（不计入资金池的也在内）；{errors} 处错误。用时 {s} 秒。',
    dl_items: '下载明细表（CSV）',
    dl_budget: '下载预算结算表（CSV）',
    dl_errors: '下载错误清单（TXT）',
    errors: '未计算的行（{n}）',
    errors_more: '另有 {n} 处，见下载的错误清单。',
    repeats: '相同的行（{n}）：两行都已计入；若是重复录入，请删去一行后重新计算',
    repeat: '第 {line} 行与第 {first} 行完全相同',
    repeat_alike: '第 {line} 行与第 {first} 行内容相同（日期、名称或数字只是写法不同）',
    joined: '按同一申请人计算的名称（{n}）：若是不同的人（同一资金池、同一上限），请改正名称后重新计算',
    joined_one: '第 {line} 行的申请人“{name}”与“{first}”只差空格、全角半角或大小写',
    unended: '第 {line} 行是文件的最后一行，没有换行结束：文件可能被截断，请核对本行最后一格“{cell}”是否完整（本行已计入）',
    dl_notes: '下载警告清单（TXT）',
    incomplete: '结算不完整：有 {n} 处输入有误未计入，更正后须重新结算，在此之前本表金额不能用于发放。',
    line: '第 {line} 行',
    column: '第 {column} 列（{name}）',
    column_only: '第 {column} 列',
    pool: '城市与年度',
    pools_none: '这份表中没有需要全市统筹结算的预算或名额。',
    applicant: '申请人', claimed: '申报额（元）', allocated: '核拨额（元）', total: '合计',
    budget: '预算 {yuan} 元', quota: '名额 {n} 人', ratio: '按 {p} 发放', full: '全额发放',
    upper: '（上限，待核定）', share: '（份额暂定）', provisional: '标注“上限，待核定”的申报未写明核定金额，按最高额计入：这些分配额不能直接据以发放，核定后按核定额发放，并可填入核定金额重新结算。标注“份额暂定”的已核定申报，其份额在上述申报核定后可能增加，同样请重新结算后再发放。',
    back: '单人计算',
    open: '表格批量',
  },
  en: {
    title: 'Claims spreadsheet',
    intro: 'Drop a claims spreadsheet (a CSV file with the columns of the command line\'s skillcalc eval --csv, one event a row) below, or choose it. You get the list of entitlements and the budget settlement of each city and year.',
    private: 'Everything is computed in this browser: the file is not uploaded or sent anywhere, and this works offline.',
    drop: 'Drop the CSV file here',
    choose: 'Choose a CSV file',
    as_of: 'Calculate as of',
    as_of_hint: 'Year-month-day; today by default. Rows with an as_of column keep their own.',
    bad_day: '"{day}" is not a real day: write year-month-day (e.g. 2026-01-15), or leave it empty for today.',
    day_changed: 'The day changed, so the earlier items and settlement were cleared: calculate again for the new day.',
    run_items: 'Calculate the items again',
    run_budget: 'Budget settlement',
    cancel: 'Cancel',
    reading: 'Reading {name}…',
    progress: '{done} of {total} applicants calculated',
    cancelled: 'Cancelled.',
    failed: 'The calculation did not finish: {why}',
    refused: 'The file cannot be used',
    done_items: 'Items done: {rows} rows, {applicants} applicants, {items} items; {errors} errors, {skipped} rows left out. {s} s.',
    done_budget: 'Budget settled: {claims} applicants read (those in no pool included); {errors} errors. {s} s.',
    dl_items: 'Download the items (CSV)',
    dl_budget: 'Download the settlement (CSV)',
    dl_errors: 'Download the errors (TXT)',
    errors: 'Rows left out ({n})',
    errors_more: '{n} more: see the downloaded list.',
    repeats: 'Rows the same as another ({n}): both are counted; if one was entered twice, delete it and calculate again',
    repeat: 'line {line} is identical to line {first}',
    repeat_alike: 'line {line} is the same as line {first} once read (dates, names or numbers written differently)',
    joined: 'Names taken as one applicant ({n}): if they are different people (one pool, one cap), correct the names and calculate again',
    joined_one: 'line {line}: the applicant “{name}” differs from “{first}” only in spaces, full-width forms or case',
    unended: 'line {line}, the file\'s last, has no line break: the file may have been cut short; check that its last cell “{cell}” is whole (the line is counted)',
    dl_notes: 'Download the warnings (TXT)',
    incomplete: 'The settlement is incomplete: {n} inputs with errors were left out. Correct them and settle again; until then the amounts in this table cannot be paid out.',
    line: 'Line {line}',
    column: 'column {column} ({name})',
    column_only: 'column {column}',
    pool: 'City and year',
    pools_none: 'Nothing in this file is settled city-wide (no budget or quota).',
    applicant: 'Applicant', claimed: 'Claimed (yuan)', allocated: 'Allocated (yuan)', total: 'Total',
    budget: 'budget {yuan} yuan', quota: 'quota {n} people', ratio: 'paid at {p}', full: 'paid in full',
    upper: ' (upper bound, to be assessed)', share: ' (share provisional)', provisional: 'Claims marked “upper bound, to be assessed” state no assessed amount and count the maximum: do not pay those allocations as they stand; pay what is assessed, and settle again with the assessed amounts. Claims marked “share provisional” are assessed, but their shares may rise once those are: settle again before paying them too.',
    back: 'One person',
    open: 'Spreadsheet',
  },
};
const SHOWN = 200;  // rows left out listed on the page; all of them are in the download

export function tr(key, params = {}) {
  const s = TEXT[lang()]?.[key] ?? TEXT.zh[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));
}

// The day a clerk typed (2026-01-15, 2026/1/15, 2026.1.15, 2026年1月15日), as YYYY-MM-DD; today when left empty;
// null when it is no real day (2026-02-30).
function askedDay(text) {
  const s = text.trim();
  if (!s) return todayIso();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function todayIso() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

const num = (n) => Number(n ?? 0).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en');

// root: the section to draw in; cities: [{ id, label }] for the names of cities.
export function startSheet({ root, cities }) {
  const st = { file: null, worker: null, mode: null, items: null, budget: null, errors: [], notes: '', urls: [] };
  const cityName = (id) => {
    const c = cities.find((x) => x.id === id);
    return c ? (c.label[lang()] ?? c.label.zh) : id;
  };
  const el = {};
  const url = (blob) => { const u = URL.createObjectURL(blob); st.urls.push(u); return u; };
  const base = () => (st.file?.name ?? 'claims.csv').replace(/\.csv$/i, '');

  function worker() {
    st.worker ??= new Worker(new URL('./sheet-worker.js', import.meta.url), { type: 'module' });
    return st.worker;
  }

  function run(mode) {
    if (!st.file) return;
    const today = askedDay(el.today.value);
    if (!today) {  // never a silent "today" in place of a day the clerk typed
      paint();
      el.today.setAttribute('aria-invalid', 'true');
      el.status.textContent = tr('bad_day', { day: el.today.value.trim() });
      el.today.focus();
      return;
    }
    el.today.removeAttribute('aria-invalid');
    const w = worker();
    st.mode = mode;
    st.errors = [];
    st.day = today;
    // A result of another day never stays beside this one: items and settlement are of one day.
    if (mode === 'items' || st.items?.day !== today) st.items = null;
    st.budget = null;
    root.dataset.state = 'running';
    root.dataset.mode = mode;
    delete root.dataset.done;
    paint();
    el.status.textContent = tr('reading', { name: st.file.name });
    w.onmessage = (e) => onMessage(e.data);
    w.onerror = (e) => finish({ failed: e.message || 'worker error' });
    w.postMessage({ type: 'run', file: st.file, name: st.file.name, mode, today });
  }

  function onMessage(m) {
    if (m.type === 'progress') {
      el.bar.max = Math.max(1, m.total);
      el.bar.value = m.done;
      el.status.textContent = tr('progress', { done: num(m.done), total: num(m.total) });
      root.dataset.done = String(m.done);
    } else if (m.type === 'errors') {
      st.errors.push(...m.list);
    } else if (m.type === 'done') {
      finish(m);
    } else if (m.type === 'failed') {
      finish({ failed: m.message });
    }
  }

  function finish(m) {
    if (m.failed) {
      st.worker?.terminate();
      st.worker = null;
      root.dataset.state = 'failed';
      paint();
      el.status.textContent = tr('failed', { why: m.failed });
      return;
    }
    const result = { status: m.status, out: m.out, notes: m.notes, answer: m.answer, ms: m.ms, memory: m.memory, errors: st.errors, day: st.day };
    if (st.mode === 'items') st.items = result;
    else st.budget = result;
    root.dataset.state = m.status.ok && m.status.opened ? 'done' : 'refused';
    root.dataset.ms = String(m.ms);
    root.dataset.memory = String(m.memory);
    paint();
  }

  // A day typed after a result: the result (and its downloads) is of the day before, so it goes, and the clerk is told.
  function dayChanged() {
    if (!st.items && !st.budget) return;
    st.items = st.budget = null;
    const at = el.today.selectionStart;
    paint();
    el.today.focus();
    el.today.setSelectionRange(at, at);
    el.status.textContent = tr('day_changed');
  }

  function cancel() {
    st.worker?.terminate();
    st.worker = null;
    root.dataset.state = 'cancelled';
    paint();
    el.status.textContent = tr('cancelled');
  }

  function choose(file) {
    if (!file) return;
    st.file = file;
    st.items = st.budget = null;
    for (const u of st.urls.splice(0)) URL.revokeObjectURL(u);
    run('items');
  }

  function download(id, label, blob, name) {
    return h('a', { id, class: 'download', href: url(blob), download: name }, label);
  }

  function summary(r, mode) {
    const s = r.status;
    const secs = (r.ms / 1000).toFixed(1);
    if (!s.ok) return h('p', { class: 'sheet-refused', role: 'alert' }, s.error?.[lang()] ?? s.error?.zh);
    if (!s.opened) {
      return h('div', { class: 'sheet-refused', role: 'alert' }, h('h3', {}, tr('refused')),
        h('p', {}, r.notes.split('\n').filter(Boolean)[lang() === 'zh' ? 0 : 1]?.replace(/^skillcalc: /, '') ?? ''));
    }
    return h('p', { class: 'sheet-summary', id: `sheet-summary-${mode}` }, mode === 'items'
      ? tr('done_items', { rows: num(s.rows), applicants: num(s.applicants), items: num(s.items), errors: num(s.errors), skipped: num(s.skipped), s: secs })
      // every applicant given, those whose every row was refused too (the settlement's own count, not its claims')
      : tr('done_budget', { claims: num(r.answer?.summary?.applicants ?? s.claims), errors: num(s.errors), s: secs }));
  }

  function errorList(r) {
    if (!r.errors.length) return null;
    const byLine = [...r.errors].sort((a, b) => a.line - b.line);  // the download keeps the command line's order
    const where = (e) => {
      const line = e.line ? tr('line', { line: e.line }) : '—';
      if (!e.column) return line;
      const col = tr(e.column_name ? 'column' : 'column_only', { column: e.column, name: e.column_name });
      return `${line}${lang() === 'zh' ? '，' : ', '}${col}`;
    };
    const li = (e) => h('li', { dataset: { line: e.line } }, h('strong', {}, where(e)),
      e.applicant ? ` · ${e.applicant}` : '', h('br'), lang() === 'zh' ? e.zh : e.en);
    return h('section', { class: 'sheet-errors', 'aria-labelledby': 'sheet-errors-h' },
      h('h3', { id: 'sheet-errors-h' }, tr('errors', { n: num(r.errors.length) })),
      h('ol', { id: 'sheet-errors' }, byLine.slice(0, SHOWN).map(li)),
      r.errors.length > SHOWN ? h('p', { class: 'hint' }, tr('errors_more', { n: num(r.errors.length - SHOWN) })) : null);
  }

  // Rows identical to an earlier row: both are counted (two events), which is money twice if one was entered twice.
  // The notes carry them as the command line prints them ("FILE:LINE: 警告：与第 N 行完全相同…").
  function repeatList(r) {
    const found = [...r.notes.matchAll(/:(\d+): 警告：与第 (\d+) 行(完全相同|内容相同)/g)]
      .map((m) => ({ line: Number(m[1]), first: Number(m[2]), alike: m[3] === '内容相同' }));
    if (!found.length) return null;
    return h('section', { class: 'sheet-repeats', 'aria-labelledby': 'sheet-repeats-h', role: 'alert' },
      h('h3', { id: 'sheet-repeats-h' }, tr('repeats', { n: num(found.length) })),
      h('ol', { id: 'sheet-repeats' }, found.slice(0, SHOWN).map((x) => h('li', { dataset: { line: x.line } }, tr(x.alike ? 'repeat_alike' : 'repeat', x)))));
  }

  // Names that differ only in spaces, full-width forms or case are one applicant, under one cap: said, in case they are
  // two people. The notes carry them as the command line prints them ("FILE:LINE: 警告：申请人“X”与“Y”只差…").
  function joinedList(r) {
    const found = [...r.notes.matchAll(/:(\d+): 警告：申请人“(.*?)”与“(.*?)”只差空格/g)]
      .map((m) => ({ line: Number(m[1]), name: m[2], first: m[3] }));
    const cut = /:(\d+): 警告：文件的最后一行没有换行结束，文件可能被截断：请核对本行最后一格“([^\n]*)”是否完整 \//.exec(r.notes);
    if (!found.length && !cut) return null;
    if (!found.length) return h('p', { class: 'sheet-repeats', id: 'sheet-unended', role: 'alert' }, tr('unended', { line: cut[1], cell: cut[2] }));
    return h('section', { class: 'sheet-repeats', 'aria-labelledby': 'sheet-joined-h', role: 'alert' },
      cut ? h('p', { id: 'sheet-unended' }, tr('unended', { line: cut[1], cell: cut[2] })) : null,
      h('h3', { id: 'sheet-joined-h' }, tr('joined', { n: num(found.length) })),
      h('ol', { id: 'sheet-joined' }, found.slice(0, SHOWN).map((x) => h('li', { dataset: { line: x.line } }, tr('joined_one', x)))));
  }

  // The list to download beside a result: its errors, or, when it has none, its warnings (repeated rows, joined names).
  function notesDownload(id, r, name) {
    if (r.errors.length) return download(id, tr('dl_errors'), new Blob([r.notes], { type: 'text/plain' }), `${name}-errors.txt`);
    return /警告：/.test(r.notes) ? download(id, tr('dl_notes'), new Blob([r.notes], { type: 'text/plain' }), `${name}-warnings.txt`) : null;
  }

  // The settlement of one city and year (the choice), as a table; the download holds every pool.
  function pools(r) {
    const list = r.answer?.pools ?? [];
    if (!list.length) return h('p', { class: 'hint' }, tr('pools_none'));
    const key = (p) => `${p.pool_id}|${p.year}`;
    const chosen = list.find((p) => key(p) === st.pool) ?? list[0];
    const select = h('select', { id: 'sheet-pool', onchange: (e) => { st.pool = e.target.value; paint(); } },
      list.map((p) => h('option', { value: key(p), selected: p === chosen }, `${cityName(p.city)} ${p.year} · ${p.clause ? `${p.document}${lang() === 'zh' ? '' : ' '}${clauseLabel(p.clause)}` : p.pool_id}`)));
    const quota = chosen.rule === 'quota';
    const rows = (chosen.applicants ?? []).map((a) => h('tr', {}, h('th', { scope: 'row' }, a.applicant),
      h('td', {}, num(a.claimed_yuan)), h('td', {}, quota ? '' : `${num(a.allocated_yuan)}${a.provisional_share ? tr('share') : a.provisional ? tr('upper') : ''}`)));
    const terms = quota ? tr('quota', { n: num(chosen.max_people) })
      : `${tr('budget', { yuan: num(chosen.budget_yuan) })}，${chosen.paid_in_full ? tr('full') : tr('ratio', { p: chosen.ratio?.percent ?? '' })}`;
    const incomplete = r.answer?.summary?.complete === false;
    return h('div', { class: 'sheet-pool' },
      incomplete ? h('p', { class: 'sheet-refused', id: 'sheet-incomplete', role: 'alert' },
        tr('incomplete', { n: num(r.answer.summary.errors ?? r.errors.length) })) : null,
      h('div', { class: 'field' }, h('label', { for: 'sheet-pool' }, tr('pool')), select),
      h('p', {}, terms),
      chosen.provisional ? h('p', { class: 'sheet-refused', id: 'sheet-provisional', role: 'note' }, tr('provisional')) : null,
      h('div', { class: 'table-wrap' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, tr('applicant')), h('th', { scope: 'col' }, tr('claimed')), h('th', { scope: 'col' }, tr('allocated')))),
        h('tbody', {}, rows),
        h('tfoot', {}, h('tr', {}, h('th', { scope: 'row' }, tr('total')), h('td', {}, num(chosen.claimed_yuan)), h('td', {}, quota ? num(chosen.people) : num(chosen.allocated_yuan)))))));
  }

  function results() {
    const box = [];
    const it = st.items;
    if (it) {
      box.push(summary(it, 'items'));
      if (it.status.opened) {
        box.push(h('div', { class: 'row downloads' },
          download('sheet-dl-items', tr('dl_items'), it.out, `${base()}-items.csv`),
          notesDownload('sheet-dl-errors', it, base())));
      }
    }
    const b = st.budget;
    if (b) {
      box.push(summary(b, 'budget'));
      if (b.status.ok && b.status.opened) {
        box.push(h('div', { class: 'row downloads' },
          download('sheet-dl-budget', tr('dl_budget'), b.out, `${base()}-budget.csv`),
          notesDownload('sheet-dl-budget-errors', b, `${base()}-budget`)));
        box.push(pools(b));
      }
    }
    const shown = st.mode === 'budget' ? b : it;
    if (shown?.status.opened) box.push(repeatList(shown), joinedList(shown), errorList(shown));
    return box;
  }

  function paint() {
    const running = root.dataset.state === 'running';
    const today = el.today?.value ?? todayIso();
    clear(root);
    el.file = h('input', { type: 'file', id: 'sheet-file', accept: '.csv,text/csv', class: 'visually-hidden', onchange: (e) => choose(e.target.files[0]) });
    el.today = h('input', { type: 'text', id: 'sheet-today', inputmode: 'numeric', value: today, 'aria-describedby': 'sheet-today-hint',
      oninput: dayChanged });
    el.bar = h('progress', { id: 'sheet-progress', max: 1, value: 0 });
    el.status = h('p', { id: 'sheet-status', role: 'status', 'aria-live': 'polite' });
    const drop = h('div', { class: 'drop', id: 'sheet-drop', ondragover: (e) => { e.preventDefault(); drop.classList.add('over'); },
      ondragleave: () => drop.classList.remove('over'),
      ondrop: (e) => { e.preventDefault(); drop.classList.remove('over'); choose(e.dataTransfer.files[0]); } },
    h('p', {}, tr('drop')), el.file, h('label', { for: 'sheet-file', class: 'button secondary' }, tr('choose')),
    st.file ? h('p', { class: 'hint', id: 'sheet-name' }, st.file.name) : null);
    root.append(
      h('h2', { id: 'sheet-h' }, tr('title')),
      h('p', {}, tr('intro')),
      h('p', { class: 'sheet-private', id: 'sheet-private' }, tr('private')),
      drop,
      h('div', { class: 'field' }, h('label', { for: 'sheet-today' }, tr('as_of')),
        h('p', { class: 'hint', id: 'sheet-today-hint' }, tr('as_of_hint')), el.today),
      h('div', { class: 'row' },
        h('button', { type: 'button', class: 'secondary', id: 'sheet-run-items', disabled: !st.file || running, onclick: () => run('items') }, tr('run_items')),
        h('button', { type: 'button', class: 'secondary', id: 'sheet-run-budget', disabled: !st.file || running, onclick: () => run('budget') }, tr('run_budget'))),
      h('div', { class: 'sheet-progress', hidden: !running }, el.bar,
        h('button', { type: 'button', class: 'secondary', id: 'sheet-cancel', onclick: cancel }, tr('cancel'))),
      el.status,
      ...(running ? [] : results()).filter(Boolean));
  }

  paint();
  return { relabel: paint };
}
