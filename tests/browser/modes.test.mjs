// Kiosk (?kiosk=1): 90 s idle -> visible countdown -> everything cleared for the next visitor (the embed mode is
// tested in embed.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { useSite, waitReady, fillSituation, CASES } from './helpers.mjs';

const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

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
  // The kiosk's 28 px holds for every text of the result, its hints, notes and explanations unfolded too.
  await page.evaluate(() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; }));
  const sized = await page.evaluate(measure);
  assert.ok(sized.minPx >= 28, `no text under 28 px in a kiosk (smallest: ${JSON.stringify(sized.smallest)})`);
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
  // A touch on the dimmed page around the countdown keeps the session too.
  await page.clock.runFor(91_000);
  assert.ok(await page.isVisible('#kiosk-dialog'));
  await page.mouse.click(3, 3);
  assert.ok(await page.isHidden('#kiosk-dialog'), 'a touch beside the dialog stops the countdown');
  await page.clock.runFor(10_000);
  assert.equal(await page.getAttribute('#totals', 'data-max'), '2000', 'still there after a touch beside it');
  // So does a touch on the countdown itself, the number the visitor is looking at.
  await page.clock.runFor(91_000);
  assert.ok(await page.isVisible('#kiosk-dialog'));
  // A real touch (not click(), which waits for the element to stay put: the touch itself closes the dialog).
  const box = await page.locator('#kiosk-countdown').boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  assert.ok(await page.isHidden('#kiosk-dialog'), 'a touch on the countdown stops it');
  await page.clock.runFor(35_000);
  assert.equal(await page.getAttribute('#totals', 'data-max'), '2000', 'still there after a touch on the countdown');
  await page.keyboard.press('Shift');  // still there: the idle time starts again

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


test('kiosk: the footer says what happens, no print button, and a display asleep does not delay the clearing', async () => {
  const page = await site.browser.context.newPage();
  await page.clock.install();
  await page.goto(`${site.server.url}?kiosk=1`);
  await waitReady(page);
  assert.match(await page.textContent('#privacy'), /无人操作90秒后显示30秒倒计时，倒计时结束即清除本页内容/);
  await fillSituation(page, CASES.jining.situation);
  assert.equal(await page.locator('#print').count(), 0, 'a kiosk has no printer');

  // The display sleeps: timers stop; 100 s later one fires. The countdown began at 90 s: 20 s are left.
  await page.clock.fastForward(100_000);
  await page.waitForSelector('#kiosk-dialog[open]');
  assert.equal(await page.textContent('#kiosk-countdown'), '20');
  // Asleep again for 25 s: the page is cleared at the first tick, not 20 ticks later.
  await Promise.all([page.waitForEvent('load'), page.clock.fastForward(25_000)]);
  await waitReady(page);
  assert.equal(await page.locator('#totals').count(), 0);

  // An operator's own idle time (?idle=45): said in the footer, and kept.
  await page.goto(`${site.server.url}?kiosk=1&idle=45&lang=en`);
  await waitReady(page);
  assert.match(await page.textContent('#privacy'), /After 45 seconds without use a 30-second countdown starts; when it ends, the page is cleared\./);
  await page.check('#f-city-weihai');
  await page.clock.runFor(44_000);
  assert.ok(await page.isHidden('#kiosk-dialog'));
  await page.clock.runFor(2_000);
  assert.ok(await page.isVisible('#kiosk-dialog'));
  await page.close();
});

// Every text element's size, and every control's size, as laid out.
function measure() {
  const visible = (el) => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  const texts = [...document.querySelectorAll('body *')].filter((el) => visible(el) &&
    [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()) && !el.closest('.visually-hidden, .site-header'));
  const small = texts.map((el) => ({ el: el.className || el.tagName, px: parseFloat(getComputedStyle(el).fontSize),
    lh: parseFloat(getComputedStyle(el).lineHeight) / parseFloat(getComputedStyle(el).fontSize) }));
  const controls = [...document.querySelectorAll('main button, main select, main input:not([type=radio]):not([type=checkbox]), main summary, main .choice-option label, main .field-check')]
    .filter(visible).map((el) => ({ el: el.id || el.className || el.tagName, h: el.getBoundingClientRect().height }));
  return { minPx: Math.min(...small.map((s) => s.px)), smallest: small.sort((a, b) => a.px - b.px)[0],
    minLh: Math.min(...small.filter((s) => Number.isFinite(s.lh)).map((s) => s.lh)),
    tightest: small.filter((s) => Number.isFinite(s.lh)).sort((a, b) => a.lh - b.lh)[0],
    minTarget: Math.min(...controls.map((c) => c.h)), lowest: controls.sort((a, b) => a.h - b.h)[0] };
}

