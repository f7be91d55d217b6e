// Embed mode (?embed=1): the page lives in a city website's iframe. It posts its height to the parent and takes
// its colours from query parameters or a theme message. See README-embed.md for the format.
// Only sizes and colours cross the frame boundary: nothing the visitor enters is ever posted.
// A theme is taken whole or not at all: colours in #rgb, #rrggbb or rgb(r, g, b) only (no var(), no keywords),
// and every pair the page draws text or controls with must keep WCAG 2.1 AA contrast. Theme messages are taken
// only from the origin named by the `origin` parameter; without it, none are.
import { contrast, parseColor } from './color.js';

// Query parameter / theme key -> CSS custom property of style.css.
export const THEME_KEYS = {
  accent: '--sc-accent',
  'accent-text': '--sc-accent-text',
  bg: '--sc-bg',
  fg: '--sc-fg',
  muted: '--sc-muted',
  surface: '--sc-surface',
  border: '--sc-border',
  focus: '--sc-focus',
  font: '--sc-font-size',
};

// [text or control, background, minimum ratio]: what the page draws on what (style.css).
const PAIRS = [
  ['fg', 'bg', 4.5], ['fg', 'surface', 4.5], ['muted', 'bg', 4.5], ['muted', 'surface', 4.5],
  ['accent', 'bg', 4.5], ['accent', 'surface', 4.5], ['accent-text', 'accent', 4.5],
  ['border', 'bg', 3], ['focus', 'bg', 3], ['focus', 'surface', 3],
];

// The page's own light colours (style.css :root): a themed page is drawn in the light scheme.
const LIGHT = {
  accent: '#0b5cad', 'accent-text': '#ffffff', bg: '#ffffff', fg: '#17191c', muted: '#474d56', surface: '#f2f5f9',
  border: '#7b8594', focus: '#6b21a8',
};

const theme = {};  // the accepted theme (key -> value), applied unless large type is on

// The colours in force: the accepted theme over the page's own light colours.
function current() {
  return { ...LIGHT, ...theme };
}

// The base font size: whole pixels from FONT_MIN to FONT_MAX ("20px"). Returns null when it may be applied, or why
// not: `not_a_size` (anything but whole pixels) or `out_of_range`, each with the range allowed.
const FONT_MIN = 12;
const FONT_MAX = 28;
function fontSize(v) {
  const range = { min: `${FONT_MIN}px`, max: `${FONT_MAX}px` };
  const m = typeof v === 'string' ? /^\s*(\d{1,4})px\s*$/.exec(v) : null;
  if (!m) return { reason: 'not_a_size', ...range };
  const px = Number(m[1]);
  return px < FONT_MIN || px > FONT_MAX ? { reason: 'out_of_range', ...range } : null;
}

// "20px" as rem of the browser's default size (16 px): the same 20 px at the default setting, and larger for a
// visitor who set larger text in the browser, as the page's own size is (style.css).
function fontRem(v) {
  return `${Number.parseInt(v, 10) / 16}rem`;
}

// Returns { ok: values } when `values` may be applied, or the reason it is refused.
export function checkTheme(values) {
  const next = {};
  for (const [key, v] of Object.entries(values ?? {})) {
    if (!(key in THEME_KEYS)) return { reason: 'unknown_key', key };
    if (key === 'font') {
      const size = fontSize(v);
      if (size) return { ...size, key };
    } else if (typeof v !== 'string' || v.length > 64 || !parseColor(v)) return { reason: 'not_a_colour', key };
    next[key] = v.trim();
  }
  const all = { ...current(), ...next };
  for (const [a, b, min] of PAIRS) {
    const ratio = contrast(parseColor(all[a]), parseColor(all[b]));
    if (ratio !== null && ratio < min) return { reason: 'contrast', pair: `${a}/${b}`, ratio: Math.floor(ratio * 100) / 100, min };
  }
  return { ok: next };
}

// Puts the accepted theme on the page (or takes it off while large type, with its own colours, is on).
export function paintTheme() {
  const root = document.documentElement;
  const on = !root.classList.contains('large') && Object.keys(theme).some((k) => k !== 'font');
  for (const [key, prop] of Object.entries(THEME_KEYS)) {
    if (on && key in theme) root.style.setProperty(prop, theme[key]);
    else root.style.removeProperty(prop);
  }
  if (!root.classList.contains('large') && theme.font) root.style.setProperty('--sc-font-size', fontRem(theme.font));
  root.classList.toggle('themed', on);
}

function takeTheme(values, post) {
  const verdict = checkTheme(values);
  if (!verdict.ok) {
    console.warn('skillcalc: theme refused', verdict);
    post({ type: 'skillcalc:theme-refused', ...verdict });
    return;
  }
  Object.assign(theme, verdict.ok);
  paintTheme();
}

function originOf(text) {
  try {
    const u = new URL(text);
    return /^https?:$/.test(u.protocol) ? u.origin : null;
  } catch {
    return null;
  }
}

export function startEmbed(params) {
  const target = originOf(params.get('origin') ?? '');
  const frame = (params.get('frame') ?? '').slice(0, 64) || null;
  const post = (msg) => {
    if (window.parent === window) return;
    window.parent.postMessage({ ...msg, frame }, target ?? '*');
  };
  const fromParams = Object.fromEntries([...params].filter(([k]) => k in THEME_KEYS));
  if (Object.keys(fromParams).length) takeTheme(fromParams, post);

  let last = -1;
  let pending = false;
  let result = null;  // a result to announce once its height has been posted
  const height = () => Math.ceil(document.documentElement.getBoundingClientRect().height);
  const sendHeight = () => {
    pending = false;
    const now = height();
    if (now !== last) {
      last = now;
      post({ type: 'skillcalc:height', height: now });
    }
    if (result) {
      post({ type: 'skillcalc:result', top: result.top(), height: now });
      result = null;
    }
  };
  // A task, not an animation frame: a frame out of view, or in a tab in the background, gets no animation frames, and
  // its height is due at load and on every ping all the same (measuring lays the page out).
  const schedule = () => {
    if (!pending) { pending = true; setTimeout(sendHeight, 0); }
  };
  new ResizeObserver(schedule).observe(document.documentElement);
  window.addEventListener('load', schedule);
  for (const ev of ['toggle', 'transitionend']) document.addEventListener(ev, schedule, true);
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent) return;
    const d = e.data;
    if (d && d.type === 'skillcalc:ping') { last = -1; schedule(); }
    // Colours only from the site named by `origin`: anyone else could make the text unreadable.
    if (target && e.origin === target && d && d.type === 'skillcalc:theme' && d.colors && typeof d.colors === 'object') {
      takeTheme(d.colors, post);
    }
  });
  schedule();
  return {
    post,  // a message to the parent (the frame id is added)
    // The result was just shown: once the new height is posted, tell the parent where the result starts.
    // `top()` gives the offset of its heading from the top of the document.
    resultShown(top) {
      result = { top: () => Math.max(0, Math.round(top())) };
      schedule();
    },
  };
}
