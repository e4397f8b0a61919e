#!/usr/bin/env bash
# Installs what gap42 needs to build and test, idempotently: each tool is checked first and
# installed only when missing or at the wrong version. Nothing is downloaded from outside the
# package registries (crates.io, npm, Debian). See shared/TOOLCHAIN.md for why each pin exists.
#
#   scripts/setup.sh          everything (build + browser tests)
#   scripts/setup.sh build    only what `trunk build` needs
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"

TRUNK_VERSION="0.21.14"
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WBG_VERSION="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)"
[ -n "$WBG_VERSION" ] || { echo "cannot read the wasm-bindgen version from Cargo.lock" >&2; exit 1; }

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}"; then
  say "installing trunk ${TRUNK_VERSION} (several minutes, once)"
  cargo install trunk --version "${TRUNK_VERSION}" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WBG_VERSION}"; then
  say "installing wasm-bindgen-cli ${WBG_VERSION} (about two minutes, once)"
  # Without --locked: its lockfile names a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "${WBG_VERSION}" --force
fi

# wasm-split cuts the release wasm at gap42's split points (scripts/split-wasm.mjs).
WASM_SPLIT_VERSION="0.2.4"
if ! command -v wasm-split-cli >/dev/null 2>&1 \
   || ! cargo install --list | grep -qx "wasm_split_cli_support v${WASM_SPLIT_VERSION}:"; then
  say "installing wasm-split-cli ${WASM_SPLIT_VERSION} (about a minute and a half, once)"
  cargo install wasm_split_cli_support --version "${WASM_SPLIT_VERSION}" --features build-binary --locked --force
fi

# Node packages: binaryen (wasm-opt 132; never Debian's 108), Playwright test runner, axe-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

[ "$what" = "build" ] && exit 0

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1 \
   || ! command -v pdftotext >/dev/null 2>&1; then
  say "installing Debian chromium, chromium-driver and poppler-utils"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver poppler-utils >/dev/null
fi
say "toolchain ready: $(trunk --version), wasm-bindgen ${WBG_VERSION}, $(node_modules/.bin/wasm-opt --version)"
