// A page whose calculator cannot be loaded (its WebAssembly missing on the server, as halfway through a bad upload)
// says so in words, as an alert, instead of "loading…" for ever; and it installs no service worker, so a later
// visit to a repaired server is not held to the broken files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, distReady, startServer, launch, shareFragment, CASES } from './helpers.mjs';

test('without its WebAssembly the page says the calculator could not be loaded, and registers no worker', async () => {
  assert.ok(distReady(), `${DIST} is not assembled: run wasm/build.sh, then web/assemble.sh`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'skillcalc-broken-'));
  fs.cpSync(DIST, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'skillcalc_core.wasm'));
  const server = await startServer(dir);
  const b = await launch();
  try {
    const page = b.context.pages()[0] ?? await b.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url + shareFragment(CASES.weihai.situation));
    const loading = page.locator('#loading[role="alert"]');
    await loading.waitFor({ timeout: 30_000 });
    assert.match(await loading.textContent(), /计算器未能载入/);
    assert.equal(await page.getAttribute('html', 'data-ready'), null, 'the page does not claim to be ready');
    assert.equal(await page.locator('#totals').count(), 0);
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.deepEqual(errors, [], 'no uncaught error');
  } finally {
    await b.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
