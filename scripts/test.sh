#!/usr/bin/env bash
# Builds everything and runs every test: unit tests natively and as wasm under Node (CTest), the
# check that both runs have the same test cases, the desktop window under Xvfb, and the browser
# tests in headless Chromium. Ends with one line: "N passed, M failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
"$ROOT/scripts/setup.sh" --with-browser || exit 1
"$ROOT/scripts/build.sh" all || exit 1
export NODE_PATH=/usr/share/nodejs

passed=0; failed=0
step() { # name command...
  local name=$1; shift
  echo "=== $name"
  if "$@"; then passed=$((passed + 1)); echo "--- ok: $name"; else failed=$((failed + 1)); echo "--- FAILED: $name"; fi
}

step "unit + integration tests (native, ctest)" ctest --test-dir build/native --output-on-failure
step "unit tests (wasm under Node, ctest)" ctest --test-dir build/web --output-on-failure
step "same test cases natively and in wasm" scripts/check_parity.sh
step "browser tests (headless Chromium)" bash -c "cd tests/browser && npm test"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
