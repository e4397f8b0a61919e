#!/usr/bin/env bash
# Deterministic size budget: fails when the brotli-compressed wasm of the release build exceeds
# its budget. Sizes are stable across runs; times are not, so only sizes are asserted in tests.
set -euo pipefail
dir="${1:-dist}"
WASM_BROTLI_BUDGET=${WASM_BROTLI_BUDGET:-300000}
node -e '
const fs = require("fs"), zlib = require("zlib"), path = require("path");
const dir = process.argv[1], budget = +process.argv[2];
const wasm = fs.readdirSync(dir).filter(f => f.endsWith(".wasm"));
if (wasm.length !== 1) { console.error("expected one .wasm in " + dir); process.exit(1); }
const raw = fs.readFileSync(path.join(dir, wasm[0]));
const br = zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`size-check: ${wasm[0]} ${raw.length} B raw, ${br} B brotli (budget ${budget} B)`);
if (br > budget) { console.error("size-check: the wasm is over its brotli budget"); process.exit(1); }
' "$dir" "$WASM_BROTLI_BUDGET"
