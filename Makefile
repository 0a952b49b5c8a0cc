# Planwright: two commands matter.
#   make serve   build and serve the app at http://127.0.0.1:8080 with live reload
#   make test    install what tests need, then run every check and test tier
# Both install only what is missing, so the second run is fast.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Where `make build` puts the site's root, e.g. PUBLIC_URL=/planwright/ for
# https://<user>.github.io/planwright/.
PUBLIC_URL ?= /
E2E_PUBLIC_URL := /planwright/

.PHONY: help serve test tools test-tools fmt lint test-native test-interop test-wasm build build-e2e size test-e2e bench fuzz clean

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

serve: tools ## build and serve the app on http://127.0.0.1:8080 (live reload)
	trunk serve

test: test-tools ## run every check and test tier (what CI runs)
	scripts/test.sh

tools: ## install build tools that are missing (wasm target, trunk, wasm-bindgen-cli, wasm-opt)
	scripts/ensure-tools.sh

test-tools: ## install build tools and the test browser
	scripts/ensure-tools.sh --test

fmt: ## check formatting
	cargo fmt --all --check

lint: ## clippy on the native and the wasm target, warnings are errors
	cargo clippy -p planwright-core -p planwright-cli --all-targets --all-features --locked -- -D warnings
	cargo clippy -p planwright-web --lib --locked -- -D warnings
	cargo clippy -p planwright-web --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

test-native: ## tier 1: the core's and the CLI's unit, golden and property tests, and the app's save rule
	cargo test -p planwright-core -p planwright-cli --locked
	cargo test -p planwright-web --lib --locked

test-interop: test-tools ## tier 1b: exports read back by Python's csv, MPXJ and icalendar
	cargo build -p planwright-cli --locked
	cargo run -q --locked -p planwright-core --example interop_plans -- artifacts/interop/plans
	.venv/bin/python tests/interop/check_exports.py --bin "$${CARGO_TARGET_DIR:-target}/debug/planwright" \
		--plans artifacts/interop/plans --out artifacts/interop/exports

test-wasm: test-tools ## tier 2: wasm-bindgen tests in headless Chromium
	CHROMEDRIVER=$$(command -v chromedriver) cargo test -p planwright-web --locked --target wasm32-unknown-unknown

build: tools ## release build into dist/ for hosting at PUBLIC_URL
	trunk build --release --locked --public-url $(PUBLIC_URL)

build-e2e: tools ## release build served under /planwright/ for the end-to-end tests
	trunk build --release --locked --public-url $(E2E_PUBLIC_URL)

size: ## size of every file in dist/, raw and gzip, against the budget
	node scripts/dist-size.mjs dist

test-e2e: test-tools build-e2e ## tier 3: Playwright journeys on the release build
	npx playwright test --config tests/e2e/playwright.config.mjs

bench: ## time analysis of generated plans of 1k, 10k and 100k tasks, a portfolio of 50 plans of 1k tasks, and diff and merge of 10k-task plans
	cargo bench -p planwright-core --bench analysis
	cargo bench -p planwright-core --bench portfolio
	cargo run --release --locked -p planwright-core --example bench_diff

fuzz: ## a million generated and mutated inputs through import, analysis and every export (release build; a few minutes)
	CARGO_PROFILE_RELEASE_PANIC=unwind cargo run --release --locked -p planwright-core --example fuzz -- $(FUZZ_ARGS)

clean: ## remove build output
	cargo clean
	rm -rf dist artifacts
