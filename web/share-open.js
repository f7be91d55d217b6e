// Opening a share link: a link that cannot be opened says so in words, rather than showing an empty form or a
// result with part of the situation silently left out.
import { lang } from './i18n.js';

const WORDS = {
  zh: {
    broken: '这个分享链接无法打开：链接内容已损坏或不完整（可能复制时少了一部分）。请向发送者重新索取链接，或在下面重新填写。',
    city: '这个分享链接无法打开：链接中的城市“{city}”不在本计算器中。请在下面选择城市后重新计算。',
    refused: '这个分享链接中的情况无法计算：{msg}（{path}）。请在下面改正后重新计算。',
    at_event: '链接中第 {n} 件事的“{field}”',
    at_event_only: '链接中第 {n} 件事',
    at_applicant: '申请人的“{field}”',
    at_whole: '整个情况',
    f_as_of: '计算日期',
    f_city: '城市',
    f_kind: '申请人类型',
    f_type: '事件类型',
    f_id: '事件编号',
    f_date: '日期',
    changed: '这个分享链接中有部分内容无法在表格中显示，下面的结果与链接所载情况不完全相同，请核对填写的情况。',
  },
  en: {
    broken: 'This share link cannot be opened: its content is damaged or incomplete (part of it may have been lost when it was copied). Ask the sender for the link again, or fill in the form below.',
    city: 'This share link cannot be opened: its city "{city}" is not one this calculator covers. Choose a city below and calculate again.',
    refused: 'The situation in this share link cannot be calculated: {msg} ({path}). Correct it below and calculate again.',
    at_event: 'event {n} of the link, “{field}”',
    at_event_only: 'event {n} of the link',
    at_applicant: 'the applicant\'s “{field}”',
    at_whole: 'the whole situation',
    f_as_of: 'the day of the calculation',
    f_city: 'city',
    f_kind: 'kind of applicant',
    f_type: 'kind of event',
    f_id: 'event id',
    f_date: 'date',
    changed: 'Part of this share link cannot be shown in the form, so the result below differs from the situation in the link. Check what was entered.',
  },
};

function say(key, vars = {}) {
  const text = WORDS[lang() === 'zh' ? 'zh' : 'en'][key];
  return text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

// Where the error is, in words: /events/0/rank is 第 1 件事的“名次” (the field's label from the city's catalog, its id
// where the catalog has none), /applicant/age 申请人的“年龄”.
function placeOf(path, shared, calc) {
  const parts = String(path || '').split('/').filter(Boolean);
  let cat = null;
  try { cat = calc.catalog(shared.city); } catch { cat = null; }
  const fixed = (id) => (['as_of', 'city', 'kind', 'type', 'id', 'date'].includes(id) ? say(`f_${id}`) : id);
  const label = (fields, id) => {
    const f = (fields ?? []).find((x) => x.id === id);
    return f ? (lang() === 'zh' ? f.zh : f.en) : fixed(id);
  };
  if (parts[0] === 'events' && /^\d+$/.test(parts[1] ?? '')) {
    const n = Number(parts[1]) + 1;
    if (!parts[2]) return say('at_event_only', { n });
    const type = cat?.event_types?.find((e) => e.id === shared.events?.[n - 1]?.type);
    return say('at_event', { n, field: label(type?.fields, parts[2]) });
  }
  if (parts[0] === 'applicant' && parts[1]) return say('at_applicant', { field: label(cat?.applicant_fields, parts[1]) });
  if (parts.length === 1) return fixed(parts[0]);
  return parts.length ? `/${parts.join('/')}` : say('at_whole');
}

// Before the form is filled: why the link cannot be opened as it stands, or null. `shared` is the decoded situation
// (null when the fragment did not decode), `cities` the cities the page offers, `calc` the calculator.
export function shareProblem(shared, cities, calc) {
  if (!shared) return say('broken');
  if (!cities.some((c) => c.id === shared.city)) return say('city', { city: shared.city });
  const r = calc.evaluate(shared);
  if (!r.ok) {
    const msg = (lang() === 'zh' ? r.error?.zh : r.error?.en) ?? r.error?.code;
    return say('refused', { msg, path: placeOf(r.error?.path, shared, calc) });
  }
  return null;
}

// After the form is filled and calculated: a word when the form's result is not the link's.
export function shareChanged(shared, formResult, calc) {
  const key = (r) => JSON.stringify([(r.items ?? []).map((i) => [i.clause_id, i.status, i.total]), r.totals]);
  const direct = calc.evaluate({ ...shared, as_of: formResult.as_of });
  return direct.ok && key(direct) !== key(formResult) ? say('changed') : null;
}
