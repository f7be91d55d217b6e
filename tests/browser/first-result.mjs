// The page's first result after it is interactive, on cold visits (a script that prints figures, not a test):
// each run a fresh Chromium profile opens a share link of the Weihai case from the local server (gzip, loopback), and
// the page's own marks give the time from domInteractive to its first result (and to the calculator loaded, the rules
// read and the page ready, and the first evaluation on the way, where the page sets those marks). Prints every run,
// the median, and the median of each phase.
// Usage: [SETTLE_MS=2000] node tests/browser/first-result.mjs [RUNS] [OTHER_DIST]   (default 7; needs wasm/build.sh and
// web/assemble.sh). With OTHER_DIST (another build's dist/, e.g. of a worktree at an older commit) the two are
// visited in turns, run by run, so that a machine whose speed drifts affects both alike.
import { startServer, launch, waitReady, shareFragment, CASES, DIST } from './helpers.mjs';
import fs from 'node:fs';
import path from 'node:path';

const RUNS = Number(process.argv[2] ?? 7);
const dists = [DIST, ...(process.argv[3] ? [path.resolve(process.argv[3])] : [])];
for (const d of dists) {
  if (!['index.html', 'sw.js', 'skillcalc.mjs', 'skillcalc_core.wasm'].every((f) => fs.existsSync(path.join(d, f)))) {
    console.error(`${d} is not assembled: run wasm/build.sh, then web/assemble.sh`);
    process.exit(1);
  }
}

// A visitor's browser is running before they open the page: Chromium is started and left to settle (SETTLE_MS,
// default 2000) before the visit, so that its own start-up, on the same two cores, is not counted as the page's.
// Nothing of the site is in the fresh profile: the visit is cold. SETTLE_MS=0 measures as before (Chromium just
// launched).
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 2000);

async function coldVisit(server) {
  const b = await launch();
  try {
    const page = b.context.pages()[0] ?? await b.context.newPage();
    await page.goto('about:blank');
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    await page.goto(server.url + shareFragment(CASES.weihai.situation));
    await waitReady(page);
    await page.waitForSelector('#totals');
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const first = performance.getEntriesByName('sc-first-result')[0]?.startTime;
      const mark = (n) => performance.getEntriesByName(n)[0]?.startTime - nav.domInteractive;
      return { interactive: nav.domInteractive, first, core: mark('sc-core'), ready: mark('sc-ready'),
               evaluate: mark('sc-evaluate'), evaluated: mark('sc-evaluated') };
    });
  } finally {
    await b.close();
  }
}

const ms = (x) => (Number.isFinite(x) ? `+${x.toFixed(0)} ms` : 'not marked');
const servers = [];
try {
  for (const d of dists) servers.push(await startServer(d));
  const times = dists.map(() => []);
  const phases = dists.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < dists.length; k++) {
      const m = await coldVisit(servers[k]);
      times[k].push(m.first - m.interactive);
      phases[k].push(m);
      console.log(`  ${dists[k]}: calculator loaded ${ms(m.core)}, rules read and page ready ${ms(m.ready)}, ` +
                  `evaluation ${ms(m.evaluate)} to ${ms(m.evaluated)}, first result ${ms(m.first - m.interactive)}`);
    }
  }
  for (let k = 0; k < dists.length; k++) {
    const sorted = [...times[k]].sort((a, b) => a - b);
    console.log(`${dists[k]}: runs (ms): ${times[k].map((x) => x.toFixed(0)).join(', ')}`);
    console.log(`page first result after interactive, cold visit: median ${sorted[(RUNS - 1) >> 1].toFixed(0)} ms over ` +
                `${RUNS} runs (min ${sorted[0].toFixed(0)}, max ${sorted[RUNS - 1].toFixed(0)}; browser settled ${SETTLE_MS} ms)  [goal 300 ms]`);
    // Where the time goes, median of each phase (a page without the marks of a phase shows none for it).
    const med = (f) => {
      const xs = phases[k].map(f).filter(Number.isFinite).sort((a, b) => a - b);
      return xs.length ? `${xs[(xs.length - 1) >> 1].toFixed(0)} ms` : 'not marked';
    };
    console.log(`  phases (medians): to the calculator loaded ${med((m) => m.core)}; reading the rules (the first call) ` +
                `and the page ready ${med((m) => m.ready - m.core)}; the form up to the evaluation ` +
                `${med((m) => m.evaluate - m.ready)}; evaluating ${med((m) => m.evaluated - m.evaluate)}; drawing the ` +
                `result ${med((m) => m.first - m.interactive - m.evaluated)}`);
  }
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  for (const s of servers) await s.close();
}
