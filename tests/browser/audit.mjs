// Audit of the assembled page (dist/): prints
//   - axe-core violations at 390×844 (WCAG 2.1 A/AA rules, and best-practice rules apart), zh and en, form and result,
//     in every mode: light, dark, large type (also at AAA contrast, 7:1), large type dark, kiosk, embed;
//   - the first visit's transfer: every byte the server sent (gzip, headers included), the service worker's
//     precaching included, against the budget of 250 KB;
//   - the time from page interactive (domInteractive) to the first result, for a share link on a first (cold)
//     and a repeat (service worker) visit, and the time of one calculation after a click.
// Usage: node tests/browser/audit.mjs [--shots DIR]   (screenshots of each mode at 390×844, and kiosk 1080×1920)
// Exit code 1 when the audit could not run; the figures themselves are for people to judge.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { startServer, launch, waitReady, distReady, fillSituation, shareFragment, CASES, DIST } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
const BUDGET_KB = 250;
const shotsAt = process.argv.includes('--shots') ? process.argv[process.argv.indexOf('--shots') + 1] : null;
const kb = (n) => (n / 1024).toFixed(1);

if (!distReady()) {
  console.error(`${DIST} is not assembled: run wasm/build.sh, then web/assemble.sh`);
  process.exit(1);
}

async function transferAndTiming(server) {
  const out = {};
  // First visit, fresh profile: everything the server sends until the service worker has precached the site.
  const cold = await launch();
  try {
    const page = cold.context.pages()[0] ?? await cold.context.newPage();
    const start = server.bytesSent();
    await page.goto(server.url + shareFragment(CASES.weihai.situation));
    await waitReady(page);
    await page.waitForSelector('#totals');
    await page.waitForFunction(() => document.getElementById('offline').dataset.ready === '1', null, { timeout: 30_000 });
    await page.waitForTimeout(500);
    out.transfer = server.bytesSent() - start;
    out.requests = server.served.length;
    out.cold = await page.evaluate(readMarks);

    // Repeat visit: the service worker answers.
    const again = await cold.context.newPage();
    const before = server.bytesSent();
    await again.goto(server.url + shareFragment(CASES.yantai.situation));
    await waitReady(again);
    await again.waitForSelector('#totals');
    out.warm = await again.evaluate(readMarks);
    out.warmTransfer = server.bytesSent() - before;

    // One calculation after a click, measured inside the page (compute and render).
    const form = await cold.context.newPage();
    await form.goto(server.url);
    await waitReady(form);
    await fillSituation(form, CASES.rizhao.situation);
    out.click = await form.evaluate(() => {
      const t0 = performance.now();
      document.getElementById('calculate').click();
      return performance.now() - t0;
    });
  } finally {
    await cold.close();
  }
  return out;
}

function readMarks() {
  const nav = performance.getEntriesByType('navigation')[0];
  const mark = (n) => performance.getEntriesByName(n)[0]?.startTime;
  return { interactive: nav.domInteractive, ready: mark('sc-ready'), first: mark('sc-first-result') };
}

// Each mode: [label, query, color scheme, extra axe tags].
const MODES = [
  ['light', '', 'light', []],
  ['dark', '', 'dark', []],
  ['large', '?large=1', 'light', ['wcag2aaa']],
  ['large dark', '?large=1', 'dark', ['wcag2aaa']],
  ['kiosk', '?kiosk=1', 'light', []],
  ['embed', '?embed=1&city=yantai', 'light', []],
];

async function axeRuns(server) {
  const rows = [];
  for (const [mode, query, colorScheme, extra] of MODES) {
    const b = await launch({ bypassCSP: true, viewport: { width: 390, height: 844 }, colorScheme });
    try {
      const page = b.context.pages()[0] ?? await b.context.newPage();
      const run = async (label) => {
        await page.addScriptTag({ path: AXE });
        const r = await page.evaluate((tags) => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice', ...tags] },
        }), extra);
        for (const v of r.violations) {
          const wcag = v.tags.some((t) => /^wcag2\d?a{1,3}$/.test(t));
          rows.push({ label: `${mode}, ${label}`, id: v.id, impact: v.impact, wcag, nodes: v.nodes.length, target: v.nodes[0]?.target.join(' ') });
        }
      };
      await page.goto(server.url + query);
      await waitReady(page);
      await run('empty form');
      await fillSituation(page, CASES.yantai.situation);
      await page.evaluate(() => document.querySelectorAll('#result details').forEach((d) => { d.open = true; }));
      await run('result, details open');
      if (!query.includes('embed')) {
        await page.click('#lang-switch');
        await run('en, result');
      }
    } finally {
      await b.close();
    }
  }
  return rows;
}

