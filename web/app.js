// skillcalc page: boots the calculator (WebAssembly), asks the questions of the chosen city's catalog, shows the
// result, and handles the share link, printing, saving, kiosk and embed modes. Nothing leaves the device.
import { h, clear, append } from './dom.js';
import { t, pick, setLang, lang, formatDate } from './i18n.js';
import { emptyState, toSituation, fromSituation, toDraft, renderForm, markProblems, idForPath, setOtherLabels } from './form.js';
import { renderResult, situationSummary, summaryText } from './result.js';
import { decodeFragment, isShareFragment, shareUrl, encodeSituation, encodeDraft, decodeDraft, isDraftFragment } from './share.js';
import { startKiosk, idleMs, COUNTDOWN_S } from './kiosk.js';
import { startEmbed, paintTheme } from './embed.js';
import { claimSheet } from './claim-sheet.js';
import { shareProblem, shareChanged } from './share-open.js';
import { registerWorker, watchReleases, loadFresh } from './release.js';
import { startLarge } from './large.js';
import { speakButton } from './speak.js';
import { otherCities } from './compare-view.js';
import { startSheet, tr as sheetText } from './sheet.js';
import { whenMoneyComes } from './timeline-view.js';

const SAVE_KEY = 'skillcalc.saved.v1';

const params = new URLSearchParams(location.search);
// An embed is a city website's frame: a kiosk (which clears itself) or the 表格批量 sheet in it is ignored, and the
// parent told (README-embed.md). A kiosk has no sheet either.
const mode = { embed: params.get('embed') === '1' };
mode.kiosk = params.get('kiosk') === '1' && !mode.embed;
mode.sheet = params.get('mode') === 'sheet' && !mode.embed && !mode.kiosk;
const ignored = mode.embed ? [['kiosk', '1'], ['mode', 'sheet']].filter(([k, v]) => params.get(k) === v) : [];
const $ = (id) => document.getElementById(id);

const app = {
  calc: null,
  cities: [],
  catalogs: new Map(),
  docs: new Map(),
  state: emptyState(),
  last: null, // { result, situation }
  stale: false,
  hideCity: false,
  embed: null,
  kiosk: null,
  large: null,
  update: null, // takes the waiting release, once one is offered
  touched: false,
  firstResult: false,
  build: document.querySelector('meta[name="skillcalc-build"]')?.content ?? '',
};

function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

function catalog(city) {
  if (!city || !app.calc) return null;
  if (!app.catalogs.has(city)) {
    const c = app.calc.catalog(city);
    app.catalogs.set(city, c && c.ok ? c : null);
  }
  return app.catalogs.get(city);
}

// A value's name from any city's catalog (a 烟台 title in a 威海 form keeps its name, 烟台市技能大师, not its id).
function anyLabel(id) {
  for (const c of app.cities) {
    for (const e of catalog(c.id)?.event_types ?? [])
      for (const f of e.fields ?? []) {
        const o = (f.options ?? []).find((x) => x.id === id);
        if (o) return pick(o);
      }
  }
  return null;
}
setOtherLabels(anyLabel);

function cityLabel(id) {
  const c = app.cities.find((x) => x.id === id);
  return c ? pick(c.label) : id;
}

function storage() {
  try { return window.localStorage; } catch { return null; }
}

// ---- chrome ------------------------------------------------------------------------------------------------

