// End to end: a person fills the form in each city and sees the hand-checked amount and clause; the share link
// restores exactly that; the English switch. Needs dist/ assembled (wasm/build.sh, then web/assemble.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useSite, waitReady, fillSituation, CASES, shareFragment } from './helpers.mjs';

const site = useSite();  // site.server, site.browser, site.outside: started before the tests

async function freshPage(url = site.server.url) {
  const page = await site.browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await waitReady(page);
  return { page, errors };
}

async function resultOf(page) {
  return page.evaluate(() => ({
    min: Number(document.getElementById('totals').dataset.min),
    max: Number(document.getElementById('totals').dataset.max),
    cards: [...document.querySelectorAll('#result li.card[data-status]')].map((c) => ({
      clause: c.dataset.clause, status: c.dataset.status, max: c.dataset.max, text: c.textContent })),
    announce: document.getElementById('announce').textContent,
  }));
}

const zhMoney = (y) => (y >= 10000 ? `${y / 10000}万元` : `${y}元`);

for (const [city, c] of Object.entries(CASES)) {
  test(`${city}: the form gives ${c.yuan} yuan under ${c.clause}`, async () => {
    const { page, errors } = await freshPage();
    await fillSituation(page, c.situation);
    const r = await resultOf(page);
    const card = r.cards.find((x) => x.clause === c.clause);
    assert.ok(card, `no card for ${c.clause}: ${r.cards.map((x) => x.clause).join(', ')}`);
    assert.equal(card.status, c.status);
    assert.equal(Number(card.max), c.yuan);
    assert.equal(r.max, c.yuan);
    assert.equal(r.min, c.yuan);
    // What the person reads: the amount, the document number of the clause, the plain-language reason.
    const totalText = await page.textContent('#totals');
    assert.ok(totalText.includes(zhMoney(c.yuan)), `total shows ${zhMoney(c.yuan)}: ${totalText}`);
    assert.ok(card.text.includes(zhMoney(c.yuan)));
    assert.match(card.text, /〔20\d\d〕\d+号/);
    assert.ok(await page.locator(`li[data-clause="${c.clause}"] blockquote[lang="zh-Hans"]`).count(), 'original text');
    assert.ok(await page.isVisible('#result .guidance'), 'the guidance notice');
    await page.waitForFunction(() => document.getElementById('announce').textContent.length > 0);
    assert.ok((await page.textContent('#announce')).includes(zhMoney(c.yuan)), 'announced to screen readers');
    // No horizontal scrolling at phone width.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));

    // The share link restores exactly this situation and result in a new tab.
    await page.click('#share');
    const link = await page.inputValue('#share-url');
    assert.match(link, /#s=[A-Za-z0-9_-]+$/);
    assert.ok(!new URL(link).search, 'no query in the share link');
    const shared = await freshPage(link);
    await shared.page.waitForSelector('#totals');
    const r2 = await resultOf(shared.page);
    assert.deepEqual(r2.cards.map((x) => [x.clause, x.status, x.max]), r.cards.map((x) => [x.clause, x.status, x.max]));
    assert.equal(r2.max, c.yuan);
    assert.ok(await shared.page.isChecked(`#f-city-${city}`));
    assert.ok(await shared.page.isChecked(`#f-kind-${c.situation.applicant.kind}`));
    assert.equal(await shared.page.locator('fieldset.event').count(), c.situation.events.length);
    assert.deepEqual([...errors, ...shared.errors], []);
    await shared.page.close();
    await page.close();
  });
}

test('beside the total: each document with its period, planned money apart, and no large 0 where nothing is certain',
  async () => {
    // 烟政办字〔2024〕8号: 有效期3年 from 2024-03-01, i.e. to 2027-02-28.
    const yt = await freshPage(site.server.url + shareFragment(CASES.yantai.situation));
    await yt.page.waitForSelector('#totals .total-basis');
    const basis = await yt.page.textContent('#totals .total-basis');
    assert.ok(basis.includes('2027年2月28日'), basis);
    // 威人社字〔2021〕16号 18.: a national Class-I first place in 2024 is "最高10万元": nothing certain.
    const upTo = { city: 'weihai', as_of: '2024-12-01', applicant: { kind: 'person' },
      events: [{ id: 'e1', type: 'competition', date: '2024-06-01', tier: 'national_class1', rank: 1, contest: 'cnc' }] };
    const w = await freshPage(site.server.url + shareFragment(upTo));
    await w.page.waitForSelector('#totals');
    const text = await w.page.textContent('#totals');
    assert.ok(!text.includes('确定可得'), text);
    assert.ok(text.includes('没有确定的金额'), text);
    // A contest on a day after the day asked about: its 30,000 (威政办发〔2025〕3号 9., national Class-I 2nd) is a plan.
    const plan = { city: 'weihai', as_of: '2025-06-01', applicant: { kind: 'person' },
      events: [{ id: 'e1', type: 'competition', date: '2025-07-01', tier: 'national_class1', rank: 2, contest: 'cnc' }] };
    const p = await freshPage(site.server.url + shareFragment(plan));
    await p.page.waitForSelector('#totals .total-planned');
    assert.ok((await p.page.textContent('#totals .total-planned')).includes('3万元'));
    assert.equal(await p.page.getAttribute('#totals', 'data-max'), '0');
    assert.deepEqual([...yt.errors, ...w.errors, ...p.errors], []);
    for (const x of [yt, w, p]) await x.page.close();
  });

test('English switch: labels, amounts and lang attributes', async () => {
  const { page, errors } = await freshPage();
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  await fillSituation(page, CASES.yantai.situation);
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.ok(!/[\u4e00-\u9fff]/.test(await page.textContent('#announce')), 'no Chinese summary left for screen readers');
  assert.equal(await page.title(), 'Skill subsidy calculator');
  assert.equal(await page.textContent('#lang-switch'), '中文');
  assert.equal(await page.getAttribute('#lang-switch', 'lang'), 'zh-Hans');
  assert.ok((await page.textContent('#totals')).includes('100,000 yuan'));
  const card = page.locator('li[data-clause="YT24-11-technician-upgrade-subsidy"]');
  assert.match(await card.textContent(), /Reduced to a cap/);
  assert.match(await card.textContent(), /2,500 yuan per person × 45/);
  // Chinese inside English text is marked so that screen readers switch voice.
  assert.ok(await card.locator('span[lang="zh-Hans"]').count() > 0);
  assert.equal(await page.getAttribute('label[for="f-kind-enterprise"]', 'for'), 'f-kind-enterprise');
  assert.equal(await page.textContent('label[for="f-kind-enterprise"]'), 'Enterprise');
  // The choice stays in the address: a reload keeps English, and so does the share link.
  assert.match(page.url(), /[?&]lang=en/);
  await page.reload();
  await waitReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('#lang-switch');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.ok(!/lang=en/.test(page.url()), page.url());
  assert.deepEqual(errors, []);
  await page.close();
});

test('missing answers are explained next to the field, and the core\'s errors too', async () => {
  const { page } = await freshPage();
  await page.check('#f-city-weihai');
  await page.check('#f-kind-person');
  await page.selectOption('#f-add-type', 'competition');
  await page.click('#f-add-button');
  await page.click('#calculate');
  const invalid = page.locator('[aria-invalid="true"]');
  assert.equal(await invalid.count(), 1);
  assert.match(await invalid.getAttribute('id'), /-tier$/);
  assert.ok(await page.isVisible('#form-errors'));
  // The list names each field: 请填写：竞赛级别, not a bare heading.
  assert.match(await page.textContent("#form-errors"), /请填写：.*竞赛级别/);
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-invalid')), 'true');
  assert.ok(await page.isHidden('#result'));
  await page.close();
});

test('money that waits on a blank fact is badged 待补充信息 and the total names the fact', async () => {
  const { page, errors } = await freshPage();
  await fillSituation(page, { city: 'weihai', applicant: { kind: 'person' },
    events: [{ type: 'competition', date: '2025-09-01', tier: 'national_class1' }] });
  const card = page.locator('li.card[data-clause="WH25-09-national-cat1"]');
  assert.equal(await card.locator('.badge').first().textContent(), '待补充信息');
  const totals = await page.textContent('#totals');
  assert.match(totals, /尚未填写的信息：名次/);
  assert.ok(!totals.includes('原文只写了上限'), totals);
  assert.deepEqual(errors, []);
  await page.close();
});

test('money others receive is a group of its own after the worker\'s, each card saying who receives it', async () => {
  const { page, errors } = await freshPage();
  await fillSituation(page, { city: 'weihai', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ type: 'competition', date: '2025-09-10', tier: 'national_class1', rank: 3 }] });
  const groups = await page.evaluate(() => [...document.querySelectorAll('#result .result-group')].map((g) => ({
    cls: g.className, clauses: [...g.querySelectorAll('li.card')].map((c) => c.dataset.clause) })));
  const own = groups.find((g) => g.cls.includes('granted'));
  const others = groups.find((g) => g.cls.includes('others'));
  assert.ok(own && !own.clauses.includes('WH21-18-sending-unit'), JSON.stringify(groups));
  assert.ok(others && others.clauses.includes('WH21-18-sending-unit'), JSON.stringify(groups));
  assert.ok(groups.indexOf(own) < groups.indexOf(others));
  const card = page.locator('li.card[data-clause="WH21-18-sending-unit"]');
  assert.equal(await card.locator('.badge').first().textContent(), '发给他人');
  assert.match(await card.locator('h4').textContent(), /选送您参赛的单位可得/);
  assert.deepEqual(errors, []);
  await page.close();
});

