// skillcalc.mjs: the calculator for pages, city websites and node.
//
//   import { createSkillCalc } from './skillcalc.mjs';
//   const calc = await createSkillCalc();          // options: { today: 'YYYY-MM-DD', wasmUrl, wasmBinary }
//   calc.evaluate({ city: 'weihai', ... })         // -> result object (the CLI's JSON, parsed)
//   calc.evaluateText('{"city":"weihai",...}')     // -> result JSON text, byte for byte the CLI's output line
//   calc.catalog('weihai'); calc.documents(); calc.version();   // -> objects
//
// Every answer is an object (or JSON text) with "ok"; errors are data, nothing here throws once created.
// skillcalc_core.wasm is loaded from beside this file (fetch in a browser, fs in node) unless options say otherwise.
import createSkillCalcCore from './skillcalc_core.mjs';

const INTERNAL_ERROR =
  '{"ok":false,"error":{"code":"internal_error","path":"","zh":"计算器内部错误","en":"internal error in the calculator"}}';
const utf8 = new TextDecoder();
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

export async function createSkillCalc(options = {}) {
  const wasmModule = await compileWasm(options);
  let core = await instantiate(wasmModule);
  let renewing = null;

  // Calls the core and decodes its answer (a view of UTF-8 JSON text in wasm memory, valid until the next call).
  // Anything thrown (a C++ exception or a trap escaping into JS) becomes internal_error text. After such a failure
  // the instance may have leaked memory or stack, so a fresh one replaces it in the background; calls made
  // meanwhile still go to the old one.
  function call(name, ...args) {
    try {
      return utf8.decode(core[name](...args));
    } catch {
      renewing ??= instantiate(wasmModule).then(
        (fresh) => { core = fresh; renewing = null; },
        () => { renewing = null; });
      return INTERNAL_ERROR;
    }
  }
  const today = () => options.today ?? localToday();

  function evaluateText(text) {
    let s = typeof text === 'string' ? text : String(text);
    // A lone surrogate cannot be written in UTF-8: replace it with U+FFFD as TextEncoder (and so any caller piping
    // the text to the CLI) would, rather than hand the core the bytes of the surrogate itself.
    if (s.isWellFormed && !s.isWellFormed()) s = s.toWellFormed();
    return call('evaluate', s, today());
  }
  function evaluate(situation) {
    let text = situation;
    if (typeof situation !== 'string') {
      try {
        text = JSON.stringify(situation) ?? '';
      } catch {
        return {
          ok: false,
          error: { code: 'invalid_input', path: '', zh: '情形无法转换为 JSON', en: 'the situation cannot be converted to JSON' },
        };
      }
    }
    return JSON.parse(evaluateText(text));
  }
  return {
    evaluate,
    evaluateText,
    catalog: (city) => JSON.parse(call('catalog', String(city))),
    documents: () => JSON.parse(call('documents')),
    version: () => JSON.parse(call('version')),
  };
}

export default createSkillCalc;
