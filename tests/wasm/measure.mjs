// Figures of the WebAssembly build (a script, not a test): node tests/wasm/measure.mjs
//   size      gzip -9 of dist/skillcalc_core.wasm + skillcalc_core.mjs + skillcalc.mjs     budget <= 150 KB
//   start-up  import + compile + instantiate + first evaluate, median of 15 fresh loads     budget <= 50 ms
//             (in this process, each a fresh import via a query string; and, for reference, in fresh node processes,
//             where no compiled code is cached)
//   speed     evaluations per second of a one-event situation (~2 s in all), next to build/bench's native
//             figure for the same situation when build/bench exists (best of 3 rounds each, in turns)  budget: 2.5x
//             of evaluate (object in, object out); the compact result (options {compact: true}) where the build has
//             it; and, given a mixed workload (tools/bench_situations.py), its first 5,000 situations as objects.
// Usage: node tests/wasm/measure.mjs [--speed] [MIXED.jsonl]   (--speed: the speed figures only)
// env: SKILLCALC_DIST (default dist/), SKILLCALC_BENCH (default build/bench).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.SKILLCALC_DIST || path.join(ROOT, 'dist');
const BENCH = process.env.SKILLCALC_BENCH || path.join(ROOT, 'build/bench');
const ENTRY = pathToFileURL(path.join(DIST, 'skillcalc.mjs')).href;
const TODAY = '2026-01-15';
// The same situation as build/bench's "one event (Weihai contest prize)".
const ONE_EVENT =
  '{"city":"weihai","applicant":{"kind":"person"},"events":[{"id":"e1","type":"competition","date":"2025-07-01",' +
  '"tier":"national_class1","rank":2,"contest":"cnc"}]}';

// One load, timed from before the import to after the first evaluation.
async function loadOnce(tag) {
  const t0 = performance.now();
  const { createSkillCalc } = await import(`${ENTRY}?load=${tag}`);
  const calc = await createSkillCalc({ today: TODAY });
  const r = calc.evaluateText(ONE_EVENT);
  const ms = performance.now() - t0;
  if (!r.startsWith('{"ok":true')) throw new Error(`first evaluation failed: ${r.slice(0, 300)}`);
  return { ms, calc };
}

if (process.argv[2] === '--child') {
  const { ms } = await loadOnce('child');
  process.stdout.write(`${ms}\n`);
  process.exit(0);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const verdict = (ok) => (ok ? 'ok' : 'OVER BUDGET');
const speedOnly = process.argv.includes('--speed');
const MIXED = process.argv.slice(2).find((a) => !a.startsWith('--'));
let calc;

// Size.
if (!speedOnly) {
let total = 0;
const parts = [];
for (const f of ['skillcalc_core.wasm', 'skillcalc_core.mjs', 'skillcalc.mjs']) {
  const raw = fs.readFileSync(path.join(DIST, f));
  const gz = zlib.gzipSync(raw, { level: 9 }).length;
  total += gz;
  parts.push(`${f} ${(raw.length / 1024).toFixed(1)} KB -> ${(gz / 1024).toFixed(1)} KB`);
}
console.log(`size (gzip -9):   ${(total / 1024).toFixed(1)} KB  [${verdict(total <= 150 * 1024)}; budget 150 KB]`);
console.log(`                  ${parts.join(', ')}`);

// Start-up.
const RUNS = 15;
const inProcess = [];
for (let i = 0; i < RUNS; i++) {
  const r = await loadOnce(i);
  inProcess.push(r.ms);
  calc = r.calc;
}
const cold = [];
for (let i = 0; i < RUNS; i++) {
  const p = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`child load failed: ${p.stderr}`);
  cold.push(Number(p.stdout.trim()));
}
const m = median(inProcess);
console.log(`start-up median:  ${m.toFixed(1)} ms over ${RUNS} fresh imports in one process  [${verdict(m <= 50)}; budget 50 ms]` +
            ` (first ${inProcess[0].toFixed(1)} ms, min ${Math.min(...inProcess).toFixed(1)}, max ${Math.max(...inProcess).toFixed(1)})`);
console.log(`                  ${median(cold).toFixed(1)} ms over ${RUNS} fresh node processes (cold: nothing cached)` +
            ` (min ${Math.min(...cold).toFixed(1)}, max ${Math.max(...cold).toFixed(1)})`);
}
calc ??= (await loadOnce('speed')).calc;

