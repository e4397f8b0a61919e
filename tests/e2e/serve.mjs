// Static server for the browser tests and benchmarks: serves dist/ on 127.0.0.1, optionally under
// a sub-path, with the headers the README recommends for hosting (CSP included).
//   node tests/e2e/serve.mjs <dir> <port> [base-path]
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [, , dir = 'dist', port = '8043', base = '/'] = process.argv;
const root = path.resolve(dir);
const prefix = base.endsWith('/') ? base : base + '/';
const types = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.json': 'application/json', '.webmanifest': 'application/manifest+json', '.ico': 'image/x-icon',
};
let headers = {};
try { headers = JSON.parse(fs.readFileSync(path.join(root, 'headers.json'), 'utf8')); } catch { /* optional */ }

http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (!url.pathname.startsWith(prefix)) { res.writeHead(404); res.end('outside base path'); return; }
  let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || 'index.html';
  let file = path.join(root, rel);
  if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) { res.writeHead(404); res.end('not found'); return; }
  const ext = path.extname(file);
  res.writeHead(200, {
    'Content-Type': types[ext] || 'application/octet-stream',
    'Cache-Control': ext === '.html' || rel === 'sw.js' ? 'no-cache' : 'public, max-age=31536000, immutable',
    ...headers,
  });
  fs.createReadStream(file).pipe(res);
}).listen(+port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${prefix}`));
