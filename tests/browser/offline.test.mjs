// Offline: after one visit the service worker has precached the whole site; with the server gone and the
// network off, the page (plain, kiosk, or a share link) loads and calculates. The manifest makes it installable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useSite, waitReady, fillSituation, shareFragment, CASES, DIST } from './helpers.mjs';

const site = useSite();  // site.server, site.browser, site.outside: started before the tests

test('the service worker precaches every file of dist/ and the page is installable', async () => {
  const page = site.browser.context.pages()[0] ?? await site.browser.context.newPage();
  await page.goto(site.server.url);
  await waitReady(page);
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 30_000 });
  const cached = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((k) => k.startsWith('skillcalc-'));
    const cache = await caches.open(names[0]);
    return { names, files: (await cache.keys()).map((r) => new URL(r.url).pathname.slice(1)).sort() };
  });
  assert.equal(cached.names.length, 1);
  const files = fs.readdirSync(DIST).filter((f) => !f.startsWith('.') && f !== 'sw.js' && fs.statSync(path.join(DIST, f)).isFile());
  for (const f of files) assert.ok(cached.files.includes(f), `${f} is precached`);
  const sw = fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /^const VERSION = '[0-9a-f]{16}';$/m);
  assert.ok(cached.names[0].endsWith(/VERSION = '([0-9a-f]+)'/.exec(sw)[1]));

  const cdp = await site.browser.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.icons.some((i) => i.src === 'icon.svg'));
});

test('the works-offline line follows the language chosen after it was said', async () => {
  const page = site.browser.context.pages()[0];
  await page.waitForFunction(() => document.getElementById('offline').dataset.ready === '1', null, { timeout: 30_000 });
  assert.equal(await page.textContent('#offline'), '已可离线使用。');
  await page.click('#lang-switch');
  assert.equal(await page.textContent('#offline'), 'Works offline now.');
  await page.click('#lang-switch');
  assert.equal(await page.textContent('#offline'), '已可离线使用。');
});

test('with the server stopped and the network off, the page reloads and calculates', async () => {
  const page = site.browser.context.pages()[0];
  await site.server.close();
  await site.browser.context.setOffline(true);
  const before = site.server.served.length;
  await page.reload();
  await waitReady(page);
  await fillSituation(page, CASES.weihai.situation);
  assert.equal(await page.getAttribute('#totals', 'data-max'), '5000');
  assert.ok(await page.locator('li[data-clause="WH25-02-jinlanling"]').count());

  // Another tab: a kiosk URL and a share link, both answered from the cache.
  const kiosk = await site.browser.context.newPage();
  await kiosk.goto(`${site.server.url}?kiosk=1&city=rizhao`);
  await waitReady(kiosk);
  assert.ok(await kiosk.evaluate(() => document.documentElement.classList.contains('kiosk')));
  const shared = await site.browser.context.newPage();
  await shared.goto(site.server.url + shareFragment(CASES.yantai.situation));
  await waitReady(shared);
  await shared.waitForSelector('#totals');
  assert.equal(await shared.getAttribute('#totals', 'data-max'), '100000');
  assert.equal(site.server.served.length, before, 'nothing reached the (stopped) server');
  await site.browser.context.setOffline(false);
});

test('no request ever leaves the origin', () => {
  assert.deepEqual(site.outside, []);
});