function renderChrome() {
  document.title = t('title');
  $('skip').textContent = t('skip');
  $('app-title').textContent = t('title');
  // A frame for one city names that city only (its header is read by screen readers).
  $('app-subtitle').textContent = app.hideCity ? t('subtitle_city', { city: cityLabel(app.state.city) }) : t('subtitle');
  const sw = $('lang-switch');
  sw.textContent = t('lang_switch');
  sw.lang = lang() === 'zh' ? 'en' : 'zh-Hans';
  $('privacy').textContent = mode.kiosk
    ? t('privacy_kiosk', { idle: idleMs(params) / 1000, n: COUNTDOWN_S }) : t(mode.sheet ? 'privacy_sheet' : 'privacy');
  const offline = $('offline');  // said once the release is installed, in the language chosen since
  if (offline?.dataset.ready) offline.textContent = t('offline_ready');
  app.large?.relabel();
  const sheetLink = $('sheet-switch');  // 表格批量 and back; a kiosk or an embed has no way out
  if (sheetLink && (mode.kiosk || mode.embed)) sheetLink.remove();
  else if (sheetLink) {
    sheetLink.textContent = sheetText(mode.sheet ? 'back' : 'open');
    sheetLink.href = `?${[mode.sheet ? '' : 'mode=sheet', lang() === 'en' ? 'lang=en' : ''].filter(Boolean).join('&')}`;
  }
  const docs = clear($('documents'));
  if (app.docs.size) {
    const order = app.cities.map((c) => c.id);
    const rank = (d) => (order.indexOf(d.city) + 1 || 999) * 1e9 - Number(String(d.dated ?? '').replace(/-/g, ''));
    const list = [...app.docs.values()].sort((a, b) => rank(a) - rank(b));
    docs.append(h('h2', {}, t('documents')), h('ul', {}, list.map((d) => h('li', {},
      h('span', { lang: 'zh-Hans' }, `${d.number}《${d.title}》`), h('br'),
      h('span', { class: 'hint' }, `${cityLabel(d.city)} · ${t('doc_period', {
        from: formatDate(d.period?.from),
        to: d.period?.to ? t('doc_to', { to: formatDate(d.period.to) }) : t('doc_no_end'),
      })}`)))));
  }
  const versions = [app.rulesVersion ? t('rules_version', { v: app.rulesVersion }) : '',
    app.build ? t('build_version', { v: app.build.slice(0, 8) }) : ''];
  $('version').textContent = versions.filter(Boolean).join(' · ');
}

function renderSavedBanner() {
  const box = clear($('saved-banner'));
  const store = storage();
  if (mode.kiosk || !store || !store.getItem(SAVE_KEY) || app.last) { box.hidden = true; return; }
  box.hidden = false;
  box.append(h('p', {}, t('saved_found')),
    h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', id: 'load-saved', onclick: () => {
        let s = null;
        try { s = JSON.parse(store.getItem(SAVE_KEY)); } catch { s = null; }
        box.hidden = true;
        if (s && typeof s === 'object') restore(s, { focus: true });
      } }, t('load_saved')),
      h('button', { type: 'button', class: 'secondary', id: 'forget-saved-banner', onclick: () => {
        store.removeItem(SAVE_KEY);
        box.hidden = true;
        announce(t('forgotten'));
      } }, t('forget'))));
}

// ---- form --------------------------------------------------------------------------------------------------

function formContext() {
  return {
    state: app.state,
    catalog: catalog(app.state.city),
    cities: app.cities,
    hideCity: app.hideCity,
    onCity: (id) => { app.state.city = id; $('city-note').hidden = true; changed(true); },
    onStructure: (opts = {}) => { changed(true); if (opts.focus) $(opts.focus)?.focus(); },
    onValue: (structural) => changed(structural),
  };
}

function renderFormNow() {
  renderForm($('form'), formContext());
  $('form').hidden = !!(app.last && app.formFolded);
}

// Once a result is shown the form folds away (the result comes first on a phone); "edit" unfolds it.
function foldForm(fold) {
  app.formFolded = fold;
  $('form').hidden = !!(app.last && fold);
}

// The browser's Back after a result returns to the filled form, as "edit" does, not away from the page (a worker
// would lose everything typed): a result adds one history entry (same address), which Back leaves and Forward
// shows again. A kiosk adds none (its reset leaves no trace of the last visitor).
const RESULT_ENTRY = 'skillcalc-result';
function noteResultEntry() {
  if (mode.kiosk || history.state?.sc === RESULT_ENTRY) return;
  try { history.pushState({ sc: RESULT_ENTRY }, ''); } catch { /* a sandboxed frame may refuse: Back then leaves */ }
}
function unfoldForm() {
  foldForm(false);
  const first = $('form').querySelector('input:checked, input, select, button');
  first?.focus();
  first?.scrollIntoView({ block: 'center' });
}
window.addEventListener('popstate', (e) => {
  if (!app.last) return;
  if (e.state?.sc === RESULT_ENTRY) foldForm(true);
  else if (app.formFolded) unfoldForm();
});

