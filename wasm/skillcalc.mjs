// skillcalc.mjs: the calculator for pages, city websites and node.
//
//   import { createSkillCalc } from './skillcalc.mjs';
//   const calc = await createSkillCalc();          // options: { today: 'YYYY-MM-DD', wasmUrl, wasmBinary }
//   calc.evaluate({ city: 'weihai', ... })         // -> result object (the CLI's JSON, parsed)
//   calc.evaluateText('{"city":"weihai",...}')     // -> result JSON text, byte for byte the CLI's output line
//   calc.evaluate(situation, { compact: true })    // -> the compact result (`skillcalc eval --compact`); the same
//                                                  //    option for evaluateText
//   calc.catalog('weihai'); calc.documents(); calc.version();   // -> objects
//   calc.compare(situation, ['weihai', 'yantai'])  // -> { ok, cities: [{ city, result }], only_in, missing }
//   calc.compareText(text, cities)                 // -> the same as JSON text, byte for byte `skillcalc compare`
//   calc.budget(claims)                            // -> the settlement of city-wide pools and quotas (`skillcalc
//                                                  //    budget`); claims: an array, or JSONL text. budgetText: as text
//   calc.sheet(csvBytes, { name, mode })           // -> a claims CSV run in steps: `eval --csv` or `budget` (below)
//   calc.sheetRun(csvBytes, { name, mode })        // -> { out, notes, errors, status }: all steps at once
//   calc.memoryBytes()                             // -> the size of the core's wasm memory, in bytes
//
// Every answer is an object (or JSON text) with "ok"; errors are data, nothing here throws once created.
// skillcalc_core.wasm is loaded from beside this file (fetch in a browser, fs in node) unless options say otherwise.
import createSkillCalcCore from './skillcalc_core.mjs';

const INTERNAL_ERROR =
  '{"ok":false,"error":{"code":"internal_error","path":"","zh":"计算器内部错误","en":"internal error in the calculator"}}';
const utf8 = new TextDecoder();
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });  // a string may begin with U+FEFF: kept
const encoder = new TextEncoder();
const isNode = typeof process !== 'undefined' && !!process.versions?.node;

function localToday() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

async function compileWasm(options) {
  if (options.wasmBinary) return WebAssembly.compile(options.wasmBinary);
  const url = options.wasmUrl ?? new URL('./skillcalc_core.wasm', import.meta.url);
  if (isNode) {
    const fs = await import('node:fs/promises');
    return WebAssembly.compile(await fs.readFile(url instanceof URL || !/^file:/.test(url) ? url : new URL(url)));
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`cannot fetch ${url}: HTTP ${response.status}`);
  // Streaming compilation needs the server to say application/wasm; otherwise compile from the bytes.
  if (WebAssembly.compileStreaming && response.headers.get('content-type')?.startsWith('application/wasm'))
    return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// One running instance of the core, from the compiled module (instantiating is cheap once compiled).
function instantiate(wasmModule) {
  return createSkillCalcCore({
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule));
      return {};
    },
    print() {},
    printErr() {},
  });
}

// The same, at once: a compiled module may be instantiated synchronously, and the loader then finishes its start-up
// before returning. Null when that did not happen (the caller falls back to instantiate()).
function instantiateNow(wasmModule) {
  try {
    const core = {
      instantiateWasm(imports, receive) {
        const instance = new WebAssembly.Instance(wasmModule, imports);
        receive(instance, wasmModule);
        return instance.exports;
      },
      print() {},
      printErr() {},
    };
    createSkillCalcCore(core).catch(() => {});
    return typeof core.evaluate === 'function' ? core : null;
  } catch {
    return null;
  }
}

const MAX_SITUATION_BYTES = 256 * 1024;  // the core's limit (core/situation.hpp kMaxSituationBytes)
const MAX_CITY_BYTES = 1024;
const TOO_LARGE =
  '{"ok":false,"error":{"code":"too_large","path":"","zh":"输入过大（最多 256 KiB）","en":"the input is too large (at most 256 KiB)"}}';
const NOT_TEXT =
  '{"ok":false,"error":{"code":"invalid_input","path":"","zh":"参数无法转换为文本","en":"the argument cannot be converted to text"}}';
