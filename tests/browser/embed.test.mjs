// Embed (?embed=1&city=…) in a city website's iframe: no city picker or page chrome; the height posted to the
// parent, and the result message only after the height that holds the result; theme colours from parameters or
// from the site named by `origin` only, refused below WCAG AA contrast or when not plain colours.
// The city websites are two more local servers (the city at http://localhost:…, another site at 127.0.0.1 on a
// third port), each answering every path with the parent page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { DIST, distReady, startServer, launch, fillSituation, CASES } from './helpers.mjs';

let CITY;
let OTHER;
let server;
let browser;
const parents = [];

// The parent page: frames the calculator, grows the frame with its height, keeps every message in order.
function parentPage(src) {
  return `<!doctype html><title>city site</title>
      <iframe id="sc" src="${src}" style="display:block;width:360px;height:400px;border:0"></iframe>
      <script>
        window.got = [];
        addEventListener('message', (e) => {
          const d = e.data, f = document.getElementById('sc');
          window.got.push({ ...d, frameHeight: f.getBoundingClientRect().height });
          if (d && d.type === 'skillcalc:height') f.style.height = d.height + 'px';
        });
      </script>`;
}

async function parentServer(host) {
  const s = http.createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') ?? '';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(parentPage(src.replace(/"/g, '&quot;')));
  });
  await new Promise((resolve) => { s.listen(0, '127.0.0.1', resolve); });
  parents.push(s);
  return `http://${host}:${s.address().port}`;
}

before(async () => {
  assert.ok(distReady(), `${DIST} is not assembled: run wasm/build.sh, then web/assemble.sh`);
  server = await startServer();
  browser = await launch();
  CITY = await parentServer('localhost');
  OTHER = await parentServer('127.0.0.1');
});
after(async () => {
  await browser?.close();
  await server?.close();
  for (const s of parents) s.close();
});

async function open(parent, query) {
  const page = await browser.context.newPage();
  await page.goto(`${parent}/?src=${encodeURIComponent(server.url + query)}`);
  const frame = await (await page.waitForSelector('#sc')).contentFrame();
  await frame.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
  return { page, frame };
}

const cssVar = (frame, name) => frame.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);
const messages = (page, type) => page.evaluate((t) => window.got.filter((m) => !t || m.type === t), type);
const sendTheme = (page, colors) => page.evaluate((c) => document.getElementById('sc').contentWindow.postMessage({ type: 'skillcalc:theme', colors: c }, '*'), colors);

test('embed: no chrome, parameter colours, and the result message comes after the height that holds it', async () => {
  const { page, frame } = await open(CITY, `?embed=1&city=weihai&frame=calc1&origin=${encodeURIComponent(CITY)}&accent=%23a11d2b&bg=%23fffdf7`);
  await page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:height'));
  assert.equal(await frame.locator('#f-city-weihai').count(), 0, 'no city picker');
  assert.match(await frame.locator('.block-hint').first().textContent(), /^威海 · 请先选择身份/, 'the fixed city is named');
  assert.ok(await frame.locator('.site-footer').isHidden());
  assert.ok(await frame.locator('#lang-switch').isHidden());
  assert.ok(await frame.locator('#large-switch').isVisible(), 'the large-type switch is in the frame');
  assert.equal(await cssVar(frame, '--sc-accent'), '#a11d2b');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 253, 247)');
  const first = (await messages(page, 'skillcalc:height')).at(-1);
  assert.equal(first.frame, 'calc1');

  await fillSituation(frame, CASES.weihai.situation);
  assert.equal(await frame.getAttribute('#totals', 'data-max'), '5000');
  await page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:result'));
  await page.waitForTimeout(500);
  const got = await messages(page);
  const at = got.findIndex((m) => m.type === 'skillcalc:result');
  const result = got[at];
  const docHeight = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const headingTop = await frame.evaluate(() => Math.round(document.getElementById('result-h').getBoundingClientRect().top + window.scrollY));
  assert.equal(result.height, docHeight, 'the result message carries the height with the result');
  assert.ok(result.height > first.height + 500);
  assert.equal(result.frameHeight, docHeight, 'when it arrives, the parent has already grown the frame');
  assert.equal(result.top, headingTop);
  assert.ok(result.top < result.height, 'the result lies inside the frame');
  assert.deepEqual(got.slice(at + 1).filter((m) => m.type === 'skillcalc:height'), [], 'no growth after the result message');
  // Only sizes cross the frame: no message carries anything the visitor entered.
  const keys = new Set(got.flatMap((m) => Object.keys(m)));
  assert.deepEqual([...keys].sort(), ['frame', 'frameHeight', 'height', 'top', 'type']);
  // Started again, the form is short again and so is the height posted: the parent's frame can shrink.
  const before = got.length;
  await frame.click('#restart');
  await page.waitForFunction((n) => window.got.slice(n).some((m) => m.type === 'skillcalc:height'), before);
  const after = (await messages(page, 'skillcalc:height')).at(-1);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.ok(after.height < result.height - 500, `the height shrinks after starting again (${after.height} after ${result.height})`);
  assert.equal(after.height, content);
  await page.close();
});

