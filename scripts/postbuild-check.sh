#!/usr/bin/env bash
# Sanity checks on a release build: the site has its entry files and no inline script.
set -euo pipefail
dir="${1:-dist}"
test -f "$dir/index.html" || { echo "no $dir/index.html" >&2; exit 1; }
ls "$dir"/*.wasm >/dev/null 2>&1 || { echo "no wasm in $dir" >&2; exit 1; }
if grep -Pzo '<script(?![^>]*\bsrc=)[^>]*>\s*[^<\s]' "$dir/index.html" >/dev/null; then
  echo "inline <script> found in $dir/index.html: the Content-Security-Policy forbids it" >&2
  exit 1
fi
# Every content-hashed file has a long-lived caching rule in _headers (docs/hosting.md).
node -e '
const fs = require("fs"), path = require("path");
const dir = process.argv[1];
const rules = fs.readFileSync(path.join(dir, "_headers"), "utf8").split("\n").filter((l) => /^\/[^ ]*\*$/.test(l)).map((l) => l.slice(1, -1)).filter((r) => r !== "");
const missing = fs.readdirSync(dir).filter((f) => /-[0-9a-f]{15,16}(_bg)?\.[a-z]+$/.test(f)).filter((f) => !rules.some((r) => f.startsWith(r)));
if (missing.length) { console.error("no caching rule in _headers for: " + missing.join(", ")); process.exit(1); }
' "$dir"
