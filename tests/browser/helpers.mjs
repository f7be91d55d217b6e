// Shared by the browser tests and audit.mjs: a tiny static server for dist/ on 127.0.0.1 (gzip like a real one),
// Debian's chromium through playwright-core with a fresh profile, and the four hand-checked situations.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = process.env.SKILLCALC_DIST ?? path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export function distReady() {
  return ['index.html', 'sw.js', 'skillcalc.mjs', 'skillcalc_core.wasm'].every((f) => fs.existsSync(path.join(DIST, f)));
}

// Serves `root` on 127.0.0.1 (random port) like an ordinary static server: gzip, ETag and 304 answers.
// `served` lists every request path; `bytesSent()` counts every byte written to the network (headers included);
// `serve(dir)` switches to another folder (a new release deployed); `close()` stops it at once.
export async function startServer(root = DIST) {
  const served = [];
  const gzipped = new Map();  // etag -> gzipped body
  const sockets = new Set();
  let closedBytes = 0;
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    served.push(url.pathname);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.join(root, path.normalize(rel).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    let body;
    try {
      body = await fsp.readFile(file);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const etag = `"${crypto.createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
    const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', etag };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag, 'cache-control': 'no-cache' }).end();
      return;
    }
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      // Compressed once a version of a file, as tools/serve.mjs (./run.sh) and any real server does: compressing the
      // WebAssembly again at every request took this machine's CPU from the page being measured.
      if (!gzipped.has(etag)) gzipped.set(etag, zlib.gzipSync(body, { level: 9 }));
      body = gzipped.get(etag);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => { closedBytes += s.bytesWritten; sockets.delete(s); });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    served,
    serve: (dir) => { root = dir; },
    bytesSent: () => closedBytes + [...sockets].reduce((n, s) => n + s.bytesWritten, 0),
    close: () => new Promise((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

// A browser context on a fresh profile directory (removed by close()).
export async function launch(options = {}) {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'skillcalc-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await fsp.rm(dir, { recursive: true, force: true });
    },
  };
}

// Fails the test if the page ever asks for anything outside `base`.
export function watchOrigin(context, base) {
  const outside = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  return outside;
}

export async function waitReady(page) {
  await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
}

// The four situations checked by hand against the policy texts (see the issue).
export const CASES = {
  weihai: {
    situation: { city: 'weihai', as_of: '2025-09-01', applicant: { kind: 'person' },
      events: [{ id: 'e1', type: 'skill_level', date: '2025-07-15', level: 'senior_technician', route: 'jinlanling_training' }] },
    clause: 'WH25-02-jinlanling', status: 'granted', yuan: 5000,
  },
  yantai: {
    situation: { city: 'yantai', as_of: '2025-09-01', applicant: { kind: 'enterprise' },
      events: [{ id: 'e1', type: 'skill_level', date: '2025-03-10', level: 'technician', trained_by: 'own_enterprise', count: 45 }] },
    clause: 'YT24-11-technician-upgrade-subsidy', status: 'capped', yuan: 100000,
  },
  jining: {
    situation: { city: 'jining', as_of: '2025-09-01', applicant: { kind: 'person', employer: 'enterprise' },
      events: [{ id: 'e1', type: 'skill_level', date: '2025-03-03', level: 'technician', route: 'social_evaluation' }] },
    clause: 'JN24-02-technician-subsidy', status: 'granted', yuan: 2000,
  },
  rizhao: {
    situation: { city: 'rizhao', as_of: '2025-09-01', applicant: { kind: 'enterprise' },
      events: [{ id: 'e1', type: 'hire', date: '2022-04-01', talent: 'qilu_chief_technician', from_outside_city: true,
        full_time: true, annual_salary_yuan: 300000 }] },
    clause: 'RZ19-08-import-reward', status: 'granted', yuan: 90000,
  },
};

export function shareFragment(situation) {
  return `#s=${Buffer.from(JSON.stringify(situation), 'utf8').toString('base64url')}`;
}

// Fills the form the way a person does: city, who, then each event with its fields, then Calculate.
export async function fillSituation(page, situation) {
  if (await page.locator(`#f-city-${situation.city}`).count()) await page.check(`#f-city-${situation.city}`);
  await page.check(`#f-kind-${situation.applicant.kind}`);
  for (const [k, v] of Object.entries(situation.applicant)) {
    if (k !== 'kind') await setField(page, `#f-app-${k}`, v);
  }
  for (const ev of situation.events) {
    await page.selectOption('#f-add-type', ev.type);
    await page.click('#f-add-button');
    const set = page.locator('fieldset.event').last();
    const setId = await set.getAttribute('id'); // f-ev{key}-set
    const scope = setId.replace(/-set$/, '');
    for (const [k, v] of Object.entries(ev)) {
      if (k === 'id' || k === 'type') continue;
      await setField(page, `#${scope}-${k}`, v);
    }
  }
  if (situation.as_of) {
    if (!(await page.locator('#f-opt-as_of').isVisible())) await page.click('details.more > summary');
    await page.fill('#f-opt-as_of', situation.as_of);
  }
  await page.click('#calculate');
  await page.waitForSelector('#result:not([hidden]) #totals');
}

// A field the city's catalog does not ask (e.g. Jining asks no route for a skill level) is left out, as a person
// could not give it either.
async function setField(page, selector, value) {
  const el = page.locator(selector);
  if (!(await el.count())) return;
  const tag = await el.evaluate((e) => `${e.tagName}:${e.type}`);
  if (tag.startsWith('SELECT')) await el.selectOption(String(value));
  else if (tag === 'INPUT:checkbox') await el.setChecked(!!value);
  else await el.fill(String(value));
}

// The site for one test file: dist/ served on loopback and a fresh Chromium, started before its tests and closed
// after them. `outside` lists every request that left the site's origin (it must stay empty).
export function useSite() {
  const site = { server: null, browser: null, outside: null };
  before(async () => {
    assert.ok(distReady(), `${DIST} is not assembled: run wasm/build.sh, then web/assemble.sh`);
    site.server = await startServer();
    site.browser = await launch();
    site.outside = watchOrigin(site.browser.context, site.server.url);
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}
