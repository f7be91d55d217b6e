// 适老化 large-type mode: base type 20 px and up, line height 1.6, colours of 7:1 contrast or more, targets of
// 56 px, and nothing told by colour alone. One visible button turns it on and off; a city website sets it with
// ?large=1 (or keeps it off with ?large=0). A visitor's own choice is remembered on the device (except on a kiosk).
import { t } from './i18n.js';

const KEY = 'skillcalc.large.v1';

function stored() {
  try { return window.localStorage.getItem(KEY) === '1'; } catch { return false; }
}

function remember(on) {
  try { window.localStorage.setItem(KEY, on ? '1' : '0'); } catch { /* no storage: the choice lasts this visit */ }
}

// button: the toggle; onChange(on): after the mode changed (the embed theme, the parent's height…).
export function startLarge({ params, kiosk, button, onChange }) {
  const asked = params.get('large');
  let on = asked === '1' || (asked !== '0' && !kiosk && stored());
  const paint = () => {
    document.documentElement.classList.toggle('large', on);
    button.setAttribute('aria-pressed', String(on));
    onChange(on);
  };
  button.addEventListener('click', () => {
    on = !on;
    if (!kiosk) remember(on);
    paint();
  });
  paint();
  return { relabel: () => { button.textContent = t('large_mode'); } };
}
