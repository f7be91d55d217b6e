// Releases: the service worker keeps one whole release (one build id, every file checked against its hash) and
// a new release waits beside it until the page says it may take over, so no page ever mixes files of two releases.
//  - First visit: the page loads the calculator from the network and answers; then the worker is registered, and
//    its download of the release revalidates what the browser already holds (a 304 a file), installs and takes control.
//  - A page nobody has used yet switches to a new release at once (it reloads); a page in use shows a notice with
//    an "update" button, which reloads with the visitor's situation in the share fragment, recalculated.
//  - A kiosk switches when nobody is using it: at once when idle, otherwise at its next reset. It asks the server
//    for a new release every CHECK_MS, so a kiosk nobody touches still updates.
export const CHECK_MS = 10 * 60_000;

let registering = null;  // the registration, once sw.register() answers
let waiting = null;   // an installed worker of a newer release, not yet in control
let applying = null;  // the address to load once the new release is in control

const supported = () => 'serviceWorker' in navigator && window.isSecureContext;

// Registers the worker; on a first visit, waits (at most 20 s) until it controls the page. Never throws.
export async function registerWorker({ onReady }) {
  if (!supported()) return;
  const sw = navigator.serviceWorker;
  sw.ready.then(onReady).catch(() => {});
  registering = sw.register('sw.js', { updateViaCache: 'none' }).catch(() => null);
  if (sw.controller) return;  // a repeat visit goes on at once
  const reg = await registering;
  const installing = reg && (reg.installing || reg.waiting);
  if (!installing) return;
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 20_000);
    const done = () => { clearTimeout(timer); resolve(); };
    sw.addEventListener('controllerchange', done, { once: true });
    installing.addEventListener('statechange', () => { if (installing.state === 'redundant') done(); });
  });
}

// After boot. ctx: { kiosk, idle(): nobody is using the page, notice(apply): show the update notice,
// carry(): the address to reload with (the situation kept in the fragment) }.
export async function watchReleases(ctx) {
  const reg = await registering;
  if (!reg || !navigator.serviceWorker.controller) return;
  const offer = (worker) => {
    waiting = worker;
    if (ctx.idle()) pageLoaded().then(() => { if (ctx.idle()) apply(worker, location.href); });
    else if (!ctx.kiosk) ctx.notice(() => apply(worker, ctx.carry()));
  };
  // Another tab took the new release: this page keeps the files it has loaded; it follows at once if nobody is
  // using it, otherwise its notice (or the kiosk's reset) reloads it.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (applying) go(applying);
    else if (ctx.idle()) go(location.href);
  });
  reg.addEventListener('updatefound', () => {
    const worker = reg.installing;
    worker?.addEventListener('statechange', () => { if (worker.state === 'installed') offer(worker); });
  });
  if (reg.waiting) offer(reg.waiting);
  const check = () => reg.update().catch(() => {});
  check();
  if (ctx.kiosk) setInterval(() => { check(); if (waiting && ctx.idle()) apply(waiting, location.href); }, CHECK_MS);
  else document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') check(); });
}

// Resolves a moment after the page's load event. The new worker takes over once the old one is idle; Chromium was
// seen to wait 30 s more when the old one got a request (the page's icon, asked for after load) just after
// skipWaiting(), so an unused page that a new release waits for asks for it once its own requests are done.
function pageLoaded() {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 300);
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
  });
}

// The kiosk's reset: load `url` afresh, in the new release when one is waiting.
export function loadFresh(url) {
  if (waiting && waiting.state === 'installed') apply(waiting, url);
  else go(url);
}

// Loads `url` (of this page, perhaps with another fragment) afresh, in place: no history entry is added.
function go(url) {
  history.replaceState(null, '', url);
  location.reload();
}

function apply(worker, url) {
  if (applying) return;
  if (navigator.serviceWorker.controller === worker || worker.state === 'activated') { go(url); return; }
  applying = url;
  worker.postMessage({ type: 'skillcalc:activate' });
  // Should the new worker fail to take over, the page still goes where it was going (in the release it has).
  setTimeout(() => {
    if (navigator.serviceWorker.controller !== worker && new URL(url, location.href).href !== location.href) go(url);
  }, 10_000);
}
