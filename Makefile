# gap42 — the two commands are `make serve` and `make test`. Both install what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export CARGO_TERM_COLOR := never

.PHONY: setup setup-build serve dist test lint native-test wasm-test e2e size-check bench clean

setup:
	@scripts/setup.sh all

setup-build:
	@scripts/setup.sh build

## Build (debug) and serve on http://127.0.0.1:8042
serve: setup-build
	trunk serve

# The release build is cut at the split points of src/ui/lazy.rs (scripts/split-wasm.mjs), which
# needs the gap42_split cfg and relocations kept by the linker. RUSTFLAGS replaces the rustflags of
# .cargo/config.toml, so erase_components is repeated here.
RELEASE_RUSTFLAGS := --cfg erase_components --cfg gap42_split -C link-arg=--emit-relocs

## Release build into dist/
dist: setup-build
	RUSTFLAGS="$(RELEASE_RUSTFLAGS)" trunk build --release
	@scripts/postbuild-check.sh dist

## Every test: formatting, lints (native and wasm32), native tests, browser tests, end to end.
test: setup lint native-test wasm-test dist size-check e2e
	@echo "make test: all suites passed"

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings

native-test:
	cargo test

wasm-test:
	cargo test --target wasm32-unknown-unknown --test "web_*"

e2e:
	npx playwright test

size-check:
	@scripts/size-check.sh dist

## Benchmarks (README "Measured figures"): release build into dist-bench/, the Leptos hello-world
## baseline (bench/hello, its own target dir), then one table from headless Chromium.
bench: setup
	RUSTFLAGS="$(RELEASE_RUSTFLAGS)" trunk build --release --dist dist-bench
	@scripts/postbuild-check.sh dist-bench
	@scripts/size-check.sh dist-bench || true
	cd bench/hello && trunk build --release
	node bench/run.mjs --dist dist-bench --hello bench/hello/dist

clean:
	rm -rf dist target/wasm32-unknown-unknown
