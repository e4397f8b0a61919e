// Release builds only (called by post-build.mjs): cut the wasm at gap42's split points, so that
// the first load fetches only what the home page needs, then optimise every wasm file.
//
// Trunk 0.21 cannot split a wasm module, so this does after trunk what cargo-leptos does with
// `--split` (see src/ui/lazy.rs for the split points):
//   1. wasm-split (crate wasm_split_cli_support) cuts cargo's own output (linked with
//      --emit-relocs) into a main module, one module per split point, shared chunks, and a small
//      loader (__wasm_split.js);
//   2. wasm-bindgen (the version in Cargo.lock, with trunk's flags) turns the main module into
//      trunk's gap42-<hash>.js and gap42-<hash>_bg.wasm, replacing trunk's;
//   3. wasm-opt -Oz on every wasm file (trunk's own wasm-opt is off: data-wasm-opt="0");
//   4. the split files get content-hashed names, and index.html preloads the loader with its
//      integrity.
// A release build without split points (cargo run without --cfg gap42_split) is only optimised.
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';

const PLACEHOLDER = Buffer.from('__wasm_split_placeholder__');
// The features rustc 1.95 enables for wasm32-unknown-unknown; wasm-opt must be told about them.
const WASM_OPT_FLAGS = ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
  '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

const hash16 = (buf) => crypto.createHash('sha256').update(buf).digest('hex').slice(0, 16);
const sri = (buf) => 'sha384-' + crypto.createHash('sha384').update(buf).digest('base64');

/** The executable `name`: from node_modules/.bin, then PATH, then ~/.cargo/bin. */
function tool(name, sourceDir) {
  const dirs = [path.join(sourceDir, 'node_modules', '.bin'), ...(process.env.PATH || '').split(':'),
    path.join(os.homedir(), '.cargo', 'bin')];
  for (const d of dirs) {
    const p = path.join(d, name);
    if (d && fs.existsSync(p)) return p;
  }
  throw new Error(`split-wasm: ${name} is not installed (run scripts/setup.sh)`);
}

function run(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    throw new Error(`split-wasm: ${path.basename(cmd)} failed: ${e.stderr || e.message}`);
  }
}

function optimise(file, sourceDir) {
  // GAP42_WASM_NAMES=1 keeps function names (for a CPU profile that names Rust functions).
  const names = process.env.GAP42_WASM_NAMES === '1' ? ['-g'] : [];
  run(tool('wasm-opt', sourceDir), [...WASM_OPT_FLAGS, ...names, file, '-o', file]);
}

/**
 * Split and optimise the release wasm in `staging` (trunk's staging dir). Returns the names of
 * the files written, for the log.
 */
export function splitRelease({ staging, sourceDir, crate = 'gap42' }) {
  const trunkWasm = fs.readdirSync(staging).find((f) => f.startsWith(`${crate}-`) && f.endsWith('_bg.wasm'));
  if (!trunkWasm) throw new Error(`split-wasm: no ${crate}-<hash>_bg.wasm in ${staging}`);
  const stem = trunkWasm.slice(0, -'_bg.wasm'.length); // gap42-<hash>
  const targetDir = process.env.CARGO_TARGET_DIR || path.join(sourceDir, 'target');
  const cargoWasm = path.join(targetDir, 'wasm32-unknown-unknown', 'release', `${crate}.wasm`);
  const input = fs.existsSync(cargoWasm) ? fs.readFileSync(cargoWasm) : null;

  if (!input || !input.includes(PLACEHOLDER)) {
    optimise(path.join(staging, trunkWasm), sourceDir);
    return { split: false, files: [trunkWasm] };
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gap42-split-'));
  try {
    const splitDir = path.join(work, 'split');
    const bgDir = path.join(work, 'bindgen');
    fs.mkdirSync(splitDir);
    fs.mkdirSync(bgDir);
    run(tool('wasm-split-cli', sourceDir), [cargoWasm, splitDir, '--out-name', stem]);
    // Trunk's wasm-bindgen flags for this crate (index.html: data-weak-refs), and the function
    // table kept exported: the split modules import it.
    run(tool('wasm-bindgen', sourceDir), ['--target', 'web', '--out-dir', bgDir, '--out-name', stem,
      '--no-typescript', '--weak-refs', '--keep-lld-exports', path.join(splitDir, `${stem}.wasm`)]);

    // Split modules and chunks: optimise, then name them by content.
    const renames = new Map();
    for (const f of fs.readdirSync(splitDir).sort()) {
      if (!f.endsWith('.wasm') || f === `${stem}.wasm`) continue;
      const p = path.join(splitDir, f);
      optimise(p, sourceDir);
      const buf = fs.readFileSync(p);
      // split_<name>_<rustc hash>.wasm → split-<name>-<content hash>.wasm; chunk_N.wasm likewise.
      const base = f.replace(/\.wasm$/, '').replace(/_\d{6,}$/, '').replace(/_/g, '-');
      const out = `${base}-${hash16(buf)}.wasm`;
      fs.writeFileSync(path.join(staging, out), buf);
      renames.set(f, out);
    }
    let loader = fs.readFileSync(path.join(splitDir, '__wasm_split.js'), 'utf8');
    for (const [from, to] of renames) loader = loader.split(`"./${from}"`).join(`"./${to}"`);
    const loaderName = `wasm-split-${hash16(loader)}.js`;
    fs.writeFileSync(path.join(staging, loaderName), loader);

    // The main module replaces trunk's (same name: it is derived from the same cargo output).
    const mainWasm = path.join(bgDir, `${stem}_bg.wasm`);
    optimise(mainWasm, sourceDir);
    fs.copyFileSync(mainWasm, path.join(staging, trunkWasm));
    const js = fs.readFileSync(path.join(bgDir, `${stem}.js`), 'utf8')
      // Only the module specifiers: the wasm's import object keeps the name "./__wasm_split.js".
      .split('from "./__wasm_split.js"').join(`from "./${loaderName}"`);
    fs.writeFileSync(path.join(staging, `${stem}.js`), js);

    // index.html: the module preload of the glue carries an integrity hash of trunk's file.
    const indexPath = path.join(staging, 'index.html');
    let html = fs.readFileSync(indexPath, 'utf8');
    const preload = new RegExp(`(<link rel="modulepreload" href="\\./${stem}\\.js"[^>]*?integrity=")[^"]*(")`);
    if (!preload.test(html)) throw new Error('split-wasm: no modulepreload of the glue in index.html');
    html = html.replace(preload, `$1${sri(Buffer.from(js))}$2`);
    html = html.replace('</head>',
      `<link rel="modulepreload" href="./${loaderName}" crossorigin="anonymous" integrity="${sri(Buffer.from(loader))}"></head>`);
    fs.writeFileSync(indexPath, html);
    return { split: true, files: [trunkWasm, `${stem}.js`, loaderName, ...renames.values()] };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
