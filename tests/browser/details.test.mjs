// The small things a tester tripped on: the focus ring is not the error colour; dates are typed year-month-day in
// any browser; the steps of the form are headings; English labels wrap instead of being cut, entitlements read as
// sentences, dates are written one way and large numbers grouped; the "show the original text" line is not printed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitReady, fillSituation, CASES } from './helpers.mjs';

const site = useSite();

test('focus ring and error colours differ; steps are headings; dates typed as 2025年7月15日 are understood', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(site.server.url);
  await waitReady(page);
  const colours = await page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { focus: s.getPropertyValue('--sc-focus').trim(), error: s.getPropertyValue('--sc-error').trim() };
  });
  assert.notEqual(colours.focus, colours.error);
  const hue = (hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const max = Math.max(r, g, b);
    const d = max - Math.min(r, g, b);
    const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
    return (h * 60 + 360) % 360;
  };
  const apart = Math.abs(hue(colours.focus) - hue(colours.error));
  assert.ok(Math.min(apart, 360 - apart) >= 60, `focus ${colours.focus} and error ${colours.error} are of different hues`);

  await page.check('#f-city-weihai');
  await page.check('#f-kind-person');
  const steps = await page.evaluate(() => [...document.querySelectorAll('#form legend > h2')].map((e) => e.textContent));
  assert.deepEqual(steps.slice(0, 2), ['所在城市', '您是']);

  const s = CASES.weihai.situation;
  await fillSituation(page, { ...s, as_of: '2025年9月1日', events: [{ ...s.events[0], date: '2025/7/15' }] });
  assert.equal(await page.getAttribute('#totals', 'data-max'), '5000');
  await page.click('#edit'); // the form folds away once a result is shown
  const date = page.locator('fieldset.event input.date').first();
  assert.equal(await date.getAttribute('type'), 'text', 'no browser date picker with its own order');
  assert.match(await page.textContent('fieldset.event .field:has(input.date) .hint'), /年-月-日/);
  await date.fill('2025-02-30');
  await page.click('#calculate');
  // a day the calendar lacks is said to be one, not taken for a date written the wrong way
  assert.match(await page.textContent('#form-errors'), /没有这一天：“2025-02-30”，2025年2月只有28天/);
  await date.fill('2025-13-01');
  await page.click('#calculate');
  assert.match(await page.textContent('#form-errors'), /一年没有第13月/);
  await date.fill('15.7.2025');
  await page.click('#calculate');
  assert.match(await page.textContent('#form-errors'), /请按“年-月-日”填写一个日期/);
  await page.close();
});

test('English: options wrap, entitlements read as sentences, one way of writing dates, grouped digits', async () => {
  const page = await site.browser.context.newPage();
  await page.goto(`${site.server.url}?lang=en`);
  await waitReady(page);
  await fillSituation(page, CASES.weihai.situation);
  await page.click('#edit'); // the form folds away once a result is shown
  const route = page.locator('fieldset.event select[id$="-route"]');
  const fit = await route.evaluate((el) => ({ text: el.selectedOptions[0].text, height: el.getBoundingClientRect().height,
    line: parseFloat(getComputedStyle(el).lineHeight) }));
  assert.match(fit.text, /Golden Blue Collar \(jinlanling\) training/);
  assert.ok(fit.height > 2 * fit.line, `the long option takes two lines (${fit.height}px) instead of being cut`);

  const text = await page.textContent('#result');
  assert.doesNotMatch(text, /entitled to: may/);
  assert.match(text, /what this gives you: may take part in the professional title review/);
  await page.evaluate(() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; }));
  // (The input hint's example "2025-07-15" is the format to type, not a date written.)
  const all = `${await page.textContent('#result')} ${await page.textContent('footer')}`;
  assert.doesNotMatch(all, /\b\d{4}-\d{2}-\d{2}\b/, 'no ISO dates beside "15 July 2025"');
  assert.match(all, /15 July 2025/);

  await page.goto(`${site.server.url}?lang=en`);
  await waitReady(page);
  await fillSituation(page, CASES.rizhao.situation);
  await page.evaluate(() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; }));
  const entered = await page.textContent('#result .entered');
  assert.match(entered, /300,000 yuan/);
  assert.doesNotMatch(entered, /300000/);

  // Printed: the quotes are there, the line that opens them is not.
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(() => [...document.querySelectorAll('#result details.quote > summary')].map((s) => getComputedStyle(s).display));
  assert.ok(shown.length > 0);
  assert.ok(shown.every((d) => d === 'none'));
  assert.equal(await page.locator('#result details.quote blockquote').first().evaluate((b) => getComputedStyle(b).display), 'block');
  await page.close();
});

test('no request ever leaves the origin', () => {
  assert.deepEqual(site.outside, []);
});