const MAX_BUDGET_BYTES = 64 * 1024 * 1024;  // a year's claims of a city: some 200,000 of them
const BUDGET_TOO_LARGE =
  '{"ok":false,"error":{"code":"too_large","path":"","zh":"申报过多（最多 64 MiB），请分批或使用命令行 skillcalc budget","en":"too many claims (at most 64 MiB): split them, or use the command line skillcalc budget"}}';
const NOT_CLAIMS =
  '{"ok":false,"error":{"code":"invalid_input","path":"","zh":"申报须为数组或 JSONL 文本","en":"the claims must be an array or JSONL text"}}';

// A claim as one line of text: JSON written over several lines is written again on one; text that is not JSON keeps
// its place as a claim the core refuses (its line breaks made NULs, which no JSON holds); an entry that cannot be
// converted becomes one too.
function oneLine(text) {
  if (text === null) return '\0';
  if (!/[\r\n]/.test(text)) return text;
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text.replace(/[\r\n]/g, '\0');
  }
}

// UTF-8 length of s, counting no further than `limit` + 1.
function utf8Length(s, limit) {
  if (s.length > limit) return limit + 1;  // every UTF-16 unit is at least one byte
  if (s.length * 3 <= limit) return s.length;  // at most three bytes per unit: it fits whatever it holds
  let n = 0;
  for (let i = 0; i < s.length && n <= limit; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

// Text of any argument without throwing: null when its conversion throws (a toString or Symbol.toPrimitive that
// throws, a Symbol).
function asText(x) {
  if (typeof x === 'string') return x;
  try {
    return String(x);
  } catch {
    return null;
  }
}

// ---- results as tapes (core/json_tape.hpp) ---------------------------------------------------------------------
// An answer of evaluate_tape is the strings (UTF-16LE; UTF-8 JSON text where there are no ops), the ops (32 bits each, from a 4-byte boundary) and three words:
// the strings' length, where the ops begin, how many. Keys and fragments are asked of the core once per instance and
// kept: a key as its text, a fragment parsed, copied for each result that names it.
const TAG_BITS = 4, TAG = 15;
const OBJECT = 0, ARRAY = 1, END = 2, STRING = 4, INT = 5, INT64 = 6, FALSE = 7, TRUE = 8, NULL = 9, FRAGMENT = 10;

function copyValue(v) {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const a = new Array(v.length);
    for (let i = 0; i < v.length; i++) a[i] = copyValue(v[i]);
    return a;
  }
  const o = {};
  for (const k in v) o[k] = copyValue(v[k]);
  return o;
}

class TapeReader {
  constructor() {
    this.of = null;  // the core instance the kept keys and fragments are its
    this.keys = [];
    this.fragments = [];
  }
  // The answer (a view of wasm memory, valid until the next call) as an object.
  read(view, core) {
    if (this.of !== core) {
      this.of = core;
      this.keys = [];
      this.fragments = [];
    }
    const n = view.length;
    const trailer = new DataView(view.buffer, view.byteOffset + n - 12, 12);
    const textBytes = trailer.getUint32(0, true), opsAt = trailer.getUint32(4, true), count = trailer.getUint32(8, true);
    if (count === 0) return JSON.parse(utf8.decode(view.subarray(0, textBytes)));
    const text = utf16.decode(view.subarray(0, textBytes));
    this.ops = new Uint32Array(view.buffer, view.byteOffset + opsAt, count);
    this.text = text;
    this.i = 0;
    this.at = 0;
    const value = this.value();
    if (this.i !== count || this.at !== text.length) throw new Error('the tape does not read');
    this.ops = this.text = null;
    return value;
  }
  value() {
    const op = this.ops[this.i++];
    switch (op & TAG) {
      case OBJECT: {
        const o = {};
        for (let k = this.ops[this.i]; (k & TAG) !== END; k = this.ops[this.i]) {
          this.i++;
          o[this.keys[k >>> TAG_BITS] ?? this.key(k >>> TAG_BITS)] = this.value();
        }
        this.i++;
        return o;
      }
      case ARRAY: {
        const a = [];
        while ((this.ops[this.i] & TAG) !== END) a.push(this.value());
        this.i++;
        return a;
      }
      case STRING: {
        const from = this.at;
        this.at += op >>> TAG_BITS;
        return this.text.slice(from, this.at);
      }
      case INT:
        return op >>> TAG_BITS;
      case INT64: {
        const lo = this.ops[this.i], hi = this.ops[this.i + 1] | 0;
        this.i += 2;
        return hi * 4294967296 + lo;
      }
      case FALSE:
        return false;
      case TRUE:
        return true;
      case NULL:
        return null;
      case FRAGMENT:
        return copyValue(this.fragments[op >>> TAG_BITS] !== undefined ? this.fragments[op >>> TAG_BITS] : this.fragment(op >>> TAG_BITS));
      default:
        throw new Error('the tape does not read');
    }
  }
  entry(id) {
    const bytes = this.of.tape_entry(id);
    if (bytes.length === 0) throw new Error('the tape names no entry');
    return utf8.decode(bytes);
  }
  key(id) {
    return (this.keys[id] = this.entry(id));
  }
  fragment(id) {
    return (this.fragments[id] = JSON.parse(this.entry(id)));
  }
}

export async function createSkillCalc(options = {}) {
  const wasmModule = await compileWasm(options);
  let core = await instantiate(wasmModule);
  let renewing = null;

  // Calls the core and decodes its answer (a view of UTF-8 JSON text in wasm memory, valid until the next call).
  // Anything thrown (a C++ exception or a trap escaping into JS) becomes internal_error text. After such a failure
  // the instance may have leaked memory or stack, so a fresh one replaces it at once, before the next call (or, where
  // synchronous instantiation is refused, as soon as the event loop turns).
  function call(name, ...args) {
    return callWith(() => core[name](...args));
  }
  function callWith(f) {
    try {
      return utf8.decode(f());
    } catch {
      renew();
      return INTERNAL_ERROR;
    }
  }
  function renew() {
    const now = instantiateNow(wasmModule);
    if (now) core = now;
    else
      renewing ??= instantiate(wasmModule).then(
        (fresh) => { core = fresh; renewing = null; },
        () => { renewing = null; });
  }
  const today = () => options.today ?? localToday();

  // A situation's text as the core takes it, or an answer (JSON text) refusing it.
  function situationFor(text) {
    let s = asText(text);
    if (s === null) return { refused: NOT_TEXT };
    // Refused before a byte is copied into wasm memory (which grows and never shrinks).
    if (utf8Length(s, MAX_SITUATION_BYTES) > MAX_SITUATION_BYTES) return { refused: TOO_LARGE };
    // A lone surrogate cannot be written in UTF-8: replace it with U+FFFD as TextEncoder (and so any caller piping
    // the text to the CLI) would, rather than hand the core the bytes of the surrogate itself.
    if (s.isWellFormed && !s.isWellFormed()) s = s.toWellFormed();
    return { s };
  }
  function evaluateText(text, options) {
    const { s, refused } = situationFor(text);
    if (refused) return refused;
    const compact = !!options?.compact;
    return callWith(() => core.evaluate_room(put(s), today(), compact));
  }
  // Writes the situation into the core's room for it (wasm/bindings.cpp situation_room) and returns its length in
  // bytes (-1 if it did not fit). The view is asked for again when the instance was replaced, when wasm memory has
  // grown (the old view is then detached: its length reads 0) or when it is too small.
  let room = null, roomOf = null;
  function put(s) {
    const most = s.length * 3;  // UTF-8 bytes at most, for a well-formed string
    if (roomOf !== core || room.byteLength < most) {
      room = core.situation_room(most);
      roomOf = core;
    }
    const r = encoder.encodeInto(s, room);
    return r.read === s.length ? r.written : -1;  // -1 (refused by the core as internal_error): never a cut text
  }
  function catalog(city) {
    const s = asText(city);
    if (s === null) return JSON.parse(NOT_TEXT);
    // No city name is this long: the core's answer for an unknown city, without copying the text.
    return JSON.parse(call('catalog', utf8Length(s, MAX_CITY_BYTES) > MAX_CITY_BYTES ? `${s.slice(0, 64)}…` : s));
  }
  // A situation object (or JSON text) as text; null when it cannot be converted.
  function situationText(situation) {
    if (typeof situation === 'string') return situation;
    try {
      return JSON.stringify(situation) ?? '';
    } catch {
      return null;
    }
  }
  const NOT_JSON = {
    ok: false,
    error: { code: 'invalid_input', path: '', zh: '情形无法转换为 JSON', en: 'the situation cannot be converted to JSON' },
  };
  // The object is built from the core's tape (README "Objects without JSON text"): the same object JSON.parse of
  // evaluateText's answer gives, without that text.
  const tapes = new TapeReader();
  function evaluate(situation, options) {
    const text = situationText(situation);
    if (text === null) return NOT_JSON;
    const { s, refused } = situationFor(text);
    if (refused) return JSON.parse(refused);
    try {
      return tapes.read(core.evaluate_tape(put(s), today(), !!options?.compact), core);
    } catch {
      renew();
      return JSON.parse(INTERNAL_ERROR);
    }
  }
  // `cities`: an array of city ids (or JSON text of one); undefined or null for every city with documents.
  function compareText(text, cities) {
    let s = asText(text);
    if (s === null) return NOT_TEXT;
    if (utf8Length(s, MAX_SITUATION_BYTES) > MAX_SITUATION_BYTES) return TOO_LARGE;
    if (s.isWellFormed && !s.isWellFormed()) s = s.toWellFormed();
    let list = '';
    if (cities !== undefined && cities !== null) {
      list = typeof cities === 'string' ? cities : situationText(cities);
      if (list === null || utf8Length(list, MAX_CITY_BYTES * 16) > MAX_CITY_BYTES * 16)
        return '{"ok":false,"error":{"code":"invalid_input","path":"/cities","zh":"城市列表无效","en":"the list of cities is not valid"}}';
      if (list === '') list = '[]';  // an empty string names no city: refused by the core, not read as "all"
      if (list.isWellFormed && !list.isWellFormed()) list = list.toWellFormed();
    }
    return call('compare', s, list, today());
  }
  // The claims of a budget: an array (each a situation or {id, situation, claimed_yuan}, as an object or JSON text;
  // entry k is claim k + 1 in the settlement's errors) or JSONL text (one claim a line, a blank line none, as
  // `skillcalc budget FILE` reads it). The settlement, byte for byte `skillcalc budget`'s JSON line.
  function budgetText(claims) {
    let text;
    if (typeof claims === 'string') {
      text = claims;
    } else if (Array.isArray(claims)) {
      // One line an entry, each ending in a line break (so that an empty entry is a claim, refused, not no line).
      text = claims.map((c) => `${oneLine(situationText(c))}\n`).join('');
    } else {
      return NOT_CLAIMS;
    }
    if (utf8Length(text, MAX_BUDGET_BYTES) > MAX_BUDGET_BYTES) return BUDGET_TOO_LARGE;
    if (text.isWellFormed && !text.isWellFormed()) text = text.toWellFormed();
    return call('budget', text, today(), typeof claims === 'string');
  }
  function budget(claims) {
    return JSON.parse(budgetText(claims));
  }
  function compare(situation, cities) {
    const text = situationText(situation);
    return text === null ? NOT_JSON : JSON.parse(compareText(text, cities));
  }
  let sheets = 0;  // the job started last: only it may use the core's one slot
  const sheet = (bytes, opts) =>
    startSheet(bytes, opts ?? {}, { core: () => core, call, today, id: ++sheets, latest: () => sheets });
  return {
    evaluate,
    evaluateText,
    compare,
    compareText,
    budget,
    budgetText,
    sheet,
    sheetRun: (bytes, opts) => runSheet(sheet(bytes, opts)),
    memoryBytes: () => core.HEAP8?.buffer.byteLength ?? 0,  // the core's wasm memory (it grows, never shrinks)
    catalog,
    documents: () => JSON.parse(call('documents', today())),
    version: () => JSON.parse(call('version')),
  };
}

// ---- the claims spreadsheet ----------------------------------------------------------------------------------
//
//   const job = calc.sheet(bytes, { name: 'claims.csv', mode: 'items', today: '2026-01-15' });
//   // bytes: Uint8Array or ArrayBuffer of the CSV as saved; mode: 'items' (eval --csv), 'budget' (budget --format
//   // csv) or 'budget_json' (budget); name: the file's name as the messages give it (default 'claims.csv').
//   let s = job.status;                 // { ok, opened, more, done, total, rows, applicants, errors, code, … }
//   while (s.more) s = job.step(100);   // 100 more applicants; take what they produced:
//   job.take();                          // -> { out: Uint8Array, notes: string, errors: [{ line, column, … }] }
//   s = job.finish(); job.take(); job.close();
//
// `out` is the command line's output and `notes` its stderr lines (with --quiet), byte for byte; `errors` lists
// the rows left out. A refused file (encoding, header) has status.opened false and the reason in notes. One job at
// a time per calculator: starting another closes the one before.
const MAX_SHEET_BYTES = 1024 * 1024 * 1024;
const sheetError = (code, zh, en) => ({ ok: false, error: { code, path: '', zh, en } });

function startSheet(bytes, opts, edge) {
  const core = edge.core();
  // A failed call replaced the instance, or a later job took the slot: this job is gone.
  const closed = () => core !== edge.core() || edge.id !== edge.latest();
  const nothing = () => ({ out: new Uint8Array(0), notes: '', errors: [] });
  const fail = (why) => ({ status: why, step: () => why, finish: () => why, take: nothing, answer: () => why, close() {} });
  const data = bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes;
  if (!(data instanceof Uint8Array)) return fail(sheetError('invalid_input', '表格内容必须是字节（Uint8Array）', 'the spreadsheet must be given as bytes (Uint8Array)'));
  if (data.length > MAX_SHEET_BYTES) return fail(sheetError('too_large', '文件过大（最多 1 GiB）', 'the file is too large (at most 1 GiB)'));
  const mode = ['items', 'budget', 'budget_json'].includes(opts.mode) ? opts.mode : 'items';
  const parse = (text) => { try { return JSON.parse(text); } catch { return JSON.parse(INTERNAL_ERROR); } };
  const gone = sheetError('internal_error', '这项表格计算已被新的计算取代或中断', 'this spreadsheet job was replaced by a newer one or interrupted');
  const run = (name, ...args) => (closed() ? gone : parse(edge.call(name, ...args)));
  try {
    core.sheet_input(data.length).set(data);  // one copy, read in place by both passes
  } catch {
    edge.call('sheet_close');  // frees the buffer; replaces the instance if it failed
    return fail(sheetError('too_large', '文件过大，无法载入', 'the file is too large to load'));
  }
  const job = {
    status: run('sheet_open', String(opts.name ?? 'claims.csv'), String(opts.today ?? edge.today()),
      mode === 'budget' ? 'budget_csv' : mode),
    step(n = 100) { return (job.status = run('sheet_step', Math.max(1, Math.floor(n) || 1))); },
    finish() { return (job.status = run('sheet_finish')); },
    // What the steps produced since the last take: copied out of wasm memory, so it stays valid.
    take() {
      if (closed()) return nothing();
      try {
        const out = core.sheet_take('out').slice();
        const notes = utf8.decode(core.sheet_take('notes'));
        const errors = JSON.parse(utf8.decode(core.sheet_take('errors')));
        return { out, notes, errors };
      } catch {
        return nothing();
      }
    },
    // A budget's JSON answer (after finish), parsed.
    answer() { return closed() ? gone : parse(edge.call('sheet_take', 'answer')); },
    close() { if (!closed()) try { core.sheet_close(); } catch { /* the instance is replaced */ } },
  };
  return job;
}

// Every step at once: { out: Uint8Array, notes: string, errors: [...], status }.
function runSheet(job) {
  const parts = [];
  let notes = '';
  const errors = [];
  const take = () => {
    const t = job.take();
    if (t.out.length) parts.push(t.out);
    notes += t.notes;
    errors.push(...t.errors);
  };
  let s = job.status;
  take();
  while (s.ok && s.more) { s = job.step(1000); take(); }
  if (s.ok && s.opened) { s = job.finish(); take(); }
  job.close();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return { out, notes, errors, status: s };
}

export default createSkillCalc;