async function screenshots(server, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const phone = { width: 390, height: 844 };
  const shots = [
    ...MODES.map(([mode, query, colorScheme]) => ({ name: `phone-${mode.replace(' ', '-')}`, viewport: phone, colorScheme,
      lang: 'zh', city: query.includes('city=') ? 'yantai' : 'weihai', query })),
    { name: 'phone-en', viewport: phone, lang: 'en', city: 'yantai' },
    { name: 'kiosk-1080', viewport: { width: 1080, height: 1920 }, lang: 'zh', city: 'rizhao', query: '?kiosk=1' },
  ];
  for (const s of shots) {
    const b = await launch({ viewport: s.viewport, colorScheme: s.colorScheme ?? 'light' });
    try {
      const page = b.context.pages()[0] ?? await b.context.newPage();
      await page.goto(server.url + (s.query ?? ''));
      await waitReady(page);
      await page.screenshot({ path: path.join(dir, `${s.name}-start.png`) });
      await fillSituation(page, CASES[s.city].situation);
      if (s.lang === 'en') await page.click('#lang-switch');
      await page.screenshot({ path: path.join(dir, `${s.name}-result.png`) });
      await page.screenshot({ path: path.join(dir, `${s.name}-full.png`), fullPage: true });
    } finally {
      await b.close();
    }
  }
}

const server = await startServer();
try {
  const t = await transferAndTiming(server);
  const files = fs.readdirSync(DIST).filter((f) => !f.startsWith('.') && fs.statSync(path.join(DIST, f)).isFile());
  const gz = files.map((f) => [f, zlib.gzipSync(fs.readFileSync(path.join(DIST, f)), { level: 9 }).length]).sort((a, b) => b[1] - a[1]);
  console.log('== first-visit transfer (gzip, headers included, service worker precache included)');
  console.log(`transfer: ${kb(t.transfer)} KB in ${t.requests} requests; budget ${BUDGET_KB} KB: ${t.transfer / 1024 <= BUDGET_KB ? 'within' : 'OVER'}`);
  console.log(`repeat visit transfer: ${kb(t.warmTransfer)} KB`);
  console.log(`files gzipped: ${gz.map(([f, n]) => `${f} ${kb(n)}`).join(', ')}; sum ${kb(gz.reduce((a, [, n]) => a + n, 0))} KB`);
  console.log('== time from page interactive to first result (share link opened)');
  const line = (m) => `interactive at ${m.interactive.toFixed(0)} ms, calculator ready +${(m.ready - m.interactive).toFixed(0)} ms, first result +${(m.first - m.interactive).toFixed(0)} ms`;
  console.log(`first visit (cold, loopback): ${line(t.cold)}`);
  console.log(`repeat visit (service worker): ${line(t.warm)}`);
  console.log(`one calculation after a click (compute + render): ${t.click.toFixed(1)} ms`);

  const rows = await axeRuns(server);
  const wcag = rows.filter((r) => r.wcag);
  console.log(`== axe-core violations at 390×844 in every mode (${MODES.map((m) => m[0]).join(', ')}); WCAG 2.1 A/AA, AAA contrast in large type; best practice apart`);
  console.log(`wcag violations: ${wcag.length}; best-practice violations: ${rows.length - wcag.length}`);
  for (const r of rows) console.log(`  [${r.wcag ? 'wcag' : 'best-practice'}] ${r.label}: ${r.id} (${r.impact}, ${r.nodes} nodes) e.g. ${r.target}`);

  if (shotsAt) {
    await screenshots(server, shotsAt);
    console.log(`screenshots in ${shotsAt}`);
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server.close();
}
