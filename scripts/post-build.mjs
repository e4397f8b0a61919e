// trunk post_build hook (runs in the staging dir before dist/ is replaced).
// 1. Moves trunk's inline loader <script> into a same-origin file (boot-<hash>.js): the
//    Content-Security-Policy allows no inline script.
// 0. Release builds: splits the wasm at gap42's split points and optimises it (split-wasm.mjs).
// 2. Writes the service worker's precache list and a content-derived cache version into sw.js,
//    from the files actually built (trunk hashes names, so a hand-written list would go stale).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { splitRelease } from './split-wasm.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) { console.error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)'); process.exit(1); }
if (process.env.TRUNK_PROFILE === 'release') {
  const sourceDir = process.env.TRUNK_SOURCE_DIR || process.cwd();
  try {
    const { split, files } = splitRelease({ staging: dir, sourceDir });
    console.log(`post-build: ${split ? 'split and optimised' : 'optimised (no split points)'}: ${files.join(', ')}`);
  } catch (e) {
    console.error(String(e.message || e));
    process.exit(1);
  }
}
const indexPath = path.join(dir, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');

const inline = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (m) {
  const code = m[1].trim() + '\n';
  const hash = crypto.createHash('sha256').update(code).digest('hex').slice(0, 16);
  const name = `boot-${hash}.js`;
  fs.writeFileSync(path.join(dir, name), code);
  html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
  fs.writeFileSync(indexPath, html);
}
// trunk puts an integrity attribute on the wasm preload (as="fetch"), where browsers ignore it
// and warn in the console; the wasm is fetched by the loader from the same origin anyway.
html = html.replace(/(<link rel="preload"[^>]*?) integrity="[^"]*"([^>]*as="fetch")/g, '$1$2');
fs.writeFileSync(indexPath, html);
if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(html)) {
  console.error('post-build: an inline <script> remains in index.html');
  process.exit(1);
}

// Precache list for the service worker, when there is one. Host configuration files are not
// app files (Netlify-style hosts do not even serve _headers: precaching it would fail the install).
const NOT_PRECACHED = new Set(['sw.js', 'headers.json', '_headers']);
const swPath = path.join(dir, 'sw.js');
if (fs.existsSync(swPath)) {
  const files = [];
  const walk = (d, rel = '') => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else if (!NOT_PRECACHED.has(r) && !r.endsWith('.map')) files.push(r);
    }
  };
  walk(dir);
  files.sort();
  const h = crypto.createHash('sha256');
  for (const f of files) { h.update(f); h.update(fs.readFileSync(path.join(dir, f))); }
  const version = h.digest('hex').slice(0, 16);
  const assets = ['./', ...files.map((f) => './' + f)];
  let sw = fs.readFileSync(swPath, 'utf8');
  sw = sw.replace(/const PRECACHE = \[[^\]]*\];/, `const PRECACHE = ${JSON.stringify(assets)};`)
         .replace(/const VERSION = '[^']*';/, `const VERSION = '${version}';`);
  fs.writeFileSync(swPath, sw);
}
