// The questions: built from the calculator's catalog for the chosen city and applicant kind, so a new rule file
// brings its own questions. Only fields whose `kinds` include the applicant's kind are shown and sent.
import { h, clear } from './dom.js';
import { t, pick, parseDay, missingDay } from './i18n.js';

// The order applicant kinds are offered in (kinds the catalog adds later come after these).
const KIND_ORDER = ['person', 'enterprise', 'school', 'training_base', 'other_unit'];

// Presentation hints the catalog does not carry: a medal belongs to WorldSkills, a rank to the other tiers, the
// city Class-I listing to a project of the city's own contest.
// A field without a hint is always shown; a hint only hides a field whose answer would not matter.
const RELEVANT = {
  competition: {
    medal: (v) => !v.tier || v.tier === 'world_skills',
    rank: (v) => v.tier !== 'world_skills',
    city_class1: (v) => v.tier === 'city_contest', // is this project of the city's own contest listed as Class-I?
  },
};

// Better questions for fields whose catalog label is only generic ("是否" / "Yes or no", "金额（元）"); a
// specific label in the catalog always wins.
const GENERIC = new Set(['是否', 'Yes or no', '金额（元）', 'Amount (yuan)']);
const LABELS = {
  from_outside_city: { zh: '从本市以外引进', en: 'Brought in from outside the city' },
  full_time: { zh: '全职', en: 'Full time' },
  social_insurance: { zh: '已按规定缴纳社会保险', en: 'Social insurance is paid' },
  publicly_sent: { zh: '公派', en: 'Sent officially (公派)' },
  excellent_review: { zh: '考核评估结果为优秀', en: 'Rated excellent in its review' },
  annual_salary_yuan: { zh: '年薪（元）', en: 'Annual salary (yuan)' },
};

export function fieldLabel(field) {
  if (!field) return '';
  if (field.id === 'date') return t('date_label');
  if (LABELS[field.id] && (GENERIC.has(field.zh) || GENERIC.has(field.en))) return pick(LABELS[field.id]);
  return pick(field);
}

export function emptyState() {
  return { city: '', kind: '', applicant: {}, events: [], asOf: '', nextKey: 1 };
}

// A field is asked when the catalog says it concerns this kind of applicant. A required field is always asked:
// the calculator refuses an event without it, whatever its `kinds` say.
function shows(field, kind) {
  return !field.kinds || field.kinds.includes(kind) || field.required === true;
}

export function eventTypesFor(catalog, kind) {
  return (catalog?.event_types ?? []).filter((e) => !e.kinds || e.kinds.includes(kind));
}

function eventFields(type, kind, values) {
  const hints = RELEVANT[type.id] ?? {};
  const rank = (f) => (f.type === 'date' ? 3 : f.required ? 0 : f.type === 'enum' ? 1 : 2);
  return type.fields
    .filter((f) => shows(f, kind) && (!hints[f.id] || hints[f.id](values)))
    .map((f, i) => [f, i])
    .sort((a, b) => rank(a[0]) - rank(b[0]) || a[1] - b[1])
    .map(([f]) => f);
}

export function sortedKinds(catalog) {
  const kinds = [...(catalog?.applicant_kinds ?? [])];
  const pos = (k) => (KIND_ORDER.includes(k.id) ? KIND_ORDER.indexOf(k.id) : KIND_ORDER.length);
  return kinds.sort((a, b) => pos(a) - pos(b));
}

export function fieldId(scope, id) {
  return `f-${scope}-${id}`;
}

// ---- state <-> situation ----------------------------------------------------------------------------------

function convert(field, raw) {
  if (raw == null || raw === '') return { skip: true };
  switch (field.type) {
    case 'bool':  // yes, no, or not given (asked)
      return raw === true || raw === false ? { value: raw } : { skip: true };
    case 'int': {
      // Full-width digits and signs (２０, －１) as typed with a Chinese input method are digits too.
      const s = String(raw).replace(/[\uFF10-\uFF19\uFF0B\uFF0D]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xFEE0))
        .replace(/\u3000/g, ' ').trim();
      if (!/^-?\d+$/.test(s)) return { error: t('not_integer') };
      return { value: Number(s) };
    }
    case 'date': {
      const day = parseDay(raw);
      return day ? { value: day } : { error: missingDay(raw) ?? t('not_date') };
    }
    default:
      return { value: String(raw).trim() === '' ? undefined : String(raw).trim(), skip: String(raw).trim() === '' };
  }
}