// Speed. The machine may be shared: wasm and native run in turns, and the best round of each counts.
// Three wasm figures: "core" calls the module's own evaluate(), whose answer stays in wasm memory as UTF-8 (as
// build/bench leaves it in a std::string); "evaluateText" adds making the JS string (TextDecoder, ~1.5 us per KB of
// Chinese-heavy JSON in node 20, a cost native does not have); "evaluate" adds JSON.parse.
// Calls per second of this process's CPU time (user + system, as build/bench counts), so that a busy machine
// lowers the figures less than it would in wall time.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function rate(fn, seconds) {
  let n = 0;
  const t0 = cpuMs();
  let t = t0;
  while (t - t0 < seconds * 1000) {
    for (let i = 0; i < 50; i++) fn();
    n += 50;
    t = cpuMs();
  }
  return (n * 1000) / (t - t0);
}
function nativeRate() {
  const p = spawnSync(BENCH, ['--one-event', String(ROUND_S)], { encoding: 'utf8' });
  const hit = /^one event \(Weihai contest prize\)\s+(\d+) evaluations\/s/m.exec(p.stdout) ?? /(\d+) evaluations\/s/.exec(p.stdout);
  return hit ? Number(hit[1]) : NaN;
}
const { default: createCore } = await import(pathToFileURL(path.join(DIST, 'skillcalc_core.mjs')).href);
const wasmBytes = fs.readFileSync(path.join(DIST, 'skillcalc_core.wasm'));
const core = await createCore({
  instantiateWasm(imports, receive) {
    WebAssembly.instantiate(wasmBytes, imports).then((r) => receive(r.instance, r.module));
    return {};
  },
});
// The core as skillcalc.mjs calls it now: the text written into the core's room with TextEncoder.encodeInto (no
// embind string conversion), the answer left in wasm memory. Builds without the room have no such figure.
const encoder = new TextEncoder();
let room = null;
const coreRoom = core.situation_room && (() => {
  if (!room || room.byteLength < ONE_EVENT.length * 3) room = core.situation_room(ONE_EVENT.length * 3);
  return core.evaluate_room(encoder.encodeInto(ONE_EVENT, room).written, TODAY, false);
});
const ROUNDS = 3, ROUND_S = 0.7;
const haveBench = fs.existsSync(BENCH);
const ONE_OBJECT = JSON.parse(ONE_EVENT);
// A build with the compact result leaves the explanations out when asked; an older one ignores the option.
const COMPACT = { compact: true };
const hasCompact = !('explain' in (calc.evaluate(ONE_OBJECT, COMPACT).items?.[0] ?? { explain: 1 }));
rate(() => calc.evaluateText(ONE_EVENT), 0.3); // warm-up: let the engine tier up
rate(() => calc.evaluate(ONE_OBJECT), 0.3);
rate(() => core.evaluate(ONE_EVENT, TODAY), 0.3);
let wasmCore = 0, wasmRoom = 0, wasmText = 0, wasmObject = 0, wasmCompact = 0, native = 0;
if (coreRoom) rate(coreRoom, 0.3);
for (let i = 0; i < ROUNDS; i++) {
  wasmCore = Math.max(wasmCore, rate(() => core.evaluate(ONE_EVENT, TODAY), ROUND_S / 2));
  if (coreRoom) wasmRoom = Math.max(wasmRoom, rate(coreRoom, ROUND_S / 2));
  wasmText = Math.max(wasmText, rate(() => calc.evaluateText(ONE_EVENT), ROUND_S / 2));
  wasmObject = Math.max(wasmObject, rate(() => calc.evaluate(ONE_OBJECT), ROUND_S / 2));
  if (hasCompact) wasmCompact = Math.max(wasmCompact, rate(() => calc.evaluate(ONE_OBJECT, COMPACT), ROUND_S / 2));
  if (haveBench) native = Math.max(native, nativeRate());
}
console.log(`evaluations/s:    wasm core ${wasmCore.toFixed(0)}, evaluateText ${wasmText.toFixed(0)}, evaluate ${wasmObject.toFixed(0)}` +
            `  (one event, ${calc.evaluateText(ONE_EVENT).length} chars of JSON; best of ${ROUNDS} rounds, in turns with native)`);
console.log(`wasm evaluate, object in and out, one event: ${wasmObject.toFixed(0)}/s  [${verdict(wasmObject >= 30000)}; goal 30000/s]`);
if (hasCompact)
  console.log(`wasm evaluate compact, object in and out, one event: ${wasmCompact.toFixed(0)}/s  [${verdict(wasmCompact >= 100000)}; goal 100000/s]`);
else console.log('wasm evaluate compact, object in and out, one event: none (this build has no compact result)');
if (!haveBench) console.log(`                  native: skipped (${BENCH} not built)`);
else if (!native) console.log(`                  native: no figure in the output of ${BENCH}`);
else {
  const x = (w) => `${(native / w).toFixed(2)}x [${verdict(native <= 2.5 * w)}]`;
  console.log(`                  native ${native} (${BENCH}): native/wasm core ${x(wasmCore)}, native/evaluateText ${x(wasmText)}; budget 2.5x`);
  console.log(`native/wasm evaluate (object in and out), one event: ${x(wasmObject)}`);
  if (wasmRoom)
    console.log(`wasm core, the text written with encodeInto as skillcalc.mjs does: ${wasmRoom.toFixed(0)}/s; ` +
                `native/that ${x(wasmRoom)}`);
}
if (MIXED) {
  const head = Buffer.alloc(4 << 20);  // the first 4 MiB hold well over 5,000 lines
  const fd = fs.openSync(MIXED, 'r');
  const got = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  const lines = head.subarray(0, got).toString('utf8').split('\n');
  if (got === head.length) lines.pop();  // a line cut short
  const objects = lines.filter(Boolean).slice(0, 5000).map((l) => JSON.parse(l));
  let k = 0;
  const next = () => objects[k++ % objects.length];
  rate(() => calc.evaluate(next()), 0.3);
  let full = 0, compact = 0;
  for (let i = 0; i < ROUNDS; i++) {
    full = Math.max(full, rate(() => calc.evaluate(next()), ROUND_S / 2));
    if (hasCompact) compact = Math.max(compact, rate(() => calc.evaluate(next(), COMPACT), ROUND_S / 2));
  }
  console.log(`wasm evaluate, object in and out, mixed 1-4 events: ${full.toFixed(0)}/s` +
              (hasCompact ? `; compact ${compact.toFixed(0)}/s` : ''));
}
