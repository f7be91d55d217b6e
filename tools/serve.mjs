// Serves dist/ on localhost for ./run.sh: static files, gzipped when the browser accepts it, nothing else.
// usage: node tools/serve.mjs [DIR] (PORT=8080 by default; HOST=127.0.0.1)
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
const cache = new Map();  // path -> { body, gz }

http.createServer(async (req, res) => {
  let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.join(root, path.normalize(rel));
  if (!file.startsWith(root + path.sep)) return res.writeHead(403).end();
  try {
    let entry = cache.get(file);
    const stat = await fs.stat(file);
    if (!entry || entry.mtime !== stat.mtimeMs) {
      const body = await fs.readFile(file);
      entry = { body, gz: zlib.gzipSync(body, { level: 9 }), mtime: stat.mtimeMs };
      cache.set(file, entry);
    }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? entry.gz : entry.body;
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache', 'content-length': body.length, ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
  }
}).listen(port, host, () => console.log(`skillcalc is at http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/ (Ctrl-C stops it)`));
