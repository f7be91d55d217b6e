// Kiosk mode (?kiosk=1): after the idle time without a touch or key (90 s, or ?idle=N seconds, 30 to 600), a
// visible countdown of COUNTDOWN_S seconds; then onReset() clears everything for the next visitor. The timer is only
// armed once someone has used the page. Time is measured, not counted in timer ticks: a display that sleeps or a
// throttled tab delays the ticks, never the clearing (the later of the wall clock and the monotonic clock counts).
import { h, clear } from './dom.js';
import { t } from './i18n.js';

export const IDLE_MS = 90_000;
export const COUNTDOWN_S = 30;
const TICK_MS = 250;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'];

// The idle time of ?idle=N (seconds), or the default.
export function idleMs(params) {
  const n = Number(params.get('idle'));
  return Number.isInteger(n) && n >= 30 && n <= 600 ? n * 1000 : IDLE_MS;
}

// Milliseconds since `since`, by whichever clock says more.
function elapsed(since) {
  return Math.max(Date.now() - since.wall, performance.now() - since.mono);
}
const mark = () => ({ wall: Date.now(), mono: performance.now() });

export function startKiosk({ onReset, idle = IDLE_MS }) {
  const dialog = h('dialog', { id: 'kiosk-dialog', class: 'kiosk-dialog', role: 'alertdialog',
    'aria-labelledby': 'kiosk-title', 'aria-describedby': 'kiosk-text' });
  document.body.append(dialog);
  let last = null;      // the last activity, once someone has used the page
  let countdown = null; // when the countdown began
  let timer = null;
  let done = false;

  function render() {
    clear(dialog);
    dialog.append(
      h('h2', { id: 'kiosk-title' }, t('kiosk_title')),
      h('p', { id: 'kiosk-text' }, t('kiosk_text', { n: COUNTDOWN_S })),
      h('p', { class: 'countdown', 'aria-hidden': 'true', id: 'kiosk-countdown' }, String(secondsLeft())),
      h('div', { class: 'kiosk-actions' },
        h('button', { type: 'button', class: 'primary', id: 'kiosk-continue', onclick: () => activity() },
          t('kiosk_continue')),
        h('button', { type: 'button', class: 'secondary', id: 'kiosk-clear', onclick: () => finish() },
          t('kiosk_clear_now'))));
  }

  function secondsLeft() {
    return countdown ? Math.max(0, Math.ceil(COUNTDOWN_S - elapsed(countdown) / 1000)) : COUNTDOWN_S;
  }

  // Runs every TICK_MS while someone's session is open, and whenever the page becomes visible again.
  function check() {
    if (done || !last) return;
    if (!countdown && elapsed(last) >= idle) {
      // The countdown began when the idle time ran out, even if this check comes late (a display asleep).
      countdown = { wall: last.wall + idle, mono: last.mono + idle };
      render();
      dialog.showModal();
      document.getElementById('kiosk-continue')?.focus();
    }
    if (!countdown) return;
    const left = secondsLeft();
    const el = document.getElementById('kiosk-countdown');
    if (el && el.textContent !== String(left)) el.textContent = String(left);
    if (left <= 0) finish();
  }

  function finish() {
    done = true;
    clearInterval(timer);
    if (dialog.open) dialog.close();
    onReset();
  }

  function activity(e) {
    if (done || (e && e.type === 'scroll' && dialog.open)) return;
    // A touch anywhere (the countdown itself, its words, the dimmed page around it) is someone still there, as
    // 继续使用 is; the dialog's buttons are left to their own clicks (Escape also keeps the session).
    if (e && dialog.open && e.target instanceof Element && e.target.closest('#kiosk-dialog button')) return;
    countdown = null;
    if (dialog.open) dialog.close();
    last = mark();
    if (!timer) timer = setInterval(check, TICK_MS);
  }

  // A reset reloads the page: the browser must not scroll it back to where the last visitor was, which would both
  // greet the next one mid-page and count as a visitor's scroll (the kiosk would no longer be idle, and a new
  // release waiting for an idle kiosk would wait for the next reset).
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  for (const type of ACTIVITY) window.addEventListener(type, activity, { capture: true, passive: true });
  document.addEventListener('visibilitychange', check);
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); activity(); });
  return {
    relabel: () => { if (dialog.open) { render(); document.getElementById('kiosk-continue')?.focus(); } },
    // Nobody has used the page since it was loaded (or since the last reset).
    idle: () => !last,
  };
}
