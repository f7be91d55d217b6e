// The spreadsheet mode's worker: runs a claims CSV through the calculator (calc.sheet, the command line's own job)
// off the page's thread, a step of applicants at a time, and posts progress, the output and the rows left out as
// they come. Nothing leaves the device: the file is read here and the results go back to the page only.
//   page -> worker: { type: 'run', file: File, name, mode: 'items' | 'budget', today }
//   worker -> page: { type: 'progress', done, total, rows }, { type: 'errors', list },
//                   { type: 'done', status, out: Blob, notes, answer?, ms, memory }, { type: 'failed', message }
import { createSkillCalc } from './skillcalc.mjs';

let calc = null;
const STEP_MS = 40;  // a step's length: progress several times a second, little overhead
const COALESCE = 4 << 20;  // output parts are folded into one Blob every few MB, so the browser may keep it off-heap

async function run({ file, name, mode, today }) {
  const started = performance.now();
  calc ??= await createSkillCalc();
  const job = calc.sheet(new Uint8Array(await file.arrayBuffer()), { name, mode, today });
  let blob = new Blob([]);
  let parts = [];
  let pending = 0;
  let notes = '';
  const take = () => {
    const t = job.take();
    if (t.out.length) { parts.push(t.out); pending += t.out.length; }
    if (pending >= COALESCE) { blob = new Blob([blob, ...parts]); parts = []; pending = 0; }
    notes += t.notes;
    if (t.errors.length) postMessage({ type: 'errors', list: t.errors });
  };
  let s = job.status;
  take();
  let n = 20;
  while (s.ok && s.more) {
    const t0 = performance.now();
    s = job.step(n);
    take();
    const took = performance.now() - t0;
    n = Math.max(1, Math.min(5000, Math.round(n * (took > 0 ? STEP_MS / took : 2))));  // aim at STEP_MS a step
    postMessage({ type: 'progress', done: s.done, total: s.total, rows: s.rows });
  }
  if (s.ok && s.opened) { s = job.finish(); take(); }
  const answer = s.ok && s.opened && mode !== 'items' ? job.answer() : null;
  const memory = calc.memoryBytes?.() ?? 0;
  job.close();
  postMessage({ type: 'done', status: s, out: new Blob([blob, ...parts], { type: 'text/csv' }), notes, answer,
    ms: Math.round(performance.now() - started), memory });
}

self.addEventListener('message', (e) => {
  if (e.data?.type !== 'run') return;
  run(e.data).catch((err) => postMessage({ type: 'failed', message: String(err?.message ?? err) }));
});
