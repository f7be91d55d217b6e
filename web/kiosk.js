// Kiosk mode (?kiosk=1): after IDLE_MS without a touch or key, a visible countdown; then onReset() clears
// everything for the next visitor. The timer is only armed once someone has used the page.
import { h, clear } from './dom.js';
import { t } from './i18n.js';

export const IDLE_MS = 90_000;
export const COUNTDOWN_S = 30;
const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart', 'scroll'];

export function startKiosk({ onReset }) {
  const dialog = h('dialog', { id: 'kiosk-dialog', class: 'kiosk-dialog', role: 'alertdialog',
    'aria-labelledby': 'kiosk-title', 'aria-describedby': 'kiosk-text' });
  document.body.append(dialog);
  let idleTimer = null;
  let tick = null;
  let left = 0;

  function render() {
    clear(dialog);
    dialog.append(
      h('h2', { id: 'kiosk-title' }, t('kiosk_title')),
      h('p', { id: 'kiosk-text' }, t('kiosk_text', { n: COUNTDOWN_S })),
      h('p', { class: 'countdown', 'aria-hidden': 'true', id: 'kiosk-countdown' }, String(left)),
      h('div', { class: 'kiosk-actions' },
        h('button', { type: 'button', class: 'primary', id: 'kiosk-continue', onclick: () => activity() },
          t('kiosk_continue')),
        h('button', { type: 'button', class: 'secondary', id: 'kiosk-clear', onclick: () => finish() },
          t('kiosk_clear_now'))));
  }

  function stopCountdown() {
    if (tick) clearInterval(tick);
    tick = null;
    if (dialog.open) dialog.close();
  }

  function startCountdown() {
    left = COUNTDOWN_S;
    render();
    dialog.showModal();
    document.getElementById('kiosk-continue')?.focus();
    tick = setInterval(() => {
      left -= 1;
      const el = document.getElementById('kiosk-countdown');
      if (el) el.textContent = String(Math.max(left, 0));
      if (left <= 0) finish();
    }, 1000);
  }

  function finish() {
    stopCountdown();
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    onReset();
  }

  function activity(e) {
    // Keys and clicks inside the countdown dialog are handled by its buttons (Escape also keeps the session).
    if (e && e.type === 'scroll' && dialog.open) return;
    stopCountdown();
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = setTimeout(startCountdown, IDLE_MS);
  }

  for (const type of ACTIVITY) window.addEventListener(type, activity, { capture: true, passive: true });
  dialog.addEventListener('cancel', (e) => { e.preventDefault(); activity(); });
  return { relabel: () => { if (dialog.open) { render(); document.getElementById('kiosk-continue')?.focus(); } } };
}