function changed(structural) {
  if (structural) renderFormNow();
  if (app.last && !app.stale) {
    app.stale = true;
    if (app.update) showUpdate(app.update);  // the update now keeps the edited form, not the result
    $('result').classList.add('stale');
    const note = $('stale-note');
    if (note) { note.hidden = false; note.textContent = t('recalc_needed'); }
  }
}

// ---- calculating -------------------------------------------------------------------------------------------

function showProblems(problems) {
  markProblems(problems);
  const box = clear($('form-errors'));
  if (!problems.length) { box.hidden = true; return; }
  box.hidden = false;
  box.append(h('p', {}, t('fix_errors')), h('ul', {}, problems.map((p) => h('li', {},
    h('button', { type: 'button', class: 'linklike', onclick: () => $(p.id)?.focus() },
      p.label && !p.message.includes(p.label) ? `${p.label}${lang() === 'zh' ? '：' : ': '}${p.message}` : p.message)))));
  $(problems[0].id)?.focus();
}

function calculate({ focusResult }) {
  const cat = catalog(app.state.city);
  if (!app.calc || !cat || !app.state.kind) return;
  const { situation, problems } = toSituation(app.state, cat, today());
  if (problems.length) { if (app.last) changed(false); showProblems(problems); return; }
  if (!app.firstResult) performance.mark('sc-evaluate');
  const result = app.calc.evaluate(situation);
  if (!app.firstResult) performance.mark('sc-evaluated');
  if (!result.ok) {
    if (app.last) changed(false);
    const id = idForPath(result.error?.path, app.state, cat);
    const message = pick(result.error) || result.error?.code || 'error';
    showProblems(id ? [{ id, message }] : []);
    if (!id) showError(t('error', { msg: message }));
    return;
  }
  showProblems([]);
  app.last = { result, situation };
  app.stale = false;
  foldForm(true);
  noteResultEntry();
  renderResultNow();
  $('saved-banner').hidden = true;
  announce(t('announce', { summary: summaryText(result) }));
  if (!app.firstResult) {
    app.firstResult = true;
    performance.mark('sc-first-result');
  }
  const heading = $('result-h');
  if (focusResult) {
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start', behavior: 'auto' });
  }
  app.embed?.resultShown(() => $('result-h').getBoundingClientRect().top + window.scrollY);
}

function showError(message) {
  const box = clear($('form-errors'));
  box.hidden = false;
  box.append(h('p', {}, message));
}