// Returns { situation, problems: [{ id, label, message }] }. `today` is used when no date is chosen.
export function toSituation(state, catalog, today) {
  const problems = [];
  const applicant = { kind: state.kind };
  for (const f of catalog?.applicant_fields ?? []) {
    if (!shows(f, state.kind)) continue;
    const c = convert(f, state.applicant[f.id]);
    const id = fieldId('app', f.id);
    if (c.error) problems.push({ id, label: fieldLabel(f), message: c.error });
    else if (!c.skip) applicant[f.id] = c.value;
    else if (f.required) problems.push({ id, label: fieldLabel(f), message: t('missing_field', { what: fieldLabel(f) }) });
  }
  const types = new Map(eventTypesFor(catalog, state.kind).map((e) => [e.id, e]));
  const events = [];
  for (const ev of state.events) {
    const type = types.get(ev.type);
    if (!type) continue;
    const out = { id: `e${events.length + 1}`, type: ev.type };
    for (const f of eventFields(type, state.kind, ev.values)) {
      const c = convert(f, ev.values[f.id]);
      const id = fieldId(`ev${ev.key}`, f.id);
      const label = `${pick(type)} · ${fieldLabel(f)}`;
      if (c.error) problems.push({ id, label, message: c.error });
      else if (!c.skip) out[f.id] = c.value;
      else if (f.required) problems.push({ id, label, message: t('missing_field', { what: label }) });
    }
    events.push(out);
  }
  const asOf = state.asOf ? parseDay(state.asOf) : today;
  if (!asOf) problems.push({ id: fieldId('opt', 'as_of'), label: t('as_of'), message: t('not_date') });
  const situation = { city: state.city, as_of: asOf || today, applicant, events };
  return { situation, problems };
}

// What was typed, as typed, in the situation's shape (fromSituation reads it back): the form carried across a
// reload before it could be calculated (a field half-written, a required one still empty).
export function toDraft(state) {
  return {
    city: state.city,
    as_of: state.asOf,
    applicant: { kind: state.kind, ...state.applicant },
    events: state.events.map((e) => ({ type: e.type, ...e.values })),
  };
}

export function fromSituation(s) {
  const state = emptyState();
  state.city = String(s.city ?? '');
  state.kind = String(s.applicant?.kind ?? '');
  state.asOf = typeof s.as_of === 'string' ? s.as_of : '';
  for (const [k, v] of Object.entries(s.applicant ?? {})) {
    if (k !== 'kind') state.applicant[k] = typeof v === 'number' ? String(v) : v;
  }
  for (const e of Array.isArray(s.events) ? s.events.slice(0, 200) : []) {
    if (!e || typeof e !== 'object' || typeof e.type !== 'string') continue;
    const values = {};
    for (const [k, v] of Object.entries(e)) {
      if (k === 'id' || k === 'type') continue;
      values[k] = typeof v === 'number' ? String(v) : v;
    }
    state.events.push({ key: state.nextKey++, type: e.type, values });
  }
  return state;
}

// ---- rendering --------------------------------------------------------------------------------------------

function hintId(id) {
  return `${id}-hint`;
}

// How the form names a value its city's catalog does not offer: set by the page (from every city's catalog).
let otherLabel = () => null;
export function setOtherLabels(fn) {
  otherLabel = fn;
}

function control(field, id, value, onValue, extraHint) {
  const label = fieldLabel(field);
  const hint = field.id === 'date' ? t('date_hint') : extraHint;
  const describedBy = [hint ? hintId(id) : null, `${id}-err`].filter(Boolean).join(' ');
  const req = field.required ? h('span', { class: 'req' }, ` (${t('required')})`) : null;
  const err = h('p', { class: 'field-error', id: `${id}-err`, hidden: true });
  const hintEl = hint ? h('p', { class: 'hint', id: hintId(id) }, hint) : null;
  let input;
  if (field.type === 'bool') {
    // Three answers, not a tick box: "no" (nothing is due) differs from "not given" (the fact is asked, the money
    // not certain).
    input = h('select', { id, 'aria-describedby': describedBy,
      onchange: (e) => onValue(e.target.value === 'true' ? true : e.target.value === 'false' ? false : undefined, true) },
    h('option', { value: '' }, t('not_given')),
    h('option', { value: 'true', selected: value === true }, t('yes')),
    h('option', { value: 'false', selected: value === false }, t('no')));
  } else if (field.type === 'enum') {
    input = h('select', { id, required: field.required, 'aria-describedby': describedBy,
      onchange: (e) => onValue(e.target.value || undefined, true) },
    h('option', { value: '' }, field.required ? t('choose') : t('not_given')),
    (field.options ?? []).map((o) => h('option', { value: o.id, selected: o.id === value }, pick(o))));
    // An id from a link that this catalog does not know (another city's title): keep it visible rather than silently
    // dropping it, by its name where another city's catalog has one.
    if (value && !(field.options ?? []).some((o) => o.id === value)) {
      input.append(h('option', { value, selected: true }, otherLabel(value) ?? value));
    }
  } else if (field.type === 'int') {
    input = h('input', { id, type: 'text', inputmode: 'numeric', pattern: '[\\-－]?[0-9０-９]*', autocomplete: 'off',
      value: value ?? '', required: field.required, 'aria-describedby': describedBy,
      oninput: (e) => onValue(e.target.value, false) });
  } else if (field.type === 'date') {
    input = dateInput(id, value, describedBy, (v) => onValue(v, false));
  } else {
    input = h('input', { id, type: 'text', autocomplete: 'off', value: value ?? '', maxlength: 200,
      required: field.required, 'aria-describedby': describedBy, oninput: (e) => onValue(e.target.value, false) });
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label, req), hintEl, input, optionHints(field), err);
}

