#!/usr/bin/env bash
# Runs every check and test tier in order and ends with a summary of test
# counts and times. Logs of each step are kept in artifacts/logs/.
# Called by `make test` after the tools are in place.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

logs=artifacts/logs
mkdir -p "$logs"
summary=()
failed=0

# step NAME COUNT-KIND -- command...   (COUNT-KIND: cargo, playwright, plain or none;
# plain reads a closing "N passed, M failed" line)
step() {
  local name=$1 kind=$2
  shift 3
  local log="$logs/$name.log" start=$SECONDS
  printf '\n\033[1m==> %s\033[0m: %s\n' "$name" "$*"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  local took=$((SECONDS - start)) counts=""
  case $kind in
    cargo)
      counts=$(grep -E '^test result: ' "$log" | awk '{p += $4; f += $6; i += $8} END {printf "%d passed, %d failed, %d ignored", p, f, i}')
      ;;
    plain)
      counts=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
      ;;
    playwright)
      counts=$(grep -Eo '[0-9]+ (passed|failed|flaky|skipped)' "$log" | paste -sd, - | sed 's/,/, /g')
      ;;
  esac
  local verdict=ok
  if [ "$status" -ne 0 ]; then verdict=FAILED; failed=1; fi
  summary+=("$(printf '%-12s %-7s %5ss  %s' "$name" "$verdict" "$took" "$counts")")
  return "$status"
}

run() {
  step fmt none -- cargo fmt --all --check || return
  step clippy none -- make --no-print-directory lint || return
  step native cargo -- make --no-print-directory test-native || return
  step interop plain -- make --no-print-directory test-interop || return
  step wasm cargo -- env CHROMEDRIVER="$(command -v chromedriver)" \
    cargo test -p planwright-web --locked --target wasm32-unknown-unknown || return
  step release none -- trunk build --release --locked --public-url /planwright/ || return
  step size none -- node scripts/dist-size.mjs dist || return
  step e2e playwright -- npx playwright test --config tests/e2e/playwright.config.mjs || return
}

total=$SECONDS
run
printf '\n\033[1mSummary\033[0m (logs in %s)\n' "$logs"
printf '%s\n' "${summary[@]}"
printf 'total %ss\n' "$((SECONDS - total))"
exit "$failed"