test('embed: the height is posted at load and on every ping, in a frame taller than its content', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${CITY}/?src=${encodeURIComponent(server.url + '?embed=1&city=weihai&frame=tall')}`);
  await page.evaluate(() => { document.getElementById('sc').style.height = '2500px'; });
  const frame = await (await page.waitForSelector('#sc')).contentFrame();
  await frame.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
  await page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:height'));
  const first = (await messages(page, 'skillcalc:height')).at(-1);
  assert.ok(first.height < 2500, `the content's height, not the frame's (${first.height})`);
  const n = (await messages(page)).length;
  await page.evaluate(() => document.getElementById('sc').contentWindow.postMessage({ type: 'skillcalc:ping' }, '*'));
  await page.waitForFunction((k) => window.got.slice(k).some((m) => m.type === 'skillcalc:height'), n);
  await page.close();
});

test('embed: theme messages from the named origin are taken, unless a pair falls below AA or is not a colour', async () => {
  const { page, frame } = await open(CITY, `?embed=1&city=weihai&origin=${encodeURIComponent(CITY)}`);
  await sendTheme(page, { accent: 'rgb(0, 90, 40)', bg: '#fffdf7' });
  await frame.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--sc-accent').trim() === 'rgb(0, 90, 40)');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 253, 247)');

  // Text the colour of the background: the page would go blank. Refused whole, and the parent is told why.
  await sendTheme(page, { fg: '#fffdf7', accent: '#123456' });
  await page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:theme-refused'));
  const refused = (await messages(page, 'skillcalc:theme-refused'))[0];
  assert.equal(refused.reason, 'contrast');
  assert.equal(refused.pair, 'fg/bg');
  assert.ok(refused.ratio < 4.5);
  // Light grey on white (2.3:1) is refused too; so is a var() or a keyword, which could resolve to anything.
  await sendTheme(page, { fg: '#999999' });
  await sendTheme(page, { fg: 'var(--sc-bg)' });
  await sendTheme(page, { bg: 'transparent' });
  await page.waitForFunction(() => window.got.filter((m) => m.type === 'skillcalc:theme-refused').length === 4);
  const reasons = (await messages(page, 'skillcalc:theme-refused')).map((m) => m.reason);
  assert.deepEqual(reasons, ['contrast', 'contrast', 'not_a_colour', 'not_a_colour']);
  assert.equal(await cssVar(frame, '--sc-accent'), 'rgb(0, 90, 40)', 'nothing of a refused theme was applied');
  assert.equal(await cssVar(frame, '--sc-fg'), '#17191c');
  await page.close();
});

test('embed: without `origin`, or from another site, theme messages are ignored; bad parameter colours too', async () => {
  // No origin parameter: nobody may re-theme the frame by message.
  const a = await open(CITY, '?embed=1&city=weihai');
  await sendTheme(a.page, { accent: '#a11d2b' });
  // Another site framing the page with the city's origin: it gets no messages and its theme is ignored.
  const b = await open(OTHER, `?embed=1&city=weihai&origin=${encodeURIComponent(CITY)}`);
  await sendTheme(b.page, { accent: '#a11d2b' });
  // Parameters that make the text unreadable are refused whole.
  const c = await open(CITY, '?embed=1&city=weihai&fg=%23ffffff&bg=%23ffffff&accent=%23a11d2b');
  await a.page.waitForTimeout(800);
  assert.equal(await cssVar(a.frame, '--sc-accent'), '#0b5cad');
  assert.equal(await cssVar(b.frame, '--sc-accent'), '#0b5cad');
  assert.deepEqual(await messages(b.page), [], 'messages go only to the named origin');
  assert.ok((await messages(a.page, 'skillcalc:height')).length > 0, 'without origin, heights still go to the parent');
  assert.equal(await cssVar(c.frame, '--sc-fg'), '#17191c');
  assert.equal(await cssVar(c.frame, '--sc-accent'), '#0b5cad');
  for (const x of [a, b, c]) await x.page.close();
});

test('embed for one city: its header names that city only, and the result has no other cities', async () => {
  const { page, frame } = await open(CITY, `?embed=1&city=weihai&origin=${encodeURIComponent(CITY)}`);
  assert.equal(await frame.textContent('#app-subtitle'), '威海的技能人才补贴、奖励和待遇');
  await fillSituation(frame, CASES.weihai.situation);
  assert.equal(await frame.getAttribute('#totals', 'data-max'), '5000');
  assert.equal(await frame.locator('#compare').count(), 0, 'no comparison with other cities');
  assert.doesNotMatch(await frame.textContent('#result'), /烟台|济宁|日照/);
  const en = await open(CITY, `?embed=1&city=yantai&lang=en&origin=${encodeURIComponent(CITY)}`);
  assert.equal(await en.frame.textContent('#app-subtitle'), 'Skill-talent subsidies, rewards and entitlements in Yantai');
  // An embed without a city offers every city, and compares them.
  const all = await open(CITY, `?embed=1&origin=${encodeURIComponent(CITY)}`);
  assert.match(await all.frame.textContent('#app-subtitle'), /威海、烟台、济宁、日照/);
  await fillSituation(all.frame, CASES.weihai.situation);
  assert.equal(await all.frame.locator('#compare').count(), 1);
  for (const x of [{ page }, en, all]) await x.page.close();
});

test('embed: a font size out of range or not in pixels is refused with its own reason and the range allowed', async () => {
  const q = `?embed=1&city=weihai&origin=${encodeURIComponent(CITY)}`;
  const big = await open(CITY, `${q}&font=40px`);
  const odd = await open(CITY, `${q}&font=1.5em`);
  const good = await open(CITY, `${q}&font=20px`);
  await big.page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:theme-refused'));
  await odd.page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:theme-refused'));
  const strip = ({ frameHeight, ...m }) => m;
  assert.deepEqual(strip((await messages(big.page, 'skillcalc:theme-refused'))[0]),
    { type: 'skillcalc:theme-refused', reason: 'out_of_range', key: 'font', min: '12px', max: '28px', frame: null });
  assert.deepEqual(strip((await messages(odd.page, 'skillcalc:theme-refused'))[0]),
    { type: 'skillcalc:theme-refused', reason: 'not_a_size', key: 'font', min: '12px', max: '28px', frame: null });
  const rootPx = (f) => f.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  assert.equal(await rootPx(big.frame), '18px', 'a refused size changes nothing');
  assert.equal(await rootPx(good.frame), '20px');
  assert.deepEqual(await messages(good.page, 'skillcalc:theme-refused'), []);
  // By message too.
  await sendTheme(good.page, { font: '8px' });
  await good.page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:theme-refused'));
  assert.equal((await messages(good.page, 'skillcalc:theme-refused'))[0].reason, 'out_of_range');
  assert.equal(await rootPx(good.frame), '20px');
  for (const x of [big, odd, good]) await x.page.close();
});

test('embed: a city the page does not cover is said in words and posted to the parent; the picker is offered', async () => {
  const { page, frame } = await open(CITY, `?embed=1&city=lanhai&origin=${encodeURIComponent(CITY)}`);
  await page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:city-unknown'));
  const [msg] = await messages(page, 'skillcalc:city-unknown');
  assert.equal(msg.city, 'lanhai');
  assert.deepEqual(msg.cities.slice(0, 4), ['weihai', 'yantai', 'jining', 'rizhao']);
  assert.ok(await frame.isVisible('#city-note'));
  assert.match(await frame.textContent('#city-note'), /城市“lanhai”不在本计算器中.*威海、烟台、济宁、日照.*请在下面选择城市/);
  assert.equal(await frame.locator('#f-city-weihai').count(), 1, 'the city picker is shown');
  await frame.check('#f-city-weihai');
  assert.ok(await frame.isHidden('#city-note'), 'a city chosen, the note goes');
  const en = await open(CITY, `?embed=1&city=lanhai&lang=en&origin=${encodeURIComponent(CITY)}`);
  assert.match(await en.frame.textContent('#city-note'), /The city "lanhai" this page was given is not one this calculator covers \(Weihai, Yantai, Jining, Rizhao/);
  for (const x of [{ page }, en]) await x.page.close();
});

test('embed: kiosk=1 is ignored (the embed wins), with a message to the parent and a console warning', async () => {
  const page = await browser.context.newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${CITY}/?src=${encodeURIComponent(`${server.url}?embed=1&city=weihai&kiosk=1&origin=${encodeURIComponent(CITY)}`)}`);
  const frame = await (await page.waitForSelector('#sc')).contentFrame();
  await frame.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
  await page.waitForFunction(() => window.got.some((m) => m.type === 'skillcalc:param-ignored'));
  assert.deepEqual((await messages(page, 'skillcalc:param-ignored')).map(({ param, value }) => ({ param, value })),
    [{ param: 'kiosk', value: '1' }]);
  assert.ok(warnings.some((w) => /kiosk=1 is ignored in an embed/.test(w)), `console warning (got ${JSON.stringify(warnings)})`);
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('kiosk')), false);
  assert.equal(await frame.locator('#kiosk-dialog').count(), 0, 'no idle countdown that clears the frame');
  await fillSituation(frame, CASES.weihai.situation);
  assert.equal(await frame.locator('#print').count(), 1, 'an embed, not a kiosk: it prints');
  await page.close();
});
