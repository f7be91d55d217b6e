// The claim sheet, the phone-sized result and share links: the Weihai worker (a 技师 via 金蓝领 and a national Class-I
// 2nd place) prints on one A4 page whose QR code reads back as the same share link; the result fits a phone; a share
// link lands on the answer, and one that cannot be opened says so. Needs dist/ assembled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { useSite, waitReady, shareFragment } from './helpers.mjs';

const site = useSite();
const SHOTS = process.env.SKILLCALC_SHOTS ?? os.tmpdir();

export const WORKER = {
  city: 'weihai', as_of: '2025-09-01', applicant: { kind: 'person', employer: 'enterprise' },
  events: [
    { id: 'e1', type: 'skill_level', date: '2025-05-20', level: 'technician', route: 'jinlanling_training' },
    { id: 'e2', type: 'competition', date: '2025-07-01', tier: 'national_class1', rank: 2, contest: 'cnc-2025' },
  ],
};

async function open(fragment, { lang } = {}) {
  const page = await site.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.server.url}${lang ? `?lang=${lang}` : ''}${fragment}`);
  await waitReady(page);
  return { page, errors };
}

// The pixels of a PNG, read in a blank page (no site, no CSP), for jsQR.
async function pixels(png) {
  const p = await site.browser.context.newPage();
  const img = await p.evaluate(async (b64) => {
    const im = new Image();
    im.src = `data:image/png;base64,${b64}`;
    await im.decode();
    const c = document.createElement('canvas');
    c.width = im.width; c.height = im.height;
    const g = c.getContext('2d');
    g.drawImage(im, 0, 0);
    return { width: c.width, height: c.height, data: Array.from(g.getImageData(0, 0, c.width, c.height).data) };
  }, png.toString('base64'));
  await p.close();
  return { ...img, data: Uint8ClampedArray.from(img.data) };
}

function pdfPages(pdf) {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

test('the Weihai worker: a share link lands on the answer; the claim sheet prints on one A4 page; its QR reads back', async () => {
  const fragment = shareFragment(WORKER);
  const { page, errors } = await open(fragment);
  await page.waitForSelector('#result:not([hidden]) #totals');
  // Landed: the result heading has focus and is on screen, not the form 2,500 px above it.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'result-h');
  const top = await page.evaluate(() => document.getElementById('result-h').getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 200, `result heading at ${top}px`);

  const sheet = page.locator('#claim-sheet');
  const text = await sheet.textContent();
  // 威政办发〔2025〕3号 9.: 3万元 for a national Class-I 2nd place, handled by the 责任单位 of clause 9.
  assert.ok(text.includes('3万元'), text);
  assert.ok(text.includes('市人力资源社会保障局等部门、单位,各区市政府、开发区管委'), 'handling unit of clause 9');
  assert.ok(text.includes('名次：2'), 'the contest result to bring');
  assert.ok(text.includes('12333'), 'where to ask');
  assert.ok(text.includes('本结果仅供参考'), 'the guidance notice');
  assert.ok(await sheet.locator('tr[data-clause="WH25-09-national-cat1"]').count());
  assert.ok(await sheet.locator('tr[data-clause="WH25-02-jinlanling"]').count());

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(SHOTS, 'claim-sheet-zh.pdf'), pdf);
  assert.equal(pdfPages(pdf), 1, 'one printed page');

  await page.setViewportSize({ width: 794, height: 1123 });  // A4 at 96 px an inch
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(SHOTS, 'claim-sheet-zh.png'), fullPage: true });
  const shot = await page.locator('#claim-sheet .sheet-qr svg').screenshot();
  const img = await pixels(shot);
  const code = jsQR(img.data, img.width, img.height);
  assert.ok(code, 'the printed QR code decodes');
  await page.emulateMedia({ media: 'screen' });
  await page.click('#share');
  assert.equal(code.data, await page.inputValue('#share-url'), 'the QR holds the page\'s share link');
  const url = new URL(code.data);
  assert.deepEqual(JSON.parse(Buffer.from(url.hash.slice(3), 'base64url').toString('utf8')), WORKER);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the claim sheet in English, one page', async () => {
  const { page } = await open(shareFragment(WORKER), { lang: 'en' });
  await page.waitForSelector('#result:not([hidden]) #totals');
  const text = await page.locator('#claim-sheet').textContent();
  assert.ok(text.includes('Claim sheet'));
  assert.ok(text.includes('responsible unit'));
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(SHOTS, 'claim-sheet-en.png'), fullPage: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  fs.writeFileSync(path.join(SHOTS, 'claim-sheet-en.pdf'), pdf);
  assert.equal(pdfPages(pdf), 1);
  await page.close();
});

// The sheet's rows add up to its total: a row whose money goes to someone else, or waits on a planned event, says so.
test('the claim sheet marks others\' money and planned money on their rows', async () => {
  const situation = {
    city: 'weihai', as_of: '2026-12-02', applicant: { kind: 'enterprise' },
    events: [
      { id: 'e1', type: 'skill_level', date: '2025-07-10', level: 'technician', route: 'jinlanling_training', count: 5 },
      { id: 'e2', type: 'skill_level', date: '2027-03-01', level: 'senior_technician', route: 'enterprise_self_evaluation', count: 2 },
    ],
  };
  const { page } = await open(shareFragment(situation));
  await page.waitForSelector('#result:not([hidden]) #totals');
  const rows = await page.locator('#claim-sheet tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ clause: tr.dataset.clause, apart: [...tr.querySelectorAll('.sheet-apart')].map((d) => d.textContent) })));
  const jinlanling = rows.find((r) => r.clause === 'WH25-02-jinlanling');
  assert.ok(jinlanling, JSON.stringify(rows));
  assert.ok(jinlanling.apart.some((x) => x.includes('职工或学员本人') && x.includes('不计入')), JSON.stringify(jinlanling));
  const plan = rows.find((r) => r.clause === 'WH25-08-self-eval-reward');
  assert.ok(plan, JSON.stringify(rows));
  assert.ok(plan.apart.some((x) => x.includes('计划中')), JSON.stringify(plan));
  await page.close();
});

// 5,200 px: the result also shows the sending unit's 100,000 for the national Class-I place (威海 2021 18.) as the
// employer's money.
test('the Weihai worker\'s result fits a phone: at most 5,200 px at 390 px wide, three suggestions shown', async () => {
  const { page } = await open(shareFragment(WORKER));
  await page.waitForSelector('#result:not([hidden]) #totals');
  const m = await page.evaluate(() => ({
    width: window.innerWidth,
    height: document.documentElement.scrollHeight,
    shown: [...document.querySelectorAll('.suggestions li.card')].filter((li) => li.checkVisibility()).length,
    more: document.querySelectorAll('.suggestions details.more-suggestions li.card').length,
  }));
  console.log(`phone height: ${m.height}px at ${m.width}px wide; suggestions shown: ${m.shown}`);
  assert.equal(m.width, 390);
  assert.ok(m.height <= 5200, `${m.height}px`);
  assert.equal(m.shown, 3);
  assert.ok(m.more > 0, 'the rest behind "more"');
  await page.close();
});

test('a share link that cannot be opened says so in words', async () => {
  const cases = [
    ['#s=%%%not-base64', /无法打开.*损坏/],
    [shareFragment({ ...WORKER, city: 'atlantis' }), /atlantis/],
    // where, in words: the first event's 名次, not /events/0/rank
    [shareFragment({ ...WORKER, events: [{ ...WORKER.events[1], rank: -3 }] }), /无法计算.*（链接中第 1 件事的“名次”）/],
    [shareFragment({ ...WORKER, as_of: '2025-02-30' }), /无法计算.*（计算日期）/],
  ];
  for (const [fragment, want] of cases) {
    const { page } = await open(fragment);
    await page.waitForSelector('#form-errors:not([hidden])');
    const msg = await page.textContent('#form-errors');
    assert.match(msg, want, fragment);
    assert.ok(await page.isHidden('#result'), 'no result shown for a link that cannot be opened');
    await page.close();
  }
});

// Eight events make a longer link and a QR code of more modules: the printed code grows with them, so that a module
// stays at least 1/3 mm (a cheap phone's camera), where a fixed 34 mm made them 0.23 mm; and it still holds the link.
test('a claim sheet of many events prints a larger QR code, its modules at least 1/3 mm', async () => {
  const events = [];
  for (let i = 0; i < 8; i++)
    events.push({ id: `e${i + 1}`, type: 'competition', date: `2025-0${(i % 4) + 6}-1${i}`, tier: 'national_class1', rank: 2, contest: `project-${i}` });
  const { page, errors } = await open(shareFragment({ ...WORKER, as_of: '2025-12-01', events }));
  await page.waitForSelector('#result:not([hidden]) #totals');
  await page.waitForSelector('#claim-sheet .sheet-qr svg', { state: 'attached' });
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  const { px, n } = await page.$eval('#claim-sheet .sheet-qr svg', (svg) =>
    ({ px: svg.getBoundingClientRect().width, n: Number(svg.getAttribute('viewBox').split(' ')[2]) }));
  const mm = px / (96 / 25.4);
  assert.ok(n > 120, `a long link (${n} modules with the quiet zone)`);
  assert.ok(mm / n >= 1 / 3 - 0.005, `a module of ${(mm / n).toFixed(3)} mm (${mm.toFixed(1)} mm for ${n})`);
  // what it holds, read at 4 pixels a module, which a 96-dpi screenshot resolves
  await page.$eval('#claim-sheet .sheet-qr', (f, size) => f.style.setProperty('--qr-size', `${size}px`), n * 4);
  const shot = await page.locator('#claim-sheet .sheet-qr svg').screenshot();
  fs.writeFileSync(path.join(SHOTS, 'claim-qr-many.png'), shot);
  const img = await pixels(shot);
  const code = jsQR(img.data, img.width, img.height);
  assert.ok(code, 'the QR code decodes');
  assert.deepEqual(JSON.parse(Buffer.from(new URL(code.data).hash.slice(3), 'base64url').toString('utf8')).events.length, 8);
  assert.deepEqual(errors, []);
  await page.close();
});

