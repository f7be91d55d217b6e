// Serves dist/ on localhost for ./run.sh: static files, gzipped when the browser accepts it, nothing else.
// Every answer carries the page's security headers (the same policy as index.html's meta tag, plus what only a
// header can say: frame-ancestors). A bad request gets 400 and the server goes on.
// usage: node tools/serve.mjs [DIR]
//   PORT=8080 (0: any free port), HOST=127.0.0.1,
//   FRAME_ANCESTORS="'self'" (the sites allowed to frame the page, e.g. "'self' https://www.weihai.gov.cn")
import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'dist');
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
};

// A source list of CSP frame-ancestors: 'self', 'none', or http(s) origins (a * only as the leading label).
function frameAncestors(text) {
  const parts = String(text).trim().split(/\s+/).filter(Boolean);
  const ok = parts.length && parts.every((p) => /^'(self|none)'$/.test(p) ||
    /^https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?$/i.test(p));
  if (!ok) {
    console.error(`serve: FRAME_ANCESTORS must be 'self', 'none' or origins such as https://www.weihai.gov.cn; got ${text}`);
    process.exit(2);
  }
  return parts.join(' ');
}

const SECURITY = {
  'content-security-policy': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
    "img-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; " +
    `form-action 'none'; object-src 'none'; frame-ancestors ${frameAncestors(process.env.FRAME_ANCESTORS ?? "'self'")}`,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
};
const cache = new Map();  // path -> { body, gz, mtime }

function plain(res, status, text) {
  res.writeHead(status, { ...SECURITY, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(text);
}

// The file a URL asks for, or { status } when the URL cannot name one.
function fileFor(url) {
  let rel;
  try {
    rel = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return { status: 400 };
  }
  if (rel.includes('\0')) return { status: 400 };
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, path.normalize(rel));
  return file.startsWith(root + path.sep) ? { file } : { status: 403 };
}

async function answer(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return plain(res, 405, 'method not allowed');
  }
  const { file, status } = fileFor(req.url);
  if (!file) return plain(res, status, status === 400 ? 'bad request' : 'forbidden');
  let entry;
  try {
    entry = cache.get(file);
    const stat = await fs.stat(file);
    if (!stat.isFile()) return plain(res, 404, 'not found');
    if (!entry || entry.mtime !== stat.mtimeMs) {
      const body = await fs.readFile(file);
      entry = { body, gz: zlib.gzipSync(body, { level: 9 }), mtime: stat.mtimeMs };
      cache.set(file, entry);
    }
  } catch {
    return plain(res, 404, 'not found');
  }
  const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  const body = gzip ? entry.gz : entry.body;
  res.writeHead(200, {
    ...SECURITY,
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache', 'content-length': body.length, vary: 'accept-encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const server = http.createServer((req, res) => {
  answer(req, res).catch((err) => {
    console.error(`serve: ${req.method} ${req.url}: ${err.message}`);
    if (!res.headersSent) plain(res, 500, 'internal error');
    else res.destroy();
  });
});
server.on('clientError', (err, socket) => {
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
  else socket.destroy();
});
server.listen(port, host, () => {
  const shown = host === '0.0.0.0' ? '127.0.0.1' : host;
  console.log(`skillcalc is at http://${shown}:${server.address().port}/ (Ctrl-C stops it)`);
});
