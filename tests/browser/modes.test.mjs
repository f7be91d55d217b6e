// Kiosk (?kiosk=1): 90 s idle -> visible countdown -> everything cleared for the next visitor (the embed mode is
// tested in embed.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitReady, fillSituation, CASES } from './helpers.mjs';

const site = useSite();  // site.server, site.browser, site.outside: started before the tests

test('kiosk: large targets, no links out, countdown after 90 s idle, then nothing of the visitor remains', async () => {
  const page = await site.browser.context.newPage();
  await page.clock.install();
  await page.goto(`${site.server.url}?kiosk=1`);
  await waitReady(page);
  const historyLength = await page.evaluate(() => history.length);
  const target = await page.evaluate(() => document.getElementById('calculate')?.getBoundingClientRect().height
    ?? document.querySelector('.choice-option label').getBoundingClientRect().height);
  assert.ok(target >= 64, `targets are large (${target}px)`);

  await fillSituation(page, CASES.jining.situation);
  assert.equal(await page.getAttribute('#totals', 'data-max'), '2000');
  assert.equal(await page.locator('#share').count(), 0, 'no share link in a kiosk');
  assert.equal(await page.locator('#save').count(), 0, 'nothing saved in a kiosk');
  const linksOut = await page.evaluate(() => [...document.querySelectorAll('a[href]')]
    .filter((a) => !a.getAttribute('href').startsWith('#')).map((a) => a.href));
  assert.deepEqual(linksOut, []);
  // Someone left a share fragment in the address bar.
  await page.evaluate(() => history.replaceState(null, '', `${location.pathname}${location.search}#s=eyJjaXR5Ijoid2VpaGFpIn0`));

  // 89 s: nothing yet. 90 s: a visible countdown; touching "continue" keeps the session.
  await page.clock.runFor(89_000);
  assert.ok(await page.isHidden('#kiosk-dialog'));
  await page.clock.runFor(2_000);
  assert.ok(await page.isVisible('#kiosk-dialog'));
  assert.match(await page.textContent('#kiosk-dialog'), /清除本页所有内容/);
  await page.click('#kiosk-continue');
  assert.ok(await page.isHidden('#kiosk-dialog'));
  assert.equal(await page.getAttribute('#totals', 'data-max'), '2000', 'still there after "continue"');

  // Idle again: countdown runs out and the page is cleared.
  await page.clock.runFor(91_000);
  assert.ok(await page.isVisible('#kiosk-dialog'));
  const n = Number(await page.textContent('#kiosk-countdown'));
  assert.ok(n > 0 && n <= 30, `countdown shows ${n}`);
  await Promise.all([page.waitForEvent('load'), page.clock.runFor(31_000)]);
  await waitReady(page);
  const after = await page.evaluate(() => ({
    url: location.href,
    hash: location.hash,
    history: history.length,
    storage: localStorage.length + sessionStorage.length,
    result: !document.getElementById('result').hidden,
    events: document.querySelectorAll('fieldset.event').length,
    checked: document.querySelectorAll('input:checked').length,
    text: document.body.innerText,
  }));
  assert.equal(after.hash, '');
  assert.equal(after.url, `${site.server.url}?kiosk=1`);
  assert.equal(after.history, historyLength, 'no history entries were added');
  assert.equal(after.storage, 0);
  assert.equal(after.result, false);
  assert.equal(after.events, 0);
  assert.equal(after.checked, 0);
  assert.ok(!after.text.includes('2000元'));
  await page.close();
});

test('no request ever leaves the origin', () => {
  assert.deepEqual(site.outside, []);
});
