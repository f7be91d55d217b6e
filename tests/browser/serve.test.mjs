// tools/serve.mjs (what ./run.sh starts): bad requests get 400 and the server goes on; every answer carries the
// security headers; FRAME_ANCESTORS names the sites that may frame the page. Needs node only (no browser, no dist/).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { ROOT } from './helpers.mjs';

const SERVE = path.join(ROOT, 'tools/serve.mjs');
let dir;

function start(env = {}) {
  const child = spawn(process.execPath, [SERVE, dir], { env: { ...process.env, PORT: '0', ...env }, stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => { err += d; });
  const url = new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d;
      const m = /http:\/\/[\d.]+:(\d+)\//.exec(out);
      if (m) resolve(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(Object.assign(new Error(`serve exited ${code}: ${err}`), { code, err })));
  });
  return { child, url, stderr: () => err };
}

// A request with the path exactly as written (fetch would normalise it).
function raw(base, text) {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const s = net.connect(Number(port), '127.0.0.1', () => s.write(text));
    let got = '';
    s.on('data', (d) => { got += d; });
    s.on('end', () => resolve(got));
    s.on('error', reject);
  });
}
const status = (reply) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply)?.[1]);
const get = (base, p) => raw(base, `GET ${p} HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n`);

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-serve-'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(dir, 'app.js'), 'export {};\n');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a URL that does not decode gets 400, and the server answers the next request', async (t) => {
  const s = start();
  t.after(() => s.child.kill());
  const base = await s.url;
  assert.equal(status(await get(base, '/%E0%A4%A')), 400);
  assert.equal(status(await get(base, '/%')), 400);
  assert.equal(status(await get(base, '/a%00b')), 400);
  assert.equal(status(await raw(base, 'NOT HTTP AT ALL\r\n\r\n')), 400);
  const res = await fetch(`${base}/`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<title>t<\/title>/);
  assert.equal(s.child.exitCode, null, 'still running');
});

test('paths outside the folder, folders and other methods are refused', async (t) => {
  const s = start();
  t.after(() => s.child.kill());
  const base = await s.url;
  assert.ok([403, 404].includes(status(await get(base, '/..%2f..%2f..%2fetc%2fpasswd'))));
  assert.ok([403, 404].includes(status(await get(base, '/../../etc/passwd'))));
  assert.equal(status(await get(base, '/nothing.js')), 404);
  assert.equal((await fetch(`${base}/app.js`, { method: 'POST', body: 'x' })).status, 405);
  assert.equal((await fetch(`${base}/app.js`)).status, 200);
});

test('every answer carries the security headers, frame-ancestors included', async (t) => {
  const s = start();
  t.after(() => s.child.kill());
  const base = await s.url;
  for (const p of ['/', '/app.js', '/missing', '/%E0%A4%A']) {
    const reply = await get(base, p);
    const headers = reply.split('\r\n\r\n')[0].toLowerCase();
    assert.match(headers, /content-security-policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval';/, p);
    assert.match(headers, /frame-ancestors 'self'(\r|$)/m, p);
    assert.match(headers, /x-content-type-options: nosniff/, p);
    assert.match(headers, /referrer-policy: no-referrer/, p);
  }
});

test('FRAME_ANCESTORS lets a city website frame the page; a malformed list stops the server with a message', async (t) => {
  const s = start({ FRAME_ANCESTORS: "'self' https://www.weihai.gov.cn" });
  t.after(() => s.child.kill());
  const res = await fetch(`${await s.url}/`);
  assert.match(res.headers.get('content-security-policy'), /frame-ancestors 'self' https:\/\/www\.weihai\.gov\.cn$/);

  const bad = start({ FRAME_ANCESTORS: "https://x; script-src *" });
  bad.url.catch(() => {});
  const [code] = await once(bad.child, 'exit');
  assert.equal(code, 2);
  assert.match(bad.stderr(), /FRAME_ANCESTORS/);
});