function announce(text) {
  const live = $('announce');
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

function renderResultNow() {
  const section = $('result');
  clear(section);
  section.classList.remove('stale');
  if (!app.last) { section.hidden = true; return; }
  const { result, situation } = app.last;
  const cat = catalog(situation.city);
  section.hidden = false;
  append(section, [
    h('h2', { id: 'result-h', tabindex: '-1' }, `${t('result')} · ${cityLabel(situation.city)}`),
    h('p', { id: 'stale-note', class: 'stale-note', role: 'status', hidden: !app.stale },
      app.stale ? t('recalc_needed') : ''),
    ...renderResult({ result, situation, catalog: cat, docs: app.docs }),
    whenMoneyComes({ result, situation, catalog: cat }),
    h('details', { class: 'entered' }, h('summary', {}, t('your_situation')),
      situationSummary(situation, cat, cityLabel(situation.city))),
    // A city website's frame for its own city shows that city only: no other cities' amounts.
    app.hideCity ? null : otherCities({ calc: app.calc, situation, cityLabel, catalog: cat }),
    actions(),
    h('div', { class: 'print-only print-footer' },
      h('p', {}, t('printed', { d: printedAt() }), ' · ',
        t('rules_version', { v: result.rules_version ?? '' })),
      mode.kiosk ? null : h('p', { class: 'print-link' }, shareUrl(situation, lang() === 'en'))),
    claimSheet({ result, situation, catalog: cat, docs: app.docs, cityLabel: cityLabel(situation.city),
      summary: situationSummary(situation, cat, cityLabel(situation.city)), link: mode.kiosk ? '' : shareUrl(situation, lang() === 'en'),
      printed: t('printed', { d: printedAt() }) })]);
}

// "2026年12月1日 14:05" / "1 December 2026, 14:05": dates are written one way on the whole page.
function printedAt() {
  const d = new Date();
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const time = `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  return `${formatDate(iso)}${lang() === 'zh' ? ' ' : ', '}${time}`;
}

// What the read-aloud button says: the heading, the totals, each entitlement's headline, the guidance.
function resultSpeech() {
  const parts = [$('result-h'), $('totals'), ...document.querySelectorAll('#result .card h4'),
    document.querySelector('#result .guidance')];
  return parts.filter(Boolean).map((el) => el.innerText.replace(/\s+/g, ' ').trim()).join(lang() === 'zh' ? '。' : '. ');
}

function actions() {
  const { situation } = app.last;
  const bar = h('div', { class: 'result-actions no-print' });
  bar.append(speakButton(resultSpeech));
  // A kiosk has no printer.
  if (!mode.kiosk) bar.append(h('button', { type: 'button', class: 'secondary', id: 'print', onclick: () => window.print() }, t('print')));
  if (!mode.kiosk) {
    const shareBox = h('div', { class: 'share-box', id: 'share-box', hidden: true });
    bar.append(h('button', { type: 'button', class: 'secondary', id: 'share', 'aria-expanded': 'false',
      'aria-controls': 'share-box', onclick: (e) => share(e.currentTarget, shareBox, situation) }, t('share')), shareBox);
    bar.append(h('button', { type: 'button', class: 'secondary', id: 'save', onclick: () => {
      const store = storage();
      if (!store) return;
      store.setItem(SAVE_KEY, JSON.stringify(situation));
      status(t('saved'));
      $('forget').hidden = false;
    } }, t('save')));
    bar.append(h('button', { type: 'button', class: 'secondary', id: 'forget',
      hidden: !storage()?.getItem(SAVE_KEY), onclick: (e) => {
        storage()?.removeItem(SAVE_KEY);
        e.currentTarget.hidden = true;
        status(t('forgotten'));
        $('save').focus();
      } }, t('forget')));
  }
  bar.append(h('button', { type: 'button', class: 'secondary', id: 'edit', onclick: unfoldForm }, t('edit')));
  bar.append(h('button', { type: 'button', class: 'secondary', id: 'restart', onclick: () => (mode.kiosk ? kioskReset() : startOver()) }, t('new_calc')));
  bar.append(h('p', { class: 'action-status', id: 'action-status', role: 'status' }));
  return bar;
}

function status(text) {
  const el = $('action-status');
  if (el) el.textContent = text;
}

async function share(button, box, situation) {
  const url = shareUrl(situation, lang() === 'en');
  clear(box);
  const input = h('input', { type: 'text', readonly: true, id: 'share-url', value: url, 'aria-describedby': 'share-hint' });
  box.append(h('label', { for: 'share-url' }, t('share_link')), h('p', { class: 'hint', id: 'share-hint' }, t('share_hint')),
    input, h('button', { type: 'button', class: 'secondary', id: 'share-copy', onclick: () => copy(input) }, t('share_copy')));
  box.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  if (navigator.share && matchMedia('(pointer: coarse)').matches) {
    try { await navigator.share({ title: t('title'), url }); return; } catch { /* cancelled: the link is shown */ }
  }
  input.focus();
  input.select();
}

async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    status(t('share_copied'));
  } catch {
    input.focus();
    input.select();
  }
}

// ---- restoring and resetting ---------------------------------------------------------------------------------

function restore(situation, { focus }) {
  app.state = fromSituation(situation);
  if (!app.cities.some((c) => c.id === app.state.city)) app.state.city = '';
  app.last = null;
  renderFormNow();
  renderResultNow();
  calculate({ focusResult: focus });
}

function startOver() {
  app.state = emptyState();
  if (app.hideCity || params.get('city')) app.state.city = initialCity();
  app.last = null;
  app.stale = false;
  if (isShareFragment(location.hash)) history.replaceState(null, '', location.pathname + location.search);
  renderFormNow();
  renderResultNow();
  showProblems([]);
  renderSavedBanner();
  $('main').focus();
  window.scrollTo(0, 0);
}

// Kiosk: nothing of the last visitor may remain. Forget storage, drop the fragment from the history entry, and
// load the page afresh in place (no history entry is added), in a new release if one is waiting.
function kioskReset() {
  try { storage()?.removeItem(SAVE_KEY); } catch { /* none */ }
  try { sessionStorage.clear(); } catch { /* none */ }
  const clean = location.pathname + location.search;
  history.replaceState(null, '', clean);
  loadFresh(clean);
}

// A new release is ready and the page is in use: say so, and let the visitor take it when it suits them.
function showUpdate(apply) {
  app.update = apply;
  const box = clear($('update-banner'));
  box.hidden = false;
  box.append(h('p', {}, t(app.last && !app.stale ? 'update_ready_result' : 'update_ready')),
    h('button', { type: 'button', class: 'secondary', id: 'update-now', onclick: apply }, t('update_now')));
}

// Where an update reloads to: with a result shown, its situation rides in the share fragment and is recalculated;
// with a form typed in but not calculated (or changed since its result), what was typed rides as a draft and fills
// the form again, uncalculated. Nothing typed is lost.
function carry() {
  const base = location.pathname + location.search;
  if (mode.kiosk) return base + location.hash;
  if (app.last && !app.stale) return base + encodeSituation(app.last.situation);
  if (app.touched || app.last) return base + encodeDraft(toDraft(app.state));
  return base + location.hash;
}

// The form an update carried across (carry()): filled again as it was typed, not calculated; the draft leaves the
// address (a reload later starts clean, as before the update).
function openDraft(draft) {
  history.replaceState(history.state, '', location.pathname + location.search);
  app.state = fromSituation(draft);
  if (app.hideCity || !app.cities.some((c) => c.id === app.state.city)) app.state.city = initialCity();
  app.touched = true;  // in use: a later release is offered, never taken over the visitor's answers
  renderFormNow();
  renderSavedBanner();
  announce(t('draft_kept'));
}

function cityNoteText() {
  $('city-note').textContent = t('city_unknown', { city: params.get('city'),
    cities: app.cities.map((x) => cityLabel(x.id)).join(t('list_sep')) });
}

// `city=` names a city the page does not cover: say so above the form (the picker is shown), and in a frame tell
// the parent.
function unknownCity() {
  const c = params.get('city');
  if (!c || initialCity()) return;
  $('city-note').hidden = false;
  cityNoteText();
  console.warn(`skillcalc: unknown city "${c}"; the page offers ${app.cities.map((x) => x.id).join(', ')}`);
  app.embed?.post({ type: 'skillcalc:city-unknown', city: c, cities: app.cities.map((x) => x.id) });
}

function initialCity() {
  const c = params.get('city');
  return app.cities.some((x) => x.id === c) ? c : '';
}

// ---- boot --------------------------------------------------------------------------------------------------

// The language chosen stays in the address (lang=en), so that a reload or the update button keeps it; a kiosk's
// next visitor starts in Chinese, so a kiosk leaves its address alone.
function keepLangInAddress() {
  const u = new URL(location.href);
  if (lang() === 'en') u.searchParams.set('lang', 'en');
  else u.searchParams.delete('lang');
  try { history.replaceState(history.state, '', u.href); } catch { /* a sandboxed frame may refuse */ }
}

async function boot() {
  // The calculator starts loading first: its WebAssembly compiles while the page sets itself up.
  const calculator = import('./skillcalc.mjs').then(({ createSkillCalc }) => createSkillCalc());
  setLang(params.get('lang') === 'en' ? 'en' : 'zh');
  if (mode.embed) document.documentElement.classList.add('embed');
  if (mode.kiosk) document.documentElement.classList.add('kiosk');
  if (mode.embed) app.embed = startEmbed(params);
  for (const [k, v] of ignored) {
    console.warn(`skillcalc: ${k}=${v} is ignored in an embed (embed=1)`);
    app.embed.post({ type: 'skillcalc:param-ignored', param: k, value: v });
  }
  app.large = startLarge({ params, kiosk: mode.kiosk, button: $('large-switch'), onChange: () => paintTheme() });
  renderChrome();

  $('lang-switch').addEventListener('click', () => {
    setLang(lang() === 'zh' ? 'en' : 'zh');
    if (!mode.kiosk) keepLangInAddress();
    renderChrome();
    if (app.calc && !mode.sheet) { renderFormNow(); renderResultNow(); renderSavedBanner(); }
    $('announce').textContent = '';  // the last result's summary, said in the other language: not left behind
    if (app.update) showUpdate(app.update);
    if (!$('city-note').hidden) cityNoteText();
    app.kiosk?.relabel();
    app.sheet?.relabel();
    $('lang-switch').focus();
  });
  $('skip').addEventListener('click', (e) => { e.preventDefault(); $('main').focus(); });
  $('form').addEventListener('submit', (e) => { e.preventDefault(); calculate({ focusResult: true }); });
  for (const type of ['input', 'change']) $('form').addEventListener(type, () => { app.touched = true; });
  const openDetails = [];
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('#result details:not([open])')) { d.open = true; openDetails.push(d); }
  });
  window.addEventListener('afterprint', () => { while (openDetails.length) openDetails.pop().open = false; });

  try {
    // The calculator loads at once (index.html preloads its WebAssembly, boot() starts it first); the service worker
    // is registered after the first answer, so on a first visit its download of the whole release finds these files in the browser's cache
    // (a 304 each) instead of fetching them twice, and it competes with nothing the visitor waits for.
    app.calc = await calculator;
    performance.mark('sc-core');
  } catch (err) {
    $('loading').textContent = t('load_failed');
    $('loading').setAttribute('role', 'alert');
    console.error(err);
    return;
  }
  const docs = app.calc.documents();
  app.rulesVersion = docs.rules_version;
  for (const d of docs.documents ?? []) app.docs.set(d.id, d);
  // The cities in the vocabulary's order (documents().cities), those with documents only: a rule file for a new
  // city brings it onto the page.
  const ids = (docs.cities ?? []).filter((c) => c.documents > 0).map((c) => c.id);
  for (const d of docs.documents ?? []) if (!ids.includes(d.city)) ids.push(d.city);
  // Their names come with the documents; a city's catalog is read when the page first needs it (reading all of them
  // here delayed the first answer). A city the vocabulary does not name is listed only if the core has a catalog.
  const named = new Map((docs.cities ?? []).map((c) => [c.id, { zh: c.zh, en: c.en }]));
  app.cities = ids.filter((id) => named.has(id) || catalog(id))
    .map((id) => ({ id, label: named.get(id) ?? catalog(id)?.label ?? { zh: id, en: id } }));

  app.hideCity = mode.embed && !!initialCity();
  app.state.city = initialCity();
  $('loading').hidden = true;
  performance.mark('sc-ready');
  document.documentElement.dataset.ready = '1';
  renderChrome();

  if (mode.kiosk) app.kiosk = startKiosk({ onReset: kioskReset, idle: idleMs(params) });
  if (mode.sheet) {
    $('sheet').hidden = false;
    app.sheet = startSheet({ root: $('sheet'), cities: app.cities });
  } else if (isShareFragment(location.hash)) {
    openShared(decodeFragment(location.hash));
  } else if (isDraftFragment(location.hash) && decodeDraft(location.hash)) {
    openDraft(decodeDraft(location.hash));
  } else {
    renderFormNow();
    renderSavedBanner();
  }
  if (!mode.sheet) unknownCity();
  window.addEventListener('hashchange', () => { if (isShareFragment(location.hash)) openShared(decodeFragment(location.hash)); });
  startReleases();
}

// Offline use and new releases: the worker installs the whole release (on a first visit, from what this page has
// just loaded) and takes control; from then on releases are watched.
async function startReleases() {
  await registerWorker({ onReady: () => {
    const el = $('offline');
    if (el) { el.dataset.ready = '1'; el.textContent = t('offline_ready'); }
  } });
  performance.mark('sc-worker');
  watchReleases({
    kiosk: mode.kiosk,
    idle: () => (mode.kiosk ? app.kiosk.idle() : !app.touched && !app.last),
    notice: showUpdate,
    carry,
  });
}

// A share link lands on its answer (the result heading, focused); one that cannot be opened says why.
function openShared(shared) {
  const problem = shareProblem(shared, app.cities, app.calc);
  if (problem) {
    if (shared && typeof shared === 'object') {
      app.state = fromSituation(shared);
      if (!app.cities.some((c) => c.id === app.state.city)) app.state.city = '';
    }
    app.last = null;
    renderFormNow();
    renderResultNow();
    showError(problem);
    $('form-errors').scrollIntoView({ block: 'start' });
    return;
  }
  restore(shared, { focus: !mode.embed });
  const changedNote = app.last && shareChanged(shared, app.last.result, app.calc);
  if (changedNote) showError(changedNote);
}

boot();
