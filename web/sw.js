// skillcalc service worker: precaches the whole site on the first visit, then serves it from the cache, so the
// page loads and calculates with the network off. It only ever answers requests for its own origin.
// web/assemble.sh rewrites the next two lines with the files of dist/ and a hash of their contents.
const VERSION = 'dev';
const PRECACHE = ['index.html', 'app.js', 'style.css'];

const CACHE = `skillcalc-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'no-cache' revalidates what the page itself just loaded (a 304 costs a few bytes), so nothing is
    // downloaded twice and a new version never mixes with old files.
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('skillcalc-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Any page of the site (?embed=1, ?kiosk=1, a share link's #s=…) is the one index.html.
    const hit = request.mode === 'navigate'
      ? await cache.match('index.html')
      : await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    return fetch(request);
  })());
});
