// Opening a share link: a link that cannot be opened says so in words, rather than showing an empty form or a
// result with part of the situation silently left out.
import { lang } from './i18n.js';

const WORDS = {
  zh: {
    broken: '这个分享链接无法打开：链接内容已损坏或不完整（可能复制时少了一部分）。请向发送者重新索取链接，或在下面重新填写。',
    city: '这个分享链接无法打开：链接中的城市“{city}”不在本计算器中。请在下面选择城市后重新计算。',
    refused: '这个分享链接中的情况无法计算：{msg}（位置 {path}）。请在下面改正后重新计算。',
    changed: '这个分享链接中有部分内容无法在表格中显示，下面的结果与链接所载情况不完全相同，请核对填写的情况。',
  },
  en: {
    broken: 'This share link cannot be opened: its content is damaged or incomplete (part of it may have been lost when it was copied). Ask the sender for the link again, or fill in the form below.',
    city: 'This share link cannot be opened: its city "{city}" is not one this calculator covers. Choose a city below and calculate again.',
    refused: 'The situation in this share link cannot be calculated: {msg} (at {path}). Correct it below and calculate again.',
    changed: 'Part of this share link cannot be shown in the form, so the result below differs from the situation in the link. Check what was entered.',
  },
};

function say(key, vars = {}) {
  const text = WORDS[lang() === 'zh' ? 'zh' : 'en'][key];
  return text.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

// Before the form is filled: why the link cannot be opened as it stands, or null. `shared` is the decoded situation
// (null when the fragment did not decode), `cities` the cities the page offers, `calc` the calculator.
export function shareProblem(shared, cities, calc) {
  if (!shared) return say('broken');
  if (!cities.some((c) => c.id === shared.city)) return say('city', { city: shared.city });
  const r = calc.evaluate(shared);
  if (!r.ok) return say('refused', { msg: (lang() === 'zh' ? r.error?.zh : r.error?.en) ?? r.error?.code, path: r.error?.path || '/' });
  return null;
}

// After the form is filled and calculated: a word when the form's result is not the link's.
export function shareChanged(shared, formResult, calc) {
  const key = (r) => JSON.stringify([(r.items ?? []).map((i) => [i.clause_id, i.status, i.total]), r.totals]);
  const direct = calc.evaluate({ ...shared, as_of: formResult.as_of });
  return direct.ok && key(direct) !== key(formResult) ? say('changed') : null;
}