// One plain sentence per choice (a route to a level, who trained the worker …) where the catalog gives one.
function optionHints(field) {
  const withHint = (field.options ?? []).filter((o) => o.hint);
  if (!withHint.length) return null;
  return h('details', { class: 'option-hints' }, h('summary', {}, t('what_choices_mean')),
    h('dl', {}, withHint.flatMap((o) => [h('dt', {}, pick(o)), h('dd', {}, pick(o.hint))])));
}

// Dates are typed as year-month-day (2025-07-15), the same in every browser and language: a date picker would
// show the browser's own order (mm/dd/yyyy in many), whatever the page's language.
function dateInput(id, value, describedBy, onValue) {
  return h('input', { id, type: 'text', class: 'date', autocomplete: 'off', spellcheck: 'false', maxlength: 16,
    value: value ?? '', 'aria-describedby': describedBy, oninput: (e) => onValue(e.target.value) });
}

function radioGroup({ name, legend, options, value, onPick, cls }) {
  return h('fieldset', { class: `choice ${cls ?? ''}` },
    h('legend', {}, h('h2', { class: 'step' }, legend)),
    h('div', { class: 'choice-options' },
      options.map((o) => {
        const id = fieldId(name, o.id);
        return h('div', { class: 'choice-option' },
          h('input', { type: 'radio', name, id, value: o.id, checked: o.id === value,
            onchange: () => onPick(o.id) }),
          h('label', { for: id }, o.label));
      })));
}

