// web/qr.js against an independent decoder (jsQR): texts of every length a share link may have, from version 1 to
// past 20, at levels M and L, rasterised without a browser and read back byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import jsQR from 'jsqr';
import { qrMatrix } from '../../web/qr.js';

// Black and white RGBA pixels, `scale` per module, with the quiet zone.
export function rasterise({ size, modules }, scale = 4) {
  const n = (size + 8) * scale;
  const px = new Uint8ClampedArray(n * n * 4).fill(255);
  modules.forEach((row, y) => row.forEach((on, x) => {
    if (!on) return;
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const i = (((y + 4) * scale + dy) * n + (x + 4) * scale + dx) * 4;
        px[i] = px[i + 1] = px[i + 2] = 0;
      }
    }
  }));
  return { data: px, width: n, height: n };
}

function roundTrip(text, ecc) {
  const m = qrMatrix(text, { ecc });
  const img = rasterise(m);
  const got = jsQR(img.data, img.width, img.height, { inversionAttempts: 'dontInvert' });
  return { m, got: got ? got.data : null };
}

test('short texts: version 1 holds 14 bytes at M, and the size follows the version', () => {
  const { m, got } = roundTrip('HELLO-12333', 'M');
  assert.equal(m.version, 1);
  assert.equal(m.size, 21);
  assert.equal(got, 'HELLO-12333');
  assert.equal(qrMatrix('x'.repeat(14)).version, 1);
  assert.equal(qrMatrix('x'.repeat(15)).version, 2);  // 16 data codewords at 1-M: 14 bytes after mode and count
});

test('every length a share link may have decodes to the same text, at M and L', () => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  const versions = new Set();
  for (const len of [20, 40, 77, 106, 134, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 700]) {
    for (const ecc of ['M', 'L']) {
      let s = 'http://127.0.0.1:8080/#s=';
      while (s.length < len) s += alphabet[rand() % alphabet.length];
      const { m, got } = roundTrip(s, ecc);
      versions.add(m.version);
      assert.equal(got, s, `length ${len}, level ${ecc}, version ${m.version}, mask ${m.mask}`);
    }
  }
  assert.ok(Math.max(...versions) >= 20, `versions ${[...versions]}`);
});

test('UTF-8 text is carried as bytes', () => {
  const { got } = roundTrip('申领清单 https://example.org/#s=abc', 'M');
  assert.equal(got, '申领清单 https://example.org/#s=abc');
});

test('more than a version-40 code holds is refused, not cut', () => {
  assert.throws(() => qrMatrix('x'.repeat(3000), { ecc: 'M' }), RangeError);
});
