// skillcalc service worker: keeps one whole release of the site in a cache named by its build id, and answers
// every request of its own origin from it, so the page loads and calculates with the network off.
// A release is installed whole or not at all: each file must match the SHA-256 that web/assemble.sh wrote here,
// so a server caught halfway through a deployment (new sw.js, old app.js) cannot produce a mixed cache.
// A new release waits until the page asks it to take over (release.js decides when), and then deletes the old.
// web/assemble.sh rewrites the next two lines with the build id and, for every file of dist/, its hash.
const VERSION = 'dev';
const PRECACHE = { 'index.html': '', 'app.js': '', 'style.css': '' };  // file -> first 16 hex digits of SHA-256

const CACHE = `skillcalc-${VERSION}`;

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Fetches every file (revalidating what the browser already holds: a 304 costs a few bytes) and checks it.
async function download() {
  return Promise.all(Object.entries(PRECACHE).map(async ([name, hash]) => {
    const response = await fetch(new Request(name, { cache: 'no-cache' }));
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    if (hash && !(await sha256(await response.clone().arrayBuffer())).startsWith(hash)) {
      throw new Error(`${name} is not the file of release ${VERSION}`);
    }
    return [name, response];
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const files = await download();  // throws: this release is not installed; the browser tries again later
    const cache = await caches.open(CACHE);
    await Promise.all(files.map(([name, response]) => cache.put(name, response)));
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skillcalc:activate') self.skipWaiting();
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
    return hit ?? fetch(request);
  })());
});