// ctx: { state, catalog, cities: [{id, label}], hideCity, onStructure(), onValue(), onCalculate(), onCity(id) }
export function renderForm(form, ctx) {
  const { state, catalog } = ctx;
  const active = document.activeElement?.id;
  clear(form);

  if (!ctx.hideCity) {
    form.append(radioGroup({
      name: 'city', legend: t('step_city'), cls: 'choice-city', value: state.city,
      options: ctx.cities.map((c) => ({ id: c.id, label: pick(c.label) })),
      onPick: (id) => ctx.onCity(id),
    }));
  }

  if (state.city && catalog) {
    form.append(radioGroup({
      name: 'kind', legend: t('step_kind'), cls: 'choice-kind', value: state.kind,
      options: sortedKinds(catalog).map((k) => ({ id: k.id, label: pick(k) })),
      onPick: (id) => { state.kind = id; ctx.onStructure(); },
    }));
  }

  if (!state.city || !state.kind || !catalog) {
    // A page fixed to one city (embed) names it, since its city picker is hidden.
    const fixed = ctx.hideCity && state.city ? ctx.cities.find((c) => c.id === state.city) : null;
    form.append(h('p', { class: 'hint block-hint' },
      fixed ? `${pick(fixed.label)} · ${t('pick_kind_first')}` : t('pick_city_first')));
    restoreFocus(active);
    return;
  }

  const appFields = catalog.applicant_fields.filter((f) => shows(f, state.kind));
  if (appFields.length) {
    form.append(h('fieldset', { class: 'group about' },
      h('legend', {}, h('h2', { class: 'step' }, t('step_about'))),
      h('p', { class: 'hint' }, t('step_about_hint')),
      appFields.map((f) => control(f, fieldId('app', f.id), state.applicant[f.id], (v, structural) => {
        if (v === undefined) delete state.applicant[f.id];
        else state.applicant[f.id] = v;
        ctx.onValue(structural);
      }))));
  }

  const types = eventTypesFor(catalog, state.kind);
  const typeById = new Map(types.map((e) => [e.id, e]));
  const shown = state.events.filter((e) => typeById.has(e.type));
  const section = h('section', { class: 'group events', 'aria-labelledby': 'events-h' },
    h('h2', { id: 'events-h' }, t('step_events')),
    h('p', { class: 'hint' }, t('step_events_hint')));
  if (!shown.length) section.append(h('p', { class: 'empty' }, t('no_events')));
  shown.forEach((ev, i) => {
    const type = typeById.get(ev.type);
    const name = pick(type);
    const scope = `ev${ev.key}`;
    section.append(h('fieldset', { class: 'event', id: fieldId(scope, 'set'), dataset: { type: ev.type } },
      h('legend', {}, h('h3', { class: 'step' }, t('event_n', { n: i + 1, name }))),
      eventFields(type, state.kind, ev.values).map((f) =>
        control(f, fieldId(scope, f.id), ev.values[f.id], (v, structural) => {
          if (v === undefined || v === '') delete ev.values[f.id];
          else ev.values[f.id] = v;
          ctx.onValue(structural);
        })),
      h('button', { type: 'button', class: 'secondary remove', id: fieldId(scope, 'remove'),
        'aria-label': t('remove_event', { name: t('event_n', { n: i + 1, name }) }),
        onclick: () => {
          state.events = state.events.filter((e) => e !== ev);
          ctx.onStructure({ focus: fieldId('add', 'type') });
        } }, t('remove'))));
  });

  const addSelect = h('select', { id: fieldId('add', 'type') },
    types.map((e) => h('option', { value: e.id }, pick(e))));
  section.append(h('div', { class: 'add-event' },
    h('label', { for: addSelect.id }, t('add_event_label')),
    h('div', { class: 'add-row' }, addSelect,
      h('button', { type: 'button', class: 'secondary', id: fieldId('add', 'button'), onclick: () => {
        const ev = { key: state.nextKey++, type: addSelect.value, values: {} };
        state.events.push(ev);
        const first = eventFields(typeById.get(ev.type), state.kind, ev.values)[0];
        ctx.onStructure({ focus: first ? fieldId(`ev${ev.key}`, first.id) : null });
      } }, t('add')))));
  form.append(section);

  const asOf = h('details', { class: 'more', open: state.asOf ? true : null },
    h('summary', {}, t('more')),
    h('div', { class: 'field' },
      h('label', { for: fieldId('opt', 'as_of') }, t('as_of')),
      h('p', { class: 'hint', id: 'asof-hint' }, t('as_of_hint')),
      dateInput(fieldId('opt', 'as_of'), state.asOf, 'asof-hint', (v) => { state.asOf = v; ctx.onValue(false); })));
  form.append(asOf);

  form.append(h('div', { class: 'actions' },
    h('button', { type: 'submit', class: 'primary', id: 'calculate' }, t('calculate'))));
  restoreFocus(active);
}

function restoreFocus(id) {
  if (!id) return;
  const el = document.getElementById(id);
  if (el) el.focus({ preventScroll: true });
}

// Marks fields with problems (from the page's checks or the core's error path) and fills their messages.
export function markProblems(problems) {
  for (const el of document.querySelectorAll('[aria-invalid="true"]')) el.removeAttribute('aria-invalid');
  for (const el of document.querySelectorAll('.field-error')) { el.hidden = true; el.textContent = ''; }
  for (const p of problems) {
    const el = document.getElementById(p.id);
    if (!el) continue;
    el.setAttribute('aria-invalid', 'true');
    const err = document.getElementById(`${p.id}-err`);
    if (err) { err.textContent = p.message; err.hidden = false; }
  }
}

// The element id for a core error path such as /events/1/rank or /applicant/age.
export function idForPath(path, state, catalog) {
  const m = /^\/events\/(\d+)(?:\/(\w+))?/.exec(path ?? '');
  if (m) {
    const types = new Set(eventTypesFor(catalog, state.kind).map((e) => e.id));
    const ev = state.events.filter((e) => types.has(e.type))[Number(m[1])];
    if (!ev) return null;
    const field = m[2] ? fieldId(`ev${ev.key}`, m[2]) : null;
    if (field && document.getElementById(field)) return field;
    // A field the page does not ask: point at the event's first question.
    const first = document.getElementById(fieldId(`ev${ev.key}`, 'set'))?.querySelector('input, select');
    return first?.id ?? null;
  }
  const a = /^\/applicant\/(\w+)/.exec(path ?? '');
  if (a) return fieldId('app', a[1]);
  if (/^\/as_of/.test(path ?? '')) return fieldId('opt', 'as_of');
  return null;
}
