// Every golden case, for the node tests: { name, situation } from rules/*/cases.json (arrays) and the one-case files
// of the shared examples and tests/cases.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_EXAMPLES = path.resolve(ROOT, '../shared/examples');

const jsonFiles = (dir) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(dir, f)) : [];

export function allCases() {
  const cases = [];
  const rulesDir = path.join(ROOT, 'rules');
  for (const d of fs.readdirSync(rulesDir).sort()) {
    const file = path.join(rulesDir, d, 'cases.json');
    if (!fs.existsSync(file)) continue;
    JSON.parse(fs.readFileSync(file, 'utf8')).forEach((c, i) =>
      cases.push({ name: `rules/${d}/cases.json #${i}: ${c.name ?? ''}`, situation: c.situation }));
  }
  for (const file of [...jsonFiles(SHARED_EXAMPLES), ...jsonFiles(path.join(ROOT, 'tests/cases'))]) {
    const c = JSON.parse(fs.readFileSync(file, 'utf8'));
    cases.push({ name: `${path.relative(path.dirname(ROOT), file)}: ${c.name ?? ''}`, situation: c.situation ?? c });
  }
  return cases;
}
