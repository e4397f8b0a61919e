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
