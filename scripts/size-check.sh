#!/usr/bin/env bash
# Deterministic size budget of a release build (`make test` runs it on dist/ after `make dist`).
# Sizes are stable across runs; times are not, so only sizes are asserted in tests (timings are
# reported by `make bench`, never asserted).
#
# The budget is the README's: a first load transfers at most 250 KB brotli (KB = 1000 B). The wasm
# gets what the rest of the first load leaves: 250 000 B minus the JS (boot + wasm-bindgen glue,
# 9.5 KB), CSS (8.1 KB) and HTML (1.0 KB) measured by `make bench`, rounded down:
# WASM_BROTLI_BUDGET = 231 000 B. The whole first load (index.html and every .js, .css and .wasm
# it references) is checked against the 250 000 B too, so growing CSS or JS cannot hide.
# Brotli quality 11, as a host precompressing static files would use.
#
# gap42 does NOT meet that budget yet (428 KB brotli wasm at the time of writing; see the README's
# measured figures). So that `make test` stays a useful gate, it fails on a REGRESSION CEILING a
# little above today's size (WASM 440 000 B, first load 460 000 B), and prints the gap to the
# product budget on every run. Lower the ceilings as the size comes down; when the product budget
# is met, set the ceilings to it (GAP42_ENFORCE_PRODUCT_BUDGET=1 does that now).
set -euo pipefail
dir="${1:-dist}"
PRODUCT_WASM_BUDGET=231000
PRODUCT_FIRST_LOAD_BUDGET=250000
if [ "${GAP42_ENFORCE_PRODUCT_BUDGET:-0}" = 1 ]; then
  WASM_BROTLI_BUDGET=${WASM_BROTLI_BUDGET:-$PRODUCT_WASM_BUDGET}
  FIRST_LOAD_BROTLI_BUDGET=${FIRST_LOAD_BROTLI_BUDGET:-$PRODUCT_FIRST_LOAD_BUDGET}
else
  WASM_BROTLI_BUDGET=${WASM_BROTLI_BUDGET:-440000}
  FIRST_LOAD_BROTLI_BUDGET=${FIRST_LOAD_BROTLI_BUDGET:-460000}
fi
echo "size-check: product budget ${PRODUCT_FIRST_LOAD_BUDGET} B brotli first load (wasm ${PRODUCT_WASM_BUDGET} B); failing above the regression ceiling ${FIRST_LOAD_BROTLI_BUDGET} B (wasm ${WASM_BROTLI_BUDGET} B)"
node -e '
const fs = require("fs"), zlib = require("zlib"), path = require("path");
const [dir, wasmBudget, totalBudget] = [process.argv[1], +process.argv[2], +process.argv[3]];
const br = (buf) => zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const wasm = fs.readdirSync(dir).filter((f) => f.endsWith(".wasm"));
if (wasm.length !== 1) { console.error("size-check: expected one .wasm in " + dir); process.exit(1); }
const raw = fs.readFileSync(path.join(dir, wasm[0]));
const wasmBr = br(raw);
// The first load: index.html and the .js/.css/.wasm files it references (./name).
const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
const refs = new Set([...html.matchAll(/(?:href|src)="\.\/([^"?#]+\.(?:js|css|wasm))"/g)].map((m) => m[1]));
refs.add(wasm[0]);
let total = br(Buffer.from(html)), parts = [`index.html ${total}`];
for (const f of refs) {
  const p = path.join(dir, f);
  if (!fs.existsSync(p)) { console.error(`size-check: index.html references ${f}, which is not in ${dir}`); process.exit(1); }
  const b = f === wasm[0] ? wasmBr : br(fs.readFileSync(p));
  total += b;
  if (f !== wasm[0]) parts.push(`${f} ${b}`);
}
console.log(`size-check: ${wasm[0]} ${raw.length} B raw, ${wasmBr} B brotli (budget ${wasmBudget} B)`);
console.log(`size-check: first load ${total} B brotli (budget ${totalBudget} B): wasm ${wasmBr} + ${parts.join(" + ")}`);
let ok = true;
if (wasmBr > wasmBudget) {
  console.error(`size-check: the wasm is ${wasmBr - wasmBudget} B (${(100 * (wasmBr / wasmBudget - 1)).toFixed(0)}%) over its brotli budget`);
  ok = false;
}
if (total > totalBudget) {
  console.error(`size-check: the first load is ${total - totalBudget} B over its brotli budget`);
  ok = false;
}
process.exit(ok ? 0 : 1);
' "$dir" "$WASM_BROTLI_BUDGET" "$FIRST_LOAD_BROTLI_BUDGET"