// A 技师 by the enterprise's own evaluation under 威海 2025 8.: 1,000 to the enterprise, nothing to the worker. No total is
// shown, so the enterprise's money is not "outside the total above".
test('others\' money beside no total of one\'s own does not speak of a total above', async () => {
  const { page, errors } = await freshPage();
  await fillSituation(page, { city: 'weihai', as_of: '2025-12-01', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ type: 'skill_level', date: '2025-09-01', level: 'technician', route: 'enterprise_self_evaluation' }] });
  const text = await page.textContent('#totals');
  assert.match(text, /另有1000元由.*领取，不是您本人的钱/);
  assert.ok(!text.includes('上面的合计'), text);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a unit is spoken of as a unit: others\' money is outside 本单位的合计, a team is 获奖团队, not 您所在的团队', async () => {
  const { page, errors } = await freshPage();
  await fillSituation(page, { city: 'jining', applicant: { kind: 'enterprise' },
    events: [{ type: 'hire', date: '2025-06-01', talent: 'national_technical_expert', full_time: true },
      { type: 'competition', date: '2025-09-25', tier: 'world_skills', medal: 'silver', team: true, trained_by_applicant: true }] });
  await page.evaluate(() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; }));
  const text = await page.textContent('#result');
  assert.match(text, /不计入本单位的合计/);
  assert.match(text, /获奖团队/);
  for (const person of ['不计入您的合计', '您所在的团队', '您个人的份额', '您还可能争取']) assert.ok(!text.includes(person), person);
  assert.match(await page.textContent('#announce'), /本单位/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a suggestion with no worth and no benefit is headed by what it needs, said once', async () => {
  const { page, errors } = await freshPage();
  await fillSituation(page, { city: 'jining', applicant: { kind: 'enterprise' },
    events: [{ type: 'competition', date: '2024-09-15', tier: 'world_skills', medal: 'silver', trained_by_applicant: true }] });
  const card = page.locator('li.card.suggestion[data-clause="JN24-09-worldskills-unit"]');
  const text = await card.textContent();
  const said = text.split('早于济人社发〔2024〕9号的施行日期').length - 1;
  assert.equal(said, 1, text);
  assert.deepEqual(errors, []);
  await page.close();
});

