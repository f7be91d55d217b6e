// The page's first result after it is interactive, on cold visits (a script that prints figures, not a test):
// each run a fresh Chromium profile opens a share link of the Weihai case from the local server (gzip, loopback), and
// the page's own marks give the time from domInteractive to its first result (and to the calculator loaded and the
// page ready on the way). Prints every run and the median.
// Usage: node tests/browser/first-result.mjs [RUNS]   (default 7; needs wasm/build.sh and web/assemble.sh)
import { startServer, launch, waitReady, distReady, shareFragment, CASES, DIST } from './helpers.mjs';

const RUNS = Number(process.argv[2] ?? 7);
if (!distReady()) {
  console.error(`${DIST} is not assembled: run wasm/build.sh, then web/assemble.sh`);
  process.exit(1);
}

async function coldVisit(server) {
  const b = await launch();
  try {
    const page = b.context.pages()[0] ?? await b.context.newPage();
    await page.goto(server.url + shareFragment(CASES.weihai.situation));
    await waitReady(page);
    await page.waitForSelector('#totals');
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const first = performance.getEntriesByName('sc-first-result')[0]?.startTime;
      const mark = (n) => performance.getEntriesByName(n)[0]?.startTime - nav.domInteractive;
      return { interactive: nav.domInteractive, first, core: mark('sc-core'), ready: mark('sc-ready') };
    });
  } finally {
    await b.close();
  }
}

const server = await startServer();
try {
  const after = [];
  for (let i = 0; i < RUNS; i++) {
    const m = await coldVisit(server);
    after.push(m.first - m.interactive);
    console.log(`  calculator loaded +${m.core.toFixed(0)} ms, form ready +${m.ready.toFixed(0)} ms, ` +
                `first result +${(m.first - m.interactive).toFixed(0)} ms`);
  }
  const sorted = [...after].sort((a, b) => a - b);
  console.log(`runs (ms): ${after.map((x) => x.toFixed(0)).join(', ')}`);
  console.log(`page first result after interactive, cold visit: median ${sorted[(RUNS - 1) >> 1].toFixed(0)} ms over ${RUNS} runs` +
              ` (min ${sorted[0].toFixed(0)}, max ${sorted[RUNS - 1].toFixed(0)})  [goal 300 ms]`);
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await server.close();
}
