// Embed mode (?embed=1): the page lives in a city website's iframe. It posts its height to the parent and takes
// its colours from query parameters or a theme message. See README-embed.md for the format.
// Only sizes and colours cross the frame boundary: nothing the visitor enters is ever posted.

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

function applyTheme(values) {
  const root = document.documentElement;
  for (const [key, prop] of Object.entries(THEME_KEYS)) {
    const v = values[key];
    if (typeof v !== 'string' || v.length > 64) continue;
    if (key === 'font' ? /^(1[2-9]|2[0-8])px$/.test(v) : CSS.supports('color', v)) root.style.setProperty(prop, v);
  }
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
  applyTheme(Object.fromEntries(params));
  const target = originOf(params.get('origin') ?? '') ?? '*';
  const frame = (params.get('frame') ?? '').slice(0, 64) || null;
  const post = (msg) => {
    if (window.parent === window) return;
    window.parent.postMessage({ ...msg, frame }, target);
  };
  let last = -1;
  let pending = false;
  const sendHeight = () => {
    pending = false;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post({ type: 'skillcalc:height', height });
    }
  };
  const schedule = () => {
    if (!pending) { pending = true; requestAnimationFrame(sendHeight); }
  };
  new ResizeObserver(schedule).observe(document.documentElement);
  window.addEventListener('load', schedule);
  for (const ev of ['toggle', 'transitionend']) document.addEventListener(ev, schedule, true);
  window.addEventListener('message', (e) => {
    if (e.source !== window.parent || (target !== '*' && e.origin !== target)) return;
    const d = e.data;
    if (d && d.type === 'skillcalc:theme' && d.colors && typeof d.colors === 'object') applyTheme(d.colors);
    if (d && d.type === 'skillcalc:ping') { last = -1; schedule(); }
  });
  schedule();
  return {
    // The result was just shown: tell the parent where it starts so it may scroll there.
    resultShown(top) {
      post({ type: 'skillcalc:result', top: Math.max(0, Math.round(top)) });
    },
  };
}