test('nothing is stored unless the person saves it; a saved situation can be loaded and deleted', async () => {
  const { page } = await freshPage();
  await fillSituation(page, CASES.jining.situation);
  const stored = () => page.evaluate(async () => ({
    local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookies: document.cookie,
    // The service worker's cache holds only the site's own files.
    cached: (await Promise.all((await caches.keys()).map(async (k) => (await (await caches.open(k)).keys()).map((r) => r.url))))
      .flat().filter((u) => u.includes('#') || u.includes('?')),
  }));
  assert.deepEqual(await stored(), { local: [], session: [], cookies: '', cached: [] });
  await page.click('#save');
  assert.deepEqual((await stored()).local, ['skillcalc.saved.v1']);
  const again = await freshPage();
  await again.page.click('#load-saved');
  await again.page.waitForSelector('#totals');
  assert.equal(await again.page.getAttribute('#totals', 'data-max'), '2000');
  await again.page.click('#forget');
  assert.deepEqual((await stored()).local, []);
  await again.page.close();
  await page.close();
});

test('a total resting on a 不低于 amount says 不低于, and that it may be more', async () => {
  // 威人社字〔2021〕16号 18: 市级一类…前3名…由主办单位分别给予不低于2000元、1500元和1000元奖励: second place, at least 1500.
  const { page, errors } = await freshPage();
  await fillSituation(page, { city: 'weihai', applicant: { kind: 'person', employer: 'enterprise' },
    events: [{ type: 'competition', date: '2025-03-01', tier: 'city_contest', rank: 2, city_class1: true }] });
  const total = await page.textContent('#totals .total-amount');
  assert.equal(total, '不低于1500元');
  assert.match(await page.textContent('#totals'), /其中1项原文写“不低于”/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('keyboard only: choose, add an event, calculate; focus lands on the result', async () => {
  const { page } = await freshPage();
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  const tabTo = async (pred, max = 12) => {
    for (let i = 0; i < max; i += 1) {
      await page.keyboard.press('Tab');
      if (pred(await focused())) return;
    }
    assert.fail(`focus never reached the expected control (at ${await focused()})`);
  };
  await tabTo((id) => id.startsWith('f-city-'));
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked(`#${await focused()}`));
  await page.keyboard.press('ArrowRight'); // Yantai
  assert.ok(await page.isChecked('#f-city-yantai'));
  await tabTo((id) => id.startsWith('f-kind-'));
  await page.keyboard.press('ArrowDown'); // Individual -> Enterprise
  assert.ok(await page.isChecked('#f-kind-enterprise'));
  await tabTo((id) => id === 'f-add-type');
  await page.selectOption('#f-add-type', 'skill_level'); // keyboard on a closed select varies by platform
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'f-add-button');
  await page.keyboard.press('Enter');
  assert.match(await focused(), /^f-ev\d+-level$/, 'focus moves to the new event\'s first question');
  await page.selectOption(`#${await focused()}`, 'technician');
  await tabTo((id) => /-trained_by$/.test(id));
  await page.selectOption(`#${await focused()}`, 'own_enterprise');
  await tabTo((id) => /-count$/.test(id));
  const count = await focused();
  await page.keyboard.type('4');
  await tabTo((id) => /-date$/.test(id));
  await page.fill(`#${await focused()}`, '2025-03-10'); // typing into a date field depends on the locale
  await page.focus(`#${count}`);
  await page.keyboard.press('Enter'); // submits the form
  await page.waitForSelector('#totals');
  assert.equal(await focused(), 'result-h');
  assert.equal(await page.getAttribute('#totals', 'data-max'), '10000'); // 4 technicians × 2,500 yuan
  await page.close();
});

test('no request ever leaves the origin', () => {
  assert.deepEqual(site.outside, []);
});

// A yes/no question has three answers: 是, 否 and 未填写. Jining (四) pays order-trained hires of a key enterprise or
// project training with a city college (重点企业、重点项目与市属高校…联合订单式培养), 100 or more a year on 3-year
// contracts at 10,000 each: "no" gives nothing, "not given" is 0 to the amount, not certain; "yes" the amount.
test('a yes/no question answered 否 gives nothing, left 未填写 is asked, 是 pays', async () => {
  const situation = (answer) => ({
    city: 'jining', as_of: '2025-12-31', applicant: { kind: 'enterprise' },
    events: [{ type: 'order_training', date: '2025-03-01', hires: 120, contract_years: 3,
      ...(answer === undefined ? {} : { key_partnership: answer }) }],
  });
  const cardOf = (r) => r.cards.find((x) => x.clause === 'JN24-04-order-training-hire');
  for (const [answer, min, max] of [[false, 0, 0], [undefined, 0, 1200000], [true, 1200000, 1200000]]) {
    const { page, errors } = await freshPage();
    await fillSituation(page, situation(answer));
    const label = await page.locator('fieldset.event select[id$="-key_partnership"] option:checked').textContent();
    assert.equal(label, answer === true ? '是' : answer === false ? '否' : '（未填写）');
    const r = await resultOf(page);
    assert.equal(r.min, min, `min for ${answer}`);
    assert.equal(r.max, max, `max for ${answer}`);
    const card = cardOf(r);
    if (answer === false) assert.ok(!card || card.status !== 'granted', 'no money for "no"');
    else assert.equal(Number(card.max), 1200000);
    // The share link keeps "no" as no, not as "not given".
    if (answer === false) {
      await page.click('#share');
      const shared = await freshPage(await page.inputValue('#share-url'));
      await shared.page.waitForSelector('#totals');
      assert.equal((await resultOf(shared.page)).max, 0);
      await shared.page.close();
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the browser\'s Back after a result returns to the filled form, Forward to the result', async () => {
  const { page, errors } = await freshPage();
  const c = CASES.weihai;
  await fillSituation(page, c.situation);
  assert.ok(await page.isHidden('#form'), 'the form folds away under a result');
  await page.goBack();
  await page.waitForSelector('#form:not([hidden])');
  assert.ok(page.url().startsWith(site.server.url), `still on the page: ${page.url()}`);
  assert.ok(await page.isChecked(`#f-city-${c.situation.city}`), 'what was entered is still there');
  assert.ok(await page.locator('fieldset.event').count() >= 1, 'the events too');
  await page.goForward();
  await page.waitForSelector('#form[hidden]', { state: 'attached' });
  assert.ok(await page.isVisible('#totals'));
  assert.deepEqual(errors, []);
  await page.close();
});

// A 烟台 title in a 威海 link: the 威海 form does not offer it (no 威海 measure meets it), but keeps it by its name.
test('another city\'s title from a link is kept in the form by its name, not its id', async () => {
  const { page, errors } = await freshPage(`${site.server.url}${shareFragment({ city: 'weihai', as_of: '2025-12-01',
    applicant: { kind: 'person' }, events: [{ id: 'e1', type: 'title', date: '2025-07-01', title: 'yantai_skill_master' }] })}`);
  await page.waitForSelector('#result:not([hidden]) #totals');
  await page.click('#edit');
  const chosen = await page.$$eval('#form select', (els) => els.map((e) => e.selectedOptions[0]?.textContent ?? ''));
  assert.ok(chosen.includes('烟台市技能大师'), chosen.join(' | '));
  assert.ok(!chosen.includes('yantai_skill_master'), chosen.join(' | '));
  assert.deepEqual(errors, []);
  await page.close();
});

