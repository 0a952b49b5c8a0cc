#!/usr/bin/env bash
# Installs what building and testing Planwright needs, and only what is
# missing or at the wrong version, so a second run costs a few seconds.
#
#   scripts/ensure-tools.sh          build tools: wasm target, trunk,
#                                    wasm-bindgen-cli, node packages (wasm-opt)
#   scripts/ensure-tools.sh --test   the same plus Chromium and ChromeDriver, and
#                                    the interop readers (Java, and MPXJ and
#                                    icalendar in .venv at the versions of
#                                    tests/interop/requirements.txt)
#                                    and poppler's pdftotext (print journeys)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
want_browser=false
[ "${1:-}" = "--test" ] && want_browser=true

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 20 minutes on a new machine)"
  cargo install --locked --force "trunk@$TRUNK_VERSION"
fi

# wasm-bindgen-cli must match the wasm-bindgen library in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
  echo "error: no wasm-bindgen entry in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock)"
  # --locked does not resolve for this crate at the moment, so it is left off.
  cargo install --force "wasm-bindgen-cli@$WASM_BINDGEN_VERSION"
fi

# Node packages (wasm-opt from binaryen, Playwright, axe-core), local to the
# repo and exactly as the committed lockfile says.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -f node_modules/.package-lock.json ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing node packages from package-lock.json"
  npm ci --no-audit --no-fund
fi

# Crates, so that trunk's offline builds find them.
cargo fetch --locked >/dev/null

if $want_browser && { ! have chromium || ! have chromedriver; }; then
  say "installing Debian's chromium and chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y chromium chromium-driver \
    || { as_root apt-get update && as_root apt-get install -y chromium chromium-driver; }
fi

# Readers for the interop tier (make test-interop): Python packages pinned in
# tests/interop/requirements.txt, in a venv inside the repo, installed only
# when one is missing or at another version; and Java for MPXJ.
if $want_browser; then
  if ! have java; then
    say "installing Debian's openjdk-17-jre-headless (Java for MPXJ)"
    export DEBIAN_FRONTEND=noninteractive
    as_root apt-get install -y openjdk-17-jre-headless \
      || { as_root apt-get update && as_root apt-get install -y openjdk-17-jre-headless; }
  fi
  requirements=tests/interop/requirements.txt
  wanted=$(grep -Ev '^[[:space:]]*(#|$)' "$requirements" | tr '[:upper:]' '[:lower:]' | sort)
  installed=$(.venv/bin/python -m pip freeze --disable-pip-version-check 2>/dev/null \
    | tr '[:upper:]' '[:lower:]' | sort || true)
  if [ "$wanted" != "$installed" ]; then
    say "installing the interop readers into .venv (MPXJ, JPype1, icalendar)"
    if ! .venv/bin/python -c 'import sys' 2>/dev/null; then
      rm -rf .venv
      python3 -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
    # Anything else in the venv would make the next run install again.
    extra=$(.venv/bin/python -m pip freeze --disable-pip-version-check | tr '[:upper:]' '[:lower:]' \
      | sort | comm -23 - <(printf '%s\n' "$wanted") | cut -d= -f1)
    if [ -n "$extra" ]; then
      # shellcheck disable=SC2086
      .venv/bin/python -m pip uninstall --quiet --yes $extra
    fi
  fi
fi

# The print journeys read the PDFs Chromium prints with poppler's pdfinfo
# and pdftotext.
if $want_browser && ! have pdftotext; then
  say "installing Debian's poppler-utils (pdftotext)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y poppler-utils \
    || { as_root apt-get update && as_root apt-get install -y poppler-utils; }
fi

exit 0
