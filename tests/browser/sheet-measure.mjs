// Figures, not a test: a claims CSV of 10,000 rows (and 50,000, to see whether memory stays flat) through the page's
// spreadsheet mode in headless Chromium: the time from choosing the file to the downloads being ready, and the
// memory (the worker's wasm memory, the page's JS heap). Prints them; asserts nothing.
//   node tests/browser/sheet-measure.mjs [ROWS…]     (after wasm/build.sh and web/assemble.sh)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launch, waitReady } from './helpers.mjs';

// Rows of a bureau's batch: people with certificates, contest results and titles, enterprises with self-evaluated
// staff, across the four cities; two or three rows per applicant, far apart in the file.
function claims(rows) {
  const kinds = [
    'person,enterprise,skill_level,2025-06-10,technician,social_evaluation,,,,,',
    'person,enterprise,competition,2025-07-01,,,,provincial_class1,2,cnc-2025,',
    'person,enterprise,title,2025-08-01,,,,,,,weihai_craftsman',
    'enterprise,,skill_level,2025-06-10,technician,enterprise_self_evaluation,30,,,,',
  ];
  const cities = ['weihai', 'yantai', 'jining', 'rizhao'];
  const applicants = Math.ceil(rows / 2.5);
  let s = 'applicant,city,applicant_kind,applicant.employer,type,date,level,route,count,tier,rank,contest,title\n';
  for (let k = 0; k < rows; k++) {
    const a = k % applicants;
    const kind = a % 10 === 9 ? kinds[3] : kinds[(a + Math.floor(k / applicants)) % 3];
    s += `申请人${String(a).padStart(6, '0')},${cities[a % 4]},${kind}\n`;
  }
  return s;
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const server = await startServer();
const browser = await launch({ viewport: { width: 1280, height: 800 } });
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-measure-'));
try {
  for (const rows of sizes.length ? sizes : [10_000, 50_000]) {
    const file = path.join(dir, `claims-${rows}.csv`);
    fs.writeFileSync(file, claims(rows));
    const page = await browser.context.newPage();
    await page.goto(`${server.url}?mode=sheet`);
    await waitReady(page);
    await page.fill('#sheet-today', '2026-01-15');
    const t0 = Date.now();
    await page.setInputFiles('#sheet-file', file);
    await page.waitForSelector('#sheet[data-state="done"]', { timeout: 600_000 });
    const wall = Date.now() - t0;
    const f = await page.evaluate(() => ({
      ms: Number(document.getElementById('sheet').dataset.ms),
      wasm: Number(document.getElementById('sheet').dataset.memory),
      heap: performance.memory?.usedJSHeapSize ?? 0,
      summary: document.getElementById('sheet-summary-items')?.textContent,
    }));
    const mb = (n) => (n / 1048576).toFixed(1);
    console.log(`${rows} rows (${mb(fs.statSync(file).size)} MB): ${(wall / 1000).toFixed(2)} s from choosing the file to ` +
      `the downloads (worker ${(f.ms / 1000).toFixed(2)} s, ${Math.round(rows / (f.ms / 1000))} rows/s); ` +
      `worker wasm memory ${mb(f.wasm)} MB; page JS heap ${mb(f.heap)} MB`);
    console.log(`  ${f.summary}`);
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