test('large type (适老化): ?large=1 and the switch; 20 px text, line height 1.5, 48 px targets, 7:1 contrast', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}?large=1`);
  await waitReady(page);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large')));
  assert.equal(await page.getAttribute('#large-switch', 'aria-pressed'), 'true');
  await fillSituation(page, CASES.yantai.situation);
  await page.evaluate(() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; }));
  const m = await page.evaluate(measure);
  assert.ok(m.minPx >= 20, `no text under 20 px (smallest: ${JSON.stringify(m.smallest)})`);
  assert.ok(m.minLh >= 1.5, `line height at least 1.5 (tightest: ${JSON.stringify(m.tightest)})`);
  assert.ok(m.minTarget >= 48, `targets at least 48 px high (lowest: ${JSON.stringify(m.lowest)})`);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(AXE_SOURCE);  // by the debugger protocol: the page's CSP allows no inline script
    const r = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast-enhanced', 'color-contrast'] } }));
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], `7:1 contrast (${scheme})`);
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The visitor's own switch: off, on, remembered on the next visit; ?large=0 wins over it.
  await page.goto(site.server.url);
  await waitReady(page);
  assert.ok(await page.evaluate(() => !document.documentElement.classList.contains('large')));
  await page.click('#large-switch');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large')));
  assert.equal(await page.getAttribute('#large-switch', 'aria-pressed'), 'true');
  await page.reload();
  await waitReady(page);
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains('large')));
  await page.goto(`${site.server.url}?large=0`);
  await waitReady(page);
  assert.ok(await page.evaluate(() => !document.documentElement.classList.contains('large')));
  await page.evaluate(() => localStorage.clear());
  await page.close();
});

test('read aloud: hidden without a Chinese voice; with one, it reads the result in Chinese', async () => {
  const plain = await site.browser.context.newPage();
  await plain.goto(site.server.url);
  await waitReady(plain);
  await fillSituation(plain, CASES.weihai.situation);
  const voices = await plain.evaluate(() => ('speechSynthesis' in window ? speechSynthesis.getVoices().filter((v) => /^(zh|cmn)/i.test(v.lang)).length : 0));
  if (!voices) assert.ok(await plain.isHidden('#speak'), 'no Chinese voice: no button');
  await plain.close();

  const page = await site.browser.context.newPage();
  await page.addInitScript(() => {
    const voices = [{ name: 'Test English', lang: 'en-US' }, { name: 'Test 普通话', lang: 'zh-CN' }];
    window.spoken = [];
    window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
      speaking: false, getVoices: () => voices, addEventListener() {}, cancel() {},
      speak(u) { window.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name }); },
    } });
  });
  await page.goto(site.server.url);
  await waitReady(page);
  await fillSituation(page, CASES.weihai.situation);
  assert.ok(await page.isVisible('#speak'));
  await page.click('#speak');
  const [said] = await page.evaluate(() => window.spoken);
  assert.equal(said.voice, 'Test 普通话');
  assert.equal(said.lang, 'zh-CN');
  assert.match(said.text, /计算结果/);
  assert.match(said.text, /5000元/);
  await page.close();
});

test('text size follows the browser\'s own setting: 18 px at its default 16 px, in proportion above it', async () => {
  const page = await site.browser.context.newPage();
  const cdp = await site.browser.context.newCDPSession(page);
  const root = async (query) => {
    await page.goto(`${site.server.url}${query}`);
    await waitReady(page);
    return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  };
  const sizes = async () => ({ page: await root('?large=0'), large: await root('?large=1'),
    embed: await root('?embed=1&city=weihai&font=20px&large=0'), kiosk: await root('?kiosk=1') });
  // The browser's default (16 px): the page as it always looked.
  assert.deepEqual(await sizes(), { page: 18, large: 20, embed: 20, kiosk: 28 });
  // A visitor who set larger text (24 px) gets everything half as large again; large type and a city's size too.
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 24 } });
  assert.deepEqual(await sizes(), { page: 27, large: 30, embed: 30, kiosk: 42 });
  // Smaller text (12 px) is taken too, but large type and the kiosk keep their own minimum.
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 12 } });
  assert.deepEqual(await sizes(), { page: 13.5, large: 20, embed: 15, kiosk: 28 });
  await page.close();
});

test('no request ever leaves the origin', () => {
  assert.deepEqual(site.outside, []);
});

test('kiosk: a narrow screen (360 px) needs no sideways scrolling at the kiosk\'s large type', async () => {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`${site.server.url}?kiosk=1&city=rizhao`);
  await waitReady(page);
  await page.waitForSelector('.choice-kind .choice-options');
  const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
  assert.ok(scroll <= inner, `the page is ${scroll} px wide in a ${inner} px window`);
  await page.close();
});
