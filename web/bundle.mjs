// Bundles the page's modules for dist/: the entry (app.js) and every module it imports become one file, each module
// in a function scope of its own, run in the order imports require. A first visit then asks for one script instead
// of twenty, with no round trip per level of imports. The calculator (skillcalc.mjs, imported dynamically) and the
// service worker's and sheet worker's files stay files of their own.
//
// The page's modules use two forms only, and this reads those alone: `import { a, b as c } from './x.js';` at the
// start of a line, and `export` before a function, async function, const or class declaration. Anything else
// (another form of import or export, an `export let`, which a copy would not keep live, a cycle) is refused with the
// file and line, so that a bundle that would behave differently is never written.
//
// Usage: node web/bundle.mjs DIR ENTRY   — rewrites DIR/ENTRY as the bundle and prints the modules it took in, a line
// each (the entry included), for assemble.sh to leave out of the release.
import fs from 'node:fs';
import path from 'node:path';

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([\w.-]+\.js)';[ \t]*$/gm;
const EXPORT = /^export (?:async function|function|const|class) ([\w$]+)/gm;

function fail(file, text, index, why) {
  const line = text.slice(0, index).split('\n').length;
  throw new Error(`bundle: ${file}:${line}: ${why} / 打包失败：${file} 第 ${line} 行：${why}`);
}

// One module: what it imports (module, bindings) and exports, and its text with those statements rewritten.
function readModule(dir, file, importer) {
  let text;
  try {
    text = fs.readFileSync(path.join(dir, file), 'utf8');
  } catch {
    throw new Error(`bundle: cannot read ${file}${importer ? ` (imported by ${importer})` : ''} / ` +
                    `打包失败：无法读取 ${file}${importer ? `（由 ${importer} 导入）` : ''}`);
  }
  const imports = [];
  let body = text.replace(IMPORT, (_, names, from) => {
    const pairs = names.split(',').map((n) => n.trim()).filter(Boolean).map((n) => {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(n);
      if (!m) fail(file, text, text.indexOf(n), `cannot read the import "${n}"`);
      return m[2] ? `${m[1]}: ${m[2]}` : m[1];
    });
    imports.push(from);
    return `const { ${pairs.join(', ')} } = ${scopeName(from)};`;
  });
  for (const m of body.matchAll(/^(import|export)\b.*$/gm)) {
    if (m[1] === 'import' || !/^export (?:async function|function|const|class) /.test(m[0]))
      fail(file, body, m.index, `a form of ${m[1]} this bundler does not read: ${m[0].slice(0, 60)}`);
  }
  const exports = [...body.matchAll(EXPORT)].map((m) => m[1]);
  body = body.replace(/^export /gm, '');
  return { file, imports, exports, body };
}

function scopeName(file) {
  return `__module_${file.replace(/\.js$/, '').replace(/[^\w$]/g, '_')}`;
}

// Every module reachable from `entry`, each after the modules it imports.
function inOrder(dir, entry) {
  const done = new Map();
  const visiting = [];
  const visit = (file, importer) => {
    if (done.has(file)) return;
    if (visiting.includes(file)) {
      const cycle = [...visiting.slice(visiting.indexOf(file)), file].join(' -> ');
      throw new Error(`bundle: import cycle ${cycle} / 打包失败：循环导入 ${cycle}`);
    }
    visiting.push(file);
    const m = readModule(dir, file, importer);
    for (const dep of m.imports) visit(dep, file);
    visiting.pop();
    done.set(file, m);
  };
  visit(entry);
  return [...done.values()];
}

function bundle(modules, entry) {
  const parts = [`// ${entry}: the page's modules in one file, written by web/bundle.mjs from web/.\n`];
  for (const m of modules) {
    const tail = m.file === entry ? '' : `return { ${m.exports.join(', ')} };\n`;
    const head = m.file === entry ? '(() => {' : `const ${scopeName(m.file)} = (() => {`;
    parts.push(`\n// ---- ${m.file}\n${head}\n${m.body.replace(/\s*$/, '\n')}${tail}})();\n`);
  }
  return parts.join('');
}

const [dir, entry] = process.argv.slice(2);
if (!dir || !entry) {
  console.error('usage: node web/bundle.mjs DIR ENTRY');
  process.exit(2);
}
try {
  const modules = inOrder(dir, entry);
  const out = path.join(dir, entry);
  fs.writeFileSync(`${out}.tmp`, bundle(modules, entry));
  fs.renameSync(`${out}.tmp`, out);
  for (const m of modules) console.log(m.file);
} catch (e) {
  console.error(e.message);
  process.exit(1);
}
